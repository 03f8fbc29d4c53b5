#include "PinnedCertificateModel.h"

#include "discovery/CertificatePin.h"

#include <QDateTime>
#include <QLocale>

namespace NeoCloud {

PinnedCertificateModel::PinnedCertificateModel(PinnedCertificates &pins, QObject *parent)
    : ReadListModel(parent)
    , m_pins(pins)
{
    connect(&pins, &PinnedCertificates::changed, this, &PinnedCertificateModel::reload);
    reload();
}

int PinnedCertificateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PinnedCertificateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PinnedCertificateView &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case HostRole:
        return row.pin.host;
    case FingerprintRole:
        return displayedSha256(row.pin.sha256);
    case DevicesRole: {
        QStringList names;
        for (const auto &device : row.devices)
            names << device.second;
        return names.join(QStringLiteral(", "));
    }
    case PinnedAtRole: {
        const QDateTime at = QDateTime::fromString(row.pin.pinnedAt, Qt::ISODate);
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : row.pin.pinnedAt;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PinnedCertificateModel::roleNames() const
{
    return {{HostRole, "host"}, {FingerprintRole, "fingerprint"}, {DevicesRole, "devices"}, {PinnedAtRole, "pinnedAt"}};
}

void PinnedCertificateModel::reload()
{
    replaceRows(m_rows, m_pins.list());
}

QString PinnedCertificateModel::forget(int row)
{
    if (row < 0 || row >= m_rows.size())
        return tr("That certificate is no longer in the list.");
    // The console acts for whoever runs it, as its other changes do.
    const auto forgotten = m_pins.forget(m_rows.at(row).pin.host, QStringLiteral("console"));
    if (!forgotten) {
        reload(); // forgotten elsewhere meanwhile: the list shows what is left
        return forgotten.error().message;
    }
    return {};
}

} // namespace NeoCloud
