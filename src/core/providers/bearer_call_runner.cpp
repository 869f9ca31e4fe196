#include "core/providers/bearer_call_runner.h"

#include "core/auth/access_token.h"
#include "core/net/http_client.h"

#include <QPointer>
#include <QTimer>

#include <utility>

namespace mlwatch {

namespace {

QString hostKey(const QUrl &url) {
    return url.host().toLower() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

} // namespace

// One request through its retries.
struct BearerCallRunner::Attempt {
    HttpRequest request; // without the Authorization header, which is added per try
    TokenSource *tokens = nullptr;
    Done done;
    int attempt = 1;
    bool refreshedToken = false; // a 401 fetches a fresh token once
    size_t tokenHash = 0;        // which token the last try carried (a hash: the value stays in the source)
};

BearerCallRunner::BearerCallRunner(HttpClient &http, QObject *owner, QString accountLabel,
                                   const QLoggingCategory &(*category)(), TokenRefresh refresh, Hooks hooks)
    : m_http(http)
    , m_owner(owner)
    , m_accountLabel(std::move(accountLabel))
    , m_category(category)
    , m_refresh(refresh)
    , m_hooks(std::move(hooks))
    , m_inflight(new QObject(owner)) {}

// The context is a child of the owner and dies with it.
BearerCallRunner::~BearerCallRunner() = default;

Error BearerCallRunner::withAccount(Error error) const {
    error.message = m_accountLabel + QStringLiteral(": ") + error.message;
    return error;
}

void BearerCallRunner::cancelAll() {
    // Deleting the context aborts every request, pending retry timer, pending token callback
    // and off-thread parse result at once.
    delete m_inflight;
    m_inflight = new QObject(m_owner);
}

void BearerCallRunner::send(HttpRequest request, TokenSource &tokens, Done done) {
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->tokens = &tokens;
    attempt->done = std::move(done);
    schedule(attempt);
}

void BearerCallRunner::schedule(const std::shared_ptr<Attempt> &attempt) {
    // Pacing: the last answer from this host said its read budget is nearly spent.
    const qint64 wait = m_hooks.pace ? m_paceUntil.value(hostKey(attempt->request.url)).remainingTime() : 0;
    if (wait <= 0) {
        dispatch(attempt);
        return;
    }
    if (m_hooks.delayed)
        m_hooks.delayed(attempt->request.callName, wait);
    QTimer::singleShot(std::chrono::milliseconds(wait), m_inflight, [this, attempt] { dispatch(attempt); });
}

void BearerCallRunner::dispatch(const std::shared_ptr<Attempt> &attempt) {
    const QPointer<QObject> context = m_inflight;
    // The token source may answer at once (cached) or after its own HTTP call; a cancel in
    // between leaves `context` null and nothing is sent.
    attempt->tokens->token([this, attempt, context](Result<AccessToken> token) {
        if (!context)
            return;
        if (!token) {
            attempt->done(withAccount(token.error()), attempt->attempt);
            return;
        }
        attempt->tokenHash = qHash(token->value);
        m_tokenHash.insert(attempt->tokens, attempt->tokenHash);
        HttpRequest request = attempt->request;
        request.setHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token->value);
        m_http.send(request, context,
                    [this, attempt](Result<HttpResponse> result) { onAnswer(attempt, std::move(result)); });
    });
}

void BearerCallRunner::onAnswer(const std::shared_ptr<Attempt> &attempt, Result<HttpResponse> result) {
    if (!result) {
        const ErrorCode code = result.error().code;
        if (code == ErrorCode::Network || code == ErrorCode::Timeout) {
            if (const auto delay = m_hooks.decide(nullptr, attempt->attempt)) {
                retryLater(attempt, *delay);
                return;
            }
        }
        attempt->done(withAccount(result.error()), attempt->attempt);
        return;
    }
    const HttpResponse &response = *result;
    if (m_hooks.pace) {
        const auto pace = m_hooks.pace(response.headers);
        if (pace.count() > 0) {
            QDeadlineTimer &until = m_paceUntil[hostKey(attempt->request.url)];
            if (until.remainingTime() < pace.count())
                until = QDeadlineTimer(pace);
            qCInfo(m_category) << attempt->request.callName << "read budget low; pacing the next calls by"
                               << pace.count() << "ms";
        }
    }
    if (response.isSuccess()) {
        attempt->done(std::move(result), attempt->attempt);
        return;
    }
    if (response.status == 401 && !attempt->refreshedToken) {
        // Tokens can be revoked, rotated or their key disabled before they expire: one fresh
        // token, one retry. With TokenRefresh::IfCurrent, when several calls in flight are
        // rejected together only a rejection of the token still current drops it; the others
        // retry with the one already fetched (one refresh, not a storm, cloud-apis.md §4.32).
        attempt->refreshedToken = true;
        if (m_refresh == TokenRefresh::Always || attempt->tokenHash == m_tokenHash.value(attempt->tokens)) {
            attempt->tokens->invalidate();
            qCInfo(m_category) << attempt->request.callName << "token rejected; fetching a new one";
        }
        schedule(attempt);
        return;
    }
    if (m_hooks.refused)
        m_hooks.refused(*attempt->tokens, attempt->request, response);
    if (const auto delay = m_hooks.decide(&response, attempt->attempt)) {
        retryLater(attempt, *delay);
        return;
    }
    attempt->done(std::move(result), attempt->attempt);
}

void BearerCallRunner::retryLater(const std::shared_ptr<Attempt> &attempt, std::chrono::milliseconds delay) {
    qCInfo(m_category) << attempt->request.callName << "attempt" << attempt->attempt << "failed; retrying in"
                       << delay.count() << "ms";
    if (m_hooks.delayed)
        m_hooks.delayed(attempt->request.callName, delay.count());
    ++attempt->attempt;
    QTimer::singleShot(delay, m_inflight, [this, attempt] { schedule(attempt); });
}

} // namespace mlwatch
