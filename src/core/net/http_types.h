#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mlwatch {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive lookup of the first header with that name; empty when absent.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);

// A request exactly as it goes on the wire. Signers add their headers to `headers`; the HTTP
// layer adds nothing that a signer must see (Qt's own User-Agent etc. are not signed).
struct HttpRequest {
    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QString callName; // "GetMetricData", for messages and logs: says which call failed

    void setHeader(const QByteArray &name, const QByteArray &value);
};

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace mlwatch
