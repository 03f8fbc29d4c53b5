// A service job as it runs and how it ended: steps done of total on a bar, then either success
// or the step that failed in the provider's words and what became of the rest (rolled back, or
// what the rollback could not undo).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: view

    required property JobProgress job
    // What the job does, for its sentences: "Enabling", "Onboarding", ...
    property string doing: qsTr("Applying")
    property string succeededText: qsTr("Done.")

    spacing: Theme.spacingS

    RowLayout {
        Layout.fillWidth: true
        Text {
            Layout.fillWidth: true
            text: view.job.running ? qsTr("%1: step %L2 of %L3").arg(view.doing).arg(Math.min(view.job.done + 1, view.job.total))
                                                                 .arg(view.job.total)
                  : view.job.succeeded ? qsTr("%L1 of %L2 steps done").arg(view.job.done).arg(view.job.total)
                  : qsTr("Stopped after %L1 of %L2 steps").arg(view.job.done).arg(view.job.total)
            color: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        Text {
            text: qsTr("job %1").arg(view.job.jobId)
            color: Theme.textSecondary
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Theme.fontCaption
        }
    }

    ProgressBar {
        id: bar
        objectName: "jobProgressBar"
        Layout.fillWidth: true
        from: 0
        to: Math.max(1, view.job.total)
        value: view.job.done
        Accessible.name: qsTr("Steps done")
        background: Rectangle {
            implicitHeight: 8
            radius: 4
            color: Theme.border
        }
        contentItem: Item {
            implicitHeight: 8
            Rectangle {
                width: bar.visualPosition * parent.width
                height: parent.height
                radius: 4
                color: view.job.finished && !view.job.succeeded ? Theme.critical
                     : view.job.succeeded ? Theme.success : Theme.accent
            }
        }
    }

    Banner {
        Layout.fillWidth: true
        visible: view.job.succeeded
        tint: Theme.success
        softTint: Theme.successSoft
        text: view.succeededText
    }
    Banner {
        objectName: "jobFailure"
        Layout.fillWidth: true
        visible: view.job.finished && !view.job.succeeded
        text: view.job.error + "\n"
              + (view.job.rollbackErrors.length > 0
                 ? qsTr("The rollback could not undo: %1").arg(view.job.rollbackErrors.join("; "))
                 : view.job.rolledBack ? qsTr("Everything the job had made was rolled back; nothing is left half-made.")
                                       : qsTr("Nothing was rolled back: run it again to finish."))
    }
}
