#include "LoginThrottle.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace NeoCloud {
namespace {

// Usernames are matched the way people type them; addresses by their text, with IPv4-mapped
// IPv6 folded to IPv4 so one client cannot double its allowance.
QString addressKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

LoginThrottle::LoginThrottle(LoginThrottleConfig config, Clock clock)
    : m_config(config)
    , m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
}

qint64 LoginThrottle::now() const
{
    return m_clock();
}

std::optional<int> LoginThrottle::wait(QList<qint64> &failures, int limit, qint64 at) const
{
    failures.erase(std::remove_if(failures.begin(), failures.end(),
                                  [&](qint64 t) { return at - t >= m_config.windowMs; }),
                   failures.end());
    if (failures.size() < limit)
        return std::nullopt;
    // Allowed again once the oldest failure that keeps the count at the limit leaves the window.
    const qint64 freedAt = failures.at(failures.size() - limit) + m_config.windowMs;
    return std::max(1, int(std::ceil(double(freedAt - at) / 1000.0)));
}

std::optional<int> LoginThrottle::retryAfter(const QString &username, const QHostAddress &address)
{
    const qint64 at = now();
    std::optional<int> result;
    const auto consider = [&](QHash<QString, QList<qint64>> &table, const QString &key, int limit) {
        auto it = table.find(key);
        if (it == table.end())
            return;
        const std::optional<int> w = wait(*it, limit, at);
        if (it->isEmpty())
            table.erase(it);
        if (w && (!result || *w > *result))
            result = w;
    };
    consider(m_byUsername, username.toLower(), m_config.failuresPerUsername);
    consider(m_byAddress, addressKey(address), m_config.failuresPerAddress);
    return result;
}

void LoginThrottle::recordFailure(const QString &username, const QHostAddress &address)
{
    const qint64 at = now();
    m_byUsername[username.toLower()].append(at);
    m_byAddress[addressKey(address)].append(at);
}

void LoginThrottle::recordSuccess(const QString &username)
{
    m_byUsername.remove(username.toLower());
}

} // namespace NeoCloud
