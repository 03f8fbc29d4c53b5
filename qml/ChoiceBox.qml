// A console drop-down: the Basic ComboBox drawn in the theme's colours, 40 px high.
import QtQuick
import QtQuick.Controls

ComboBox {
    id: box

    implicitHeight: 40
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    background: Rectangle {
        radius: Theme.radiusS
        color: box.hovered ? Theme.hover : Theme.surface
        border.width: box.visualFocus ? 2 : 1
        border.color: box.visualFocus ? Theme.accent : Theme.border
    }
    contentItem: Text {
        leftPadding: Theme.spacingM
        rightPadding: box.indicator.width + Theme.spacingS
        text: box.displayText
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: Theme.textPrimary
        font: box.font
    }
}
