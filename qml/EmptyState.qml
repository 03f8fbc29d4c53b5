// What a view shows when it has nothing to show: a glyph, one plain sentence and one hint.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: empty

    property string glyph: "\u25cb"
    property string title
    property string hint

    implicitHeight: column.implicitHeight + 2 * Theme.spacingXxl
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border

    Accessible.role: Accessible.StaticText
    Accessible.name: empty.title
    Accessible.description: empty.hint

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 560)
        spacing: Theme.spacingS

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacingS
            implicitWidth: 56
            implicitHeight: 56
            radius: 28
            color: Theme.accentSoft
            Text {
                anchors.centerIn: parent
                text: empty.glyph
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: 26
            }
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: empty.title
            wrapMode: Text.WordWrap
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading + 2
            font.weight: Font.DemiBold
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: empty.hint
            wrapMode: Text.WordWrap
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            lineHeight: 1.25
        }
    }
}
