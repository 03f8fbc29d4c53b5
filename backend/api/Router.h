#pragma once
// Maps method + path to a handler. Patterns use OpenAPI's syntax ("/api/v1/devices/{id}") so the
// registered table can be checked against the published openapi.json. Knows when a path exists
// under another method, so a wrong method gets 405 with an Allow header instead of 404.

#include "ApiMessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace NeoCloud {

enum class Access {
    Public,        // health, version, login
    Authenticated, // any valid token
    Operator,      // operator-admin or operator-viewer
    OperatorAdmin, // changes to the platform
};

using Handler = std::function<ApiResponse(const ApiRequest &)>;

struct Route
{
    HttpMethod method;
    QString pattern;
    Access access;
    Handler handler;
    QStringList segments; // pattern split on '/'
};

class Router
{
public:
    void add(HttpMethod method, const QString &pattern, Access access, Handler handler);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<HttpMethod> allowed; // other methods that exist for this path, when route is null
    };
    Match match(HttpMethod method, const QString &path) const;

    const QList<Route> &routes() const { return m_routes; }

    // Answers paths outside /api that no route matches (the web console and its client-side
    // routes). Unset, they are 404 like any unknown path. Not a route: the API document
    // describes the API, not the console's files.
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    const Handler &fallback() const { return m_fallback; }

private:
    QList<Route> m_routes;
    Handler m_fallback;
};

QString methodName(HttpMethod method);

} // namespace NeoCloud
