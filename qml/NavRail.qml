// The left navigation rail: brand, one entry per console view, and the theme switch with the
// version in the footer.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: rail

    property string currentView: "overview"
    property string version
    property var availableViews: []
    signal viewRequested(string name)

    // The product's ten views in their final order; availableViews says which ones this release
    // ships, and the others say when they arrive.
    readonly property var entries: [
        { name: "overview", label: qsTr("Overview"), glyph: "\u2302" },
        { name: "hardware", label: qsTr("Hardware"), glyph: "\u25a4" },
        { name: "topology", label: qsTr("Topology"), glyph: "\u260d" },
        { name: "capacity", label: qsTr("Capacity"), glyph: "\u25d4" },
        { name: "tenants", label: qsTr("Tenants"), glyph: "\u2687" },
        { name: "services", label: qsTr("Services"), glyph: "\u2601" },
        { name: "health", label: qsTr("Health"), glyph: "\u2661" },
        { name: "events", label: qsTr("Events"), glyph: "\u2691" },
        { name: "commissioning", label: qsTr("Commissioning"), glyph: "\u2692",
          reason: qsTr("Commissioning — arrives with the commissioning workflow") },
        { name: "settings", label: qsTr("Settings"), glyph: "\u2699",
          reason: qsTr("Settings — arrives with user and site settings") }
    ]

    // Arrow keys walk the enabled entries only; disabled ones cannot hold focus.
    function moveFocus(from: int, step: int) {
        for (let i = from + step; i >= 0 && i < entryRepeater.count; i += step) {
            const item = entryRepeater.itemAt(i) as NavButton
            if (item && item.available) {
                item.button.forceActiveFocus(Qt.TabFocusReason)
                return
            }
        }
    }

    implicitWidth: Theme.railWidth
    color: Theme.rail

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingL
        spacing: Theme.spacingXs

        RowLayout {
            Layout.bottomMargin: Theme.spacingXl
            Layout.topMargin: Theme.spacingS
            Layout.leftMargin: Theme.spacingXs
            spacing: Theme.spacingM

            Rectangle {
                implicitWidth: 34
                implicitHeight: 34
                radius: 9
                color: Theme.accent
                Text {
                    anchors.centerIn: parent
                    text: "\u2601"
                    color: Theme.textOnAccent
                    font.family: Theme.fontFamily
                    font.pixelSize: 19
                }
            }
            ColumnLayout {
                spacing: 0
                Text {
                    text: qsTr("NeoCloud Box")
                    color: Theme.textPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.Bold
                }
                Text {
                    text: qsTr("Admin console")
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
        }

        Text {
            Layout.leftMargin: Theme.spacingM
            Layout.bottomMargin: Theme.spacingXs
            text: qsTr("VIEWS")
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontOverline
            font.letterSpacing: 1.2
            font.weight: Font.DemiBold
        }

        Repeater {
            id: entryRepeater
            model: rail.entries

            delegate: NavButton {
                required property var modelData
                required property int index

                objectName: "nav:" + modelData.name
                Layout.fillWidth: true
                label: modelData.label
                glyph: modelData.glyph
                number: index + 1
                available: rail.availableViews.indexOf(modelData.name) >= 0
                reason: modelData.reason ?? ""
                current: rail.currentView === modelData.name
                onActivated: rail.viewRequested(modelData.name)
                onMoveRequested: step => rail.moveFocus(index, step)
            }
        }

        Item {
            Layout.fillHeight: true
        }

        ThemeToggle {
            Layout.fillWidth: true
        }

        Text {
            Layout.leftMargin: Theme.spacingM
            Layout.topMargin: Theme.spacingS
            text: qsTr("Version %1").arg(rail.version)
            color: Theme.textDisabled
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
    }
}
