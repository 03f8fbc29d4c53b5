// The operator's dashboards (Grafana and the like) in Settings: the list with edit and remove, and
// one form that adds a dashboard or changes the one being edited. Each change is saved at once
// (the backend checks it and names the field it refuses); each dashboard becomes an "Open <name>"
// button on a device's page.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: section

    required property DashboardListModel dashboards
    property bool webEngineAvailable: true
    // The row the form edits, or -1 while it adds one.
    property int editing: -1
    // The backend's last refusal: {field, message}; field "name", "urlTemplate" or "".
    property var refusal: ({})
    readonly property string refusedField: section.refusal.field !== undefined ? section.refusal.field : ""
    readonly property string refusedMessage: section.refusal.message !== undefined ? section.refusal.message : ""

    spacing: Theme.spacingM
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Dashboards")

    function startEditing(row, name, urlTemplate) {
        section.editing = row
        section.refusal = {}
        nameField.text = name
        urlField.text = urlTemplate
        nameField.field.forceActiveFocus()
    }
    function resetForm() {
        section.editing = -1
        section.refusal = {}
        nameField.text = ""
        urlField.text = ""
    }
    function submit() {
        const answer = section.editing < 0
                ? section.dashboards.add(nameField.text, urlField.text)
                : section.dashboards.update(section.editing, nameField.text, urlField.text)
        if (answer.message === undefined)
            section.resetForm()
        else
            section.refusal = answer
    }

    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: section.webEngineAvailable
              ? qsTr("Each dashboard becomes an \u201cOpen <name>\u201d button on a device's page. %1 in the URL are filled from the device. Certificates are judged like BMC pages: trusted on first use, then pinned.")
                    .arg(section.dashboards.placeholders.join(", "))
              : qsTr("This console was built without Qt WebEngine, so device pages show no dashboard buttons; the list is still kept for other consoles and the API.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }

    Banner {
        Layout.fillWidth: true
        visible: section.dashboards.lastError.length > 0
        text: qsTr("Cannot read the dashboards: %1").arg(section.dashboards.lastError)
    }

    Text {
        visible: section.dashboards.count === 0
        text: qsTr("No dashboards yet.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    // A Column, not the Layout: the repeater's model resets with every save.
    Column {
        id: rows
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Configured dashboards")

        Repeater {
            model: section.dashboards
            delegate: Rectangle {
                id: row
                required property int index
                required property string name
                required property string urlTemplate
                width: rows.width
                implicitHeight: 56
                radius: Theme.radiusS
                color: section.editing === row.index ? Theme.accentSoft : Theme.surfaceRaised
                border.width: section.editing === row.index ? 1 : 0
                border.color: Theme.accent
                Accessible.role: Accessible.ListItem
                Accessible.name: row.name + ": " + row.urlTemplate

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
                            text: row.name
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                        }
                        Text {
                            Layout.fillWidth: true
                            text: row.urlTemplate
                            elide: Text.ElideMiddle
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.family: "DejaVu Sans Mono"
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                    ActionButton {
                        objectName: "editDashboard" + row.index
                        implicitHeight: 36
                        text: qsTr("Edit")
                        Accessible.name: qsTr("Edit %1").arg(row.name)
                        onClicked: section.startEditing(row.index, row.name, row.urlTemplate)
                    }
                    ActionButton {
                        objectName: "removeDashboard" + row.index
                        implicitHeight: 36
                        destructive: true
                        text: qsTr("Remove")
                        Accessible.name: qsTr("Remove %1").arg(row.name)
                        onClicked: {
                            const answer = section.dashboards.remove(row.index)
                            if (answer.message !== undefined)
                                section.refusal = answer
                            else if (section.editing === row.index)
                                section.resetForm()
                            else if (section.editing > row.index)
                                section.editing -= 1
                        }
                    }
                }
            }
        }
    }

    SectionLabel {
        Layout.topMargin: Theme.spacingS
        text: section.editing < 0 ? qsTr("Add a dashboard") : qsTr("Edit \u201c%1\u201d").arg(nameField.text)
    }
    FormField {
        id: nameField
        objectName: "dashboardName"
        Layout.fillWidth: true
        label: qsTr("Name")
        placeholderText: qsTr("Grafana node dashboard")
        error: section.refusedField === "name" ? section.refusedMessage : ""
    }
    FormField {
        id: urlField
        objectName: "dashboardUrl"
        Layout.fillWidth: true
        label: qsTr("URL template")
        placeholderText: "https://grafana.example/d/node?var-host={name}"
        hint: qsTr("http:// or https://, e.g. https://grafana.example/d/node?var-host={name}")
        error: section.refusedField === "urlTemplate" ? section.refusedMessage : ""
    }
    Banner {
        Layout.fillWidth: true
        visible: section.refusedMessage.length > 0 && section.refusedField !== "name" && section.refusedField !== "urlTemplate"
        text: section.refusedMessage
    }
    RowLayout {
        spacing: Theme.spacingS
        ActionButton {
            objectName: "saveDashboard"
            primary: true
            text: section.editing < 0 ? qsTr("Add dashboard") : qsTr("Save changes")
            enabled: nameField.text.trim().length > 0 && urlField.text.trim().length > 0
                     && (section.editing >= 0 || section.dashboards.count < section.dashboards.maximum)
            hint: section.editing < 0 && section.dashboards.count >= section.dashboards.maximum
                  ? qsTr("At most %1 dashboards").arg(section.dashboards.maximum) : ""
            onClicked: section.submit()
        }
        ActionButton {
            visible: section.editing >= 0
            text: qsTr("Cancel")
            onClicked: section.resetForm()
        }
    }
}
