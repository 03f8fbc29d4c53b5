// The device panel's lower half: components counted and listed by kind, then ports with their
// link state and the far end of each cable.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property DeviceDetail detail

    spacing: Theme.spacingS

    SectionLabel {
        Layout.topMargin: Theme.spacingS
        text: qsTr("Components")
    }
    Text {
        visible: section.detail.components.count === 0
        text: qsTr("No components reported.")
        color: Theme.textDisabled
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Repeater {
            model: section.detail.componentGroups
            delegate: Rectangle {
                id: group
                required property var modelData
                width: groupText.implicitWidth + 2 * Theme.spacingS
                height: 24
                radius: Theme.radiusS
                color: Theme.accentSoft
                Text {
                    id: groupText
                    anchors.centerIn: parent
                    text: qsTr("%1 × %2").arg(group.modelData.count).arg(group.modelData.label)
                    color: Theme.accent
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
            }
        }
    }
    Repeater {
        model: section.detail.components
        delegate: ColumnLayout {
            id: part
            required property string kindLabel
            required property int kindCount
            required property bool firstOfKind
            required property string name
            required property string modelName
            required property string capacity
            required property string health
            Layout.fillWidth: true
            spacing: 2

            Text {
                visible: part.firstOfKind
                Layout.topMargin: Theme.spacingS
                text: qsTr("%1 (%2)").arg(part.kindLabel).arg(part.kindCount)
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Rectangle {
                    implicitWidth: 6
                    implicitHeight: 6
                    radius: 3
                    color: Theme.healthColor(part.health)
                }
                Text {
                    Layout.preferredWidth: 70
                    text: part.name
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption + 1
                }
                Text {
                    Layout.fillWidth: true
                    text: [part.modelName, part.capacity].filter(s => s.length > 0).join(" · ")
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }

    SectionLabel {
        Layout.topMargin: Theme.spacingL
        text: qsTr("Ports")
    }
    Text {
        visible: section.detail.ports.count === 0
        text: qsTr("No ports reported.")
        color: Theme.textDisabled
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
    }
    Repeater {
        model: section.detail.ports
        delegate: RowLayout {
            id: port
            required property string name
            required property string speed
            required property string linkState
            required property string peer
            Layout.fillWidth: true
            spacing: Theme.spacingS

            Rectangle {
                implicitWidth: 8
                implicitHeight: 8
                radius: 4
                color: port.linkState === "up" ? Theme.success
                     : port.linkState === "down" ? Theme.critical : Theme.textDisabled
            }
            Text {
                Layout.preferredWidth: 58
                text: port.name
                elide: Text.ElideRight
                color: Theme.textPrimary
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.fontCaption + 1
            }
            Text {
                Layout.fillWidth: true
                text: port.peer.length > 0 ? "\u2192 " + port.peer : port.speed
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
            Text {
                text: port.linkState === "up" ? qsTr("up") + (port.speed.length > 0 && port.peer.length > 0 ? " · " + port.speed : "")
                    : port.linkState === "down" ? qsTr("down") : qsTr("unknown")
                color: port.linkState === "down" ? Theme.critical : Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: port.linkState === "down" ? Font.DemiBold : Font.Normal
            }
        }
    }
}
