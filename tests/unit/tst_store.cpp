// The store: migrations from every earlier schema, refusal of newer or foreign files, and that a
// failed or blocked write leaves what was stored intact.

#include "../common/TestSupport.h"
#include "store/Database.h"
#include "store/InventoryRepository.h"
#include "store/Migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace NeoCloud;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A raw connection that knows nothing of our Database class, to build old schemas by hand.
struct RawConnection
{
    QString name = QUuid::createUuid().toString();
    QSqlDatabase db;
    explicit RawConnection(const QString &path)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("raw open failed");
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            qWarning("raw exec failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }
    ~RawConnection()
    {
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(name);
    }
};

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsSchemaWithPragmas()
    {
        QTemporaryDir dir;
        auto db = Database::open({dir.filePath(QStringLiteral("new.db"))});
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void upgradesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void upgradesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            RawConnection raw(path);
            for (const Migration &m : migrations()) {
                if (m.version > fromVersion)
                    break;
                for (const QString &statement : m.statements)
                    QVERIFY(raw.exec(statement));
            }
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(fromVersion)));
            if (fromVersion >= 1) {
                // Data a user of that version would have: it must survive every later migration.
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO sites (id, name, created_at) VALUES ('s1', 'old-site', '2026-01-01T00:00:00.000Z')")));
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO events (id, time, severity, source, message) VALUES "
                    "('e1', '2026-01-01T00:00:00.000Z', 'warning', 'test', 'kept')")));
            }
            if (fromVersion >= 4) // migration 8 rebuilds lab_faults for the VMS fault kinds
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO lab_faults (id, lab, device, kind, component, latency_ms, created_at) VALUES "
                                                "('f1', 'demo', 'gpu-g01-01', 'gpu-failed', 'GPU3', 0, '2026-01-01T00:00:00.000Z')")));
        }
        auto db = Database::open({path});
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
        InventoryRepository inventory(*db.value());
        const auto sites = inventory.sites();
        QVERIFY(sites);
        QCOMPARE(sites->size(), fromVersion >= 1 ? 1 : 0);
        if (fromVersion >= 1) {
            QCOMPARE(sites->first().name, QStringLiteral("old-site"));
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT message, alert FROM events WHERE id = 'e1'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
            QCOMPARE(q.value(1).toInt(), 0); // the column added by migration 2 has its default
        }
        if (fromVersion >= 4) {
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT kind, component, method, status FROM lab_faults WHERE id = 'f1'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("gpu-failed"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("GPU3"));
            QCOMPARE(q.value(2).toString(), QString(QLatin1String(""))); // the columns added by migration 8 have their defaults
            QCOMPARE(q.value(3).toInt(), 0);
        }
        // Opening again is a no-op.
        db = Database::open({path});
        QVERIFY(db);
        QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
    }

    void refusesNewerDatabaseAndLeavesItUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.db"));
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future_things (id TEXT)")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 1)));
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());
        auto db = Database::open({path});
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("store_too_new"));
        QVERIFY2(db.error().message.contains(QString::number(latestSchemaVersion() + 1)),
                 qPrintable(db.error().message));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const QByteArray before = fileHash(path);
        auto db = Database::open({path});
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QLatin1String("not a NeoCloud database")),
                 qPrintable(db.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void refusesPostgresUrlClearly()
    {
        auto db = Database::open({QStringLiteral("postgresql://localhost/neocloud")});
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("store_unsupported"));
    }

    void failedDeviceInsertLeavesNothingHalfWritten()
    {
        Testing::TestBackend t;
        const auto ids = Testing::addSampleInventory(t->inventory());
        Device device;
        device.siteId = ids.siteId;
        device.name = QStringLiteral("gpu-bad");
        device.kind = DeviceKind::GpuServer;
        // Two components with one name break UNIQUE(device_id, name) after the device row and
        // the first component are written: the whole insert must roll back.
        device.components.append({{}, ComponentKind::Gpu, QStringLiteral("GPU0"), {}, {}, {}, 0, Health::Ok});
        device.components.append({{}, ComponentKind::Gpu, QStringLiteral("GPU0"), {}, {}, {}, 0, Health::Ok});
        const auto added = t->inventory().addDevice(device);
        QVERIFY(!added);
        QCOMPARE(added.error().kind, ErrorKind::Conflict);
        DeviceQuery query;
        query.text = QStringLiteral("gpu-bad");
        QCOMPARE(t->inventory().devices(query)->total, 0);
        QSqlQuery q(t->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM components WHERE name = 'GPU0'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // only the sample's two GPU servers' GPU0
    }

    void duplicateNamesAreRefusedBySql()
    {
        Testing::TestBackend t;
        QVERIFY(t->inventory().addSite({{}, QStringLiteral("dc1"), {}, {}}));
        const auto again = t->inventory().addSite({{}, QStringLiteral("dc1"), {}, {}});
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("duplicate"));
    }

    void lockedDatabaseFailsTheWriteCleanly()
    {
        BackendConfig config;
        config.busyTimeoutMs = 200;
        Testing::TestBackend t(config);
        QVERIFY(t->inventory().addSite({{}, QStringLiteral("before"), {}, {}}));

        RawConnection other(t->database().location());
        QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        const auto blocked = t->inventory().addSite({{}, QStringLiteral("during"), {}, {}});
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().code, QStringLiteral("store_locked"));
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

        const auto sites = t->inventory().sites();
        QVERIFY(sites);
        QCOMPARE(sites->size(), 1);
        QCOMPARE(sites->first().name, QStringLiteral("before"));
        QVERIFY(t->inventory().addSite({{}, QStringLiteral("after"), {}, {}}));
    }

    // Device pages are kept between reads (InventoryRepository's page cache): every kind of write
    // must still show at once, and a transaction rolled back must not leave its rows behind.
    void devicePagesFollowEveryWrite()
    {
        Testing::TestBackend t;
        const auto ids = Testing::addSampleInventory(t->inventory());
        DeviceQuery all;
        const auto names = [&] {
            QStringList out;
            for (const Device &d : t->inventory().devices(all)->items)
                out << d.name;
            return out;
        };
        QCOMPARE(t->inventory().devices(all)->total, 5);
        QCOMPARE(t->inventory().devices(all)->total, 5);

        Device added;
        added.siteId = ids.siteId;
        added.name = QStringLiteral("aaa-new");
        added.kind = DeviceKind::Other;
        QVERIFY(t->inventory().addDevice(added));
        QCOMPARE(t->inventory().devices(all)->total, 6);
        QCOMPARE(names().first(), QStringLiteral("aaa-new"));

        RawConnection other(t->database().location());
        QVERIFY(other.exec(QStringLiteral("UPDATE devices SET name = 'aab-renamed' WHERE name = 'aaa-new'")));
        QCOMPARE(names().first(), QStringLiteral("aab-renamed"));

        const Status rolledBack = t->database().transaction([&]() -> Status {
            Device inside;
            inside.siteId = ids.siteId;
            inside.name = QStringLiteral("aa-rolled-back");
            inside.kind = DeviceKind::Other;
            if (!t->inventory().addDevice(inside))
                return Error::internal(QStringLiteral("add"));
            if (t->inventory().devices(all)->total != 7)
                return Error::internal(QStringLiteral("the transaction does not see its own row"));
            return Error::badInput(QStringLiteral("undo"), QStringLiteral("roll it back"));
        });
        QCOMPARE(rolledBack.error().code, QStringLiteral("undo"));
        QCOMPARE(t->inventory().devices(all)->total, 6);
        QCOMPARE(names().first(), QStringLiteral("aab-renamed"));
    }

    // A link's state is read from the ports at its two ends: down when either is, up when one is
    // up and neither down, unknown when no port of that name was discovered.
    void linksTakeTheirStateFromBothEndsPorts()
    {
        QCOMPARE(linkStateOf(LinkState::Up, LinkState::Down), LinkState::Down);
        QCOMPARE(linkStateOf(LinkState::Unknown, LinkState::Up), LinkState::Up);
        QCOMPARE(linkStateOf(LinkState::Unknown, LinkState::Unknown), LinkState::Unknown);

        Testing::TestBackend t;
        const auto ids = Testing::addSampleInventory(t->inventory());
        DeviceQuery byName;
        byName.text = QStringLiteral("cnode-01");
        const QString cnode = t->inventory().devices(byName)->items.first().id;
        // The sample's cable: both ports up.
        QVERIFY(t->inventory().addLink({{}, ids.siteId, {ids.gpuServer, QStringLiteral("eth9")}, {cnode, QStringLiteral("eth1")}, 100,
                                        LinkSource::Plan}));
        const auto stateOf = [&](const QString &port) {
            const QList<Link> links = t->inventory().links(ids.siteId).value();
            for (const Link &link : links)
                if (link.a.port == port || link.b.port == port)
                    return link.state;
            return LinkState::Unknown;
        };
        QCOMPARE(stateOf(QStringLiteral("swp1")), LinkState::Up);
        QCOMPARE(stateOf(QStringLiteral("eth9")), LinkState::Unknown); // neither port was discovered

        // The GPU server's port goes down: the cable is down, whatever the switch's end says.
        RawConnection other(t->database().location());
        QVERIFY(other.exec(QStringLiteral("UPDATE ports SET link_state = 'down' WHERE device_id = '%1' AND name = 'eth0'").arg(ids.gpuServer)));
        QCOMPARE(stateOf(QStringLiteral("swp1")), LinkState::Down);
        // Only its own ports count: another device's port of the same name does not.
        QVERIFY(other.exec(QStringLiteral("UPDATE ports SET link_state = 'up' WHERE name = 'eth0' AND device_id <> '%1'").arg(ids.gpuServer)));
        QCOMPARE(stateOf(QStringLiteral("swp1")), LinkState::Down);
    }

    void deviceQueriesFilterAndPage()
    {
        Testing::TestBackend t;
        const auto ids = Testing::addSampleInventory(t->inventory());
        DeviceQuery all;
        QCOMPARE(t->inventory().devices(all)->total, 5);
        DeviceQuery gpus;
        gpus.kind = DeviceKind::GpuServer;
        QCOMPARE(t->inventory().devices(gpus)->total, 2);
        DeviceQuery rackB;
        rackB.rackId = ids.rackB;
        QCOMPARE(t->inventory().devices(rackB)->total, 2);
        DeviceQuery underscore; // '_' is literal, not LIKE's any-character
        underscore.text = QStringLiteral("dbox_");
        QCOMPARE(t->inventory().devices(underscore)->total, 1);
        DeviceQuery paged;
        paged.limit = 2;
        paged.offset = 4;
        const auto page = t->inventory().devices(paged);
        QCOMPARE(page->total, 5);
        QCOMPARE(page->items.size(), 1);
        const auto detail = t->inventory().device(ids.gpuServer);
        QVERIFY(detail);
        QCOMPARE(detail->components.size(), 8);
        QCOMPARE(detail->ports.size(), 1);
        const auto counts = t->inventory().counts();
        QCOMPARE(counts->devices, 5);
        QCOMPARE(counts->devicesByKind.value(DeviceKind::GpuServer), 2);
        QCOMPARE(counts->racks, 2);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
