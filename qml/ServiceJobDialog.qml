// Enabling or disabling one service of a tenant. Enabling: the form generated from the kind's
// schema, then the plan (every provider call of a dry run), then the job step by step. Disabling:
// the plan of undo calls, a red button, then the job. Refusals show on their field or above.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ConsoleDialog {
    id: dialog
    objectName: "serviceJobDialog"

    required property ServiceController controller
    required property ServiceCatalogModel catalog
    property bool disabling: false
    property string serviceId
    property string kindTitle
    // form, plan or job
    readonly property string stage: dialog.controller.job.jobId.length > 0 ? "job"
                                  : dialog.controller.planned ? "plan" : "form"

    function openEnable(kind: string) {
        dialog.disabling = false
        dialog.serviceId = ""
        dialog.controller.kind = kind
        dialog.controller.startOver()
        dialog.kindTitle = dialog.catalog.titleOf(kind)
        dialog.open()
    }
    function openDisable(serviceId: string, title: string) {
        dialog.disabling = true
        dialog.serviceId = serviceId
        dialog.kindTitle = title
        dialog.controller.startOver()
        dialog.controller.reviewDisable(serviceId)
        dialog.open()
    }
    function review() { dialog.controller.review() }
    function apply() {
        if (dialog.disabling)
            dialog.controller.disable(dialog.serviceId)
        else
            dialog.controller.enable()
    }

    preferredWidth: 820
    heading: dialog.disabling ? qsTr("Disable %1").arg(dialog.kindTitle) : qsTr("Enable %1").arg(dialog.kindTitle)
    subheading: dialog.stage === "form"
                ? dialog.catalog.descriptionOf(dialog.controller.kind) + " " + qsTr("Fill in the parameters, then review what will be sent before anything changes.")
                : dialog.stage === "plan"
                  ? (dialog.disabling ? qsTr("These calls will undo what enabling made, newest first. The tenant's shared foundation stays.")
                                      : qsTr("A dry run: these calls will be made, in this order, when you enable it. Nothing has been sent yet."))
                  : dialog.disabling ? qsTr("Disabling, step by step.") : qsTr("Enabling, step by step.")

    Banner {
        Layout.fillWidth: true
        visible: dialog.controller.error.length > 0
        text: dialog.controller.error
    }

    ScrollView {
        id: scroll
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredHeight: Math.min(contentHeight, 560)
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - Theme.spacingM
            spacing: Theme.spacingM

            RowLayout {
                Layout.fillWidth: true
                visible: dialog.stage === "form"
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Generated from the catalog's schema for %1. Fields marked * are required.").arg(dialog.controller.kind)
                    wrapMode: Text.WordWrap
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
                ActionButton {
                    implicitHeight: 32
                    text: qsTr("Fill with the example")
                    onClicked: dialog.controller.form.load(dialog.catalog.exampleOf(dialog.controller.kind))
                }
            }
            SchemaForm {
                objectName: "enableForm"
                Layout.fillWidth: true
                visible: dialog.stage === "form"
                schemaForm: dialog.controller.form
            }
            JobProgressView {
                Layout.fillWidth: true
                visible: dialog.stage === "job"
                job: dialog.controller.job
                doing: dialog.disabling ? qsTr("Disabling") : qsTr("Enabling")
                succeededText: dialog.disabling ? qsTr("%1 is disabled.").arg(dialog.kindTitle)
                                                : qsTr("%1 is active; its endpoints are on the service's card.").arg(dialog.kindTitle)
            }
            PlanStepList {
                objectName: "planSteps"
                Layout.fillWidth: true
                visible: dialog.stage === "plan"
                plan: dialog.controller.plan
            }
            PlanStepList {
                Layout.fillWidth: true
                visible: dialog.stage === "job"
                showStates: true
                plan: dialog.controller.job.steps
            }
        }
    }

    buttons: [
        ActionButton {
            text: dialog.stage === "job" && !dialog.controller.job.running ? qsTr("Close") : qsTr("Cancel")
            hint: dialog.controller.job.running ? qsTr("Closing leaves the job running") : qsTr("Esc")
            onClicked: dialog.close()
        },
        ActionButton {
            visible: dialog.stage === "plan" && !dialog.disabling
            text: qsTr("Back to the form")
            onClicked: dialog.controller.startOver()
        },
        ActionButton {
            objectName: "reviewButton"
            visible: dialog.stage === "form" && !dialog.disabling
            primary: true
            text: qsTr("Review plan")
            hint: qsTr("A dry run: nothing is sent")
            onClicked: dialog.review()
        },
        ActionButton {
            objectName: "applyButton"
            visible: dialog.stage === "plan"
            primary: !dialog.disabling
            destructive: dialog.disabling
            text: dialog.disabling ? qsTr("Disable") : qsTr("Enable")
            hint: qsTr("Runs the %L1 steps above").arg(dialog.controller.plan.count)
            onClicked: dialog.apply()
        }
    ]
}
