#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

namespace mlwatch::aws {

// Credentials as values, held only in memory. Never logged, never written, never put in an
// error text. The keychain (a later issue) will produce the same value type.
struct AwsCredentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // empty for long-term keys
    QDateTime expiresAt;  // invalid when the credentials do not expire

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// CloudWatch speaks several protocols. JSON 1.0 is what current SDKs send; the query protocol
// (form body, XML answer) stays available for CloudWatch-compatible endpoints that lack JSON.
enum class CloudWatchProtocol { Json, Query };

// Where and how to reach one AWS account's CloudWatch.
struct AwsEndpointConfig {
    QString region;
    QUrl endpoint; // empty: https://monitoring.<region>.amazonaws.com/
    CloudWatchProtocol protocol = CloudWatchProtocol::Json;

    // The URL requests go to: the override when set, else the regional default.
    QUrl resolvedEndpoint() const;
};

} // namespace mlwatch::aws
