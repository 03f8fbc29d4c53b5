// The enable dialog is generated from the kind's schema (lists with Add and Remove, required
// fields flagged), shows the plan before anything is sent, then follows the job; a provider
// refusal names the failed step and says everything was rolled back.
import QtQuick
import NeoCloud.Testing

ConsoleHost {
    name: "ServicesDialog"

    function openEnable(kind: string) {
        openConsole("services")
        Fixture.context.services.tenantId = Fixture.context.tenantFilter.tenantIdAt(0) // acme
        click("enable:" + kind)
        const dialog = find("serviceJobDialog")
        tryVerify(() => dialog.opened)
        return dialog
    }

    function cleanupTestCase() { closeConsole() }
    function cleanup() {
        Fixture.failOn("")
        const dialog = lookUp("serviceJobDialog")
        if (dialog) {
            dialog.close()
            tryVerify(() => !dialog.visible)
        }
    }

    function test_1_theFormComesFromTheSchema() {
        const dialog = openEnable("event-streaming")
        compare(dialog.stage, "form")
        const form = Fixture.context.services.form
        // A required list starts with its one item; its name is required.
        find("field:params.topics")
        const name = find("field:params.topics[0].name")
        compare(find("field:params.topics[0].partitions").text, "8")
        click("reviewButton")
        compare(dialog.stage, "form")
        compare(name.error, "is required")
        // Add makes a second topic; its own Remove takes it away again.
        const before = form.count
        verify(lookUp("remove:params.topics[0]") === null || !find("remove:params.topics[0]").visible,
               "the one required topic cannot be removed")
        click("add:params.topics")
        tryVerify(() => lookUp("field:params.topics[1].name") !== null)
        compare(form.count, before + 4)
        click("remove:params.topics[1]")
        tryCompare(form, "count", before)
    }

    function test_2_thePlanIsShownBeforeApplying() {
        const dialog = openEnable("object-storage")
        const calls = Fixture.vmsCalls.length
        Fixture.context.services.form.load(Fixture.context.catalog.exampleOf("object-storage"))
        click("reviewButton")
        tryCompare(dialog, "stage", "plan")
        const plan = find("planSteps")
        verify(plan.visible)
        verify(Fixture.context.services.plan.count >= 3)
        compare(Fixture.vmsCalls.length, calls, "a dry run sends nothing")
        // The view's body on request: what VAST will be sent, placeholders unresolved.
        click("body:4")
        tryVerify(() => plan.children.length > 0)
        verify(Fixture.save(plan, "console-services-plan.png"))
        Fixture.setVmsDelay(30)
        click("applyButton")
        tryCompare(dialog, "stage", "job")
        tryVerify(() => Fixture.context.services.job.finished, 20000)
        Fixture.setVmsDelay(0)
        verify(Fixture.context.services.job.succeeded, Fixture.context.services.job.error)
        tryVerify(() => Fixture.context.services.services.liveCount >= 1)
        verify(Fixture.save(plan, "console-services-job.png"))
    }

    function test_3_aRefusalNamesTheStepAndTheRollback() {
        const dialog = openEnable("database")
        Fixture.context.services.form.load(Fixture.context.catalog.exampleOf("database"))
        click("reviewButton")
        tryCompare(dialog, "stage", "plan")
        Fixture.failOn("POST /schemas/")
        click("applyButton")
        tryVerify(() => Fixture.context.services.job.finished, 20000)
        const failure = find("jobFailure")
        verify(failure.visible)
        verify(failure.text.indexOf("failed") >= 0, failure.text)
        verify(failure.text.indexOf("rolled back") >= 0, failure.text)
        verify(Fixture.context.services.job.steps.failedStep.length > 0)
    }
}
