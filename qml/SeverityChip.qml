// The severity of an event as a coloured chip, with its name so colour is never the only cue.
import QtQuick

Rectangle {
    id: chip

    property string severity: "info"

    // One width for every severity keeps the event list's columns aligned.
    implicitWidth: Math.max(88, label.implicitWidth + 2 * Theme.spacingS)
    implicitHeight: 22
    radius: Theme.radiusS
    color: Theme.severitySoftColor(chip.severity)
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Severity: %1").arg(chip.severity)

    Text {
        id: label
        anchors.centerIn: parent
        text: chip.severity.toUpperCase()
        color: Theme.severityColor(chip.severity)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontOverline
        font.letterSpacing: 0.8
        font.weight: Font.Bold
    }
}
