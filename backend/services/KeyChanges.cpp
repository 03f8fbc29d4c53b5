// Customer-managed keys, the ServiceEngine's part: what rotating or revoking a tenant's key does
// to its services (shown before it is done), and the change itself as a one-step job.

#include "ServiceEngine.h"

#include "EngineRun.h"

#include "ServiceProvider.h"
#include "core/Ids.h"
#include "core/Time.h"
#include "domain/Enums.h"
#include "store/JobRepository.h"
#include "store/ServiceRepository.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"

#include <QJsonArray>
#include <QTimer>

namespace NeoCloud {

Result<KeyImpact> ServiceEngine::keyImpact(const QString &tenantId, bool revoke) const
{
    auto tenant = m_tenants.get(tenantId);
    if (!tenant)
        return tenant.error();
    if (tenant->encryption.state == QLatin1String("none"))
        return Error::conflict(QStringLiteral("no_customer_key"),
                               QStringLiteral("Tenant %1 uses the cluster's key; it has no key of its own to %2.")
                                   .arg(tenant->name, revoke ? QStringLiteral("revoke") : QStringLiteral("rotate")));
    if (tenant->encryption.state == QLatin1String("revoked"))
        return Error::conflict(QStringLiteral("key_revoked"),
                               QStringLiteral("The key of tenant %1 is revoked already.").arg(tenant->name));
    auto foundation = m_services.foundation(tenantId);
    if (!foundation)
        return foundation.error();
    bool onProvider = false;
    for (const QJsonValue &v : *foundation)
        onProvider = onProvider || (v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("tenant") &&
                                    v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("done"));
    if (!onProvider)
        return Error::conflict(QStringLiteral("nothing_encrypted"),
                               QStringLiteral("Tenant %1 has nothing on VAST yet: its key is made with its first service.").arg(tenant->name));
    auto live = m_services.liveByTenant(tenantId);
    if (!live)
        return live.error();
    KeyImpact impact;
    impact.revoke = revoke;
    impact.tenant = *tenant;
    (revoke ? impact.unreadable : impact.affected) = *live;
    const QString action = revoke ? QStringLiteral("revoke_encryption_group") : QStringLiteral("rotate_encryption_group_key");
    impact.step.id = action;
    impact.step.title = revoke ? QStringLiteral("Revoke the encryption group of %1").arg(tenant->name)
                               : QStringLiteral("Rotate the key of %1 to version %2").arg(tenant->name).arg(tenant->encryption.keyVersion + 1);
    impact.step.call = {QStringLiteral("POST"), QStringLiteral("/tenants/{{tenant.id}}/%1/").arg(action), QJsonValue(QJsonValue::Undefined)};
    impact.summary = revoke
        ? QStringLiteral("Revoking makes all data of %1 unreadable: %2 service(s) stop serving until the key is reinstated on VAST.")
              .arg(tenant->name).arg(live->size())
        : QStringLiteral("Rotating re-wraps the data keys of %1's %2 service(s) under key version %3; all data stays readable.")
              .arg(tenant->name).arg(live->size()).arg(tenant->encryption.keyVersion + 1);
    return impact;
}

Result<Job> ServiceEngine::changeKey(const QString &tenantId, bool revoke, const QString &user)
{
    auto impact = keyImpact(tenantId, revoke);
    const QString action = revoke ? QStringLiteral("tenant.key.revoke") : QStringLiteral("tenant.key.rotate");
    if (!impact) {
        m_audit.record(user, action, tenantId, Status(impact.error()));
        return impact.error();
    }
    Run run;
    run.tenantId = tenantId;
    run.steps = {impact->step};
    if (auto foundation = m_services.foundation(tenantId))
        run.baseRefs = refsOfRecorded(*foundation);
    for (const Service &s : revoke ? impact->unreadable : impact->affected)
        run.serviceIds << s.id;
    Job job{newId(QLatin1String("job")), revoke ? keyRevocationKind() : keyRotationKind(), JobState::Queued, 0, 1, run.payload(), {}, nowIso(), {}, {}};
    auto queued = queue(job, tenantId);
    m_audit.record(user, action + QStringLiteral(".request"), tenantId, queued ? success() : Status(queued.error()),
                   {{QStringLiteral("job"), job.id}});
    return queued;
}

void ServiceEngine::recordKeyOutcome(Run *run, bool succeeded)
{
    const bool revoke = run->job.kind == keyRevocationKind();
    if (!succeeded) {
        m_events.record(Severity::Warning, QStringLiteral("tenancy"),
                        QStringLiteral("Changing the key of tenant %1 failed: %2").arg(run->tenantId, run->failure), run->tenantId);
        return;
    }
    m_tenants.recordKeyChange(run->tenantId, revoke, QStringLiteral("system"));
    if (!revoke)
        return;
    // Revoked: the services still exist, but nothing they hold can be read.
    for (const QString &serviceId : run->serviceIds) {
        auto service = m_services.get(serviceId);
        if (!service)
            continue;
        Service s = *service;
        s.health = QStringLiteral("down");
        s.error = QStringLiteral("The tenant's encryption key is revoked: the data is unreadable.");
        s.updatedAt = nowIso();
        m_services.update(s);
        Q_EMIT serviceChanged(s.id, s.tenantId);
    }
}

} // namespace NeoCloud
