// Opens the console's web views (view as tenant, a BMC's web interface, an operator's dashboard)
// in their own windows.
// Their QML lives in the module NeoCloud.Web, built only with Qt WebEngine, and is created here by
// URL, so the console's own QML never imports QtWebEngine and loads in a build without it.
import QtQuick
import NeoCloud.ViewModels

QtObject {
    id: pages

    required property ConsoleContext context
    // The console window, so the web windows stay on top of it and close with it.
    property var host: null
    readonly property bool available: pages.context.webEngineAvailable
    // The windows opened last, for tests and screenshots.
    property var lastWindow: null

    // Returns "" when the window opened, else why not.
    function openWindow(properties) {
        if (!pages.available)
            return qsTr("This console was built without Qt WebEngine, so it cannot show web pages.")
        const component = Qt.createComponent("qrc:/qt/qml/NeoCloud/Web/WebPageWindow.qml")
        if (component.status !== Component.Ready)
            return qsTr("The web view failed to load: %1").arg(component.errorString())
        const window = component.createObject(pages.host, properties)
        if (!window)
            return qsTr("The web view failed to open.")
        window.show()
        window.raise()
        pages.lastWindow = window
        return ""
    }

    // The web console as the tenant's viewers see it, with a 15-minute read-only token; it
    // trusts only the certificate this console's API serves.
    function openTenantView(tenantId) {
        const viewAs = pages.context.viewAs
        if (!viewAs.open(tenantId))
            return viewAs.lastError
        const session = viewAs.session
        const failure = pages.openWindow({ pageUrl: viewAs.url, bannerText: viewAs.banner, bannerWarning: true,
                                           expectedSha256: viewAs.certificateSha256 })
        if (failure.length > 0) {
            viewAs.end(session)
            return failure
        }
        // Closing the window revokes its token: its address is no use once the window is gone.
        pages.lastWindow.closing.connect(() => viewAs.end(session))
        return 
    }

    // A BMC's own web interface; its certificate is judged against discovery's pins.
    function openBmc(url, deviceName) {
        return pages.openWindow({ pageUrl: url, bannerText: qsTr("BMC of %1 \u2014 %2").arg(deviceName).arg(url),
                                  trust: pages.context.bmcTrust })
    }

    // Dashboard `row` of the operator's list with the device filled in. Its certificate goes
    // through the same trust on first use as a BMC's: the pins are keyed by host:port, whatever
    // serves there.
    function openDashboard(row, device) {
        const dashboards = pages.context.dashboards
        const url = dashboards.urlFor(row, device)
        if (url.length === 0)
            return qsTr("That dashboard is no longer configured.")
        const name = dashboards.data(dashboards.index(row, 0), Qt.DisplayRole)
        return pages.openWindow({ pageUrl: url, bannerText: qsTr("%1 for %2 \u2014 %3").arg(name).arg(device.name).arg(url),
                                  trust: pages.context.bmcTrust })
    }
}
