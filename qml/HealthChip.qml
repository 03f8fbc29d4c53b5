// A device's or part's health as a chip with its word, so colour is never the only cue.
import QtQuick

Rectangle {
    id: chip

    property string health: "unknown"    // wire spelling: ok, warning, critical, unknown
    property string label: chip.health === "ok" ? qsTr("Healthy")
                         : chip.health === "warning" ? qsTr("Warning")
                         : chip.health === "critical" ? qsTr("Critical") : qsTr("Unknown")

    implicitWidth: row.implicitWidth + 2 * Theme.spacingS + 2
    implicitHeight: 24
    radius: height / 2
    color: Theme.healthSoftColor(chip.health)
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Health: %1").arg(chip.label)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 6
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 7
            height: 7
            radius: 3.5
            color: Theme.healthColor(chip.health)
        }
        Text {
            text: chip.label
            color: Theme.healthColor(chip.health)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
    }
}
