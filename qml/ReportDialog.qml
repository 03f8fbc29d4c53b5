// Hands over the shown run: the report (HTML or PDF) saved to a path with the sign-off names,
// its content SHA-256 shown to be written down, and a check of a saved report against it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ConsoleDialog {
    id: dialog
    objectName: "reportDialog"

    required property CommissioningController commissioning
    property string format: "pdf"
    readonly property bool saved: dialog.commissioning.reportPath.length > 0

    function save() {
        dialog.commissioning.saveReport(pathField.text.trim(), engineerField.text, customerField.text)
    }

    preferredWidth: 720
    heading: qsTr("Handover report")
    subheading: qsTr("Everything checked, every waiver, the inventory as built and the cabling, with a SHA-256 of its content. Each save issues a new report, stored so it can be verified later.")
    onOpened: pathField.text = dialog.commissioning.suggestedReportPath(dialog.format)

    SegmentedChoice {
        objectName: "reportFormat"
        accessibleName: qsTr("Report format")
        current: dialog.format
        options: [{ value: "pdf", label: qsTr("PDF") }, { value: "html", label: qsTr("HTML") }]
        onChosen: value => {
            dialog.format = value
            pathField.text = dialog.commissioning.suggestedReportPath(value)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        FormField {
            id: engineerField
            Layout.fillWidth: true
            label: qsTr("Engineer")
            placeholderText: qsTr("you (the console user)")
        }
        FormField {
            id: customerField
            Layout.fillWidth: true
            label: qsTr("Customer")
            placeholderText: qsTr("blank lines to sign")
        }
    }
    FormField {
        id: pathField
        objectName: "reportPath"
        Layout.fillWidth: true
        label: qsTr("Save to")
        Keys.onReturnPressed: dialog.save()
        Keys.onEnterPressed: dialog.save()
    }
    Banner {
        Layout.fillWidth: true
        visible: dialog.commissioning.lastError.length > 0
        text: dialog.commissioning.lastError
    }
    Rectangle {
        Layout.fillWidth: true
        visible: dialog.saved
        implicitHeight: savedColumn.implicitHeight + 2 * Theme.spacingM
        radius: Theme.radiusS
        color: Theme.surfaceRaised
        border.width: 1
        border.color: Theme.border
        ColumnLayout {
            id: savedColumn
            anchors.fill: parent
            anchors.margins: Theme.spacingM
            spacing: Theme.spacingXs
            Text {
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                text: qsTr("Report %1 saved to %2").arg(dialog.commissioning.reportId).arg(dialog.commissioning.reportPath)
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption + 1
            }
            TextEdit {
                objectName: "reportSha256"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                text: "SHA-256 " + dialog.commissioning.reportSha256
                color: Theme.textSecondary
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.fontCaption
            }
            StatusPill {
                objectName: "reportVerification"
                visible: dialog.commissioning.verification.length > 0
                text: dialog.commissioning.verification === "verified" ? qsTr("Verified: the report matches its stored data")
                                                                        : qsTr("Not verified")
                tint: dialog.commissioning.verification === "verified" ? Theme.success : Theme.critical
                softTint: dialog.commissioning.verification === "verified" ? Theme.successSoft : Theme.criticalSoft
            }
        }
    }

    buttons: [
        ActionButton {
            text: qsTr("Close")
            hint: qsTr("Esc")
            onClicked: dialog.close()
        },
        ActionButton {
            objectName: "verifyReport"
            enabled: dialog.saved
            text: qsTr("Verify")
            hint: qsTr("Check the saved file against the stored report")
            onClicked: dialog.commissioning.verifyReport(dialog.commissioning.reportPath)
        },
        ActionButton {
            objectName: "saveReport"
            primary: true
            enabled: pathField.text.trim().length > 0
            text: qsTr("Save report")
            onClicked: dialog.save()
        }
    ]
}
