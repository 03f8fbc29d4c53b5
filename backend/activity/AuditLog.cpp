#include "AuditLog.h"

#include "core/Ids.h"
#include "core/Time.h"
#include "store/ActivityRepository.h"

#include <QLoggingCategory>

namespace NeoCloud {

Q_LOGGING_CATEGORY(lcAudit, "neocloud.audit")

AuditLog::AuditLog(ActivityRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

Status AuditLog::record(const QString &user, const QString &action, const QString &target,
                        const Status &outcome, const QJsonObject &detail)
{
    AuditEntry entry{newId(QLatin1String("aud")), nowIso(), user, action, target,
                     outcome ? QStringLiteral("ok") : outcome.error().code, detail};
    const Status stored = m_repository.insertAudit(entry);
    if (!stored) {
        qCWarning(lcAudit, "could not record %s by %s on %s: %s", qUtf8Printable(action),
                  qUtf8Printable(user), qUtf8Printable(target),
                  qUtf8Printable(stored.error().message));
        return stored;
    }
    Q_EMIT recorded(entry);
    return stored;
}

Result<Page<AuditEntry>> AuditLog::list(int limit, int offset) const
{
    return m_repository.audit(limit, offset);
}

} // namespace NeoCloud
