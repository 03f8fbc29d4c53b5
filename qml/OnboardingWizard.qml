// Onboarding a tenant in four pages: the tenant (name, contact, quotas, pool), its users, the
// services to switch on, and a review of the whole plan before applying it as one job, all or
// nothing. A refusal takes the wizard back to the page and field it is about.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ConsoleDialog {
    id: wizard
    objectName: "onboardingWizard"

    required property OnboardingController onboarding
    required property TenantEditor editor
    required property ServiceCatalogModel catalog
    property int page: 0
    readonly property var pageNames: [qsTr("Tenant"), qsTr("Users"), qsTr("Services"), qsTr("Review")]
    readonly property bool applying: wizard.onboarding.job.running
    readonly property bool done: wizard.onboarding.job.finished
    // Opens the tenant the wizard made, once it succeeded.
    signal tenantOnboarded(string tenantId)

    function start() {
        wizard.onboarding.reset()
        tenantForm.load({})
        wizard.page = 0
        wizard.open()
    }
    // Leaves the current page for `target`, checking what this page can check on the way forward.
    function go(target: int) {
        if (wizard.page === 0)
            wizard.onboarding.tenantFields = tenantForm.values()
        if (target > wizard.page) {
            if (wizard.page === 0 && !wizard.onboarding.checkTenant())
                return
            if (wizard.page <= 2 && target === 3 && !(wizard.onboarding.checkServices() && wizard.onboarding.review()))
                return
        }
        wizard.page = target
    }

    preferredWidth: 940
    heading: qsTr("Onboard a tenant")
    subheading: qsTr("Step %1 of 4: %2").arg(wizard.page + 1).arg(wizard.pageNames[wizard.page])
    closePolicy: wizard.applying ? Popup.NoAutoClose : Popup.CloseOnEscape
    onOpened: tenantForm.focusFirst()

    Connections {
        target: wizard.onboarding
        // A refusal belongs to a page: go there so its field shows the message.
        function onErrorChanged() {
            if (wizard.onboarding.errorPage >= 0)
                wizard.page = wizard.onboarding.errorPage
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: wizard.pageNames
            delegate: AbstractButton {
                id: stepButton
                required property string modelData
                required property int index
                Layout.fillWidth: true
                implicitHeight: 36
                enabled: stepButton.index < wizard.page && !wizard.applying && !wizard.done
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("Step %1: %2").arg(stepButton.index + 1).arg(stepButton.modelData)
                onClicked: wizard.go(stepButton.index)
                background: Rectangle {
                    radius: Theme.radiusS
                    color: stepButton.index === wizard.page ? Theme.accentSoft : "transparent"
                    border.width: 1
                    border.color: stepButton.index <= wizard.page ? Theme.accent : Theme.border
                }
                contentItem: Text {
                    text: (stepButton.index < wizard.page ? "\u2713 " : (stepButton.index + 1) + "  ") + stepButton.modelData
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    color: stepButton.index <= wizard.page ? Theme.accent : Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.weight: stepButton.index === wizard.page ? Font.Bold : Font.Normal
                }
            }
        }
    }

    Banner {
        Layout.fillWidth: true
        visible: wizard.onboarding.errorPage === wizard.page && wizard.page !== 3
                 && !(wizard.page === 0 && tenantForm.errorShown)
        text: wizard.onboarding.error
    }

    ScrollView {
        id: scroll
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredHeight: Math.min(contentHeight, 600)
        contentWidth: availableWidth
        clip: true

        StackLayout {
            width: scroll.availableWidth - Theme.spacingM
            currentIndex: wizard.page
            TenantFormFields {
                id: tenantForm
                editor: wizard.editor
                errorField: wizard.onboarding.errorPage === 0 ? wizard.onboarding.errorField : ""
                errorMessage: wizard.onboarding.error
            }
            WizardUsersPage {
                onboarding: wizard.onboarding
            }
            WizardServicesPage {
                onboarding: wizard.onboarding
                catalog: wizard.catalog
            }
            WizardReviewPage {
                onboarding: wizard.onboarding
                catalog: wizard.catalog
            }
        }
    }

    buttons: [
        ActionButton {
            text: wizard.done ? qsTr("Close") : qsTr("Cancel")
            enabled: !wizard.applying
            hint: wizard.applying ? qsTr("Wait for the job to finish") : qsTr("Esc")
            onClicked: wizard.close()
        },
        ActionButton {
            visible: wizard.page > 0 && !wizard.applying && !wizard.done
            text: qsTr("Back")
            onClicked: wizard.go(wizard.page - 1)
        },
        ActionButton {
            objectName: "wizardNext"
            visible: wizard.page < 3
            primary: true
            text: wizard.page === 2 ? qsTr("Review plan") : qsTr("Next")
            onClicked: wizard.go(wizard.page + 1)
        },
        ActionButton {
            objectName: "wizardApply"
            visible: wizard.page === 3 && !wizard.done
            primary: true
            enabled: wizard.onboarding.planned && !wizard.applying
            text: wizard.applying ? qsTr("Applying…") : qsTr("Apply")
            hint: qsTr("Runs the %L1 steps as one job").arg(wizard.onboarding.plan.count)
            onClicked: wizard.onboarding.apply()
        },
        ActionButton {
            objectName: "wizardOpenTenant"
            visible: wizard.done && wizard.onboarding.job.succeeded
            primary: true
            text: qsTr("Open tenant")
            onClicked: {
                wizard.close()
                wizard.tenantOnboarded(wizard.onboarding.tenantId)
            }
        }
    ]
}
