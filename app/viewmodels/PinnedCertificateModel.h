#pragma once
// The certificates HTTPS BMCs presented first (PinnedCertificates), for Settings: one row per
// host:port with its fingerprint as people compare it, the devices at that address and when it
// was pinned; Forget removes a pin the way the device panel and the REST route do.

#include "ReadListModel.h"
#include "discovery/PinnedCertificates.h"

#include <QtQmlIntegration>

namespace NeoCloud {

class PinnedCertificateModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PinnedCertificateModel is provided by ConsoleContext.")

public:
    enum Roles {
        HostRole = Qt::UserRole + 1,
        FingerprintRole, // "AB:CD:…"
        DevicesRole,     // device names, comma-separated; "" when no device is at that address
        PinnedAtRole,    // local date and time
    };
    Q_ENUM(Roles)

    explicit PinnedCertificateModel(PinnedCertificates &pins, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the pins again (a scan may have pinned new ones).
    Q_INVOKABLE void reload();
    // Forgets row `row`'s pin; "" when done, else why not.
    Q_INVOKABLE QString forget(int row);

private:
    PinnedCertificates &m_pins;
    QList<PinnedCertificateView> m_rows;
};

} // namespace NeoCloud
