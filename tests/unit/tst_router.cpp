// The router: pattern parameters, method mismatch (405 with the allowed methods), HEAD via GET.

#include "api/Router.h"

#include <QTest>

using namespace NeoCloud;

class TestRouter : public QObject
{
    Q_OBJECT

    Router m_router;
    static ApiResponse named(const char *name) { return {200, name, "text/plain", {}}; }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add(HttpMethod::Get, QStringLiteral("/api/v1/devices"), Access::Operator,
                     [](const ApiRequest &) { return named("list"); });
        m_router.add(HttpMethod::Get, QStringLiteral("/api/v1/devices/{id}"), Access::Operator,
                     [](const ApiRequest &) { return named("one"); });
        m_router.add(HttpMethod::Delete, QStringLiteral("/api/v1/devices/{id}"), Access::OperatorAdmin,
                     [](const ApiRequest &) { return named("delete"); });
    }

    void matches_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("handler"); // empty: no match
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("allowed");
        const int get = int(HttpMethod::Get), post = int(HttpMethod::Post);
        QTest::newRow("list") << get << "/api/v1/devices" << QByteArray("list") << "" << QStringList();
        QTest::newRow("trailing slash") << get << "/api/v1/devices/" << QByteArray("list") << "" << QStringList();
        QTest::newRow("one") << get << "/api/v1/devices/dev-1" << QByteArray("one") << "dev-1" << QStringList();
        QTest::newRow("head") << int(HttpMethod::Head) << "/api/v1/devices/x" << QByteArray("one") << "x" << QStringList();
        QTest::newRow("delete") << int(HttpMethod::Delete) << "/api/v1/devices/x" << QByteArray("delete") << "x" << QStringList();
        QTest::newRow("wrong method") << post << "/api/v1/devices/x" << QByteArray() << ""
                                      << QStringList{QStringLiteral("GET"), QStringLiteral("DELETE")};
        QTest::newRow("unknown") << get << "/api/v1/nothing" << QByteArray() << "" << QStringList();
        QTest::newRow("too deep") << get << "/api/v1/devices/x/y" << QByteArray() << "" << QStringList();
    }

    void matches()
    {
        QFETCH(int, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, handler);
        QFETCH(QString, id);
        QFETCH(QStringList, allowed);
        const Router::Match match = m_router.match(HttpMethod(method), path);
        if (handler.isEmpty()) {
            QVERIFY(!match.route);
            QStringList names;
            for (HttpMethod m : match.allowed)
                names << methodName(m);
            QCOMPARE(names, allowed);
            return;
        }
        QVERIFY(match.route);
        QCOMPARE(match.route->handler({}).body, handler);
        QCOMPARE(match.params.value(QStringLiteral("id")), id);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
