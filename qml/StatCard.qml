// One count on the overview: a glyph, a label, the number and a short line of context.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: card

    property string label
    property string glyph
    property int value
    property string hint
    property bool alertWhenPositive: false // tints the card when there is something to act on
    readonly property bool alerting: alertWhenPositive && value > 0

    implicitWidth: 200
    implicitHeight: 132
    radius: Theme.radiusM
    color: alerting ? Theme.criticalSoft : Theme.surface
    border.width: 1
    border.color: alerting ? Theme.critical : Theme.border

    Accessible.role: Accessible.StaticText
    Accessible.name: card.label + ": " + card.value
    Accessible.description: card.hint

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingL + 2
        spacing: Theme.spacingXs

        RowLayout {
            spacing: Theme.spacingS
            Rectangle {
                implicitWidth: 28
                implicitHeight: 28
                radius: 7
                color: card.alerting ? Theme.critical : Theme.accentSoft
                Text {
                    anchors.centerIn: parent
                    text: card.glyph
                    color: card.alerting ? Theme.textOnAccent : Theme.accent
                    font.family: Theme.fontFamily
                    font.pixelSize: 15
                }
            }
            Text {
                Layout.fillWidth: true
                text: card.label
                elide: Text.ElideRight
                color: card.alerting ? Theme.critical : Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption + 1
                font.weight: Font.DemiBold
            }
        }

        Item {
            Layout.fillHeight: true
        }

        Text {
            text: Number(card.value).toLocaleString(Qt.locale(), "f", 0)
            color: card.alerting ? Theme.critical : Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontStat
            font.weight: Font.Bold
        }
        Text {
            Layout.fillWidth: true
            text: card.hint
            visible: text.length > 0
            elide: Text.ElideRight
            color: card.alerting ? Theme.critical : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
    }
}
