#include "ProbeTargets.h"

#include "vast/VastPlans.h"

#include <QUrl>

namespace NeoCloud {

namespace {

// "host:port" or "host:/path" (NFS) into host and port, with the protocol's default port.
QPair<QString, quint16> hostPort(const QString &text, quint16 defaultPort)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return {text, defaultPort};
    bool ok = false;
    const quint16 port = text.mid(colon + 1).toUShort(&ok);
    return {text.left(colon), ok ? port : defaultPort};
}

} // namespace

QList<ProbeTarget> probeTargetsFor(const Tenant &tenant, const Service &service, const ProbeSources &sources)
{
    if (service.state != ServiceState::Active)
        return {};
    const QJsonObject &e = service.endpoints;
    QList<ProbeTarget> out;
    auto add = [&](const QString &protocol, const QPair<QString, quint16> &where, const QString &path = {}) {
        if (where.first.isEmpty() || !where.second)
            return;
        ProbeTarget t;
        t.tenantId = tenant.id;
        t.tenantName = tenant.name;
        t.serviceId = service.id;
        t.kind = service.kind;
        t.protocol = protocol;
        t.host = where.first;
        t.port = where.second;
        t.shownEndpoint = where.first + u':' + QString::number(where.second);
        t.path = path;
        if (protocol == QLatin1String("s3")) {
            t.bucket = e.value(QStringLiteral("bucket")).toString();
            if (sources.s3Key)
                t.s3Key = sources.s3Key(tenant.id);
            if (!t.s3Key) // nothing to sign with: is anything listening at least
                t.protocol = QStringLiteral("tcp");
        }
        if (sources.address) {
            // By the endpoint's own protocol: a keyless S3 probe still connects to the S3 endpoint.
            const auto real = sources.address(Vast::vipPool(tenant), protocol, t.host, t.port);
            if (!real)
                return;
            t.host = real->first;
            t.port = real->second;
        }
        out << t;
    };
    auto fromUrl = [&](const QString &protocol, const QString &text) {
        const QUrl url(text);
        if (url.isValid() && !url.host().isEmpty())
            add(protocol, {url.host(), quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80))}, url.path());
    };
    const QString &kind = service.kind;
    if (kind == QLatin1String("object-storage"))
        fromUrl(QStringLiteral("s3"), e.value(QStringLiteral("s3")).toString());
    else if (kind == QLatin1String("file-storage") && e.contains(QStringLiteral("nfs")))
        add(QStringLiteral("nfs"), {hostPort(e.value(QStringLiteral("nfs")).toString(), 2049).first, 2049});
    else if (kind == QLatin1String("block-storage"))
        add(QStringLiteral("tcp"), hostPort(e.value(QStringLiteral("nvmeTcp")).toString(), 4420));
    else if (kind == QLatin1String("event-streaming"))
        add(QStringLiteral("kafka"), hostPort(e.value(QStringLiteral("kafkaBootstrap")).toString(), 9092));
    else if (kind == QLatin1String("database") || kind == QLatin1String("telemetry"))
        fromUrl(QStringLiteral("http"), e.value(QStringLiteral("endpoint")).toString());
    return out;
}

} // namespace NeoCloud
