// The view models behind the console's web views, without a web engine: "view as tenant" mints a
// working tenant-viewer token for the API this backend serves, and BMC certificate trust reads and
// writes the same pins discovery uses; the dashboards list adds, edits and removes through the
// backend's rules and fills a device's values into a URL.

#include "BmcCertificateTrust.h"
#include "ConsoleContext.h"
#include "DashboardListModel.h"
#include "PinnedCertificateModel.h"
#include "GuiTestSupport.h"
#include "TenantViewAs.h"
#include "auth/AuthService.h"
#include "discovery/CertificatePin.h"
#include "activity/AuditLog.h"
#include "store/BmcTrustRepository.h"
#include "settings/DashboardService.h"
#include "tenancy/TenantService.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>

using namespace NeoCloud;

namespace {

QString sha256Of(const char *text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestWebViewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QStandardPaths::setTestModeEnabled(true); }

    void viewAsMintsATenantViewerTokenForThisApi()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        TenantDraft draft;
        draft.name = QStringLiteral("acme");
        draft.displayName = QStringLiteral("Acme Research");
        const Result<Tenant> acme = backend->tenants().create(draft, QStringLiteral("test"));
        QVERIFY(acme);
        ConsoleContext context(*backend);
        TenantViewAs &viewAs = *context.viewAs();

        // Before the API listens there is nothing to open.
        QVERIFY(!viewAs.open(acme->id));
        QVERIFY(viewAs.lastError().contains(QStringLiteral("not listening")));
        QVERIFY(viewAs.url().isEmpty());

        const Result<quint16> port = backend->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QSignalSpy changed(&viewAs, &TenantViewAs::changed);
        QVERIFY2(viewAs.open(acme->id), qPrintable(viewAs.lastError()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(viewAs.url().scheme(), QStringLiteral("http"));
        QCOMPARE(viewAs.url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(viewAs.url().port(), int(*port));
        QCOMPARE(viewAs.url().path(), QStringLiteral("/"));
        QVERIFY(viewAs.url().query().isEmpty()); // the token never goes where servers log it
        QVERIFY(viewAs.url().fragment().startsWith(QStringLiteral("viewToken=")));
        QVERIFY(viewAs.certificateSha256().isEmpty());
        QCOMPARE(viewAs.tenantName(), QStringLiteral("Acme Research"));
        QVERIFY2(QRegularExpression(QStringLiteral("^Viewing as Acme Research \u2014 read-only, expires \\d\\d:\\d\\d$"))
                     .match(viewAs.banner()).hasMatch(),
                 qPrintable(viewAs.banner()));

        // About 15 minutes.
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(viewAs.expiresAt(), Qt::ISODate));
        QVERIFY2(left > 14 * 60 && left <= 15 * 60, qPrintable(QString::number(left)));

        // The token signs in as a read-only viewer of exactly this tenant.
        const QString token = viewAs.url().fragment().mid(QStringLiteral("viewToken=").size());
        const Result<User> user = backend->auth().authenticate(token);
        QVERIFY(user);
        QCOMPARE(user->role, Role::TenantViewer);
        QCOMPARE(user->tenantId, acme->id);
        QVERIFY(user->viewingAs);
        QCOMPARE(user->username, TenantViewAs::operatorUsername);

        // Ending the session revokes the token; a session ends once, and unknown ones not at all.
        const QString firstSession = viewAs.session();
        QVERIFY(!firstSession.isEmpty());
        QVERIFY(viewAs.open(acme->id));
        QVERIFY(viewAs.session() != firstSession);
        const QString second = viewAs.url().fragment().mid(QStringLiteral("viewToken=").size());
        QCOMPARE(viewAs.liveSessions(), 2);
        QVERIFY(viewAs.end(firstSession));
        QVERIFY(!backend->auth().authenticate(token));
        QVERIFY(backend->auth().authenticate(second)); // the other window's token lives on
        QVERIFY(!viewAs.end(firstSession));
        QVERIFY(!viewAs.end(QStringLiteral("view-999")));
        QCOMPARE(viewAs.liveSessions(), 1);

        // An unknown tenant: no token, the last one's address is gone.
        QVERIFY(!viewAs.open(QStringLiteral("ten_missing")));
        QVERIFY(!viewAs.lastError().isEmpty());
        QVERIFY(viewAs.url().isEmpty());
        QVERIFY(viewAs.banner().isEmpty());
        QVERIFY(viewAs.session().isEmpty());
    }

    void quittingTheConsoleEndsItsViewAsTokens()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        TenantDraft draft;
        draft.name = QStringLiteral("acme");
        const Result<Tenant> acme = backend->tenants().create(draft, QStringLiteral("test"));
        QVERIFY(acme);
        QVERIFY(backend->listen(QHostAddress::LocalHost, 0));
        QString token;
        {
            ConsoleContext context(*backend);
            QVERIFY2(context.viewAs()->open(acme->id), qPrintable(context.viewAs()->lastError()));
            token = context.viewAs()->url().fragment().mid(QStringLiteral("viewToken=").size());
            QVERIFY(backend->auth().authenticate(token));
        }
        QVERIFY(!backend->auth().authenticate(token));
        // The audit log says the view ended, not that the operator logged out.
        const Result<Page<AuditEntry>> entries = backend->audit().list(20, 0);
        QVERIFY(entries);
        QVERIFY(std::any_of(entries->items.cbegin(), entries->items.cend(),
                            [&](const AuditEntry &e) { return e.action == QStringLiteral("auth.view-as.end") && e.target == acme->id; }));
    }

