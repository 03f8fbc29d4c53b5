// The rail opens the Tenants and Services views, the filter narrows the tenant list, and a
// tenant's "Manage…" opens the Services view on that tenant.
import QtQuick
import NeoCloud.Testing

ConsoleHost {
    name: "Navigation"

    function cleanupTestCase() { closeConsole() }

    function test_1_railOpensTenantsAndServices() {
        openConsole("overview")
        click("nav:tenants")
        compare(main.currentView, "tenants")
        const tenants = find("tenantsView")
        tryVerify(() => tenants.visible)
        tryVerify(() => find("tenantList").count >= 2)
        click("nav:services")
        compare(main.currentView, "services")
        tryVerify(() => find("servicesView").visible)
        // The Services view works for a tenant from the start.
        tryVerify(() => Fixture.context.services.tenantId.length > 0)
    }

    function test_2_filterNarrowsTheList() {
        openConsole("tenants")
        const list = find("tenantList")
        const all = list.count
        clickItem(find("tenantFilter"))
        type("glob")
        tryCompare(list, "count", 1)
        compare(Fixture.context.tenantFilter.text, "glob")
        for (let i = 0; i < 4; ++i)
            keyClick(Qt.Key_Backspace)
        tryCompare(list, "count", all)
    }

    function test_3_manageOpensTheTenantsServices() {
        openConsole("tenants")
        const list = find("tenantList")
        const tenantId = Fixture.context.tenantFilter.tenantIdAt(0)
        Fixture.context.selectedTenant.tenantId = tenantId
        click("manageServices")
        compare(main.currentView, "services")
        compare(Fixture.context.services.tenantId, tenantId)
        compare(find("serviceTenant").currentText, Fixture.context.selectedTenant.name)
    }
}
