// One history chart of the Capacity view: the C++ TimeSeriesChart in the theme's colours, with
// a legend naming its two lines.
import QtQuick
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: chart

    property var series: []
    property var limitSeries: []
    property string unit: "bytes"
    property string seriesLabel
    property string limitLabel
    property string emptyText

    spacing: Theme.spacingS

    Row {
        spacing: Theme.spacingL
        Repeater {
            model: [{ label: chart.seriesLabel, color: Theme.accent, dashed: false },
                    { label: chart.limitLabel, color: Theme.critical, dashed: true }]
            delegate: Row {
                id: key
                required property var modelData
                spacing: 6
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 16
                    height: key.modelData.dashed ? 2 : 4
                    color: key.modelData.color
                }
                Text {
                    text: key.modelData.label
                    color: Theme.textSecondary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
        }
    }
    TimeSeriesChart {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 160
        series: chart.series
        limitSeries: chart.limitSeries
        unit: chart.unit
        emptyText: chart.emptyText
        lineColor: Theme.accent
        limitColor: Theme.critical
        gridColor: Theme.border
        textColor: Theme.textSecondary
        fontFamily: Theme.fontFamily
        Accessible.role: Accessible.Chart
        Accessible.name: chart.seriesLabel
    }
}
