// A console push button with a 40 px touch target: filled for the one primary action of a form,
// outlined otherwise, red-tinted for actions that undo or stop something.
import QtQuick
import QtQuick.Controls

Button {
    id: button

    property bool primary: false
    property bool destructive: false
    // Tooltip for why the button is disabled, or what it does.
    property string hint

    readonly property color tint: button.destructive ? Theme.critical : Theme.accent

    implicitHeight: 40
    implicitWidth: Math.max(96, label.implicitWidth + 2 * Theme.spacingL)
    focusPolicy: Qt.StrongFocus
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    Accessible.name: button.text
    Accessible.description: button.hint

    ToolTip.visible: button.hint.length > 0 && (button.hovered || button.visualFocus)
    ToolTip.delay: 500
    ToolTip.text: button.hint

    // Enter or Return activate a focused button as Space does.
    Keys.onReturnPressed: button.clicked()
    Keys.onEnterPressed: button.clicked()

    contentItem: Text {
        id: label
        text: button.text
        font: button.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: !button.enabled ? Theme.textDisabled
             : button.primary ? Theme.textOnAccent : button.tint
    }

    background: Rectangle {
        radius: Theme.radiusS
        color: !button.enabled ? (button.primary ? Theme.border : "transparent")
             : button.primary ? (button.down ? Qt.darker(button.tint, 1.15)
                                             : button.hovered ? Qt.lighter(button.tint, 1.08) : button.tint)
             : button.hovered || button.down ? (button.destructive ? Theme.criticalSoft : Theme.accentSoft)
                                             : Theme.surface
        border.width: button.visualFocus ? 2 : button.primary ? 0 : 1
        border.color: button.visualFocus ? (button.primary ? Theme.textPrimary : Theme.accent)
                                         : button.enabled ? Qt.rgba(button.tint.r, button.tint.g, button.tint.b, 0.5) : Theme.border
    }
}
