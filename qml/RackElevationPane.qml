// Rack elevations: the C++ RackElevationItem (one item draws every rack) with a scroll bar,
// the theme's colours and a tooltip for what is under the pointer. The Commissioning view narrows
// it to one site and has it mark the devices its findings are about.
import QtQuick
import QtQuick.Controls
import NeoCloud.ViewModels

Item {
    id: pane

    required property TopologyModel topology
    required property DeviceDetail detail
    // Only this site's racks ("" for all), devices to mark (name -> finding id) and planned
    // devices not found ([{name, rack, position, heightU, findingId}]).
    property string site
    property var marks: ({})
    property var ghosts: []
    // A marked device or a ghost was clicked.
    signal markClicked(string findingId)

    // Selects and shows the device with this name; false when it is not in the racks shown.
    function selectByName(name: string): bool {
        const id = racks.deviceNamed(name)
        if (id.length > 0)
            pane.detail.deviceId = id
        return id.length > 0
    }
    // Devices to ring in the critical colour (a health cell's failing hardware).
    property var highlightedDeviceIds: []

    RackElevationItem {
        id: racks
        objectName: "rackElevations"
        anchors.fill: parent
        anchors.bottomMargin: scrollBar.visible ? scrollBar.height : 0
        topology: pane.topology
        site: pane.site
        marks: pane.marks
        ghosts: pane.ghosts
        selectedDeviceId: pane.detail.deviceId
        highlightedDeviceIds: pane.highlightedDeviceIds
        onDeviceClicked: id => { if (id.length > 0) pane.detail.deviceId = id }
        onMarkClicked: id => pane.markClicked(id)

        backgroundColor: Theme.background
        surfaceColor: Theme.surface
        borderColor: Theme.border
        textColor: Theme.textPrimary
        secondaryTextColor: Theme.textSecondary
        accentColor: Theme.accent
        criticalColor: Theme.critical
        warningColor: Theme.warning
        successColor: Theme.success
        gpuColor: Theme.kindGpu
        storageColor: Theme.kindStorage
        networkColor: Theme.kindNetwork
        powerColor: Theme.kindPower
        otherColor: Theme.kindOther
        fontFamily: Theme.fontFamily

        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Rack elevations of %n rack(s)", "", pane.topology.rackCount)

        HoverHandler {
            id: hover
            cursorShape: racks.hoveredDeviceId.length > 0 ? Qt.PointingHandCursor : Qt.ArrowCursor
        }
        ToolTip {
            visible: hover.hovered && racks.hoverText.length > 0
            text: racks.hoverText
            x: hover.point.position.x + 14
            y: hover.point.position.y + 18
            delay: 250
        }
    }

    ScrollBar {
        id: scrollBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        orientation: Qt.Horizontal
        policy: ScrollBar.AlwaysOn // the racks past the edge are otherwise easy to miss
        visible: racks.contentWidth > racks.width
        size: racks.contentWidth > 0 ? racks.width / racks.contentWidth : 1
        position: racks.contentWidth > 0 ? racks.contentX / racks.contentWidth : 0
        onPositionChanged: if (scrollBar.pressed) racks.contentX = scrollBar.position * racks.contentWidth
    }

    Connections {
        target: pane.detail
        // A device picked elsewhere (the Hardware table, the graph) is brought into view.
        function onDeviceIdChanged() { racks.revealDevice(pane.detail.deviceId) }
    }
}
