// The overview's live dashboard: storage used with its runway, GPU allocation, the health matrix
// in miniature with its counts, and the newest events. Each panel links to its full view.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

GridLayout {
    id: dashboard

    required property CapacityModel capacity
    required property HealthMatrixModel healthMatrix
    required property EventListModel events
    signal viewRequested(string name)

    readonly property var counts: dashboard.healthMatrix.statusCounts
    columns: width > 1100 ? 3 : 2
    columnSpacing: Theme.spacingL
    rowSpacing: Theme.spacingL

    Panel {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredWidth: 1
        title: qsTr("Capacity")
        UsageMeter {
            objectName: "overviewStorage"
            Layout.fillWidth: true
            label: qsTr("Storage used")
            valueText: qsTr("%1 of %2").arg(dashboard.capacity.bytesText(dashboard.capacity.usedBytes))
                                       .arg(dashboard.capacity.bytesText(dashboard.capacity.usableBytes))
            fraction: dashboard.capacity.usableBytes > 0 ? dashboard.capacity.usedFraction : -1
            caption: qsTr("Runway: %1").arg(dashboard.capacity.runwayText)
            barHeight: 12
        }
        UsageMeter {
            objectName: "overviewGpus"
            Layout.fillWidth: true
            label: qsTr("GPUs allocated")
            valueText: qsTr("%1 of %2").arg(dashboard.capacity.gpuAllocated).arg(dashboard.capacity.gpuTotal)
            fraction: dashboard.capacity.gpuTotal > 0 ? dashboard.capacity.gpuAllocated / dashboard.capacity.gpuTotal : -1
            caption: qsTr("%1 healthy, %2 failing").arg(dashboard.capacity.gpuHealthy).arg(dashboard.capacity.gpuUnhealthy)
            tint: Theme.kindGpu
            barHeight: 12
        }
        FactRow {
            Layout.fillWidth: true
            labelWidth: 120
            label: qsTr("Data reduction")
            value: dashboard.capacity.dataReductionRatio > 0 ? qsTr("%1 : 1").arg(dashboard.capacity.dataReductionRatio.toFixed(1))
                                                             : qsTr("Not reported")
        }
        LinkButton {
            text: qsTr("Capacity and what-if \u2192")
            onClicked: dashboard.viewRequested("capacity")
        }
    }

    Panel {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredWidth: 1
        title: qsTr("Service health")
        Text {
            Layout.fillWidth: true
            text: dashboard.healthMatrix.tenantCount === 0 ? qsTr("No tenants yet.")
                  : qsTr("%1 healthy · %2 degraded · %3 down").arg(dashboard.counts.healthy ?? 0)
                    .arg(dashboard.counts.degraded ?? 0).arg(dashboard.counts.down ?? 0)
            color: (dashboard.counts.down ?? 0) > 0 ? Theme.critical
                 : (dashboard.counts.degraded ?? 0) > 0 ? Theme.warning : Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        HealthMatrixTable {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(10, Math.max(1, dashboard.healthMatrix.tenantCount)) * cellHeight
            visible: dashboard.healthMatrix.tenantCount > 0
            compact: true
            healthMatrix: dashboard.healthMatrix
            onCellClicked: dashboard.viewRequested("health")
        }
        LinkButton {
            text: qsTr("Health matrix \u2192")
            onClicked: dashboard.viewRequested("health")
        }
    }

    Panel {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredWidth: 1
        Layout.columnSpan: dashboard.columns === 3 ? 1 : 2
        title: qsTr("Recent events")
        ListView {
            id: recent
            Layout.fillWidth: true
            Layout.preferredHeight: 4 * 48
            clip: true
            interactive: false
            model: dashboard.events
            // The Events view's delegate needs a full-width row; here one line of message and one
            // of context fit a third of the page.
            delegate: RowLayout {
                id: event
                required property string severity
                required property date time
                required property string source
                required property string message
                required property bool alert
                width: recent.width
                height: 48
                spacing: Theme.spacingS
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 6
                    implicitWidth: 8
                    implicitHeight: 8
                    radius: 4
                    color: Theme.severityColor(event.severity)
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        text: event.message
                        elide: Text.ElideRight
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption + 1
                        font.weight: event.alert ? Font.DemiBold : Font.Normal
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2%3").arg(event.time.toLocaleTimeString(Qt.locale(), Locale.ShortFormat))
                              .arg(event.source).arg(event.alert ? qsTr(" · alert") : "")
                        elide: Text.ElideRight
                        color: event.alert ? Theme.severityColor(event.severity) : Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: recent.count === 0
                text: qsTr("Nothing recorded yet.")
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
        LinkButton {
            text: qsTr("All events \u2192")
            onClicked: dashboard.viewRequested("events")
        }
    }
}
