// The landing view: what the box manages at a glance, as counts read live from the services.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ScrollView {
    id: view

    required property OverviewModel overview
    required property CapacityModel capacity
    required property HealthMatrixModel healthMatrix
    required property EventListModel events
    required property string version
    signal viewRequested(string name)

    contentWidth: availableWidth
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Overview")

    ColumnLayout {
        width: view.availableWidth
        spacing: Theme.spacingXl

        PageHeader {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXxl
            Layout.leftMargin: Theme.spacingXxl
            Layout.rightMargin: Theme.spacingXxl
            overline: qsTr("Overview")
            title: qsTr("NeoCloud Box")
            badge: "v" + view.version
            subtitle: qsTr("Capacity, service health, hardware, tenants and alerts managed by this box, updated as they change.")

            StatusPill {
                visible: view.overview.loaded && view.overview.lastError.length === 0
                text: qsTr("Live")
            }
        }

        StatusPill {
            Layout.leftMargin: Theme.spacingXxl
            Layout.maximumWidth: view.availableWidth - 2 * Theme.spacingXxl
            visible: view.overview.lastError.length > 0
            tint: Theme.critical
            softTint: Theme.criticalSoft
            text: qsTr("Cannot read the inventory: %1").arg(view.overview.lastError)
        }

        OverviewDashboard {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXxl
            Layout.rightMargin: Theme.spacingXxl
            capacity: view.capacity
            healthMatrix: view.healthMatrix
            events: view.events
            onViewRequested: name => view.viewRequested(name)
        }

        CardGrid {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXxl
            Layout.rightMargin: Theme.spacingXxl
            title: qsTr("Footprint")

            StatCard {
                Layout.fillWidth: true
                label: qsTr("Sites"); glyph: "\u25ce"; value: view.overview.sites
                hint: qsTr("physical locations")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Racks"); glyph: "\u25a4"; value: view.overview.racks
                hint: qsTr("across all sites")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Devices"); glyph: "\u25a3"; value: view.overview.devices
                hint: view.overview.otherDevices > 0
                      ? qsTr("including %1 of other kinds").arg(view.overview.otherDevices)
                      : qsTr("every kind, racked or not")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Tenants"); glyph: "\u2687"; value: view.overview.tenants
                hint: qsTr("organisations served")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Open alerts"); glyph: "\u26a0"; value: view.overview.openAlerts
                alertWhenPositive: true
                hint: value > 0 ? qsTr("need attention") : qsTr("all clear")
            }
        }

        CardGrid {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXxl
            Layout.rightMargin: Theme.spacingXxl
            title: qsTr("Hardware by kind")

            StatCard {
                Layout.fillWidth: true
                label: qsTr("GPU servers"); glyph: "\u25a6"; value: view.overview.gpuServers
                hint: qsTr("compute nodes")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Storage CNodes"); glyph: "\u26c1"; value: view.overview.storageCNodes
                hint: qsTr("storage controllers")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("DBoxes"); glyph: "\u26c3"; value: view.overview.storageDBoxes
                hint: qsTr("storage enclosures")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("Switches"); glyph: "\u21c4"; value: view.overview.switches
                hint: qsTr("network fabric")
            }
            StatCard {
                Layout.fillWidth: true
                label: qsTr("PDUs"); glyph: "\u26a1"; value: view.overview.pdus
                hint: qsTr("power distribution")
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXxl
            Layout.rightMargin: Theme.spacingXxl
            Layout.bottomMargin: Theme.spacingXxl
            visible: view.overview.loaded && view.overview.devices === 0
            glyph: "\u25a3"
            title: qsTr("No hardware discovered yet")
            hint: qsTr("Servers, storage, switches and PDUs appear here as soon as they enter the inventory; topology discovery arrives in a coming release.")
        }
    }
}
