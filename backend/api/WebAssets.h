#pragma once
// The web console's files (resources/web, compiled into the binary) with what serving them needs:
// each file's bytes, Content-Type and ETag, read once at start so a request only looks them up.

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace NeoCloud {

struct WebAsset
{
    QByteArray body;
    QByteArray contentType;
    QByteArray etag; // quoted strong validator, e.g. "\"3f2a...\""
};

class WebAssets
{
public:
    // Reads every file under the resource directory `root` (":/neocloud/web").
    explicit WebAssets(const QString &root);

    // `path` is the URL path ("/", "/app.js", "/icons/x.svg"); "/" is index.html.
    std::optional<WebAsset> find(const QString &path) const;
    // The page the client-side router starts from, for paths that are views, not files.
    std::optional<WebAsset> index() const { return find(QStringLiteral("/index.html")); }
    qsizetype count() const { return m_assets.size(); }

    static QByteArray contentTypeFor(const QString &fileName);

private:
    QHash<QString, WebAsset> m_assets; // by URL path
};

} // namespace NeoCloud
