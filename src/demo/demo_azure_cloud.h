#pragma once

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace mlwatch::demo {

// Faults the simulated Azure can inject into its resource calls (ARM and batch, never the
// token endpoint), for tests and for trying the app's error paths.
enum class DemoAzureFault {
    Throttle,    // HTTP 429, Retry-After: 1, x-ms-ratelimit-remaining-subscription-reads: 0
    ServerError, // HTTP 500, code InternalServerError
    Garbage,     // HTTP 200 with a body that is not Azure's (what a captive portal sends)
};

// A simulated Azure on 127.0.0.1, served from inside the process with QHttpServer on two
// random ports. The first plays both the Microsoft Entra ID authority host (POST
// /{tenant}/oauth2/v2.0/token) and Azure Resource Manager (discovery, the metrics GET, metric
// definitions); the second plays the regional metrics data plane
// ({region}.metrics.monitor.azure.com: POST /subscriptions/{sub}/metrics:getBatch). It speaks
// the real wire formats (cloud-apis.md §2) and checks every resource call's bearer token for
// the right audience (ARM scope vs batch scope) and expiry, so the demo runs the very code path
// that talks to Azure. Its data is deterministic and covers the 30 days before the anchor at
// 1-minute resolution, telling the story of demo_azure_story.h.
class DemoAzureCloud : public QObject {
    Q_OBJECT
public:
    explicit DemoAzureCloud(QObject *parent = nullptr);
    ~DemoAzureCloud() override;

    // Listens on two random loopback ports. `nowUtc` anchors the simulated history and is the
    // server's clock (see setClockOffsetSeconds). Returns false when it cannot listen.
    bool start(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());

    QUrl authorityHost() const; // "http://127.0.0.1:PORT" (the token endpoint's host)
    QUrl armEndpoint() const;   // the same host: ARM's paths differ from the authority's
    QUrl batchEndpoint() const; // "http://127.0.0.1:PORT2", for every region's batch host

    static QString tenantId();
    static QString clientId();
    // Dummy secret, never stored anywhere; it opens nothing but this server.
    static QString clientSecret();
    static QString subscriptionId();
    static QString region(); // "westeurope" (most of the story; research-ml is in eastus)

    // Accept this secret instead of the dummy one (secret-leak tests use marker strings).
    void setAcceptedClientSecret(const QString &secret);
    // Lifetime of tokens issued from now on (default 3599 s); short lifetimes exercise refresh.
    void setTokenLifetimeSeconds(int seconds);
    // The next `count` resource calls fail with `fault`, then the server behaves again.
    void injectFaults(DemoAzureFault fault, int count);
    // More resource ids than this in one getBatch is a 400, as in Azure (default 50).
    void setMaxResourcesPerBatch(int count);
    // Items per page of the discovery lists (default 2, so that paging is always exercised).
    void setDiscoveryPageSize(int items);
    // Moves the server's clock (token expiry, Date header) away from the data's; tests expire
    // tokens without waiting.
    void setClockOffsetSeconds(qint64 seconds);

    quint64 requestCount() const;
    // In order, every token request and every resource call whose bearer token was accepted:
    // "token", "metrics", "metric-definitions", "getBatch", "subscription",
    // "list-subscriptions", "list-resources", "list-workspaces", "list-online-endpoints",
    // "list-deployments", "list-computes", "get-resource".
    QStringList receivedCalls() const;
    int tokensIssued() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mlwatch::demo
