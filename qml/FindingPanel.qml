// One finding in full: what the plan said beside what was found, how this check went in the
// plan's earlier runs, and its waiver — given with a reason, or taken back.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Rectangle {
    id: panel
    objectName: "findingPanel"

    required property FindingDetail finding
    property bool canRecheck: true
    // "Re-check": run the plan again to see whether a fix took.
    signal recheckRequested()
    readonly property bool failing: panel.finding.status === "fail"

    implicitHeight: column.implicitHeight + 2 * Theme.spacingL
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: panel.failing ? Theme.critical : Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Finding %1").arg(panel.finding.checkLabel)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingS

        // Anchored, not a RowLayout: the pill's width follows its text a frame late, and 6.4's
        // layout kept the old width and pushed the pill out of the panel.
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(heading.implicitHeight, statusPill.implicitHeight)
            Text {
                id: heading
                anchors.left: parent.left
                anchors.right: statusPill.left
                anchors.rightMargin: Theme.spacingS
                anchors.verticalCenter: parent.verticalCenter
                elide: Text.ElideRight
                text: panel.finding.checkLabel + (panel.finding.device.length > 0 ? " · " + panel.finding.device : "")
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
            }
            StatusPill {
                id: statusPill
                objectName: "findingStatus"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: panel.finding.status + (panel.finding.problem.length > 0 ? " · " + panel.finding.problem : "")
                tint: panel.failing ? Theme.critical : panel.finding.waived ? Theme.warning : Theme.success
                softTint: panel.failing ? Theme.criticalSoft : panel.finding.waived ? Theme.warningSoft : Theme.successSoft
            }
        }
        Text {
            Layout.fillWidth: true
            visible: text.length > 0
            text: panel.finding.message
            wrapMode: Text.WordWrap
            maximumLineCount: 3
            elide: Text.ElideRight
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM
            FindingValue {
                objectName: "findingExpected"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: qsTr("Plan said")
                value: panel.finding.expected
            }
            FindingValue {
                objectName: "findingFound"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                label: qsTr("Found")
                value: panel.finding.foundValue
                tint: panel.failing ? Theme.critical : Theme.textPrimary
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            SeverityChip { severity: panel.finding.severity }
            Text {
                Layout.fillWidth: true
                visible: panel.finding.history.length > 0
                elide: Text.ElideRight
                text: qsTr("Runs: ") + panel.finding.history.map(h => (h.current ? "▸ " : "")
                          + h.at.toLocaleString(Qt.locale(), "d MMM HH:mm") + " " + h.status).join("  ·  ")
                      + (panel.finding.change.length > 0 ? qsTr("  (%1 since the last run)").arg(panel.finding.change) : "")
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
            }
        }

        // The waiver: who accepted it, when and why; or a reason and the button to give one.
        Text {
            Layout.fillWidth: true
            objectName: "waiverText"
            visible: panel.finding.waived
            wrapMode: Text.WordWrap
            text: qsTr("Waived by %1 on %2: “%3”").arg(panel.finding.waiverBy)
                  .arg(panel.finding.waiverAt.toLocaleString(Qt.locale(), Locale.ShortFormat)).arg(panel.finding.waiverReason)
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
        }
        RowLayout {
            Layout.fillWidth: true
            visible: panel.failing || panel.finding.waived
            spacing: Theme.spacingS
            TextField {
                id: reason
                objectName: "waiverReason"
                Layout.fillWidth: true
                visible: panel.failing
                implicitHeight: 44
                placeholderText: qsTr("Why it is accepted as it is")
                placeholderTextColor: Theme.textDisabled
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                leftPadding: Theme.spacingM
                Accessible.name: qsTr("Waiver reason")
                background: Rectangle {
                    radius: Theme.radiusS
                    color: Theme.surface
                    border.width: reason.activeFocus ? 2 : 1
                    border.color: reason.activeFocus ? Theme.accent : Theme.border
                }
                onAccepted: waiveButton.clicked()
            }
            ActionButton {
                id: waiveButton
                objectName: "waive"
                visible: panel.failing
                implicitHeight: 44
                enabled: reason.text.trim().length > 0
                text: qsTr("Waive")
                hint: reason.text.trim().length > 0 ? qsTr("Accept this failure for the handover; it stays waived while what is found stays the same")
                                                     : qsTr("Give a reason first")
                onClicked: if (panel.finding.waive(reason.text)) reason.clear()
            }
            Item { Layout.fillWidth: true; visible: !panel.failing }
            ActionButton {
                objectName: "recheck"
                implicitHeight: 44
                enabled: panel.canRecheck
                text: qsTr("Re-check")
                hint: qsTr("Run the plan again after a fix")
                onClicked: panel.recheckRequested()
            }
            ActionButton {
                objectName: "unwaive"
                visible: panel.finding.waived
                implicitHeight: 44
                destructive: true
                text: qsTr("Take back waiver")
                onClicked: panel.finding.unwaive()
            }
        }
        Text {
            Layout.fillWidth: true
            visible: panel.finding.lastError.length > 0
            text: panel.finding.lastError
            wrapMode: Text.WordWrap
            color: Theme.critical
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
        }
    }
}
