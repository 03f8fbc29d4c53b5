// The console's web views in a real Qt WebEngine (label gui): "View as tenant" opens the web
// console served by this backend, signed in as that tenant's read-only viewer, over HTTP and over
// HTTPS with the generated certificate (trusted by fingerprint, nothing else); a BMC's page over
// HTTPS with a self-signed certificate goes through trust on first use (ask, pin, accept; refuse a
// different one); an operator's dashboard opens from a device's page with the device filled in and
// its certificate judged the same way. Windows are opened the way the console opens them, through
// WebPages.qml.

#include "auth/AuthService.h"
#include "ConsoleContext.h"
#include "GuiTestSupport.h"
#include "api/TlsIdentity.h"
#include "discovery/CertificatePin.h"
#include "inventory/InventoryService.h"
#include "settings/DashboardService.h"
#include "store/BmcTrustRepository.h"
#include "tenancy/TenantService.h"

#include <QElapsedTimer>
#include <QQuickItem>
#include <QGuiApplication>
#include <QJSEngine>
#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSslServer>
#include <QSslSocket>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <unistd.h>

Q_IMPORT_QML_PLUGIN(NeoCloud_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_ViewModelsPlugin)
Q_IMPORT_QML_PLUGIN(NeoCloud_WebPlugin)

using namespace NeoCloud;

namespace {

// A BMC's web interface or a dashboard in miniature: one page, over HTTPS with its own self-signed
// certificate or over plain HTTP. It remembers the request targets it was asked for.
class TinyHttpsServer : public QObject
{
public:
    explicit TinyHttpsServer(const QSslConfiguration &tls, const QByteArray &title) : TinyHttpsServer(title, std::make_unique<QSslServer>())
    {
        static_cast<QSslServer *>(m_server.get())->setSslConfiguration(tls);
    }
    // Plain HTTP.
    explicit TinyHttpsServer(const QByteArray &title) : TinyHttpsServer(title, std::make_unique<QTcpServer>()) { }

    QStringList targets; // "/d/node?var-host=..." as requested, percent-encoding kept

private:
    TinyHttpsServer(const QByteArray &title, std::unique_ptr<QTcpServer> server) : m_server(std::move(server))
    {
        QObject::connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this, title] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, title] {
                    const QByteArray request = socket->readAll();
                    if (!request.contains("\r\n\r\n"))
                        return; // Chromium sends the request in one piece; enough for a test page
                    const QByteArray target = request.left(request.indexOf("\r\n")).split(' ').value(1);
                    if (target != "/favicon.ico")
                        targets << QString::fromLatin1(target);
                    const QByteArray body = "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" +
                        title + "</h1></body></html>";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

public:
    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2/").arg(qobject_cast<QSslServer *>(m_server.get()) ? QStringLiteral("https") : QStringLiteral("http")).arg(m_server->serverPort());
    }
    quint16 port() const { return m_server->serverPort(); }

private:
    std::unique_ptr<QTcpServer> m_server;
};

} // namespace

