// The what-if calculator: DBoxes and CNodes to add and a tenant to onboard with its quotas; the
// answer from CapacityService before and after, side by side.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: form

    required property WhatIfCalculator calculator

    spacing: Theme.spacingM

    component Caption: Text {
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
    component Figure: Text {
        color: Theme.textPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 4
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingS

        Caption { text: qsTr("Add DBoxes") }
        SpinBox {
            objectName: "addDboxes"
            from: 0; to: 1000; editable: true
            value: form.calculator.addDboxes
            onValueModified: form.calculator.addDboxes = value
        }
        Caption { text: qsTr("Add CNodes") }
        SpinBox {
            objectName: "addCnodes"
            from: 0; to: 1000; editable: true
            value: form.calculator.addCnodes
            onValueModified: form.calculator.addCnodes = value
        }

        CheckBox {
            Layout.columnSpan: 4
            text: qsTr("Onboard a tenant")
            checked: form.calculator.addTenant
            onToggled: form.calculator.addTenant = checked
        }
        Caption { text: qsTr("Capacity quota (TB)"); enabled: form.calculator.addTenant }
        SpinBox {
            enabled: form.calculator.addTenant
            from: 0; to: 100000; editable: true
            value: form.calculator.tenantCapacityTB
            onValueModified: form.calculator.tenantCapacityTB = value
        }
        Caption { text: qsTr("GPU quota"); enabled: form.calculator.addTenant }
        SpinBox {
            enabled: form.calculator.addTenant
            from: 0; to: 10000; editable: true
            value: form.calculator.tenantGpus
            onValueModified: form.calculator.tenantGpus = value
        }
        Caption { text: qsTr("Data on day one (TB)"); enabled: form.calculator.addTenant }
        SpinBox {
            enabled: form.calculator.addTenant
            from: 0; to: 100000; editable: true
            value: form.calculator.tenantUsedTB
            onValueModified: form.calculator.tenantUsedTB = value
        }
        Caption { text: qsTr("Growth (TB per day)"); enabled: form.calculator.addTenant }
        SpinBox {
            enabled: form.calculator.addTenant
            from: 0; to: 10000; editable: true
            value: form.calculator.tenantGrowthTBPerDay
            onValueModified: form.calculator.tenantGrowthTBPerDay = value
        }
    }

    RowLayout {
        spacing: Theme.spacingS
        ActionButton {
            objectName: "calculateWhatIf"
            primary: true
            text: qsTr("Calculate")
            onClicked: form.calculator.calculate()
        }
        ActionButton {
            text: qsTr("Reset")
            onClicked: form.calculator.reset()
        }
    }

    Text {
        Layout.fillWidth: true
        visible: form.calculator.error.length > 0
        text: form.calculator.error
        wrapMode: Text.Wrap
        color: Theme.critical
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption + 1
    }

    GridLayout {
        Layout.fillWidth: true
        visible: form.calculator.calculated
        columns: 3
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingXs

        Caption { text: "" }
        Caption { text: qsTr("Now"); font.weight: Font.DemiBold }
        Caption { text: qsTr("After"); font.weight: Font.DemiBold }

        Caption { text: qsTr("Usable capacity") }
        Figure { text: form.calculator.before.usableText ?? "" }
        Figure { objectName: "afterUsable"; text: form.calculator.after.usableText ?? ""; font.weight: Font.DemiBold }

        Caption { text: qsTr("Runway") }
        Figure { text: form.calculator.before.runwayText ?? ""; Layout.maximumWidth: 220; elide: Text.ElideRight }
        Figure { text: form.calculator.after.runwayText ?? ""; Layout.maximumWidth: 220; elide: Text.ElideRight; font.weight: Font.DemiBold }

        Caption { text: qsTr("Quotas promised / limit") }
        Figure { text: (form.calculator.before.quotaCommittedText ?? "") + " / " + (form.calculator.before.quotaLimitText ?? "") }
        Figure {
            text: (form.calculator.after.quotaCommittedText ?? "") + " / " + (form.calculator.after.quotaLimitText ?? "")
            color: form.calculator.quotasFit ? Theme.textPrimary : Theme.critical
            font.weight: Font.DemiBold
        }

        Caption { text: qsTr("GPU headroom") }
        Figure { text: Number(form.calculator.before.gpuHeadroom ?? 0).toLocaleString(Qt.locale(), "f", 0) }
        Figure {
            text: Number(form.calculator.after.gpuHeadroom ?? 0).toLocaleString(Qt.locale(), "f", 0)
            color: form.calculator.gpusFit ? Theme.textPrimary : Theme.critical
            font.weight: Font.DemiBold
        }
    }

    Caption {
        Layout.fillWidth: true
        visible: form.calculator.calculated && form.calculator.notes.length > 0
        text: form.calculator.notes.join("\n")
        wrapMode: Text.Wrap
    }
}
