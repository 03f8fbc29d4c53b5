#pragma once
// The onboarding wizard: a tenant (the create form's fields), its first users, the services to
// switch on (each with a form generated from its kind's schema), the plan of the whole onboarding
// as a dry run, and the job that applies it, all or nothing. A refusal names the page and field
// it is about, so the wizard can go back there.

#include "JobProgress.h"
#include "OnboardingUserModel.h"
#include "SchemaFormModel.h"
#include "ServiceStepModel.h"

#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>
#include <map>
#include <memory>

namespace NeoCloud {

class Catalog;
class ServiceEngine;
class TenantService;
struct OnboardingRequest;

class OnboardingController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OnboardingController is provided by ConsoleContext.")

    // The tenant page's fields, named as TenantEditor names them.
    Q_PROPERTY(
        QVariantMap tenantFields READ tenantFields WRITE setTenantFields NOTIFY tenantFieldsChanged)
    Q_PROPERTY(NeoCloud::OnboardingUserModel *users READ users CONSTANT)
    // The chosen kinds, in the catalog's order.
    Q_PROPERTY(QStringList kinds READ kinds NOTIFY kindsChanged)
    // The tenant as the onboarding would make it: "VLAN 2001 · 10.100.1.0/24 · VIPs 10.100.1.10 –
    // …".
    Q_PROPERTY(QString networkPreview READ networkPreview NOTIFY planChanged)
    Q_PROPERTY(NeoCloud::ServiceStepModel *plan READ plan CONSTANT)
    Q_PROPERTY(bool planned READ planned NOTIFY planChanged)
    // The last refusal: the page it belongs to (0 tenant, 1 users, 2 services, 3 review), the
    // field as the backend names it (tenant.quotas.gpus, users[0].password, services[1].params.x)
    // and its message; page -1 when there is none.
    Q_PROPERTY(int errorPage READ errorPage NOTIFY errorChanged)
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(NeoCloud::JobProgress *job READ job CONSTANT)
    // The tenant the last apply made (and kept, when it succeeded).
    Q_PROPERTY(QString tenantId READ tenantId NOTIFY jobStarted)

public:
    enum Page { TenantPage, UsersPage, ServicesPage, ReviewPage };
    Q_ENUM(Page)

    OnboardingController(TenantService &tenants, ServiceEngine &engine, const Catalog &catalog,
                         QObject *parent = nullptr);
    ~OnboardingController() override;

    QVariantMap tenantFields() const { return m_tenantFields; }
    void setTenantFields(const QVariantMap &fields);
    OnboardingUserModel *users() { return &m_users; }
    QStringList kinds() const;
    QString networkPreview() const { return m_networkPreview; }
    ServiceStepModel *plan() { return &m_plan; }
    bool planned() const { return m_plan.count() > 0; }
    int errorPage() const { return m_errorPage; }
    QString errorField() const { return m_errorField; }
    QString error() const { return m_error; }
    JobProgress *job() { return &m_job; }
    QString tenantId() const { return m_tenantId; }

    Q_INVOKABLE void setKindChosen(const QString &kind, bool chosen);
    Q_INVOKABLE bool isKindChosen(const QString &kind) const;
    // The form of a chosen kind (kept while the wizard runs); null for one not chosen.
    Q_INVOKABLE NeoCloud::SchemaFormModel *formFor(const QString &kind);

    // Each returns false and sets the error when refused.
    // The tenant page: the tenant the backend would make from these fields, without making it.
    Q_INVOKABLE bool checkTenant();
    // The services page: every chosen kind's params as its schema wants them.
    Q_INVOKABLE bool checkServices();
    // The review page: the whole onboarding as a dry run.
    Q_INVOKABLE bool review();
    Q_INVOKABLE bool apply();
    // A blank wizard.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void tenantFieldsChanged();
    void kindsChanged();
    void planChanged();
    void errorChanged();
    void jobStarted();

private:
    Result<OnboardingRequest> request() const;
    bool refuse(const Error &error);
    void setError(int page, const QString &field, const QString &message);
    void clearPlan();

    TenantService &m_tenants;
    ServiceEngine &m_engine;
    const Catalog &m_catalog;
    QVariantMap m_tenantFields;
    OnboardingUserModel m_users;
    std::map<QString, std::unique_ptr<SchemaFormModel>> m_forms; // by kind, only the chosen ones
    QString m_networkPreview;
    ServiceStepModel m_plan;
    JobProgress m_job;
    int m_errorPage = -1;
    QString m_errorField;
    QString m_error;
    QString m_tenantId;
};

} // namespace NeoCloud
