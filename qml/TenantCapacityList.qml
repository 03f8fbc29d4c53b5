// Each tenant's storage use against its capacity quota, its GPU quota and its own runway (or
// why there is none yet). Rows come from the C++ TenantCapacityModel.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ListView {
    id: list

    required property TenantCapacityModel usage

    clip: true
    model: list.usage
    spacing: Theme.spacingM
    boundsBehavior: Flickable.StopAtBounds
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Capacity per tenant")
    ScrollBar.vertical: ScrollBar {}

    delegate: RowLayout {
        id: row
        required property string name
        required property string state
        required property real usage
        required property real quotaBytes
        required property string usedText
        required property int gpus
        required property string runwayText
        required property bool hasRunway

        width: list.width - Theme.spacingM
        spacing: Theme.spacingL

        UsageMeter {
            Layout.fillWidth: true
            label: row.state === "active" ? row.name : qsTr("%1 (%2)").arg(row.name).arg(row.state)
            valueText: row.usedText
            fraction: row.quotaBytes > 0 ? row.usage : -1
            tint: Theme.kindStorage
            barHeight: 8
        }
        Text {
            Layout.preferredWidth: 70
            text: row.gpus === 1 ? qsTr("1 GPU") : qsTr("%1 GPUs").arg(row.gpus)
            horizontalAlignment: Text.AlignRight
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
        Text {
            Layout.preferredWidth: 300
            text: row.runwayText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: row.hasRunway ? Theme.textPrimary : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.italic: !row.hasRunway
            ToolTip.visible: runwayHover.hovered && truncated
            ToolTip.text: text
            HoverHandler { id: runwayHover }
        }
    }

    Text {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("No tenants yet.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
}
