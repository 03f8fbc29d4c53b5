// A tenant's quotas as bars: services in use of those allowed, capacity and GPUs as the share of
// what the cluster can promise, and QoS limits as figures. Each bar says what it compares.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: bars

    required property QuotaModel quotas

    spacing: Theme.spacingM

    Repeater {
        model: bars.quotas
        delegate: ColumnLayout {
            id: quota
            required property string field
            required property string label
            required property string measure
            required property real fraction
            required property string valueText
            required property string caption
            required property bool over

            Layout.fillWidth: true
            spacing: Theme.spacingXs
            Accessible.role: Accessible.ProgressBar
            Accessible.name: quota.label + ": " + quota.valueText + ", " + quota.caption

            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: quota.label
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption + 1
                    font.weight: Font.DemiBold
                }
                Text {
                    text: quota.valueText
                    color: quota.over ? Theme.critical : Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
            }
            Rectangle {
                Layout.fillWidth: true
                visible: quota.fraction >= 0
                implicitHeight: 8
                radius: 4
                color: Theme.border
                Rectangle {
                    width: Math.max(quota.fraction > 0 ? 4 : 0, parent.width * quota.fraction)
                    height: parent.height
                    radius: 4
                    color: quota.over ? Theme.critical : quota.fraction > 0.9 ? Theme.warning
                         : quota.measure === "usage" ? Theme.accent : Theme.kindStorage
                }
            }
            Text {
                Layout.fillWidth: true
                text: quota.caption
                wrapMode: Text.WordWrap
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }
}
