// Service health per tenant: the tenants x services matrix (live: it changes as HealthService
// recomputes), the selected cell explained beside it, and the racks below with the hardware the
// cell's reason names ringed in red.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property HealthMatrixModel healthMatrix
    required property HealthCellDetail cell
    required property TopologyModel topology
    required property DeviceDetail detail

    readonly property var counts: view.healthMatrix.statusCounts

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Health")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Health")
            title: qsTr("Service health")
            badge: view.healthMatrix.tenantCount === 1 ? qsTr("1 tenant") : qsTr("%1 tenants").arg(view.healthMatrix.tenantCount)
            subtitle: qsTr("Each tenant's services, from the hardware up. Click a cell for its reason, the failing hardware and its history.")

            StatusPill {
                text: qsTr("Live")
            }
        }

        // The legend doubles as the count of cells per status.
        Row {
            Layout.fillWidth: true
            spacing: Theme.spacingL
            Repeater {
                model: ["healthy", "degraded", "down", "unknown", "disabled"]
                delegate: Row {
                    id: legend
                    required property string modelData
                    spacing: 6
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: 12
                        height: 12
                        radius: 3
                        color: Theme.statusSoftColor(legend.modelData)
                        border.width: 1
                        border.color: Theme.statusColor(legend.modelData)
                    }
                    Text {
                        text: qsTr("%1 %2").arg(Theme.statusLabel(legend.modelData)).arg(view.counts[legend.modelData] ?? 0)
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.healthMatrix.tenantCount === 0
            glyph: "\u2661"
            title: qsTr("No tenants yet")
            hint: qsTr("Each tenant gets a row here as soon as it is created; its services turn the cells on.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Only what the racks leave: the panel's own content must not push them off the page.
            Layout.preferredHeight: 0
            Layout.minimumHeight: 240
            visible: view.healthMatrix.tenantCount > 0
            spacing: Theme.spacingL

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radiusM
                color: Theme.surface
                border.width: 1
                border.color: Theme.border

                HealthMatrixTable {
                    id: matrixTable
                    objectName: "healthMatrix"
                    anchors.fill: parent
                    anchors.margins: Theme.spacingM
                    healthMatrix: view.healthMatrix
                    selectedTenantId: view.cell.tenantId
                    selectedKind: view.cell.kind
                    onCellClicked: (tenantId, kind) => view.cell.select(tenantId, kind)
                }
            }

            HealthCellPanel {
                Layout.preferredWidth: 440
                Layout.fillHeight: true
                cell: view.cell
                kindTitle: view.healthMatrix.kindTitleAt(view.healthMatrix.columnOf(view.cell.kind))
            }
        }

        SectionLabel {
            visible: racks.visible
            text: qsTr("Where the hardware is")
        }
        Rectangle {
            id: racks
            Layout.fillWidth: true
            // A 48U rack at the item's smallest unit (7 px) with its header and scroll bar.
            Layout.preferredHeight: 430
            visible: view.cell.deviceIds.length > 0
            radius: Theme.radiusM
            color: Theme.surface
            border.width: 1
            border.color: Theme.border
            clip: true

            RackElevationPane {
                objectName: "healthRacks"
                anchors.fill: parent
                anchors.margins: 1
                topology: view.topology
                detail: view.detail
                highlightedDeviceIds: view.cell.deviceIds
            }
        }
    }
}