class TestWebEngineViews : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ConsoleContext> m_context;
    QQmlEngine m_engine;
    QObject *m_pages = nullptr;
    QString m_acmeId;
    TlsIdentity m_bmcA;
    TlsIdentity m_bmcB;

    // Opens through WebPages.qml, as the console's buttons do; returns the window or null.
    QQuickWindow *openTenantView(const QString &tenantId)
    {
        QVariant refusal;
        if (!QMetaObject::invokeMethod(m_pages, "openTenantView", Q_RETURN_ARG(QVariant, refusal), Q_ARG(QVariant, tenantId)))
            return nullptr;
        if (!refusal.toString().isEmpty()) {
            qWarning("refused: %s", qUtf8Printable(refusal.toString()));
            return nullptr;
        }
        return qobject_cast<QQuickWindow *>(m_pages->property("lastWindow").value<QObject *>());
    }
    QQuickWindow *openBmc(const QString &url)
    {
        QVariant refusal;
        if (!QMetaObject::invokeMethod(m_pages, "openBmc", Q_RETURN_ARG(QVariant, refusal), Q_ARG(QVariant, url),
                                       Q_ARG(QVariant, QStringLiteral("gpu-test"))))
            return nullptr;
        return refusal.toString().isEmpty() ? qobject_cast<QQuickWindow *>(m_pages->property("lastWindow").value<QObject *>()) : nullptr;
    }
    QQuickWindow *openWindow(const QVariantMap &properties)
    {
        QVariant refusal;
        if (!QMetaObject::invokeMethod(m_pages, "openWindow", Q_RETURN_ARG(QVariant, refusal), Q_ARG(QVariant, properties)))
            return nullptr;
        return refusal.toString().isEmpty() ? qobject_cast<QQuickWindow *>(m_pages->property("lastWindow").value<QObject *>()) : nullptr;
    }

    // Runs `script` in the page and returns its (JSON-able) result, or an invalid variant.
    QVariant evaluate(QQuickWindow *window, const QString &script)
    {
        QObject *view = window->findChild<QObject *>(QStringLiteral("webView"));
        if (!view)
            return {};
        QJSValue run = m_engine.evaluate(QStringLiteral(
            "(function (view, script) { var box = { done: false }; "
            "view.runJavaScript(script, function (result) { box.value = result; box.done = true; }); return box; })"));
        QJSValue box = run.call({m_engine.newQObject(view), script});
        QElapsedTimer clock;
        clock.start();
        while (!box.property(QStringLiteral("done")).toBool() && clock.elapsed() < 10000)
            QTest::qWait(20);
        return box.property(QStringLiteral("value")).toVariant();
    }

    QString pageText(QQuickWindow *window)
    {
        return evaluate(window, QStringLiteral("document.body ? document.body.innerText : ''")).toString();
    }

    static bool waitForLoad(QQuickWindow *window, int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (window->property("loadMs").toDouble() < 0 && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return window->property("loadMs").toDouble() >= 0;
    }

    // The certificate a server of this test presents, created by the same code as the API's.
    TlsIdentity makeIdentity(const QString &name)
    {
        const Result<TlsIdentity> identity =
            ensureTlsIdentity(m_dir.filePath(name), {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")});
        if (!identity)
            qWarning("cannot make a certificate: %s", qUtf8Printable(identity.error().message));
        return identity ? *identity : TlsIdentity{};
    }

    static QString hexOf(const TlsIdentity &identity)
    {
        return normalizedSha256(identity.fingerprint);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_backend = Testing::createLabBackend(m_dir);
        QVERIFY(m_backend);
        TenantDraft acme;
        acme.name = QStringLiteral("acme");
        acme.displayName = QStringLiteral("Acme Research");
        const Result<Tenant> created = m_backend->tenants().create(acme, QStringLiteral("test"));
        QVERIFY(created);
        m_acmeId = created->id;
        TenantDraft globex;
        globex.name = QStringLiteral("globex");
        globex.displayName = QStringLiteral("Globex Labs");
        QVERIFY(m_backend->tenants().create(globex, QStringLiteral("test")));

        m_context = std::make_unique<ConsoleContext>(*m_backend);
        m_context->setWebEngineAvailable(true);
        m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&m_engine);
        component.setData("import QtQuick\nimport NeoCloud.Console\nWebPages {}\n", QUrl());
        m_pages = component.createWithInitialProperties({{QStringLiteral("context"), QVariant::fromValue(m_context.get())}});
        QVERIFY2(m_pages, qPrintable(component.errorString()));

        m_bmcA = makeIdentity(QStringLiteral("bmc-a"));
        m_bmcB = makeIdentity(QStringLiteral("bmc-b"));
        QVERIFY(!hexOf(m_bmcA).isEmpty() && !hexOf(m_bmcB).isEmpty() && hexOf(m_bmcA) != hexOf(m_bmcB));
    }

    void cleanupTestCase()
    {
        delete m_pages;
        m_pages = nullptr;
    }

    void viewAsTenantShowsOnlyThatTenant()
    {
        const Result<quint16> port = m_backend->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QQuickWindow *window = openTenantView(m_acmeId);
        QVERIFY(window);
        QVERIFY2(QRegularExpression(QStringLiteral("^Viewing as Acme Research \u2014 read-only, expires \\d\\d:\\d\\d$"))
                     .match(window->property("bannerText").toString()).hasMatch(),
                 qPrintable(window->property("bannerText").toString()));
        QVERIFY(waitForLoad(window));
        QVERIFY2(window->property("loadSucceeded").toBool(), qPrintable(window->property("loadError").toString()));
        qInfo("view as tenant over HTTP: page loaded in %.0f ms", window->property("loadMs").toDouble());

        // The page renders after fetching the tenant: wait for its name.
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("Acme Research")), 15000);
        const QString text = pageText(window);
        QVERIFY2(!text.contains(QStringLiteral("Globex")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("globex")));
        QVERIFY2(text.contains(QStringLiteral("tenant-viewer")), qPrintable(text));
        // The portal's own word that this is someone else's view.
        QVERIFY2(text.contains(QStringLiteral("Viewing as this tenant")), qPrintable(text));

        const QVariantMap state = evaluate(window, QStringLiteral(
            "({ user: JSON.parse(sessionStorage.getItem('neocloud.user') || 'null'), href: location.href, "
            "   tenants: null })")).toMap();
        const QVariantMap user = state.value(QStringLiteral("user")).toMap();
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("tenant-viewer"));
        QCOMPARE(user.value(QStringLiteral("viewingAs")).toBool(), true);
        QCOMPARE(user.value(QStringLiteral("tenantId")).toString(), m_acmeId);
        // The token left the address bar (and so the history).
        const QString href = state.value(QStringLiteral("href")).toString();
        QVERIFY2(!href.contains(QStringLiteral("viewToken")) && !href.contains(QLatin1Char('#')), qPrintable(href));
        QVERIFY2(href.endsWith(QStringLiteral(":%1/").arg(*port)), qPrintable(href)); // the portal's home

        // What the signed-in token may list is this tenant alone.
        evaluate(window, QStringLiteral(
            "fetch('/api/v1/tenants', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('neocloud.token') } })"
            ".then(r => r.json()).then(j => { window.__tenants = j.items.map(t => t.name).join(','); })"));
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(window, QStringLiteral("window.__tenants || ''")).toString(),
                                  QStringLiteral("acme"), 10000);

        if (const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window->resize(1280, 760);
            QTest::qWait(1500); // let the page re-lay itself out
            const QImage shot = window->grabWindow();
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("console-view-as-tenant.png"))));
        }
        // Closing the window revokes its token: the page's copy no longer signs in.
        const QString token = evaluate(window, QStringLiteral("sessionStorage.getItem('neocloud.token')")).toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(m_backend->auth().authenticate(token));
        window->close();
        QVERIFY(!m_backend->auth().authenticate(token));
        window->deleteLater();
    }

    void viewAsOverHttpsTrustsOnlyTheApiCertificate()
    {
        const TlsIdentity api = makeIdentity(QStringLiteral("api-tls"));
        QVERIFY(!hexOf(api).isEmpty());
        const Result<quint16> port = m_backend->listen(QHostAddress::LocalHost, 0, api.configuration);
        QVERIFY(port);
        QCOMPARE(m_backend->apiUrl().scheme(), QStringLiteral("https"));
        QCOMPARE(m_backend->apiCertificateSha256(), hexOf(api));

        // Expecting another certificate: refused, nothing loads. (First: Chromium remembers a
        // certificate it was told to accept for the rest of the session.)
        QVERIFY(m_context->viewAs()->open(m_acmeId));
        QQuickWindow *wrong = openWindow({{QStringLiteral("pageUrl"), m_context->viewAs()->url()},
                                          {QStringLiteral("expectedSha256"), hexOf(m_bmcA)}});
        QVERIFY(wrong);
        QObject *gate = qvariant_cast<QObject *>(wrong->property("gate"));
        QVERIFY(gate);
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("refused"), 20000);
        QVERIFY(gate->property("message").toString().contains(displayedSha256(hexOf(api))));
        QVERIFY(gate->property("message").toString().contains(displayedSha256(hexOf(m_bmcA))));
        QVERIFY(waitForLoad(wrong));
        QVERIFY(!wrong->property("loadSucceeded").toBool());
        wrong->close();
        wrong->deleteLater();

        QQuickWindow *window = openTenantView(m_acmeId);
        QVERIFY(window);
        gate = qvariant_cast<QObject *>(window->property("gate"));
        QVERIFY(waitForLoad(window));
        QCOMPARE(gate->property("state").toString(), QStringLiteral("accepted"));
        QVERIFY2(window->property("loadSucceeded").toBool(), qPrintable(window->property("loadError").toString()));
        qInfo("view as tenant over HTTPS: page loaded in %.0f ms", window->property("loadMs").toDouble());
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("Acme Research")), 15000);
        QVERIFY(!pageText(window).contains(QStringLiteral("Globex")));
        window->close();
        window->deleteLater();
    }

    void bmcDifferentFromThePinIsRefused()
    {
        TinyHttpsServer bmc(m_bmcB.configuration, "BMC B");
        QVERIFY(bmc.listen());
        const QString key = QStringLiteral("127.0.0.1:%1").arg(bmc.port());
        QVERIFY(m_backend->bmcTrust().pinCertificate(key, hexOf(m_bmcA)));

        QQuickWindow *window = openBmc(bmc.url());
        QVERIFY(window);
        QObject *gate = qvariant_cast<QObject *>(window->property("gate"));
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("refused"), 20000);
        const QString message = gate->property("message").toString();
        QVERIFY2(message.contains(displayedSha256(hexOf(m_bmcA))) && message.contains(displayedSha256(hexOf(m_bmcB))),
                 qPrintable(message));
        QCOMPARE(gate->property("pinnedSha256").toString(), displayedSha256(hexOf(m_bmcA)));
        QCOMPARE(gate->property("presentedSha256").toString(), displayedSha256(hexOf(m_bmcB)));
        QVERIFY(waitForLoad(window));
        QVERIFY(!window->property("loadSucceeded").toBool());
        // The pin is untouched.
        QCOMPARE(m_backend->bmcTrust().pinnedCertificate(key).value().value_or(QString()), hexOf(m_bmcA));
        window->close();
        window->deleteLater();
    }

    void bmcUnpinnedAndRefusedStaysUnpinned()
    {
        TinyHttpsServer bmc(m_bmcB.configuration, "BMC B");
        QVERIFY(bmc.listen());
        QQuickWindow *window = openBmc(bmc.url());
        QVERIFY(window);
        QObject *gate = qvariant_cast<QObject *>(window->property("gate"));
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("asking"), 20000);
        QCOMPARE(gate->property("presentedSha256").toString(), displayedSha256(hexOf(m_bmcB)));
        if (const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(500);
            QVERIFY(window->grabWindow().save(QDir(dir).filePath(QStringLiteral("console-bmc-certificate-question.png"))));
        }
        QVERIFY(QMetaObject::invokeMethod(gate, "refusePresented"));
        QCOMPARE(gate->property("state").toString(), QStringLiteral("refused"));
        QVERIFY(waitForLoad(window));
        QVERIFY(!window->property("loadSucceeded").toBool());
        QVERIFY(!m_backend->bmcTrust().pinnedCertificate(QStringLiteral("127.0.0.1:%1").arg(bmc.port())).value());
        window->close();
        window->deleteLater();
    }

    void bmcTrustedOnFirstUseIsPinnedAndLoads()
    {
        TinyHttpsServer bmc(m_bmcA.configuration, "BMC A web interface");
        QVERIFY(bmc.listen());
        QQuickWindow *window = openBmc(bmc.url());
        QVERIFY(window);
        QObject *gate = qvariant_cast<QObject *>(window->property("gate"));
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("asking"), 20000);
        QCOMPARE(gate->property("presentedSha256").toString(), displayedSha256(hexOf(m_bmcA)));
        QVERIFY(window->property("loadMs").toDouble() < 0); // held while the person decides
        QVERIFY(QMetaObject::invokeMethod(gate, "trustPresented"));
        QCOMPARE(gate->property("state").toString(), QStringLiteral("accepted"));
        QVERIFY(waitForLoad(window));
        QVERIFY2(window->property("loadSucceeded").toBool(), qPrintable(window->property("loadError").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("BMC A web interface")), 10000);
        // Pinned where discovery will check it next.
        const QString key = QStringLiteral("127.0.0.1:%1").arg(bmc.port());
        QCOMPARE(m_backend->bmcTrust().pinnedCertificate(key).value().value_or(QString()), hexOf(m_bmcA));
        window->close();
        window->deleteLater();
    }

    void bmcMatchingThePinLoadsWithoutAsking()
    {
        TinyHttpsServer bmc(m_bmcB.configuration, "BMC B pinned");
        QVERIFY(bmc.listen());
        QVERIFY(m_backend->bmcTrust().pinCertificate(QStringLiteral("127.0.0.1:%1").arg(bmc.port()), hexOf(m_bmcB)));
        QQuickWindow *window = openBmc(bmc.url());
        QVERIFY(window);
        QObject *gate = qvariant_cast<QObject *>(window->property("gate"));
        QVERIFY(waitForLoad(window));
        QCOMPARE(gate->property("state").toString(), QStringLiteral("accepted"));
        QVERIFY2(window->property("loadSucceeded").toBool(), qPrintable(window->property("loadError").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("BMC B pinned")), 10000);
        window->close();
        window->deleteLater();
    }

    // The buttons in the console's own window reach the same windows: Tenants → View as tenant,
    // and a device's Open BMC web interface (here a BMC nobody has trusted yet: it asks).
    void consoleButtonsOpenTheWebViews()
    {
        m_context->selectedTenant()->setTenantId(m_acmeId);
        QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/NeoCloud/Console/Main.qml")));
        std::unique_ptr<QObject> root(component.createWithInitialProperties(
            {{QStringLiteral("context"), QVariant::fromValue(m_context.get())}, {QStringLiteral("currentView"), QStringLiteral("tenants")}}));
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *console = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(console);
        QVERIFY(QTest::qWaitForWindowExposed(console));
        QObject *pages = console->findChild<QObject *>(QStringLiteral("webPages"));
        QVERIFY(pages);

        auto *viewAs = console->findChild<QQuickItem *>(QStringLiteral("viewAsTenant"));
        QVERIFY(viewAs);
        QTRY_VERIFY(viewAs->isVisible());
        QVERIFY(QMetaObject::invokeMethod(viewAs, "clicked"));
        auto *web = qobject_cast<QQuickWindow *>(pages->property("lastWindow").value<QObject *>());
        QVERIFY(web);
        QVERIFY(web->property("bannerText").toString().startsWith(QStringLiteral("Viewing as Acme Research")));
        QVERIFY(waitForLoad(web));
        QVERIFY2(web->property("loadSucceeded").toBool(), qPrintable(web->property("loadError").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(web).contains(QStringLiteral("Acme Research")), 15000);
        web->close();

        const TlsIdentity fresh = makeIdentity(QStringLiteral("bmc-c"));
        TinyHttpsServer bmc(fresh.configuration, "BMC C");
        QVERIFY(bmc.listen());
        Device device;
        device.name = QStringLiteral("gpu-web-1");
        device.kind = DeviceKind::GpuServer;
        device.bmcUrl = bmc.url();
        const Result<Device> added = Testing::addLoneDevice(m_backend->inventory(), QStringLiteral("web-site"), device);
        QVERIFY(added);
        QVERIFY(root->setProperty("currentView", QStringLiteral("hardware")));
        m_context->selectedDevice()->setDeviceId(added->id);
        QTRY_VERIFY(m_context->selectedDevice()->found());
        // The Hardware view's panel (Topology has its own, hidden), once the table has the device;
        // later the panel's shown items and its open dialog, by name.
        const auto visibleNamed = [console](const QString &name) -> QObject * {
            for (QObject *candidate : console->findChildren<QObject *>(name))
                if (candidate->property("visible").toBool())
                    return candidate;
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(visibleNamed(QStringLiteral("openBmc")), 10000);
        QObject *openBmc = visibleNamed(QStringLiteral("openBmc"));
        QVERIFY(QMetaObject::invokeMethod(openBmc, "clicked"));
        web = qobject_cast<QQuickWindow *>(pages->property("lastWindow").value<QObject *>());
        QVERIFY(web);
        QVERIFY(web->property("bannerText").toString().contains(QStringLiteral("gpu-web-1")));
        QObject *gate = web->property("gate").value<QObject *>();
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("asking"), 20000);
        QCOMPARE(gate->property("presentedSha256").toString(), displayedSha256(hexOf(fresh)));
        QVERIFY(QMetaObject::invokeMethod(gate, "refusePresented"));
        web->close();

        // The panel shows the BMC's pin, and forgets it after asking.
        QTRY_VERIFY(visibleNamed(QStringLiteral("bmcCertificate")));
        QVERIFY(visibleNamed(QStringLiteral("bmcCertificate"))->property("value").toString().startsWith(QStringLiteral("Not pinned")));
        QVERIFY(!visibleNamed(QStringLiteral("forgetCertificate")));
        QVERIFY(QMetaObject::invokeMethod(openBmc, "clicked"));
        web = qobject_cast<QQuickWindow *>(pages->property("lastWindow").value<QObject *>());
        gate = web->property("gate").value<QObject *>();
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("asking"), 20000);
        QVERIFY(QMetaObject::invokeMethod(gate, "trustPresented"));
        web->close();
        QTRY_COMPARE(visibleNamed(QStringLiteral("bmcCertificate"))->property("value").toString(), displayedSha256(hexOf(fresh)));
        QObject *forget = visibleNamed(QStringLiteral("forgetCertificate"));
        QVERIFY(forget);
        QVERIFY(QMetaObject::invokeMethod(forget, "clicked"));
        // The Hardware view's dialog, open now (the Topology view's panel has its own, closed).
        QTRY_VERIFY(visibleNamed(QStringLiteral("forgetCertificateDialog")));
        QObject *dialog = visibleNamed(QStringLiteral("forgetCertificateDialog"));
        QVERIFY2(dialog->property("heading").toString().contains(m_context->bmcTrust()->pinAddress(bmc.url())),
                 qPrintable(dialog->property("heading").toString()));
        if (const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(500);
            QVERIFY(console->grabWindow().save(QDir(dir).filePath(QStringLiteral("console-forget-certificate.png"))));
        }
        // As a person would: the dialog's own button, which closes it and confirms.
        QObject *confirm = dialog->findChild<QObject *>(QStringLiteral("confirmButton"));
        QVERIFY(confirm);
        QVERIFY(QMetaObject::invokeMethod(confirm, "clicked"));
        QTRY_VERIFY(!dialog->property("visible").toBool());
        const auto stored = m_backend->bmcTrust().pinnedCertificate(m_context->bmcTrust()->pinAddress(bmc.url()));
        QVERIFY(stored && !*stored);
        QTRY_VERIFY(visibleNamed(QStringLiteral("bmcCertificate"))->property("value").toString().startsWith(QStringLiteral("Not pinned")));
        QVERIFY(!visibleNamed(QStringLiteral("forgetCertificate")));
    }

    // Settings' dashboards on a device's page: one "Open <name>" button each; a plain HTTP one
    // opens with the device's name filled in (percent-encoded), an HTTPS one with a self-signed
    // certificate asks first, like a BMC, and is pinned by host:port once trusted.
    void dashboardButtonsOpenWithTheDeviceFilledIn()
    {
        TinyHttpsServer grafana("Grafana node dashboard");
        QVERIFY(grafana.listen());
        const TlsIdentity dashboardTls = makeIdentity(QStringLiteral("dashboard-tls"));
        TinyHttpsServer secure(dashboardTls.configuration, "Secure dashboard");
        QVERIFY(secure.listen());
        const auto saved = m_backend->dashboards().replace(
            {{QStringLiteral("Grafana node"), grafana.url() + QStringLiteral("d/node?var-host={name}&orgId=1")},
             {QStringLiteral("Secure board"), secure.url() + QStringLiteral("d/{serial}")}},
            QStringLiteral("test"));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(m_context->dashboards()->count(), 2); // the model follows the service

        Device device;
        device.name = QStringLiteral("gpu dash&1");
        device.serial = QStringLiteral("SN-DASH-9");
        device.kind = DeviceKind::GpuServer;
        const Result<Device> added = Testing::addLoneDevice(m_backend->inventory(), QStringLiteral("dash-site"), device);
        QVERIFY(added);

        QQmlComponent component(&m_engine, QUrl(QStringLiteral("qrc:/qt/qml/NeoCloud/Console/Main.qml")));
        std::unique_ptr<QObject> root(component.createWithInitialProperties(
            {{QStringLiteral("context"), QVariant::fromValue(m_context.get())}, {QStringLiteral("currentView"), QStringLiteral("hardware")}}));
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *console = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(QTest::qWaitForWindowExposed(console));
        QObject *pages = console->findChild<QObject *>(QStringLiteral("webPages"));
        QVERIFY(pages);
        m_context->selectedDevice()->setDeviceId(added->id);
        QTRY_VERIFY(m_context->selectedDevice()->found());
        // Through the item tree: a Repeater's delegates are not QObject children of the window.
        const std::function<QQuickItem *(QQuickItem *, const QString &)> findVisible = [&findVisible](QQuickItem *item, const QString &name) -> QQuickItem * {
            if (!item->isVisible())
                return nullptr;
            if (item->objectName() == name)
                return item;
            for (QQuickItem *child : item->childItems())
                if (QQuickItem *found = findVisible(child, name))
                    return found;
            return nullptr;
        };
        const auto visibleButton = [&findVisible, console](const QString &name) { return findVisible(console->contentItem(), name); };
        QTRY_VERIFY_WITH_TIMEOUT(visibleButton(QStringLiteral("openDashboard1")), 10000);
        QQuickItem *openGrafana = visibleButton(QStringLiteral("openDashboard0"));
        QVERIFY(openGrafana);
        QCOMPARE(openGrafana->property("text").toString(), QStringLiteral("Open Grafana node"));
        QVERIFY(!visibleButton(QStringLiteral("openDashboard2")));
        if (const QString dir = qEnvironmentVariable("NEOCLOUD_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(500);
            QVERIFY(console->grabWindow().save(QDir(dir).filePath(QStringLiteral("console-device-dashboards.png"))));
        }

        QVERIFY(QMetaObject::invokeMethod(openGrafana, "clicked"));
        auto *web = qobject_cast<QQuickWindow *>(pages->property("lastWindow").value<QObject *>());
        QVERIFY(web);
        QVERIFY(web->property("bannerText").toString().startsWith(QStringLiteral("Grafana node for gpu dash&1")));
        QVERIFY(waitForLoad(web));
        QVERIFY2(web->property("loadSucceeded").toBool(), qPrintable(web->property("loadError").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(web).contains(QStringLiteral("Grafana node dashboard")), 10000);
        // The server was asked for the device's name, encoded so '&' stayed inside the value.
        QCOMPARE(grafana.targets.value(0), QStringLiteral("/d/node?var-host=gpu%20dash%261&orgId=1"));
        const QString search = evaluate(web, QStringLiteral("new URLSearchParams(location.search).get('var-host')")).toString();
        QCOMPARE(search, QStringLiteral("gpu dash&1"));
        QCOMPARE(web->property("gate").value<QObject *>()->property("state").toString(), QString()); // no certificate over HTTP
        web->close();

        QQuickItem *openSecure = visibleButton(QStringLiteral("openDashboard1"));
        QVERIFY(QMetaObject::invokeMethod(openSecure, "clicked"));
        web = qobject_cast<QQuickWindow *>(pages->property("lastWindow").value<QObject *>());
        QVERIFY(web);
        QObject *gate = web->property("gate").value<QObject *>();
        QTRY_COMPARE_WITH_TIMEOUT(gate->property("state").toString(), QStringLiteral("asking"), 20000);
        QCOMPARE(gate->property("presentedSha256").toString(), displayedSha256(hexOf(dashboardTls)));
        QVERIFY(web->property("loadMs").toDouble() < 0); // nothing loads until someone decides
        QVERIFY(secure.targets.isEmpty());
        QVERIFY(QMetaObject::invokeMethod(gate, "trustPresented"));
        QVERIFY(waitForLoad(web));
        QVERIFY2(web->property("loadSucceeded").toBool(), qPrintable(web->property("loadError").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(web).contains(QStringLiteral("Secure dashboard")), 10000);
        QCOMPARE(secure.targets.value(0), QStringLiteral("/d/SN-DASH-9"));
        const QString key = QStringLiteral("127.0.0.1:%1").arg(secure.port());
        QCOMPARE(m_backend->bmcTrust().pinnedCertificate(key).value().value_or(QString()), hexOf(dashboardTls));
        web->close();
    }
};

int main(int argc, char *argv[])
{
    // As in the console's main: Chromium's sandbox refuses root unless told otherwise.
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    TestWebEngineViews test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webengine_views.moc"
