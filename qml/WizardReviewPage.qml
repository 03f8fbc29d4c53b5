// The onboarding wizard's last page: what will be made (the tenant and its network, users,
// services) and every call of the plan, then, once applied, the job step by step and how it
// ended, including which step failed and that everything was rolled back.
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: page

    required property OnboardingController onboarding
    required property ServiceCatalogModel catalog
    readonly property bool applied: page.onboarding.job.jobId.length > 0

    spacing: Theme.spacingM

    Banner {
        objectName: "reviewError"
        Layout.fillWidth: true
        visible: page.onboarding.errorPage === OnboardingController.ReviewPage
        text: page.onboarding.error
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingXs
        FactRow {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("Tenant")
            value: (page.onboarding.tenantFields.name ?? "") + ((page.onboarding.tenantFields.displayName ?? "").length > 0
                                                                 ? " · " + page.onboarding.tenantFields.displayName : "")
        }
        FactRow {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("Network")
            value: page.onboarding.networkPreview
            mono: true
        }
        FactRow {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("Quotas")
            value: qsTr("%1 TB · %2 GPUs · %3 services").arg(page.onboarding.tenantFields.capacityTB ?? "0")
                                                        .arg(page.onboarding.tenantFields.gpus ?? "0")
                                                        .arg(page.onboarding.tenantFields.maxServices ?? "10")
        }
        FactRow {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("Users")
            value: page.onboarding.users.count === 0 ? qsTr("none") : qsTr("%L1").arg(page.onboarding.users.count)
        }
        FactRow {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            label: qsTr("Services")
            value: page.onboarding.kinds.length === 0 ? qsTr("none")
                                                      : page.onboarding.kinds.map(k => page.catalog.titleOf(k)).join(", ")
        }
    }

    JobProgressView {
        Layout.fillWidth: true
        visible: page.applied
        job: page.onboarding.job
        doing: qsTr("Onboarding")
        succeededText: qsTr("Tenant %1 is onboarded with its users and services.").arg(page.onboarding.tenantFields.name ?? "")
    }

    SectionLabel {
        Layout.topMargin: Theme.spacingS
        text: page.applied ? qsTr("Steps") : qsTr("Plan · %L1 steps, nothing sent yet").arg(page.onboarding.plan.count)
    }
    PlanStepList {
        objectName: "onboardingPlan"
        Layout.fillWidth: true
        visible: !page.applied
        plan: page.onboarding.plan
    }
    PlanStepList {
        Layout.fillWidth: true
        visible: page.applied
        showStates: true
        plan: page.onboarding.job.steps
    }
}
