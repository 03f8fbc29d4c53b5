// Injects a fault into one lab BMC: the device, what breaks, and which part (with a hint from the
// device's own hardware). Reports the lab's refusal verbatim, or `injected` on success.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: form
    objectName: "labFaultForm"

    required property LabFaultModel lab
    property string error
    signal injected(string device, string kind)

    readonly property string device: deviceBox.currentText
    readonly property string deviceKind: form.lab.devices.kindAt(deviceBox.currentIndex)
    // Only the kinds that can work on the chosen device.
    readonly property var kinds: form.lab.faultKinds.filter(k => k.appliesTo.length === 0
                                                            || k.appliesTo.indexOf(form.deviceKind) >= 0)
    readonly property var kind: form.kinds[Math.max(0, Math.min(kindBox.currentIndex, form.kinds.length - 1))]

    function inject() {
        if (!form.kind || form.device.length === 0)
            return
        form.error = form.lab.addFault(form.device, form.kind.value,
                                       form.kind.usesComponent ? componentField.text : "",
                                       form.kind.usesLatency ? latencyBox.value : 0)
        if (form.error.length === 0) {
            componentField.text = ""
            form.injected(form.device, form.kind.value)
        }
    }

    spacing: Theme.spacingM
    Keys.onReturnPressed: form.inject()
    Keys.onEnterPressed: form.inject()

    component Label: Text {
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXs

        Label { text: qsTr("Device") }
        ChoiceBox {
            id: deviceBox
            objectName: "faultDevice"
            Layout.fillWidth: true
            model: form.lab.devices
            textRole: "name"
            Accessible.name: qsTr("Device")
            onActivated: { kindBox.currentIndex = 0; form.error = "" }
        }
        Label {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Fault")
        }
        ChoiceBox {
            id: kindBox
            objectName: "faultKind"
            Layout.fillWidth: true
            model: form.kinds
            textRole: "label"
            Accessible.name: qsTr("Fault kind")
            onActivated: form.error = ""
        }
    }

    FormField {
        id: componentField
        objectName: "faultComponent"
        Layout.fillWidth: true
        visible: form.kind ? form.kind.usesComponent : false
        label: qsTr("Component")
        hint: form.kind ? form.lab.componentHint(form.device, form.kind.value) : ""
    }

    RowLayout {
        visible: form.kind ? form.kind.usesLatency : false
        spacing: Theme.spacingM
        Label { text: qsTr("Added latency (ms)") }
        SpinBox {
            id: latencyBox
            from: 1
            to: 120000
            stepSize: 500
            value: 2000
            editable: true
            implicitHeight: 40
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Added latency in milliseconds")
        }
    }

    Banner {
        Layout.fillWidth: true
        visible: form.error.length > 0
        text: form.error
    }

    ActionButton {
        primary: true
        text: qsTr("Inject fault")
        hint: qsTr("Enter")
        enabled: form.device.length > 0 && form.kind !== undefined
        onClicked: form.inject()
    }
}
