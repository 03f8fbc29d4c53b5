// The onboarding wizard's services page: tick the kinds to switch on; each ticked kind gets the
// form its schema generates, filled in here and planned with the tenant.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import NeoCloud.ViewModels

ColumnLayout {
    id: page

    required property OnboardingController onboarding
    required property ServiceCatalogModel catalog

    spacing: Theme.spacingM

    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: qsTr("Services switched on with the tenant. If one of them fails, the whole onboarding is rolled back.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Repeater {
            model: page.catalog
            delegate: CheckBox {
                required property string kind
                required property string title
                objectName: "choose:" + kind
                text: title
                checked: page.onboarding.kinds.indexOf(kind) >= 0
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                onToggled: page.onboarding.setKindChosen(kind, checked)
            }
        }
    }

    Repeater {
        model: page.onboarding.kinds
        delegate: Rectangle {
            id: chosen
            required property string modelData
            required property int index
            readonly property SchemaFormModel form: page.onboarding.formFor(chosen.modelData)
            Layout.fillWidth: true
            implicitHeight: chosenColumn.implicitHeight + 2 * Theme.spacingL
            radius: Theme.radiusM
            color: Theme.surface
            border.width: 1
            border.color: page.onboarding.errorField.startsWith("services[" + chosen.index + "]") ? Theme.critical : Theme.border
            ColumnLayout {
                id: chosenColumn
                anchors.fill: parent
                anchors.margins: Theme.spacingL
                spacing: Theme.spacingM
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        text: page.catalog.titleOf(chosen.modelData)
                        color: Theme.textPrimary
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                    }
                    ActionButton {
                        implicitHeight: 30
                        text: qsTr("Fill with the example")
                        onClicked: chosen.form.load(page.catalog.exampleOf(chosen.modelData))
                    }
                }
                SchemaForm {
                    objectName: "wizardForm:" + chosen.modelData
                    Layout.fillWidth: true
                    schemaForm: chosen.form
                }
            }
        }
    }
}
