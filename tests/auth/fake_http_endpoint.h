#pragma once

#include "core/net/http_types.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QMap>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace mlwatch::test {

// One request as the server saw it.
struct RecordedRequest {
    QByteArray method;
    QString path; // decoded
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }

    // An application/x-www-form-urlencoded body as name → decoded value ('+' is a space, as
    // the format says; %XX is a byte).
    QMap<QString, QString> form() const {
        QMap<QString, QString> fields;
        const QList<QByteArray> pairs = body.split('&');
        for (const QByteArray &pair : pairs) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            QByteArray name = eq < 0 ? pair : pair.left(eq);
            QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
            name.replace('+', ' ');
            value.replace('+', ' ');
            fields.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                          QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
        }
        return fields;
    }
};

// A real HTTP server on 127.0.0.1 (random port) that records every request, whatever its path,
// and answers with what the test's handler returns (404 until one is set). Plays token
// endpoints, ARM, Cloud Monitoring or a CloudWatch that says no.
class FakeHttpEndpoint {
public:
    using Handler = std::function<QHttpServerResponse(const RecordedRequest &)>;

    FakeHttpEndpoint() {
        m_server.route(QStringLiteral("/"), QHttpServerRequest::Method::AnyKnown,
                       [this](const QHttpServerRequest &request) { return handle(request); });
        // A QUrl argument matches the rest of the path, slashes included.
        m_server.route(QStringLiteral("/<arg>"), QHttpServerRequest::Method::AnyKnown,
                       [this](const QUrl &, const QHttpServerRequest &request) { return handle(request); });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_port != 0; }
    // "http://127.0.0.1:PORT" + path
    QUrl url(const QString &path = QString()) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + path);
    }
    QString base() const { return url().toString(); }

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QList<RecordedRequest> requests;
    int countFor(const QString &path) const {
        int n = 0;
        for (const RecordedRequest &r : requests)
            n += r.path == path ? 1 : 0;
        return n;
    }

    static QHttpServerResponse json(const QByteArray &body, int status = 200) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), body,
                                   QHttpServerResponder::StatusCode(status));
    }

private:
    QHttpServerResponse handle(const QHttpServerRequest &request) {
        RecordedRequest r;
        static const QMap<QHttpServerRequest::Method, QByteArray> names{
            {QHttpServerRequest::Method::Get, "GET"},   {QHttpServerRequest::Method::Post, "POST"},
            {QHttpServerRequest::Method::Put, "PUT"},   {QHttpServerRequest::Method::Delete, "DELETE"},
            {QHttpServerRequest::Method::Head, "HEAD"}, {QHttpServerRequest::Method::Patch, "PATCH"}};
        r.method = names.value(request.method(), "OTHER");
        r.path = request.url().path();
        r.query = QUrlQuery(request.url());
        r.headers = request.headers();
        r.body = request.body();
        requests.append(r);
        if (!m_handler)
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
        return m_handler(r);
    }

    QHttpServer m_server;
    quint16 m_port = 0;
    Handler m_handler;
};

} // namespace mlwatch::test
