// The physical topology two ways: rack elevations (front view, U by U) and the spine-leaf
// network graph, each drawn by one C++ item, with the selected device's details beside them.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property TopologyModel topology
    required property DeviceDetail detail
    // Null, or unavailable without Qt WebEngine: no "Open BMC web interface".
    property WebPages webPages: null
    // "racks" or "network"
    property string mode: "racks"

    // The header's "Discover…" button; the window owns the one discovery dialog.
    signal discoverRequested()

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Topology")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Inventory")
            title: qsTr("Topology")
            badge: !view.topology.loaded ? ""
                   : qsTr("%Ln rack(s)", "", view.topology.rackCount) + " · "
                     + qsTr("%Ln link(s)", "", view.topology.linkCount)
            subtitle: qsTr("Where every device sits and how it is cabled. Click a device for its details; drag to pan, scroll or pinch to zoom the graph.")

            StatusPill {
                visible: view.topology.downLinkCount > 0
                tint: Theme.critical
                softTint: Theme.criticalSoft
                text: qsTr("%Ln link(s) down", "", view.topology.downLinkCount)
            }
            ActionButton {
                text: qsTr("Discover…")
                hint: qsTr("Scan BMCs for new or changed hardware")
                onClicked: view.discoverRequested()
            }
        }

        StatusPill {
            visible: view.topology.lastError.length > 0
            tint: Theme.critical
            softTint: Theme.criticalSoft
            text: qsTr("Cannot read the topology: %1").arg(view.topology.lastError)
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.topology.loaded && view.topology.deviceCount === 0
                     && view.topology.lastError.length === 0
            glyph: "\u260d"
            title: qsTr("No racks or links yet")
            hint: qsTr("Racks, devices and cabling appear here once discovery has read the BMCs and switches, or the API has been given a plan.")
        }

        RowLayout {
            Layout.fillWidth: true
            visible: view.topology.deviceCount > 0
            spacing: Theme.spacingL

            Rectangle {
                implicitWidth: tabs.implicitWidth + 8
                implicitHeight: 38
                radius: Theme.radiusS + 2
                color: Theme.surfaceRaised
                border.width: 1
                border.color: Theme.border

                Row {
                    id: tabs
                    anchors.centerIn: parent
                    spacing: 2
                    Repeater {
                        model: [{ mode: "racks", label: qsTr("Rack elevations") },
                                { mode: "network", label: qsTr("Network graph") }]
                        delegate: AbstractButton {
                            id: tab
                            required property var modelData
                            readonly property bool current: view.mode === tab.modelData.mode
                            implicitWidth: tabText.implicitWidth + 2 * Theme.spacingL
                            implicitHeight: 30
                            focusPolicy: Qt.StrongFocus
                            Accessible.role: Accessible.PageTab
                            Accessible.name: tab.modelData.label
                            Accessible.selected: tab.current
                            onClicked: view.mode = tab.modelData.mode
                            background: Rectangle {
                                radius: Theme.radiusS
                                color: tab.current ? Theme.surface : tab.hovered ? Theme.hover : "transparent"
                                border.width: tab.visualFocus ? 2 : tab.current ? 1 : 0
                                border.color: tab.visualFocus ? Theme.accent : Theme.border
                            }
                            contentItem: Text {
                                id: tabText
                                text: tab.modelData.label
                                horizontalAlignment: Text.AlignHCenter
                                verticalAlignment: Text.AlignVCenter
                                color: tab.current ? Theme.textPrimary : Theme.textSecondary
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody - 1
                                font.weight: tab.current ? Font.DemiBold : Font.Normal
                            }
                        }
                    }
                }
            }

            Item { Layout.fillWidth: true }

            KindLegend {
                showLinks: view.mode === "network"
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.topology.deviceCount > 0
            spacing: Theme.spacingXl

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radiusM
                color: Theme.surface
                border.width: 1
                border.color: Theme.border

                StackLayout {
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    currentIndex: view.mode === "network" ? 1 : 0

                    RackElevationPane {
                        topology: view.topology
                        detail: view.detail
                    }
                    NetworkGraphPane {
                        topology: view.topology
                        detail: view.detail
                    }
                }
            }

            DevicePanel {
                Layout.fillHeight: true
                Layout.preferredWidth: 340
                detail: view.detail
                webPages: view.webPages
            }
        }

        Item {
            Layout.fillHeight: true
            visible: view.topology.deviceCount === 0
        }
    }
}
