// A titled group of cards that reflows from five columns down to two as the window narrows.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: group

    property string title
    property int minimumCardWidth: 200
    default property alias cards: grid.data

    spacing: Theme.spacingM

    SectionLabel {
        text: group.title
    }
    GridLayout {
        id: grid
        Layout.fillWidth: true
        columns: Math.max(2, Math.min(5, Math.floor(group.width / group.minimumCardWidth)))
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingL
    }
}
