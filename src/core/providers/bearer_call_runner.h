#pragma once

#include "core/common/result.h"
#include "core/net/http_types.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace mlwatch {

class HttpClient;
class TokenSource;

// Sends requests with "Authorization: Bearer <token>" and carries each through its retries: the
// glue the Azure and Google providers share (cloud-apis.md §2.5, §3.3). A try fetches a token from
// its TokenSource, sends, and on the answer: a 401 drops the token and retries once with a fresh
// one; a transport failure or a non-2xx answer asks `decide` for a retry delay; an answer whose
// headers ask for pacing (`pace`) holds back later calls to the same host. `done` gets the final
// answer (any status, non-2xx included, so the caller can word the error its cloud's way) with the
// number of attempts, or an Error (account-prefixed) when there was no answer.
// What differs between the clouds comes in as Hooks. Tokens and bodies are never logged.
// Threading: the thread of `http`; callbacks run there. Everything in flight (requests, retry
// timers, token callbacks) lives in context(); cancelAll() deletes it and nothing more is called.
class BearerCallRunner {
public:
    using Done = std::function<void(Result<HttpResponse>, int attempts)>;

    // How a rejected (401) token is dropped when several calls carried it.
    enum class TokenRefresh {
        Always,    // every 401 invalidates the source (one refresh per rejected call)
        IfCurrent, // only a rejection of the token handed out last invalidates (one refresh, not a storm)
    };

    struct Hooks {
        // Retry delay after attempt `attempt` failed with `answer` (nullptr = no answer: network
        // error or timeout); nullopt = give up.
        std::function<std::optional<std::chrono::milliseconds>(const HttpResponse *answer, int attempt)>
            decide;
        // Pause before later calls to the answer's host, from its headers; unset = never pace.
        std::function<std::chrono::milliseconds(const HttpHeaders &headers)> pace;
        // Told of every non-2xx answer that is not a first 401, before the retry decision (Azure
        // learns from it that an endpoint does not serve getBatch).
        std::function<void(const TokenSource &tokens, const HttpRequest &request, const HttpResponse &answer)>
            refused;
        // A call waits before it is sent: a retry or pacing. For the providers' callDelayed signals.
        std::function<void(const QString &callName, qint64 delayMs)> delayed;
    };

    BearerCallRunner(HttpClient &http, QObject *owner, QString accountLabel,
                     const QLoggingCategory &(*category)(), TokenRefresh refresh, Hooks hooks);
    BearerCallRunner(const BearerCallRunner &) = delete;
    BearerCallRunner &operator=(const BearerCallRunner &) = delete;
    ~BearerCallRunner();

    // `request` is sent without an Authorization header; each try adds the token of `tokens`,
    // which must outlive the call.
    void send(HttpRequest request, TokenSource &tokens, Done done);
    // Aborts everything in flight: no callback of it runs afterwards.
    void cancelAll();
    // The context of everything in flight; off-thread parses hang off it too, so that
    // cancelAll() drops their results.
    QObject *context() const { return m_inflight; }
    // "<account>: <message>", as every error the providers report.
    Error withAccount(Error error) const;

private:
    struct Attempt;

    void schedule(const std::shared_ptr<Attempt> &attempt);
    void dispatch(const std::shared_ptr<Attempt> &attempt);
    void onAnswer(const std::shared_ptr<Attempt> &attempt, Result<HttpResponse> result);
    void retryLater(const std::shared_ptr<Attempt> &attempt, std::chrono::milliseconds delay);

    HttpClient &m_http;
    QObject *m_owner;
    QString m_accountLabel;
    const QLoggingCategory &(*m_category)();
    TokenRefresh m_refresh;
    Hooks m_hooks;
    QHash<const TokenSource *, size_t> m_tokenHash; // the token each source handed out last (a hash)
    QHash<QString, QDeadlineTimer> m_paceUntil;     // "host:port" → no call before
    QObject *m_inflight = nullptr;                  // child of m_owner; cancelAll() replaces it
};

} // namespace mlwatch
