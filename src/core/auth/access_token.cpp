#include "core/auth/access_token.h"

#include "core/common/clock.h"

#include <QPointer>

#include <utility>

namespace mlwatch {

bool AccessToken::isFreshAt(const QDateTime &now, std::chrono::seconds margin) const {
    if (value.isEmpty() || !expiresAt.isValid() || !now.isValid())
        return false;
    return now.msecsTo(expiresAt) >= qint64(margin.count()) * 1000;
}

TokenSource::TokenSource(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock) {}

// Callers still waiting when the source dies are not called: the fetch's HTTP request uses the
// source as its context, so it is aborted with it (the same rule as HttpClient's context).
TokenSource::~TokenSource() = default;

void TokenSource::token(TokenDone done) {
    // A cached token is handed out at once (synchronously): no event-loop turn per API call.
    if (m_cached && m_cached->isFreshAt(m_clock.nowUtc(), kRefreshMargin)) {
        done(*m_cached);
        return;
    }
    // Queue first, then fetch: a fetch that fails synchronously (a malformed key) still finds
    // its caller in the queue. Everyone who arrives while the fetch is in flight shares it
    // (cloud-apis.md §4.32: one refresh in flight, no refresh storms).
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return;
    ++m_fetchCount;
    QPointer<TokenSource> self(this);
    fetchToken([self](Result<AccessToken> result) {
        if (!self)
            return;
        if (result)
            self->m_cached = *result;
        // Taken before the calls: a caller that asks again from its callback starts a new
        // round instead of being appended to the list being walked.
        const QList<TokenDone> waiting = std::exchange(self->m_waiting, {});
        for (const TokenDone &callback : waiting)
            callback(result);
    });
}

void TokenSource::invalidate() {
    m_cached.reset();
}

} // namespace mlwatch
