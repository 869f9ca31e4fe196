#pragma once

#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"
#include "demo/demo_error.h"

#include <QDateTime>

#include <optional>

namespace mlwatch::demo {

// A request as the server received it: what a SigV4 check needs.
struct ReceivedRequest {
    QByteArray method;
    QByteArray pathAndQuery; // "/" or "/?a=b", as on the request line
    HttpHeaders headers;     // as received, values untouched
    QByteArray body;
};

// Verifies a request's header-based SigV4 signature the way AWS does: recompute it with
// SigV4Signer from the received method, path, body and the headers the Authorization names in
// SignedHeaders (values as received), then compare. Errors, in the order AWS checks:
//   403 MissingAuthenticationToken / IncompleteSignature  — no or malformed Authorization
//   403 InvalidClientTokenId   — unknown access key, or a session token the key does not have
//   403 SignatureDoesNotMatch  — "Signature expired: … (… - 5 min.)" when X-Amz-Date is more than
//                                5 minutes from `serverNow` (or "not yet current" ahead of it),
//                                a wrong credential scope, or a signature that does not match.
// Messages name no secret: they echo only the dates, the scope and AWS's fixed texts.
class DemoSignatureCheck {
public:
    static std::optional<DemoError> verify(const ReceivedRequest &request,
                                           const aws::AwsCredentials &credentials, const QString &region,
                                           const QString &service, const QDateTime &serverNow);
};

} // namespace mlwatch::demo
