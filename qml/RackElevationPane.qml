// Rack elevations: the C++ RackElevationItem (one item draws every rack) with a scroll bar,
// the theme's colours and a tooltip for what is under the pointer.
import QtQuick
import QtQuick.Controls
import NeoCloud.ViewModels

Item {
    id: pane

    required property TopologyModel topology
    required property DeviceDetail detail
    // Devices to ring in the critical colour (a health cell's failing hardware).
    property var highlightedDeviceIds: []

    RackElevationItem {
        id: racks
        anchors.fill: parent
        anchors.bottomMargin: scrollBar.visible ? scrollBar.height : 0
        topology: pane.topology
        selectedDeviceId: pane.detail.deviceId
        highlightedDeviceIds: pane.highlightedDeviceIds
        onDeviceClicked: id => { if (id.length > 0) pane.detail.deviceId = id }

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
