// A labelled text field for the console's forms: the label above, an optional hint below, the
// label doubling as the field's accessible name.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: formField

    property string label
    property string hint
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias field: input
    property bool invalid: false

    spacing: Theme.spacingXs

    Text {
        text: formField.label
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
    }

    TextField {
        id: input
        Layout.fillWidth: true
        implicitHeight: 40
        color: Theme.textPrimary
        placeholderTextColor: Theme.textDisabled
        selectByMouse: true
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        leftPadding: Theme.spacingM
        Accessible.name: formField.label
        Accessible.description: formField.hint
        background: Rectangle {
            radius: Theme.radiusS
            color: input.enabled ? Theme.surface : Theme.surfaceRaised
            border.width: input.activeFocus || formField.invalid ? 2 : 1
            border.color: formField.invalid ? Theme.critical : input.activeFocus ? Theme.accent : Theme.border
        }
    }

    Text {
        Layout.fillWidth: true
        visible: formField.hint.length > 0
        text: formField.hint
        wrapMode: Text.WordWrap
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
}
