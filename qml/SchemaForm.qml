// A form generated from a service kind's JSON Schema: one SchemaField per row of the model. The
// same file draws every kind; nothing here knows one from another.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: form

    required property SchemaFormModel schemaForm

    spacing: Theme.spacingM

    Repeater {
        model: form.schemaForm
        delegate: SchemaField {
            Layout.fillWidth: true
            schemaForm: form.schemaForm
        }
    }

    Text {
        Layout.fillWidth: true
        visible: form.schemaForm.count === 0
        text: qsTr("This service takes no parameters.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
