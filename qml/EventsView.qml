// The event feed: newest first, live, with an honest empty state.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

Item {
    id: view

    required property EventListModel events

    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Events")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingXxl
        spacing: Theme.spacingXl

        PageHeader {
            Layout.fillWidth: true
            overline: qsTr("Activity")
            title: qsTr("Events")
            badge: !view.events.loaded ? ""
                   : view.events.count === 1 ? qsTr("1 event")
                   : qsTr("%1 events").arg(view.events.count)
            subtitle: qsTr("What the system noticed, newest first. New events appear at the top as they are recorded.")

            StatusPill {
                visible: view.events.loaded && view.events.lastError.length === 0
                text: qsTr("Live")
            }
        }

        StatusPill {
            visible: view.events.lastError.length > 0
            tint: Theme.critical
            softTint: Theme.criticalSoft
            text: qsTr("Cannot read events: %1").arg(view.events.lastError)
        }

        EmptyState {
            Layout.fillWidth: true
            visible: view.events.loaded && view.events.count === 0
            glyph: "\u2691"
            title: qsTr("No events yet")
            hint: qsTr("Alerts and system events appear here the moment they are recorded.")
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Hug a short list instead of framing a mostly empty panel.
            Layout.maximumHeight: list.contentHeight + 2 * Theme.spacingS + 2
            visible: view.events.count > 0
            radius: Theme.radiusM
            color: Theme.surface
            border.width: 1
            border.color: Theme.border

            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 1
                anchors.topMargin: Theme.spacingS
                anchors.bottomMargin: Theme.spacingS
                clip: true
                model: view.events
                boundsBehavior: Flickable.StopAtBounds
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Event list")
                ScrollBar.vertical: ScrollBar {}

                delegate: EventDelegate {
                    required property int index
                    width: list.width
                    last: index === list.count - 1
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
