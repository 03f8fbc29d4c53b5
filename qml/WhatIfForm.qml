// The what-if calculator: DBoxes and CNodes to add and a tenant to onboard with its quotas on the
// left; CapacityService's answer, now and after, on the right.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

RowLayout {
    id: form

    required property WhatIfCalculator calculator

    spacing: Theme.spacingXxl

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
    component Count: SpinBox {
        from: 0
        to: 100000
        editable: true
        implicitWidth: 132
    }

    ColumnLayout {
        Layout.alignment: Qt.AlignTop
        spacing: Theme.spacingM

        GridLayout {
            columns: 4
            columnSpacing: Theme.spacingM
            rowSpacing: Theme.spacingS

            Caption { text: qsTr("Add DBoxes") }
            Count {
                objectName: "addDboxes"
                value: form.calculator.addDboxes
                onValueModified: form.calculator.addDboxes = value
            }
            Caption { text: qsTr("Add CNodes") }
            Count {
                objectName: "addCnodes"
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
            Count {
                enabled: form.calculator.addTenant
                value: form.calculator.tenantCapacityTB
                onValueModified: form.calculator.tenantCapacityTB = value
            }
            Caption { text: qsTr("GPU quota"); enabled: form.calculator.addTenant }
            Count {
                enabled: form.calculator.addTenant
                value: form.calculator.tenantGpus
                onValueModified: form.calculator.tenantGpus = value
            }
            Caption { text: qsTr("Data on day one (TB)"); enabled: form.calculator.addTenant }
            Count {
                enabled: form.calculator.addTenant
                value: form.calculator.tenantUsedTB
                onValueModified: form.calculator.tenantUsedTB = value
            }
            Caption { text: qsTr("Growth (TB per day)"); enabled: form.calculator.addTenant }
            // Growth is often a fraction of a terabyte a day: a number field, not a spin box.
            TextField {
                objectName: "tenantGrowth"
                enabled: form.calculator.addTenant
                implicitWidth: 132
                text: String(form.calculator.tenantGrowthTBPerDay)
                horizontalAlignment: TextInput.AlignHCenter
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                validator: DoubleValidator {
                    bottom: 0
                    top: 100000
                    decimals: 3
                    notation: DoubleValidator.StandardNotation
                    locale: "C"
                }
                onTextEdited: if (acceptableInput) form.calculator.tenantGrowthTBPerDay = Number(text)
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
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        spacing: Theme.spacingM

        Text {
            Layout.fillWidth: true
            visible: form.calculator.error.length > 0
            text: form.calculator.error
            wrapMode: Text.Wrap
            color: Theme.critical
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption + 1
        }
        Caption {
            Layout.fillWidth: true
            visible: !form.calculator.calculated && form.calculator.error.length === 0
            text: qsTr("Set what to add and press Calculate. The answer compares now and after: usable capacity, runway, the quotas promised against what can be promised, and the GPU headroom.")
            wrapMode: Text.Wrap
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

            Caption { text: qsTr("DBoxes · CNodes") }
            Figure { text: (form.calculator.before.dboxes ?? 0) + " · " + (form.calculator.before.cnodes ?? 0) }
            Figure { text: (form.calculator.after.dboxes ?? 0) + " · " + (form.calculator.after.cnodes ?? 0); font.weight: Font.DemiBold }

            Caption { text: qsTr("Runway") }
            Figure { Layout.maximumWidth: 260; text: form.calculator.before.runwayText ?? ""; elide: Text.ElideRight }
            Figure { Layout.maximumWidth: 260; text: form.calculator.after.runwayText ?? ""; elide: Text.ElideRight; font.weight: Font.DemiBold }

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
                      + (form.calculator.gpusFit ? "" : qsTr("  (does not fit)"))
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
}
