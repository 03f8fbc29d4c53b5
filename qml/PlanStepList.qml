// The provider steps of a plan, in the order they run: the call (method and path), what it is
// for, which system it changes, and its body on request. While a job runs each step also shows
// its state, and a failed one the provider's own words.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: list

    required property ServiceStepModel plan
    // Plans are only calls; a job's steps have states.
    property bool showStates: false

    function methodColor(method: string): color {
        return method === "DELETE" ? Theme.critical : method === "POST" ? Theme.success
             : method === "GET" ? Theme.textSecondary : Theme.warning
    }
    function stateGlyph(state: string): string {
        return state === "done" ? "\u2713" : state === "failed" ? "\u2715" : state === "running" ? "\u25d4"
             : state === "undone" ? "\u21ba" : "\u25cb"
    }
    function stateColor(state: string): color {
        return state === "done" ? Theme.success : state === "failed" ? Theme.critical
             : state === "running" ? Theme.accent : state === "undone" ? Theme.warning : Theme.textDisabled
    }

    spacing: 0
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Plan steps")

    Repeater {
        model: list.plan
        delegate: ColumnLayout {
            id: step
            required property int index
            required property string method
            required property string path
            required property string body
            required property string title
            required property string target
            required property bool shared
            required property string state
            required property string error
            property bool expanded: false

            Layout.fillWidth: true
            spacing: Theme.spacingXs
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("Step %1: %2 %3, %4").arg(step.index + 1).arg(step.method).arg(step.path).arg(step.title)

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: Theme.border
                visible: step.index > 0
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingS
                spacing: Theme.spacingS
                Text {
                    Layout.preferredWidth: 22
                    text: list.showStates ? list.stateGlyph(step.state) : (step.index + 1) + "."
                    color: list.showStates ? list.stateColor(step.state) : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: list.showStates ? Theme.fontHeading : Theme.fontCaption
                    font.weight: Font.Bold
                    Accessible.name: list.showStates ? step.state : ""
                }
                Rectangle {
                    implicitWidth: 62
                    implicitHeight: 20
                    radius: 4
                    color: Qt.rgba(list.methodColor(step.method).r, list.methodColor(step.method).g,
                                   list.methodColor(step.method).b, 0.14)
                    Text {
                        anchors.centerIn: parent
                        text: step.method
                        color: list.methodColor(step.method)
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: Theme.fontOverline
                        font.weight: Font.Bold
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: step.path
                    elide: Text.ElideMiddle
                    color: Theme.textPrimary
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Theme.fontCaption + 1
                }
                Text {
                    text: (step.target === "neocloud" ? qsTr("NeoCloud") : qsTr("VAST")) + (step.shared ? qsTr(" · tenant") : "")
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontOverline
                    font.weight: Font.DemiBold
                }
                AbstractButton {
                    id: bodyButton
                    visible: step.body.length > 0
                    implicitWidth: bodyLabel.implicitWidth + Theme.spacingM
                    implicitHeight: 24
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: step.expanded ? qsTr("Hide body") : qsTr("Show body")
                    onClicked: step.expanded = !step.expanded
                    contentItem: Text {
                        id: bodyLabel
                        text: step.expanded ? qsTr("Body \u25b4") : qsTr("Body \u25be")
                        color: Theme.accent
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: 4
                        color: bodyButton.hovered ? Theme.accentSoft : "transparent"
                        border.width: bodyButton.visualFocus ? 1 : 0
                        border.color: Theme.accent
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: 22 + Theme.spacingS
                text: step.title
                wrapMode: Text.WordWrap
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption + 1
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: 22 + Theme.spacingS
                visible: step.error.length > 0
                text: step.error
                wrapMode: Text.WordWrap
                color: Theme.critical
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption + 1
                font.weight: Font.DemiBold
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.leftMargin: 22 + Theme.spacingS
                Layout.bottomMargin: Theme.spacingXs
                visible: step.expanded
                implicitHeight: bodyText.implicitHeight + 2 * Theme.spacingS
                radius: Theme.radiusS
                color: Theme.surfaceRaised
                border.width: 1
                border.color: Theme.border
                Text {
                    id: bodyText
                    anchors.fill: parent
                    anchors.margins: Theme.spacingS
                    text: step.body
                    wrapMode: Text.WrapAnywhere
                    textFormat: Text.PlainText
                    color: Theme.textPrimary
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: Theme.fontCaption
                }
            }
            Item { implicitHeight: Theme.spacingXs }
        }
    }
}
