#pragma once
// What the service engine needs from a storage/data platform: plans (pure, no I/O) and the
// execution of one step at a time. The VAST provider (backend/vast) is the real one; the demo
// lab serves the same VMS API, so demos and real clusters run the same code.

#include "ProviderStep.h"
#include "domain/Tenancy.h"

#include <QJsonObject>

#include <functional>

namespace NeoCloud {

// What a plan needs to know about the tenant it is for.
struct ProvisionContext
{
    Tenant tenant;
    QList<Service> services; // the tenant's other services (a function's trigger names a bucket)
    QString prefix;          // prepended to step ids, so several services fit in one plan
};

class ServiceProvider
{
public:
    virtual ~ServiceProvider() = default;

    virtual QString name() const = 0;
    // The tenant's foundation on the platform (tenant, VIP pool, QoS policy, client ranges);
    // every enable plan starts with these steps, marked shared.
    virtual Result<QList<ProviderStep>> planFoundation(const ProvisionContext &context) const = 0;
    // The steps that switch `kind` on with `params` (already valid against the catalog schema).
    // Refuses (422) what the platform would refuse, such as a trigger on an unknown bucket.
    virtual Result<QList<ProviderStep>> planEnable(const ProvisionContext &context, const QString &kind,
                                                   const QJsonObject &params) const = 0;
    // Where a tenant reaches an enabled service (S3 URL, NFS export, Kafka bootstrap, ...).
    virtual QJsonObject endpoints(const ProvisionContext &context, const QString &kind, const QJsonObject &params,
                                  const StepRefs &refs) const = 0;

    // Runs one resolved step: adopts the object `lookup` finds, otherwise makes the call, waits
    // for an asynchronous task to finish, and reports the object (or null) and whether this call
    // made it. Provider errors (4xx with a message, 5xx, timeouts) come back as an Error.
    using StepDone = std::function<void(Result<QJsonValue> object, bool created)>;
    virtual void execute(const ProviderCall &call, const QString &lookup, StepDone done) = 0;
    // Cancels calls in flight (shutdown); their callbacks are not called.
    virtual void abortAll() = 0;
};

} // namespace NeoCloud
