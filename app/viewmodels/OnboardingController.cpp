#include "OnboardingController.h"

#include "TenantEditor.h"
#include "services/Catalog.h"
#include "services/ServiceEngine.h"
#include "tenancy/TenantService.h"

#include <QRegularExpression>

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

QString networkText(const Tenant &t)
{
    return OnboardingController::tr("VLAN %1 · subnet %2 · VIPs %3 – %4 · pool %5")
        .arg(t.network.vlan)
        .arg(t.network.subnet, t.network.vipFrom, t.network.vipTo, t.network.poolName);
}

} // namespace

OnboardingController::OnboardingController(TenantService &tenants, ServiceEngine &engine,
                                           const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_tenants(tenants)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_users(this)
    , m_plan(this)
    , m_job(engine, this)
{
    // Any edit makes the plan stale: it is for the request it was made from.
    connect(&m_users, &QAbstractItemModel::dataChanged, this, &OnboardingController::clearPlan);
    connect(&m_users, &OnboardingUserModel::countChanged, this, &OnboardingController::clearPlan);
}

OnboardingController::~OnboardingController() = default;

void OnboardingController::setTenantFields(const QVariantMap &fields)
{
    if (fields == m_tenantFields)
        return;
    m_tenantFields = fields;
    Q_EMIT tenantFieldsChanged();
    clearPlan();
}

QStringList OnboardingController::kinds() const
{
    QStringList out;
    for (const QString &kind : m_catalog.kindNames())
        if (m_forms.count(kind))
            out << kind;
    return out;
}

void OnboardingController::setKindChosen(const QString &kind, bool chosen)
{
    if (chosen == isKindChosen(kind) || !m_catalog.kindNames().contains(kind))
        return;
    if (chosen) {
        auto form = std::make_unique<SchemaFormModel>(this);
        for (const QJsonValue &k : m_catalog.kinds())
            if (k[QLatin1String("kind")].toString() == kind)
                form->setSchema(k[QLatin1String("schema")].toObject());
        connect(form.get(), &SchemaFormModel::paramsChanged, this,
                &OnboardingController::clearPlan);
        m_forms[kind] = std::move(form);
    } else {
        m_forms.erase(kind);
    }
    Q_EMIT kindsChanged();
    clearPlan();
}

bool OnboardingController::isKindChosen(const QString &kind) const
{
    return m_forms.count(kind) > 0;
}

SchemaFormModel *OnboardingController::formFor(const QString &kind)
{
    const auto it = m_forms.find(kind);
    return it == m_forms.end() ? nullptr : it->second.get();
}

Result<OnboardingRequest> OnboardingController::request() const
{
    Result<TenantDraft> draft = TenantEditor::readDraft(m_tenantFields);
    if (!draft) {
        Error e = draft.error();
        e.field = QStringLiteral("tenant.") + e.field;
        return e;
    }
    OnboardingRequest request;
    request.tenant = *draft;
    request.users = m_users.drafts();
    for (const QString &kind : kinds())
        request.services.append({ kind, m_forms.at(kind)->params() });
    return request;
}

bool OnboardingController::checkTenant()
{
    Result<TenantDraft> draft = TenantEditor::readDraft(m_tenantFields);
    if (!draft)
        return refuse(Error { draft.error().kind, draft.error().code, draft.error().message,
                              QStringLiteral("tenant.") + draft.error().field });
    const Result<Tenant> tenant = m_tenants.preview(*draft);
    if (!tenant) {
        Error e = tenant.error();
        e.field = QStringLiteral("tenant.") + e.field;
        return refuse(e);
    }
    m_networkPreview = networkText(*tenant);
    setError(-1, {}, {});
    Q_EMIT planChanged();
    return true;
}

bool OnboardingController::checkServices()
{
    const QStringList chosen = kinds();
    for (int i = 0; i < chosen.size(); ++i) {
        SchemaFormModel &form = *m_forms.at(chosen[i]);
        if (!form.valid()) {
            form.setShowAllErrors(true);
            setError(ServicesPage,
                     QStringLiteral("services[%1].").arg(i)
                         + form.firstError().section(QLatin1Char(':'), 0, 0),
                     form.firstError());
            return false;
        }
    }
    setError(-1, {}, {});
    return true;
}

bool OnboardingController::review()
{
    m_job.clear();
    const Result<OnboardingRequest> wanted = request();
    if (!wanted)
        return refuse(wanted.error());
    const Result<ServicePlan> plan = m_engine.planOnboarding(*wanted);
    if (!plan) {
        m_plan.clear();
        Q_EMIT planChanged();
        return refuse(plan.error());
    }
    if (const Result<Tenant> tenant = m_tenants.preview(wanted->tenant))
        m_networkPreview = networkText(*tenant);
    setError(-1, {}, {});
    m_plan.setSteps(plan->steps);
    Q_EMIT planChanged();
    return true;
}

bool OnboardingController::apply()
{
    const Result<OnboardingRequest> wanted = request();
    if (!wanted)
        return refuse(wanted.error());
    const Result<Job> job = m_engine.onboard(*wanted, consoleUser);
    if (!job)
        return refuse(job.error());
    setError(-1, {}, {});
    m_tenantId = job->payload.value(QLatin1String("tenantId")).toString();
    m_job.follow(*job);
    Q_EMIT jobStarted();
    return true;
}

void OnboardingController::reset()
{
    m_tenantFields.clear();
    m_users.clear();
    m_forms.clear();
    m_networkPreview.clear();
    m_tenantId.clear();
    m_job.clear();
    m_plan.clear();
    setError(-1, {}, {});
    Q_EMIT tenantFieldsChanged();
    Q_EMIT kindsChanged();
    Q_EMIT planChanged();
    Q_EMIT jobStarted();
}

bool OnboardingController::refuse(const Error &error)
{
    // "users[2].password", "services[1].params.topics[0].name": the list, the index, the rest.
    static const QRegularExpression indexed(
        QStringLiteral("^(users|services)\\[(\\d+)\\]\\.?(.*)$"));
    const QRegularExpressionMatch match = indexed.match(error.field);
    if (error.field.startsWith(QLatin1String("tenant."))) {
        setError(TenantPage, error.field, error.message);
    } else if (match.hasMatch() && match.captured(1) == QLatin1String("users")) {
        m_users.showError(match.captured(2).toInt(), match.captured(3), error.message);
        setError(UsersPage, error.field, error.message);
    } else if (match.hasMatch()) {
        const QStringList chosen = kinds();
        const int index = match.captured(2).toInt();
        if (index < chosen.size()) {
            SchemaFormModel &form = *m_forms.at(chosen[index]);
            form.showFieldError(match.captured(3), error.message);
            form.setShowAllErrors(true);
        }
        setError(ServicesPage, error.field, error.message);
    } else if (error.field == QLatin1String("services")) {
        setError(ServicesPage, error.field, error.message);
    } else {
        setError(ReviewPage, error.field, error.message);
    }
    return false;
}

void OnboardingController::setError(int page, const QString &field, const QString &message)
{
    if (page == m_errorPage && field == m_errorField && message == m_error)
        return;
    if (page != UsersPage)
        m_users.showError(-1, {}, {});
    m_errorPage = page;
    m_errorField = field;
    m_error = message;
    Q_EMIT errorChanged();
}

void OnboardingController::clearPlan()
{
    if (!planned() || m_job.running())
        return;
    m_plan.clear();
    Q_EMIT planChanged();
}

} // namespace NeoCloud
