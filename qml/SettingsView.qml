// Settings — the operator's dashboards (opened from device pages), the pinned BMC certificates,
// and the demo lab for pre-sales demos: what it is, the faults it has, and a form to break
// hardware on purpose; a rescan then shows the console noticing. Without a lab the page says how to get one instead of showing an
// empty form.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property LabFaultModel lab
    required property ScanController discovery
    required property DashboardListModel dashboards
    required property PinnedCertificateModel certificates
    property bool webEngineAvailable: true
    // What changed in the lab since the last scan, until the user rescans or dismisses it.
    property string pendingChange
    property string clearError
    signal discoverRequested()
    signal rescanRequested()

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Settings — Dashboards, BMC certificates and demo lab")

    // A scan started from anywhere picks up the change; the header pill then shows its progress.
    Connections {
        target: view.discovery
        function onRunningChanged() {
            if (view.discovery.running)
                view.pendingChange = ""
        }
    }

    component Card: Rectangle {
        id: card
        default property alias content: cardColumn.data
        property string heading
        implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacingXl
        radius: Theme.radiusM
        color: Theme.surface
        border.width: 1
        border.color: Theme.border
        ColumnLayout {
            id: cardColumn
            anchors.fill: parent
            anchors.margins: Theme.spacingXl
            spacing: Theme.spacingM
            SectionLabel { text: card.heading }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Settings")
            title: qsTr("Dashboards, certificates and demo lab")
            badge: view.lab.available ? view.lab.labName : ""
            subtitle: qsTr("Dashboards that device pages open, the certificates BMCs were trusted by, and simulated Redfish BMCs for demos and tests: break hardware here, rescan, and watch the console notice.")

            StatusPill {
                visible: view.discovery.running
                tint: Theme.info
                softTint: Theme.infoSoft
                text: qsTr("Scanning %L1 of %L2").arg(view.discovery.progressDone).arg(view.discovery.progressTotal)
            }
            ActionButton {
                text: qsTr("Discover…")
                hint: qsTr("Scan the lab or real BMCs")
                onClicked: view.discoverRequested()
            }
        }

        EmptyState {
            Layout.fillWidth: true
            visible: !view.lab.available
            glyph: "\u2699"
            title: qsTr("No demo lab runs in this console")
            hint: qsTr("The console was started with --no-lab. Start it without that option to get a lab of simulated BMCs to discover and break.")
        }

        Banner {
            Layout.fillWidth: true
            visible: view.pendingChange.length > 0
            tint: Theme.info
            softTint: Theme.infoSoft
            text: view.pendingChange + " " + qsTr("The inventory shows it after the next scan.")
            actionText: view.discovery.running ? "" : qsTr("Rescan now")
            onActionTriggered: { view.pendingChange = ""; view.rescanRequested() }
        }

        // The dashboards and the lab's cards are taller together than a laptop screen.
        ScrollView {
            id: pageScroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            RowLayout {
                width: pageScroll.availableWidth
                spacing: Theme.spacingXl

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    Card {
                        objectName: "dashboardsCard"
                        Layout.fillWidth: true
                        heading: qsTr("Dashboards")
                        DashboardsSection {
                            Layout.fillWidth: true
                            dashboards: view.dashboards
                            webEngineAvailable: view.webEngineAvailable
                        }
                    }

                    Card {
                        objectName: "certificatesCard"
                        Layout.fillWidth: true
                        heading: qsTr("BMC certificates")
                        CertificatesSection {
                            Layout.fillWidth: true
                            certificates: view.certificates
                        }
                    }

                    Card {
                        Layout.fillWidth: true
                        visible: view.lab.available
                        heading: qsTr("Lab")
                        FactRow { label: qsTr("Name"); value: view.lab.labName }
                        FactRow { label: qsTr("Site"); value: view.lab.siteName }
                        FactRow { label: qsTr("BMCs"); value: Number(view.lab.bmcCount).toLocaleString(Qt.locale(), "f", 0) }
                        FactRow { label: qsTr("Faults"); value: view.lab.count === 0 ? qsTr("none") : String(view.lab.count) }
                    }

                    Card {
                        Layout.fillWidth: true
                        visible: view.lab.available
                        heading: qsTr("Active faults")
                        Text {
                            visible: view.lab.count === 0
                            text: qsTr("Every lab BMC serves healthy hardware.")
                            color: Theme.textSecondary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                        }
                        Banner {
                            Layout.fillWidth: true
                            visible: view.clearError.length > 0
                            text: view.clearError
                        }
                        ListView {
                            id: faultList
                            Layout.fillWidth: true
                            Layout.preferredHeight: Math.min(contentHeight, 420)
                            visible: view.lab.count > 0
                            clip: true
                            spacing: Theme.spacingXs
                            model: view.lab
                            boundsBehavior: Flickable.StopAtBounds
                            ScrollBar.vertical: ScrollBar {}
                            Accessible.role: Accessible.List
                            Accessible.name: qsTr("Active faults")
                            delegate: Rectangle {
                                id: faultRow
                                required property string faultId
                                required property string device
                                required property string kind
                                required property string component
                                required property int latencyMs
                                required property date createdAt
                                readonly property string what: faultRow.kind
                                    + (faultRow.component ? " · " + faultRow.component : "")
                                    + (faultRow.kind === "bmc-slow" ? " · " + faultRow.latencyMs + " ms" : "")
                                width: faultList.width - Theme.spacingS
                                implicitHeight: 52
                                radius: Theme.radiusS
                                color: Theme.surfaceRaised
                                Accessible.role: Accessible.ListItem
                                Accessible.name: faultRow.device + ": " + faultRow.what
                                RowLayout {
                                    anchors.fill: parent
                                    anchors.leftMargin: Theme.spacingM
                                    anchors.rightMargin: Theme.spacingS
                                    spacing: Theme.spacingM
                                    Text {
                                        Layout.preferredWidth: 130
                                        text: faultRow.device
                                        elide: Text.ElideRight
                                        color: Theme.textPrimary
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Font.DemiBold
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: faultRow.what
                                        elide: Text.ElideRight
                                        color: Theme.critical
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontBody - 1
                                    }
                                    Text {
                                        text: Qt.formatDateTime(faultRow.createdAt, "HH:mm:ss")
                                        color: Theme.textSecondary
                                        font.family: Theme.fontFamily
                                        font.pixelSize: Theme.fontCaption
                                    }
                                    ActionButton {
                                        implicitHeight: 36
                                        text: qsTr("Clear")
                                        Accessible.name: qsTr("Clear the %1 fault on %2").arg(faultRow.kind).arg(faultRow.device)
                                        onClicked: {
                                            view.clearError = view.lab.clearFault(faultRow.faultId)
                                            if (view.clearError.length === 0)
                                                view.pendingChange = qsTr("Fault on %1 cleared.").arg(faultRow.device)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }

                Card {
                    Layout.preferredWidth: 420
                    Layout.alignment: Qt.AlignTop
                    visible: view.lab.available
                    heading: qsTr("Inject a fault")
                    Text {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: qsTr("The BMC starts serving the broken hardware at once; the stored inventory changes with the next scan.")
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption + 1
                    }
                    LabFaultForm {
                        Layout.fillWidth: true
                        lab: view.lab
                        onInjected: (device, kind) => view.pendingChange = qsTr("Fault %1 injected on %2.").arg(kind).arg(device)
                    }
                }
            }
        }
    }
}
