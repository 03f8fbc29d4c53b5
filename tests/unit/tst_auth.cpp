// Authentication: Argon2id hashes, logins, token expiry and revocation, and the audit trail.

#include "../common/TestSupport.h"
#include "activity/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/PasswordHasher.h"
#include "store/Database.h"

#include <QSqlQuery>

using namespace NeoCloud;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesAreArgon2idAndSalted()
    {
        const QString a = PasswordHasher::hash(QStringLiteral("pw"));
        const QString b = PasswordHasher::hash(QStringLiteral("pw"));
        QVERIFY(a.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(a != b);
        QVERIFY(PasswordHasher::verify(QStringLiteral("pw"), a));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("pW"), a));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("pw"), QStringLiteral("garbage")));
    }

    void loginGivesAWorkingToken()
    {
        Testing::TestBackend t;
        const auto session = t->auth().login(QStringLiteral("admin"), Testing::adminPassword);
        QVERIFY(session);
        QCOMPARE(session->user.role, Role::OperatorAdmin);
        const auto user = t->auth().authenticate(session->token);
        QVERIFY(user);
        QCOMPARE(user->username, QStringLiteral("admin"));
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        Testing::TestBackend t;
        const auto wrong = t->auth().login(QStringLiteral("admin"), QStringLiteral("nope"));
        const auto unknown = t->auth().login(QStringLiteral("mallory"), QStringLiteral("nope"));
        QVERIFY(!wrong && !unknown);
        QCOMPARE(wrong.error().code, unknown.error().code);
        QCOMPARE(wrong.error().message, unknown.error().message);
        const auto audit = t->audit().list(10, 0);
        QVERIFY(audit);
        QCOMPARE(audit->items.first().action, QStringLiteral("auth.login"));
        QCOMPARE(audit->items.first().result, QStringLiteral("invalid_credentials"));
    }

    void expiredTokensAreRefused()
    {
        BackendConfig config;
        config.tokenTtlSeconds = 0; // expires the moment it is issued
        Testing::TestBackend t(config);
        const auto session = t->auth().login(QStringLiteral("admin"), Testing::adminPassword);
        QVERIFY(session);
        QTest::qWait(5);
        const auto user = t->auth().authenticate(session->token);
        QVERIFY(!user);
        QCOMPARE(user.error().kind, ErrorKind::Unauthorized);
    }

    void logoutRevokes()
    {
        Testing::TestBackend t;
        const auto session = t->auth().login(QStringLiteral("admin"), Testing::adminPassword);
        QVERIFY(t->auth().logout(session->token, session->user));
        QVERIFY(!t->auth().authenticate(session->token));
        QVERIFY(!t->auth().logout(session->token, session->user));
    }

    void tokensAreStoredHashed()
    {
        Testing::TestBackend t;
        const auto session = t->auth().login(QStringLiteral("admin"), Testing::adminPassword);
        QSqlQuery q(t->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT token_hash FROM tokens")) && q.next());
        QVERIFY(q.value(0).toString() != session->token);
        QCOMPARE(q.value(0).toString(), PasswordHasher::tokenHash(session->token));
    }

    void generatesAdminPasswordOnlyOnce()
    {
        QTemporaryDir dir;
        BackendConfig config;
        config.databasePath = dir.filePath(QStringLiteral("gen.db"));
        QString generated;
        {
            auto backend = Backend::create(config);
            QVERIFY(backend);
            generated = backend.value()->generatedAdminPassword();
            QVERIFY(generated.size() >= 16);
            QVERIFY(backend.value()->auth().login(QStringLiteral("admin"), generated));
        }
        auto again = Backend::create(config);
        QVERIFY(again);
        QVERIFY(again.value()->generatedAdminPassword().isEmpty());
        QVERIFY(again.value()->auth().login(QStringLiteral("admin"), generated));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
