// The network graph: the C++ NetworkGraphItem (one item draws every node and link) with zoom
// controls, pinch, the theme's colours and a tooltip for what is under the pointer.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: pane

    required property TopologyModel topology
    required property DeviceDetail detail

    NetworkGraphItem {
        id: graph
        anchors.fill: parent
        topology: pane.topology
        selectedDeviceId: pane.detail.deviceId
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
        Accessible.name: qsTr("Network graph with %n link(s)", "", pane.topology.linkCount)

        HoverHandler {
            id: hover
            cursorShape: graph.hoverText.length > 0 ? Qt.PointingHandCursor : Qt.OpenHandCursor
        }
        // Trackpad and touch pinch; the wheel zooms in C++.
        PinchHandler {
            id: pinch
            target: null
            property real lastScale: 1
            onActiveChanged: pinch.lastScale = 1
            onActiveScaleChanged: {
                graph.zoomBy(pinch.activeScale / pinch.lastScale, pinch.centroid.position)
                pinch.lastScale = pinch.activeScale
            }
        }
        ToolTip {
            visible: hover.hovered && graph.hoverText.length > 0
            text: graph.hoverText
            x: hover.point.position.x + 14
            y: hover.point.position.y + 18
            delay: 250
        }
    }

    // Zoom controls and the level-of-detail hint, over the top-right corner.
    RowLayout {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingXs

        Rectangle {
            visible: graph.collapsed
            implicitWidth: lodText.implicitWidth + 2 * Theme.spacingM
            implicitHeight: 30
            radius: 15
            color: Theme.accentSoft
            Text {
                id: lodText
                anchors.centerIn: parent
                text: qsTr("Racks collapsed · zoom in for devices")
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
        Repeater {
            model: [
                { glyph: "\u2212", name: qsTr("Zoom out"), act: () => graph.zoomBy(1 / 1.4, Qt.point(graph.width / 2, graph.height / 2)) },
                { glyph: "+", name: qsTr("Zoom in"), act: () => graph.zoomBy(1.4, Qt.point(graph.width / 2, graph.height / 2)) },
                { glyph: "\u2922", name: qsTr("Fit to view"), act: () => graph.fitToView() }
            ]
            delegate: Button {
                id: zoomButton
                required property var modelData
                implicitWidth: 30
                implicitHeight: 30
                text: zoomButton.modelData.glyph
                font.family: Theme.fontFamily
                font.pixelSize: 15
                onClicked: zoomButton.modelData.act()
                Accessible.name: zoomButton.modelData.name
                ToolTip.visible: zoomButton.hovered
                ToolTip.text: zoomButton.modelData.name
                ToolTip.delay: 400
                contentItem: Text {
                    text: zoomButton.text
                    font: zoomButton.font
                    color: Theme.textPrimary
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radiusS
                    color: zoomButton.pressed ? Theme.hover : Theme.surfaceRaised
                    border.width: 1
                    border.color: Theme.border
                }
            }
        }
    }

    Text {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingM
        visible: graph.unlinkedCount > 0
        text: qsTr("%Ln device(s) without links (PDUs, unconnected hosts) are not drawn.", "",
                   graph.unlinkedCount)
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
}
