// The create dialog shows the backend's refusals on the fields they name and keeps the dialog
// open until the tenant is made; a new S3 key's secret is shown once and then forgotten.
import QtQuick
import NeoCloud.Testing

ConsoleHost {
    name: "TenantDialog"

    function cleanupTestCase() { closeConsole() }

    function test_1_refusalsShowOnTheirField() {
        openConsole("tenants")
        click("newTenant")
        const dialog = find("tenantDialog")
        tryVerify(() => dialog.opened)
        const name = find("tenantName")
        const capacity = find("tenantCapacity")
        name.text = "Bad Name"
        verify(name.error.length > 0, "a bad name is flagged as it is typed")
        name.text = "initech"
        compare(name.error, "")
        capacity.text = "900000"
        find("tenantClients").text = "10.0.0.0/8, everyone"
        click("saveTenant")
        verify(dialog.opened, "a refused tenant keeps the dialog open")
        // The first refusal is the client range (shape before quotas), on its own field.
        verify(find("tenantClients").error.indexOf("everyone") >= 0, find("tenantClients").error)
        find("tenantClients").text = "10.0.0.0/8"
        click("saveTenant")
        verify(capacity.error.indexOf("TB") >= 0, "the capacity refusal names the numbers: " + capacity.error)
        compare(find("tenantClients").error, "")
        capacity.text = "10"
        click("saveTenant")
        tryVerify(() => !dialog.visible)
        tryCompare(Fixture.context.selectedTenant, "name", "initech")
    }

    function test_2_aKeysSecretIsShownOnce() {
        openConsole("tenants")
        tryCompare(Fixture.context.selectedTenant, "name", "initech")
        click("addUser")
        const addDialog = find("addUserDialog")
        tryVerify(() => addDialog.opened)
        // The name field has the focus; Enter in either field adds.
        type("adam")
        clickItem(find("newUserPassword").field)
        type("short")
        keyClick(Qt.Key_Return)
        verify(addDialog.opened, "a short password is refused")
        verify(find("newUserPassword").error.indexOf("10 characters") >= 0, find("newUserPassword").error)
        type(" but now long enough")
        keyClick(Qt.Key_Return)
        tryVerify(() => !addDialog.visible)
        compare(Fixture.context.selectedTenant.users.count, 1)

        click("createKey")
        const createDialog = find("createKeyDialog")
        tryVerify(() => createDialog.opened)
        click("createKeyConfirm")
        const secretDialog = find("secretKeyDialog")
        tryVerify(() => secretDialog.opened)
        const secret = secretDialog.secretKey
        verify(secret.length >= 30)
        compare(find("secretKeyValue").text, secret)
        verify(find("accessKeyValue").text.startsWith("NCBK"), find("accessKeyValue").text)
        compare(Fixture.context.selectedTenant.keys.count, 1)
        // Esc does not make it vanish; only the button does, and the secret goes with it.
        keyClick(Qt.Key_Escape)
        verify(secretDialog.opened)
        click("secretStored")
        tryVerify(() => !secretDialog.visible)
        compare(secretDialog.secretKey, "")
    }
}
