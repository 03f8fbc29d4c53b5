// Imports a site plan from files on this machine: a JSON site plan, a NetBox export (its
// devices/interfaces/cables/racks JSON files) or the CSV set (racks, devices, links). A folder
// may be given for the last two. A refused plan lists every problem by file, line and column.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ConsoleDialog {
    id: dialog
    objectName: "planImportDialog"

    required property CommissioningController commissioning
    property string format: "json"

    function submit() {
        const files = pathField.text.split(/[\n;]/).map(p => p.trim()).filter(p => p.length > 0)
        if (dialog.commissioning.importPlan(dialog.format, files, siteField.text))
            dialog.close()
    }

    preferredWidth: 720
    heading: qsTr("Import a site plan")
    subheading: qsTr("Racks, U positions, the devices expected in them and the cabling plan. A plan with any problem is refused whole; nothing is half-imported.")
    onOpened: pathField.field.forceActiveFocus()

    SegmentedChoice {
        objectName: "planFormat"
        accessibleName: qsTr("Plan format")
        current: dialog.format
        options: [{ value: "json", label: qsTr("JSON plan") },
                  { value: "netbox", label: qsTr("NetBox export") },
                  { value: "csv", label: qsTr("CSV set") }]
        onChosen: value => dialog.format = value
    }
    FormField {
        id: pathField
        objectName: "planPath"
        Layout.fillWidth: true
        label: dialog.format === "json" ? qsTr("Plan file") : qsTr("Folder or files")
        placeholderText: dialog.format === "json" ? "/media/usb/site-plan.json"
                         : dialog.format === "csv" ? "/media/usb/plan/  or  racks.csv; devices.csv; links.csv"
                                                   : "/media/usb/netbox/"
        hint: dialog.format === "json" ? qsTr("The contract's JSON site plan (docs/commissioning.md).")
              : dialog.format === "csv" ? qsTr("racks.csv, devices.csv (required) and links.csv, recognised by name; separate several paths with ;")
                                        : qsTr("devices.json, interfaces.json, cables.json and optionally racks.json, as NetBox's API answers them.")
        Keys.onReturnPressed: dialog.submit()
        Keys.onEnterPressed: dialog.submit()
    }
    FormField {
        id: siteField
        objectName: "planSite"
        Layout.fillWidth: true
        visible: dialog.format !== "json"
        label: qsTr("Site")
        hint: dialog.format === "csv" ? qsTr("Required: the CSV files do not name it.") : qsTr("Only for an export of several sites.")
    }
    Banner {
        Layout.fillWidth: true
        visible: dialog.commissioning.lastError.length > 0
        text: dialog.commissioning.lastError
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(issues.implicitHeight, 220)
        visible: dialog.commissioning.planIssues.length > 0
        clip: true
        Column {
            id: issues
            spacing: 2
            Repeater {
                model: dialog.commissioning.planIssues
                delegate: Text {
                    required property string modelData
                    text: modelData
                    color: Theme.critical
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }

    buttons: [
        ActionButton {
            text: qsTr("Cancel")
            hint: qsTr("Esc")
            onClicked: dialog.close()
        },
        ActionButton {
            objectName: "submitPlan"
            primary: true
            enabled: pathField.text.trim().length > 0
            text: qsTr("Import")
            onClicked: dialog.submit()
        }
    ]
}
