// The Commissioning view clicked through: the rail opens it without a plan, "Use lab plan"
// imports the lab's design, "Run" finds the five known differences, a finding picked in the list
// shows plan against found, a red mark clicked in the racks selects its finding, a waiver is
// given and taken back, and the report is saved as PDF and verified.
import QtQuick
import QtTest
import NeoCloud.Testing
import "../quick"

ConsoleHost {
    name: "CommissioningView"

    readonly property var commissioning: Fixture.context.commissioning

    function cleanupTestCase() { closeConsole() }

    // The row of the list whose finding is about `device`, or null.
    function rowFor(device: string): var {
        const list = find("findingList")
        for (let i = 0; i < list.count; ++i) {
            const row = lookUp("finding:" + i)
            if (row && row.device === device)
                return row
        }
        return null
    }

    function test_1_opensWithoutAPlan() {
        openConsole("overview")
        click("nav:commissioning")
        compare(main.currentView, "commissioning")
        tryVerify(() => find("commissioningView").visible)
        compare(commissioning.planId, "")
        verify(!find("startRun").enabled)
        verify(!find("openReport").enabled)
    }

    function test_2_labPlanRunsAndListsTheDifferences() {
        openConsole("commissioning")
        click("useLabPlan")
        tryVerify(() => commissioning.planId.length > 0)
        compare(commissioning.planSite, "ams1-commissioning")
        click("startRun")
        tryVerify(() => commissioning.runState === "succeeded", 90000, "the run ends: " + commissioning.runError)
        const list = find("findingList")
        tryCompare(list, "count", 5)
        compare(commissioning.findings.failCount, 5)
        verify(find("openReport").enabled)
    }

    function test_3_findingShowsPlanAgainstFound() {
        openConsole("commissioning")
        const row = rowFor("gpu-g02-04")
        verify(row !== null, "the moved server is listed")
        compare(row.checkLabel, "Location")
        clickItem(row)
        compare(commissioning.selected.device, "gpu-g02-04")
        tryVerify(() => find("findingPanel").visible)
        verify(find("findingExpected").value.indexOf("27") >= 0)
        verify(find("findingFound").value.indexOf("28") >= 0)
        // The device is picked in the racks too.
        const racks = find("commissioningRacks")
        tryVerify(() => Fixture.context.selectedDevice.name === "gpu-g02-04")
        // No pointer over the racks: its tooltip would cover the picture.
        mouseMove(find("commissioningView"), 1, 1)
        wait(200)
        verify(Fixture.save(racks, "console-commissioning.png"))
    }

    function test_4_aRedMarkSelectsItsFinding() {
        openConsole("commissioning")
        const racks = findChild(find("commissioningRacks"), "rackElevations")
        verify(racks !== null)
        const id = racks.deviceNamed("gpu-g04-02")
        verify(id.length > 0, "the server with old firmware is in the racks")
        racks.revealDevice(id)
        wait(50)
        const rect = racks.deviceRect(id)
        verify(rect.width > 0)
        mouseClick(racks, rect.x + rect.width / 2, rect.y + rect.height / 2)
        tryCompare(commissioning.selected, "device", "gpu-g04-02")
        compare(commissioning.selected.check, "firmware")
        compare(commissioning.selected.status, "fail")
    }

    function test_5_waiveAndTakeBack() {
        openConsole("commissioning")
        compare(commissioning.selected.check, "firmware")
        verify(!find("waive").enabled, "no waiver without a reason")
        clickItem(find("waiverReason"))
        type("Update booked")
        click("waive")
        tryCompare(commissioning.selected, "status", "waived")
        compare(commissioning.findings.failCount, 4)
        compare(commissioning.findings.waivedCount, 1)
        tryCompare(find("findingList"), "count", 4)
        verify(find("waiverText").text.indexOf("Update booked") >= 0)
        click("unwaive")
        tryCompare(commissioning.selected, "status", "fail")
        compare(commissioning.findings.failCount, 5)
    }

    function test_6_reportIsSavedAndVerified() {
        openConsole("commissioning")
        click("openReport")
        const dialog = find("reportDialog")
        tryVerify(() => dialog.opened)
        const path = find("reportPath")
        path.text = Fixture.reportPath("commissioning-report.pdf")
        click("saveReport")
        tryVerify(() => commissioning.reportSha256.length === 64, 20000, commissioning.lastError)
        compare(commissioning.reportPath, Fixture.reportPath("commissioning-report.pdf"))
        verify(find("reportSha256").text.indexOf(commissioning.reportSha256) >= 0)
        click("verifyReport")
        tryCompare(commissioning, "verification", "verified")
        verify(find("reportVerification").visible)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !dialog.opened)
    }
}
