#include "notify/webhook_notifier.h"

#include "core/net/http_client.h"
#include "notify/notification_text.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

bool isRetryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

// Retry-After in seconds (the HTTP-date form is rare for webhooks and is ignored).
std::chrono::milliseconds retryAfter(const HttpResponse &response) {
    bool ok = false;
    const qint64 seconds = response.header("Retry-After").trimmed().toLongLong(&ok);
    return ok && seconds > 0 ? std::chrono::milliseconds(seconds * 1000) : std::chrono::milliseconds(0);
}

} // namespace

WebhookNotifier::WebhookNotifier(HttpClient &http, QObject *parent)
    : QObject(parent)
    , m_http(http) {}

WebhookNotifier::~WebhookNotifier() = default;

Result<void> WebhookNotifier::checkUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return Error{ErrorCode::BadArgument, tr("The webhook URL is not a valid http(s) address."),
                     QString()};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return Error{ErrorCode::BadArgument,
                     tr("The webhook URL must start with https:// (it starts with %1://).").arg(scheme),
                     QString()};
    // The same rule as for credentials: an alert can say a lot about a system, and a webhook URL
    // often is a credential itself.
    if (!HttpClient::mayCarryCredentials(url))
        return Error{ErrorCode::BadArgument,
                     tr("Refusing to post a webhook over unencrypted HTTP to %1. Use https:// (plain http is "
                        "allowed only for this computer's loopback address).")
                         .arg(url.host()),
                     QStringLiteral("scheme=%1").arg(scheme)};
    return {};
}

QJsonObject WebhookNotifier::payload(const NotificationItem &item) {
    QJsonObject o;
    o.insert(QStringLiteral("rule"), item.ruleId);
    o.insert(QStringLiteral("ruleName"), item.ruleName);
    o.insert(QStringLiteral("event"), notificationKindName(item.kind));
    o.insert(QStringLiteral("state"), alertStateName(item.state.kind));
    o.insert(QStringLiteral("level"), alertLevelName(item.level));
    o.insert(QStringLiteral("value"), item.hasValue() && std::isfinite(item.value)
                                          ? QJsonValue(item.value)
                                          : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("unit"), item.unit);
    o.insert(QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(item.periodMs, Qt::UTC).toString(Qt::ISODate));
    o.insert(QStringLiteral("text"), NotificationText::slackText(item));
    return o;
}

Result<void> WebhookNotifier::post(const QUrl &url, const NotificationItem &item) {
    if (Result<void> allowed = checkUrl(url); !allowed) {
        Error error = allowed.error();
        error.message = tr("Webhook of rule “%1”: %2")
                            .arg(item.ruleName.isEmpty() ? item.ruleId : item.ruleName, error.message);
        Q_EMIT failed(item.ruleId, error);
        return error;
    }
    Delivery delivery;
    delivery.ruleId = item.ruleId;
    delivery.request.method = QByteArrayLiteral("POST");
    delivery.request.url = url;
    delivery.request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    delivery.request.body = QJsonDocument(payload(item)).toJson(QJsonDocument::Compact);
    delivery.request.callName = tr("Alert webhook");
    ++m_pending;
    attempt(std::move(delivery));
    return {};
}

std::chrono::milliseconds WebhookNotifier::backoff(int attemptsMade) const {
    const double factor = std::pow(std::max(1.0, m_retry.multiplier), std::max(0, attemptsMade - 1));
    const double ms = double(m_retry.firstDelay.count()) * factor;
    return std::chrono::milliseconds(qint64(std::min(ms, double(m_retry.maxDelay.count()))));
}

void WebhookNotifier::attempt(Delivery delivery) {
    ++delivery.attempt;
    const HttpRequest request = delivery.request;
    m_http.send(request, this, [this, delivery](Result<HttpResponse> result) mutable {
        if (!result) {
            const bool retryable =
                result.error().code == ErrorCode::Network || result.error().code == ErrorCode::Timeout;
            if (retryable)
                retryOrFail(std::move(delivery), result.error(), std::chrono::milliseconds(0));
            else {
                --m_pending;
                Q_EMIT failed(delivery.ruleId, result.error());
            }
            return;
        }
        const HttpResponse &response = *result;
        if (response.isSuccess()) {
            --m_pending;
            Q_EMIT delivered(delivery.ruleId, delivery.attempt);
            return;
        }
        const QString host = delivery.request.url.host();
        Error error{ErrorCode::ServiceError,
                    tr("The webhook at %1 answered HTTP %2.").arg(host).arg(response.status),
                    QStringLiteral("status=%1").arg(response.status)};
        if (response.status == 401 || response.status == 403)
            error.code = ErrorCode::AuthRejected;
        if (!isRetryableStatus(response.status)) {
            --m_pending;
            Q_EMIT failed(delivery.ruleId, error);
            return;
        }
        if (response.status == 429)
            error.code = ErrorCode::Throttled;
        retryOrFail(std::move(delivery), error, retryAfter(response));
    });
}

void WebhookNotifier::retryOrFail(Delivery delivery, const Error &error,
                                  std::chrono::milliseconds serverDelay) {
    if (delivery.attempt >= m_retry.maxAttempts) {
        --m_pending;
        Error final = error;
        final.message = tr("%1 (attempts: %2)").arg(error.message).arg(delivery.attempt);
        Q_EMIT failed(delivery.ruleId, final);
        return;
    }
    const std::chrono::milliseconds delay =
        std::min(std::max(backoff(delivery.attempt), serverDelay), m_retry.maxDelay);
    QTimer::singleShot(delay, this,
                       [this, delivery = std::move(delivery)]() mutable { attempt(std::move(delivery)); });
}

} // namespace mlwatch
