// The probes' codecs on known values: SigV4 on AWS's published test-suite example (get-vanilla:
// its canonical request, string to sign and signature), Kafka ApiVersions v0 and ONC RPC NULL
// calls byte for byte, their replies decoded, and malformed frames refused with a reason.

#include "health/probes/HttpProbes.h"
#include "health/probes/ProbeTargets.h"
#include "health/probes/SigV4.h"
#include "health/probes/WireCodecs.h"
#include "vast/VastPlans.h"

#include <QJsonArray>

#include <QTest>

using namespace NeoCloud;

class TestProbeCodecs : public QObject
{
    Q_OBJECT

private:
    // AWS SigV4 test suite, get-vanilla: GET / on example.amazonaws.com at 20150830T123600Z.
    static SigV4::Request vanilla()
    {
        return {"GET", "/", {}, {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, SigV4::sha256Hex({})};
    }
    static SigV4::Scope vanillaScope() { return {"20150830", "us-east-1", "service"}; }
    static SigV4::Credentials exampleKey() { return {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")}; }

private Q_SLOTS:
    void sigV4CanonicalRequestOfGetVanilla()
    {
        QCOMPARE(SigV4::canonicalRequest(vanilla()),
                 QByteArray("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void sigV4StringToSignOfGetVanilla()
    {
        QCOMPARE(SigV4::stringToSign("20150830T123600Z", vanillaScope(), SigV4::canonicalRequest(vanilla())),
                 QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
    }

    void sigV4SignatureOfGetVanilla()
    {
        QCOMPARE(SigV4::signature(exampleKey(), "20150830T123600Z", vanillaScope(), vanilla()),
                 QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
        QCOMPARE(SigV4::authorization(exampleKey(), "20150830T123600Z", vanillaScope(), vanilla()),
                 QByteArray("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                            "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }

    // get-vanilla-query-order-key-case: the query is sorted by name before signing.
    void sigV4SortsTheQuery()
    {
        SigV4::Request r = vanilla();
        r.query = {{"Param2", "value2"}, {"Param1", "value1"}};
        QCOMPARE(SigV4::canonicalQuery(r.query), QByteArray("Param1=value1&Param2=value2"));
        QCOMPARE(SigV4::signature(exampleKey(), "20150830T123600Z", vanillaScope(), r),
                 QByteArray("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
    }

    void sigV4DiffersWithAnotherSecret()
    {
        SigV4::Credentials wrong = exampleKey();
        wrong.secretAccessKey += u'x';
        QVERIFY(SigV4::signature(wrong, "20150830T123600Z", vanillaScope(), vanilla())
                != SigV4::signature(exampleKey(), "20150830T123600Z", vanillaScope(), vanilla()));
    }

    void sigV4EncodesLikeAws()
    {
        QCOMPARE(SigV4::uriEncode("a b/c~d-e_f.g*"), QByteArray("a%20b%2Fc~d-e_f.g%2A"));
        QCOMPARE(SigV4::amzDate(QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC)), QByteArray("20150830T123600Z"));
    }

    void kafkaApiVersionsRequestBytes()
    {
        // size 15 | api_key 18 | version 0 | correlation 7 | client id "probe" (int16 length)
        QCOMPARE(Wire::kafkaApiVersionsRequest(7, "probe").toHex(),
                 QByteArray("0000000f" "0012" "0000" "00000007" "0005" "70726f6265"));
        QByteArray buffer = Wire::kafkaApiVersionsRequest(7, "probe");
        const auto frame = Wire::takeKafkaFrame(buffer);
        QVERIFY(frame);
        QVERIFY(buffer.isEmpty());
        const auto header = Wire::parseKafkaRequestHeader(*frame);
        QVERIFY(header);
        QCOMPARE(header->apiKey, Wire::kafkaApiVersionsKey);
        QCOMPARE(header->apiVersion, qint16(0));
        QCOMPARE(header->correlationId, 7);
    }

    void kafkaApiVersionsResponseDecodes()
    {
        QByteArray buffer = Wire::kafkaApiVersionsResponse(42, 0);
        buffer += "extra"; // the next frame's start stays in the buffer
        const auto frame = Wire::takeKafkaFrame(buffer);
        QVERIFY(frame);
        QCOMPARE(buffer, QByteArray("extra"));
        QString error;
        const auto answer = Wire::parseKafkaApiVersions(*frame, &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(answer->correlationId, 42);
        QCOMPARE(answer->errorCode, qint16(0));
        QCOMPARE(answer->apiCount, 4);

        QByteArray refused = Wire::kafkaApiVersionsResponse(43, 35);
        const auto refusedAnswer = Wire::parseKafkaApiVersions(*Wire::takeKafkaFrame(refused), &error);
        QVERIFY(refusedAnswer);
        QCOMPARE(refusedAnswer->errorCode, qint16(35));
        QCOMPARE(Wire::kafkaErrorName(35), QStringLiteral("UNSUPPORTED_VERSION"));
    }

    void kafkaRefusesBadFrames()
    {
        QByteArray partial = Wire::kafkaApiVersionsResponse(1, 0).left(9);
        QVERIFY(!Wire::takeKafkaFrame(partial)); // waits for the rest
        QByteArray http("HTTP/1.1 400 Bad Request\r\n");
        bool tooBig = false;
        QVERIFY(!Wire::takeKafkaFrame(http, &tooBig));
        QVERIFY(tooBig); // "HTTP" read as a size is 1.2 GB: not Kafka
        QString error;
        // 4 APIs announced, 1 present.
        const QByteArray cut = QByteArray::fromHex("00000001" "0000" "00000004" "001200000003");
        QVERIFY(!Wire::parseKafkaApiVersions(cut, &error));
        QVERIFY2(error.contains(QLatin1String("cut short")), qPrintable(error));
    }

    void rpcNullCallBytes()
    {
        // record mark (last, 40 bytes) | xid | CALL | rpcvers 2 | prog 100003 | vers 3 | proc 0 | AUTH_NONE x2
        QCOMPARE(Wire::rpcNullCall(0x11223344, Wire::nfsProgram, Wire::nfsVersion).toHex(),
                 QByteArray("80000028" "11223344" "00000000" "00000002" "000186a3" "00000003" "00000000"
                            "00000000" "00000000" "00000000" "00000000"));
        QByteArray buffer = Wire::rpcNullCall(5, Wire::nfsProgram, Wire::nfsVersion);
        const auto record = Wire::takeRpcRecord(buffer);
        QVERIFY(record);
        const auto call = Wire::parseRpcCall(*record);
        QVERIFY(call);
        QCOMPARE(call->xid, 5u);
        QCOMPARE(call->program, 100003u);
        QCOMPARE(call->version, 3u);
        QCOMPARE(call->procedure, 0u);
    }

    void rpcRepliesDecode_data()
    {
        QTest::addColumn<int>("stat");
        QTest::newRow("success") << int(Wire::RpcAcceptStat::Success);
        QTest::newRow("prog unavailable") << int(Wire::RpcAcceptStat::ProgUnavail);
        QTest::newRow("prog mismatch") << int(Wire::RpcAcceptStat::ProgMismatch);
    }

    void rpcRepliesDecode()
    {
        QFETCH(int, stat);
        QByteArray buffer = Wire::rpcAcceptedReply(9, Wire::RpcAcceptStat(stat));
        const auto record = Wire::takeRpcRecord(buffer);
        QVERIFY(record);
        QString error;
        const auto reply = Wire::parseRpcReply(*record, &error);
        QVERIFY2(reply, qPrintable(error));
        QCOMPARE(reply->xid, 9u);
        QVERIFY(reply->accepted);
        QCOMPARE(reply->acceptStat, quint32(stat));
    }

    void rpcJoinsFragments()
    {
        // A reply split in two fragments: the first without the last-fragment bit.
        const QByteArray whole = Wire::rpcAcceptedReply(3, Wire::RpcAcceptStat::Success).mid(4);
        QByteArray buffer = QByteArray::fromHex("00000008") + whole.left(8);
        QVERIFY(!Wire::takeRpcRecord(buffer)); // not the last fragment yet
        buffer += Wire::rpcRecord(whole.mid(8));
        const auto record = Wire::takeRpcRecord(buffer);
        QVERIFY(record);
        QCOMPARE(*record, whole);
        QVERIFY(buffer.isEmpty());
    }

    void rpcRefusesACall()
    {
        QByteArray call = Wire::rpcNullCall(1, 1, 1);
        QString error;
        QVERIFY(!Wire::parseRpcReply(*Wire::takeRpcRecord(call), &error));
        QVERIFY2(error.contains(QLatin1String("not an RPC reply")), qPrintable(error));
    }

    void s3ErrorCodeFromItsDocument()
    {
        QCOMPARE(s3ErrorCode("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                             "<Message>The request signature we calculated does not match</Message></Error>"),
                 QStringLiteral("SignatureDoesNotMatch"));
        QCOMPARE(s3ErrorCode("<html>not s3</html>"), QString());
    }

    // What is probed is read from the endpoints the VAST plan gives each kind.
    void targetsFromTheProvidersEndpoints_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QJsonObject>("params");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port");
        QTest::newRow("object-storage") << QStringLiteral("object-storage") << QJsonObject{{QStringLiteral("bucket"), QStringLiteral("acme-data")}}
                                        << QStringLiteral("s3") << 80;
        QTest::newRow("file-storage") << QStringLiteral("file-storage")
                                      << QJsonObject{{QStringLiteral("path"), QStringLiteral("/home")}, {QStringLiteral("protocols"), QJsonArray{QStringLiteral("NFS")}}}
                                      << QStringLiteral("nfs") << 2049;
        QTest::newRow("block-storage") << QStringLiteral("block-storage") << QJsonObject{} << QStringLiteral("tcp") << 4420;
        QTest::newRow("event-streaming") << QStringLiteral("event-streaming") << QJsonObject{} << QStringLiteral("kafka") << 9092;
        QTest::newRow("database") << QStringLiteral("database") << QJsonObject{{QStringLiteral("bucket"), QStringLiteral("db")}}
                                  << QStringLiteral("http") << 80;
        QTest::newRow("functions: no URL") << QStringLiteral("functions") << QJsonObject{{QStringLiteral("functions"), QJsonArray{}}}
                                           << QString() << 0;
    }

    void targetsFromTheProvidersEndpoints()
    {
        QFETCH(QString, kind);
        QFETCH(QJsonObject, params);
        QFETCH(QString, protocol);
        QFETCH(int, port);
        Tenant t;
        t.id = QStringLiteral("tnt-1");
        t.name = QStringLiteral("acme");
        t.network.vipFrom = QStringLiteral("10.64.3.10");
        Service s;
        s.id = QStringLiteral("svc-1");
        s.tenantId = t.id;
        s.kind = kind;
        s.state = ServiceState::Active;
        s.endpoints = Vast::endpointsFor({t, {}, {}}, kind, params);
        ProbeSources sources;
        sources.s3Key = [](const QString &) { return std::optional<SigV4::Credentials>(SigV4::Credentials{QStringLiteral("NCBKX"), QStringLiteral("s")}); };
        const QList<ProbeTarget> targets = probeTargetsFor(t, s, sources);
        if (protocol.isEmpty()) {
            QVERIFY(targets.isEmpty());
            return;
        }
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.first().protocol, protocol);
        QCOMPARE(targets.first().host, QStringLiteral("10.64.3.10"));
        QCOMPARE(int(targets.first().port), port);
        QCOMPARE(targets.first().shownEndpoint, QStringLiteral("10.64.3.10:%1").arg(port));
        if (protocol == QLatin1String("s3")) {
            QCOMPARE(targets.first().bucket, QStringLiteral("acme-data"));
            QCOMPARE(targets.first().s3Key->accessKeyId, QStringLiteral("NCBKX"));
        }

        // The lab maps the VIP to its listener, by the endpoint's protocol; the reason keeps the VIP.
        QString askedProtocol;
        sources.address = [&](const QString &pool, const QString &p, const QString &, quint16) {
            askedProtocol = p;
            return pool == QLatin1String("acme-vip") ? std::optional<QPair<QString, quint16>>({QStringLiteral("127.0.0.1"), 40001}) : std::nullopt;
        };
        sources.s3Key = {}; // keyless: S3 is reduced to a connect, still to the S3 listener
        const ProbeTarget mapped = probeTargetsFor(t, s, sources).first();
        QCOMPARE(mapped.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(mapped.port, quint16(40001));
        QCOMPARE(mapped.shownEndpoint, QStringLiteral("10.64.3.10:%1").arg(port));
        QCOMPARE(askedProtocol, protocol);
        if (protocol == QLatin1String("s3"))
            QCOMPARE(mapped.protocol, QStringLiteral("tcp"));
    }
};

QTEST_GUILESS_MAIN(TestProbeCodecs)
#include "tst_probe_codecs.moc"
