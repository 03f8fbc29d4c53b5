// One side of a finding's comparison: a caption ("Plan said", "Found") over the value in mono.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: side

    property string label
    property string value
    property color tint: Theme.textPrimary

    spacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: side.label + ": " + side.value

    Text {
        text: side.label
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontOverline
        font.weight: Font.DemiBold
        font.capitalization: Font.AllUppercase
    }
    Text {
        Layout.fillWidth: true
        text: side.value.length > 0 ? side.value : "—"
        wrapMode: Text.WrapAnywhere
        maximumLineCount: 3
        elide: Text.ElideRight
        color: side.tint
        font.family: "DejaVu Sans Mono"
        font.pixelSize: Theme.fontCaption
    }
}
