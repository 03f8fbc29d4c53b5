#include "VmsHealthReader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace NeoCloud {

bool VmsView::operator==(const VmsView &o) const
{
    auto same = [](const QList<VmsNodeState> &a, const QList<VmsNodeState> &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].name != b[i].name || a[i].serial != b[i].serial || a[i].state != b[i].state)
                return false;
        return true;
    };
    return available == o.available && same(cnodes, o.cnodes) && same(dboxes, o.dboxes)
        && poolCNodes == o.poolCNodes;
}

VmsHealthReader::VmsHealthReader(VmsConnection connection, QObject *parent)
    : QObject(parent)
    , m_client(std::move(connection))
{ }

bool VmsHealthReader::configured() const
{
    return m_client.connection().apiRoot.isValid() && !m_client.connection().apiRoot.isEmpty();
}

void VmsHealthReader::read()
{
    if (m_pending > 0)
        return;
    m_next = VmsView {};
    m_next.available = true;
    const QStringList collections { QStringLiteral("/cnodes/"), QStringLiteral("/dboxes/"),
                                    QStringLiteral("/vippools/") };
    m_pending = int(collections.size());
    for (const QString &c : collections)
        m_client.list(c, [this, c](Result<QJsonArray> items) { collected(c, items); });
}

void VmsHealthReader::collected(const QString &collection, const Result<QJsonArray> &items)
{
    if (!items) {
        m_next.available = false;
        m_next.problem = items.error().message;
    } else {
        for (const QJsonValue &v : *items) {
            const QJsonObject o = v.toObject();
            const QString name = o.value(QLatin1String("name")).toString();
            if (collection == QLatin1String("/vippools/")) {
                QStringList names;
                for (const QJsonValue &n : o.value(QLatin1String("cnodes")).toArray())
                    names << n.toString();
                m_next.poolCNodes.insert(name, names);
                continue;
            }
            // CNodes carry their serial as `sn`, DBoxes as `uid`.
            VmsNodeState node {
                name,
                o.value(QLatin1String("sn")).toString(o.value(QLatin1String("uid")).toString()),
                o.value(QLatin1String("state")).toString()
            };
            (collection == QLatin1String("/cnodes/") ? m_next.cnodes : m_next.dboxes) << node;
        }
    }
    if (--m_pending > 0)
        return;
    if (!m_next.available) {
        // What VMS said last stays the best knowledge of pools; node states are unknown now.
        m_next.poolCNodes = m_view.poolCNodes;
        m_next.cnodes.clear();
        m_next.dboxes.clear();
    }
    m_view = m_next;
    Q_EMIT finished();
}

} // namespace NeoCloud
