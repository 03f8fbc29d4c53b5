// A tenant's console users in the Tenants panel, and adding one (a tenant admin or viewer) with
// the backend's refusal on the field it names.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property TenantUserModel users

    spacing: Theme.spacingS

    RowLayout {
        Layout.fillWidth: true
        SectionLabel {
            Layout.fillWidth: true
            text: qsTr("Users · %L1").arg(section.users.count)
        }
        ActionButton {
            objectName: "addUser"
            implicitHeight: 32
            text: qsTr("Add user…")
            onClicked: {
                usernameField.text = ""
                passwordField.text = ""
                addDialog.refusal = {}
                addDialog.open()
            }
        }
    }
    Text {
        visible: section.users.count === 0
        text: qsTr("No users yet: add one to hand out S3 keys.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
    }
    Repeater {
        model: section.users
        delegate: RowLayout {
            id: user
            required property string username
            required property string roleLabel
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: user.username
                elide: Text.ElideRight
                color: Theme.textPrimary
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.fontCaption + 1
            }
            Text {
                text: user.roleLabel
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }

    ConsoleDialog {
        id: addDialog
        objectName: "addUserDialog"
        property var refusal: ({})
        function add() {
            addDialog.refusal = section.users.addUser(usernameField.text, passwordField.text,
                                                      roleChoice.current)
            if (Object.keys(addDialog.refusal).length === 0)
                addDialog.close()
        }
        preferredWidth: 480
        heading: qsTr("Add a user")
        subheading: qsTr("A tenant admin manages the tenant's users, keys and services; a viewer only looks.")
        onOpened: usernameField.field.forceActiveFocus()

        FormField {
            id: usernameField
            Layout.fillWidth: true
            label: qsTr("Username")
            error: addDialog.refusal.field === "username" ? addDialog.refusal.message : ""
        }
        FormField {
            id: passwordField
            Layout.fillWidth: true
            label: qsTr("Password")
            echoMode: TextInput.Password
            hint: qsTr("At least 10 characters.")
            error: addDialog.refusal.field === "password" ? addDialog.refusal.message : ""
            Keys.onReturnPressed: addDialog.add()
        }
        SegmentedChoice {
            id: roleChoice
            accessibleName: qsTr("Role")
            current: "tenant-admin"
            options: [{ value: "tenant-admin", label: qsTr("Tenant admin") },
                      { value: "tenant-viewer", label: qsTr("Tenant viewer") }]
            onChosen: value => roleChoice.current = value
        }
        Banner {
            Layout.fillWidth: true
            visible: (addDialog.refusal.message ?? "").length > 0
                     && addDialog.refusal.field !== "username" && addDialog.refusal.field !== "password"
            text: addDialog.refusal.message ?? ""
        }
        buttons: [
            ActionButton {
                text: qsTr("Cancel")
                onClicked: addDialog.close()
            },
            ActionButton {
                primary: true
                text: qsTr("Add user")
                onClicked: addDialog.add()
            }
        ]
    }
}
