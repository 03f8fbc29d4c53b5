// The selected device in full, beside the Hardware table and the Topology drawings: identity
// and health, placement, BMC, components grouped by kind, and ports with their link state.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Rectangle {
    id: panel

    required property DeviceDetail detail
    property WebPages webPages: null
    property string refusal
    Connections {
        target: panel.detail
        function onDeviceIdChanged() { panel.refusal = "" }
    }

    readonly property var trust: panel.webPages !== null ? panel.webPages.context.bmcTrust : null
    readonly property bool httpsBmc: panel.trust !== null && panel.detail.bmcUrl.startsWith("https://")
    // Read again when the device changes or a pin is added or removed.
    property string pinnedCertificate
    function readPin() {
        panel.pinnedCertificate = panel.httpsBmc ? panel.trust.pinnedDisplay(panel.detail.bmcUrl) : ""
    }
    onHttpsBmcChanged: panel.readPin()
    Connections {
        target: panel.detail
        function onChanged() { panel.readPin() }
    }
    Connections {
        target: panel.trust
        function onPinsChanged() { panel.readPin() }
    }

    ForgetCertificateDialog {
        id: forgetDialog
        objectName: "forgetCertificateDialog"
        host: panel.httpsBmc ? panel.trust.pinAddress(panel.detail.bmcUrl) : ""
        fingerprint: panel.pinnedCertificate
        onConfirmed: {
            if (!panel.trust.forget(panel.detail.bmcUrl))
                panel.refusal = panel.trust.lastError
        }
    }

    implicitWidth: 340
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: panel.detail.found ? qsTr("Device %1").arg(panel.detail.name)
                                        : qsTr("Device details")

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacingXl
        visible: !panel.detail.found
        spacing: Theme.spacingS
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: "\u25a3"
            color: Theme.textDisabled
            font.family: Theme.fontFamily
            font.pixelSize: 30
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: panel.detail.lastError.length > 0
                  ? qsTr("Cannot read this device: %1").arg(panel.detail.lastError)
                  : panel.detail.deviceId.length > 0
                    ? qsTr("This device is no longer in the inventory.")
                    : qsTr("Select a device to see its placement, parts and ports.")
            color: panel.detail.lastError.length > 0 ? Theme.critical : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: panel.detail.found
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacingL

            ColumnLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.spacingXl
                Layout.bottomMargin: 0
                spacing: Theme.spacingXs

                Text {
                    text: panel.detail.kindLabel.toUpperCase()
                    color: Theme.kindColor(panel.detail.kind)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontOverline
                    font.letterSpacing: 1.2
                    font.weight: Font.Bold
                }
                Text {
                    Layout.fillWidth: true
                    text: panel.detail.name
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.Bold
                    Accessible.role: Accessible.Heading
                    Accessible.name: panel.detail.name
                }
                RowLayout {
                    Layout.topMargin: Theme.spacingXs
                    spacing: Theme.spacingS
                    HealthChip {
                        health: panel.detail.health
                        label: panel.detail.healthLabel
                    }
                    Rectangle {
                        implicitWidth: stateText.implicitWidth + 2 * Theme.spacingM
                        implicitHeight: 24
                        radius: 12
                        color: "transparent"
                        border.width: 1
                        border.color: Theme.border
                        Text {
                            id: stateText
                            anchors.centerIn: parent
                            text: panel.detail.state
                            color: Theme.textSecondary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                }
            }

            Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingXl
                Layout.rightMargin: Theme.spacingXl
                spacing: Theme.spacingS

                SectionLabel { text: qsTr("Identity and placement") }
                FactRow {
                    Layout.fillWidth: true
                    label: qsTr("Model")
                    value: [panel.detail.vendor, panel.detail.model].filter(s => s.length > 0).join(" ")
                }
                FactRow { Layout.fillWidth: true; label: qsTr("Serial"); value: panel.detail.serial; mono: true }
                FactRow { Layout.fillWidth: true; label: qsTr("Firmware"); value: panel.detail.firmware; mono: true }
                FactRow { Layout.fillWidth: true; label: qsTr("Site"); value: panel.detail.siteName }
                FactRow {
                    Layout.fillWidth: true
                    label: qsTr("Rack")
                    value: panel.detail.rackName.length === 0 ? ""
                           : panel.detail.units.length === 0 ? panel.detail.rackName
                           : qsTr("%1 · %2 (%3U)").arg(panel.detail.rackName)
                                                  .arg(panel.detail.units).arg(panel.detail.heightU)
                }
                FactRow { Layout.fillWidth: true; label: qsTr("BMC"); value: panel.detail.bmcUrl; link: true }
                // The certificate trusted on first use, for an HTTPS BMC: shown so it can be
                // compared with the BMC's own, and forgotten when it was replaced on purpose.
                FactRow {
                    objectName: "bmcCertificate"
                    Layout.fillWidth: true
                    visible: panel.httpsBmc
                    label: qsTr("Certificate")
                    value: panel.pinnedCertificate.length > 0 ? panel.pinnedCertificate
                                                              : qsTr("Not pinned yet: the next scan or visit trusts what it presents")
                    mono: panel.pinnedCertificate.length > 0
                }
                ActionButton {
                    objectName: "forgetCertificate"
                    visible: panel.httpsBmc && panel.pinnedCertificate.length > 0
                    text: qsTr("Forget certificate…")
                    hint: qsTr("For a certificate replaced on purpose: the next one this BMC presents is trusted")
                    onClicked: forgetDialog.open()
                }
                ActionButton {
                    objectName: "openBmc"
                    visible: panel.webPages !== null && panel.webPages.available && panel.detail.bmcUrl.length > 0
                    text: qsTr("Open BMC web interface")
                    hint: qsTr("Opens the BMC's own pages; its certificate must match the one discovery pinned")
                    onClicked: panel.refusal = panel.webPages.openBmc(panel.detail.bmcUrl, panel.detail.name)
                }
                // One button per operator-configured dashboard. A Column, not the Layout: the
                // repeater's model resets when Settings edits it while this page is hidden.
                Column {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    visible: panel.webPages !== null && panel.webPages.available
                    Repeater {
                        model: panel.webPages !== null && panel.webPages.available ? panel.webPages.context.dashboards : null
                        delegate: ActionButton {
                            required property int index
                            required property string name
                            objectName: "openDashboard" + index
                            text: qsTr("Open %1").arg(name)
                            hint: qsTr("Opens this dashboard for %1; its certificate is judged like a BMC's").arg(panel.detail.name)
                            onClicked: panel.refusal = panel.webPages.openDashboard(index, panel.detail)
                        }
                    }
                }
                Banner {
                    Layout.fillWidth: true
                    visible: panel.refusal.length > 0
                    text: panel.refusal
                }
            }

            DevicePartsSection {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacingXl
                Layout.rightMargin: Theme.spacingXl
                Layout.bottomMargin: Theme.spacingXl
                detail: panel.detail
            }
        }
    }
}
