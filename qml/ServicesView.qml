// The service catalog and one tenant's services: pick the tenant, enable a kind through the form
// its schema generates (with the plan shown before anything is sent), follow each service's state
// and steps, disable one after seeing what will be undone.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property TenantListModel tenants
    required property ServiceCatalogModel catalog
    required property ServiceController controller
    // The header's "Onboard tenant…" when there is no tenant yet.
    signal onboardRequested()

    function pickFirstIfNone() {
        if (view.tenants.rowOf(view.controller.tenantId) < 0 && view.tenants.count > 0)
            view.controller.tenantId = view.tenants.tenantIdAt(0)
    }
    readonly property alias enableDialog: dialog

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Services")

    Connections {
        target: view.tenants
        function onCountChanged() { view.pickFirstIfNone() }
    }
    Component.onCompleted: view.pickFirstIfNone()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Platform")
            title: qsTr("Services")
            badge: qsTr("%L1 kinds").arg(view.catalog.count)
            subtitle: qsTr("Storage, streaming, tables, functions and telemetry on the data platform, switched on per tenant. Every change is planned as a dry run first and applied step by step, all or nothing.")

            Text {
                visible: view.tenants.count > 0
                text: qsTr("Tenant")
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
            ChoiceBox {
                id: tenantBox
                objectName: "serviceTenant"
                visible: view.tenants.count > 0
                Layout.preferredWidth: 220
                model: view.tenants
                textRole: "name"
                currentIndex: view.tenants.rowOf(view.controller.tenantId)
                Accessible.name: qsTr("Tenant")
                onActivated: i => view.controller.tenantId = view.tenants.tenantIdAt(i)
            }
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.tenants.loaded && view.tenants.count === 0
            glyph: "\u2601"
            title: qsTr("No tenant to enable services for")
            hint: qsTr("Services belong to a tenant. Onboard one from the Tenants view; the wizard can switch services on at the same time.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.tenants.count > 0
            spacing: Theme.spacingXl

            ColumnLayout {
                Layout.fillHeight: true
                Layout.preferredWidth: 600
                Layout.fillWidth: true
                spacing: Theme.spacingS
                SectionLabel { text: qsTr("Catalog") }
                ScrollView {
                    id: catalogScroll
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    contentWidth: availableWidth
                    clip: true
                    GridLayout {
                        width: catalogScroll.availableWidth
                        columns: width > 560 ? 2 : 1
                        columnSpacing: Theme.spacingM
                        rowSpacing: Theme.spacingM
                        Repeater {
                            model: view.catalog
                            delegate: Rectangle {
                                id: kindCard
                                required property string kind
                                required property string title
                                required property string description
                                required property var protocols
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                implicitHeight: kindColumn.implicitHeight + 2 * Theme.spacingL
                                radius: Theme.radiusM
                                color: Theme.surface
                                border.width: 1
                                border.color: Theme.border
                                Accessible.role: Accessible.Grouping
                                Accessible.name: kindCard.title
                                ColumnLayout {
                                    id: kindColumn
                                    anchors.fill: parent
                                    anchors.margins: Theme.spacingL
                                    spacing: Theme.spacingXs
                                    Text {
                                        Layout.fillWidth: true
                                        text: kindCard.title
                                        elide: Text.ElideRight
                                        color: Theme.textPrimary
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontHeading
                                        font.weight: Font.DemiBold
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: kindCard.description
                                        wrapMode: Text.WordWrap
                                        maximumLineCount: 3
                                        elide: Text.ElideRight
                                        color: Theme.textSecondary
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontCaption + 1
                                    }
                                    RowLayout {
                                        Layout.fillWidth: true
                                        Layout.topMargin: Theme.spacingXs
                                        Text {
                                            Layout.fillWidth: true
                                            text: kindCard.protocols.length > 0 ? kindCard.protocols.join(" · ") : kindCard.kind
                                            color: Theme.accent
                                            font.family: "DejaVu Sans Mono"
                                            font.pixelSize: Theme.fontCaption
                                        }
                                        ActionButton {
                                            objectName: "enable:" + kindCard.kind
                                            implicitHeight: 34
                                            text: qsTr("Enable…")
                                            hint: qsTr("Fill in its parameters, then review the plan")
                                            onClicked: dialog.openEnable(kindCard.kind)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.fillHeight: true
                Layout.preferredWidth: 520
                Layout.fillWidth: true
                spacing: Theme.spacingS
                SectionLabel {
                    text: qsTr("%1's services · %L2 live").arg(tenantBox.currentText).arg(view.controller.services.liveCount)
                }
                EmptyState {
                    Layout.fillWidth: true
                    visible: view.controller.services.count === 0
                    glyph: "\u2601"
                    title: qsTr("No services yet")
                    hint: qsTr("Enable one from the catalog; its state, steps and endpoints show here.")
                }
                ListView {
                    objectName: "tenantServices"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: view.controller.services.count > 0
                    clip: true
                    spacing: Theme.spacingM
                    model: view.controller.services
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                    delegate: ServiceCard {
                        width: ListView.view.width
                        onDisableRequested: (serviceId, title) => dialog.openDisable(serviceId, title)
                    }
                }
                Item {
                    Layout.fillHeight: true
                    visible: view.controller.services.count === 0
                }
            }
        }
    }

    ServiceJobDialog {
        id: dialog
        controller: view.controller
        catalog: view.catalog
    }
}
