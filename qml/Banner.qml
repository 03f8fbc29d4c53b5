// A full-width message strip with wrapping text and an optional action button, for errors and
// for follow-ups such as "rescan now".
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: banner

    property string text
    property color tint: Theme.critical
    property color softTint: Theme.criticalSoft
    property string actionText
    signal actionTriggered()

    implicitHeight: Math.max(row.implicitHeight + 2 * Theme.spacingS, 40)
    radius: Theme.radiusS
    color: banner.softTint
    border.width: 1
    border.color: Qt.rgba(banner.tint.r, banner.tint.g, banner.tint.b, 0.35)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: banner.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingS
        spacing: Theme.spacingM
        Text {
            Layout.fillWidth: true
            text: banner.text
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: banner.tint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody - 1
            font.weight: Font.DemiBold
        }
        ActionButton {
            visible: banner.actionText.length > 0
            implicitHeight: 34
            text: banner.actionText
            onClicked: banner.actionTriggered()
        }
    }
}
