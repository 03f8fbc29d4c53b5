// The fields of a tenant: who it is, its quotas and its network, as the create and edit dialog
// and the onboarding wizard's first page show them. A refusal from the backend shows on the field
// it names ("quotas.gpus", "tenant.network.allowedClients[1]", ...).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

GridLayout {
    id: fields

    required property TenantEditor editor
    // Editing an existing tenant: its name and pool are fixed.
    property bool editing: false
    property string errorField
    property string errorMessage
    readonly property string field: fields.errorField.replace(/^tenant\./, "")
    // The message for `name` when the refusal is about it (or one of its items).
    function errorFor(name: string): string {
        return fields.field === name || fields.field.startsWith(name + "[") ? fields.errorMessage : ""
    }
    // True when a refusal names a field shown here (otherwise the dialog shows it above).
    readonly property bool errorShown: ["name", "displayName", "contactEmail", "quotas.capacityBytes", "quotas.gpus",
                                        "quotas.maxServices", "quotas.qos.bandwidthMBps", "quotas.qos.iops", "network.pool",
                                        "network.allowedClients"].some(f => fields.errorFor(f).length > 0)

    function values(): var {
        return { name: nameField.text, displayName: displayField.text, contactEmail: contactField.text,
                 capacityTB: capacityField.text, gpus: gpusField.text, maxServices: servicesField.text,
                 bandwidthMBps: bandwidthField.text, iops: iopsField.text,
                 pool: poolBox.currentIndex > 0 ? fields.editor.pools[poolBox.currentIndex - 1].name : "",
                 allowedClients: clientsField.text, customerManagedKey: keyBox.checked }
    }
    function load(map: var) {
        nameField.text = map.name ?? ""
        displayField.text = map.displayName ?? ""
        contactField.text = map.contactEmail ?? ""
        capacityField.text = map.capacityTB ?? "0"
        gpusField.text = map.gpus ?? "0"
        servicesField.text = map.maxServices ?? "10"
        bandwidthField.text = map.bandwidthMBps ?? "0"
        iopsField.text = map.iops ?? "0"
        clientsField.text = map.allowedClients ?? ""
        keyBox.checked = map.customerManagedKey ?? false
        const pool = fields.editor.pools.findIndex(p => p.name === map.pool)
        poolBox.currentIndex = pool + 1
    }
    function focusFirst() { (fields.editing ? displayField : nameField).field.forceActiveFocus(Qt.TabFocusReason) }

    columns: 2
    columnSpacing: Theme.spacingL
    rowSpacing: Theme.spacingM

    FormField {
        id: nameField
        objectName: "tenantName"
        Layout.fillWidth: true
        label: qsTr("Name *")
        enabled: !fields.editing
        placeholderText: qsTr("acme")
        hint: qsTr("A DNS label: lower-case letters, digits and '-'. Fixed once made.")
        error: fields.errorFor("name").length > 0 ? fields.errorFor("name")
             : nameField.text.length > 0 && !fields.editor.nameIsValid(nameField.text)
               ? qsTr("Use lower-case letters, digits and '-', starting and ending with a letter or digit.") : ""
    }
    FormField {
        id: displayField
        Layout.fillWidth: true
        label: qsTr("Display name")
        placeholderText: qsTr("Acme Robotics")
        error: fields.errorFor("displayName")
    }
    FormField {
        id: contactField
        objectName: "tenantContact"
        Layout.fillWidth: true
        label: qsTr("Contact e-mail")
        placeholderText: qsTr("ops@acme.example")
        error: fields.errorFor("contactEmail")
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Text {
            text: qsTr("Network pool")
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
        ChoiceBox {
            id: poolBox
            Layout.fillWidth: true
            enabled: !fields.editing
            model: [{ text: qsTr("The first pool with room") }].concat(fields.editor.pools)
            textRole: "text"
            Accessible.name: qsTr("Network pool")
        }
        Text {
            Layout.fillWidth: true
            text: fields.errorFor("network.pool").length > 0 ? fields.errorFor("network.pool")
                                                             : qsTr("The tenant's VLAN and subnet come from this pool.")
            wrapMode: Text.WordWrap
            color: fields.errorFor("network.pool").length > 0 ? Theme.critical : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
    }

    Text {
        Layout.columnSpan: 2
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        text: fields.editor.capacityText
        wrapMode: Text.WordWrap
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }
    FormField {
        id: capacityField
        objectName: "tenantCapacity"
        Layout.fillWidth: true
        label: qsTr("Capacity (TB)")
        text: "0"
        hint: qsTr("Usable storage; decimal terabytes, 0 for none.")
        error: fields.errorFor("quotas.capacityBytes")
    }
    FormField {
        id: gpusField
        objectName: "tenantGpus"
        Layout.fillWidth: true
        label: qsTr("GPUs")
        text: "0"
        error: fields.errorFor("quotas.gpus")
    }
    FormField {
        id: servicesField
        Layout.fillWidth: true
        label: qsTr("Max services")
        text: "10"
        error: fields.errorFor("quotas.maxServices")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM
        FormField {
            id: bandwidthField
            Layout.fillWidth: true
            label: qsTr("Bandwidth (MB/s)")
            text: "0"
            hint: qsTr("0: unlimited")
            error: fields.errorFor("quotas.qos.bandwidthMBps")
        }
        FormField {
            id: iopsField
            Layout.fillWidth: true
            label: qsTr("IOPS")
            text: "0"
            hint: qsTr("0: unlimited")
            error: fields.errorFor("quotas.qos.iops")
        }
    }
    FormField {
        id: clientsField
        objectName: "tenantClients"
        Layout.fillWidth: true
        label: qsTr("Allowed client ranges")
        placeholderText: qsTr("10.20.0.0/16, 192.168.4.0/24")
        hint: qsTr("CIDRs that may reach the tenant's endpoints, separated by commas.")
        error: fields.errorFor("network.allowedClients")
    }
    CheckBox {
        id: keyBox
        Layout.alignment: Qt.AlignBottom
        visible: !fields.editing
        text: qsTr("Customer-managed encryption key")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
