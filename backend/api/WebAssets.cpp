#include "WebAssets.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace NeoCloud {

QByteArray WebAssets::contentTypeFor(const QString &fileName)
{
    // Browsers refuse module scripts and stylesheets served under another type, and
    // X-Content-Type-Options: nosniff forbids guessing, so every extension we ship is listed.
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("ico"), "image/x-icon"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("webmanifest"), "application/manifest+json"},
        {QStringLiteral("woff2"), "font/woff2"},
        {QStringLiteral("woff"), "font/woff"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
    };
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    return types.value(dot < 0 ? QString() : fileName.mid(dot + 1).toLower(), "application/octet-stream");
}

WebAssets::WebAssets(const QString &root)
{
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        WebAsset asset;
        asset.body = in.readAll();
        asset.contentType = contentTypeFor(file);
        asset.etag = '"' + QCryptographicHash::hash(asset.body, QCryptographicHash::Sha1).toHex().left(20) + '"';
        m_assets.insert(file.mid(root.size()), asset);
    }
}

std::optional<WebAsset> WebAssets::find(const QString &path) const
{
    const QString key = path == QLatin1String("/") ? QStringLiteral("/index.html") : path;
    const auto it = m_assets.constFind(key);
    if (it == m_assets.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace NeoCloud
