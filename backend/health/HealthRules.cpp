#include "HealthRules.h"

#include <algorithm>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

// More names than this are counted, not listed.
constexpr int namesListed = 6;

QString listOf(const QStringList &names)
{
    if (names.size() <= namesListed)
        return names.join(u", "_s);
    return names.mid(0, namesListed).join(u", "_s)
        + u" and %1 more"_s.arg(names.size() - namesListed);
}

bool nodeDownByVms(const QString &state)
{
    return state == u"FAILED"_s || state == u"INACTIVE"_s || state == u"DOWN"_s;
}

bool isNvram(const Component &c)
{
    return c.name.contains(u"NVRAM"_s, Qt::CaseInsensitive)
        || c.model.contains(u"NVRAM"_s, Qt::CaseInsensitive) || c.model.contains(u"SCM"_s);
}

// How an operator names a part ("PSU1", "fan Fan 3" reads badly: "Fan 3").
QString partName(const Component &c)
{
    static const QHash<ComponentKind, QString> words {
        { ComponentKind::Psu, u"PSU"_s },       { ComponentKind::Fan, u"fan"_s },
        { ComponentKind::Drive, u"drive"_s },   { ComponentKind::Cpu, u"CPU"_s },
        { ComponentKind::Memory, u"memory"_s }, { ComponentKind::Nic, u"NIC"_s },
        { ComponentKind::Gpu, u"GPU"_s },
    };
    const QString word = words.value(c.kind);
    return c.name.startsWith(word, Qt::CaseInsensitive) ? c.name : word + u' ' + c.name;
}

// How a tenant hears of it.
QString partWord(const Component &c)
{
    switch (c.kind) {
    case ComponentKind::Psu:
        return u"power supply"_s;
    case ComponentKind::Fan:
        return u"fan"_s;
    case ComponentKind::Drive:
        return u"drive"_s;
    case ComponentKind::Cpu:
        return u"processor"_s;
    case ComponentKind::Memory:
        return u"memory module"_s;
    case ComponentKind::Nic:
        return u"network card"_s;
    case ComponentKind::Gpu:
        return u"accelerator"_s;
    }
    return u"part"_s;
}

enum class LinkView { Up, Down, Unknown };

LinkView linkState(const PathLink &l, const QHash<QString, DeviceFacts> &facts)
{
    auto end = [&facts](const QString &device, const QString &port) {
        const auto it = facts.constFind(device);
        if (it == facts.constEnd() || !it->reachable)
            return LinkState::Unknown; // what an unreachable BMC said last is not current
        return it->ports.value(port, LinkState::Unknown);
    };
    const LinkState a = end(l.device, l.port);
    const LinkState b = end(l.switchId, l.switchPort);
    if (a == LinkState::Down || b == LinkState::Down)
        return LinkView::Down;
    if (a == LinkState::Up || b == LinkState::Up)
        return LinkView::Up;
    return LinkView::Unknown;
}

struct Evaluation
{
    const Dependencies &deps;
    const DependencyGraph &graph;
    const QHash<QString, DeviceFacts> &facts;
    const RuleOptions &options;
    QList<HealthFinding> findings;

    QString name(const QString &id) const { return graph.nameOf(id); }
    DeviceFacts factsOf(const QString &id) const { return facts.value(id); }

    void add(HealthStatus status, const QString &reason, const QString &tenantReason,
             const QStringList &devices)
    {
        findings.append({ status, reason, tenantReason, devices });
    }

    QList<PathLink> linksOf(const QString &device) const
    {
        QList<PathLink> out;
        for (const PathLink &l : deps.links)
            if (l.device == device)
                out << l;
        return out;
    }

    // Cables down; true when the device has cables and none is up (cut off).
    bool checkLinks(const QString &device, const QString &tenantWhat)
    {
        const QList<PathLink> links = linksOf(device);
        QList<PathLink> down;
        for (const PathLink &l : links)
            if (linkState(l, facts) == LinkView::Down)
                down << l;
        if (!links.isEmpty() && down.size() == links.size())
            return true;
        for (const PathLink &l : down)
            add(HealthStatus::Degraded,
                u"switch port %1 %2 down on the path to %3"_s.arg(name(l.switchId), l.switchPort,
                                                                  name(device)),
                u"a network link to %1 is down; traffic uses the others"_s.arg(tenantWhat),
                { l.switchId, device });
        return false;
    }

