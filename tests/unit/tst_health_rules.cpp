// The health rules on the demo lab's own hardware: every device's facts are read from the Redfish
// tree its lab BMC serves (faults applied the way the lab applies them), the dependency graph from
// the lab's cabling. Each row names a fault and the exact cell it must make, in the operator's
// words and in the tenant's.

#include "health/DependencyGraph.h"
#include "health/HardwareFacts.h"
#include "health/HealthRules.h"
#include "lab/LabTrees.h"
#include "redfish/RedfishInventory.h"

#include <QTest>
#include <functional>

using namespace NeoCloud;
using namespace Qt::StringLiterals;

namespace {

struct LabSite
{
    LabDefinition lab;
    QList<Device> devices;
    QList<Link> links;
};

LabSite demoSite()
{
    LabSite s;
    s.lab = *LabDefinition::load(QStringLiteral(NEOCLOUD_SOURCE_DIR "/resources/labs/demo.json"));
    for (const LabDevice &d : s.lab.devices) {
        Device device = inventoryFromTree(buildLabTree(s.lab, d)).device;
        device.id = d.name; // ids are opaque; names make the rows readable
        device.serial = d.serial;
        s.devices << device;
        for (const LabPort &p : d.ports)
            if (!p.peerDevice.isEmpty() && d.name < p.peerDevice)
                s.links << Link { d.name + p.name,    {},
                                  { d.name, p.name }, { p.peerDevice, p.peerPort },
                                  p.speedGbps,        LinkSource::Lldp };
    }
    return s;
}

// Faults as the lab applies them, both ends of a downed cable included.
QHash<QString, DeviceFacts> factsWith(const LabSite &site, const DependencyGraph &graph,
                                      const QList<LabFault> &faults,
                                      const QStringList &unreachable = {},
                                      const QHash<QString, QString> &vms = {})
{
    QHash<QString, DeviceFacts> facts;
    for (const QString &id : graph.watchedDevices()) {
        const LabDevice *d = site.lab.device(id);
        RedfishTree tree = buildLabTree(site.lab, *d);
        for (const LabFault &f : faults) {
            if (f.device == id)
                applyTreeFault(tree, *d, f);
            if (f.kind == u"link-down"_s && f.device != id)
                for (const LabPort &p : site.lab.device(f.device)->ports)
                    if (p.name == f.component && p.peerDevice == id)
                        setPortDown(tree, *d, p.peerPort);
        }
        DeviceFacts known;
        known.id = id;
        known.name = id;
        known.kind = d->tmpl->kind;
        known.vmsState = vms.value(id);
        DeviceFacts f = factsFromTree(tree, known);
        if (unreachable.contains(id))
            f = unreachableFacts(f, u"does not answer"_s);
        facts.insert(id, f);
    }
    return facts;
}

LabFault fault(const QString &device, const QString &kind, const QString &component = {})
{
    LabFault f;
    f.device = device;
    f.kind = kind;
    f.component = component;
    return f;
}

// The leaf port cabled to a device's port.
QString leafPortTo(const LabSite &site, const QString &device, const QString &port)
{
    for (const LabPort &p : site.lab.device(device)->ports)
        if (p.name == port)
            return p.peerPort;
    return {};
}

Service active(const QString &kind)
{
    Service s;
    s.id = u"svc-"_s + kind;
    s.tenantId = u"t-acme"_s;
    s.kind = kind;
    s.state = ServiceState::Active;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(NeoCloud::LabFault)

class TestHealthRules : public QObject
{
    Q_OBJECT

    LabSite m_site = demoSite();
    DependencyGraph m_graph = DependencyGraph::build(m_site.devices, m_site.links, {});

    Verdict verdict(const QHash<QString, DeviceFacts> &facts, const QString &pool = u"acme-vip"_s)
    {
        return evaluateHardware(m_graph.forPool(pool), m_graph, facts, {});
    }

private Q_SLOTS:
    void theGraphIsTheStorageAndItsLeaf()
    {
        const Dependencies d = m_graph.forPool(u"acme-vip"_s);
        QCOMPARE(d.cnodes,
                 (QStringList { u"cnode-01"_s, u"cnode-02"_s, u"cnode-03"_s, u"cnode-04"_s }));
        QCOMPARE(d.dboxes,
                 (QStringList { u"dbox-01"_s, u"dbox-02"_s, u"dbox-03"_s, u"dbox-04"_s }));
        QCOMPARE(d.switches, QStringList { u"leaf-s01"_s });
        QCOMPARE(d.links.size(), 16); // two uplinks per CNode and DBox
        QCOMPARE(m_graph.roleOf(u"gpu-g01-01"_s), DeviceRole::None);
        QCOMPARE(m_graph.roleOf(u"leaf-g01"_s), DeviceRole::None); // no storage behind it
        QCOMPARE(m_graph.roleOf(u"leaf-s01"_s), DeviceRole::Switch);
        QCOMPARE(m_graph.roleOf(u"dbox-03"_s), DeviceRole::DBox);
    }

    void aHealthySiteIsHealthy()
    {
        const Verdict v = verdict(factsWith(m_site, m_graph, {}));
        QCOMPARE(toString(v.status), u"healthy"_s);
        QCOMPARE(v.reason(), QString());
    }

    void faultsMakeTheirCell_data()
    {
        QTest::addColumn<QList<LabFault>>("faults");
        QTest::addColumn<QStringList>("unreachable");
        QTest::addColumn<QString>("vmsFailed");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("tenantReason");

        const QString swp = leafPortTo(m_site, u"cnode-03"_s, u"eth0"_s);
        QTest::newRow("ssd failed")
            << QList<LabFault> { fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD3"_s) }
            << QStringList() << QString()
            << u"degraded: drive failed in dbox-01 (SSD3), data protected"_s
            << u"degraded: a drive failed in the storage cluster; your data is protected"_s;
        QTest::newRow("two ssds failed")
            << QList<LabFault> { fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD3"_s),
                                 fault(u"dbox-04"_s, u"drive-failed"_s, u"SSD1"_s) }
            << QStringList() << QString()
            << u"degraded: drives failed in dbox-01 (SSD3), dbox-04 (SSD1), data protected (2 SSDs out, the erasure code tolerates 2)"_s
            << u"degraded: 2 drives failed in the storage cluster; your data is protected"_s;
        QTest::newRow("three ssds failed")
            << QList<LabFault> { fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD3"_s),
                                 fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD4"_s),
                                 fault(u"dbox-02"_s, u"drive-failed"_s, u"SSD1"_s) }
            << QStringList() << QString()
            << u"down: 3 drives failed: dbox-01 (SSD3), dbox-01 (SSD4), dbox-02 (SSD1); 3 SSDs out, more than the 2 the erasure code tolerates"_s
            << u"down: more drives failed in the storage cluster than it can protect against: your data is unavailable"_s;
        QTest::newRow("nvram failed")
            << QList<LabFault> { fault(u"dbox-02"_s, u"drive-failed"_s, u"NVRAM2"_s) }
            << QStringList() << QString()
            << u"degraded: NVRAM failed in dbox-02 (NVRAM2), writes protected"_s
            << u"degraded: a write buffer failed in the storage cluster; your data is protected"_s;
        QTest::newRow("cnode down")
            << QList<LabFault> { fault(u"cnode-02"_s, u"cnode-down"_s) } << QStringList()
            << QString() << u"degraded: 1 of 4 CNodes in VIP pool acme-vip down (cnode-02)"_s
            << u"degraded: 1 of 4 storage nodes serving your endpoints is down"_s;
        QTest::newRow("cnode failed in vms only")
            << QList<LabFault>() << QStringList() << u"cnode-04"_s
            << u"degraded: 1 of 4 CNodes in VIP pool acme-vip down (cnode-04)"_s
            << u"degraded: 1 of 4 storage nodes serving your endpoints is down"_s;
        QTest::newRow("every cnode down")
            << QList<LabFault> { fault(u"cnode-01"_s, u"cnode-down"_s),
                                 fault(u"cnode-02"_s, u"cnode-down"_s),
                                 fault(u"cnode-03"_s, u"cnode-down"_s),
                                 fault(u"cnode-04"_s, u"cnode-down"_s) }
            << QStringList() << QString()
            << u"down: all 4 CNodes in VIP pool acme-vip down (cnode-01, cnode-02, cnode-03, cnode-04)"_s
            << u"down: all storage nodes serving your endpoints are unreachable"_s;
        QTest::newRow("switch port down")
            << QList<LabFault> { fault(u"leaf-s01"_s, u"link-down"_s, swp) } << QStringList()
            << QString()
            << u"degraded: switch port leaf-s01 %1 down on the path to cnode-03"_s.arg(swp)
            << u"degraded: a network link to a storage node serving your endpoints is down; traffic uses the others"_s;
        QTest::newRow("cnode cut off")
            << QList<LabFault> { fault(u"cnode-03"_s, u"link-down"_s, u"eth0"_s),
                                 fault(u"cnode-03"_s, u"link-down"_s, u"eth1"_s) }
            << QStringList() << QString()
            << u"degraded: 1 of 4 CNodes in VIP pool acme-vip unreachable (cnode-03: no link up)"_s
            << u"degraded: 1 of 4 storage nodes serving your endpoints is down"_s;
        QTest::newRow("dbox cut off")
            << QList<LabFault> { fault(u"dbox-03"_s, u"link-down"_s, u"eth0"_s),
                                 fault(u"dbox-03"_s, u"link-down"_s, u"eth1"_s) }
            << QStringList() << QString()
            << u"down: dbox-03 unreachable (no link up); 22 SSDs out, more than the 2 the erasure code tolerates"_s
            << u"down: more drives failed in the storage cluster than it can protect against: your data is unavailable"_s;
        QTest::newRow("cnode psu failed")
            << QList<LabFault> { fault(u"cnode-01"_s, u"psu-failed"_s, u"PSU2"_s) } << QStringList()
            << QString() << u"degraded: PSU2 failed in cnode-01"_s
            << u"degraded: a storage node serving your endpoints has a failed power supply and still serves"_s;
        QTest::newRow("leaf psu failed")
            << QList<LabFault> { fault(u"leaf-s01"_s, u"psu-failed"_s) } << QStringList()
            << QString() << u"degraded: PSU1 failed in leaf-s01"_s
            << u"degraded: part of the network to the storage has a failed power supply and still serves"_s;
        QTest::newRow("cnode bmc down")
            << QList<LabFault>() << QStringList { u"cnode-01"_s } << QString()
            << u"degraded: cnode-01 unmonitored: its BMC does not answer"_s
            << u"degraded: a storage node serving your endpoints cannot be monitored right now"_s;
        QTest::newRow("gpu failed elsewhere")
            << QList<LabFault> { fault(u"gpu-g01-01"_s, u"gpu-failed"_s) } << QStringList()
            << QString() << QString() << QString();
        QTest::newRow("down outranks degraded")
            << QList<LabFault> { fault(u"cnode-01"_s, u"psu-failed"_s),
                                 fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD1"_s),
                                 fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD2"_s),
                                 fault(u"dbox-01"_s, u"drive-failed"_s, u"SSD5"_s) }
            << QStringList() << QString()
            << u"down: 3 drives failed: dbox-01 (SSD1), dbox-01 (SSD2), dbox-01 (SSD5); 3 SSDs out, more than the 2 the erasure code tolerates; PSU1 failed in cnode-01"_s
            << u"down: more drives failed in the storage cluster than it can protect against: your data is unavailable; a storage node serving your endpoints has a failed power supply and still serves"_s;
    }

    void faultsMakeTheirCell()
    {
        QFETCH(QList<LabFault>, faults);
        QFETCH(QStringList, unreachable);
        QFETCH(QString, vmsFailed);
        QFETCH(QString, reason);
        QFETCH(QString, tenantReason);
        QHash<QString, QString> vms;
        if (!vmsFailed.isEmpty())
            vms.insert(vmsFailed, u"FAILED"_s);
        const Verdict v = verdict(factsWith(m_site, m_graph, faults, unreachable, vms));
        QCOMPARE(v.reason(), reason);
        QCOMPARE(v.tenantReason(), tenantReason);
        QCOMPARE(toString(v.status), reason.isEmpty() ? u"healthy"_s : reason.section(u':', 0, 0));
        // A tenant never reads hardware names or serials.
        for (const QString &word : { u"cnode"_s, u"dbox"_s, u"leaf"_s, u"SSD"_s, u"PSU"_s,
                                     m_site.lab.device(u"dbox-01"_s)->serial })
            QVERIFY2(!v.tenantReason().contains(word), qPrintable(v.tenantReason()));
    }

    void aPoolVmsDescribesUsesOnlyItsCNodes()
    {
        VmsView vms;
        vms.available = true;
        for (const QString &n : { u"cnode-01"_s, u"cnode-02"_s, u"cnode-03"_s, u"cnode-04"_s })
            vms.cnodes << VmsNodeState { n, m_site.lab.device(n)->serial, u"ACTIVE"_s };
        vms.poolCNodes.insert(u"small-vip"_s, { u"cnode-01"_s, u"cnode-02"_s });
        const DependencyGraph graph = DependencyGraph::build(m_site.devices, m_site.links, vms);
        QCOMPARE(graph.forPool(u"small-vip"_s).cnodes,
                 (QStringList { u"cnode-01"_s, u"cnode-02"_s }));
        QCOMPARE(graph.forPool(u"other-vip"_s).cnodes.size(), 4);
        QVERIFY(!graph.servesPool(u"cnode-03"_s, u"small-vip"_s));
        QVERIFY(graph.servesPool(u"cnode-03"_s, u"other-vip"_s));
        const auto facts = factsWith(m_site, graph, { fault(u"cnode-03"_s, u"cnode-down"_s) });
        QCOMPARE(toString(evaluateHardware(graph.forPool(u"small-vip"_s), graph, facts, {}).status),
                 u"healthy"_s);
        QCOMPARE(evaluateHardware(graph.forPool(u"other-vip"_s), graph, facts, {}).reason(),
                 u"degraded: 1 of 4 CNodes in VIP pool other-vip down (cnode-03)"_s);
    }

    void noHardwareIsUnknown()
    {
        const DependencyGraph empty = DependencyGraph::build({}, {}, {});
        const Verdict v = evaluateHardware(empty.forPool(u"acme-vip"_s), empty, {}, {});
        QCOMPARE(toString(v.status), u"unknown"_s);
        QCOMPARE(v.reason(), u"unknown: no storage hardware discovered yet"_s);
    }

    void cellsFollowTheServiceState()
    {
        Tenant acme;
        acme.name = u"acme"_s;
        Verdict degraded { HealthStatus::Degraded,
                           { { HealthStatus::Degraded, u"x"_s, u"y"_s, {} } } };
        QCOMPARE(toString(evaluateCell(acme, {}, degraded).status), u"disabled"_s);
        Service enabling = active(u"database"_s);
        enabling.state = ServiceState::Enabling;
        QCOMPARE(evaluateCell(acme, { enabling }, degraded).reason(), u"unknown: being enabled"_s);
        QCOMPARE(evaluateCell(acme, { enabling, active(u"database"_s) }, degraded).reason(),
                 u"degraded: x"_s);
        acme.encryption.state = u"revoked"_s;
        const Verdict revoked = evaluateCell(acme, { active(u"database"_s) }, degraded);
        QCOMPARE(toString(revoked.status), u"down"_s);
        QCOMPARE(revoked.tenantReason(),
                 u"down: your encryption key is revoked: the data is unreadable"_s);
    }

    void factsComeFromTheStatusFields()
    {
        const LabDevice *cnode = m_site.lab.device(u"cnode-02"_s);
        DeviceFacts known;
        known.id = cnode->name;
        RedfishTree tree = buildLabTree(m_site.lab, *cnode);
        QVERIFY(!factsFromTree(tree, known).systemDown);
        applyTreeFault(tree, *cnode, fault(cnode->name, u"cnode-down"_s));
        QVERIFY(factsFromTree(tree, known).systemDown);

        // From the stored inventory: a host critical with no part critical is down; a failed PSU is
        // not.
        Device stored = inventoryFromTree(tree).device;
        QVERIFY(factsFromDevice(stored).systemDown);
        RedfishTree psu = buildLabTree(m_site.lab, *cnode);
        applyTreeFault(psu, *cnode, fault(cnode->name, u"psu-failed"_s));
        stored = inventoryFromTree(psu).device;
        QCOMPARE(stored.health, Health::Critical);
        QVERIFY(!factsFromDevice(stored).systemDown);
        stored.state = u"unreachable"_s;
        QVERIFY(!factsFromDevice(stored).reachable);
    }
};

QTEST_GUILESS_MAIN(TestHealthRules)
#include "tst_health_rules.moc"
