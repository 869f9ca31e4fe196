#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace mlwatch::demo {

// Faults the simulated Google Cloud can inject into its API calls (Cloud Monitoring and Vertex
// AI, never the token endpoint), for tests and for trying the app's error paths.
enum class DemoGoogleFault {
    Throttle,         // HTTP 429 RESOURCE_EXHAUSTED, ErrorInfo RATE_LIMIT_EXCEEDED, no Retry-After
    ServerError,      // HTTP 500 INTERNAL
    Unavailable,      // HTTP 503 UNAVAILABLE
    PermissionDenied, // HTTP 403 PERMISSION_DENIED naming the missing IAM permission
    Garbage,          // HTTP 200 with a body that is not Google's (what a captive portal sends)
};

// A simulated Google Cloud on 127.0.0.1, served from inside the process with QHttpServer on one
// random port that plays
//  - Google's OAuth 2.0 token endpoint: POST /token (the service-account JWT-bearer grant, its
//    RS256 signature verified against the demo key's public half; the authorized-user
//    refresh-token grant) — see DemoGcpOAuth;
//  - Cloud Monitoring v3: GET /v3/projects/{project}/timeSeries (DemoGcpTimeSeries) and
//    GET /v3/projects/{project}/metricDescriptors;
//  - the Vertex AI REST list calls: GET /v1/projects/{project}/locations/{location}/endpoints,
//    …/customJobs and …/trainingPipelines (DemoGcpDiscovery);
// with Google's wire formats (cloud-apis.md §3) and bearer-token checks on every API call. The
// project may be named by id or number. The data is deterministic and covers the 30 days
// before the anchor at 1-minute resolution, telling the story of demo_gcp_story.h.
class DemoGoogleCloud : public QObject {
    Q_OBJECT
public:
    explicit DemoGoogleCloud(QObject *parent = nullptr);
    ~DemoGoogleCloud() override;

    // Listens on a random loopback port. `nowUtc` anchors the simulated history and is the
    // server's clock (see setClockOffsetSeconds). Returns false when it cannot listen.
    bool start(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());

    QUrl tokenUri() const;           // "http://127.0.0.1:PORT/token"
    QUrl monitoringEndpoint() const; // "http://127.0.0.1:PORT" (stands for https://monitoring.googleapis.com)
    QUrl aiplatformEndpoint() const; // the same host (stands for https://{region}-aiplatform.googleapis.com)

    static QString projectId();     // "mlwatch-demo-gcp"
    static QString projectNumber(); // "271828182845": Vertex AI's resource names carry it
    static QString region();        // "us-central1"
    static QString serviceAccountEmail();
    // A service-account key file for the demo project (dummy key, it opens nothing but this
    // server; token_uri = tokenUri()). Empty before start().
    QByteArray serviceAccountKeyJson() const;
    // An authorized_user ADC file (dummy client and refresh token, quota_project_id = the demo
    // project, token_uri = tokenUri()). Empty before start().
    QByteArray authorizedUserJson() const;

    // Lifetime of tokens issued from now on (default 3599 s); short lifetimes exercise refresh.
    void setTokenLifetimeSeconds(int seconds);
    // The next `count` API calls fail with `fault`, then the server behaves again.
    void injectFaults(DemoGoogleFault fault, int count);
    // Items per page of the Vertex AI lists (default 2, so that paging is always exercised).
    void setDiscoveryPageSize(int items);
    // Moves the server's clock (token expiry, JWT iat/exp checks, Date header) away from the
    // data's; tests expire tokens without waiting.
    void setClockOffsetSeconds(qint64 seconds);
    // Whether user (authorized_user) tokens need an x-goog-user-project header (default true,
    // as Google's APIs want a quota project for user credentials).
    void setRequireQuotaProjectForUsers(bool require);

    quint64 requestCount() const;
    // In order, every token request and every API call whose bearer token was accepted: "token",
    // "timeSeries.list", "metricDescriptors.list", "endpoints.list", "customJobs.list",
    // "trainingPipelines.list".
    QStringList receivedCalls() const;
    int tokensIssued() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mlwatch::demo
