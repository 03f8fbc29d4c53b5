// One row of the event list: severity, time, source and message, with an alert marker.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: row

    // Filled from EventListModel's roles by name.
    required property string severity
    required property date time
    required property string source
    required property string message
    required property bool alert
    property bool last: false

    implicitWidth: 800
    implicitHeight: Math.max(52, content.implicitHeight + 2 * Theme.spacingM)
    color: hover.hovered ? Theme.hover : "transparent"

    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1 %2 from %3: %4").arg(row.severity)
                     .arg(Qt.formatDateTime(row.time, "yyyy-MM-dd HH:mm:ss"))
                     .arg(row.source).arg(row.message)

    HoverHandler {
        id: hover
    }

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingXl
        spacing: Theme.spacingL

        SeverityChip {
            severity: row.severity
        }
        Text {
            Layout.preferredWidth: 150
            text: Qt.formatDateTime(row.time, "yyyy-MM-dd HH:mm:ss")
            color: Theme.textSecondary
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Theme.fontCaption + 1
        }
        Text {
            Layout.preferredWidth: 150
            text: row.source
            elide: Text.ElideRight
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        Text {
            Layout.fillWidth: true
            text: row.message
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Rectangle {
            visible: row.alert
            implicitWidth: alertText.implicitWidth + 2 * Theme.spacingS
            implicitHeight: 22
            radius: Theme.radiusS
            color: "transparent"
            border.width: 1
            border.color: Theme.critical
            Text {
                id: alertText
                anchors.centerIn: parent
                text: qsTr("ALERT")
                color: Theme.critical
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontOverline
                font.weight: Font.Bold
            }
        }
    }

    Rectangle {
        visible: !row.last
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.spacingXl
        anchors.rightMargin: Theme.spacingXl
        height: 1
        color: Theme.border
    }
}
