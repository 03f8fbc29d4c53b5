// A finished scan at a glance: what it found (added, changed, unchanged, unreachable, gone), the
// targets that answered with errors, and every device change with its fields before and after.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: outcome

    required property ScanController discovery

    spacing: Theme.spacingM

    component Count: Rectangle {
        id: count
        required property string label
        required property int value
        property color tint: Theme.textPrimary
        Layout.fillWidth: true
        implicitHeight: 64
        radius: Theme.radiusS
        color: Theme.surfaceRaised
        border.width: 1
        border.color: Theme.border
        Accessible.role: Accessible.StaticText
        Accessible.name: count.label + ": " + count.value
        Column {
            anchors.centerIn: parent
            spacing: 2
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: Number(count.value).toLocaleString(Qt.locale(), "f", 0)
                color: count.value > 0 ? count.tint : Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: count.label
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Count { label: qsTr("Added"); value: outcome.discovery.foundAdded; tint: Theme.success }
        Count { label: qsTr("Changed"); value: outcome.discovery.foundChanged; tint: Theme.warning }
        Count { label: qsTr("Unchanged"); value: outcome.discovery.foundUnchanged }
        Count { label: qsTr("Unreachable"); value: outcome.discovery.foundUnreachable; tint: Theme.critical }
        Count { label: qsTr("Gone"); value: outcome.discovery.foundGone; tint: Theme.critical }
    }

    SectionLabel {
        visible: outcome.discovery.errors.count > 0
        text: qsTr("Errors (%L1)").arg(outcome.discovery.errors.count)
    }
    ListView {
        id: errorList
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 120)
        visible: outcome.discovery.errors.count > 0
        clip: true
        model: outcome.discovery.errors
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Targets that answered with errors")
        delegate: Text {
            required property string target
            required property string message
            width: errorList.width - Theme.spacingM
            topPadding: 2
            bottomPadding: 2
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            text: target + " — " + message
            color: Theme.critical
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
            Accessible.role: Accessible.ListItem
            Accessible.name: text
        }
    }

    SectionLabel {
        text: outcome.discovery.changes.count === 0 ? qsTr("No device changed")
                                                    : qsTr("Changes (%L1)").arg(outcome.discovery.changes.count)
    }
    ListView {
        id: changeList
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: outcome.discovery.changes.count > 0 ? 96 : 0
        Layout.preferredHeight: Math.min(contentHeight, 260)
        visible: outcome.discovery.changes.count > 0
        clip: true
        model: outcome.discovery.changes
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Device changes")
        delegate: Rectangle {
            id: row
            required property string name
            required property string change
            required property string summary
            required property int index
            readonly property color tint: row.change === "added" || row.change === "recovered" ? Theme.success
                                        : row.change === "changed" ? Theme.warning : Theme.critical
            width: changeList.width - Theme.spacingM
            implicitHeight: rowLayout.implicitHeight + Theme.spacingS * 2
            color: row.index % 2 ? "transparent" : Theme.surfaceRaised
            radius: Theme.radiusS
            Accessible.role: Accessible.ListItem
            Accessible.name: row.name + " " + row.change + (row.summary.length > 0 ? ": " + row.summary : "")
            RowLayout {
                id: rowLayout
                anchors.fill: parent
                anchors.margins: Theme.spacingS
                spacing: Theme.spacingM
                Text {
                    Layout.preferredWidth: 150
                    Layout.alignment: Qt.AlignTop
                    text: row.name
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody - 1
                    font.weight: Font.DemiBold
                }
                StatusPill {
                    Layout.alignment: Qt.AlignTop
                    implicitHeight: 22
                    text: row.change
                    tint: row.tint
                    softTint: row.change === "changed" ? Theme.warningSoft
                            : row.tint === Theme.success ? Theme.successSoft : Theme.criticalSoft
                }
                Text {
                    Layout.fillWidth: true
                    text: row.summary.length > 0 ? row.summary
                        : row.change === "added" ? qsTr("New device")
                        : row.change === "unreachable" ? qsTr("The BMC did not answer; the device keeps its last known state.")
                        : row.change === "recovered" ? qsTr("The BMC answers again.") : ""
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
        }
    }
}
