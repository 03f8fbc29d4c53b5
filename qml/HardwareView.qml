// Every device in one sortable, filterable table with the selected device's details beside it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property DeviceTableModel devices
    required property DeviceFilterModel filter
    required property DeviceDetail detail
    // Null, or unavailable without Qt WebEngine: no "Open BMC web interface".
    property WebPages webPages: null

    // A master-detail view is never empty on the right: the first row is picked once the table
    // has rows and nothing else is.
    function pickFirstIfNone() {
        if (view.detail.deviceId.length === 0 && view.filter.count > 0)
            view.detail.deviceId = view.filter.deviceIdAt(0)
    }

    // The header's "Discover…" button; the window owns the one discovery dialog.
    signal discoverRequested()

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Hardware")

    Connections {
        target: view.devices
        function onCountsChanged() { view.pickFirstIfNone() }
    }
    Component.onCompleted: view.pickFirstIfNone()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingL

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Inventory")
            title: qsTr("Hardware")
            badge: !view.devices.loaded ? ""
                   : view.devices.count === 1 ? qsTr("1 device") : qsTr("%L1 devices").arg(view.devices.count)
            subtitle: qsTr("Every server, storage box, switch and PDU the box knows, with health, placement and firmware.")

            StatusPill {
                visible: view.devices.criticalCount > 0
                tint: Theme.critical
                softTint: Theme.criticalSoft
                text: qsTr("%L1 critical").arg(view.devices.criticalCount)
            }
            StatusPill {
                visible: view.devices.warningCount > 0
                tint: Theme.warning
                softTint: Theme.warningSoft
                text: qsTr("%L1 warning").arg(view.devices.warningCount)
            }
            StatusPill {
                visible: view.devices.loaded && view.devices.count > 0
                         && view.devices.criticalCount + view.devices.warningCount === 0
                text: qsTr("All healthy")
            }
            ActionButton {
                text: qsTr("Discover…")
                hint: qsTr("Scan BMCs for new or changed hardware")
                onClicked: view.discoverRequested()
            }
        }

        StatusPill {
            visible: view.devices.lastError.length > 0
            tint: Theme.critical
            softTint: Theme.criticalSoft
            text: qsTr("Cannot read the inventory: %1").arg(view.devices.lastError)
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.devices.loaded && view.devices.count === 0
                     && view.devices.lastError.length === 0
            glyph: "\u25a4"
            title: qsTr("No devices yet")
            hint: qsTr("Devices appear here as discovery finds them through their BMCs, or when they are added through the API.")
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: view.devices.count > 0
            spacing: Theme.spacingXl

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacingM

                RowLayout {
                    Layout.fillWidth: true
                    DeviceFilterBar {
                        Layout.fillWidth: true
                        filter: view.filter
                    }
                    Text {
                        text: view.filter.count === view.devices.count
                              ? qsTr("%L1 shown").arg(view.filter.count)
                              : qsTr("%L1 of %L2 shown").arg(view.filter.count).arg(view.devices.count)
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                }

                DeviceTable {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: view.filter.count > 0
                    filter: view.filter
                    selectedDeviceId: view.detail.deviceId
                    onDeviceSelected: id => view.detail.deviceId = id
                }

                EmptyState {
                    Layout.fillWidth: true
                    visible: view.filter.count === 0
                    glyph: "\u2315"
                    title: qsTr("No device matches these filters")
                    hint: qsTr("Try fewer words, or clear the kind and health filters.")
                }
                Item {
                    Layout.fillHeight: true
                    visible: view.filter.count === 0
                }
            }

            DevicePanel {
                Layout.fillHeight: true
                Layout.preferredWidth: 340
                detail: view.detail
                webPages: view.webPages
            }
        }

        Item {
            Layout.fillHeight: true
            visible: view.devices.count === 0
        }
    }
}
