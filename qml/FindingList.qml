// The run's findings, filtered by status and grouped by rack (the first row of a rack carries its
// heading; ListView sections failed to create on 6.4 here); a row is a large touch target that
// selects the finding for the panel below.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: list

    required property FindingListModel findings
    required property FindingDetail finding
    property bool running: false

    function statusColor(status: string): color {
        return status === "fail" ? Theme.critical : status === "waived" ? Theme.warning : Theme.success
    }
    function statusSoftColor(status: string): color {
        return status === "fail" ? Theme.criticalSoft : status === "waived" ? Theme.warningSoft : Theme.successSoft
    }

    spacing: Theme.spacingS

    SegmentedChoice {
        objectName: "findingFilter"
        Layout.fillWidth: true
        accessibleName: qsTr("Show findings")
        current: list.findings.filter
        options: [{ value: "fail", label: qsTr("Failing %L1").arg(list.findings.failCount) },
                  { value: "waived", label: qsTr("Waived %L1").arg(list.findings.waivedCount) },
                  { value: "pass", label: qsTr("Passing %L1").arg(list.findings.passCount) },
                  { value: "all", label: qsTr("All %L1").arg(list.findings.totalCount) }]
        onChosen: value => list.findings.filter = value
    }

    EmptyState {
        Layout.fillWidth: true
        visible: list.findings.count === 0
        glyph: list.running ? "\u23f3" : "\u2713"
        title: list.running ? qsTr("Discovering the site…")
               : list.findings.totalCount === 0 ? qsTr("Not run yet") : qsTr("Nothing here")
        hint: list.running ? qsTr("Every BMC is read and every port's LLDP neighbour is compared with the plan; findings appear when it ends.")
              : list.findings.totalCount === 0 ? qsTr("Run the plan: the site is discovered and compared with it, check by check.")
              : qsTr("No finding has this status.")
    }

    ListView {
        id: listView
        objectName: "findingList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: list.findings.count > 0
        clip: true
        spacing: Theme.spacingXs
        model: list.findings
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: list.findings.rowOf(list.finding.findingId)
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        delegate: AbstractButton {
            id: row
            required property int index
            required property string findingId
            required property string checkLabel
            required property string status
            required property string device
            required property string subject
            required property string message
            required property string change
            required property string expected
            required property string found
            required property string rack
            required property bool rackStart
            readonly property bool current: row.findingId === list.finding.findingId

            objectName: "finding:" + row.index
            width: ListView.view.width
            implicitHeight: 60 + topInset
            topInset: row.rackStart ? 30 : 0
            topPadding: topInset
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1, %2: %3").arg(row.checkLabel).arg(row.status).arg(row.message)
            onClicked: list.finding.findingId = row.findingId

            Text {
                visible: row.rackStart
                height: row.topInset
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Rack %1").arg(row.rack)
                color: Theme.textSecondary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontOverline + 1
                font.weight: Font.DemiBold
                font.letterSpacing: 1.1
                font.capitalization: Font.AllUppercase
            }

            background: Rectangle {
                radius: Theme.radiusS
                color: row.current ? Theme.accentSoft : row.hovered ? Theme.hover : Theme.surface
                border.width: row.visualFocus || row.current ? 2 : 1
                border.color: row.visualFocus || row.current ? Theme.accent : Theme.border
                Rectangle {
                    width: 4
                    height: parent.height - 12
                    anchors.left: parent.left
                    anchors.leftMargin: 5
                    anchors.verticalCenter: parent.verticalCenter
                    radius: 2
                    color: list.statusColor(row.status)
                }
            }
            contentItem: RowLayout {
                spacing: Theme.spacingM
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.spacingL
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: row.device.length > 0 ? row.checkLabel + " · " + row.device : row.checkLabel
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                    }
                    Text {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: row.message.length > 0 ? row.message
                              : row.status === "pass" ? row.found
                              : qsTr("plan: %1 · found: %2").arg(row.expected).arg(row.found)
                        color: Theme.textSecondary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                    }
                }
                Text {
                    visible: row.change.length > 0 && row.change !== "unchanged"
                    text: row.change
                    color: Theme.info
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
                Rectangle {
                    Layout.rightMargin: Theme.spacingM
                    implicitWidth: 72
                    implicitHeight: 24
                    radius: Theme.radiusS
                    color: list.statusSoftColor(row.status)
                    Text {
                        anchors.centerIn: parent
                        text: row.status.toUpperCase()
                        color: list.statusColor(row.status)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontOverline
                        font.letterSpacing: 0.8
                        font.weight: Font.Bold
                    }
                }
            }
        }
    }
}
