// The login throttle on a clock the test moves: the limits per username and per address, the
// wait it names, the window sliding on, and a success clearing only the username's count.

#include "auth/LoginThrottle.h"

#include <QTest>

using namespace NeoCloud;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

    qint64 m_now = 1000000;
    LoginThrottle make(int perUser = 3, int perAddress = 5)
    {
        return LoginThrottle({60000, perUser, perAddress}, [this] { return m_now; });
    }
    const QHostAddress a{QStringLiteral("192.0.2.10")};
    const QHostAddress b{QStringLiteral("192.0.2.11")};

private Q_SLOTS:
    void init() { m_now = 1000000; }

    void refusesAUsernameAtItsLimitUntilTheWindowMoves()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!throttle.retryAfter(QStringLiteral("admin"), a));
            throttle.recordFailure(QStringLiteral("admin"), a);
            m_now += 10000;
        }
        // Failures at 0, 10 and 20 s; now 30 s: the first leaves the window at 60 s.
        const std::optional<int> wait = throttle.retryAfter(QStringLiteral("ADMIN"), b);
        QVERIFY(wait);
        QCOMPARE(*wait, 30);
        QVERIFY(!throttle.retryAfter(QStringLiteral("other"), b));
        m_now += 30000;
        QVERIFY(!throttle.retryAfter(QStringLiteral("admin"), b));
    }

    void refusesAnAddressGuessingManyUsernames()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i), a);
        QVERIFY(throttle.retryAfter(QStringLiteral("fresh"), a));
        QVERIFY(!throttle.retryAfter(QStringLiteral("fresh"), b));
        // The same client over IPv4-mapped IPv6 is the same address.
        QVERIFY(throttle.retryAfter(QStringLiteral("fresh"), QHostAddress(QStringLiteral("::ffff:192.0.2.10"))));
    }

    void successClearsTheUsernameButNotTheAddress()
    {
        LoginThrottle throttle = make(3, 4);
        throttle.recordFailure(QStringLiteral("admin"), a);
        throttle.recordFailure(QStringLiteral("admin"), a);
        throttle.recordSuccess(QStringLiteral("admin"));
        throttle.recordFailure(QStringLiteral("admin"), a);
        throttle.recordFailure(QStringLiteral("admin"), a);
        QVERIFY(!throttle.retryAfter(QStringLiteral("admin"), b)); // two since the success
        QVERIFY(throttle.retryAfter(QStringLiteral("someone"), a)); // four from a in the window
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_login_throttle.moc"
