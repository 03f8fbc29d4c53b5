// The tenant picked in the Tenants list, in full: who it is and its state, its quotas as bars,
// its network slice, its services, users and S3 keys; Edit and Suspend/Resume in the header.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Rectangle {
    id: panel

    required property TenantDetail tenant
    property WebPages webPages: null
    signal editRequested()
    signal manageServicesRequested()
    property string refusal

    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: panel.tenant.found ? qsTr("Tenant %1").arg(panel.tenant.name) : qsTr("Tenant details")

    Text {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacingXl
        visible: !panel.tenant.found
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: panel.tenant.lastError.length > 0 ? qsTr("Cannot read this tenant: %1").arg(panel.tenant.lastError)
                                                : qsTr("Select a tenant to see its quotas, network, services, users and keys.")
        color: panel.tenant.lastError.length > 0 ? Theme.critical : Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: panel.tenant.found
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacingL

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.spacingXl
                Layout.bottomMargin: 0
                spacing: Theme.spacingM
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingXs
                    Text {
                        text: panel.tenant.name.toUpperCase()
                        color: Theme.accent
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontOverline
                        font.letterSpacing: 1.2
                        font.weight: Font.Bold
                    }
                    Text {
                        Layout.fillWidth: true
                        text: panel.tenant.displayName
                        elide: Text.ElideRight
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.Bold
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    RowLayout {
                        spacing: Theme.spacingS
                        HealthChip { health: panel.tenant.health }
                        StatusPill {
                            text: panel.tenant.stateLabel
                            tint: panel.tenant.state === "active" ? Theme.success : Theme.warning
                            softTint: panel.tenant.state === "active" ? Theme.successSoft : Theme.warningSoft
                        }
                        Text {
                            text: panel.tenant.contactEmail
                            color: Theme.textSecondary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption + 1
                        }
                    }
                }
                ActionButton {
                    objectName: "viewAsTenant"
                    visible: panel.webPages !== null && panel.webPages.available
                    text: qsTr("View as tenant")
                    hint: qsTr("Opens the web console as this tenant's viewers see it, read-only, for 15 minutes")
                    onClicked: panel.refusal = panel.webPages.openTenantView(panel.tenant.tenantId)
                }
                ActionButton {
                    objectName: "editTenant"
                    text: qsTr("Edit…")
                    onClicked: panel.editRequested()
                }
                ActionButton {
                    destructive: panel.tenant.state === "active"
                    text: panel.tenant.state === "active" ? qsTr("Suspend") : qsTr("Resume")
                    enabled: panel.tenant.state !== "deleting"
                    hint: panel.tenant.state === "active" ? qsTr("Stops new services; existing ones stay")
                                                          : qsTr("Makes the tenant active again")
                    onClicked: {
                        const answer = panel.tenant.setSuspended(panel.tenant.state === "active")
                        panel.refusal = answer.message ?? ""
                    }
                }
            }
            Banner {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingXl
                Layout.rightMargin: Theme.spacingXl
                visible: panel.refusal.length > 0
                text: panel.refusal
            }

            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingXl
                Layout.rightMargin: Theme.spacingXl
                Layout.bottomMargin: Theme.spacingXl
                // Always two: a GridLayout whose columns follow its own width crashes Qt 6.4's layout
                // engine when a view switch resizes it.
                columns: 2
                columnSpacing: Theme.spacingXl
                rowSpacing: Theme.spacingXl

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingM
                    SectionLabel { text: qsTr("Quotas") }
                    QuotaBars {
                        Layout.fillWidth: true
                        quotas: panel.tenant.quotas
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingS
                    SectionLabel { text: qsTr("Network") }
                    FactRow { Layout.fillWidth: true; label: qsTr("Pool"); value: panel.tenant.poolName }
                    FactRow { Layout.fillWidth: true; label: qsTr("VLAN"); value: String(panel.tenant.vlan); mono: true }
                    FactRow { Layout.fillWidth: true; label: qsTr("Subnet"); value: panel.tenant.subnet; mono: true }
                    FactRow { Layout.fillWidth: true; label: qsTr("VIPs"); value: panel.tenant.vipRange; mono: true }
                    FactRow {
                        Layout.fillWidth: true
                        label: qsTr("Clients")
                        value: panel.tenant.allowedClients.join("\n")
                        mono: true
                    }
                    TenantServicesSection {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingL
                        services: panel.tenant.services
                        onManageRequested: panel.manageServicesRequested()
                    }
                }
                TenantUsersSection {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    users: panel.tenant.users
                }
                AccessKeysSection {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    keys: panel.tenant.keys
                    users: panel.tenant.users
                }
            }
        }
    }
}
