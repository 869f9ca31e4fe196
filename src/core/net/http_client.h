#pragma once

#include "core/common/result.h"
#include "core/net/http_types.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>

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
//  - one mapping of transport failures to Error values;
//  - optional extra CA certificates (a corporate TLS-inspecting proxy), trusted beside the
//    system's, never instead of verification.
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
    // Requests that came back (answered, failed or cancelled), counted like requestCount(): the
    // difference is what is in flight (the status bar's progress of a load).
    quint64 answeredCount() const { return m_answeredCount; }
    qint64 bytesReceived() const { return m_bytesReceived; }

    // True when `url` may carry credentials: https anywhere, http only on loopback.
    static bool mayCarryCredentials(const QUrl &url);

    // Extra CA certificates trusted for every request from now on, *added to* the system's CAs
    // (a corporate proxy that re-signs TLS). Verification stays on: the peer verify mode is never
    // lowered. An empty list goes back to Qt's default configuration.
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> extraCaCertificates() const { return m_extraCaCertificates; }

    // The environment variable that names a PEM bundle of extra CA certificates. The app and the
    // CLI read it at start-up, load the file with loadCaBundle() and, on success, hand the result
    // to setExtraCaCertificates(); on failure they show the error and go on without it.
    static constexpr char kCaBundleVariable[] = "MLWATCH_CA_BUNDLE";
    // Reads every "-----BEGIN CERTIFICATE-----" block of a PEM file. Errors name the file: Io when
    // it cannot be read, BadArgument when it holds no certificate or a block that is not one.
    static Result<QList<QSslCertificate>> loadCaBundle(const QString &pemPath);

Q_SIGNALS:
    void requestCountChanged(quint64 count);
    void requestAnswered(quint64 answeredCount);

private:
    QNetworkAccessManager *manager();

    QNetworkAccessManager *m_manager = nullptr;
    std::chrono::milliseconds m_timeout{30000};
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    quint64 m_requestCount = 0;
    quint64 m_answeredCount = 0;
    qint64 m_bytesReceived = 0;
    QList<QSslCertificate> m_extraCaCertificates;
    QSslConfiguration m_sslConfiguration; // system + extra CAs; used only when there are extras
};

} // namespace mlwatch
