#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace mlwatch::azure {

inline constexpr char kDefaultArmEndpoint[] = "https://management.azure.com";
// Token scopes (cloud-apis.md §2.1): ARM for metrics GET and discovery; the metrics data plane
// (metrics:getBatch) wants a token of its own audience.
inline constexpr char kArmScope[] = "https://management.azure.com/.default";
inline constexpr char kBatchScope[] = "https://metrics.monitor.azure.com/.default";

// Where one Azure account's calls go (cloud-apis.md §2.3, §2.4). The endpoints are checked
// against EndpointPolicy before a provider is built with them: a bearer token goes wherever
// these point.
struct AzureEndpointConfig {
    QUrl armEndpoint = QUrl(QString::fromLatin1(kDefaultArmEndpoint));
    // Empty = https://{region}.metrics.monitor.azure.com. When set it is used for every region
    // (the demo and the tests serve all regions from one loopback port).
    QUrl batchEndpoint;
    // Subscriptions discovery lists; empty = every subscription the principal can see.
    QStringList subscriptionIds;
    QString apiVersion = QStringLiteral("2023-10-01");      // ARM metrics GET
    QString batchApiVersion = QStringLiteral("2024-02-01"); // metrics:getBatch

    // armEndpoint, or the public cloud's when empty.
    QUrl resolvedArmEndpoint() const;
    // The data-plane base URL for a region: batchEndpoint when set, else
    // https://{region}.metrics.monitor.azure.com ("West Europe" and "westeurope" give the same).
    QUrl batchEndpointFor(const QString &region) const;
};

} // namespace mlwatch::azure
