#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace mlwatch::gcp {

inline constexpr char kDefaultMonitoringEndpoint[] = "https://monitoring.googleapis.com";
// Vertex AI is regional: https://{location}-aiplatform.googleapis.com (cloud-apis.md §3.5).
inline constexpr char kDefaultLocation[] = "us-central1";
// The OAuth scope the Vertex AI list calls need; monitoring.read is enough for timeSeries.list
// (cloud-apis.md §3.1). With a monitoring.read token the Vertex calls answer 403
// ACCESS_TOKEN_SCOPE_INSUFFICIENT and discovery falls back to the metrics.
inline constexpr char kCloudPlatformScope[] = "https://www.googleapis.com/auth/cloud-platform";

// Where one Google account's calls go. The endpoints are checked against EndpointPolicy before a
// provider is built with them: a bearer token goes wherever these point. Google has no standard
// variable for either endpoint (cloud-apis.md §3.7), so the override is MLWatch's own.
struct GcpEndpointConfig {
    QUrl monitoringEndpoint = QUrl(QString::fromLatin1(kDefaultMonitoringEndpoint));
    // Empty = https://{location}-aiplatform.googleapis.com. When set it is used for every location
    // (the demo and the tests serve all locations from one loopback port).
    QUrl aiplatformEndpoint;
    // Projects discovery looks in (ids, e.g. "my-proj"). Queries name their own project.
    QStringList projectIds;
    // Sent as x-goog-user-project on every call when set: the project billed for quota. User
    // (authorized_user) credentials need it, or Google answers 403 (cloud-apis.md §3.1, §4.29).
    QString quotaProjectId;
    // Vertex AI locations discovery lists.
    QStringList locations = {QString::fromLatin1(kDefaultLocation)};

    // monitoringEndpoint, or Google's when empty.
    QUrl resolvedMonitoringEndpoint() const;
    // The Vertex AI base URL for a location: aiplatformEndpoint when set, else
    // https://{location}-aiplatform.googleapis.com (location lower-cased, spaces dropped).
    QUrl aiplatformEndpointFor(const QString &location) const;
};

} // namespace mlwatch::gcp
