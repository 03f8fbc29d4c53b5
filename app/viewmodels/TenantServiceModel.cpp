#include "TenantServiceModel.h"

#include "core/Time.h"
#include "domain/Enums.h"
#include "services/Catalog.h"
#include "services/ServiceEngine.h"

#include <QJsonDocument>

namespace NeoCloud {
namespace {

QString compact(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

} // namespace

Result<QList<Service>> allServices(ServiceEngine &engine, const QString &tenantId)
{
    QList<Service> out;
    for (int offset = 0;; offset += TenantServiceModel::pageSize) {
        const Result<Page<Service>> page
            = engine.services(tenantId, TenantServiceModel::pageSize, offset);
        if (!page)
            return page.error();
        out << page->items;
        if (page->items.size() < TenantServiceModel::pageSize || out.size() >= page->total)
            return out;
    }
}

QString serviceTone(const Service &s)
{
    if (s.state == ServiceState::Failed || s.health == QLatin1String("down"))
        return QStringLiteral("critical");
    if (s.health == QLatin1String("degraded"))
        return QStringLiteral("warning");
    if (s.state == ServiceState::Active && s.health == QLatin1String("healthy"))
        return QStringLiteral("ok");
    return QStringLiteral("unknown");
}

TenantServiceModel::TenantServiceModel(ServiceEngine &engine, const Catalog &catalog,
                                       QObject *parent)
    : ReadListModel(parent)
    , m_engine(engine)
    , m_kinds(catalog.kinds())
{
    // A job reports every step; the list re-reads at most every 100 ms.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(100);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TenantServiceModel::refresh);
    connect(&m_engine, &ServiceEngine::serviceChanged, this,
            [this](const QString &, const QString &tenantId) {
                if (tenantId == m_tenantId && !m_refreshTimer.isActive())
                    m_refreshTimer.start();
            });
    connect(&m_engine, &ServiceEngine::jobUpdated, this, [this](const Job &job) {
        if (job.payload.value(QLatin1String("tenantId")).toString() == m_tenantId
            && !m_refreshTimer.isActive())
            m_refreshTimer.start();
    });
}

int TenantServiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

QVariant TenantServiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Service &s = m_services.at(index.row());
    switch (role) {
    case ServiceIdRole:
        return s.id;
    case KindRole:
        return s.kind;
    case Qt::DisplayRole:
    case KindTitleRole:
        for (const QJsonValue &k : m_kinds)
            if (k[QLatin1String("kind")].toString() == s.kind)
                return k[QLatin1String("title")].toString();
        return s.kind;
    case StateRole:
        return toString(s.state);
    case HealthRole:
        return s.health;
    case HealthToneRole:
        return serviceTone(s);
    case BusyRole:
        return s.state == ServiceState::Enabling || s.state == ServiceState::Disabling;
    case EndpointsRole: {
        QVariantList out;
        for (auto it = s.endpoints.begin(); it != s.endpoints.end(); ++it)
            out.append(QVariantMap { { QStringLiteral("name"), it.key() },
                                     { QStringLiteral("value"), compact(it.value()) } });
        return out;
    }
    case ErrorRole:
        return s.error;
    case JobIdRole:
        return s.jobId;
    case ParamsTextRole:
        return QString::fromUtf8(QJsonDocument(s.params).toJson(QJsonDocument::Indented)).trimmed();
    case StepsRole: {
        QVariantList out;
        for (const QJsonValue &v : s.steps) {
            const QJsonObject step = v.toObject();
            out.append(QVariantMap {
                { QStringLiteral("title"), step.value(QLatin1String("title")).toString() },
                { QStringLiteral("method"), step.value(QLatin1String("method")).toString() },
                { QStringLiteral("path"), step.value(QLatin1String("path")).toString() },
                { QStringLiteral("state"), step.value(QLatin1String("state")).toString() },
                { QStringLiteral("error"), step.value(QLatin1String("error")).toString() } });
        }
        return out;
    }
    case StepsDoneRole:
        return int(std::count_if(s.steps.begin(), s.steps.end(), [](const QJsonValue &v) {
            return v[QLatin1String("state")].toString() == QLatin1String("done");
        }));
    case UpdatedAtRole:
        return fromIsoTime(s.updatedAt).toLocalTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> TenantServiceModel::roleNames() const
{
    return { { ServiceIdRole, "serviceId" },
             { KindRole, "kind" },
             { KindTitleRole, "kindTitle" },
             { StateRole, "state" },
             { HealthRole, "health" },
             { HealthToneRole, "healthTone" },
             { BusyRole, "busy" },
             { EndpointsRole, "endpoints" },
             { ErrorRole, "error" },
             { JobIdRole, "jobId" },
             { ParamsTextRole, "paramsText" },
             { StepsRole, "steps" },
             { StepsDoneRole, "stepsDone" },
             { UpdatedAtRole, "updatedAt" } };
}

void TenantServiceModel::setTenantId(const QString &id)
{
    if (id == m_tenantId)
        return;
    m_tenantId = id;
    Q_EMIT tenantIdChanged();
    refresh();
}

int TenantServiceModel::liveCount() const
{
    return int(std::count_if(m_services.begin(), m_services.end(), [](const Service &s) {
        return s.state != ServiceState::Disabled && s.state != ServiceState::Failed;
    }));
}

int TenantServiceModel::busyCount() const
{
    return int(std::count_if(m_services.begin(), m_services.end(), [](const Service &s) {
        return s.state == ServiceState::Enabling || s.state == ServiceState::Disabling;
    }));
}

int TenantServiceModel::rowOf(const QString &serviceId) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i)
        if (m_services.at(i).id == serviceId)
            return int(i);
    return -1;
}

void TenantServiceModel::refresh()
{
    m_refreshTimer.stop();
    replaceRows(m_services,
                m_tenantId.isEmpty() ? Result<QList<Service>>(QList<Service>())
                                     : allServices(m_engine, m_tenantId),
                [](const Service &s) { return s.id; });
    Q_EMIT countsChanged();
}

} // namespace NeoCloud
