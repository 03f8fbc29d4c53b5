#include "CommissioningRepository.h"

#include "Database.h"
#include "domain/Enums.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace NeoCloud {
namespace {

QString json(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString json(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); }
QJsonArray array(const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).array(); }
QVariant optionalInt(const std::optional<int> &v) { return v ? QVariant(*v) : QVariant(); }
std::optional<int> intOrNull(const QVariant &v) { return v.isNull() ? std::nullopt : std::optional<int>(v.toInt()); }

Status execute(QSqlQuery &q, const QString &sql, const QVariantList &values, const QString &what)
{
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return exec(q, what);
}

const QString planColumns = QStringLiteral("id, site, name, format, extra, sha256, created_at, created_by");

SitePlan planFrom(const QSqlQuery &q)
{
    SitePlan p;
    p.id = q.value(0).toString();
    p.site = q.value(1).toString();
    p.name = q.value(2).toString();
    const QString format = q.value(3).toString();
    p.format = format == QLatin1String("csv") ? PlanFormat::Csv : format == QLatin1String("netbox") ? PlanFormat::NetBox : PlanFormat::Json;
    p.extra = object(q.value(4));
    p.sha256 = q.value(5).toString();
    p.createdAt = q.value(6).toString();
    p.createdBy = q.value(7).toString();
    return p;
}

const QString runColumns = QStringLiteral("id, plan_id, previous_run_id, scan_id, site, created_at, created_by, snapshot, changes");

RunRecord runFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
            q.value(5).toString(), q.value(6).toString(), object(q.value(7)), array(q.value(8))};
}

const QString findingColumns = QStringLiteral(
    "id, finding_key, check_name, severity, status, problem, device, subject, expected, found, message, change, "
    "waiver_reason, waived_by, waived_at");

Finding findingFrom(const QSqlQuery &q)
{
    Finding f;
    f.id = q.value(0).toString();
    f.key = q.value(1).toString();
    f.check = q.value(2).toString();
    f.severity = parseEnum<Severity>(q.value(3).toString()).value_or(Severity::Warning);
    f.status = parseFindingStatus(q.value(4).toString()).value_or(FindingStatus::Fail);
    f.problem = q.value(5).toString();
    f.device = q.value(6).toString();
    f.subject = q.value(7).toString();
    f.expected = q.value(8).toString();
    f.found = q.value(9).toString();
    f.message = q.value(10).toString();
    f.change = q.value(11).toString();
    if (!q.value(12).isNull())
        f.waiver = Waiver{q.value(12).toString(), q.value(13).toString(), q.value(14).toString(), f.found};
    return f;
}

const QString reportColumns = QStringLiteral("id, run_id, sha256, html_sha256, data, created_at, created_by");

ReportRecord reportFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            object(q.value(4)),    q.value(5).toString(), q.value(6).toString()};
}

} // namespace

Status CommissioningRepository::insertPlan(const SitePlan &plan)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        if (Status s = execute(q, QStringLiteral("INSERT INTO commissioning_plans (") + planColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                           {text(plan.id), text(plan.site), text(plan.name), toString(plan.format), json(plan.extra), text(plan.sha256),
                            text(plan.createdAt), text(plan.createdBy)},
                           QStringLiteral("store a plan"));
            !s)
            return s;
        for (const PlanRack &r : plan.racks)
            if (Status s = execute(q, QStringLiteral("INSERT INTO commissioning_plan_racks (plan_id, name, units) VALUES (?, ?, ?)"),
                               {text(plan.id), text(r.name), r.units}, QStringLiteral("store a plan's rack"));
                !s)
                return s;
        int seq = 0;
        for (const PlanDevice &d : plan.devices)
            if (Status s = execute(q, QStringLiteral("INSERT INTO commissioning_plan_devices (plan_id, seq, name, rack, position, height_u, kind, "
                                                 "vendor, model, serial, asset_tag, bmc_url, firmware, expected_gpus, expected_drives, "
                                                 "expected_memory, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               {text(plan.id), seq++, text(d.name), nullable(d.rack), d.position ? QVariant(*d.position) : QVariant(),
                                d.heightU, toString(d.kind), text(d.vendor), text(d.model), text(d.serial), text(d.assetTag),
                                text(d.bmcUrl), text(d.firmware), optionalInt(d.expected.gpus), optionalInt(d.expected.drives),
                                optionalInt(d.expected.memory), json(d.extra)},
                               QStringLiteral("store a plan's device"));
                !s)
                return s;
        seq = 0;
        for (const PlanLink &l : plan.links)
            if (Status s = execute(q, QStringLiteral("INSERT INTO commissioning_plan_links (plan_id, seq, a_device, a_port, b_device, b_port, "
                                                 "speed_gbps, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                               {text(plan.id), seq++, text(l.a.device), text(l.a.port), text(l.b.device), text(l.b.port),
                                l.speedGbps ? QVariant(*l.speedGbps) : QVariant(), json(l.extra)},
                               QStringLiteral("store a plan's link"));
                !s)
                return s;
        return success();
    });
}

