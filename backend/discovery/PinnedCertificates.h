#pragma once
// The certificates BMCs presented first (trust on first use), for a person to review and, when a
// BMC's certificate was replaced on purpose (new firmware, a board swapped), to forget: the next
// scan or web view then pins what the BMC presents. A changed certificate is otherwise refused
// for good. The REST routes and the console's device panel both come here.

#include "core/Result.h"
#include "store/BmcTrustRepository.h"

#include <QObject>

namespace NeoCloud {

class AuditLog;
class EventLog;
class InventoryRepository;

struct PinnedCertificateView
{
    PinnedCertificate pin;
    // The devices whose BMC address is that host:port (usually one; none once it is gone).
    QList<std::pair<QString, QString>> devices; // id, name
};

class PinnedCertificates : public QObject
{
    Q_OBJECT
public:
    PinnedCertificates(BmcTrustRepository &pins, const InventoryRepository &inventory, EventLog &events, AuditLog &audit,
                       QObject *parent = nullptr);

    // Every pin, or only `host`'s ("host:port") when given.
    Result<QList<PinnedCertificateView>> list(const QString &host = {}) const;
    // Pins `sha256` for `host` after a person trusted it, and tells the lists (changed).
    Status pin(const QString &host, const QString &sha256);
    // Removes the pin of `host` ("host:port"), audited and recorded as an event naming the
    // fingerprint that was trusted. NotFound when nothing is pinned there.
    Result<PinnedCertificate> forget(const QString &host, const QString &user);

Q_SIGNALS:
    void changed();

private:
    BmcTrustRepository &m_pins;
    const InventoryRepository &m_inventory;
    EventLog &m_events;
    AuditLog &m_audit;
};

} // namespace NeoCloud
