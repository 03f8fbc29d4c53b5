// A titled surface that groups one part of a page (a chart, a list, a form).
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: panel

    property string title
    default property alias content: body.data
    property int padding: Theme.spacingL

    implicitHeight: body.implicitHeight + heading.implicitHeight + 2 * panel.padding + Theme.spacingM
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border

    SectionLabel {
        id: heading
        x: panel.padding
        y: panel.padding
        width: panel.width - 2 * panel.padding
        text: panel.title
    }
    ColumnLayout {
        id: body
        x: panel.padding
        y: heading.y + heading.height + Theme.spacingM
        width: panel.width - 2 * panel.padding
        height: panel.height - y - panel.padding
        spacing: Theme.spacingM
    }
}
