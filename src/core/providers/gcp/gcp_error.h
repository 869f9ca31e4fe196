#pragma once

#include "core/common/error.h"
#include "core/net/http_types.h"

#include <QHash>
#include <QString>

#include <optional>

namespace mlwatch::gcp {

// Google's error envelope {"error":{"code","message","status","details":[…]}} (cloud-apis.md §3.3),
// with what the details' ErrorInfo says.
struct GcpError {
    int httpStatus = 0;
    int code = 0;
    QString status;  // "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "UNAUTHENTICATED" …
    QString message; // Google's own text (it never contains our token)
    // ErrorInfo.reason: "IAM_PERMISSION_DENIED", "SERVICE_DISABLED", "RATE_LIMIT_EXCEEDED" …
    QString reason;
    QString domain;
    // ErrorInfo.metadata: permission, resource, service, consumer, activationUrl, quota_metric …
    QHash<QString, QString> metadata;

    // The missing IAM permission: metadata.permission, else read from "Permission 'x.y.z' denied".
    QString permission() const;
};
// nullopt when the body is not Google's error envelope.
std::optional<GcpError> parseGcpError(const HttpResponse &response);

// Who asked what, for error messages.
struct GcpCallDescription {
    QString account; // "Google prod (key file)"
    QString call;    // "timeSeries.list (prediction/online/prediction_count, project my-proj)"
    QString project; // the project the call reads
    bool listing =
        false; // a Vertex AI list call (needs Vertex AI Viewer) rather than metrics (Monitoring Viewer)
};

// The Error a person sees for a final non-2xx answer (after `attempts` tries), naming the account,
// the call and the remedy: 401 token rejected (AuthRejected); 403 the missing permission and the
// role that has it, SERVICE_DISABLED the API to enable (or the missing quota project of user
// credentials), a token without the scope (AuthRejected); 400 Google's own validation text
// (BadArgument); 404 (ServiceError); 429/RESOURCE_EXHAUSTED (Throttled); 5xx (ServiceError); an
// answer without Google's envelope (BadResponse). A Retry-After beyond `maxWaitSeconds` (the longest
// MLWatch waits; 0 = no such limit) is named in the throttle message.
Error gcpHttpError(const HttpResponse &response, const GcpCallDescription &what, int attempts,
                   qint64 maxWaitSeconds = 0);

// Whether a final answer is Google's throttle signal: HTTP 429, or RESOURCE_EXHAUSTED in the
// envelope whatever the status (cloud-apis.md §3.3).
bool isResourceExhausted(const HttpResponse &response);

} // namespace mlwatch::gcp
