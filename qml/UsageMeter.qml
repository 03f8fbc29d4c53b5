// One "used of total" figure as a labelled bar: the capacity gauge, the GPU allocation and each
// tenant's use against its quota. Past 90 % it turns amber, past 100 % red; the words say the
// same, so colour is never the only cue.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: meter

    property string label
    property string valueText
    property string caption
    property real fraction: 0 // used / total; -1 hides the bar (no total to compare with)
    property color tint: Theme.accent
    property int barHeight: 10

    spacing: Theme.spacingXs
    Accessible.role: Accessible.ProgressBar
    Accessible.name: meter.label + ": " + meter.valueText

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Text {
            Layout.fillWidth: true
            text: meter.label
            elide: Text.ElideRight
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
            font.weight: Font.DemiBold
        }
        Text {
            text: meter.valueText
            color: meter.fraction > 1 ? Theme.critical : Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
    }
    Rectangle {
        Layout.fillWidth: true
        visible: meter.fraction >= 0
        implicitHeight: meter.barHeight
        radius: meter.barHeight / 2
        color: Theme.border
        Rectangle {
            width: Math.max(meter.fraction > 0 ? meter.barHeight : 0, parent.width * Math.min(1, meter.fraction))
            height: parent.height
            radius: parent.radius
            color: meter.fraction > 1 ? Theme.critical : meter.fraction > 0.9 ? Theme.warning : meter.tint
        }
    }
    Text {
        Layout.fillWidth: true
        visible: meter.caption.length > 0
        text: meter.caption
        wrapMode: Text.WordWrap
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
}
