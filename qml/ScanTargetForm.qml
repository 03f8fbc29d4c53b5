// What the discovery dialog scans: the demo lab, one BMC, or a range of BMC addresses, with the
// credentials, TLS verification and parallelism of the scan. It only collects the values; the
// dialog starts the scan.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: form

    required property ScanController discovery
    // "lab", "redfish" or "range"
    property string kind: form.discovery.labAvailable ? "lab" : "redfish"
    readonly property alias url: urlField.text
    readonly property alias from: fromField.text
    readonly property alias to: toField.text
    readonly property alias username: userField.text
    readonly property alias password: passwordField.text
    readonly property alias verifyTls: verifyBox.checked
    readonly property alias concurrency: concurrencyBox.value
    readonly property bool complete: form.kind === "lab" ? form.discovery.labAvailable
                                   : form.kind === "redfish" ? urlField.text.trim().length > 0
                                   : fromField.text.trim().length > 0 && toField.text.trim().length > 0

    function focusFirst() { kindChoice.forceActiveFocus(Qt.TabFocusReason) }

    spacing: Theme.spacingM

    SegmentedChoice {
        id: kindChoice
        accessibleName: qsTr("What to scan")
        current: form.kind
        options: [
            { value: "lab", label: qsTr("Demo lab"), enabled: form.discovery.labAvailable,
              reason: qsTr("No demo lab runs in this console (it was started with --no-lab).") },
            { value: "redfish", label: qsTr("Single BMC") },
            { value: "range", label: qsTr("Address range") }
        ]
        onChosen: value => form.kind = value
    }

    Text {
        Layout.fillWidth: true
        visible: form.kind === "lab"
        wrapMode: Text.WordWrap
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        text: form.discovery.labAvailable
              ? qsTr("Reads the %L1 BMCs of the demo lab at site %2 over Redfish, with the lab's own credentials.")
                .arg(form.discovery.labBmcCount).arg(form.discovery.labSite)
              : qsTr("No demo lab runs in this console. Scan real BMCs by address instead.")
    }

    FormField {
        id: urlField
        Layout.fillWidth: true
        visible: form.kind === "redfish"
        label: qsTr("BMC URL")
        placeholderText: "https://10.0.0.11"
        hint: qsTr("The BMC's Redfish address, http or https.")
    }

    RowLayout {
        Layout.fillWidth: true
        visible: form.kind === "range"
        spacing: Theme.spacingM
        FormField {
            id: fromField
            Layout.fillWidth: true
            label: qsTr("First address")
            placeholderText: "https://10.0.1.1"
        }
        FormField {
            id: toField
            Layout.fillWidth: true
            label: qsTr("Last address")
            placeholderText: "https://10.0.1.254"
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: form.kind !== "lab"
        spacing: Theme.spacingM
        FormField {
            id: userField
            Layout.fillWidth: true
            label: qsTr("Username")
            placeholderText: "admin"
        }
        FormField {
            id: passwordField
            Layout.fillWidth: true
            label: qsTr("Password")
            echoMode: TextInput.Password
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXl

        CheckBox {
            id: verifyBox
            visible: form.kind !== "lab"
            checked: true
            implicitHeight: 40
            text: qsTr("Verify TLS certificates")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Accessible.name: text
            Accessible.description: qsTr("Turn off only for BMCs with self-signed certificates on a network you trust.")
            contentItem: Text {
                leftPadding: verifyBox.indicator.width + verifyBox.spacing
                text: verifyBox.text
                color: Theme.textPrimary
                font: verifyBox.font
                verticalAlignment: Text.AlignVCenter
            }
        }
        Item { Layout.fillWidth: true }
        Text {
            text: qsTr("BMCs at once")
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
        SpinBox {
            id: concurrencyBox
            from: 1
            to: 1024
            value: 64
            editable: true
            implicitHeight: 40
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("BMCs scanned at once")
        }
    }
}
