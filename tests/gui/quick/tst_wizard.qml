// The onboarding wizard: each page checks what it can and a refusal takes it back to its page and
// field; the review page shows the whole plan; applying runs it as one job, and a provider refusal
// says which step failed and that everything was rolled back (the tenant is gone again).
import QtQuick
import NeoCloud.Testing

ConsoleHost {
    name: "Wizard"

    property var wizard: null
    readonly property var onboarding: Fixture.context.onboarding

    function startWizard() {
        if (wizard && wizard.visible) {
            wizard.close()
            tryVerify(() => !wizard.visible)
        }
        openConsole("tenants")
        click("onboardTenant")
        wizard = find("onboardingWizard")
        tryVerify(() => wizard.opened)
        compare(wizard.page, 0)
    }
    function fillTenant(name: string) {
        find("tenantName").text = name
        find("tenantContact").text = "ops@" + name + ".example"
        find("tenantCapacity").text = "12.5"
        find("tenantGpus").text = "2"
        click("wizardNext")
        tryCompare(wizard, "page", 1)
    }

    function cleanupTestCase() { closeConsole() }
    // The wizard stays open between tests: applying (test 2) follows reviewing (test 1).
    function cleanup() { Fixture.failOn("") }

    function test_1_pagesCheckWhatTheyCan() {
        startWizard()
        // An empty name is refused on the tenant page, on the name field.
        click("wizardNext")
        compare(wizard.page, 0)
        compare(onboarding.errorField, "tenant.name")
        verify(find("tenantName").error.length > 0)
        fillTenant("hooli")

        click("wizardAddUser")
        clickItem(find("wizardUsername0").field)
        type("gavin")
        clickItem(find("wizardPassword0").field)
        type("belson-is-boss")
        compare(onboarding.users.count, 1)
        click("wizardNext")
        tryCompare(wizard, "page", 2)

        clickItem(find("choose:event-streaming"))
        tryCompare(onboarding, "kinds", ["event-streaming"])
        // The topic's name is required: the wizard stays, and says so on the field.
        click("wizardNext")
        compare(wizard.page, 2)
        compare(onboarding.errorField, "services[0].params.topics[0].name")
        compare(find("field:params.topics[0].name").error, "is required")
        onboarding.formFor("event-streaming").load(Fixture.context.catalog.exampleOf("event-streaming"))
        clickItem(find("choose:telemetry"))
        click("wizardNext")
        tryCompare(wizard, "page", 3)

        // The review: what will be made, and every call, nothing sent yet.
        const plan = find("onboardingPlan")
        verify(plan.visible)
        verify(onboarding.plan.count > 5)
        verify(onboarding.networkPreview.startsWith("VLAN "))
        verify(Fixture.save(plan, "console-onboarding-review.png"))
        // Going back keeps what was typed.
        wizard.go(0)
        compare(find("tenantName").text, "hooli")
        click("wizardNext")
        click("wizardNext")
        click("wizardNext")
        tryCompare(wizard, "page", 3)
    }

    function test_2_applyingRunsOneJob() {
        verify(wizard.opened)
        compare(wizard.page, 3)
        click("wizardApply")
        tryVerify(() => onboarding.job.finished, 20000)
        verify(onboarding.job.succeeded, onboarding.job.error)
        compare(onboarding.job.done, onboarding.job.total)
        verify(Fixture.save(find("onboardingPlan"), "console-onboarding-done.png"))
        click("wizardOpenTenant")
        tryVerify(() => !wizard.visible)
        compare(main.currentView, "tenants")
        tryCompare(Fixture.context.selectedTenant, "name", "hooli")
        tryCompare(Fixture.context.selectedTenant.services, "liveCount", 2)
        compare(Fixture.context.selectedTenant.users.count, 1)
    }

    function test_3_aFailedOnboardingIsRolledBack() {
        startWizard()
        // A refused user is sent back to its page and field.
        fillTenant("pied-piper")
        click("wizardAddUser")
        clickItem(find("wizardUsername0").field)
        type("richard")
        click("wizardNext")
        clickItem(find("choose:object-storage"))
        onboarding.formFor("object-storage").load({ bucket: "compression" })
        click("wizardNext")
        tryCompare(wizard, "page", 3)
        click("wizardApply")
        tryCompare(wizard, "page", 1)
        compare(onboarding.users.data(onboarding.users.index(0, 0), 260 /* ErrorFieldRole */), "password")

        clickItem(find("wizardPassword0").field)
        type("middle-out-compression")
        click("wizardNext")
        click("wizardNext")
        tryCompare(wizard, "page", 3)
        Fixture.failOn("POST /views/")
        click("wizardApply")
        tryVerify(() => onboarding.job.finished, 20000)
        const failure = find("jobFailure")
        verify(failure.visible)
        verify(failure.text.indexOf("Create S3 view") >= 0, failure.text)
        verify(failure.text.indexOf("rolled back") >= 0, failure.text)
        tryVerify(() => Fixture.context.tenants.rowOf(onboarding.tenantId) < 0)
        verify(lookUp("wizardOpenTenant") === null || !find("wizardOpenTenant").visible)
    }
}
