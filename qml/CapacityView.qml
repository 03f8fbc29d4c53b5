// Capacity: storage and GPUs now, how they grew (charts drawn in C++: no Qt Charts on 6.4 here),
// each tenant's use against its quota, the runway with "not enough data" said plainly, and the
// what-if calculator for more hardware or a new tenant.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ScrollView {
    id: view

    required property CapacityModel capacity
    required property WhatIfCalculator calculator

    contentWidth: availableWidth
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Capacity")

    ColumnLayout {
        x: Theme.spacingXxl
        width: view.availableWidth - 2 * Theme.spacingXxl
        spacing: Theme.spacingXl

        PageHeader {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXxl
            overline: qsTr("Capacity")
            title: qsTr("Capacity and runway")
            badge: view.capacity.providerState === "ok" ? qsTr("from VAST") : qsTr("from the inventory")
            subtitle: qsTr("What the cloud has, what its tenants use, and how long it lasts at the current growth.")

            StatusPill {
                visible: view.capacity.loaded && view.capacity.lastError.length === 0
                text: qsTr("Live")
            }
        }

        StatusPill {
            Layout.maximumWidth: view.availableWidth - 2 * Theme.spacingXxl
            visible: view.capacity.lastError.length > 0 || view.capacity.providerError.length > 0
            tint: Theme.warning
            softTint: Theme.warningSoft
            text: view.capacity.lastError.length > 0 ? qsTr("Cannot read capacity: %1").arg(view.capacity.lastError)
                                                     : qsTr("VAST did not answer, figures from the inventory: %1").arg(view.capacity.providerError)
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingL

            Panel {
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.fillHeight: true
                title: qsTr("Storage")

                UsageMeter {
                    objectName: "storageGauge"
                    Layout.fillWidth: true
                    label: qsTr("Used of usable")
                    valueText: qsTr("%1 of %2").arg(view.capacity.bytesText(view.capacity.usedBytes))
                                               .arg(view.capacity.bytesText(view.capacity.usableBytes))
                    fraction: view.capacity.usableBytes > 0 ? view.capacity.usedFraction : -1
                    caption: qsTr("%1 free · %2 raw in %3 DBoxes (%4 SSDs), %5 CNodes")
                             .arg(view.capacity.bytesText(view.capacity.freeBytes))
                             .arg(view.capacity.bytesText(view.capacity.rawBytes))
                             .arg(view.capacity.dboxes).arg(view.capacity.ssds).arg(view.capacity.cnodes)
                    barHeight: 14
                }
                FactRow {
                    Layout.fillWidth: true
                    labelWidth: 150
                    label: qsTr("Data reduction")
                    value: view.capacity.dataReductionRatio <= 0 ? qsTr("Not reported by the cluster")
                           : view.capacity.logicalUsedBytes <= 0 ? qsTr("%1 : 1").arg(view.capacity.dataReductionRatio.toFixed(1))
                           : qsTr("%1 : 1 (%2 logical in %3 physical)")
                             .arg(view.capacity.dataReductionRatio.toFixed(1))
                             .arg(view.capacity.bytesText(view.capacity.logicalUsedBytes))
                             .arg(view.capacity.bytesText(view.capacity.physicalUsedBytes))
                }
                FactRow {
                    Layout.fillWidth: true
                    labelWidth: 150
                    label: qsTr("Source")
                    value: view.capacity.usableSource === "vast" ? qsTr("VAST cluster")
                         : view.capacity.usableSource === "inventory" ? qsTr("Discovered drives (planning figure)")
                         : qsTr("None")
                }
            }

            Panel {
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.fillHeight: true
                title: qsTr("Runway")

                Text {
                    objectName: "runwayText"
                    Layout.fillWidth: true
                    text: view.capacity.runwayText
                    wrapMode: Text.Wrap
                    color: view.capacity.hasRunway ? (view.capacity.runwayDays < 30 ? Theme.critical : Theme.textPrimary)
                                                   : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: view.capacity.hasRunway ? Theme.fontTitle : Theme.fontBody
                    font.weight: view.capacity.hasRunway ? Font.Bold : Font.Normal
                }
                Text {
                    Layout.fillWidth: true
                    text: view.capacity.hasRunway ? qsTr("until the usable capacity is full, growing %1").arg(view.capacity.growthText)
                                                  : qsTr("A runway needs a day or more of recorded use with real growth; the box samples every few minutes.")
                    wrapMode: Text.Wrap
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }

            Panel {
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.fillHeight: true
                title: qsTr("GPUs")

                UsageMeter {
                    objectName: "gpuGauge"
                    Layout.fillWidth: true
                    label: qsTr("Allocated by quota")
                    valueText: qsTr("%1 of %2").arg(view.capacity.gpuAllocated).arg(view.capacity.gpuTotal)
                    fraction: view.capacity.gpuTotal > 0 ? view.capacity.gpuAllocated / view.capacity.gpuTotal : -1
                    caption: qsTr("%1 healthy, %2 failing · overcommit %3×")
                             .arg(view.capacity.gpuHealthy).arg(view.capacity.gpuUnhealthy)
                             .arg(view.capacity.gpuOvercommit.toFixed(1))
                    tint: Theme.kindGpu
                    barHeight: 14
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingL
            SectionLabel {
                Layout.fillWidth: true
                text: qsTr("History")
            }
            SegmentedChoice {
                accessibleName: qsTr("History range")
                options: [{ value: "7", label: qsTr("7 days") }, { value: "30", label: qsTr("30 days") },
                          { value: "90", label: qsTr("90 days") }]
                current: String(view.capacity.historyDays)
                onChosen: value => view.capacity.historyDays = Number(value)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: 260
            spacing: Theme.spacingL
            Panel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Storage used")
                fillBody: true
                CapacityChart {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    series: view.capacity.usedHistory
                    limitSeries: view.capacity.usableHistory
                    seriesLabel: qsTr("Used")
                    limitLabel: qsTr("Usable")
                    emptyText: qsTr("Not enough history yet: the chart starts once two samples are recorded.")
                }
            }
            Panel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("GPUs allocated")
                fillBody: true
                CapacityChart {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    unit: "count"
                    series: view.capacity.gpuAllocatedHistory
                    limitSeries: view.capacity.gpuTotalHistory
                    seriesLabel: qsTr("Allocated")
                    limitLabel: qsTr("Installed")
                    emptyText: qsTr("Not enough history yet: the chart starts once two samples are recorded.")
                }
            }
        }

        Panel {
            Layout.fillWidth: true
            // Hug a few tenants; a long list scrolls inside.
            Layout.preferredHeight: Math.min(420, Math.max(120, tenantList.contentHeight + 70))
            fillBody: true
            title: qsTr("Tenants: use against quota, runway")
            TenantCapacityList {
                id: tenantList
                Layout.fillWidth: true
                Layout.fillHeight: true
                usage: view.capacity.tenants
            }
        }

        Panel {
            Layout.fillWidth: true
            Layout.bottomMargin: Theme.spacingXxl
            title: qsTr("What if: add hardware or onboard a tenant")
            WhatIfForm {
                Layout.fillWidth: true
                calculator: view.calculator
            }
        }
    }
}
