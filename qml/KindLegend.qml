// The colour key for device kinds and health markers, shared by both topology drawings.
import QtQuick
import QtQuick.Layouts

RowLayout {
    id: legend

    property bool showLinks: false

    spacing: Theme.spacingL

    Repeater {
        model: [
            { label: qsTr("GPU server"), tint: Theme.kindGpu },
            { label: qsTr("Storage"), tint: Theme.kindStorage },
            { label: qsTr("Network"), tint: Theme.kindNetwork },
            { label: qsTr("Power"), tint: Theme.kindPower },
            { label: qsTr("Other"), tint: Theme.kindOther }
        ]
        delegate: RowLayout {
            id: entry
            required property var modelData
            spacing: 6
            Rectangle {
                implicitWidth: 12
                implicitHeight: 12
                radius: 3
                color: Qt.tint(Theme.surface, Qt.rgba(entry.modelData.tint.r, entry.modelData.tint.g,
                                                      entry.modelData.tint.b, 0.25))
                border.width: 1
                border.color: entry.modelData.tint
            }
            Text {
                text: entry.modelData.label
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }

    Rectangle { implicitWidth: 1; implicitHeight: 14; color: Theme.border }

    Repeater {
        model: legend.showLinks
               ? [{ label: qsTr("Link up"), tint: Theme.success, line: true },
                  { label: qsTr("Link down"), tint: Theme.critical, line: true }]
               : [{ label: qsTr("Critical"), tint: Theme.critical, line: false },
                  { label: qsTr("Warning"), tint: Theme.warning, line: false }]
        delegate: RowLayout {
            id: marker
            required property var modelData
            spacing: 6
            Rectangle {
                implicitWidth: marker.modelData.line ? 16 : 9
                implicitHeight: marker.modelData.line ? 2 : 9
                radius: marker.modelData.line ? 1 : 4.5
                color: marker.modelData.tint
            }
            Text {
                text: marker.modelData.label
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }
}
