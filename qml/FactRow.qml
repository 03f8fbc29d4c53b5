// One "label: value" line of the device panel; a value may be a link.
import QtQuick
import QtQuick.Layouts

RowLayout {
    id: fact

    property string label
    property string value
    property bool link: false
    property bool mono: false
    property int labelWidth: 92

    spacing: Theme.spacingM

    Text {
        Layout.preferredWidth: fact.labelWidth
        Layout.alignment: Qt.AlignTop
        text: fact.label
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }
    Text {
        Layout.fillWidth: true
        text: fact.value.length === 0 ? "\u2014"
              : fact.link ? "<a href=\"%1\">%1</a>".arg(fact.value) : fact.value
        textFormat: fact.link ? Text.StyledText : Text.PlainText
        linkColor: Theme.accent
        wrapMode: Text.WrapAnywhere
        maximumLineCount: 2
        elide: Text.ElideRight
        color: fact.value.length === 0 ? Theme.textDisabled : Theme.textPrimary
        font.family: fact.mono ? "DejaVu Sans Mono" : Theme.fontFamily
        font.pixelSize: fact.mono ? Theme.fontCaption + 1 : Theme.fontBody - 1
        onLinkActivated: url => Qt.openUrlExternally(url)
        Accessible.role: fact.link ? Accessible.Link : Accessible.StaticText
        Accessible.name: fact.label + ": " + fact.value

        HoverHandler {
            enabled: fact.link
            cursorShape: Qt.PointingHandCursor
        }
    }
}
