// The console window: the navigation rail on the left, the selected view beside it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ApplicationWindow {
    id: window

    required property ConsoleContext context
    property string currentView: "overview"
    // The theme to start in (--theme); the rail's toggle changes it afterwards.
    property bool startDark: false
    Component.onCompleted: Theme.dark = window.startDark

    width: 1440
    height: 900
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: qsTr("NeoCloud Box")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    // The Basic style draws tooltips and scroll bars from the palette: keep them on theme.
    palette.window: Theme.background
    palette.windowText: Theme.textPrimary
    palette.base: Theme.surface
    palette.text: Theme.textPrimary
    palette.button: Theme.surfaceRaised
    palette.buttonText: Theme.textPrimary
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.toolTipBase: Theme.dark ? "#e8ecf3" : "#1b2330"
    palette.toolTipText: Theme.dark ? "#131a26" : "#f3f5f9"
    palette.mid: Theme.border
    palette.dark: Theme.textSecondary

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            Layout.fillHeight: true
            currentView: window.currentView
            version: window.context.version
            availableViews: window.context.availableViews
            onViewRequested: name => window.currentView = name
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Only shipped views are ever current: the rail and --view refuse the others.
            currentIndex: Math.max(0, ["overview", "hardware", "topology", "capacity", "tenants", "services", "health",
                                        "events", "commissioning", "settings"]
                                       .indexOf(window.currentView))

            OverviewView {
                overview: window.context.overview
                capacity: window.context.capacity
                healthMatrix: window.context.healthMatrix
                events: window.context.events
                version: window.context.version
                onViewRequested: name => window.currentView = name
            }
            HardwareView {
                devices: window.context.devices
                filter: window.context.deviceFilter
                detail: window.context.selectedDevice
                webPages: webPages
                onDiscoverRequested: discoveryDialog.open()
            }
            TopologyView {
                topology: window.context.topology
                detail: window.context.selectedDevice
                webPages: webPages
                onDiscoverRequested: discoveryDialog.open()
            }
            CapacityView {
                capacity: window.context.capacity
                calculator: window.context.whatIf
            }
            TenantsView {
                tenants: window.context.tenants
                tenantFilter: window.context.tenantFilter
                tenant: window.context.selectedTenant
                editor: window.context.tenantEditor
                webPages: webPages
                onOnboardRequested: onboardingWizard.start()
                onManageServicesRequested: id => {
                    window.context.services.tenantId = id
                    window.currentView = "services"
                }
            }
            ServicesView {
                tenants: window.context.tenants
                catalog: window.context.catalog
                controller: window.context.services
                onOnboardRequested: onboardingWizard.start()
            }
            HealthView {
                healthMatrix: window.context.healthMatrix
                cell: window.context.healthCell
                topology: window.context.topology
                detail: window.context.selectedDevice
            }
            EventsView {
                events: window.context.events
            }
            CommissioningView {
                commissioning: window.context.commissioning
                topology: window.context.topology
                detail: window.context.selectedDevice
            }
            SettingsView {
                lab: window.context.lab
                discovery: window.context.discovery
                dashboards: window.context.dashboards
                certificates: window.context.certificates
                webEngineAvailable: window.context.webEngineAvailable
                onDiscoverRequested: discoveryDialog.open()
                onRescanRequested: discoveryDialog.rescanLab()
            }
        }
    }

    // Opens web pages in their own windows when the console was built with Qt WebEngine.
    WebPages {
        id: webPages
        objectName: "webPages"
        context: window.context
        host: window
    }

    // One dialog for every view that offers discovery, so a scan's progress is the same wherever
    // it was started from.
    DiscoveryDialog {
        id: discoveryDialog
        objectName: "discoveryDialog"
        discovery: window.context.discovery
    }

    // Opened from the Tenants view; a window-wide dialog so it outlives a switch of views.
    OnboardingWizard {
        id: onboardingWizard
        onboarding: window.context.onboarding
        editor: window.context.tenantEditor
        catalog: window.context.catalog
        onTenantOnboarded: id => {
            window.context.selectedTenant.tenantId = id
            window.currentView = "tenants"
        }
    }
}
