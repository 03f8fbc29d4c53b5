#include "VastCapacityReader.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <memory>

namespace NeoCloud {
namespace {

std::optional<qint64> bytes(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
}

// Logical bytes per VAST tenant id, summed over a list's objects.
QHash<qint64, qint64> perTenant(const QJsonArray &objects, const QString &field)
{
    QHash<qint64, qint64> out;
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("tenant_id")).isDouble() || !o.value(field).isDouble())
            continue;
        out[o.value(QStringLiteral("tenant_id")).toInteger()] += qint64(o.value(field).toDouble());
    }
    return out;
}

} // namespace

ProviderCapacity toProviderCapacity(const VastCapacityAnswers &a)
{
    ProviderCapacity p;
    const QJsonObject &c = a.cluster;
    p.cluster = c.value(QStringLiteral("name")).toString();
    p.usableBytes = bytes(c, QStringLiteral("usable_capacity_bytes")).value_or(0);
    p.freeUsableBytes = bytes(c, QStringLiteral("free_usable_capacity")).value_or(p.usableBytes);
    p.physicalBytes = bytes(c, QStringLiteral("physical_space"));
    p.physicalUsedBytes = bytes(c, QStringLiteral("physical_space_in_use"));
    p.logicalBytes = bytes(c, QStringLiteral("logical_space"));
    p.logicalUsedBytes = bytes(c, QStringLiteral("logical_space_in_use"));
    if (c.value(QStringLiteral("drr")).isDouble())
        p.dataReductionRatio = c.value(QStringLiteral("drr")).toDouble();
    p.warnings = a.errors;

    if (a.dboxes)
        p.dboxes = int(a.dboxes->size());
    if (a.cnodes) {
        p.cnodes = int(a.cnodes->size());
        int active = 0;
        for (const QJsonValue &n : *a.cnodes)
            if (n.toObject().value(QStringLiteral("state")).toString() == QLatin1String("ACTIVE"))
                ++active;
        p.cnodesActive = active;
    }
    if (a.dboxCapacity) {
        p.ssds = a.dboxCapacity->value(QStringLiteral("ssd_number")).toInt();
        p.rawBytes = bytes(*a.dboxCapacity, QStringLiteral("ssd_capacity"));
    } else if (a.dboxes && a.dboxes->isEmpty()) {
        p.ssds = 0;
        p.rawBytes = 0;
    }

    if (a.tenants && (a.views || a.quotas)) {
        // A view's logical_capacity covers everything under its path; quotas are the fallback
        // for a VMS whose views do not report capacity.
        QHash<qint64, qint64> used;
        if (a.views) {
            used = perTenant(*a.views, QStringLiteral("logical_capacity"));
            p.tenantUsageSource = QStringLiteral("vast-views");
        }
        if (used.isEmpty() && a.quotas) {
            const QHash<qint64, qint64> quotas = perTenant(*a.quotas, QStringLiteral("used_capacity"));
            if (!quotas.isEmpty() || !a.views) {
                used = quotas;
                p.tenantUsageSource = QStringLiteral("vast-quotas");
            }
        }
        for (const QJsonValue &t : *a.tenants) {
            const QJsonObject o = t.toObject();
            p.tenantUsedBytes.insert(o.value(QStringLiteral("name")).toString(),
                                     used.value(o.value(QStringLiteral("id")).toInteger()));
        }
    }
    return p;
}

VastCapacityReader::VastCapacityReader(VmsConnection connection, QObject *parent)
    : QObject(parent)
    , m_client(std::move(connection))
{
}

bool VastCapacityReader::configured() const
{
    const QUrl &root = m_client.connection().apiRoot;
    return root.isValid() && !root.isEmpty();
}

void VastCapacityReader::read(Done done)
{
    struct Reading
    {
        VastCapacityAnswers answers;
        int pending = 0;
        QElapsedTimer clock;
        Done done;
    };
    auto reading = std::make_shared<Reading>();
    reading->done = std::move(done);
    reading->clock.start();

    auto finishOne = [reading] {
        if (--reading->pending > 0)
            return;
        ProviderCapacity p = toProviderCapacity(reading->answers);
        p.readAtMs = QDateTime::currentMSecsSinceEpoch();
        p.latencySeconds = double(reading->clock.nsecsElapsed()) / 1e9;
        reading->done(std::move(p));
    };
    auto listInto = [this, reading, finishOne](const QString &path, std::optional<QJsonArray> VastCapacityAnswers::*slot,
                                              std::function<void(const QJsonArray &)> then = {}) {
        ++reading->pending;
        m_client.list(path, [reading, finishOne, slot, then](Result<QJsonArray> answer) {
            if (answer) {
                reading->answers.*slot = *answer;
                if (then)
                    then(*answer);
            } else {
                reading->answers.errors << answer.error().message;
            }
            finishOne();
        });
    };

    m_client.list(QStringLiteral("/clusters/"), [this, reading, listInto, finishOne](Result<QJsonArray> clusters) {
        if (!clusters) {
            reading->done(clusters.error());
            return;
        }
        if (clusters->isEmpty()) {
            reading->done(Error::unavailable(QStringLiteral("provider_no_cluster"),
                                             QStringLiteral("VAST answered /clusters/ with no cluster.")));
            return;
        }
        reading->answers.cluster = clusters->first().toObject();
        ++reading->pending; // held until every list below has been asked for
        listInto(QStringLiteral("/dboxes/"), &VastCapacityAnswers::dboxes, [this, reading, finishOne](const QJsonArray &dboxes) {
            QStringList ids;
            for (const QJsonValue &d : dboxes)
                ids << QString::number(d.toObject().value(QStringLiteral("id")).toInteger());
            if (ids.isEmpty())
                return;
            ++reading->pending;
            m_client.send(QStringLiteral("GET"), QStringLiteral("/clusters/dboxes_total_capacity/?ids=") + ids.join(u','),
                          QJsonValue(QJsonValue::Undefined), [reading, finishOne](Result<VmsResponse> answer) {
                              if (answer)
                                  reading->answers.dboxCapacity = answer->body.toObject();
                              else
                                  reading->answers.errors << answer.error().message;
                              finishOne();
                          });
        });
        listInto(QStringLiteral("/cnodes/"), &VastCapacityAnswers::cnodes);
        listInto(QStringLiteral("/tenants/"), &VastCapacityAnswers::tenants);
        listInto(QStringLiteral("/views/"), &VastCapacityAnswers::views);
        listInto(QStringLiteral("/quotas/"), &VastCapacityAnswers::quotas);
        finishOne();
    });
}

} // namespace NeoCloud
