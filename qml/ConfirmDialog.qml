// Asks before something that cannot be taken back (revoking a key, disabling a service): what
// will happen in one sentence, and a red button that says the action's name.
import QtQuick

ConsoleDialog {
    id: dialog

    property string confirmText: qsTr("Confirm")
    property bool destructive: true
    signal confirmed()

    preferredWidth: 520

    buttons: [
        ActionButton {
            text: qsTr("Cancel")
            hint: qsTr("Esc")
            onClicked: dialog.close()
        },
        ActionButton {
            objectName: "confirmButton"
            primary: !dialog.destructive
            destructive: dialog.destructive
            text: dialog.confirmText
            onClicked: {
                dialog.close()
                dialog.confirmed()
            }
        }
    ]
}
