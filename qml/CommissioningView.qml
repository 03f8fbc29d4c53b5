// On-site commissioning: import the site plan, run it against the site as discovery finds it,
// work through the findings (grouped by rack, marked in red on the rack elevations), waive or
// re-check them, and hand over the report. Large targets throughout: it is used on a tablet.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view
    objectName: "commissioningView"

    required property CommissioningController commissioning
    required property TopologyModel topology
    // The device the racks highlight; shared with the Hardware and Topology views.
    required property DeviceDetail detail

    readonly property bool hasPlan: view.commissioning.planId.length > 0
    readonly property bool hasFindings: view.commissioning.findings.totalCount > 0

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Commissioning")

    // A finding picked in the list shows its device in the racks.
    Connections {
        target: view.commissioning.selected
        function onChanged() {
            if (view.commissioning.selected.found)
                racks.selectByName(view.commissioning.selected.device)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("On-site")
            title: qsTr("Commissioning")
            badge: !view.hasPlan ? ""
                   : qsTr("%1 · %Ln device(s)", "", view.commissioning.planDevices).arg(view.commissioning.planSite)

            ActionButton {
                objectName: "importPlan"
                implicitHeight: 44
                text: qsTr("Import plan…")
                hint: qsTr("A JSON site plan, a NetBox export or the CSV set")
                onClicked: importDialog.open()
            }
            ActionButton {
                objectName: "useLabPlan"
                implicitHeight: 44
                visible: view.commissioning.labAvailable
                text: qsTr("Use lab plan")
                hint: qsTr("Import the demo lab's design (%1) as the plan").arg(view.commissioning.labSite)
                onClicked: view.commissioning.importLabPlan()
            }
            ActionButton {
                objectName: "startRun"
                implicitHeight: 44
                primary: true
                enabled: view.hasPlan && !view.commissioning.running
                text: view.commissioning.runId.length > 0 ? qsTr("Re-run") : qsTr("Run")
                hint: view.hasPlan ? qsTr("Discover the site and compare it with the plan") : qsTr("Import a plan first")
                onClicked: view.commissioning.startRun()
            }
            ActionButton {
                objectName: "openReport"
                implicitHeight: 44
                enabled: view.hasFindings && !view.commissioning.running
                text: qsTr("Report…")
                hint: qsTr("Save the handover report as HTML or PDF")
                onClicked: reportDialog.open()
            }
        }

        RunStatusBar {
            Layout.fillWidth: true
            visible: view.hasPlan
            commissioning: view.commissioning
        }

        Banner {
            objectName: "commissioningError"
            Layout.fillWidth: true
            visible: text.length > 0 && !importDialog.opened && !reportDialog.opened
            text: view.commissioning.lastError.length > 0 ? view.commissioning.lastError
                  : view.commissioning.runError.length > 0 ? qsTr("The run failed: %1").arg(view.commissioning.runError) : ""
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.commissioning.loaded && !view.hasPlan
            glyph: "\u2692"
            title: qsTr("No site plan yet")
            hint: view.commissioning.labAvailable
                  ? qsTr("Import the plan of the site you are commissioning, or use the demo lab's plan to try the workflow.")
                  : qsTr("Import the plan of the site you are commissioning: racks, devices and the cabling plan.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.hasPlan
            spacing: Theme.spacingXl

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radiusM
                color: Theme.surface
                border.width: 1
                border.color: Theme.border
                clip: true

                RackElevationPane {
                    id: racks
                    objectName: "commissioningRacks"
                    anchors.fill: parent
                    anchors.margins: 1
                    topology: view.topology
                    detail: view.detail
                    site: view.commissioning.planSite
                    marks: view.commissioning.marks
                    ghosts: view.commissioning.ghosts
                    onMarkClicked: id => view.commissioning.selected.findingId = id
                }
            }

            ColumnLayout {
                Layout.fillHeight: true
                Layout.preferredWidth: 560
                Layout.maximumWidth: 560
                spacing: Theme.spacingM

                FindingList {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    findings: view.commissioning.findings
                    finding: view.commissioning.selected
                    running: view.commissioning.running
                }
                FindingPanel {
                    Layout.fillWidth: true
                    visible: view.commissioning.selected.found
                    finding: view.commissioning.selected
                    canRecheck: !view.commissioning.running
                    onRecheckRequested: view.commissioning.startRun()
                }
            }
        }

        Item {
            Layout.fillHeight: true
            visible: !view.hasPlan
        }
    }

    PlanImportDialog {
        id: importDialog
        commissioning: view.commissioning
    }
    ReportDialog {
        id: reportDialog
        commissioning: view.commissioning
    }
}
