// What a CertificateGate wants from a person: a question with the fingerprint when a BMC's
// certificate is new, a refusal naming both fingerprints when it differs from the pin.
import QtQuick
import QtQuick.Layouts
import NeoCloud.Console
import NeoCloud.Web

Rectangle {
    id: prompt

    required property CertificateGate gate
    readonly property bool asking: prompt.gate.state === "asking"

    objectName: "certificatePrompt"
    visible: prompt.asking || prompt.gate.state === "refused"
    implicitHeight: column.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusS
    color: prompt.asking ? Theme.warningSoft : Theme.criticalSoft
    border.width: 1
    border.color: prompt.asking ? Theme.warning : Theme.critical
    Accessible.role: Accessible.AlertMessage
    Accessible.name: prompt.gate.message

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingM
        spacing: Theme.spacingS

        Text {
            Layout.fillWidth: true
            text: prompt.asking ? qsTr("Trust this certificate?") : qsTr("Certificate refused")
            color: prompt.asking ? Theme.warning : Theme.critical
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
        }
        Text {
            Layout.fillWidth: true
            text: prompt.gate.message
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody - 1
        }
        FactRow {
            Layout.fillWidth: true
            visible: prompt.gate.presentedSha256.length > 0
            label: qsTr("Presented SHA-256")
            value: prompt.gate.presentedSha256
            mono: true
            labelWidth: 150
        }
        FactRow {
            Layout.fillWidth: true
            visible: !prompt.asking && prompt.gate.pinnedSha256.length > 0
            label: prompt.gate.expectedSha256.length > 0 ? qsTr("Expected SHA-256") : qsTr("Pinned SHA-256")
            value: prompt.gate.pinnedSha256
            mono: true
            labelWidth: 150
        }
        RowLayout {
            visible: prompt.asking
            spacing: Theme.spacingS
            ActionButton {
                objectName: "trustCertificate"
                primary: true
                text: qsTr("Trust and pin")
                hint: qsTr("Pins this certificate for the BMC, as discovery does; a different one is refused later")
                onClicked: prompt.gate.trustPresented()
            }
            ActionButton {
                objectName: "refuseCertificate"
                destructive: true
                text: qsTr("Refuse")
                onClicked: prompt.gate.refusePresented()
            }
        }
    }
}
