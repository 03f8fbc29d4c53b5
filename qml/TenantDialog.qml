// Creating a tenant, or editing one's contact, quotas and client ranges. The backend checks
// everything (quotas against what the cluster can promise, CIDRs, names); its refusal shows on
// the field it names, or above the form when it names none.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ConsoleDialog {
    id: dialog
    objectName: "tenantDialog"

    required property TenantEditor editor
    property string tenantId // "" when creating
    property string unplacedError
    signal saved(string tenantId)

    function openCreate() {
        dialog.tenantId = ""
        dialog.clearRefusal()
        form.load({})
        dialog.open()
    }
    function openEdit(tenantId: string, fields: var) {
        dialog.tenantId = tenantId
        dialog.clearRefusal()
        form.load(fields)
        dialog.open()
    }
    function clearRefusal() {
        dialog.unplacedError = ""
        form.errorField = ""
        form.errorMessage = ""
    }
    function save() {
        const answer = dialog.tenantId.length > 0 ? dialog.editor.update(dialog.tenantId, form.values())
                                                  : dialog.editor.create(form.values())
        if (answer.ok) {
            dialog.close()
            dialog.saved(answer.tenantId)
            return
        }
        form.errorField = answer.field
        form.errorMessage = answer.message
        dialog.unplacedError = form.errorShown ? "" : answer.message
    }

    preferredWidth: 760
    heading: dialog.tenantId.length > 0 ? qsTr("Edit tenant") : qsTr("New tenant")
    subheading: dialog.tenantId.length > 0 ? qsTr("Changes apply at once; quotas are checked against the cluster and what the tenant uses.")
                                           : qsTr("The tenant gets a VLAN and a subnet from a pool. To add users and services in the same go, use Onboard instead.")
    onOpened: form.focusFirst()

    Banner {
        Layout.fillWidth: true
        visible: dialog.unplacedError.length > 0
        text: dialog.unplacedError
    }
    TenantFormFields {
        id: form
        Layout.fillWidth: true
        editor: dialog.editor
        editing: dialog.tenantId.length > 0
        Keys.onReturnPressed: dialog.save()
        Keys.onEnterPressed: dialog.save()
    }

    buttons: [
        ActionButton {
            text: qsTr("Cancel")
            hint: qsTr("Esc")
            onClicked: dialog.close()
        },
        ActionButton {
            objectName: "saveTenant"
            primary: true
            text: dialog.tenantId.length > 0 ? qsTr("Save") : qsTr("Create tenant")
            hint: qsTr("Enter")
            onClicked: dialog.save()
        }
    ]
}
