// One entry of the navigation rail. Entries for views that have not shipped stay visible but
// disabled, and say when they arrive instead of opening a placeholder page.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: entry

    required property string label
    required property string glyph
    required property int number       // 1..10, shown as Ctrl+1 .. Ctrl+0
    property bool available: true
    property string reason             // why an unavailable entry is disabled
    property bool current: false
    readonly property alias button: button
    readonly property string shortcutText: "Ctrl+" + (number % 10)

    signal activated()
    signal moveRequested(int step)     // arrow keys: the rail moves focus to a neighbour

    implicitWidth: 200
    implicitHeight: 40

    // Hover is tracked here, not on the button: a disabled control receives no hover, yet its
    // tooltip is the one place that explains why it is disabled.
    HoverHandler {
        id: hover
    }

    ToolTip.visible: hover.hovered || button.visualFocus
    ToolTip.delay: 400
    ToolTip.text: entry.available ? entry.label + "  (" + entry.shortcutText + ")" : entry.reason

    Shortcut {
        sequence: entry.shortcutText
        enabled: entry.available
        onActivated: entry.activated()
    }

    AbstractButton {
        id: button
        anchors.fill: parent
        enabled: entry.available
        checkable: false
        focusPolicy: Qt.StrongFocus
        text: entry.label

        Accessible.role: Accessible.PageTab
        Accessible.name: entry.label
        Accessible.description: entry.available ? qsTr("Opens the %1 view (%2)")
                                                  .arg(entry.label).arg(entry.shortcutText)
                                                : entry.reason
        Accessible.selected: entry.current

        Keys.onUpPressed: entry.moveRequested(-1)
        Keys.onDownPressed: entry.moveRequested(1)
        onClicked: entry.activated()

        background: Rectangle {
            radius: Theme.radiusS
            color: entry.current ? Theme.accentSoft
                                 : button.hovered ? Theme.hover : "transparent"
            border.width: button.visualFocus ? 2 : 0
            border.color: Theme.accent

            // The selected entry also gets a bar, so selection never depends on colour alone.
            Rectangle {
                visible: entry.current
                width: 3
                radius: 1.5
                height: parent.height - 16
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.accent
            }
        }

        contentItem: RowLayout {
            spacing: Theme.spacingM

            Text {
                Layout.leftMargin: Theme.spacingM
                Layout.preferredWidth: 22
                horizontalAlignment: Text.AlignHCenter
                text: entry.glyph
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontIcon
                color: !entry.available ? Theme.textDisabled
                                        : entry.current ? Theme.accent : Theme.textSecondary
            }
            Text {
                Layout.fillWidth: true
                text: entry.label
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.weight: entry.current ? Font.DemiBold : Font.Normal
                color: !entry.available ? Theme.textDisabled
                                        : entry.current ? Theme.accent : Theme.textPrimary
            }
            Text {
                Layout.rightMargin: Theme.spacingM
                visible: entry.available
                text: entry.shortcutText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontOverline
                color: Theme.textDisabled
            }
        }
    }
}
