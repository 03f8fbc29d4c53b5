#include "TenantEditor.h"

#include "TenancyText.h"
#include "TenantUserModel.h"
#include "inventory/InventoryService.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

QString field(const QVariantMap &fields, const char *name)
{
    return fields.value(QLatin1String(name)).toString().trimmed();
}

// A whole number from a form field; empty means 0. Refuses with the backend's field name.
Result<qint64> wholeNumber(const QVariantMap &fields, const char *name, const QString &backendField)
{
    const QString text = field(fields, name);
    if (text.isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 value = QLocale::c().toLongLong(text, &ok);
    if (!ok)
        return Error::badInput(QStringLiteral("wrong_type"),
                               QObject::tr("%1 must be a whole number.").arg(backendField),
                               backendField);
    return value;
}

QVariantMap refused(const Error &error)
{
    QVariantMap out = refusal(error);
    out.insert(QStringLiteral("ok"), false);
    return out;
}

} // namespace

Result<TenantDraft> TenantEditor::readDraft(const QVariantMap &fields)
{
    TenantDraft draft;
    draft.name = field(fields, "name");
    draft.displayName = field(fields, "displayName");
    draft.contactEmail = field(fields, "contactEmail");
    draft.pool = field(fields, "pool");
    const QString capacityField = QStringLiteral("quotas.capacityBytes");
    const QString tb = field(fields, "capacityTB");
    bool ok = tb.isEmpty();
    const double terabytes = ok ? 0.0 : QLocale::c().toDouble(tb, &ok);
    if (!ok || !std::isfinite(terabytes))
        return Error::badInput(QStringLiteral("wrong_type"),
                               QObject::tr("Capacity is a number of terabytes, such as 50 or 2.5."),
                               capacityField);
    draft.quotas.capacityBytes = qint64(std::llround(terabytes * 1e12));
    const auto gpus = wholeNumber(fields, "gpus", QStringLiteral("quotas.gpus"));
    const auto services = wholeNumber(fields, "maxServices", QStringLiteral("quotas.maxServices"));
    const auto bandwidth
        = wholeNumber(fields, "bandwidthMBps", QStringLiteral("quotas.qos.bandwidthMBps"));
    const auto iops = wholeNumber(fields, "iops", QStringLiteral("quotas.qos.iops"));
    for (const auto *n : { &gpus, &services, &bandwidth, &iops })
        if (!*n)
            return n->error();
    draft.quotas.gpus = int(*gpus);
    draft.quotas.maxServices = int(*services);
    draft.quotas.bandwidthMBps = *bandwidth;
    draft.quotas.iops = *iops;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    draft.allowedClients = field(fields, "allowedClients").split(separators, Qt::SkipEmptyParts);
    draft.customerManagedKey = fields.value(QStringLiteral("customerManagedKey")).toBool();
    return draft;
}

TenantEditor::TenantEditor(TenantService &tenants, InventoryService &inventory, QObject *parent)
    : QObject(parent)
    , m_tenants(tenants)
    , m_inventory(inventory)
{
    // Pools fill as tenants come and go; capacity grows as discovery finds hardware.
    connect(&m_tenants, &TenantService::tenantsChanged, this, &TenantEditor::capacityChanged);
    connect(&m_inventory, &InventoryService::inventoryChanged, this,
            &TenantEditor::capacityChanged);
}

QVariantList TenantEditor::pools() const
{
    QVariantList out;
    const auto pools = m_tenants.pools();
    if (!pools)
        return out;
    for (const NetworkPool &p : *pools)
        out.append(QVariantMap { { QStringLiteral("name"), p.name },
                                 { QStringLiteral("text"),
                                   tr("%1 · %2 · VLAN %3–%4 · %n tenant(s)", nullptr, p.allocated)
                                       .arg(p.name, p.cidr)
                                       .arg(p.vlanFrom)
                                       .arg(p.vlanTo) } });
    return out;
}

QString TenantEditor::capacityText() const
{
    const auto physical = m_inventory.physicalCapacity();
    const auto settings = m_tenants.settings();
    if (!physical || !settings)
        return {};
    const double ratio = settings->overcommitRatio;
    return tr("Quotas are checked against what the cluster can promise to all tenants together: %1 "
              "and %L2 GPUs "
              "(discovered hardware × overcommit %3).")
        .arg(storageText(double(physical->usableBytes) * ratio))
        .arg(double(physical->gpus) * ratio)
        .arg(QLocale().toString(ratio));
}

QVariantMap TenantEditor::create(const QVariantMap &fields)
{
    const Result<TenantDraft> draft = readDraft(fields);
    if (!draft)
        return refused(draft.error());
    const Result<Tenant> created = m_tenants.create(*draft, consoleUser);
    if (!created)
        return refused(created.error());
    Q_EMIT tenantSaved(created->id);
    return { { QStringLiteral("ok"), true }, { QStringLiteral("tenantId"), created->id } };
}

QVariantMap TenantEditor::update(const QString &tenantId, const QVariantMap &fields)
{
    const Result<TenantDraft> draft = readDraft(fields);
    if (!draft)
        return refused(draft.error());
    TenantPatch patch;
    patch.displayName = draft->displayName;
    patch.contactEmail = draft->contactEmail;
    patch.capacityBytes = draft->quotas.capacityBytes;
    patch.gpus = draft->quotas.gpus;
    patch.maxServices = draft->quotas.maxServices;
    patch.bandwidthMBps = draft->quotas.bandwidthMBps;
    patch.iops = draft->quotas.iops;
    patch.allowedClients = draft->allowedClients;
    const Result<Tenant> updated = m_tenants.update(tenantId, patch, consoleUser);
    if (!updated)
        return refused(updated.error());
    Q_EMIT tenantSaved(updated->id);
    return { { QStringLiteral("ok"), true }, { QStringLiteral("tenantId"), updated->id } };
}

bool TenantEditor::nameIsValid(const QString &name) const
{
    return isDnsLabel(name.trimmed());
}

QVariantMap TenantEditor::formFields(const Tenant &t)
{
    const QLocale c = QLocale::c();
    return { { QStringLiteral("name"), t.name },
             { QStringLiteral("displayName"), t.displayName },
             { QStringLiteral("contactEmail"), t.contactEmail },
             { QStringLiteral("capacityTB"),
               c.toString(double(t.quotas.capacityBytes) / 1e12, 'g', 12) },
             { QStringLiteral("gpus"), QString::number(t.quotas.gpus) },
             { QStringLiteral("maxServices"), QString::number(t.quotas.maxServices) },
             { QStringLiteral("bandwidthMBps"), QString::number(t.quotas.bandwidthMBps) },
             { QStringLiteral("iops"), QString::number(t.quotas.iops) },
             { QStringLiteral("pool"), t.network.poolName },
             { QStringLiteral("allowedClients"),
               t.network.allowedClients.join(QStringLiteral(", ")) } };
}

} // namespace NeoCloud
