#pragma once

// A fake Azure for provider tests: Entra ID's token endpoint and ARM (metrics GET, Azure ML
// listings with nextLink paging) on one loopback port, the metrics data plane (metrics:getBatch)
// on another, speaking the wire formats of cloud-apis.md §2. It checks what Azure checks
// (api-version, bearer token and its audience per host, ≤ 50 resources per batch), records
// every call, and injects faults (429 with Retry-After, 5xx, 403) and token revocation.

#include "core/net/http_types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace mlwatch::test {

class FakeAzureCloud {
public:
    // The subscription the fake serves and the client secret it accepts.
    static constexpr char kSubscription[] = "00000000-0000-0000-0000-0000000000aa";
    static constexpr char kClientSecret[] = "client-secret-never-shown-7f3e";

    struct Seen {
        QString server; // "arm" or "batch"
        QByteArray method;
        QString path;
        QByteArray rawQuery;
        QByteArray authorization;
        QByteArray body;
        qint64 atMs = 0; // since the fake started
    };
    struct Fault {
        QString server; // "arm" or "batch"
        int status = 500;
        QByteArray retryAfter;
    };

    FakeAzureCloud();

    QUrl armUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_armPort)); }
    QUrl batchUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_batchPort)); }

    void failNext(const QString &server, int status, const QByteArray &retryAfter = {}, int count = 1) {
        for (int i = 0; i < count; ++i)
            m_faults.append(Fault{server, status, retryAfter});
    }
    // Every token issued so far stops being accepted (rotated keys, revoked consent).
    void revokeTokens() { m_valid.clear(); }

    QList<Seen> seen; // API calls (not token calls), in order
    QStringList tokenScopes;
    QByteArray expiresIn = "3599";
    bool rejectAllTokens = false;
    QByteArray remainingReads; // sent on ARM answers when set
    // Discovery: workspaces per page, how many, and whether the last page links back to the first.
    int workspaceCount = 3;
    int workspacesPerPage = 2;
    bool loopingNextLink = false;
    QString foreignNextLink;

    int count(const QString &server) const {
        return int(
            std::count_if(seen.cbegin(), seen.cend(), [&](const Seen &s) { return s.server == server; }));
    }

private:
    QHttpServerResponse handle(const QString &role, const QHttpServerRequest &r);
    static QByteArray methodOf(const QHttpServerRequest &r);
    QHttpServerResponse token(const QHttpServerRequest &r);
    QHttpServerResponse armMetrics(const QHttpServerRequest &r, const QUrlQuery &query,
                                   const QString &resourceId, const HttpHeaders &headers);
    QHttpServerResponse batchMetrics(const QHttpServerRequest &r, const QUrlQuery &query);
    QHttpServerResponse discovery(const QString &path, const QUrlQuery &query, const HttpHeaders &headers);

    QHttpServer m_arm;
    QHttpServer m_batch;
    quint16 m_armPort = 0;
    quint16 m_batchPort = 0;
    QElapsedTimer m_clock;
    QList<Fault> m_faults;
    QHash<QByteArray, QString> m_valid; // token → scope
};

} // namespace mlwatch::test
