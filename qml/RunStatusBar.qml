// One line under the Commissioning header: the plan, the run's state and progress, and how the
// checks came out (failing, waived, passing) with what changed since the run before.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Rectangle {
    id: bar

    required property CommissioningController commissioning
    readonly property FindingListModel findings: bar.commissioning.findings
    readonly property string state: bar.commissioning.runState

    implicitHeight: row.implicitHeight + 2 * Theme.spacingM
    radius: Theme.radiusM
    color: Theme.surface
    border.width: 1
    border.color: Theme.border

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        spacing: Theme.spacingL

        Text {
            Layout.fillWidth: true
            Layout.minimumWidth: 120
            elide: Text.ElideRight
            text: qsTr("Plan %1 (%2): %Ln rack(s), %3 devices, %4 links", "", bar.commissioning.planRacks)
                  .arg(bar.commissioning.planName.length > 0 ? bar.commissioning.planName : bar.commissioning.planSite)
                  .arg(bar.commissioning.planFormat.toUpperCase())
                  .arg(bar.commissioning.planDevices).arg(bar.commissioning.planLinks)
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
        }

        ProgressBar {
            objectName: "runProgress"
            visible: bar.commissioning.running
            Layout.preferredWidth: 200
            from: 0
            to: Math.max(1, bar.commissioning.progressTotal)
            value: bar.commissioning.progressDone
            Accessible.name: qsTr("Run progress")
        }
        StatusPill {
            visible: bar.state.length > 0
            text: bar.commissioning.running ? qsTr("Running %1 of %2").arg(bar.commissioning.progressDone).arg(bar.commissioning.progressTotal)
                  : bar.state === "failed" ? qsTr("Run failed")
                  : qsTr("Run %1").arg(bar.commissioning.runAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
            tint: bar.state === "failed" ? Theme.critical : bar.commissioning.running ? Theme.info : Theme.textSecondary
            softTint: bar.state === "failed" ? Theme.criticalSoft : bar.commissioning.running ? Theme.infoSoft : Theme.hover
        }
        StatusPill {
            objectName: "failCount"
            visible: bar.findings.totalCount > 0
            text: qsTr("%L1 failing").arg(bar.findings.failCount)
            tint: bar.findings.failCount > 0 ? Theme.critical : Theme.success
            softTint: bar.findings.failCount > 0 ? Theme.criticalSoft : Theme.successSoft
        }
        StatusPill {
            visible: bar.findings.waivedCount > 0
            text: qsTr("%L1 waived").arg(bar.findings.waivedCount)
            tint: Theme.warning
            softTint: Theme.warningSoft
        }
        StatusPill {
            visible: bar.findings.totalCount > 0
            text: qsTr("%L1 passing").arg(bar.findings.passCount)
        }
        StatusPill {
            visible: bar.commissioning.changeCount >= 0 && !bar.commissioning.running
            text: qsTr("%Ln change(s) since the last run", "", bar.commissioning.changeCount)
            tint: Theme.info
            softTint: Theme.infoSoft
        }
    }
}
