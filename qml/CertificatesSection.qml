// The certificates HTTPS BMCs presented first, in Settings: host:port, the fingerprint to compare
// with the BMC's own page, the devices at that address and when it was pinned. Forget (after
// asking) is for a certificate replaced on purpose; the next scan or BMC page then trusts what
// the address presents. A site may have thousands of BMCs: a ListView draws only what is seen.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property PinnedCertificateModel certificates
    property string refusal
    property string status

    spacing: Theme.spacingM
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("BMC certificates")

    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: section.certificates.count === 0
              ? qsTr("No BMC certificate is pinned yet. A scan pins the certificate an HTTPS BMC presents the first time, and refuses any other at that address afterwards.")
              : qsTr("%n pinned. A scan refuses a BMC whose certificate differs from its pin. Forget one only after checking it was replaced on purpose.", "", section.certificates.count)
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }

    ListView {
        id: list
        objectName: "certificateList"
        Layout.fillWidth: true
        // Up to six rows high; more scroll inside the card.
        Layout.preferredHeight: Math.min(section.certificates.count, 6) * 64
        visible: section.certificates.count > 0
        clip: true
        spacing: Theme.spacingXs
        model: section.certificates
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Pinned BMC certificates")

        delegate: Rectangle {
            id: row
            required property int index
            required property string host
            required property string fingerprint
            required property string devices
            required property string pinnedAt
            width: list.width - Theme.spacingM
            implicitHeight: 60
            radius: Theme.radiusS
            color: Theme.surfaceRaised
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1, %2, pinned %3").arg(row.host).arg(row.devices.length > 0 ? row.devices : qsTr("no device")).arg(row.pinnedAt)

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingM
                anchors.rightMargin: Theme.spacingS
                spacing: Theme.spacingM
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        text: row.devices.length > 0 ? qsTr("%1 \u2014 %2").arg(row.host).arg(row.devices) : row.host
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                    }
                    Text {
                        Layout.fillWidth: true
                        text: row.fingerprint
                        elide: Text.ElideMiddle
                        textFormat: Text.PlainText
                        color: Theme.textSecondary
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: Theme.fontCaption
                    }
                }
                Text {
                    text: row.pinnedAt
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
                ActionButton {
                    objectName: "forgetPin" + row.index
                    implicitHeight: 36
                    destructive: true
                    text: qsTr("Forget\u2026")
                    Accessible.name: qsTr("Forget the certificate of %1").arg(row.host)
                    onClicked: {
                        forgetDialog.row = row.index
                        forgetDialog.host = row.host
                        forgetDialog.fingerprint = row.fingerprint
                        forgetDialog.open()
                    }
                }
            }
        }
    }

    Text {
        Layout.fillWidth: true
        objectName: "certificateStatus"
        visible: section.status.length > 0
        wrapMode: Text.WordWrap
        text: section.status
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
        Accessible.role: Accessible.StaticText
        Accessible.name: section.status
    }

    Banner {
        Layout.fillWidth: true
        visible: section.refusal.length > 0 || section.certificates.lastError.length > 0
        text: section.refusal.length > 0 ? section.refusal : section.certificates.lastError
    }

    ForgetCertificateDialog {
        id: forgetDialog
        objectName: "forgetPinDialog"
        property int row: -1
        onConfirmed: {
            section.refusal = section.certificates.forget(forgetDialog.row)
            section.status = section.refusal.length === 0
                    ? qsTr("Forgot the certificate of %1; the next one it presents will be trusted.").arg(forgetDialog.host)
                    : ""
        }
    }
}
