#include "core/net/http_client.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mlwatch {

namespace {

// lupdate files tr() calls outside a class under the enclosing named namespace, so this
// helper looks them up in that same context.
QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch", text);
}

// Set on a reply we abort ourselves, so the finished handler can tell a cancel from a timeout
// (Qt reports both as OperationCanceledError).
constexpr char kAbortReason[] = "mlwatch_abort_reason";
enum AbortReason { NotAborted = 0, AbortedByCaller = 1, AbortedTooLarge = 2 };

bool carriesCredentials(const HttpRequest &request) {
    return !headerValue(request.headers, "Authorization").isEmpty() ||
           !headerValue(request.headers, "X-Amz-Security-Token").isEmpty();
}

// One mapping of transport failures to errors people can act on. `host` names the peer;
// nothing from the request's headers or body goes into the text.
Error transportError(QNetworkReply::NetworkError code, const QString &host, const QString &callName,
                     const QString &qtText) {
    using E = QNetworkReply::NetworkError;
    const QString call = callName.isEmpty() ? tr("request") : callName;
    switch (code) {
    case E::TimeoutError:
    case E::OperationCanceledError:
        return {ErrorCode::Timeout,
                tr("%1 to %2 timed out. Check the network or try again later.").arg(call, host), qtText};
    case E::HostNotFoundError:
        return {ErrorCode::Network,
                tr("%1: host %2 was not found. Check the endpoint and your DNS.").arg(call, host), qtText};
    case E::ConnectionRefusedError:
        return {ErrorCode::Network,
                tr("%1: %2 refused the connection. Check the endpoint URL.").arg(call, host), qtText};
    case E::SslHandshakeFailedError:
        return {ErrorCode::Network,
                tr("%1: the TLS certificate of %2 could not be verified; the request was not sent.")
                    .arg(call, host),
                qtText};
    default:
        return {ErrorCode::Network, tr("%1 to %2 failed: network error.").arg(call, host), qtText};
    }
}

} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent) {}

HttpClient::~HttpClient() = default;

QNetworkAccessManager *HttpClient::manager() {
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        // Redirects could carry a signed request to another host: never follow them.
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return m_manager;
}

bool HttpClient::mayCarryCredentials(const QUrl &url) {
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return false;
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QNetworkReply *HttpClient::send(const HttpRequest &request, QObject *context, Callback done) {
    const QString host = request.url.host();
    if (carriesCredentials(request) && !mayCarryCredentials(request.url)) {
        // Refuse before anything leaves the machine; the error names the rule, not the secret.
        done(Error{ErrorCode::BadArgument,
                   tr("Refusing to send credentials over unencrypted HTTP to %1. Use an https:// endpoint "
                      "(plain http is allowed only for this computer's loopback address).")
                       .arg(host),
                   QStringLiteral("scheme=%1").arg(request.url.scheme())});
        return nullptr;
    }

    QNetworkRequest qreq(request.url);
    for (const auto &[name, value] : request.headers)
        qreq.setRawHeader(name, value);
    qreq.setTransferTimeout(int(m_timeout.count()));
    qreq.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_extraCaCertificates.isEmpty())
        qreq.setSslConfiguration(m_sslConfiguration);

    QNetworkReply *reply = manager()->sendCustomRequest(qreq, request.method, request.body);
    ++m_requestCount;
    Q_EMIT requestCountChanged(m_requestCount);
    // Method and host only: a path can carry a secret (webhook URLs put their token there).
    qCDebug(lcNet) << request.method << host << "sent";

    const qint64 maxBytes = m_maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes && reply->property(kAbortReason).toInt() == NotAborted) {
            reply->setProperty(kAbortReason, AbortedTooLarge);
            reply->abort();
        }
    });

    QPointer<QObject> guard(context);
    const QString callName = request.callName;
    const QByteArray method = request.method;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, guard, done = std::move(done), callName, method, host, maxBytes]() {
                reply->deleteLater();
                ++m_answeredCount;
                Q_EMIT requestAnswered(m_answeredCount);
                if (!guard)
                    return;
                const int reason = reply->property(kAbortReason).toInt();
                const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                if (reason == AbortedByCaller) {
                    done(Error{ErrorCode::Cancelled, tr("%1 was cancelled.").arg(callName), QString()});
                    return;
                }
                if (reason == AbortedTooLarge) {
                    done(Error{ErrorCode::BadResponse,
                               tr("%1: the answer from %2 is larger than %3 MiB and was not read.")
                                   .arg(callName, host)
                                   .arg(maxBytes / (1024 * 1024)),
                               QString()});
                    return;
                }
                if (!statusAttr.isValid()) {
                    qCInfo(lcNet) << method << host << "failed:" << reply->error();
                    done(transportError(reply->error(), host, callName, reply->errorString()));
                    return;
                }
                HttpResponse response;
                response.status = statusAttr.toInt();
                for (const auto &pair : reply->rawHeaderPairs())
                    response.headers.append(pair);
                response.body = reply->readAll();
                m_bytesReceived += response.body.size();
                qCDebug(lcNet) << method << host << response.status;
                done(std::move(response));
            });
    if (context)
        connect(context, &QObject::destroyed, reply, [reply] {
            reply->setProperty(kAbortReason, AbortedByCaller);
            reply->abort();
        });
    return reply;
}