Result<SitePlan> CommissioningRepository::plan(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + planColumns + QStringLiteral(" FROM commissioning_plans WHERE id = ?"), {text(id)},
                       QStringLiteral("read a plan"));
        !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("plan"), id);
    SitePlan plan = planFrom(q);
    if (Status s = execute(q, QStringLiteral("SELECT name, units FROM commissioning_plan_racks WHERE plan_id = ? ORDER BY name"), {text(id)},
                       QStringLiteral("read a plan's racks"));
        !s)
        return s.error();
    while (q.next())
        plan.racks << PlanRack{q.value(0).toString(), q.value(1).toInt(), {}};
    if (Status s = execute(q, QStringLiteral("SELECT name, rack, position, height_u, kind, vendor, model, serial, asset_tag, bmc_url, firmware, "
                                         "expected_gpus, expected_drives, expected_memory, extra FROM commissioning_plan_devices "
                                         "WHERE plan_id = ? ORDER BY seq"),
                       {text(id)}, QStringLiteral("read a plan's devices"));
        !s)
        return s.error();
    while (q.next()) {
        PlanDevice d;
        d.name = q.value(0).toString();
        d.rack = q.value(1).toString();
        d.position = intOrNull(q.value(2));
        d.heightU = q.value(3).toInt();
        d.kind = parseEnum<DeviceKind>(q.value(4).toString()).value_or(DeviceKind::Other);
        d.vendor = q.value(5).toString();
        d.model = q.value(6).toString();
        d.serial = q.value(7).toString();
        d.assetTag = q.value(8).toString();
        d.bmcUrl = q.value(9).toString();
        d.firmware = q.value(10).toString();
        d.expected = {intOrNull(q.value(11)), intOrNull(q.value(12)), intOrNull(q.value(13))};
        d.extra = object(q.value(14));
        plan.devices << d;
    }
    if (Status s = execute(q, QStringLiteral("SELECT a_device, a_port, b_device, b_port, speed_gbps, extra FROM commissioning_plan_links "
                                         "WHERE plan_id = ? ORDER BY seq"),
                       {text(id)}, QStringLiteral("read a plan's links"));
        !s)
        return s.error();
    while (q.next()) {
        PlanLink l;
        l.a = {q.value(0).toString(), q.value(1).toString()};
        l.b = {q.value(2).toString(), q.value(3).toString()};
        if (!q.value(4).isNull())
            l.speedGbps = q.value(4).toDouble();
        l.extra = object(q.value(5));
        plan.links << l;
    }
    return plan;
}

Result<QList<PlanSummary>> CommissioningRepository::plans() const
{
    QSqlQuery q(m_db.connection());
    const QString sql = QStringLiteral("SELECT ") + planColumns
        + QStringLiteral(", (SELECT COUNT(*) FROM commissioning_plan_racks r WHERE r.plan_id = p.id), "
                         "(SELECT COUNT(*) FROM commissioning_plan_devices d WHERE d.plan_id = p.id), "
                         "(SELECT COUNT(*) FROM commissioning_plan_links l WHERE l.plan_id = p.id) "
                         "FROM commissioning_plans p ORDER BY created_at DESC, id");
    if (Status s = execute(q, sql, {}, QStringLiteral("list plans")); !s)
        return s.error();
    QList<PlanSummary> out;
    while (q.next())
        out << PlanSummary{planFrom(q), q.value(8).toInt(), q.value(9).toInt(), q.value(10).toInt()};
    return out;
}

