// One service of a tenant: its kind, state and health, where the tenant reaches it, the error in
// the provider's words when it failed, its provider steps on request, and Disable.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: card

    required property string serviceId
    required property string kindTitle
    required property string state
    required property string healthTone
    required property bool busy
    required property var endpoints
    required property string error
    required property var steps
    required property int stepsDone
    required property string paramsText
    property bool showSteps: false
    signal disableRequested(string serviceId, string title)

    readonly property color stateColor: card.state === "active" ? Theme.success
                                      : card.state === "failed" ? Theme.critical
                                      : card.state === "disabled" ? Theme.textSecondary : Theme.accent

    implicitHeight: column.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: card.state === "failed" ? Qt.rgba(Theme.critical.r, Theme.critical.g, Theme.critical.b, 0.5) : Theme.border
    opacity: card.state === "disabled" ? 0.75 : 1
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("%1, %2").arg(card.kindTitle).arg(card.state)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingS

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Rectangle {
                implicitWidth: 9
                implicitHeight: 9
                radius: 4.5
                color: Theme.healthColor(card.healthTone)
            }
            Text {
                Layout.fillWidth: true
                text: card.kindTitle
                elide: Text.ElideRight
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
            }
            StatusPill {
                text: card.busy ? qsTr("%1 · step %L2 of %L3").arg(card.state).arg(card.stepsDone + 1).arg(card.steps.length)
                                : card.state
                tint: card.stateColor
                softTint: Qt.rgba(card.stateColor.r, card.stateColor.g, card.stateColor.b, 0.12)
            }
            ActionButton {
                visible: card.state === "active" || card.state === "failed"
                implicitHeight: 32
                destructive: true
                text: qsTr("Disable…")
                hint: qsTr("Shows what will be undone first")
                onClicked: card.disableRequested(card.serviceId, card.kindTitle)
            }
        }

        Repeater {
            model: card.endpoints
            delegate: FactRow {
                id: endpoint
                required property var modelData
                Layout.fillWidth: true
                label: endpoint.modelData.name
                value: endpoint.modelData.value
                mono: true
            }
        }

        Text {
            Layout.fillWidth: true
            visible: card.error.length > 0
            text: card.error
            wrapMode: Text.WordWrap
            color: Theme.critical
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
            font.weight: Font.DemiBold
        }

        AbstractButton {
            id: stepsToggle
            visible: card.steps.length > 0
            implicitWidth: toggleText.implicitWidth
            implicitHeight: 22
            focusPolicy: Qt.StrongFocus
            Accessible.name: toggleText.text
            onClicked: card.showSteps = !card.showSteps
            contentItem: Text {
                id: toggleText
                text: (card.showSteps ? "\u25be " : "\u25b8 ")
                      + qsTr("%L1 of %L2 provider steps done").arg(card.stepsDone).arg(card.steps.length)
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
                font.underline: stepsToggle.visualFocus
            }
            background: null
        }
        Repeater {
            model: card.showSteps ? card.steps : []
            delegate: RowLayout {
                id: stepRow
                required property var modelData
                Layout.fillWidth: true
                spacing: Theme.spacingS
                Text {
                    text: stepRow.modelData.state === "done" ? "\u2713" : stepRow.modelData.state === "failed" ? "\u2715"
                        : stepRow.modelData.state === "undone" ? "\u21ba" : "\u25cb"
                    color: stepRow.modelData.state === "done" ? Theme.success
                         : stepRow.modelData.state === "failed" ? Theme.critical : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
                Text {
                    Layout.fillWidth: true
                    text: stepRow.modelData.title + (stepRow.modelData.error.length > 0 ? " — " + stepRow.modelData.error : "")
                    elide: Text.ElideRight
                    color: stepRow.modelData.error.length > 0 ? Theme.critical : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }
}
