#include "LabFaultModel.h"

#include "core/Time.h"
#include "domain/Enums.h"
#include "inventory/InventoryService.h"
#include "lab/LabService.h"

#include <QJsonObject>

namespace NeoCloud {
namespace {

const QString consoleUser = QStringLiteral("console");

QString range(const QString &prefix, int count, const QString &emptyMeans)
{
    if (count <= 0)
        return QObject::tr("this device has none");
    const QString first = prefix + QLatin1Char('1');
    const QString span = count == 1 ? first : QObject::tr("%1 to %2%3").arg(first, prefix).arg(count);
    return emptyMeans.isEmpty() ? span : QObject::tr("%1 (empty: %2)").arg(span, emptyMeans);
}

} // namespace

LabDeviceModel::LabDeviceModel(LabService *lab, QObject *parent)
    : QAbstractListModel(parent)
    , m_lab(lab)
{
}

int LabDeviceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_lab ? 0 : int(m_lab->definition().devices.size());
}

QVariant LabDeviceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LabDevice &device = m_lab->definition().devices.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return device.name;
    case KindRole:
        return toString(device.tmpl->kind);
    case RackRole:
        return device.rack;
    default:
        return {};
    }
}

QHash<int, QByteArray> LabDeviceModel::roleNames() const
{
    return {{NameRole, "name"}, {KindRole, "kind"}, {RackRole, "rack"}};
}

// Both take any row, as a ComboBox without a choice passes -1.
QString LabDeviceModel::nameAt(int row) const
{
    return row >= 0 && row < rowCount() ? data(index(row), NameRole).toString() : QString();
}

QString LabDeviceModel::kindAt(int row) const
{
    return row >= 0 && row < rowCount() ? data(index(row), KindRole).toString() : QString();
}

int LabDeviceModel::indexOf(const QString &name) const
{
    return m_lab ? int(m_lab->definition().index.value(name, -1)) : -1;
}

LabFaultModel::LabFaultModel(LabService *lab, InventoryService &inventory, QObject *parent)
    : QAbstractListModel(parent)
    , m_lab(lab)
    , m_inventory(inventory)
    , m_devices(lab, this)
{
    if (m_lab) {
        m_rows = m_lab->faults();
        connect(m_lab, &LabService::faultsChanged, this, &LabFaultModel::reload);
    }
}

int LabFaultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LabFaultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LabFault &fault = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return fault.id;
    case Qt::DisplayRole:
    case DeviceRole:
        return fault.device;
    case KindRole:
        return fault.kind;
    case ComponentRole:
        return fault.component;
    case LatencyMsRole:
        return fault.latencyMs;
    case CreatedAtRole:
        return fromIsoTime(fault.createdAt).toLocalTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> LabFaultModel::roleNames() const
{
    // "id" cannot be a QML property name, hence "faultId".
    return {{IdRole, "faultId"},       {DeviceRole, "device"},       {KindRole, "kind"},
            {ComponentRole, "component"}, {LatencyMsRole, "latencyMs"}, {CreatedAtRole, "createdAt"}};
}

QString LabFaultModel::labName() const
{
    return m_lab ? m_lab->definition().name : QString();
}

QString LabFaultModel::siteName() const
{
    return m_lab ? m_lab->siteName() : QString();
}

QVariantList LabFaultModel::faultKinds() const
{
    // The kinds LabService accepts, with what each needs from the form; the service still
    // checks every fault, this only keeps the form from offering what cannot work.
    auto kind = [](const QString &value, const QString &label, const QStringList &appliesTo, bool component,
                   bool latency = false) {
        return QVariantMap{{QStringLiteral("value"), value},
                           {QStringLiteral("label"), label},
                           {QStringLiteral("appliesTo"), appliesTo},
                           {QStringLiteral("usesComponent"), component},
                           {QStringLiteral("usesLatency"), latency}};
    };
    const QString gpu = QStringLiteral("gpu-server");
    const QString cnode = QStringLiteral("storage-cnode");
    const QString dbox = QStringLiteral("storage-dbox");
    return {kind(QStringLiteral("bmc-down"), tr("BMC down (no answer)"), {}, false),
            kind(QStringLiteral("bmc-slow"), tr("BMC slow"), {}, false, true),
            kind(QStringLiteral("bmc-error"), tr("BMC answers with errors"), {}, false),
            kind(QStringLiteral("gpu-failed"), tr("GPU failed"), {gpu}, true),
            kind(QStringLiteral("drive-failed"), tr("Drive failed"), {gpu, cnode, dbox}, true),
            kind(QStringLiteral("link-down"), tr("Link down"), {}, true),
            kind(QStringLiteral("psu-failed"), tr("Power supply failed"), {}, true),
            kind(QStringLiteral("cnode-down"), tr("CNode down"), {cnode}, false)};
}

QString LabFaultModel::componentHint(const QString &deviceName, const QString &kind) const
{
    const LabDevice *device = m_lab ? m_lab->definition().device(deviceName) : nullptr;
    if (!device)
        return {};
    const LabTemplate &t = *device->tmpl;
    if (kind == QLatin1String("gpu-failed"))
        return range(QStringLiteral("GPU"), t.gpus, QStringLiteral("GPU1"));
    if (kind == QLatin1String("drive-failed"))
        return t.kind == DeviceKind::StorageDBox ? range(QStringLiteral("SSD"), t.drives, QStringLiteral("SSD1"))
                                                 : range(QStringLiteral("Disk"), t.drives, QStringLiteral("Disk1"));
    if (kind == QLatin1String("psu-failed"))
        return range(QStringLiteral("PSU"), t.psus, QStringLiteral("PSU1"));
    if (kind == QLatin1String("link-down")) {
        QStringList cabled;
        for (const LabPort &p : device->ports)
            if (!p.peerDevice.isEmpty())
                cabled << p.name;
        if (cabled.isEmpty())
            return tr("this device has no cabled port");
        const QString shown = cabled.size() > 4 ? cabled.mid(0, 4).join(QLatin1String(", ")) + QStringLiteral(", …")
                                                : cabled.join(QLatin1String(", "));
        return tr("a cabled port: %1 (empty: %2)").arg(shown, cabled.constFirst());
    }
    return {};
}

QString LabFaultModel::addFault(const QString &device, const QString &kind, const QString &component, int latencyMs)
{
    if (!m_lab)
        return tr("No demo lab runs in this console; start it without --no-lab.");
    QJsonObject body{{QStringLiteral("device"), device}, {QStringLiteral("kind"), kind}};
    if (!component.trimmed().isEmpty())
        body.insert(QStringLiteral("component"), component.trimmed());
    if (latencyMs > 0)
        body.insert(QStringLiteral("latencyMs"), latencyMs);
    // Devices may be named by their inventory id too, as through the API.
    const Result<LabFault> added = m_lab->addFault(body, [this](const QString &id) {
        const Result<Device> found = m_inventory.device(id);
        return found ? found->bmcUrl : QString();
    }, consoleUser);
    return added ? QString() : added.error().message;
}

QString LabFaultModel::clearFault(const QString &id)
{
    if (!m_lab)
        return tr("No demo lab runs in this console.");
    const Status cleared = m_lab->clearFault(id, consoleUser); // audited by the lab
    return cleared ? QString() : cleared.error().message;
}

void LabFaultModel::reload()
{
    // Faults are few (a demo's handful); a reset keeps this simple and correct.
    beginResetModel();
    m_rows = m_lab->faults();
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace NeoCloud
