// The onboarding wizard's users page: the tenant's first users, made with the tenant. A refusal
// (a taken name, a short password) comes back to its row and field.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: page

    required property OnboardingController onboarding

    spacing: Theme.spacingM

    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: qsTr("Tenant admins manage the tenant's users, keys and services; viewers only look. Users can also be added later.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    Repeater {
        model: page.onboarding.users
        delegate: RowLayout {
            id: user
            required property int index
            required property string username
            required property string password
            required property string role
            required property string errorField
            required property string error
            Layout.fillWidth: true
            spacing: Theme.spacingM
            FormField {
                id: usernameInput
                objectName: "wizardUsername" + user.index
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                label: qsTr("Username")
                text: user.username
                error: user.errorField === "username" || user.errorField === "" ? user.error : ""
                onTextEdited: page.onboarding.users.set(user.index, "username", usernameInput.text)
            }
            FormField {
                id: passwordInput
                objectName: "wizardPassword" + user.index
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                label: qsTr("Password")
                echoMode: TextInput.Password
                text: user.password
                hint: qsTr("At least 10 characters.")
                error: user.errorField === "password" ? user.error : ""
                onTextEdited: page.onboarding.users.set(user.index, "password", passwordInput.text)
            }
            SegmentedChoice {
                Layout.alignment: Qt.AlignVCenter
                accessibleName: qsTr("Role")
                current: user.role
                options: [{ value: "tenant-admin", label: qsTr("Admin") }, { value: "tenant-viewer", label: qsTr("Viewer") }]
                onChosen: value => page.onboarding.users.set(user.index, "role", value)
            }
            ActionButton {
                Layout.alignment: Qt.AlignVCenter
                destructive: true
                text: qsTr("Remove")
                onClicked: page.onboarding.users.remove(user.index)
            }
        }
    }

    Text {
        visible: page.onboarding.users.count === 0
        text: qsTr("No users: the tenant starts with none.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
    ActionButton {
        objectName: "wizardAddUser"
        text: qsTr("Add a user")
        onClicked: page.onboarding.users.add()
    }
}
