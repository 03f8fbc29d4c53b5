// The tenants x services health matrix: a header of service kinds, a column of tenant names and
// a TableView of coloured cells over the C++ model, so only the visible rows have delegates (500
// tenants scroll as easily as 5). The cells change colour in place when the model says so.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import NeoCloud.ViewModels

Item {
    id: matrix

    required property HealthMatrixModel healthMatrix
    // The selected cell, as tenant id and kind; empty for none.
    property string selectedTenantId
    property string selectedKind
    property bool compact: false // the overview's miniature: small squares, no words
    readonly property int cellHeight: compact ? 18 : 30
    readonly property int nameWidth: compact ? 96 : 168
    readonly property int headerHeight: compact ? 0 : 56
    readonly property real cellWidth: Math.max(compact ? 14 : 64,
                                               (width - nameWidth - (compact ? 0 : 12)) / Math.max(1, healthMatrix.kindCount))
    readonly property alias table: table
    // The keyboard's cell: arrows move it (the table scrolls to keep it in view), Enter or Space
    // opens it as a click would.
    property int currentRow: -1
    property int currentColumn: -1

    signal cellClicked(string tenantId, string kind)

    function moveCurrent(rows: int, columns: int) {
        if (matrix.healthMatrix.tenantCount === 0)
            return
        matrix.currentRow = Math.max(0, Math.min(matrix.healthMatrix.tenantCount - 1, Math.max(0, matrix.currentRow) + rows))
        matrix.currentColumn = Math.max(0, Math.min(matrix.healthMatrix.kindCount - 1, Math.max(0, matrix.currentColumn) + columns))
        table.positionViewAtCell(Qt.point(matrix.currentColumn, matrix.currentRow), TableView.Contain)
    }
    function openCurrent() {
        if (matrix.currentRow >= 0 && matrix.currentColumn >= 0)
            matrix.cellClicked(matrix.healthMatrix.tenantIdAt(matrix.currentRow), matrix.healthMatrix.kindAt(matrix.currentColumn))
    }

    activeFocusOnTab: !compact
    Keys.onPressed: event => {
        const steps = { [Qt.Key_Up]: [-1, 0], [Qt.Key_Down]: [1, 0], [Qt.Key_Left]: [0, -1], [Qt.Key_Right]: [0, 1],
                        [Qt.Key_PageUp]: [-10, 0], [Qt.Key_PageDown]: [10, 0] }
        if (steps[event.key] !== undefined) {
            matrix.moveCurrent(steps[event.key][0], steps[event.key][1])
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space) {
            matrix.openCurrent()
            event.accepted = true
        }
    }

    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Service health of %1 tenants").arg(matrix.healthMatrix.tenantCount)

    // The kinds, above their columns.
    Row {
        id: header
        x: matrix.nameWidth
        visible: !matrix.compact
        height: matrix.headerHeight
        Repeater {
            model: matrix.compact ? 0 : matrix.healthMatrix.kindCount
            delegate: Text {
                required property int index
                width: matrix.cellWidth
                height: header.height
                text: matrix.healthMatrix.kindTitleAt(index)
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignBottom
                bottomPadding: Theme.spacingXs
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
        }
    }

    // Tenant names, scrolled with the table.
    ListView {
        id: names
        y: matrix.headerHeight
        width: matrix.nameWidth
        height: matrix.height - matrix.headerHeight
        clip: true
        interactive: false
        contentY: table.contentY
        model: matrix.healthMatrix.tenantCount
        delegate: Text {
            required property int index
            width: names.width - Theme.spacingS
            height: matrix.cellHeight
            text: matrix.healthMatrix.tenantNameAt(index)
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
            color: matrix.healthMatrix.tenantIdAt(index) === matrix.selectedTenantId ? Theme.accent : Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: matrix.compact ? Theme.fontOverline : Theme.fontBody - 1
        }
    }

    TableView {
        id: table
        objectName: matrix.compact ? "healthTableMiniature" : "healthTable"
        x: matrix.nameWidth
        y: matrix.headerHeight
        width: matrix.width - matrix.nameWidth
        height: matrix.height - matrix.headerHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: matrix.healthMatrix
        columnWidthProvider: () => matrix.cellWidth
        rowHeightProvider: () => matrix.cellHeight
        ScrollBar.vertical: ScrollBar { policy: matrix.compact ? ScrollBar.AsNeeded : ScrollBar.AlwaysOn }
        onWidthChanged: forceLayout()

        delegate: Item {
            id: cell
            required property string status
            required property string reason
            required property string tenantId
            required property string tenantName
            required property string kind
            required property string kindTitle
            required property int row
            required property int column
            readonly property bool current: matrix.activeFocus && cell.row === matrix.currentRow && cell.column === matrix.currentColumn
            readonly property bool selected: cell.tenantId === matrix.selectedTenantId && cell.kind === matrix.selectedKind
            readonly property color tint: Theme.statusColor(cell.status)

            implicitWidth: matrix.cellWidth
            implicitHeight: matrix.cellHeight

            Rectangle {
                anchors.fill: parent
                anchors.margins: matrix.compact ? 1 : 2
                radius: matrix.compact ? 2 : Theme.radiusS - 2
                color: matrix.compact ? cell.tint : Theme.statusSoftColor(cell.status)
                opacity: matrix.compact && cell.status === "disabled" ? 0.35 : 1
                border.width: cell.selected || cell.current ? 2 : (matrix.compact ? 0 : 1)
                border.color: cell.current ? Theme.textPrimary : cell.selected ? Theme.accent
                            : Qt.rgba(cell.tint.r, cell.tint.g, cell.tint.b, 0.35)

                Text {
                    anchors.centerIn: parent
                    visible: !matrix.compact
                    width: parent.width - 2 * Theme.spacingXs
                    text: cell.status === "disabled" ? "\u2014" : Theme.statusLabel(cell.status)
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignHCenter
                    color: cell.tint
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    font.weight: cell.status === "down" || cell.status === "degraded" ? Font.Bold : Font.Normal
                }
            }
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: {
                    matrix.currentRow = cell.row
                    matrix.currentColumn = cell.column
                    if (!matrix.compact)
                        matrix.forceActiveFocus(Qt.MouseFocusReason)
                    matrix.cellClicked(cell.tenantId, cell.kind)
                }
            }
            Accessible.role: Accessible.Cell
            Accessible.name: qsTr("%1, %2: %3").arg(cell.tenantName).arg(cell.kindTitle).arg(Theme.statusLabel(cell.status))
        }
    }
}
