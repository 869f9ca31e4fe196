#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <optional>

namespace mlwatch::demo {
class DemoAzureCloud;
}

namespace mlwatch::test {

// A small, independent Azure client for the simulated Azure's tests: it writes URLs, query
// strings and form bodies by hand with QNetworkAccessManager (so the tests pin the wire format,
// not the app's provider) and reads answers with QJsonDocument.

struct AzureReply {
    int status = 0; // 0: transport error
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    QString errorCode() const; // ARM envelope error.code
};

// Sends and waits (on the event loop, up to 60 s). `bearer` empty: no Authorization header.
AzureReply azureCall(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                     const QByteArray &bearer = {}, const QByteArray &body = {},
                     const QByteArray &contentType = {});

// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
QString enc(const QString &value);
// `base` + `path` with an already-encoded query string, kept exactly as written.
QUrl urlOf(const QUrl &base, const QString &path, const QString &encodedQuery = {});

// The client-credentials token request as the Azure SDK builds it; returns the whole answer.
AzureReply requestToken(QNetworkAccessManager &nam, const QUrl &authority, const QString &tenant,
                        const QString &clientId, const QString &secret, const QString &scope);

// "2026-11-20T12:00:00Z"
QString isoUtc(const QDateTime &t);

// The values of one aggregation in a timeseries' data, by timestamp; nullopt for a gap.
QList<QPair<QDateTime, std::optional<double>>> pointsOf(const QJsonObject &timeseries,
                                                        const QString &aggregation);

// The story's resources (see demo_azure_story.h) and the anchor both test files start it at.
namespace azure_ids {
inline const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());
inline const QString kSub = QStringLiteral("00000000-de70-4000-8000-000000000003");
inline const QString kRg = QStringLiteral("/subscriptions/") + kSub + QStringLiteral("/resourceGroups/");
inline const QString kWorkspace =
    kRg + QStringLiteral("rg-fraud-ml/providers/Microsoft.MachineLearningServices/workspaces/fraud-ml");
inline const QString kShared =
    kRg + QStringLiteral(
              "rg-shared-inference/providers/Microsoft.MachineLearningServices/workspaces/shared-inference");
inline const QString kEndpoint = kWorkspace + QStringLiteral("/onlineEndpoints/fraud-scoring");
inline const QString kGreen = kEndpoint + QStringLiteral("/deployments/green");
inline const QString kStorage =
    kRg + QStringLiteral("rg-fraud-ml/providers/Microsoft.Storage/storageAccounts/fraudmldata01");
inline const QString kResearchEndpoint =
    kRg +
    QStringLiteral(
        "rg-research/providers/Microsoft.MachineLearningServices/workspaces/research-ml/onlineEndpoints/"
        "llm-eval");
inline const QString kArmScope = QStringLiteral("https://management.azure.com/.default");
inline const QString kBatchScope = QStringLiteral("https://metrics.monitor.azure.com/.default");
inline const QString kEndpointType =
    QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
} // namespace azure_ids

// "from/to" hours before the anchor as an encoded ISO 8601 timespan.
QString window(double fromHoursBack, double toHoursBack);

// A client of one simulated Azure: its tokens (both scopes) and the calls the tests repeat.
class AzureTestSession {
public:
    explicit AzureTestSession(demo::DemoAzureCloud &cloud);

    QNetworkAccessManager &nam() { return m_nam; }
    QByteArray token(const QString &scope); // empty when the token call fails
    const QByteArray &armToken() const { return m_arm; }
    const QByteArray &batchToken() const { return m_batch; }

    // GET {resource}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&{query}
    AzureReply metrics(const QString &resource, const QString &query, const QByteArray &token = {});
    // getBatch of RequestsPerMinute (total, PT1H) from 06:00 to 12:00 UTC on the anchor's day.
    AzureReply batchRequestsPerMinute(const QStringList &ids, const QByteArray &token = {});
    // Follows nextLink to the end (each must stay on the ARM host and carry api-version);
    // `pages` counts the answers. Empty when a page fails.
    QList<QJsonObject> listAll(const QString &path, const QString &query, int *pages);

private:
    demo::DemoAzureCloud &m_cloud;
    QNetworkAccessManager m_nam;
    QByteArray m_arm;
    QByteArray m_batch;
};

} // namespace mlwatch::test
