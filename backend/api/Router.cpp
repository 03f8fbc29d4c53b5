#include "Router.h"

namespace NeoCloud {
namespace {

bool matches(const QStringList &pattern, const QStringList &path, QHash<QString, QString> &params)
{
    if (pattern.size() != path.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &segment = pattern.at(i);
        if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'))) {
            if (path.at(i).isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), path.at(i));
        } else if (segment != path.at(i)) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

} // namespace

void Router::add(HttpMethod method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append({method, pattern, access, std::move(handler), pattern.split(QLatin1Char('/'))});
}

Router::Match Router::match(HttpMethod method, const QString &path) const
{
    QString normalised = path;
    if (normalised.size() > 1 && normalised.endsWith(QLatin1Char('/')))
        normalised.chop(1);
    const QStringList segments = normalised.split(QLatin1Char('/'));
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route.segments, segments, params))
            continue;
        // HEAD is answered by the GET handler; the server drops the body.
        if (route.method == method || (method == HttpMethod::Head && route.method == HttpMethod::Get)) {
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
    }
    return result;
}

QString methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return QStringLiteral("GET");
    case HttpMethod::Post: return QStringLiteral("POST");
    case HttpMethod::Put: return QStringLiteral("PUT");
    case HttpMethod::Patch: return QStringLiteral("PATCH");
    case HttpMethod::Delete: return QStringLiteral("DELETE");
    case HttpMethod::Head: return QStringLiteral("HEAD");
    case HttpMethod::Options: return QStringLiteral("OPTIONS");
    case HttpMethod::Other: break;
    }
    return QStringLiteral("OTHER");
}

} // namespace NeoCloud
