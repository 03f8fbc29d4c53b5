#include "DashboardLinks.h"

#include "core/JsonInput.h"
#include "domain/Inventory.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace NeoCloud {

namespace {

const QString nameKey = QStringLiteral("name");
const QString urlTemplateKey = QStringLiteral("urlTemplate");

Error rule(const QString &code, const QString &message, const QString &field)
{
    return {ErrorKind::Unprocessable, code, message, field};
}

QString itemField(qsizetype index, const QString &key) { return QStringLiteral("items[%1].%2").arg(index).arg(key); }

// Replaces each placeholder by its value, percent-encoded; text outside placeholders is kept.
QString fill(const QString &urlTemplate, const QHash<QString, QString> &values)
{
    QString filled = urlTemplate;
    for (auto it = values.begin(); it != values.end(); ++it)
        filled.replace(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    return filled;
}

QHash<QString, QString> valuesOf(const Device &device)
{
    return {{QStringLiteral("{name}"), device.name},
            {QStringLiteral("{serial}"), device.serial},
            {QStringLiteral("{bmcHost}"), QUrl(device.bmcUrl).host()},
            {QStringLiteral("{id}"), device.id}};
}

} // namespace

QStringList dashboardPlaceholders() { return {QStringLiteral("{name}"), QStringLiteral("{serial}"), QStringLiteral("{bmcHost}"), QStringLiteral("{id}")}; }

Status validateDashboardLinks(const QList<DashboardLink> &links)
{
    if (links.size() > maxDashboardLinks)
        return rule(QStringLiteral("too_many_dashboards"),
                    QStringLiteral("At most %1 dashboards can be configured; %2 were given.").arg(maxDashboardLinks).arg(links.size()),
                    QStringLiteral("items"));
    static const QRegularExpression placeholder(QStringLiteral("\\{[^{}]*\\}"));
    QSet<QString> names;
    for (qsizetype i = 0; i < links.size(); ++i) {
        const DashboardLink &link = links.at(i);
        const QString name = link.name.trimmed();
        if (name.isEmpty())
            return rule(QStringLiteral("empty_name"), QStringLiteral("Dashboard %1 needs a name.").arg(i + 1), itemField(i, nameKey));
        if (names.contains(name.toCaseFolded()))
            return rule(QStringLiteral("duplicate_name"), QStringLiteral("Two dashboards are named '%1'.").arg(name), itemField(i, nameKey));
        names.insert(name.toCaseFolded());

        const QString field = itemField(i, urlTemplateKey);
        for (auto match = placeholder.globalMatch(link.urlTemplate); match.hasNext();) {
            const QString found = match.next().captured();
            if (!dashboardPlaceholders().contains(found))
                return rule(QStringLiteral("unknown_placeholder"),
                            QStringLiteral("'%1' is not a placeholder; use %2.").arg(found, dashboardPlaceholders().join(QLatin1String(", "))),
                            field);
        }
        // Judged as it will be opened: with every placeholder filled by a sample value.
        Device sample;
        sample.id = sample.name = sample.serial = QStringLiteral("x");
        sample.bmcUrl = QStringLiteral("https://x");
        const QUrl url(fill(link.urlTemplate.trimmed(), valuesOf(sample)), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.isRelative() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return rule(QStringLiteral("invalid_url"),
                        QStringLiteral("'%1' is not an http:// or https:// URL.").arg(link.urlTemplate), field);
        if (url.host().isEmpty())
            return rule(QStringLiteral("invalid_url"), QStringLiteral("'%1' names no host.").arg(link.urlTemplate), field);
    }
    return success();
}

QUrl fillDashboardUrl(const QString &urlTemplate, const Device &device)
{
    return QUrl(fill(urlTemplate.trimmed(), valuesOf(device)));
}

Result<QList<DashboardLink>> dashboardLinksFromJson(const QJsonValue &items)
{
    if (!items.isArray())
        return Error::badInput(QStringLiteral("invalid_type"), QStringLiteral("'items' must be an array of {name, urlTemplate}."),
                               QStringLiteral("items"));
    QList<DashboardLink> links;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("items[%1]").arg(i);
        if (!array.at(i).isObject())
            return Error::badInput(QStringLiteral("invalid_type"), QStringLiteral("%1 must be an object.").arg(path), path);
        const QJsonObject item = array.at(i).toObject();
        if (Status s = rejectUnknownKeys(item, {nameKey, urlTemplateKey}, path); !s)
            return s.error();
        for (const QString &key : {nameKey, urlTemplateKey}) {
            if (!item.value(key).isString())
                return Error::badInput(QStringLiteral("invalid_type"), QStringLiteral("%1 must be a string.").arg(itemField(i, key)),
                                       itemField(i, key));
        }
        links.append({item.value(nameKey).toString().trimmed(), item.value(urlTemplateKey).toString().trimmed()});
    }
    return links;
}

QJsonArray dashboardLinksToJson(const QList<DashboardLink> &links)
{
    QJsonArray items;
    for (const DashboardLink &link : links)
        items.append(QJsonObject{{nameKey, link.name}, {urlTemplateKey, link.urlTemplate}});
    return items;
}

} // namespace NeoCloud