Result<PlanSummary> CommissioningRepository::planSummary(const QString &id) const
{
    const auto all = plans();
    if (!all)
        return all.error();
    for (const PlanSummary &p : *all)
        if (p.plan.id == id)
            return p;
    return Error::notFound(QStringLiteral("plan"), id);
}

Status CommissioningRepository::insertRun(const RunRecord &r)
{
    QSqlQuery q(m_db.connection());
    return execute(q, QStringLiteral("INSERT INTO commissioning_runs (") + runColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {text(r.id), text(r.planId), nullable(r.previousRunId), nullable(r.scanId), text(r.site), text(r.createdAt),
                text(r.createdBy), json(r.snapshot), json(r.changes)},
               QStringLiteral("record a commissioning run"));
}

Result<RunRecord> CommissioningRepository::run(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM commissioning_runs WHERE id = ?"),
                                 {text(id)}, QStringLiteral("read a commissioning run"));
        !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("commissioning run"), id);
    return runFrom(q);
}

Result<QList<RunRecord>> CommissioningRepository::runs(const QString &planId) const
{
    QSqlQuery q(m_db.connection());
    const QString where = planId.isEmpty() ? QString() : QStringLiteral(" WHERE plan_id = ?");
    if (Status s = execute(q, QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM commissioning_runs") + where
                                        + QStringLiteral(" ORDER BY created_at DESC, id DESC"),
                                 planId.isEmpty() ? QVariantList() : QVariantList{text(planId)}, QStringLiteral("list commissioning runs"));
        !s)
        return s.error();
    QList<RunRecord> out;
    while (q.next())
        out << runFrom(q);
    return out;
}

Result<std::optional<RunRecord>> CommissioningRepository::latestCompletedRun(const QString &planId, const QString &exceptId) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + runColumns
                                        + QStringLiteral(" FROM commissioning_runs r WHERE plan_id = ? AND id <> ? AND EXISTS "
                                                         "(SELECT 1 FROM commissioning_findings f WHERE f.run_id = r.id) "
                                                         "ORDER BY created_at DESC, id DESC LIMIT 1"),
                                 {text(planId), text(exceptId)}, QStringLiteral("find the previous run"));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(runFrom(q));
}

Status CommissioningRepository::completeRun(const RunRecord &r, const QList<Finding> &findings)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        if (Status s = execute(q, QStringLiteral("UPDATE commissioning_runs SET scan_id = ?, snapshot = ?, changes = ?, previous_run_id = ? WHERE id = ?"),
                                     {nullable(r.scanId), json(r.snapshot), json(r.changes), nullable(r.previousRunId), text(r.id)},
                                     QStringLiteral("complete a commissioning run"));
            !s)
            return s;
        if (Status s = execute(q, QStringLiteral("DELETE FROM commissioning_findings WHERE run_id = ?"), {text(r.id)},
                                     QStringLiteral("replace findings"));
            !s)
            return s;
        int seq = 0;
        for (const Finding &f : findings) {
            const bool waived = f.status == FindingStatus::Waived && f.waiver;
            if (Status s = execute(q, QStringLiteral("INSERT INTO commissioning_findings (run_id, seq, ") + findingColumns
                                                + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                         {text(r.id), seq++, text(f.id), text(f.key), text(f.check), toString(f.severity),
                                          toString(waived ? FindingStatus::Waived : f.status == FindingStatus::Waived ? FindingStatus::Fail : f.status),
                                          text(f.problem), text(f.device), text(f.subject), text(f.expected), text(f.found), text(f.message),
                                          text(f.change), waived ? QVariant(f.waiver->reason) : QVariant(),
                                          waived ? QVariant(f.waiver->by) : QVariant(), waived ? QVariant(f.waiver->at) : QVariant()},
                                         QStringLiteral("store a finding"));
                !s)
                return s;
        }
        return success();
    });
}

