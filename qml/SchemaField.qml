// One row of a form generated from a JSON Schema (SchemaFormModel): a text or number field, a
// choice, a switch, a set of options, or the header of a list (with Add), of a list item (with
// Remove) or of a nested object. The row is indented by its depth; the validator's message shows
// under the field in place of its hint.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: row

    required property SchemaFormModel schemaForm
    required property int index
    required property int depth
    required property string kind
    required property string field
    required property string title
    required property string hint
    required property bool isRequired
    required property string text
    required property bool checked
    required property var options
    required property var selected
    required property string error
    required property int itemCount
    required property bool canAdd
    required property bool canRemove
    required property string summary

    readonly property bool editable: row.kind === "text" || row.kind === "integer"
    readonly property bool header: row.kind === "list" || row.kind === "item" || row.kind === "group"

    objectName: "field:" + row.field
    Layout.leftMargin: row.depth * Theme.spacingL
    Layout.topMargin: row.kind === "item" ? Theme.spacingS : 0
    spacing: Theme.spacingXs

    Rectangle {
        Layout.fillWidth: true
        visible: row.kind === "item"
        implicitHeight: 1
        color: Theme.border
    }

    RowLayout {
        Layout.fillWidth: true
        visible: row.kind !== "boolean"
        spacing: Theme.spacingS
        Text {
            text: row.title + (row.isRequired && !row.header ? " *" : "")
            color: row.header ? Theme.textPrimary : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: row.kind === "list" ? Theme.fontBody : Theme.fontCaption
            font.weight: row.header ? Font.Bold : Font.DemiBold
        }
        Text {
            Layout.fillWidth: true
            text: row.kind === "list" ? (row.itemCount === 1 ? qsTr("1 item") : qsTr("%L1 items").arg(row.itemCount))
                : row.kind === "item" && row.summary.length > 0 ? "— " + row.summary : ""
            elide: Text.ElideRight
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
        ActionButton {
            visible: row.kind === "list"
            implicitHeight: 32
            enabled: row.canAdd
            text: qsTr("Add")
            hint: row.canAdd ? qsTr("Add an item to %1").arg(row.title) : qsTr("%1 is full").arg(row.title)
            onClicked: row.schemaForm.addItem(row.index)
        }
        ActionButton {
            visible: row.kind === "item" && row.canRemove
            implicitHeight: 32
            destructive: true
            text: qsTr("Remove")
            onClicked: row.schemaForm.removeItem(row.index)
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: row.editable
        spacing: Theme.spacingS
        TextField {
            id: input
            Layout.fillWidth: true
            implicitHeight: 38
            text: row.text
            color: Theme.textPrimary
            placeholderText: row.kind === "integer" ? qsTr("a whole number") : ""
            placeholderTextColor: Theme.textDisabled
            selectByMouse: true
            inputMethodHints: row.kind === "integer" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
            font.family: row.kind === "integer" ? "DejaVu Sans Mono" : Theme.fontFamily
            font.pixelSize: Theme.fontBody
            leftPadding: Theme.spacingM
            Accessible.name: row.title
            Accessible.description: row.error.length > 0 ? row.error : row.hint
            onTextEdited: row.schemaForm.setText(row.index, input.text)
            background: Rectangle {
                radius: Theme.radiusS
                color: Theme.surface
                border.width: input.activeFocus || row.error.length > 0 ? 2 : 1
                border.color: row.error.length > 0 ? Theme.critical : input.activeFocus ? Theme.accent : Theme.border
            }
        }
        ActionButton {
            // An item of a list of plain values is this one field.
            visible: row.canRemove
            implicitHeight: 38
            destructive: true
            text: qsTr("Remove")
            onClicked: row.schemaForm.removeItem(row.index)
        }
    }

    ChoiceBox {
        Layout.fillWidth: true
        visible: row.kind === "choice"
        model: row.options
        currentIndex: row.options.indexOf(row.text)
        Accessible.name: row.title
        onActivated: i => row.schemaForm.setText(row.index, row.options[i])
    }

    CheckBox {
        visible: row.kind === "boolean"
        text: row.title
        checked: row.checked
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        onToggled: row.schemaForm.setChecked(row.index, checked)
    }

    Flow {
        Layout.fillWidth: true
        visible: row.kind === "choices"
        spacing: Theme.spacingL
        Repeater {
            model: row.kind === "choices" ? row.options : []
            delegate: CheckBox {
                required property string modelData
                text: modelData
                checked: row.selected.indexOf(modelData) >= 0
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                onToggled: row.schemaForm.setOptionSelected(row.index, modelData, checked)
            }
        }
    }

    Text {
        Layout.fillWidth: true
        visible: text.length > 0
        text: row.error.length > 0 ? row.error : row.hint
        wrapMode: Text.WordWrap
        color: row.error.length > 0 ? Theme.critical : Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: row.error.length > 0 ? Font.DemiBold : Font.Normal
    }
}