void HttpClient::setExtraCaCertificates(const QList<QSslCertificate> &certificates) {
    m_extraCaCertificates = certificates;
    m_sslConfiguration = QSslConfiguration::defaultConfiguration();
    if (certificates.isEmpty())
        return;
    // Setting any CA list turns off Qt's on-demand loading of the system store, so the system's
    // CAs are listed explicitly: the extras are added to them, never instead of them.
    QList<QSslCertificate> authorities = m_sslConfiguration.caCertificates();
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    for (const QList<QSslCertificate> *list : {&system, &certificates}) {
        for (const QSslCertificate &certificate : *list) {
            if (!authorities.contains(certificate))
                authorities.append(certificate);
        }
    }
    m_sslConfiguration.setCaCertificates(authorities);
    // Verification is on even if the process-wide default was lowered.
    const QSslSocket::PeerVerifyMode mode = m_sslConfiguration.peerVerifyMode();
    if (mode == QSslSocket::VerifyNone || mode == QSslSocket::QueryPeer)
        m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

Result<QList<QSslCertificate>> HttpClient::loadCaBundle(const QString &pemPath) {
    constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024; // the whole Mozilla store is ~250 KiB
    const QString file = QDir::toNativeSeparators(pemPath);
    const QFileInfo info(pemPath);
    if (pemPath.isEmpty() || !info.isFile())
        return Error{ErrorCode::Io, tr("The CA bundle %1 was not found.").arg(file), QString()};
    if (info.size() > kMaxBundleBytes)
        return Error{ErrorCode::BadArgument,
                     tr("The CA bundle %1 is larger than %2 MiB; it is not a PEM certificate file.")
                         .arg(file)
                         .arg(kMaxBundleBytes / (1024 * 1024)),
                     QString()};
    QFile reader(pemPath);
    if (!reader.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     tr("Could not read the CA bundle %1: %2.").arg(file, reader.errorString()), QString()};
    const QByteArray pem = reader.readAll();
    const qsizetype blocks = pem.count("-----BEGIN CERTIFICATE-----");
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (certificates.isEmpty())
        return Error{ErrorCode::BadArgument,
                     tr("The CA bundle %1 contains no PEM certificate (\"-----BEGIN CERTIFICATE-----\" "
                        "blocks).")
                         .arg(file),
                     QString()};
    if (certificates.size() < blocks)
        return Error{
            ErrorCode::BadArgument,
            tr("The CA bundle %1 has %2 certificate blocks, but only %3 could be read; fix or remove "
               "the damaged ones.")
                .arg(file)
                .arg(blocks)
                .arg(certificates.size()),
            QString()};
    return certificates;
}

void HttpClient::abortAll() {
    if (!m_manager)
        return;
    const auto replies = m_manager->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        if (reply->isRunning()) {
            reply->setProperty(kAbortReason, AbortedByCaller);
            reply->abort();
        }
    }
}

} // namespace mlwatch
