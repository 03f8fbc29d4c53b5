#pragma once
// Slows password guessing at the login route. Failed attempts are counted per username and per
// client address over a sliding window; past the limit every attempt for that username or from
// that address is refused (429) until the window has moved on, the right password included,
// or a guesser would learn the password from which answer differs. A success clears the
// username's count; the address's count only ages out, so one good account cannot launder
// guesses at others.

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace NeoCloud {

struct LoginThrottleConfig
{
    int windowMs = 60000;
    int failuresPerUsername = 5;
    int failuresPerAddress = 20;
};

class LoginThrottle
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic enough for a window
    explicit LoginThrottle(LoginThrottleConfig config = {}, Clock clock = {});

    // Seconds to wait before this attempt may be made, or nothing when it may go ahead.
    std::optional<int> retryAfter(const QString &username, const QHostAddress &address);
    void recordFailure(const QString &username, const QHostAddress &address);
    void recordSuccess(const QString &username);

private:
    qint64 now() const;
    // Drops failures older than the window; returns the wait left when `limit` is reached.
    std::optional<int> wait(QList<qint64> &failures, int limit, qint64 at) const;

    LoginThrottleConfig m_config;
    Clock m_clock;
    QHash<QString, QList<qint64>> m_byUsername;
    QHash<QString, QList<qint64>> m_byAddress;
};

} // namespace NeoCloud
