#pragma once

// A fake Google for provider tests, on one loopback port: the OAuth token endpoint (refresh-token
// grant of an authorized_user file), Cloud Monitoring's projects.timeSeries.list and the Vertex AI
// list calls, speaking the wire formats of cloud-apis.md §3: int64 as strings, distributions,
// newest-first points, `{}` for no data, nextPageToken paging counted in points, repeated
// aggregation.groupByFields, and Google's error envelope. It checks the bearer token, records
// every API call (with its Authorization and x-goog-user-project headers), and injects faults
// (429 RESOURCE_EXHAUSTED, 5xx, 403 PERMISSION_DENIED …) and token revocation.

#include "core/net/http_types.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace mlwatch::test {

class FakeGoogleCloud {
public:
    static constexpr char kClientSecret[] = "MLWATCH-TEST-SECRET-gcp-client-secret";
    static constexpr char kRefreshToken[] = "MLWATCH-TEST-SECRET-gcp-refresh-token";

    struct Seen {
        QString kind; // "timeSeries" or "vertex"
        QString path;
        QUrlQuery query; // decoded
        QByteArray rawQuery;
        QByteArray authorization;
        QByteArray quotaProject; // x-goog-user-project
        qint64 atMs = 0;         // since the fake started
    };
    struct Fault {
        QString kind;  // "timeSeries" or "vertex"
        QString match; // only requests whose path + "?" + decoded query contains this (empty = any)
        int status = 500;
        QByteArray body; // empty = a fitting envelope for the status
        QByteArray retryAfter;
    };

    FakeGoogleCloud();

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QUrl tokenUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)); }
    // An authorized_user credentials file whose secrets the token endpoint accepts.
    static QByteArray authorizedUserJson();

    void failNext(const QString &kind, int status, const QByteArray &body = {},
                  const QByteArray &retryAfter = {}, int count = 1, const QString &match = {}) {
        for (int i = 0; i < count; ++i)
            m_faults.append(Fault{kind, match, status, body, retryAfter});
    }
    // Every token issued so far stops being accepted (a disabled key, revoked consent).
    void revokeTokens() { m_valid.clear(); }

    QList<Seen> seen; // API calls (not token calls), in order
    int tokenRequests = 0;
    bool rejectAllTokens = false;
    int pointsPerPage = 100000; // timeSeries page size in points (the request's pageSize caps it too)
    QStringList endpointIds{QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("103")};
    int endpointsPerPage = 2;     // Vertex endpoints list
    bool vertexForbidden = false; // Vertex list calls answer 403 PERMISSION_DENIED

    int count(const QString &kind) const {
        return int(std::count_if(seen.cbegin(), seen.cend(), [&](const Seen &s) { return s.kind == kind; }));
    }

private:
    QHttpServerResponse handle(const QHttpServerRequest &r);
    QHttpServerResponse token(const QHttpServerRequest &r);
    QHttpServerResponse timeSeries(const QString &project, const QUrlQuery &query);
    QHttpServerResponse vertex(const QString &path, const QUrlQuery &query);

    QHttpServer m_server;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    QList<Fault> m_faults;
    QSet<QByteArray> m_valid;
};

} // namespace mlwatch::test
