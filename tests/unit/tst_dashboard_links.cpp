// Dashboard links: the placeholders a device fills (percent-encoded, so a name cannot change the
// URL's shape) and the rules a list must pass before it is stored, each refusal naming its field.

#include "domain/Inventory.h"
#include "settings/DashboardLinks.h"

#include <QJsonObject>
#include <QTest>

using namespace NeoCloud;
using namespace Qt::StringLiterals;

class TestDashboardLinks : public QObject
{
    Q_OBJECT

    static Device device()
    {
        Device d;
        d.id = u"dev-42"_s;
        d.name = u"gpu 001&x=1"_s;
        d.serial = u"SN/77"_s;
        d.bmcUrl = u"https://10.0.0.11:8443/redfish"_s;
        return d;
    }

private Q_SLOTS:
    void fillsEachPlaceholderEncoded_data()
    {
        QTest::addColumn<QString>("urlTemplate");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name in query") << u"https://grafana.example/d/node?var-host={name}"_s
                                       << u"https://grafana.example/d/node?var-host=gpu%20001%26x%3D1"_s;
        QTest::newRow("serial in path") << u"http://g.example/s/{serial}/view"_s << u"http://g.example/s/SN%2F77/view"_s;
        QTest::newRow("bmc host and id") << u"https://g.example/?bmc={bmcHost}&id={id}"_s
                                         << u"https://g.example/?bmc=10.0.0.11&id=dev-42"_s;
        QTest::newRow("repeated") << u"https://g.example/{id}/{id}"_s << u"https://g.example/dev-42/dev-42"_s;
        QTest::newRow("no placeholder") << u"https://g.example/home"_s << u"https://g.example/home"_s;
    }
    void fillsEachPlaceholderEncoded()
    {
        QFETCH(QString, urlTemplate);
        QFETCH(QString, expected);
        const QUrl url = fillDashboardUrl(urlTemplate, device());
        QVERIFY2(url.isValid(), qPrintable(url.errorString()));
        QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
    }

    void missingValuesBecomeEmpty()
    {
        Device bare;
        bare.id = u"d1"_s;
        bare.name = u"leaf-01"_s;
        QCOMPARE(fillDashboardUrl(u"https://g.example/?s={serial}&b={bmcHost}&n={name}"_s, bare).toString(),
                 u"https://g.example/?s=&b=&n=leaf-01"_s);
    }

    void refusesWithTheField_data()
    {
        QTest::addColumn<QList<DashboardLink>>("links");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const DashboardLink good{u"Grafana"_s, u"https://grafana.example/d/node?var-host={name}"_s};
        QTest::newRow("ftp scheme") << QList<DashboardLink>{good, {u"Files"_s, u"ftp://files.example/{name}"_s}}
                                    << u"invalid_url"_s << u"items[1].urlTemplate"_s;
        QTest::newRow("javascript") << QList<DashboardLink>{{u"X"_s, u"javascript:alert(1)"_s}} << u"invalid_url"_s
                                    << u"items[0].urlTemplate"_s;
        QTest::newRow("relative") << QList<DashboardLink>{{u"X"_s, u"/d/node"_s}} << u"invalid_url"_s << u"items[0].urlTemplate"_s;
        QTest::newRow("no host") << QList<DashboardLink>{{u"X"_s, u"https:///d/node"_s}} << u"invalid_url"_s
                                 << u"items[0].urlTemplate"_s;
        QTest::newRow("empty name") << QList<DashboardLink>{good, {u"  "_s, u"https://g.example/"_s}} << u"empty_name"_s
                                    << u"items[1].name"_s;
        QTest::newRow("duplicate name") << QList<DashboardLink>{good, {u"grafana"_s, u"https://g.example/"_s}}
                                        << u"duplicate_name"_s << u"items[1].name"_s;
        QTest::newRow("unknown placeholder") << QList<DashboardLink>{{u"X"_s, u"https://g.example/{hostname}"_s}}
                                             << u"unknown_placeholder"_s << u"items[0].urlTemplate"_s;
        QList<DashboardLink> many;
        for (int i = 0; i <= maxDashboardLinks; ++i)
            many.append({u"D%1"_s.arg(i), u"https://g.example/%1"_s.arg(i)});
        QTest::newRow("21 links") << many << u"too_many_dashboards"_s << u"items"_s;
    }
    void refusesWithTheField()
    {
        QFETCH(QList<DashboardLink>, links);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Status s = validateDashboardLinks(links);
        QVERIFY(!s);
        QCOMPARE(s.error().kind, ErrorKind::Unprocessable);
        QCOMPARE(s.error().code, code);
        QCOMPARE(s.error().field, field);
    }

    void acceptsTwentyGoodLinks()
    {
        QList<DashboardLink> links;
        for (int i = 0; i < maxDashboardLinks; ++i)
            links.append({u"Dashboard %1"_s.arg(i), u"%1://g.example:3000/d/%2?host={name}&sn={serial}"_s.arg(i % 2 ? u"http"_s : u"https"_s).arg(i)});
        const Status s = validateDashboardLinks(links);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        QVERIFY(validateDashboardLinks({}));
    }

    void readsJsonStrictly()
    {
        const auto links = dashboardLinksFromJson(QJsonArray{QJsonObject{{u"name"_s, u" Grafana "_s}, {u"urlTemplate"_s, u"https://g/"_s}}});
        QVERIFY(links);
        QCOMPARE(links->size(), 1);
        QCOMPARE(links->first().name, u"Grafana"_s); // trimmed
        QCOMPARE(dashboardLinksToJson(*links).first().toObject().value(u"urlTemplate"_s).toString(), u"https://g/"_s);

        const auto notArray = dashboardLinksFromJson(QJsonObject{});
        QVERIFY(!notArray);
        QCOMPARE(notArray.error().field, u"items"_s);
        const auto wrongType = dashboardLinksFromJson(QJsonArray{QJsonObject{{u"name"_s, 3}, {u"urlTemplate"_s, u"https://g/"_s}}});
        QVERIFY(!wrongType);
        QCOMPARE(wrongType.error().kind, ErrorKind::BadInput);
        QCOMPARE(wrongType.error().field, u"items[0].name"_s);
        const auto unknown = dashboardLinksFromJson(QJsonArray{QJsonObject{{u"name"_s, u"a"_s}, {u"urlTemplate"_s, u"https://g/"_s}, {u"url"_s, u"x"_s}}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().field, u"items[0].url"_s);
    }
};

QTEST_GUILESS_MAIN(TestDashboardLinks)
#include "tst_dashboard_links.moc"
