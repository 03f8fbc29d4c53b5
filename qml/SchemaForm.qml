// A form generated from a service kind's JSON Schema: one SchemaField per row of the model. The
// same file draws every kind; nothing here knows one from another.
pragma ComponentBehavior: Bound
import QtQuick
import NeoCloud.ViewModels

Column { // not a layout: see QuotaBars.qml
    id: form

    required property SchemaFormModel schemaForm

    spacing: Theme.spacingM

    Repeater {
        model: form.schemaForm
        delegate: SchemaField {
            x: depth * Theme.spacingL
            width: form.width - x
            schemaForm: form.schemaForm
        }
    }

    Text {
        width: form.width
        visible: form.schemaForm !== null && form.schemaForm.count === 0
        text: qsTr("This service takes no parameters.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