    void bmcTrustSharesDiscoveryPins()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        ConsoleContext context(*backend);
        BmcCertificateTrust &pins = *context.bmcTrust();
        const QString url = QStringLiteral("https://127.0.0.1:9443/");
        const QString a = sha256Of("bmc a");
        const QString b = sha256Of("bmc b");

        QCOMPARE(pins.decide(url, a), QStringLiteral("ask"));
        QVERIFY(pins.pinned(url).isEmpty());
        QVERIFY(!pins.pin(url, QStringLiteral("not a fingerprint")));
        QVERIFY(pins.pin(url, a));
        // Stored where discovery looks, under host:port.
        const auto stored = backend->bmcTrust().pinnedCertificate(QStringLiteral("127.0.0.1:9443"));
        QVERIFY(stored && *stored);
        QCOMPARE(**stored, a);
        QCOMPARE(pins.decide(url, a), QStringLiteral("accept"));
        QCOMPARE(pins.decide(url, b), QStringLiteral("refuse"));
        // A pin is never replaced from the console: a changed certificate stays refused.
        QVERIFY(!pins.pin(url, b));
        QVERIFY(pins.lastError().contains(QStringLiteral("already")));
        QCOMPARE(pins.decide(url, b), QStringLiteral("refuse"));
        // Another port of the same host is another BMC.
        QCOMPARE(pins.decide(QStringLiteral("https://127.0.0.1:9444/"), a), QStringLiteral("ask"));

