#include "ScanTargets.h"

#include "DiscoveryService.h"
#include "LldpParser.h"
#include "core/JsonInput.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QSet>

namespace NeoCloud {
namespace {

Error bad(const QString &field, const QString &message, const QString &code = QStringLiteral("invalid_target"))
{
    return Error::badInput(code, message, field);
}

Result<QUrl> bmcUrl(const QJsonObject &target, const char *key, const QString &field)
{
    const QJsonValue value = target.value(QLatin1String(key));
    if (!value.isString())
        return bad(field, QStringLiteral("%1 must be a URL such as https://10.0.0.11.").arg(field));
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return bad(field, QStringLiteral("%1 must be an http or https URL with a host; got '%2'.").arg(field, value.toString()));
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

Result<ScanPlan> planScan(const QJsonObject &body, const LabEndpoints *lab, int maxTargets)
{
    if (Status s = rejectUnknownKeys(body, {QStringLiteral("targets"), QStringLiteral("concurrency"), QStringLiteral("site")},
                            QStringLiteral("body"));
        !s)
        return s.error();
    ScanPlan plan;
    const QJsonValue concurrency = body.value(QLatin1String("concurrency"));
    if (!concurrency.isUndefined()) {
        if (!concurrency.isDouble() || concurrency.toDouble() != double(concurrency.toInt()) || concurrency.toInt() < 1
            || concurrency.toInt() > 1024)
            return bad(QStringLiteral("concurrency"), QStringLiteral("concurrency must be an integer from 1 to 1024."));
        plan.concurrency = concurrency.toInt();
    }
    const QJsonValue site = body.value(QLatin1String("site"));
    if (!site.isUndefined() && (!site.isString() || site.toString().trimmed().isEmpty()))
        return bad(QStringLiteral("site"), QStringLiteral("site must be a non-empty string."));
    plan.site = site.toString().trimmed();

    const QJsonValue targets = body.value(QLatin1String("targets"));
    if (!targets.isArray() || targets.toArray().isEmpty())
        return bad(QStringLiteral("targets"), QStringLiteral("targets must be a non-empty list."));
    QJsonArray safeTargets;
    QSet<QString> seen;
    const QJsonArray list = targets.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("targets[%1]").arg(i);
        if (!list.at(i).isObject())
            return bad(field, QStringLiteral("%1 must be an object.").arg(field));
        const QJsonObject t = list.at(i).toObject();
        const QString kind = t.value(QLatin1String("kind")).toString();
        QJsonObject safe = t;
        safe.remove(QStringLiteral("password"));
        const QString username = t.value(QLatin1String("username")).toString();
        const QString password = t.value(QLatin1String("password")).toString();
        for (const char *key : {"username", "password"})
            if (t.contains(QLatin1String(key)) && !t.value(QLatin1String(key)).isString())
                return bad(field + QLatin1Char('.') + QLatin1String(key), QStringLiteral("%1 must be a string.").arg(QLatin1String(key)));
        const QJsonValue verify = t.value(QLatin1String("verifyTls"));
        if (!verify.isUndefined() && !verify.isBool())
            return bad(field + QStringLiteral(".verifyTls"), QStringLiteral("verifyTls must be true or false."));
        const bool verifyTls = verify.toBool(true);
        auto add = [&](const QUrl &url) {
            if (!seen.contains(url.toString())) {
                seen.insert(url.toString());
                plan.bmcs << RedfishEndpoint{url, username, password, verifyTls};
            }
        };
        if (kind == QLatin1String("redfish")) {
            if (Status s = rejectUnknownKeys(t, {QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("username"),
                                        QStringLiteral("password"), QStringLiteral("verifyTls")}, field); !s)
                return s.error();
            const auto url = bmcUrl(t, "url", field + QStringLiteral(".url"));
            if (!url)
                return url.error();
            add(*url);
        } else if (kind == QLatin1String("redfish-range")) {
            if (Status s = rejectUnknownKeys(t, {QStringLiteral("kind"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("username"),
                                        QStringLiteral("password"), QStringLiteral("verifyTls")}, field); !s)
                return s.error();
            const auto from = bmcUrl(t, "from", field + QStringLiteral(".from"));
            if (!from)
                return from.error();
            const auto to = bmcUrl(t, "to", field + QStringLiteral(".to"));
            if (!to)
                return to.error();
            QHostAddress first(from->host()), last(to->host());
            if (first.protocol() != QAbstractSocket::IPv4Protocol || last.protocol() != QAbstractSocket::IPv4Protocol)
                return bad(field, QStringLiteral("A range needs IPv4 addresses in from and to."));
            if (from->scheme() != to->scheme() || from->port() != to->port())
                return bad(field, QStringLiteral("from and to must share scheme and port."));
            const quint32 a = first.toIPv4Address(), b = last.toIPv4Address();
            if (b < a)
                return bad(field + QStringLiteral(".to"), QStringLiteral("to must not come before from."));
            if (b - a + 1 > quint32(maxTargets))
                return bad(field, QStringLiteral("The range holds %1 addresses; at most %2 are scanned at once.").arg(b - a + 1).arg(maxTargets));
            for (quint32 ip = a; ip <= b; ++ip) {
                QUrl url = *from;
                url.setHost(QHostAddress(ip).toString());
                add(url);
            }
        } else if (kind == QLatin1String("lldp-json")) {
            if (Status s = rejectUnknownKeys(t, {QStringLiteral("kind"), QStringLiteral("device"), QStringLiteral("data")}, field); !s)
                return s.error();
            const QString device = t.value(QLatin1String("device")).toString();
            if (device.isEmpty())
                return bad(field + QStringLiteral(".device"), QStringLiteral("device must name a known device (id or name)."));
            const auto neighbours = parseLldpNeighbours(t.value(QLatin1String("data")));
            if (!neighbours) {
                Error e = neighbours.error();
                e.field = field + QStringLiteral(".data");
                return e;
            }
            plan.lldp << LldpReport{device, *neighbours};
            safe.remove(QStringLiteral("data"));
            safe.insert(QStringLiteral("neighbours"), int(neighbours->size()));
        } else if (kind == QLatin1String("lab")) {
            if (Status s = rejectUnknownKeys(t, {QStringLiteral("kind")}, field); !s)
                return s.error();
            if (!lab)
                return Error{ErrorKind::Unprocessable, QStringLiteral("no_lab"),
                             QStringLiteral("No demo lab runs in this process; start it with --lab."), field};
            for (const RedfishEndpoint &e : lab->endpoints())
                if (!seen.contains(e.baseUrl.toString())) {
                    seen.insert(e.baseUrl.toString());
                    plan.bmcs << e;
                }
            if (plan.site.isEmpty())
                plan.site = lab->siteName();
        } else {
            return bad(field + QStringLiteral(".kind"),
                       QStringLiteral("kind must be one of redfish, redfish-range, lldp-json, lab; got '%1'.").arg(kind),
                       QStringLiteral("invalid_enum"));
        }
        safeTargets.append(safe);
        if (plan.bmcs.size() > maxTargets)
            return bad(QStringLiteral("targets"), QStringLiteral("At most %1 BMCs per scan.").arg(maxTargets));
    }
    if (plan.site.isEmpty())
        plan.site = QStringLiteral("default");
    plan.payload = QJsonObject{{QStringLiteral("targets"), safeTargets},
                               {QStringLiteral("concurrency"), plan.concurrency},
                               {QStringLiteral("site"), plan.site}};
    return plan;
}

} // namespace NeoCloud
