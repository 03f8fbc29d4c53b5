// The selected health cell explained: its status and reason in words, the path from each device
// the rules blame up to the tenant's service, and the cell's history of changes. Everything is
// read from HealthCellDetail, which re-reads itself whenever health is recomputed.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Rectangle {
    id: panel

    required property HealthCellDetail cell
    property string kindTitle

    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Health cell details")

    function healthWord(status: string): string {
        return status === "healthy" ? "ok" : status === "degraded" ? "warning"
             : status === "down" ? "critical" : "unknown"
    }
    function when(iso: string): string {
        return iso.length > 0 ? new Date(iso).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
    }

    EmptyState {
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        visible: !panel.cell.selected
        glyph: "\u2661"
        title: qsTr("Pick a cell")
        hint: qsTr("Click a tenant's service in the matrix to see why it is in that state, the hardware behind it and its history.")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingM
        visible: panel.cell.selected

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            Text {
                Layout.fillWidth: true
                text: qsTr("%1 · %2").arg(panel.cell.tenantName).arg(panel.kindTitle)
                elide: Text.ElideRight
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.Bold
            }
            HealthChip {
                objectName: "cellStatus"
                health: panel.healthWord(panel.cell.status)
                label: Theme.statusLabel(panel.cell.status)
            }
        }
        Text {
            Layout.fillWidth: true
            objectName: "cellReason"
            text: panel.cell.reason.length > 0 ? panel.cell.reason
                  : panel.cell.status === "healthy" ? qsTr("Every device this service stands on is working.")
                  : qsTr("No reason recorded.")
            wrapMode: Text.Wrap
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Since %1%2").arg(panel.when(panel.cell.since))
                  .arg(panel.cell.alertOpen ? qsTr(" · alert open") : "")
            visible: panel.cell.since.length > 0
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }

        SectionLabel {
            Layout.topMargin: Theme.spacingS
            text: qsTr("Path to the hardware")
        }
        Text {
            Layout.fillWidth: true
            visible: panel.cell.path.count === 0
            text: panel.cell.status === "degraded" || panel.cell.status === "down"
                  ? qsTr("This state does not come from a device (see the reason above).")
                  : qsTr("No failing device on this service's path.")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
        // The steps, one chain per failing device; in a Column (not the layout) so a model reset
        // while the view is hidden is harmless (commit 9fe6314).
        Column {
            Layout.fillWidth: true
            spacing: 2
            Repeater {
                model: panel.cell.path
                delegate: RowLayout {
                    id: step
                    required property int path
                    required property int step
                    required property string type
                    required property string typeLabel
                    required property string name
                    width: parent ? parent.width : 0
                    spacing: Theme.spacingS
                    Text {
                        Layout.preferredWidth: 18
                        text: step.step === 0 ? "\u25cf" : "\u2191"
                        horizontalAlignment: Text.AlignHCenter
                        color: step.step === 0 ? Theme.critical : Theme.textDisabled
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                    Text {
                        Layout.preferredWidth: 96
                        text: step.typeLabel
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                    Text {
                        Layout.fillWidth: true
                        text: step.name
                        elide: Text.ElideRight
                        color: step.step === 0 ? Theme.critical : Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption + 1
                        font.weight: step.step === 0 ? Font.DemiBold : Font.Normal
                    }
                }
            }
        }

        SectionLabel {
            Layout.topMargin: Theme.spacingS
            text: qsTr("History")
        }
        ListView {
            id: history
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 60
            clip: true
            model: panel.cell.history
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ColumnLayout {
                id: change
                required property string from
                required property string to
                required property string reason
                required property string at
                width: history.width - Theme.spacingS
                spacing: 0
                RowLayout {
                    spacing: Theme.spacingS
                    Text {
                        text: panel.when(change.at)
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                    Text {
                        text: qsTr("%1 \u2192 %2").arg(Theme.statusLabel(change.from)).arg(Theme.statusLabel(change.to))
                        color: Theme.statusColor(change.to)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                    }
                }
                Text {
                    Layout.fillWidth: true
                    Layout.bottomMargin: Theme.spacingS
                    visible: change.reason.length > 0
                    text: change.reason
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            Text {
                anchors.fill: parent
                visible: history.count === 0
                text: qsTr("No change recorded yet.")
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }
    }
}
