// The top of every view: a small overline, the title with an optional badge, and one subtitle.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: header

    property string overline
    property string title
    property string badge
    property string subtitle
    default property alias trailing: trailingRow.data // right-aligned extras, e.g. a live marker

    spacing: Theme.spacingXs

    Text {
        text: header.overline.toUpperCase()
        visible: header.overline.length > 0
        color: Theme.accent
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontOverline
        font.letterSpacing: 1.4
        font.weight: Font.Bold
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingM

        Text {
            text: header.title
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontDisplay
            font.weight: Font.Bold
            Accessible.role: Accessible.Heading
            Accessible.name: header.title
        }
        Rectangle {
            visible: header.badge.length > 0
            Layout.alignment: Qt.AlignVCenter
            implicitWidth: badgeText.implicitWidth + 2 * Theme.spacingS
            implicitHeight: badgeText.implicitHeight + Theme.spacingXs
            radius: height / 2
            color: Theme.accentSoft
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: header.badge
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
        }
        Item {
            Layout.fillWidth: true
        }
        RowLayout {
            id: trailingRow
            spacing: Theme.spacingS
        }
    }

    Text {
        Layout.fillWidth: true
        text: header.subtitle
        visible: header.subtitle.length > 0
        wrapMode: Text.WordWrap
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