    void checkMonitoring(const QString &device, const QString &tenantWhat)
    {
        const DeviceFacts f = factsOf(device);
        if (f.observed && !f.reachable)
            add(HealthStatus::Degraded,
                u"%1 unmonitored: its BMC %2"_s.arg(
                    name(device), f.bmcProblem.isEmpty() ? u"does not answer"_s : f.bmcProblem),
                u"%1 cannot be monitored right now"_s.arg(tenantWhat), { device });
    }

    // Parts with a spare: a failure reduces redundancy, the device still serves.
    void checkParts(const QString &device, const QString &tenantWhat, bool skipDrives)
    {
        for (const Component &c : factsOf(device).components) {
            if (c.health != Health::Critical && c.health != Health::Warning)
                continue;
            if (skipDrives && c.kind == ComponentKind::Drive)
                continue;
            const bool failed = c.health == Health::Critical;
            add(HealthStatus::Degraded,
                u"%1 %2 in %3"_s.arg(partName(c), failed ? u"failed"_s : u"reports a warning"_s,
                                     name(device)),
                u"%1 has a %2 %3 and still serves"_s.arg(
                    tenantWhat, failed ? u"failed"_s : u"faulty"_s, partWord(c)),
                { device });
        }
    }

    void cnodes()
    {
        const QString what = u"a storage node serving your endpoints"_s;
        QStringList down, cut, labels;
        for (const QString &c : deps.cnodes) {
            const DeviceFacts f = factsOf(c);
            if (f.systemDown || nodeDownByVms(f.vmsState)) {
                down << c;
                labels << name(c);
                continue;
            }
            if (checkLinks(c, what)) {
                cut << c;
                labels << name(c) + u": no link up"_s;
                continue;
            }
            checkMonitoring(c, what);
            checkParts(c, what, false);
        }
        const qsizetype n = deps.cnodes.size();
        const qsizetype out = down.size() + cut.size();
        if (out == 0)
            return;
        const QString state = cut.isEmpty() ? u"down"_s
            : down.isEmpty()                ? u"unreachable"_s
                                            : u"down or unreachable"_s;
        const QString pool = deps.vipPool.isEmpty() ? QString() : u" in VIP pool "_s + deps.vipPool;
        if (out == n) {
            add(HealthStatus::Down,
                u"all %1 CNodes%2 %3 (%4)"_s.arg(n).arg(pool, state, listOf(labels)),
                u"all storage nodes serving your endpoints are unreachable"_s, down + cut);
        } else {
            add(HealthStatus::Degraded,
                u"%1 of %2 CNodes%3 %4 (%5)"_s.arg(out).arg(n).arg(pool, state, listOf(labels)),
                out == 1
                    ? u"1 of %1 storage nodes serving your endpoints is down"_s.arg(n)
                    : u"%1 of %2 storage nodes serving your endpoints are down"_s.arg(out).arg(n),
                down + cut);
        }
    }

