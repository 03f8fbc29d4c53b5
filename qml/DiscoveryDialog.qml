// The discovery dialog: choose what to scan, start it, follow its progress, and read what it
// found. Closing it leaves a running scan running; opening it again shows where it is.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Dialog {
    id: dialog

    required property ScanController discovery

    // Starts the scan the form describes; the controller reports a refusal in lastError.
    function start() {
        if (dialog.discovery.running || !form.complete)
            return
        if (form.kind === "lab")
            dialog.discovery.scanLab(form.concurrency)
        else if (form.kind === "redfish")
            dialog.discovery.scanRedfish(form.url, form.username, form.password, form.verifyTls, form.concurrency)
        else
            dialog.discovery.scanRange(form.from, form.to, form.username, form.password, form.verifyTls,
                                       form.concurrency)
    }
    // Opens on the lab, started at once: the lab panel's "Rescan now".
    function rescanLab() {
        form.kind = "lab"
        dialog.open()
        dialog.discovery.scanLab(form.concurrency)
    }

    readonly property string stateText: {
        switch (dialog.discovery.state) {
        case "succeeded": return qsTr("Scan finished")
        case "partial": return qsTr("Scan finished with errors")
        case "failed": return qsTr("Scan failed")
        case "cancelled": return qsTr("Scan cancelled")
        default: return ""
        }
    }

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(760, parent ? parent.width - 2 * Theme.spacingXxl : 760)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingXxl : implicitHeight)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacingXl
    title: qsTr("Discover hardware")
    onOpened: form.focusFirst()

    // Popups do not take the window's palette on 6.4; the Basic spin box and check box read it.
    palette.base: Theme.surface
    palette.text: Theme.textPrimary
    palette.button: Theme.surfaceRaised
    palette.buttonText: Theme.textPrimary
    palette.windowText: Theme.textPrimary
    palette.mid: Theme.border
    palette.dark: Theme.textSecondary
    palette.highlight: Theme.accent
    palette.toolTipBase: Theme.dark ? "#e8ecf3" : "#1b2330"
    palette.toolTipText: Theme.dark ? "#131a26" : "#f3f5f9"

    Overlay.modal: Rectangle { color: Theme.dark ? "#a0000000" : "#661b2330" }
    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surface
        border.width: 1
        border.color: Theme.border
    }
    header: null
    footer: null

    contentItem: ColumnLayout {
        spacing: Theme.spacingL
        // A popup is not an item; its content carries the dialog's accessible identity.
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title

        ColumnLayout {
            spacing: Theme.spacingXs
            Text {
                text: dialog.title
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Reads BMCs over Redfish and brings the inventory in line with what they report.")
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
        }

        ScanTargetForm {
            id: form
            objectName: "scanTargetForm"
            Layout.fillWidth: true
            discovery: dialog.discovery
            enabled: !dialog.discovery.running
            // Enter anywhere in the form starts the scan; Esc closes the dialog.
            Keys.onReturnPressed: dialog.start()
            Keys.onEnterPressed: dialog.start()
        }

        Banner {
            Layout.fillWidth: true
            visible: dialog.discovery.lastError.length > 0
            text: dialog.discovery.lastError
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.border
            visible: dialog.discovery.running || dialog.discovery.finished
        }

        ColumnLayout {
            Layout.fillWidth: true
            visible: dialog.discovery.running
            spacing: Theme.spacingS
            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Reading BMCs: %L1 of %L2").arg(dialog.discovery.progressDone)
                                                          .arg(dialog.discovery.progressTotal)
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
                Text {
                    text: qsTr("Closing this dialog leaves the scan running.")
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            ProgressBar {
                id: progress
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, dialog.discovery.progressTotal)
                value: dialog.discovery.progressDone
                Accessible.name: qsTr("Scan progress")
                background: Rectangle {
                    implicitHeight: 8
                    radius: 4
                    color: Theme.border
                }
                contentItem: Item {
                    implicitHeight: 8
                    Rectangle {
                        width: progress.visualPosition * parent.width
                        height: parent.height
                        radius: 4
                        color: Theme.accent
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: dialog.discovery.finished
            spacing: Theme.spacingM
            RowLayout {
                spacing: Theme.spacingM
                Text {
                    text: dialog.stateText
                    color: dialog.discovery.state === "succeeded" ? Theme.success
                         : dialog.discovery.state === "cancelled" ? Theme.textSecondary
                         : dialog.discovery.state === "partial" ? Theme.warning : Theme.critical
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                }
                Text {
                    text: qsTr("%L1 of %L2 BMCs read in %3 s · scan %4")
                          .arg(dialog.discovery.progressDone).arg(dialog.discovery.progressTotal)
                          .arg((dialog.discovery.durationMs / 1000).toLocaleString(Qt.locale(), "f", 1))
                          .arg(dialog.discovery.lastScanId)
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            ScanOutcome {
                Layout.fillWidth: true
                Layout.fillHeight: true
                discovery: dialog.discovery
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            ActionButton {
                visible: dialog.discovery.running
                destructive: true
                text: qsTr("Cancel scan")
                onClicked: dialog.discovery.cancel()
            }
            ActionButton {
                text: qsTr("Close")
                hint: qsTr("Esc")
                onClicked: dialog.close()
            }
            ActionButton {
                primary: true
                enabled: !dialog.discovery.running && form.complete
                text: dialog.discovery.finished ? qsTr("Scan again") : qsTr("Start scan")
                hint: qsTr("Enter")
                onClicked: dialog.start()
            }
        }
    }
}
