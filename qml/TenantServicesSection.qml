// A tenant's services in the Tenants panel: each with its state and where the tenant reaches it;
// the Services view has the full cards, enabling and disabling.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property TenantServiceModel services
    signal manageRequested()

    spacing: Theme.spacingS

    RowLayout {
        Layout.fillWidth: true
        SectionLabel {
            Layout.fillWidth: true
            text: qsTr("Services · %L1 live").arg(section.services.liveCount)
        }
        ActionButton {
            objectName: "manageServices"
            implicitHeight: 32
            text: qsTr("Manage…")
            hint: qsTr("Enable or disable services in the Services view")
            onClicked: section.manageRequested()
        }
    }
    Text {
        Layout.fillWidth: true
        visible: section.services.count === 0
        text: section.services.lastError.length > 0 ? section.services.lastError : qsTr("No services yet.")
        color: section.services.lastError.length > 0 ? Theme.critical : Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
    }
    Column { // not the layout itself: see QuotaBars.qml
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: section.services
            delegate: Column {
                id: service
                required property string kindTitle
                required property string state
                required property string healthTone
                required property var endpoints
                required property string error
                width: parent ? parent.width : 0
                spacing: 2
                RowLayout {
                    width: parent.width
                    spacing: Theme.spacingS
                    Rectangle {
                        implicitWidth: 8
                        implicitHeight: 8
                        radius: 4
                        color: Theme.healthColor(service.healthTone)
                    }
                    Text {
                        Layout.fillWidth: true
                        text: service.kindTitle
                        elide: Text.ElideRight
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody - 1
                        font.weight: Font.DemiBold
                    }
                    Text {
                        text: service.state
                        color: service.state === "failed" ? Theme.critical : Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                    }
                }
                Text {
                    x: 16
                    width: parent.width - x
                    visible: service.error.length > 0
                    text: service.error
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    color: Theme.critical
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
                Repeater {
                    model: service.error.length > 0 ? [] : service.endpoints
                    delegate: Text {
                        required property var modelData
                        x: 16
                        width: service.width - x
                        text: modelData.name + "  " + modelData.value
                        elide: Text.ElideRight
                        color: Theme.textSecondary
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: Theme.fontCaption
                    }
                }
            }
        }
    }
}
