// A small text-only button for secondary actions inside lists (Rotate, Revoke, Body ▾), where a
// full button per row would crowd the row. Red when it undoes something.
import QtQuick
import QtQuick.Controls

AbstractButton {
    id: link

    property bool destructive: false
    property string hint

    implicitWidth: label.implicitWidth + Theme.spacingS
    implicitHeight: 24
    focusPolicy: Qt.StrongFocus
    Accessible.name: link.text
    Accessible.description: link.hint
    ToolTip.visible: link.hint.length > 0 && (link.hovered || link.visualFocus)
    ToolTip.delay: 500
    ToolTip.text: link.hint
    Keys.onReturnPressed: link.clicked()
    Keys.onEnterPressed: link.clicked()

    contentItem: Text {
        id: label
        text: link.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        color: !link.enabled ? Theme.textDisabled : link.destructive ? Theme.critical : Theme.accent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
        font.underline: link.hovered || link.visualFocus
    }
    background: null
}
