#pragma once
// What the VAST cluster itself says about its capacity, read through VMS's REST API:
// /clusters/ (usable, physical and logical space, in use and free, data reduction), /dboxes/ and
// /clusters/dboxes_total_capacity/ (raw SSD capacity), /cnodes/, and per-tenant use from
// /views/ (logical_capacity) or, failing that, /quotas/ (used_capacity), keyed by VAST tenant name.

#include "core/Result.h"
#include "vast/VmsClient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace NeoCloud {

struct ProviderCapacity
{
    QString cluster;
    qint64 readAtMs = 0;
    double latencySeconds = 0; // from the first request to the last answer

    qint64 usableBytes = 0;
    qint64 freeUsableBytes = 0;
    std::optional<qint64> physicalBytes;
    std::optional<qint64> physicalUsedBytes;
    std::optional<qint64> logicalBytes;
    std::optional<qint64> logicalUsedBytes;
    std::optional<double> dataReductionRatio;

    std::optional<int> dboxes;
    std::optional<int> cnodes;
    std::optional<int> cnodesActive;
    std::optional<int> ssds;
    std::optional<qint64> rawBytes; // every DBox SSD, from dboxes_total_capacity

    // Logical bytes per VAST tenant name, and where they came from ("vast-views" or
    // "vast-quotas"); empty source when neither list could be read.
    QHash<QString, qint64> tenantUsedBytes;
    QString tenantUsageSource;

    QStringList warnings; // the parts that could not be read, in VAST's words
};

// The answers of one reading, as VMS sent them; a list that failed is absent.
struct VastCapacityAnswers
{
    QJsonObject cluster;
    std::optional<QJsonArray> dboxes;
    std::optional<QJsonArray> cnodes;
    std::optional<QJsonArray> tenants;
    std::optional<QJsonArray> views;
    std::optional<QJsonArray> quotas;
    std::optional<QJsonObject> dboxCapacity;
    QStringList errors;
};

// Pure: the answers turned into figures (tested on the lab double's answers and by hand).
ProviderCapacity toProviderCapacity(const VastCapacityAnswers &answers);

class VastCapacityReader : public QObject
{
    Q_OBJECT
public:
    explicit VastCapacityReader(VmsConnection connection, QObject *parent = nullptr);

    bool configured() const;
    QString apiRoot() const { return m_client.connection().apiRoot.toString(); }

    using Done = std::function<void(Result<ProviderCapacity>)>;
    // Reads everything above, lists in parallel; fails only when /clusters/ cannot be read.
    void read(Done done);
    void abortAll() { m_client.abortAll(); }

private:
    VmsClient m_client;
};

} // namespace NeoCloud
