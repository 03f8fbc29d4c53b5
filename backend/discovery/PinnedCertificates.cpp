#include "PinnedCertificates.h"

#include "CertificatePin.h"
#include "activity/AuditLog.h"
#include "activity/EventLog.h"
#include "store/InventoryRepository.h"

#include <QHash>
#include <QJsonObject>

namespace NeoCloud {

PinnedCertificates::PinnedCertificates(BmcTrustRepository &pins, const InventoryRepository &inventory, EventLog &events,
                                       AuditLog &audit, QObject *parent)
    : QObject(parent)
    , m_pins(pins)
    , m_inventory(inventory)
    , m_events(events)
    , m_audit(audit)
{
}

Result<QList<PinnedCertificateView>> PinnedCertificates::list(const QString &host) const
{
    const auto pins = m_pins.pinnedCertificates(host);
    if (!pins)
        return pins.error();
    if (pins->isEmpty())
        return QList<PinnedCertificateView>(); // no need to read every device's BMC address
    const auto devices = m_inventory.devicesWithBmc();
    if (!devices)
        return devices.error();
    // The same key the pins are stored under, so "https://bmc" and "https://bmc:443/redfish/v1"
    // both find "bmc:443".
    QHash<QString, QList<std::pair<QString, QString>>> byHost;
    for (const Device &device : *devices)
        byHost[pinKey(QUrl(device.bmcUrl))].append({device.id, device.name});
    QList<PinnedCertificateView> views;
    views.reserve(pins->size());
    for (const PinnedCertificate &pin : *pins)
        views.append({pin, byHost.value(pin.host)});
    return views;
}

Status PinnedCertificates::pin(const QString &host, const QString &sha256)
{
    const Status pinned = m_pins.pinCertificate(host, sha256);
    if (pinned)
        Q_EMIT changed();
    return pinned;
}

Result<PinnedCertificate> PinnedCertificates::forget(const QString &host, const QString &user)
{
    const Result<PinnedCertificate> forgotten = m_pins.forgetCertificate(host);
    m_audit.record(user, QStringLiteral("bmc.certificate.forget"), host,
                   forgotten ? success() : Status(forgotten.error()),
                   forgotten ? QJsonObject{{QStringLiteral("sha256"), forgotten->sha256}} : QJsonObject{});
    if (!forgotten)
        return forgotten.error();
    m_events.record(Severity::Info, QStringLiteral("discovery"),
                    QStringLiteral("%1 removed the pinned certificate of %2 (SHA-256 %3); the next certificate it presents "
                                   "will be trusted on first use.")
                        .arg(user, host, displayedSha256(forgotten->sha256)));
    Q_EMIT changed();
    return forgotten;
}

} // namespace NeoCloud
