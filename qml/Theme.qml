// The console's one source of colour, spacing and type; every other file reads from here so the
// light and dark themes stay in step.
pragma Singleton
import QtQuick

QtObject {
    id: theme

    property bool dark: false

    // Surfaces
    readonly property color background: dark ? "#0b1018" : "#f3f5f9"
    readonly property color surface: dark ? "#141b26" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#1b2431" : "#f8f9fc"
    readonly property color rail: dark ? "#0f151f" : "#ffffff"
    readonly property color border: dark ? "#253043" : "#e2e6ee"
    readonly property color hover: dark ? "#1d2736" : "#f0f3f8"

    // Text
    readonly property color textPrimary: dark ? "#e8ecf3" : "#131a26"
    readonly property color textSecondary: dark ? "#9aa5b8" : "#5a6478"
    readonly property color textDisabled: dark ? "#4f5a6c" : "#a9b0bd"

    // Accent and states; each "soft" colour is a tinted background for its strong partner.
    readonly property color accent: dark ? "#7c9bff" : "#3656e0"
    readonly property color accentSoft: dark ? "#1c2747" : "#e8edff"
    readonly property color textOnAccent: "#ffffff"
    readonly property color critical: dark ? "#ff7a70" : "#c8321f"
    readonly property color criticalSoft: dark ? "#3a1a1c" : "#fdecea"
    readonly property color warning: dark ? "#f5b94f" : "#a85a00"
    readonly property color warningSoft: dark ? "#35290f" : "#fff3dc"
    readonly property color info: dark ? "#6cb4ff" : "#1769c9"
    readonly property color infoSoft: dark ? "#132a44" : "#e4f0fd"
    readonly property color success: dark ? "#5fd39a" : "#13804f"
    readonly property color successSoft: dark ? "#12301f" : "#e3f6ec"

    // Device kinds, for the rack elevations, the network graph and their legends; each reads on
    // both the surface and its own 20 % tint.
    readonly property color kindGpu: dark ? "#a48bff" : "#6d4ae0"
    readonly property color kindStorage: dark ? "#3cc7c0" : "#0f8a8a"
    readonly property color kindNetwork: dark ? "#5aa2ff" : "#1f6fd6"
    readonly property color kindPower: dark ? "#e0a64a" : "#b87a12"
    readonly property color kindOther: dark ? "#8a95a8" : "#737d8c"

    // Spacing on a 4 px grid
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32

    readonly property int radiusS: 6
    readonly property int radiusM: 10
    readonly property int radiusL: 14
    readonly property int railWidth: 248

    // Typography scale (pixel sizes, so the offscreen renderer and screens agree)
    readonly property string fontFamily: "DejaVu Sans"
    readonly property int fontDisplay: 30
    readonly property int fontTitle: 22
    readonly property int fontHeading: 15
    readonly property int fontBody: 14
    readonly property int fontCaption: 12
    readonly property int fontOverline: 11
    readonly property int fontStat: 32
    readonly property int fontIcon: 18

    function severityColor(severity: string): color {
        return severity === "critical" ? critical : severity === "warning" ? warning : info
    }
    function healthColor(health: string): color {
        return health === "critical" ? critical : health === "warning" ? warning
             : health === "ok" ? success : textSecondary
    }
    function healthSoftColor(health: string): color {
        return health === "critical" ? criticalSoft : health === "warning" ? warningSoft
             : health === "ok" ? successSoft : hover
    }
    // Service health as the matrix spells it: healthy, degraded, down, unknown, disabled.
    function statusColor(status: string): color {
        return status === "down" ? critical : status === "degraded" ? warning
             : status === "healthy" ? success : status === "unknown" ? info : textDisabled
    }
    function statusSoftColor(status: string): color {
        return status === "down" ? criticalSoft : status === "degraded" ? warningSoft
             : status === "healthy" ? successSoft : status === "unknown" ? infoSoft : surfaceRaised
    }
    function statusLabel(status: string): string {
        return status === "down" ? qsTr("Down") : status === "degraded" ? qsTr("Degraded")
             : status === "healthy" ? qsTr("Healthy") : status === "unknown" ? qsTr("Unknown")
             : qsTr("Not enabled")
    }
    function kindColor(kind: string): color {
        return kind === "gpu-server" ? kindGpu
             : kind === "storage-cnode" || kind === "storage-dbox" ? kindStorage
             : kind === "switch" ? kindNetwork : kind === "pdu" ? kindPower : kindOther
    }
    function severitySoftColor(severity: string): color {
        return severity === "critical" ? criticalSoft
                                       : severity === "warning" ? warningSoft : infoSoft
    }
}
