// The one trust-on-first-use rule discovery and the console's web views share: accept the pinned
// certificate, ask about an unpinned one, refuse a different one or none; fingerprints compare
// the same in openssl's "AB:CD" form and discovery's plain hex.

#include "discovery/CertificatePin.h"

#include <QCryptographicHash>
#include <QTest>

using namespace NeoCloud;

Q_DECLARE_METATYPE(NeoCloud::CertificateDecision)

namespace {

QString sha256Of(const char *text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QString withColons(const QString &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

} // namespace

class TestCertificatePin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decides_data()
    {
        QTest::addColumn<bool>("hasPin");
        QTest::addColumn<QString>("pinned");
        QTest::addColumn<QString>("presented");
        QTest::addColumn<CertificateDecision>("expected");

        const QString a = sha256Of("certificate a");
        const QString b = sha256Of("certificate b");
        QTest::newRow("no pin: ask") << false << QString() << a << CertificateDecision::Ask;
        QTest::newRow("same: accept") << true << a << a << CertificateDecision::Accept;
        QTest::newRow("same, pin in openssl form") << true << withColons(a) << a << CertificateDecision::Accept;
        QTest::newRow("same, presented upper case") << true << a << a.toUpper() << CertificateDecision::Accept;
        QTest::newRow("different: refuse") << true << a << b << CertificateDecision::Refuse;
        QTest::newRow("one digit off: refuse") << true << a << a.left(63) + (a.endsWith(QLatin1Char('0')) ? u'1' : u'0')
                                              << CertificateDecision::Refuse;
        QTest::newRow("nothing presented, no pin") << false << QString() << QString() << CertificateDecision::Refuse;
        QTest::newRow("nothing presented, pinned") << true << a << QString() << CertificateDecision::Refuse;
        QTest::newRow("not a sha-256 (sha-1 length)") << false << QString() << a.left(40) << CertificateDecision::Refuse;
        QTest::newRow("damaged pin matches nothing") << true << QStringLiteral("xyz") << a << CertificateDecision::Refuse;
        QTest::newRow("empty pin matches nothing") << true << QString() << a << CertificateDecision::Refuse;
    }

    void decides()
    {
        QFETCH(bool, hasPin);
        QFETCH(QString, pinned);
        QFETCH(QString, presented);
        QFETCH(CertificateDecision, expected);
        const std::optional<QString> pin = hasPin ? std::optional<QString>(pinned) : std::nullopt;
        QCOMPARE(decideCertificate(pin, presented), expected);
    }

    void normalizesAndDisplaysFingerprints()
    {
        const QString a = sha256Of("certificate a");
        QCOMPARE(normalizedSha256(withColons(a)), a);
        QCOMPARE(normalizedSha256(QStringLiteral("  ") + a.toUpper() + QStringLiteral("\n")), a);
        QVERIFY(normalizedSha256(QStringLiteral("not hex")).isEmpty());
        QCOMPARE(displayedSha256(a), withColons(a));
        QCOMPARE(displayedSha256(QStringLiteral("garbage")), QStringLiteral("garbage"));
    }

    void keysPinsByHostAndPort()
    {
        QCOMPARE(pinKey(QUrl(QStringLiteral("https://10.0.0.5/redfish/v1"))), QStringLiteral("10.0.0.5:443"));
        QCOMPARE(pinKey(QUrl(QStringLiteral("https://bmc-7.lab:8443/"))), QStringLiteral("bmc-7.lab:8443"));
        QCOMPARE(pinKey(QUrl(QStringLiteral("http://127.0.0.1:9001"))), QStringLiteral("127.0.0.1:9001"));
    }
};

QTEST_GUILESS_MAIN(TestCertificatePin)
#include "tst_certificate_pin.moc"
