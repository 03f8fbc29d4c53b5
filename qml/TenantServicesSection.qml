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
    Repeater {
        model: section.services
        delegate: ColumnLayout {
            id: service
            required property string kindTitle
            required property string state
            required property string healthTone
            required property var endpoints
            required property string error
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
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
                Layout.fillWidth: true
                Layout.leftMargin: 16
                visible: text.length > 0
                text: service.error.length > 0 ? service.error
                                               : service.endpoints.map(e => e.name + " " + e.value).join("  ·  ")
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.WrapAnywhere
                color: service.error.length > 0 ? Theme.critical : Theme.textSecondary
                font.family: service.error.length > 0 ? Theme.fontFamily : "DejaVu Sans Mono"
                font.pixelSize: Theme.fontCaption
            }
        }
    }
}
