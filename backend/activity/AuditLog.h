#pragma once
// Records who did what to which object and how it ended. Every change goes through here.

#include "core/Result.h"
#include "domain/Activity.h"
#include "domain/Inventory.h"

#include <QObject>

namespace NeoCloud {

class ActivityRepository;

class AuditLog : public QObject
{
    Q_OBJECT
public:
    explicit AuditLog(ActivityRepository &repository, QObject *parent = nullptr);

    // Never fails the caller's action: a store error is logged and reported by the return value.
    Status record(const QString &user, const QString &action, const QString &target,
                  const Status &outcome, const QJsonObject &detail = {});
    Result<Page<AuditEntry>> list(int limit, int offset) const;

Q_SIGNALS:
    void recorded(const NeoCloud::AuditEntry &entry);

private:
    ActivityRepository &m_repository;
};

} // namespace NeoCloud
