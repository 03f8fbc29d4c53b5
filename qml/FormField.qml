// A labelled text field for the console's forms: the label above, an optional hint below (or,
// in its place, the backend's refusal of this field), the label doubling as its accessible name.
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
    // The backend's word on this field; shown instead of the hint, and the field turns red.
    property string error
    property bool invalid: formField.error.length > 0
    // The user changed the text (not a binding).
    signal textEdited()

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
        onTextEdited: formField.textEdited()
        Accessible.description: formField.error.length > 0 ? formField.error : formField.hint
        background: Rectangle {
            radius: Theme.radiusS
            color: input.enabled ? Theme.surface : Theme.surfaceRaised
            border.width: input.activeFocus || formField.invalid ? 2 : 1
            border.color: formField.invalid ? Theme.critical : input.activeFocus ? Theme.accent : Theme.border
        }
    }

    Text {
        Layout.fillWidth: true
        visible: text.length > 0
        text: formField.error.length > 0 ? formField.error : formField.hint
        wrapMode: Text.WordWrap
        color: formField.error.length > 0 ? Theme.critical : Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: formField.error.length > 0 ? Font.DemiBold : Font.Normal
    }
}