Result<QList<Finding>> CommissioningRepository::findings(const QString &runId) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + findingColumns + QStringLiteral(" FROM commissioning_findings WHERE run_id = ? ORDER BY seq"),
                                 {text(runId)}, QStringLiteral("read findings"));
        !s)
        return s.error();
    QList<Finding> out;
    while (q.next())
        out << findingFrom(q);
    return out;
}

Status CommissioningRepository::updateFinding(const QString &runId, const Finding &f)
{
    QSqlQuery q(m_db.connection());
    const bool waived = f.status == FindingStatus::Waived && f.waiver;
    return execute(q, QStringLiteral("UPDATE commissioning_findings SET status = ?, waiver_reason = ?, waived_by = ?, waived_at = ? "
                                           "WHERE run_id = ? AND id = ?"),
                         {toString(f.status), waived ? QVariant(f.waiver->reason) : QVariant(), waived ? QVariant(f.waiver->by) : QVariant(),
                          waived ? QVariant(f.waiver->at) : QVariant(), text(runId), text(f.id)},
                         QStringLiteral("update a finding"));
}

Result<QHash<QString, Waiver>> CommissioningRepository::waivers(const QString &planId) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT finding_key, reason, waived_by, waived_at, found FROM commissioning_waivers WHERE plan_id = ?"),
                                 {text(planId)}, QStringLiteral("read waivers"));
        !s)
        return s.error();
    QHash<QString, Waiver> out;
    while (q.next())
        out.insert(q.value(0).toString(), Waiver{q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    return out;
}

Status CommissioningRepository::putWaiver(const QString &planId, const QString &key, const Waiver &w)
{
    return m_db.transaction([&]() -> Status {
        if (Status s = removeWaiver(planId, key); !s)
            return s;
        QSqlQuery q(m_db.connection());
        return execute(q, QStringLiteral("INSERT INTO commissioning_waivers (plan_id, finding_key, found, reason, waived_by, waived_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?)"),
                             {text(planId), text(key), text(w.found), text(w.reason), text(w.by), text(w.at)}, QStringLiteral("store a waiver"));
    });
}

Status CommissioningRepository::removeWaiver(const QString &planId, const QString &key)
{
    QSqlQuery q(m_db.connection());
    return execute(q, QStringLiteral("DELETE FROM commissioning_waivers WHERE plan_id = ? AND finding_key = ?"), {text(planId), text(key)},
                         QStringLiteral("remove a waiver"));
}

Status CommissioningRepository::insertReport(const ReportRecord &r)
{
    QSqlQuery q(m_db.connection());
    return execute(q, QStringLiteral("INSERT INTO commissioning_reports (") + reportColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)"),
                         {text(r.id), text(r.runId), text(r.sha256), text(r.htmlSha256), json(r.data), text(r.createdAt), text(r.createdBy)},
                         QStringLiteral("store a report"));
}

Result<ReportRecord> CommissioningRepository::report(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + reportColumns + QStringLiteral(" FROM commissioning_reports WHERE id = ?"),
                                 {text(id)}, QStringLiteral("read a report"));
        !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("report"), id);
    return reportFrom(q);
}

Result<std::optional<ReportRecord>> CommissioningRepository::reportBySha(const QString &sha256) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + reportColumns
                                        + QStringLiteral(" FROM commissioning_reports WHERE sha256 = ? OR html_sha256 = ? ORDER BY created_at LIMIT 1"),
                                 {text(sha256), text(sha256)}, QStringLiteral("find a report"));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<ReportRecord>();
    return std::optional<ReportRecord>(reportFrom(q));
}

Result<std::optional<ReportRecord>> CommissioningRepository::latestReport(const QString &runId) const
{
    QSqlQuery q(m_db.connection());
    if (Status s = execute(q, QStringLiteral("SELECT ") + reportColumns
                                        + QStringLiteral(" FROM commissioning_reports WHERE run_id = ? ORDER BY created_at DESC, id DESC LIMIT 1"),
                                 {text(runId)}, QStringLiteral("read the newest report of a run"));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<ReportRecord>();
    return std::optional<ReportRecord>(reportFrom(q));
}

} // namespace NeoCloud
