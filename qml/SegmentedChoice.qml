// A row of mutually exclusive options drawn as one segmented control; options that do not apply
// stay visible but disabled, with their reason as tooltip and accessible description.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

Rectangle {
    id: choice

    // [{ value, label, enabled?, reason? }]
    property var options: []
    property string current
    property string accessibleName
    signal chosen(string value)

    implicitWidth: row.implicitWidth + 8
    implicitHeight: 44
    radius: Theme.radiusS + 2
    color: Theme.surfaceRaised
    border.width: 1
    border.color: Theme.border
    Accessible.role: Accessible.PageTabList
    Accessible.name: choice.accessibleName

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 2
        Repeater {
            model: choice.options
            delegate: AbstractButton {
                id: segment
                required property var modelData
                readonly property bool selected: choice.current === segment.modelData.value
                readonly property string reason: segment.modelData.reason ?? ""
                enabled: segment.modelData.enabled ?? true
                implicitWidth: segmentText.implicitWidth + 2 * Theme.spacingL
                implicitHeight: 36
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.PageTab
                Accessible.name: segment.modelData.label
                Accessible.description: segment.enabled ? "" : segment.reason
                Accessible.selected: segment.selected
                onClicked: choice.chosen(segment.modelData.value)

                HoverHandler { id: hover }
                ToolTip.visible: !segment.enabled && segment.reason.length > 0 && hover.hovered
                ToolTip.text: segment.reason
                ToolTip.delay: 300

                background: Rectangle {
                    radius: Theme.radiusS
                    color: segment.selected ? Theme.surface : segment.hovered ? Theme.hover : "transparent"
                    border.width: segment.visualFocus ? 2 : segment.selected ? 1 : 0
                    border.color: segment.visualFocus ? Theme.accent : Theme.border
                }
                contentItem: Text {
                    id: segmentText
                    text: segment.modelData.label
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: !segment.enabled ? Theme.textDisabled
                         : segment.selected ? Theme.textPrimary : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: segment.selected ? Font.DemiBold : Font.Normal
                }
            }
        }
    }
}
