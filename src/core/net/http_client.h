#pragma once

#include "core/common/result.h"
#include "core/net/http_types.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mlwatch {

// The one door to the network. Owns a QNetworkAccessManager (created lazily, so start-up does
// no network work), and adds what every cloud call needs:
//  - a transfer timeout and a cap on the response size;
//  - a meter of requests sent (the status bar shows it; tests count calls with it);
//  - a safety rule: a request that carries credentials (Authorization, X-Amz-Security-Token)
//    goes over plain http:// only to a loopback host; TLS verification is never relaxed;
//  - one mapping of transport failures to Error values.
// HTTP error statuses (4xx/5xx) are *not* errors here: they come back as an HttpResponse for
// the provider to read, since each cloud encodes its error in the body.
// Threading: lives on the thread that uses it; callbacks run on that thread.
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    // Sends the request; `done` is called exactly once, on this thread, unless `context` is
    // destroyed first or the call is aborted with abortAll(). Returns the reply so the caller
    // can abort it; it may be null when the request was refused before sending.
    QNetworkReply *send(const HttpRequest &request, QObject *context, Callback done);

    // Aborts every request in flight; their callbacks report ErrorCode::Cancelled.
    void abortAll();

    quint64 requestCount() const { return m_requestCount; }
    qint64 bytesReceived() const { return m_bytesReceived; }

    // True when `url` may carry credentials: https anywhere, http only on loopback.
    static bool mayCarryCredentials(const QUrl &url);

Q_SIGNALS:
    void requestCountChanged(quint64 count);

private:
    QNetworkAccessManager *manager();

    QNetworkAccessManager *m_manager = nullptr;
    std::chrono::milliseconds m_timeout{30000};
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    quint64 m_requestCount = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace mlwatch
