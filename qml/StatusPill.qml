// A small coloured pill with a dot, for states such as "Live" or an error.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: pill

    property string text
    property color tint: Theme.success
    property color softTint: Theme.successSoft

    implicitWidth: row.implicitWidth + 2 * Theme.spacingM
    implicitHeight: 26
    radius: height / 2
    color: pill.softTint
    Accessible.role: Accessible.StaticText
    Accessible.name: pill.text

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: Theme.spacingS
        Rectangle {
            implicitWidth: 7
            implicitHeight: 7
            radius: 3.5
            color: pill.tint
        }
        Text {
            text: pill.text
            color: pill.tint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
    }
}
