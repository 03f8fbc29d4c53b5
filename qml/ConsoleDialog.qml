// The console's modal dialog: a heading and one sentence, the content, and a right-aligned row of
// buttons. It grows with its content up to the window and lets a ScrollView inside take the rest.
// Esc closes it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog

    property string heading
    property string subheading
    property int preferredWidth: 640
    default property alias content: body.data
    property alias buttons: buttonRow.data

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(dialog.preferredWidth, parent ? parent.width - 2 * Theme.spacingXxl : dialog.preferredWidth)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.spacingXxl : implicitHeight)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacingXl

    // Popups do not take the window's palette on 6.4; the Basic controls inside read it.
    palette.base: Theme.surface
    palette.text: Theme.textPrimary
    palette.button: Theme.surfaceRaised
    palette.buttonText: Theme.textPrimary
    palette.windowText: Theme.textPrimary
    palette.window: Theme.surface
    palette.mid: Theme.border
    palette.dark: Theme.textSecondary
    palette.light: Theme.surfaceRaised
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.toolTipBase: Theme.dark ? "#e8ecf3" : "#1b2330"
    palette.toolTipText: Theme.dark ? "#131a26" : "#f3f5f9"

    Overlay.modal: Rectangle { color: Theme.dark ? "#a0000000" : "#661b2330" }
    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surface
        border.width: 1
        border.color: Theme.border
    }
    header: null
    footer: null

    contentItem: ColumnLayout {
        spacing: Theme.spacingL
        // A popup is not an item; its content carries the dialog's accessible identity.
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.heading

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs
            Text {
                Layout.fillWidth: true
                text: dialog.heading
                // Wrapped, not elided: a heading may name an address the reader must see whole.
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.subheading.length > 0
                wrapMode: Text.WordWrap
                text: dialog.subheading
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
        }

        ColumnLayout {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacingM
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Item { Layout.fillWidth: true }
            RowLayout {
                id: buttonRow
                spacing: Theme.spacingS
            }
        }
    }
}