    void dboxes()
    {
        const QString what = u"the storage holding your data"_s;
        QStringList failedSsds, cutLabels, involved;
        QList<QPair<QString, QString>> failedNvram; // label, DBox
        int ssdsOut = 0;
        for (const QString &b : deps.dboxes) {
            const DeviceFacts f = factsOf(b);
            const int ssds = int(
                std::count_if(f.components.begin(), f.components.end(), [](const Component &c) {
                    return c.kind == ComponentKind::Drive && !isNvram(c);
                }));
            const bool down = f.systemDown || nodeDownByVms(f.vmsState);
            if (down || checkLinks(b, what)) {
                ssdsOut += ssds;
                cutLabels << (down ? u"%1 down"_s.arg(name(b))
                                   : u"%1 unreachable (no link up)"_s.arg(name(b)));
                involved << b;
                continue;
            }
            for (const Component &c : f.components) {
                if (c.kind != ComponentKind::Drive || c.health != Health::Critical)
                    continue;
                const QString label = u"%1 (%2)"_s.arg(name(b), c.name);
                if (isNvram(c)) {
                    failedNvram.append({ label, b });
                    continue;
                }
                failedSsds << label;
                ++ssdsOut;
                if (!involved.contains(b))
                    involved << b;
            }
            checkMonitoring(b, what);
            checkParts(b, what, true);
            for (const Component &c : f.components)
                if (c.kind == ComponentKind::Drive && c.health == Health::Warning)
                    add(HealthStatus::Degraded,
                        u"drive %1 in %2 reports a warning"_s.arg(c.name, name(b)),
                        u"a drive in the storage cluster reports a warning; your data is protected"_s,
                        { b });
        }
        const int tolerated = options.drivesCanFail;
        if (ssdsOut > tolerated) {
            QStringList parts = cutLabels;
            if (!failedSsds.isEmpty())
                parts << u"%1 failed: %2"_s.arg(
                    failedSsds.size() == 1 ? u"1 drive"_s : u"%1 drives"_s.arg(failedSsds.size()),
                    listOf(failedSsds));
            add(HealthStatus::Down,
                u"%1; %2 SSDs out, more than the %3 the erasure code tolerates"_s
                    .arg(parts.join(u"; "_s))
                    .arg(ssdsOut)
                    .arg(tolerated),
                u"more drives failed in the storage cluster than it can protect against: your data is unavailable"_s,
                involved);
        } else if (ssdsOut > 0) {
            QString reason = failedSsds.size() == 1 && cutLabels.isEmpty()
                ? u"drive failed in %1, data protected"_s.arg(failedSsds.constFirst())
                : u"%1, data protected (%2 SSDs out, the erasure code tolerates %3)"_s
                      .arg((cutLabels
                            + (failedSsds.isEmpty()
                                   ? QStringList()
                                   : QStringList { u"drives failed in "_s + listOf(failedSsds) }))
                               .join(u"; "_s))
                      .arg(ssdsOut)
                      .arg(tolerated);
            add(HealthStatus::Degraded, reason,
                ssdsOut == 1
                    ? u"a drive failed in the storage cluster; your data is protected"_s
                    : u"%1 drives failed in the storage cluster; your data is protected"_s.arg(
                        ssdsOut),
                involved);
        }
        for (const auto &[label, dbox] : std::as_const(failedNvram))
            add(HealthStatus::Degraded, u"NVRAM failed in %1, writes protected"_s.arg(label),
                u"a write buffer failed in the storage cluster; your data is protected"_s,
                { dbox });
    }

    void switches()
    {
        const QString what = u"part of the network to the storage"_s;
        for (const QString &s : deps.switches) {
            checkMonitoring(s, what);
            checkParts(s, what, false);
        }
    }
};

} // namespace

Verdict evaluateHardware(const Dependencies &dependencies, const DependencyGraph &graph,
                         const QHash<QString, DeviceFacts> &facts, const RuleOptions &options)
{
    Evaluation e { dependencies, graph, facts, options, {} };
    if (dependencies.cnodes.isEmpty() && dependencies.dboxes.isEmpty()) {
        e.add(HealthStatus::Unknown, u"no storage hardware discovered yet"_s,
              u"the storage serving you is not known yet"_s, {});
    } else {
        if (dependencies.cnodes.isEmpty())
            e.add(HealthStatus::Unknown,
                  u"no CNodes known for VIP pool %1"_s.arg(dependencies.vipPool),
                  u"the storage nodes serving your endpoints are not known yet"_s, {});
        e.cnodes();
        e.dboxes();
        e.switches();
    }
    Verdict v;
    // Worst first; the order found stays within one status.
    std::stable_sort(e.findings.begin(), e.findings.end(), [](const HealthFinding &a, const HealthFinding &b) {
        return severityRank(a.status) > severityRank(b.status);
    });
    v.findings = e.findings;
    v.status = v.findings.isEmpty() ? HealthStatus::Healthy : v.findings.constFirst().status;
    return v;
}

std::optional<Verdict> cellOverride(const Tenant &tenant, const QList<Service> &services)
{
    auto only = [](HealthStatus status, const QString &reason, const QString &tenantReason) {
        return Verdict { status, { { status, reason, tenantReason, {} } } };
    };
    auto inState = [&services](ServiceState state) {
        return std::any_of(services.begin(), services.end(),
                           [state](const Service &s) { return s.state == state; });
    };
    if (services.isEmpty())
        return only(HealthStatus::Disabled, u"not enabled"_s, u"not enabled"_s);
    if (!inState(ServiceState::Active))
        return inState(ServiceState::Enabling)
            ? only(HealthStatus::Unknown, u"being enabled"_s, u"being enabled"_s)
            : only(HealthStatus::Unknown, u"being disabled"_s, u"being disabled"_s);
    if (tenant.encryption.state == u"revoked"_s)
        return only(HealthStatus::Down,
                    u"the tenant's encryption key is revoked: the data is unreadable"_s,
                    u"your encryption key is revoked: the data is unreadable"_s);
    return std::nullopt;
}

Verdict evaluateCell(const Tenant &tenant, const QList<Service> &services, const Verdict &hardware)
{
    return cellOverride(tenant, services).value_or(hardware);
}

} // namespace NeoCloud
