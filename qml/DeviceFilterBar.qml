// The Hardware view's filters: free text over name, serial and model, a kind and a health
// choice, and a reset. It writes straight into the DeviceFilterModel.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

RowLayout {
    id: bar

    required property DeviceFilterModel filter

    readonly property bool active: bar.filter.text.length > 0 || bar.filter.kind.length > 0
                                   || bar.filter.health.length > 0

    spacing: Theme.spacingS

    component Choice: ComboBox {
        id: choice
        required property string current
        signal chosen(string value)

        textRole: "text"
        valueRole: "value"
        implicitHeight: 36
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
        currentIndex: Math.max(0, choice.indexOfValue(choice.current))
        onActivated: choice.chosen(choice.currentValue)
        background: Rectangle {
            radius: Theme.radiusS
            color: choice.hovered ? Theme.hover : Theme.surface
            border.width: choice.visualFocus ? 2 : 1
            border.color: choice.visualFocus ? Theme.accent : Theme.border
        }
        contentItem: Text {
            leftPadding: Theme.spacingM
            rightPadding: choice.indicator.width + Theme.spacingS
            text: choice.displayText
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
            color: choice.currentIndex > 0 ? Theme.textPrimary : Theme.textSecondary
            font: choice.font
        }
    }

    TextField {
        id: search
        Layout.fillWidth: true
        Layout.maximumWidth: 360
        implicitHeight: 36
        placeholderText: qsTr("Search name, serial or model")
        placeholderTextColor: Theme.textDisabled
        text: bar.filter.text
        color: Theme.textPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
        leftPadding: 34
        selectByMouse: true
        Accessible.name: qsTr("Search devices")
        // Typing filters 10,000 rows; a short pause keeps each keystroke cheap.
        onTextEdited: searchDelay.restart()
        Keys.onEscapePressed: { search.clear(); bar.filter.text = "" }
        background: Rectangle {
            radius: Theme.radiusS
            color: Theme.surface
            border.width: search.activeFocus ? 2 : 1
            border.color: search.activeFocus ? Theme.accent : Theme.border
            Text {
                x: 12
                anchors.verticalCenter: parent.verticalCenter
                text: "\u2315"
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: 16
            }
        }
        Timer {
            id: searchDelay
            interval: 150
            onTriggered: bar.filter.text = search.text
        }
    }

    Choice {
        Layout.preferredWidth: 170
        current: bar.filter.kind
        Accessible.name: qsTr("Kind filter")
        model: [
            { text: qsTr("All kinds"), value: "" },
            { text: qsTr("GPU servers"), value: "gpu-server" },
            { text: qsTr("Storage CNodes"), value: "storage-cnode" },
            { text: qsTr("Storage DBoxes"), value: "storage-dbox" },
            { text: qsTr("Switches"), value: "switch" },
            { text: qsTr("PDUs"), value: "pdu" },
            { text: qsTr("Other"), value: "other" }
        ]
        onChosen: value => bar.filter.kind = value
    }

    Choice {
        Layout.preferredWidth: 164
        current: bar.filter.health
        Accessible.name: qsTr("Health filter")
        model: [
            { text: qsTr("Any health"), value: "" },
            { text: qsTr("Critical"), value: "critical" },
            { text: qsTr("Warning"), value: "warning" },
            { text: qsTr("Healthy"), value: "ok" },
            { text: qsTr("Unknown"), value: "unknown" }
        ]
        onChosen: value => bar.filter.health = value
    }

    Button {
        id: clearButton
        visible: bar.active
        flat: true
        implicitHeight: 36
        text: qsTr("Clear filters")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody - 1
        onClicked: {
            search.clear()
            bar.filter.text = ""
            bar.filter.kind = ""
            bar.filter.health = ""
        }
        contentItem: Text {
            text: clearButton.text
            color: Theme.accent
            font: clearButton.font
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: Theme.radiusS
            color: clearButton.hovered ? Theme.accentSoft : "transparent"
        }
    }

    Item { Layout.fillWidth: true }
}
