// Every tenant in a filterable list with the picked one in full beside it; New tenant… for a bare
// tenant, Onboard… for a tenant with its users and services in one go.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view
    objectName: "tenantsView"

    required property TenantListModel tenants
    required property TenantFilterModel tenantFilter
    required property TenantDetail tenant
    required property TenantEditor editor
    // Null, or unavailable without Qt WebEngine: no "View as tenant".
    property WebPages webPages: null
    signal onboardRequested()
    signal manageServicesRequested(string tenantId)

    // A master-detail view is never empty on the right once there are tenants.
    function pickFirstIfNone() {
        if (view.tenantFilter.rowOf(view.tenant.tenantId) < 0 && view.tenantFilter.count > 0)
            view.tenant.tenantId = view.tenantFilter.tenantIdAt(0)
    }
    readonly property alias tenantDialog: tenantDialog

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Tenants")

    Connections {
        target: view.tenants
        function onReloaded() { view.pickFirstIfNone() }
    }
    Component.onCompleted: view.pickFirstIfNone()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Tenancy")
            title: qsTr("Tenants")
            badge: !view.tenants.loaded ? "" : view.tenants.count === 1 ? qsTr("1 tenant") : qsTr("%L1 tenants").arg(view.tenants.count)
            subtitle: qsTr("Who the cloud serves: each tenant's quotas, network slice, services, users and S3 keys.")

            ActionButton {
                objectName: "newTenant"
                text: qsTr("New tenant…")
                hint: qsTr("A tenant with quotas and a network slice, nothing else yet")
                onClicked: tenantDialog.openCreate()
            }
            ActionButton {
                objectName: "onboardTenant"
                primary: true
                text: qsTr("Onboard…")
                hint: qsTr("A tenant, its users and services in one step, all or nothing")
                onClicked: view.onboardRequested()
            }
        }

        StatusPill {
            visible: view.tenants.lastError.length > 0
            tint: Theme.critical
            softTint: Theme.criticalSoft
            text: qsTr("Cannot read the tenants: %1").arg(view.tenants.lastError)
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.tenants.loaded && view.tenants.count === 0 && view.tenants.lastError.length === 0
            glyph: "\u2687"
            title: qsTr("No tenants yet")
            hint: qsTr("Onboard a tenant to give it quotas, a VLAN and subnet, users and services; or create a bare one and add the rest later.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.tenants.count > 0
            spacing: Theme.spacingXl

            ColumnLayout {
                Layout.fillHeight: true
                Layout.preferredWidth: 340
                Layout.maximumWidth: 380
                spacing: Theme.spacingM

                TextField {
                    id: filterField
                    objectName: "tenantFilter"
                    Layout.fillWidth: true
                    implicitHeight: 40
                    placeholderText: qsTr("Filter by name, display name or contact")
                    placeholderTextColor: Theme.textDisabled
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    leftPadding: Theme.spacingM
                    text: view.tenantFilter.text
                    onTextEdited: view.tenantFilter.text = filterField.text
                    Accessible.name: qsTr("Filter tenants")
                    background: Rectangle {
                        radius: Theme.radiusS
                        color: Theme.surface
                        border.width: filterField.activeFocus ? 2 : 1
                        border.color: filterField.activeFocus ? Theme.accent : Theme.border
                    }
                }

                ListView {
                    id: list
                    objectName: "tenantList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.spacingS
                    model: view.tenantFilter
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Tenants")

                    delegate: Rectangle {
                        id: row
                        required property string tenantId
                        required property string name
                        required property string displayName
                        required property string stateLabel
                        required property string state
                        required property string health
                        required property int servicesUsed
                        required property int maxServices
                        required property real usage
                        required property string quotaText
                        readonly property bool selected: row.tenantId === view.tenant.tenantId

                        width: ListView.view.width
                        implicitHeight: rowColumn.implicitHeight + 2 * Theme.spacingM
                        radius: Theme.radiusM
                        color: row.selected ? Theme.accentSoft : tap.hovered ? Theme.hover : Theme.surface
                        border.width: 1
                        border.color: row.selected ? Theme.accent : Theme.border
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2, %3 of %4 services").arg(row.name).arg(row.stateLabel)
                                                                          .arg(row.servicesUsed).arg(row.maxServices)

                        HoverHandler { id: tap }
                        TapHandler { onTapped: view.tenant.tenantId = row.tenantId }

                        ColumnLayout {
                            id: rowColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacingM
                            spacing: Theme.spacingXs
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                Rectangle {
                                    implicitWidth: 9
                                    implicitHeight: 9
                                    radius: 4.5
                                    color: Theme.healthColor(row.health)
                                    Accessible.name: qsTr("Health: %1").arg(row.health)
                                }
                                Text {
                                    text: row.name
                                    color: Theme.textPrimary
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                }
                                Text {
                                    Layout.fillWidth: true
                                    text: row.displayName !== row.name ? row.displayName : ""
                                    elide: Text.ElideRight
                                    color: Theme.textSecondary
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption + 1
                                }
                                Text {
                                    visible: row.state !== "active"
                                    text: row.stateLabel
                                    color: Theme.warning
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.Bold
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                Layout.leftMargin: 17
                                spacing: Theme.spacingS
                                Rectangle {
                                    Layout.preferredWidth: 72
                                    implicitHeight: 6
                                    radius: 3
                                    color: Theme.border
                                    Rectangle {
                                        width: parent.width * row.usage
                                        height: parent.height
                                        radius: 3
                                        color: row.usage >= 1 ? Theme.warning : Theme.accent
                                    }
                                }
                                Text {
                                    text: qsTr("%L1/%L2 services").arg(row.servicesUsed).arg(row.maxServices)
                                    color: Theme.textSecondary
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                }
                                Text {
                                    Layout.fillWidth: true
                                    horizontalAlignment: Text.AlignRight
                                    text: row.quotaText
                                    elide: Text.ElideLeft
                                    color: Theme.textSecondary
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                }
                            }
                        }
                    }
                }

                Text {
                    visible: view.tenantFilter.count === 0
                    text: qsTr("No tenant matches \u201c%1\u201d.").arg(view.tenantFilter.text)
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }

            TenantPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                tenant: view.tenant
                webPages: view.webPages
                onEditRequested: tenantDialog.openEdit(view.tenant.tenantId, view.tenant.formFields)
                onManageServicesRequested: view.manageServicesRequested(view.tenant.tenantId)
            }
        }

        Item {
            Layout.fillHeight: true
            visible: view.tenants.count === 0
        }
    }

    TenantDialog {
        id: tenantDialog
        editor: view.editor
        onSaved: id => view.tenant.tenantId = id
    }
}
