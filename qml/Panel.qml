// A titled surface that groups one part of a page (a chart, a list, a form).
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: panel

    property string title
    default property alias content: body.data
    property int padding: Theme.spacingL
    // Stretch the content to the panel's height (a chart, a list); otherwise it sits at the top.
    property bool fillBody: false

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
        height: panel.fillBody ? panel.height - y - panel.padding : implicitHeight
        spacing: Theme.spacingM
    }
}
