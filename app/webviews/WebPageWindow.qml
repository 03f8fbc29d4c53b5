// A web page in its own window: the web console seen as a tenant, or a BMC's web interface. A
// banner says what is shown; certificate errors go to a CertificateGate, never click-through.
// Only this module imports QtWebEngine, so a console built without it loads none of this.
import QtQuick
import QtQuick.Layouts
import QtWebEngine
import NeoCloud.Console
import NeoCloud.ViewModels
import NeoCloud.Web

Window {
    id: page

    property url pageUrl
    property string bannerText
    // The view-as banner is a warning colour: what the window shows is someone else's view.
    property bool bannerWarning: false
    // How certificate errors are decided: the one certificate expected, else these pins.
    property string expectedSha256
    property BmcCertificateTrust trust: null
    readonly property alias gate: certificateGate
    readonly property alias view: web
    // Milliseconds from the start of the load to its end, or -1 while loading (for the tests and
    // the benchmark figure).
    property real loadMs: -1
    property bool loadSucceeded: false
    property string loadError

    width: 1280
    height: 820
    title: page.bannerText.length > 0 ? page.bannerText : page.pageUrl.toString()
    color: Theme.background
    // A closed page is gone, with its session: nothing keeps running behind a hidden window.
    onClosing: page.destroy()

    CertificateGate {
        id: certificateGate
        expectedSha256: page.expectedSha256
        trust: page.trust
    }

    property real loadStartedAt: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "pageBanner"
            Layout.fillWidth: true
            implicitHeight: bannerLabel.implicitHeight + 2 * Theme.spacingM
            visible: page.bannerText.length > 0
            color: page.bannerWarning ? Theme.warningSoft : Theme.infoSoft
            Accessible.role: Accessible.AlertMessage
            Accessible.name: page.bannerText
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: page.bannerWarning ? Theme.warning : Theme.info
            }
            Text {
                id: bannerLabel
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingL
                anchors.rightMargin: Theme.spacingL
                verticalAlignment: Text.AlignVCenter
                text: page.bannerText
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: page.bannerWarning ? Theme.warning : Theme.info
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
            }
        }

        CertificatePrompt {
            Layout.fillWidth: true
            Layout.margins: Theme.spacingM
            gate: certificateGate
        }

        WebEngineView {
            id: web
            objectName: "webView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            url: page.pageUrl
            onCertificateError: error => certificateGate.review(error)
            onLoadingChanged: request => {
                if (request.status === WebEngineView.LoadStartedStatus) {
                    page.loadStartedAt = Date.now()
                    page.loadMs = -1
                    return
                }
                page.loadMs = Date.now() - page.loadStartedAt
                page.loadSucceeded = request.status === WebEngineView.LoadSucceededStatus
                page.loadError = request.errorString
            }
        }
    }
}
