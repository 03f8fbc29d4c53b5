// Switches the whole console between the light and the dark theme.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

AbstractButton {
    id: toggle

    implicitHeight: 40
    focusPolicy: Qt.StrongFocus
    text: Theme.dark ? qsTr("Light theme") : qsTr("Dark theme")
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: qsTr("Switches between the light and the dark theme")
    onClicked: Theme.dark = !Theme.dark

    background: Rectangle {
        radius: Theme.radiusS
        color: toggle.hovered ? Theme.hover : "transparent"
        border.width: toggle.visualFocus ? 2 : 1
        border.color: toggle.visualFocus ? Theme.accent : Theme.border
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM
        Text {
            Layout.leftMargin: Theme.spacingM
            Layout.preferredWidth: 22
            horizontalAlignment: Text.AlignHCenter
            text: Theme.dark ? "\u2600" : "\u263e"
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontIcon
        }
        Text {
            Layout.fillWidth: true
            text: toggle.text
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
    }
}
