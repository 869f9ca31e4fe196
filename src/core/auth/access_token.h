#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

namespace mlwatch {

class Clock;

// An OAuth bearer token, in memory only: never logged, written or put in an error text.
struct AccessToken {
    QByteArray value;
    QDateTime expiresAt; // UTC

    // Usable at `now` with at least `margin` left (tokens are refreshed before they lapse).
    bool isFreshAt(const QDateTime &now, std::chrono::seconds margin) const;
};

// Hands out bearer tokens for one account and caches the current one in memory, fetching a new
// one when none is cached or the cached one has less than kRefreshMargin left. Concurrent
// token() calls while a fetch is in flight share that fetch. invalidate() drops the cache (after
// a 401), so the next call fetches.
// Threading: the thread of the HttpClient it uses; callbacks run there.
class TokenSource : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kRefreshMargin{300};
    using TokenDone = std::function<void(Result<AccessToken>)>;

    explicit TokenSource(const Clock &clock, QObject *parent = nullptr);
    ~TokenSource() override;

    void token(TokenDone done);
    void invalidate();
    // How many tokens were fetched (tests count refreshes with it).
    int fetchCount() const { return m_fetchCount; }

protected:
    // Fetch a new token; call `done` exactly once.
    virtual void fetchToken(TokenDone done) = 0;
    const Clock &clock() const { return m_clock; }

private:
    const Clock &m_clock;
    std::optional<AccessToken> m_cached;
    QList<TokenDone> m_waiting;
    int m_fetchCount = 0;
};

} // namespace mlwatch
