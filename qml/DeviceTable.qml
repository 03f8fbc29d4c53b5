// The device table: a sortable header over a recycled TableView. Cells stay light (a rectangle
// and a text, a dot in the health column) because 10,000 rows must scroll smoothly; hover and
// selection are whole-row and computed once per row, not per cell.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NeoCloud.ViewModels

Rectangle {
    id: frame

    required property DeviceFilterModel filter
    property string selectedDeviceId
    signal deviceSelected(string deviceId)

    readonly property int rowHeight: 38
    // Matches DeviceTableModel::Column.
    readonly property var columnWidths: [130, 116, 150, 96, 56, 86, 100, 80, 150, 150]
    readonly property int healthColumn: 6
    readonly property int positionColumn: 5
    readonly property alias table: table
    property int hoveredRow: -1

    function selectRow(row: int) {
        if (row < 0 || row >= frame.filter.count)
            return
        frame.deviceSelected(frame.filter.deviceIdAt(row))
        table.positionViewAtRow(row, TableView.Contain)
    }

    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border
    clip: true

    HorizontalHeaderView {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 1
        syncView: table
        clip: true
        Accessible.role: Accessible.ColumnHeader

        delegate: Rectangle {
            id: headerCell
            required property int column
            required property string display
            readonly property bool sorted: frame.filter.sortColumn === headerCell.column

            implicitHeight: 36
            color: headerTap.pressed ? Theme.hover : Theme.surfaceRaised
            Accessible.role: Accessible.ColumnHeader
            Accessible.name: qsTr("Sort by %1").arg(headerCell.display)

            Text {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingM
                anchors.rightMargin: Theme.spacingS
                verticalAlignment: Text.AlignVCenter
                text: headerCell.display.toUpperCase()
                      + (headerCell.sorted ? (frame.filter.sortAscending ? "  \u25b4" : "  \u25be") : "")
                elide: Text.ElideRight
                color: headerCell.sorted ? Theme.accent : Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontOverline
                font.letterSpacing: 0.8
                font.weight: Font.DemiBold
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
            TapHandler {
                id: headerTap
                onTapped: frame.filter.sortBy(headerCell.column)
            }
        }
    }

    TableView {
        id: table
        objectName: "deviceTable" // found by the benchmark
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.bottom: parent.bottom
        anchors.margins: 1
        anchors.topMargin: 0
        clip: true
        model: frame.filter
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: true
        focus: true
        activeFocusOnTab: true
        columnWidthProvider: column => frame.columnWidths[column] ?? 100
        rowHeightProvider: () => frame.rowHeight
        Accessible.role: Accessible.Table
        Accessible.name: qsTr("Devices")

        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }

        Keys.onUpPressed: frame.selectRow(frame.filter.rowOfDevice(frame.selectedDeviceId) - 1)
        Keys.onDownPressed: frame.selectRow(frame.filter.rowOfDevice(frame.selectedDeviceId) + 1)

        // One handler for the whole table: a HoverHandler per cell would cost thousands.
        HoverHandler {
            id: tableHover
            onPointChanged: frame.hoveredRow = tableHover.hovered
                            ? Math.floor((tableHover.point.position.y + table.contentY) / frame.rowHeight)
                            : -1
            onHoveredChanged: if (!tableHover.hovered) frame.hoveredRow = -1
        }

        delegate: Rectangle {
            id: cell
            required property int row
            required property int column
            required property string display
            required property string deviceId
            required property string health
            readonly property bool selected: cell.deviceId === frame.selectedDeviceId
            readonly property bool placeholder: cell.display.length === 0

            implicitHeight: frame.rowHeight
            color: cell.selected ? Theme.accentSoft
                                 : cell.row === frame.hoveredRow ? Theme.hover : "transparent"

            Rectangle {
                visible: cell.selected && cell.column === 0
                width: 3
                height: parent.height
                color: Theme.accent
            }
            Rectangle {
                id: dot
                visible: cell.column === frame.healthColumn
                x: Theme.spacingM
                anchors.verticalCenter: parent.verticalCenter
                width: 8
                height: 8
                radius: 4
                color: Theme.healthColor(cell.health)
            }
            Text {
                anchors.fill: parent
                anchors.leftMargin: cell.column === frame.healthColumn ? Theme.spacingM + 16 : Theme.spacingM
                anchors.rightMargin: Theme.spacingS
                verticalAlignment: Text.AlignVCenter
                text: cell.placeholder ? "\u2014" : cell.display
                elide: Text.ElideRight
                color: cell.placeholder ? Theme.textDisabled
                     : cell.column === frame.healthColumn && cell.health !== "ok"
                       ? Theme.healthColor(cell.health)
                     : cell.column === 0 ? Theme.textPrimary : Theme.textSecondary
                font.family: cell.column === 3 || cell.column === frame.positionColumn
                             ? "DejaVu Sans Mono" : Theme.fontFamily
                font.pixelSize: cell.column === 3 ? Theme.fontCaption : Theme.fontBody - 1
                font.weight: cell.column === 0 ? Font.DemiBold : Font.Normal
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
                opacity: 0.6
            }
            TapHandler {
                onTapped: {
                    table.forceActiveFocus()
                    frame.deviceSelected(cell.deviceId)
                }
            }
        }
    }
}
