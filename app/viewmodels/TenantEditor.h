#pragma once
// The create/edit tenant form's adapter: reads the form's fields (strings, as typed), calls
// TenantService::create or update, and hands back the backend's refusal with the field it names
// (quotas.capacityBytes, network.allowedClients[1], ...) so the form shows it on that field.
// The onboarding wizard reads the same fields into its request.
//
// Fields: name, displayName, contactEmail, capacityTB (decimal terabytes), gpus, maxServices,
// bandwidthMBps, iops, pool (a pool name, "" for the first with room), allowedClients (CIDRs
// separated by commas, spaces or lines), customerManagedKey (bool).

#include "domain/Tenancy.h"
#include "tenancy/TenantService.h"

#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class InventoryService;

class TenantEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TenantEditor is provided by ConsoleContext.")

    // [{name, text}] of the operator's network pools, for the pool choice.
    Q_PROPERTY(QVariantList pools READ pools NOTIFY capacityChanged)
    // What quotas are checked against, in a sentence: "The cluster can promise 400 TB and 64
    // GPUs (discovered hardware × overcommit 1.0)."
    Q_PROPERTY(QString capacityText READ capacityText NOTIFY capacityChanged)

public:
    TenantEditor(TenantService &tenants, InventoryService &inventory, QObject *parent = nullptr);

    QVariantList pools() const;
    QString capacityText() const;

    // {ok: true, tenantId} or {ok: false, field, message}.
    Q_INVOKABLE QVariantMap create(const QVariantMap &fields);
    Q_INVOKABLE QVariantMap update(const QString &tenantId, const QVariantMap &fields);
    // The backend's own rule for names, so the form can flag a bad one as it is typed.
    Q_INVOKABLE bool nameIsValid(const QString &name) const;

    static QVariantMap formFields(const Tenant &tenant);
    // The fields as TenantService takes them, or the first one that does not parse (named as
    // the backend names it).
    static Result<TenantDraft> readDraft(const QVariantMap &fields);

Q_SIGNALS:
    void capacityChanged();
    void tenantSaved(const QString &tenantId);

private:
    TenantService &m_tenants;
    InventoryService &m_inventory;
};

} // namespace NeoCloud
