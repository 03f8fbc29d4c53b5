// The Hardware and Topology view models against a real backend: the device table reads every
// device in pages, the proxy filters and sorts by value, both stay well-behaved models while the
// inventory changes, and the detail and topology models shape one device and the fabric.

#include "DeviceDetail.h"
#include "DeviceFilterModel.h"
#include "DeviceTableModel.h"
#include "GuiTestSupport.h"
#include "TopologyModel.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace NeoCloud;

namespace {

constexpr auto Tester = QAbstractItemModelTester::FailureReportingMode::QtTest;

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

} // namespace

class TestHardwareModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_backend = Testing::createBackend(*m_dir);
        QVERIFY(m_backend);
    }

    void cleanup()
    {
        m_backend.reset();
        m_dir.reset();
    }

    void readsEveryDeviceInPages()
    {
        // More than two service pages, written in one transaction as discovery would.
        InventoryService &inventory = m_backend->inventory();
        const Result<Site> site = inventory.addSite({{}, QStringLiteral("big"), {}, {}});
        QVERIFY(site);
        const int total = 2 * DeviceTableModel::pageSize + 345;
        QVERIFY(m_backend->database().transaction([&]() -> Status {
            for (int i = 0; i < total; ++i) {
                Device device;
                device.siteId = site->id;
                device.name = QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
                device.kind = DeviceKind::GpuServer;
                if (const Result<Device> added = inventory.addDevice(device); !added)
                    return added.error();
            }
            return success();
        }));

        DeviceTableModel model(inventory);
        QAbstractItemModelTester tester(&model, Tester);
        DeviceFilterModel proxy(model);
        QAbstractItemModelTester proxyTester(&proxy, Tester);
        QVERIFY(!model.loaded());
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.lastError(), QString());
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.count(), total);
        QCOMPARE(proxy.count(), total);
        QCOMPARE(model.columnCount(), int(DeviceTableModel::ColumnCount));
        QCOMPARE(model.index(total - 1, DeviceTableModel::NameColumn).data().toString(),
                 QStringLiteral("node-%1").arg(total - 1, 5, 10, QLatin1Char('0')));
    }

    void showsEveryColumn()
    {
        QVERIFY(Testing::addSampleInventory(m_backend->inventory()));
        DeviceTableModel model(m_backend->inventory());
        QAbstractItemModelTester tester(&model, Tester);
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 2);
        const int row = model.rowOfDevice(model.devices().at(0).id);
        QCOMPARE(row, 0);
        auto cell = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(DeviceTableModel::NameColumn), QStringLiteral("gpu-001"));
        QCOMPARE(cell(DeviceTableModel::KindColumn), QStringLiteral("GPU server"));
        QCOMPARE(cell(DeviceTableModel::ModelColumn), QStringLiteral("Supermicro SYS-821GE-TNHR"));
        QCOMPARE(cell(DeviceTableModel::SerialColumn), QStringLiteral("SM-0001"));
        QCOMPARE(cell(DeviceTableModel::RackColumn), QStringLiteral("r01"));
        QCOMPARE(cell(DeviceTableModel::PositionColumn), QStringLiteral("U1\u2013U4"));
        QCOMPARE(cell(DeviceTableModel::HealthColumn), QStringLiteral("Warning"));
        QCOMPARE(cell(DeviceTableModel::StateColumn), QStringLiteral("active"));
        QCOMPARE(cell(DeviceTableModel::FirmwareColumn), QStringLiteral("BMC 1.02.04"));
        QCOMPARE(cell(DeviceTableModel::BmcColumn), QStringLiteral("10.0.1.11"));
        QCOMPARE(model.index(0, DeviceTableModel::BmcColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("https://10.0.1.11"));
        // Row roles answer in every column.
        QCOMPARE(model.index(0, DeviceTableModel::SerialColumn)
                     .data(DeviceTableModel::HealthRole).toString(),
                 QStringLiteral("warning"));
        QCOMPARE(model.index(1, DeviceTableModel::StateColumn)
                     .data(DeviceTableModel::KindRole).toString(),
                 QStringLiteral("switch"));
        QCOMPARE(model.headerData(DeviceTableModel::RackColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Rack"));
        QCOMPARE(model.warningCount(), 1);
        QCOMPARE(model.criticalCount(), 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        for (const QByteArray name : {"display", "deviceId", "health", "kind"})
            QVERIFY2(roles.values().contains(name), name.constData());
    }

    void filtersByTextKindAndHealth()
    {
        addVariety();
        DeviceTableModel model(m_backend->inventory());
        DeviceFilterModel proxy(model);
        QAbstractItemModelTester tester(&proxy, Tester);
        QTRY_VERIFY(model.loaded());
        QCOMPARE(proxy.count(), 5);
        QSignalSpy filterChanged(&proxy, &DeviceFilterModel::filterChanged);

        proxy.setText(QStringLiteral("sn-g")); // serials of the two GPU servers
        QCOMPARE(proxy.count(), 2);
        QCOMPARE(filterChanged.count(), 1);
        proxy.setText(QStringLiteral("HGX")); // model
        QCOMPARE(proxy.count(), 2);
        proxy.setText(QStringLiteral("LEAF")); // name, any case
        QCOMPARE(proxy.count(), 1);
        proxy.setText({});

        proxy.setKind(QStringLiteral("gpu-server"));
        QCOMPARE(proxy.count(), 2);
        proxy.setHealth(QStringLiteral("critical"));
        QCOMPARE(proxy.count(), 1);
        QCOMPARE(proxy.index(0, DeviceTableModel::NameColumn).data().toString(),
                 QStringLiteral("gpu-2"));
        const QString gpu2 = proxy.deviceIdAt(0);
        QCOMPARE(proxy.rowOfDevice(gpu2), 0);
        proxy.setKind({});
        proxy.setHealth(QStringLiteral("unknown"));
        QCOMPARE(column(proxy, DeviceTableModel::NameColumn), QStringList{QStringLiteral("pdu-a")});
        QCOMPARE(proxy.rowOfDevice(gpu2), -1); // filtered out
        proxy.setHealth({});
        QCOMPARE(proxy.count(), 5);
        QCOMPARE(proxy.deviceIdAt(99), QString());
    }

    void sortsByValueNotText()
    {
        addVariety();
        DeviceTableModel model(m_backend->inventory());
        DeviceFilterModel proxy(model);
        QAbstractItemModelTester tester(&proxy, Tester);
        QTRY_VERIFY(model.loaded());

        // Names as people count: gpu-2 before gpu-10.
        QCOMPARE(proxy.sortColumn(), int(DeviceTableModel::NameColumn));
        QCOMPARE(column(proxy, DeviceTableModel::NameColumn),
                 (QStringList{QStringLiteral("cnode-1"), QStringLiteral("gpu-2"),
                              QStringLiteral("gpu-10"), QStringLiteral("leaf-1"),
                              QStringLiteral("pdu-a")}));

        QSignalSpy sortChanged(&proxy, &DeviceFilterModel::sortChanged);
        proxy.sortBy(DeviceTableModel::PositionColumn);
        QCOMPARE(sortChanged.count(), 1);
        QVERIFY(proxy.sortAscending());
        QCOMPARE(column(proxy, DeviceTableModel::PositionColumn),
                 (QStringList{QStringLiteral("U2\u2013U5"), QStringLiteral("U5"),
                              QStringLiteral("U10\u2013U13"), QStringLiteral("U42"), QString()}));
        proxy.sortBy(DeviceTableModel::PositionColumn); // the same header again flips it
        QVERIFY(!proxy.sortAscending());
        QCOMPARE(proxy.index(0, DeviceTableModel::NameColumn).data().toString(),
                 QStringLiteral("pdu-a"));

        proxy.sortBy(DeviceTableModel::HealthColumn); // worst first
        QCOMPARE(column(proxy, DeviceTableModel::HealthColumn).mid(0, 3),
                 (QStringList{QStringLiteral("Critical"), QStringLiteral("Warning"),
                              QStringLiteral("Unknown")}));

        proxy.sortBy(DeviceTableModel::RackColumn); // r2 before r10, unracked first
        QCOMPARE(column(proxy, DeviceTableModel::RackColumn),
                 (QStringList{QString(), QStringLiteral("r2"), QStringLiteral("r2"),
                              QStringLiteral("r10"), QStringLiteral("r10")}));
        proxy.sortBy(-1); // ignored
        QCOMPARE(proxy.sortColumn(), int(DeviceTableModel::RackColumn));
    }

    void reloadsOnInventoryChangedCoalesced()
    {
        QVERIFY(Testing::addSampleInventory(m_backend->inventory()));
        DeviceTableModel model(m_backend->inventory());
        QAbstractItemModelTester tester(&model, Tester);
        DeviceFilterModel proxy(model);
        QAbstractItemModelTester proxyTester(&proxy, Tester);
        proxy.setText(QStringLiteral("burst"));
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(proxy.count(), 0);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy reloaded(&model, &DeviceTableModel::reloaded);
        const QString siteId = model.devices().at(0).siteId;
        for (int i = 0; i < 20; ++i) {
            Device device;
            device.siteId = siteId;
            device.name = QStringLiteral("burst-%1").arg(i);
            QVERIFY(m_backend->inventory().addDevice(device));
        }
        QTRY_COMPARE(model.rowCount(), 22);
        QCOMPARE(reloaded.count(), 1); // twenty signals, one read
        QCOMPARE(reset.count(), 1);
        QCOMPARE(proxy.count(), 20);

        // A change that keeps the same rows updates cells instead of resetting the table.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Q_EMIT m_backend->inventory().inventoryChanged();
        QTRY_COMPARE(reloaded.count(), 2);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 1);
    }

    void detailShowsComponentsAndPorts()
    {
        QVERIFY(Testing::addSampleInventory(m_backend->inventory()));
        DeviceTableModel names(m_backend->inventory());
        QTRY_VERIFY(names.loaded());
        DeviceDetail detail(m_backend->inventory(), names);
        QAbstractItemModelTester components(detail.components(), Tester);
        QAbstractItemModelTester ports(detail.ports(), Tester);
        QVERIFY(!detail.found());

        QSignalSpy changed(&detail, &DeviceDetail::changed);
        detail.setDeviceId(names.devices().at(0).id);
        QCOMPARE(changed.count(), 1);
        QVERIFY(detail.found());
        QCOMPARE(detail.name(), QStringLiteral("gpu-001"));
        QCOMPARE(detail.kindLabel(), QStringLiteral("GPU server"));
        QCOMPARE(detail.health(), QStringLiteral("warning"));
        QCOMPARE(detail.firmware(), QStringLiteral("BMC 1.02.04"));
        QCOMPARE(detail.bmcUrl(), QStringLiteral("https://10.0.1.11"));
        QCOMPARE(detail.siteName(), QStringLiteral("ams-1"));
        QCOMPARE(detail.rackName(), QStringLiteral("r01"));
        QCOMPARE(detail.units(), QStringLiteral("U1\u2013U4"));

        ComponentListModel *parts = detail.components();
        QCOMPARE(parts->rowCount(), 10);
        QCOMPARE(parts->index(0).data(ComponentListModel::KindRole).toString(), QStringLiteral("gpu"));
        QCOMPARE(parts->index(0).data(ComponentListModel::FirstOfKindRole).toBool(), true);
        QCOMPARE(parts->index(1).data(ComponentListModel::FirstOfKindRole).toBool(), false);
        QCOMPARE(parts->index(8).data(ComponentListModel::FirstOfKindRole).toBool(), true);
        QCOMPARE(parts->index(8).data(ComponentListModel::KindLabelRole).toString(), QStringLiteral("CPUs"));
        QCOMPARE(parts->index(0).data(ComponentListModel::CapacityRole).toString(), QStringLiteral("80 GiB"));
        const QVariantList groups = detail.componentGroups();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("GPU"));
        QCOMPARE(groups.at(0).toMap().value(QStringLiteral("count")).toInt(), 8);
        QCOMPARE(groups.at(1).toMap().value(QStringLiteral("count")).toInt(), 2);

        PortListModel *portList = detail.ports();
        QCOMPARE(portList->rowCount(), 2);
        QCOMPARE(portList->index(0).data(PortListModel::NameRole).toString(), QStringLiteral("eth0"));
        QCOMPARE(portList->index(0).data(PortListModel::LinkStateRole).toString(), QStringLiteral("up"));
        QCOMPARE(portList->index(0).data(PortListModel::PeerRole).toString(), QStringLiteral("leaf-01 swp1"));
        QCOMPARE(portList->index(1).data(PortListModel::LinkStateRole).toString(), QStringLiteral("down"));
        QCOMPARE(portList->index(1).data(PortListModel::PeerRole).toString(), QString());

        detail.setDeviceId(QStringLiteral("dev-does-not-exist"));
        QVERIFY(!detail.found());
        QCOMPARE(detail.lastError(), QString()); // gone is not an error
        QCOMPARE(parts->rowCount(), 0);
        QCOMPARE(portList->rowCount(), 0);
    }

    void topologySnapshotPlacesAndLinks()
    {
        QVERIFY(Testing::addSampleInventory(m_backend->inventory()));
        const QString fabric = Testing::addFabric(m_backend->inventory(), 3, 4);
        QVERIFY(!fabric.isEmpty());
        DeviceTableModel devices(m_backend->inventory());
        TopologyModel topology(m_backend->inventory(), devices);
        QTRY_VERIFY(topology.loaded());
        QCOMPARE(topology.lastError(), QString());
        QCOMPARE(topology.rackCount(), 4);
        QCOMPARE(topology.deviceCount(), 2 + 2 + 3 * 5);
        QCOMPARE(topology.unplacedCount(), 2); // the spines have no rack
        QCOMPARE(topology.linkCount(), 1 + 3 * (2 + 4));
        const auto snapshot = topology.snapshot();
        // Racks in site order, then as people count them.
        QCOMPARE(snapshot->racks.at(0).name, QStringLiteral("r01")); // ams-1 sorts first
        QCOMPARE(snapshot->racks.at(0).devices.size(), 2);
        QCOMPARE(snapshot->racks.at(1).siteName, QStringLiteral("fab-1"));
        QCOMPARE(snapshot->racks.at(1).devices.size(), 5);
        // The sample's link runs from an up switch port: up. The fabric's ports are unknown.
        int up = 0;
        for (const auto &edge : snapshot->edges)
            up += edge.state == LinkState::Up;
        QCOMPARE(up, 1);
        QCOMPARE(topology.downLinkCount(), 0);

        QSignalSpy rebuilt(&topology, &TopologyModel::snapshotChanged);
        QVERIFY(m_backend->inventory().addRack({{}, fabric, QStringLiteral("r99"), 48, 0}));
        QTRY_COMPARE(topology.rackCount(), 5);
        QCOMPARE(rebuilt.count(), 1);
    }

private:
    // Two racks named so that text order and counting order differ (r10 < r2 as text), and
    // devices of every health, one of them unplaced.
    void addVariety()
    {
        InventoryService &inventory = m_backend->inventory();
        const Result<Site> site = inventory.addSite({{}, QStringLiteral("dc"), {}, {}});
        QVERIFY(site);
        const Result<Rack> r2 = inventory.addRack({{}, site->id, QStringLiteral("r2"), 42, 0});
        const Result<Rack> r10 = inventory.addRack({{}, site->id, QStringLiteral("r10"), 42, 0});
        QVERIFY(r2 && r10);
        auto add = [&](const QString &name, DeviceKind kind, const QString &rack,
                       std::optional<int> position, int height, Health health,
                       const QString &serial, const QString &model) {
            Device device;
            device.siteId = site->id;
            device.rackId = rack;
            device.name = name;
            device.kind = kind;
            device.position = position;
            device.heightU = height;
            device.health = health;
            device.serial = serial;
            device.model = model;
            QVERIFY(inventory.addDevice(device));
        };
        add(QStringLiteral("gpu-10"), DeviceKind::GpuServer, r2->id, 2, 4, Health::Ok,
            QStringLiteral("SN-G10"), QStringLiteral("HGX H100"));
        add(QStringLiteral("gpu-2"), DeviceKind::GpuServer, r10->id, 10, 4, Health::Critical,
            QStringLiteral("SN-G2"), QStringLiteral("HGX H100"));
        add(QStringLiteral("leaf-1"), DeviceKind::Switch, r10->id, 42, 1, Health::Warning,
            QStringLiteral("SN-L1"), QStringLiteral("SN4600"));
        add(QStringLiteral("cnode-1"), DeviceKind::StorageCNode, r2->id, 5, 1, Health::Ok,
            QStringLiteral("SN-C1"), QStringLiteral("CNode"));
        add(QStringLiteral("pdu-a"), DeviceKind::Pdu, {}, std::nullopt, 1, Health::Unknown,
            QStringLiteral("SN-P1"), QStringLiteral("PDU"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

QTEST_GUILESS_MAIN(TestHardwareModels)
#include "tst_hardware_models.moc"
