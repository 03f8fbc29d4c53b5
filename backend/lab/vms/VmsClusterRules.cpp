// The cluster VMS manages, described from the lab definition: one cluster whose capacity comes
// from its DBoxes' drives, its CNodes and DBoxes (a cnode-down fault shows as a FAILED CNode),
// and the VTasks of asynchronous operations.

#include "VmsCollections.h"
#include "VmsHardware.h"
#include "VmsRules.h"
#include "VmsTasks.h"
#include "lab/LabDefinition.h"

#include <QCryptographicHash>
#include <QUuid>
#include <cmath>

namespace NeoCloud {

using namespace Qt::StringLiterals;

namespace {

constexpr double terabyte = 1e12;

QString stableGuid(const QString &seed)
{
    const QByteArray hash
        = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1).left(16);
    return QUuid::fromRfc4122(hash).toString(QUuid::WithoutBraces);
}

double percent(qint64 part, qint64 whole)
{
    return whole ? std::round(1000.0 * double(part) / double(whole)) / 10.0 : 0.0;
}

QJsonObject cluster(const VmsCollections &c)
{
    const VmsHardware &hw = c.context().hardware;
    // Block volumes count as written in full; nothing else in the lab holds data.
    qint64 logicalUsed = 0;
    for (const VmsObject &v : c.context().store.all(u"volumes"_s))
        logicalUsed += v.body.value(u"size"_s).toInteger();
    const qint64 physicalUsed = qint64(double(logicalUsed) / hw.drr);
    const qint64 usableUsed = qMin(physicalUsed, hw.usableBytes);
    const bool degraded = std::any_of(hw.cnodes.begin(), hw.cnodes.end(), [&](const VmsNode &n) {
        return c.context().downNodes.contains(n.name);
    });
    QJsonObject out {
        { u"id"_s, 1 },
        { u"guid"_s, stableGuid(hw.clusterName) },
        { u"name"_s, hw.clusterName },
        { u"title"_s, hw.clusterName },
        { u"url"_s, QString(c.context().baseUrl + u"/clusters/1"_s) },
        { u"psnt"_s, hw.psnt },
        { u"sw_version"_s, hw.swVersion },
        { u"build"_s, QString(u"release-"_s + hw.swVersion) },
        { u"state"_s, u"ONLINE"_s },
        { u"enabled"_s, true },
        { u"leader_state"_s, u"UP"_s },
        { u"ssd_raid_state"_s, degraded ? u"DEGRADED"_s : u"HEALTHY"_s },
        { u"drr"_s, hw.drr },
        { u"drr_text"_s, u"%1:1"_s.arg(hw.drr, 0, 'f', 1) },
        { u"usable_capacity_bytes"_s, hw.usableBytes },
        { u"usable_capacity_tb"_s, double(hw.usableBytes) / terabyte },
        { u"free_usable_capacity"_s, hw.usableBytes - usableUsed },
        { u"free_usable_capacity_tb"_s, double(hw.usableBytes - usableUsed) / terabyte },
        { u"drive_size"_s, hw.dboxes.isEmpty() ? 0 : hw.dboxes.constFirst().driveBytes },
        { u"nvram_size"_s, hw.nvramCount ? labNvramDriveBytes : 0 },
        { u"raid_drives_can_fail"_s, VmsHardware::stripeParity - 2 }
    };
    // VMS names its physical and logical figures alike: <kind>_space, _in_use, free_<kind>_space.
    for (const auto &[kind, total, used] :
         { std::tuple { u"physical"_s, hw.physicalBytes, physicalUsed },
           std::tuple { u"logical"_s, hw.logicalBytes, logicalUsed } }) {
        out.insert(kind + u"_space"_s, total);
        out.insert(kind + u"_space_tb"_s, double(total) / terabyte);
        out.insert(kind + u"_space_in_use"_s, used);
        out.insert(kind + u"_space_in_use_tb"_s, double(used) / terabyte);
        out.insert(kind + u"_space_in_use_percent"_s, percent(used, total));
        out.insert(u"free_"_s + kind + u"_space"_s, double(total - used));
        out.insert(u"free_"_s + kind + u"_space_tb"_s, double(total - used) / terabyte);
    }
    return out;
}

// What CNodes and DBoxes have in common: the n-th (1-based id) box of its kind on the cluster.
QJsonObject box(const VmsContext &ctx, const QString &collection, int index, const VmsNode &n)
{
    return { { u"id"_s, index + 1 },
             { u"guid"_s, stableGuid(n.serial) },
             { u"name"_s, n.name },
             { u"title"_s, n.name },
             { u"url"_s, u"%1/%2/%3"_s.arg(ctx.baseUrl, collection).arg(index + 1) },
             { u"box_vendor"_s, n.vendor },
             { u"cluster"_s, ctx.hardware.clusterName },
             { u"cluster_id"_s, 1 } };
}

QJsonObject cnode(const VmsContext &ctx, int index)
{
    const VmsNode &n = ctx.hardware.cnodes.at(index);
    const bool down = ctx.downNodes.contains(n.name);
    QJsonObject out = box(ctx, u"cnodes"_s, index, n);
    const QList<std::pair<QString, QJsonValue>> fields {
        { u"hostname"_s, n.name },
        { u"sn"_s, n.serial },
        { u"os_version"_s, n.firmware },
        { u"build"_s, QString(u"release-"_s + ctx.hardware.swVersion) },
        { u"position"_s, u"%1 U%2"_s.arg(n.rack).arg(n.position) },
        { u"state"_s, down ? u"FAILED"_s : u"ACTIVE"_s },
        { u"display_state"_s, down ? u"Failed"_s : u"Active"_s },
        { u"enabled"_s, !down },
        { u"is_mgmt"_s, index == 0 }
    };
    for (const auto &[key, value] : fields)
        out.insert(key, value);
    return out;
}

QJsonObject dbox(const VmsContext &ctx, int index)
{
    const VmsNode &n = ctx.hardware.dboxes.at(index);
    QJsonObject out = box(ctx, u"dboxes"_s, index, n);
    const QList<std::pair<QString, QJsonValue>> fields { { u"uid"_s, n.serial },
                                                         { u"hardware_type"_s, n.model },
                                                         { u"drive_type"_s, u"QLC"_s },
                                                         { u"rack_name"_s, n.rack },
                                                         { u"index_in_rack"_s,
                                                           qMax(1, n.position) },
                                                         { u"state"_s, u"ACTIVE"_s } };
    for (const auto &[key, value] : fields)
        out.insert(key, value);
    return out;
}

// GET /<name>/ and /<name>/{id}/ over objects the lab definition makes, not the store.
void serveGenerated(VmsCollections &c, const QString &name, const QString &schemaRef,
                    qsizetype count, std::function<QJsonObject(int index)> make)
{
    c.routes().insert(routeKey(u"GET"_s, u"/%1/"_s.arg(name)),
                      [&c, schemaRef, count, make](const VmsLabRequest &r) {
                          QList<QJsonObject> items;
                          for (int i = 0; i < count; ++i)
                              items << make(i);
                          return listReply(c.context().spec, r, items,
                                           c.context().spec.schema(schemaRef));
                      });
    c.routes().insert(
        routeKey(u"GET"_s, u"/%1/{id}/"_s.arg(name)), [count, make](const VmsLabRequest &r) {
            return r.id() >= 1 && r.id() <= count ? VmsLabReply::json(make(r.id() - 1))
                                                  : VmsLabReply::notFound();
        });
}

// GET /clusters/dboxes_total_capacity/?ids=1,2: the drives of those DBoxes.
VmsLabReply dboxCapacity(const VmsContext &ctx, const VmsLabRequest &r)
{
    const QString ids = r.query.queryItemValue(u"ids"_s);
    if (ids.isEmpty())
        return VmsLabReply::field(
            u"ids"_s, u"This query parameter is required: DBox ids separated by commas."_s);
    qint64 ssdBytes = 0, nvramBytes = 0;
    int ssds = 0, nvrams = 0;
    for (const QString &text : ids.split(u',')) {
        bool ok = false;
        const int id = text.trimmed().toInt(&ok);
        if (!ok || id < 1 || id > ctx.hardware.dboxes.size())
            return VmsLabReply::field(u"ids"_s, u"There is no DBox %1."_s.arg(text));
        const VmsNode &n = ctx.hardware.dboxes.at(id - 1);
        ssds += n.drives;
        ssdBytes += n.drives * n.driveBytes;
        nvrams += n.nvram;
        nvramBytes += n.nvram * labNvramDriveBytes;
    }
    return VmsLabReply::json(QJsonObject { { u"ssd_number"_s, ssds },
                                           { u"ssd_capacity"_s, ssdBytes },
                                           { u"nvram_number"_s, nvrams },
                                           { u"nvram_capacity"_s, nvramBytes } });
}

} // namespace

void addClusterRules(VmsCollections &c)
{
    serveGenerated(c, u"clusters"_s, u"#/components/schemas/Cluster"_s, 1,
                   [&c](int) { return cluster(c); });
    serveGenerated(c, u"cnodes"_s, u"#/components/schemas/CNode"_s,
                   c.context().hardware.cnodes.size(),
                   [&c](int i) { return cnode(c.context(), i); });
    serveGenerated(c, u"dboxes"_s, u"#/components/schemas/DBox"_s,
                   c.context().hardware.dboxes.size(),
                   [&c](int i) { return dbox(c.context(), i); });
    c.routes().insert(routeKey(u"GET"_s, u"/clusters/dboxes_total_capacity/"_s),
                      [&c](const VmsLabRequest &r) { return dboxCapacity(c.context(), r); });
    c.add({ VmsTasks::collection,
            u"#/components/schemas/VTask"_s,
            u"task"_s,
            true,
            false,
            {},
            {},
            {},
            {} });
}

} // namespace NeoCloud