        // Forgotten (the certificate was replaced on purpose), the next one is asked about again,
        // and views showing the pin are told.
        QCOMPARE(pins.pinnedDisplay(url), displayedSha256(a));
        QSignalSpy changed(&pins, &BmcCertificateTrust::pinsChanged);
        QVERIFY(pins.forget(url));
        QCOMPARE(changed.count(), 1);
        QVERIFY(pins.pinnedDisplay(url).isEmpty());
        QCOMPARE(pins.decide(url, b), QStringLiteral("ask"));
        QVERIFY(!pins.forget(url));
        QVERIFY(pins.lastError().contains(QStringLiteral("127.0.0.1:9443")));
        QCOMPARE(changed.count(), 1);
    }

    // Settings' list of pins: the fingerprint as people compare it, the device at that address
    // named, a pin made elsewhere shown after a reload, and Forget audited like the API's.
    void pinnedCertificatesListAndForget()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        Device device;
        device.name = QStringLiteral("gpu-7");
        device.bmcUrl = QStringLiteral("https://10.0.0.7/redfish/v1");
        QVERIFY(Testing::addLoneDevice(backend->inventory(), QStringLiteral("dc"), device));
        ConsoleContext context(*backend);
        PinnedCertificateModel &model = *context.certificates();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(), 0);

        const QString a = sha256Of("bmc 7"), b = sha256Of("bmc 8");
        QVERIFY(backend->bmcTrust().pinCertificate(QStringLiteral("10.0.0.8:443"), b));
        QVERIFY(backend->bmcTrust().pinCertificate(QStringLiteral("10.0.0.7:443"), a));
        model.reload();
        QCOMPARE(model.count(), 2);
        // By host; the device behind the first, none behind the second.
        QCOMPARE(model.data(model.index(0), PinnedCertificateModel::HostRole).toString(), QStringLiteral("10.0.0.7:443"));
        QCOMPARE(model.data(model.index(0), PinnedCertificateModel::DevicesRole).toString(), QStringLiteral("gpu-7"));
        QCOMPARE(model.data(model.index(0), PinnedCertificateModel::FingerprintRole).toString(), displayedSha256(a));
        QVERIFY(!model.data(model.index(0), PinnedCertificateModel::PinnedAtRole).toString().isEmpty());
        QCOMPARE(model.data(model.index(1), PinnedCertificateModel::DevicesRole).toString(), QString());

        // Trusted in a BMC window, then forgotten from the device panel: the list follows both
        // without a reload.
        QVERIFY(context.bmcTrust()->pin(QStringLiteral("https://10.0.0.9/"), sha256Of("bmc 9")));
        QCOMPARE(model.count(), 3);
        QVERIFY(context.bmcTrust()->forget(QStringLiteral("https://10.0.0.9/")));
        QVERIFY(context.bmcTrust()->forget(QStringLiteral("https://10.0.0.8/")));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.forget(0), QString());
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.forget(0).isEmpty());
        const Result<Page<AuditEntry>> audit = backend->audit().list(10, 0);
        QVERIFY(audit);
        QCOMPARE(std::count_if(audit->items.cbegin(), audit->items.cend(),
                               [](const AuditEntry &e) { return e.action == QLatin1String("bmc.certificate.forget") && e.result == QLatin1String("ok"); }),
                 3);
    }

    void dashboardsEditThroughTheServiceAndFillTheDevice()
    {
        QTemporaryDir dir;
        auto backend = Testing::createBackend(dir);
        QVERIFY(backend);
        ConsoleContext context(*backend);
        DashboardListModel &model = *context.dashboards();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.count(), 0);

        QVERIFY(model.add(QStringLiteral("Grafana"), QStringLiteral(" https://g.example/d/node?var-host={name} ")).isEmpty());
        QVERIFY(model.add(QStringLiteral("Serial search"), QStringLiteral("http://s.example/?q={serial}")).isEmpty());
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.data(model.index(0), DashboardListModel::UrlTemplateRole).toString(), QStringLiteral("https://g.example/d/node?var-host={name}"));
        // Stored in the backend: what the REST API reads.
        QCOMPARE(backend->dashboards().links().value().size(), 2);

        // A refusal names the row's field and changes nothing.
        QVariantMap refused = model.add(QStringLiteral("FTP"), QStringLiteral("ftp://f.example/{name}"));
        QCOMPARE(refused.value(QStringLiteral("field")).toString(), QStringLiteral("urlTemplate"));
        QVERIFY(refused.value(QStringLiteral("message")).toString().contains(QStringLiteral("ftp://")));
        refused = model.update(1, QStringLiteral("grafana"), QStringLiteral("https://x.example/"));
        QCOMPARE(refused.value(QStringLiteral("field")).toString(), QStringLiteral("name")); // duplicate, any case
        QCOMPARE(model.count(), 2);

        QVERIFY(model.update(1, QStringLiteral("Serials"), QStringLiteral("http://s.example/?q={serial}&id={id}")).isEmpty());
        QCOMPARE(model.data(model.index(1), DashboardListModel::NameRole).toString(), QStringLiteral("Serials"));

        // Filled from the device the panel shows.
        const Result<Site> site = backend->inventory().addSite({{}, QStringLiteral("dc1"), {}, {}});
        QVERIFY(site);
        Device device;
        device.siteId = site->id;
        device.name = QStringLiteral("gpu 7");
        device.serial = QStringLiteral("SN/7");
        const Result<Device> added = backend->inventory().addDevice(device);
        QVERIFY(added);
        DeviceDetail *detail = context.selectedDevice();
        QCOMPARE(model.urlFor(0, detail), QString()); // nothing selected
        detail->setDeviceId(added->id);
        detail->reload();
        QVERIFY(detail->found());
        QCOMPARE(model.urlFor(0, detail), QStringLiteral("https://g.example/d/node?var-host=gpu%207"));
        QCOMPARE(model.urlFor(1, detail), QStringLiteral("http://s.example/?q=SN%2F7&id=%1").arg(added->id));
        QCOMPARE(model.urlFor(2, detail), QString());

        QVERIFY(model.remove(0).isEmpty());
        QCOMPARE(model.count(), 1);
        QVERIFY(!model.remove(5).isEmpty());

        // A change through the service (the REST API's path) shows in the model.
        QVERIFY(backend->dashboards().replace({}, QStringLiteral("api")));
        QCOMPARE(model.count(), 0);
    }
};

QTEST_MAIN(TestWebViewModels)
#include "tst_web_view_models.moc"
