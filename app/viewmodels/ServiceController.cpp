#include "ServiceController.h"

#include "services/Catalog.h"
#include "services/ServiceEngine.h"

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

} // namespace

ServiceController::ServiceController(ServiceEngine &engine, const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_services(engine, catalog, this)
    , m_form(this)
    , m_plan(this)
    , m_job(engine, this)
{
    // A plan is for the params it was made from.
    connect(&m_form, &SchemaFormModel::paramsChanged, this, [this] {
        if (planned() && !m_job.running()) {
            m_plan.clear();
            Q_EMIT planChanged();
        }
    });
}

void ServiceController::setTenantId(const QString &id)
{
    if (id == m_tenantId)
        return;
    m_tenantId = id;
    m_services.setTenantId(id);
    Q_EMIT tenantIdChanged();
    startOver();
}

void ServiceController::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    QJsonObject schema;
    for (const QJsonValue &k : m_catalog.kinds())
        if (k[QLatin1String("kind")].toString() == kind)
            schema = k[QLatin1String("schema")].toObject();
    m_form.setSchema(schema);
    m_form.clear();
    Q_EMIT kindChanged();
    startOver();
}

bool ServiceController::review()
{
    return showPlan(m_engine.planEnable(m_tenantId, m_kind, m_form.params()));
}

bool ServiceController::enable()
{
    return followJobOf(m_engine.enable(m_tenantId, m_kind, m_form.params(), consoleUser));
}

bool ServiceController::reviewDisable(const QString &serviceId)
{
    return showPlan(m_engine.planDisable(serviceId));
}

bool ServiceController::disable(const QString &serviceId)
{
    return followJobOf(m_engine.disable(serviceId, consoleUser));
}

bool ServiceController::showPlan(const Result<ServicePlan> &plan)
{
    m_job.clear();
    if (plan) {
        setError({});
        m_plan.setSteps(plan->steps);
    } else {
        m_plan.clear();
    }
    Q_EMIT planChanged();
    return plan ? true : refuse(plan.error());
}

bool ServiceController::followJobOf(const Result<Service> &service)
{
    if (!service)
        return refuse(service.error());
    const Result<Job> job = m_engine.job(service->jobId);
    if (!job)
        return refuse(job.error());
    setError({});
    m_job.follow(*job);
    return true;
}

void ServiceController::startOver()
{
    m_plan.clear();
    m_job.clear();
    setError({});
    Q_EMIT planChanged();
}

bool ServiceController::refuse(const Error &error)
{
    // A refusal about a parameter belongs on that field; the form then shows every message.
    if (error.field.startsWith(QLatin1String("params"))
        && m_form.showFieldError(error.field, error.message)) {
        m_form.setShowAllErrors(true);
        setError({});
        return false;
    }
    m_form.setShowAllErrors(true);
    setError(error.message);
    return false;
}

void ServiceController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace NeoCloud
