// A new or rotated S3 key: the access key and, this one time, its secret, each with a copy button.
// The console keeps no copy of the secret, so the dialog says so plainly.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ConsoleDialog {
    id: dialog
    objectName: "secretKeyDialog"

    property string username
    property string accessKey
    property string secretKey
    property bool rotated: false

    function show(issued: var, rotated: bool) {
        dialog.username = issued.username
        dialog.accessKey = issued.accessKey
        dialog.secretKey = issued.secretKey
        dialog.rotated = rotated
        dialog.open()
    }

    preferredWidth: 620
    closePolicy: Popup.NoAutoClose // only the button: the secret must not vanish by a stray key
    heading: dialog.rotated ? qsTr("New secret for %1").arg(dialog.username) : qsTr("S3 key for %1").arg(dialog.username)
    subheading: dialog.rotated ? qsTr("The key keeps its access key; the old secret no longer works.")
                               : qsTr("Give both halves to the user; S3 clients call them access key and secret key.")
    // Nothing of the secret stays in memory once the dialog is gone.
    onClosed: dialog.secretKey = ""

    Banner {
        Layout.fillWidth: true
        tint: Theme.warning
        softTint: Theme.warningSoft
        text: qsTr("You will not see this secret again. Copy it now: the console does not keep it, and a lost secret can only be replaced by rotating the key.")
    }

    component CopyableValue: ColumnLayout {
        id: value
        property string label
        property string text
        spacing: Theme.spacingXs
        Layout.fillWidth: true
        onTextChanged: copy.copied = false
        Text {
            text: value.label
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: shown
                Layout.fillWidth: true
                implicitHeight: 40
                readOnly: true
                selectByMouse: true
                text: value.text
                color: Theme.textPrimary
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.fontBody
                leftPadding: Theme.spacingM
                Accessible.name: value.label
                background: Rectangle {
                    radius: Theme.radiusS
                    color: Theme.surfaceRaised
                    border.width: 1
                    border.color: Theme.border
                }
            }
            ActionButton {
                id: copy
                property bool copied: false
                text: copy.copied ? qsTr("Copied") : qsTr("Copy")
                onClicked: {
                    shown.selectAll()
                    shown.copy()
                    shown.deselect()
                    copy.copied = true
                }
            }
        }
    }

    CopyableValue {
        objectName: "accessKeyValue"
        label: qsTr("Access key")
        text: dialog.accessKey
    }
    CopyableValue {
        objectName: "secretKeyValue"
        label: qsTr("Secret key")
        text: dialog.secretKey
    }

    buttons: [
        ActionButton {
            objectName: "secretStored"
            primary: true
            text: qsTr("I have stored the secret")
            onClicked: dialog.close()
        }
    ]
}
