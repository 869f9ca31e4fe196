#pragma once

#include "core/alerts/notification_policy.h"
#include "core/common/error.h"
#include "core/common/result.h"
#include "core/net/http_types.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <chrono>

namespace mlwatch {

class HttpClient;

// How often and how patiently a webhook delivery is retried.
struct WebhookRetryPolicy {
    int maxAttempts = 5;                        // bounded: the first try included
    std::chrono::milliseconds firstDelay{2000}; // before the 2nd attempt
    double multiplier = 3.0;                    // 2 s, 6 s, 18 s, 54 s …
    std::chrono::milliseconds maxDelay{300000}; // cap, also for a server's Retry-After
};

// Posts alert notifications to per-rule webhooks (Slack incoming webhooks, Mattermost, a chat
// bot, a script) through the shared HttpClient: asynchronous, never blocking the UI.
//
// Contract:
//  - URLs: https:// anywhere, http:// only to a loopback host (for local tools and tests).
//    Anything else is refused before a connection is made, with an error naming the rule.
//  - Body: one JSON object per notification line (see payload()), Content-Type application/json.
//  - A 2xx answer is delivered(). Transport errors, timeouts, 408, 429 and 5xx are retried with
//    exponential backoff (Retry-After honoured up to maxDelay) until maxAttempts; other answers
//    (400, 403, 404 …) are permanent. Each final failure is one failed() with an Error value.
//  - A webhook URL can itself be a secret (Slack's carries a token in its path): messages name
//    the host only, never the path or query.
class WebhookNotifier : public QObject {
    Q_OBJECT
public:
    // `http` must outlive the notifier.
    explicit WebhookNotifier(HttpClient &http, QObject *parent = nullptr);
    ~WebhookNotifier() override;

    void setRetryPolicy(const WebhookRetryPolicy &policy) { m_retry = policy; }
    const WebhookRetryPolicy &retryPolicy() const { return m_retry; }

    // Whether a webhook may be posted to `url` (BadArgument with a translated reason otherwise).
    static Result<void> checkUrl(const QUrl &url);

    // {"rule","ruleName","event","state","level","value","unit","time","text"}: `value` is a
    // number in the rule's display unit or null when missing, `unit` the rule's unit as written,
    // `time` ISO 8601 UTC of the period, `text` a one-line Slack-compatible message.
    static QJsonObject payload(const NotificationItem &item);

    // Queues the delivery and returns at once. A refused URL is returned as an error here and
    // also reported through failed(), so listeners see every failure in one place.
    Result<void> post(const QUrl &url, const NotificationItem &item);

    // Deliveries not yet finished (including those waiting for a retry).
    int pendingCount() const { return m_pending; }

Q_SIGNALS:
    void delivered(const QString &ruleId, int attempts);
    void failed(const QString &ruleId, const mlwatch::Error &error);

private:
    struct Delivery {
        QString ruleId;
        HttpRequest request;
        int attempt = 0;
    };
    void attempt(Delivery delivery);
    void retryOrFail(Delivery delivery, const Error &error, std::chrono::milliseconds retryAfter);
    std::chrono::milliseconds backoff(int attemptsMade) const;

    HttpClient &m_http;
    WebhookRetryPolicy m_retry;
    int m_pending = 0;
};

} // namespace mlwatch
