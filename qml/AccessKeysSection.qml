// A tenant's S3 access keys in the Tenants panel: listed without secrets; creating one for a user
// or rotating one shows the new secret once; revoking asks first.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property AccessKeyModel keys
    required property TenantUserModel users
    property string refusal

    function create() {
        const issued = section.keys.createKey(userBox.currentText)
        section.refusal = issued.ok ? "" : issued.message
        if (issued.ok) {
            createDialog.close()
            secretDialog.show(issued, false)
        }
    }

    spacing: Theme.spacingS

    RowLayout {
        Layout.fillWidth: true
        SectionLabel {
            Layout.fillWidth: true
            text: qsTr("S3 access keys · %L1").arg(section.keys.count)
        }
        ActionButton {
            objectName: "createKey"
            implicitHeight: 32
            enabled: section.users.count > 0
            text: qsTr("Create key…")
            hint: section.users.count > 0 ? qsTr("A key for one of the tenant's users") : qsTr("Add a user first")
            onClicked: {
                section.refusal = ""
                createDialog.open()
            }
        }
    }
    Banner {
        Layout.fillWidth: true
        visible: section.refusal.length > 0 && !createDialog.visible
        text: section.refusal
    }
    Text {
        visible: section.keys.count === 0
        text: qsTr("No keys yet.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
    }
    Repeater {
        model: section.keys
        delegate: RowLayout {
            id: key
            required property string keyId
            required property string username
            required property string accessKey
            required property string state
            required property var createdAt
            Layout.fillWidth: true
            spacing: Theme.spacingS
            opacity: key.state === "revoked" ? 0.6 : 1
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    text: key.accessKey
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Theme.fontCaption + 1
                    font.strikeout: key.state === "revoked"
                }
                Text {
                    text: qsTr("%1 · %2 · %3").arg(key.username).arg(key.state)
                                               .arg(key.createdAt.toLocaleDateString(Qt.locale(), Locale.ShortFormat))
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            ActionButton {
                visible: key.state === "active"
                implicitHeight: 30
                implicitWidth: 80
                text: qsTr("Rotate")
                hint: qsTr("A new secret; the old one stops working")
                onClicked: {
                    confirm.keyId = key.keyId
                    confirm.revoking = false
                    confirm.subheading = qsTr("Key %1 gets a new secret, shown once. The current secret stops working at once.").arg(key.accessKey)
                    confirm.open()
                }
            }
            ActionButton {
                visible: key.state === "active"
                implicitHeight: 30
                implicitWidth: 80
                destructive: true
                text: qsTr("Revoke")
                onClicked: {
                    confirm.keyId = key.keyId
                    confirm.revoking = true
                    confirm.subheading = qsTr("Key %1 of %2 stops working for good; it stays listed for the audit trail.").arg(key.accessKey).arg(key.username)
                    confirm.open()
                }
            }
        }
    }

    ConfirmDialog {
        id: confirm
        objectName: "keyConfirmDialog"
        property string keyId
        property bool revoking
        heading: confirm.revoking ? qsTr("Revoke this key?") : qsTr("Rotate this key?")
        confirmText: confirm.revoking ? qsTr("Revoke key") : qsTr("Rotate key")
        onConfirmed: {
            const answer = confirm.revoking ? section.keys.revokeKey(confirm.keyId) : section.keys.rotateKey(confirm.keyId)
            section.refusal = answer.ok ? "" : answer.message
            if (answer.ok && !confirm.revoking)
                secretDialog.show(answer, true)
        }
    }

    ConsoleDialog {
        id: createDialog
        objectName: "createKeyDialog"
        preferredWidth: 460
        heading: qsTr("Create an S3 key")
        subheading: qsTr("The key acts as this user on the tenant's buckets.")
        ChoiceBox {
            id: userBox
            objectName: "keyUser"
            Layout.fillWidth: true
            model: section.users
            textRole: "username"
            Accessible.name: qsTr("User")
        }
        Banner {
            Layout.fillWidth: true
            visible: section.refusal.length > 0
            text: section.refusal
        }
        buttons: [
            ActionButton {
                text: qsTr("Cancel")
                onClicked: createDialog.close()
            },
            ActionButton {
                objectName: "createKeyConfirm"
                primary: true
                text: qsTr("Create key")
                onClicked: section.create()
            }
        ]
    }

    SecretKeyDialog {
        id: secretDialog
    }
}
