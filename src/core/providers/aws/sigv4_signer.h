#pragma once

#include "core/net/http_types.h"
#include "core/providers/aws/aws_credentials.h"

#include <QByteArray>
#include <QDateTime>

namespace mlwatch::aws {

// AWS Signature Version 4, header-based, as botocore's SigV4Auth does it (see
// shared/reference/cloud-apis.md §1.2). Pure functions: no clock, no network.
struct SigV4Params {
    QString region;  // "us-east-1"
    QString service; // "monitoring"
    AwsCredentials credentials;
    QDateTime timestampUtc; // the (skew-corrected) time the request is signed at
};

class SigV4Signer {
public:
    // Adds X-Amz-Date, X-Amz-Security-Token (when the credentials have one; signed, like
    // botocore) and Authorization to `request`. Signs every header present except botocore's
    // blacklist, plus `host` derived from the URL (host, and ":port" when not the scheme's default)
    // which Qt puts on the wire itself.
    static void sign(HttpRequest &request, const SigV4Params &params);

    // The intermediate steps, public for known-answer tests. They expect X-Amz-Date (and the
    // token header, if any) already present in `request`.
    static QByteArray canonicalRequest(const HttpRequest &request);
    static QByteArray signedHeaderList(const HttpRequest &request); // "content-type;host;x-amz-date"
    static QByteArray stringToSign(const HttpRequest &request, const SigV4Params &params);
    static QByteArray signature(const HttpRequest &request, const SigV4Params &params); // lowercase hex

    // "20150830T123600Z"
    static QByteArray amzDate(const QDateTime &utc);
};

} // namespace mlwatch::aws
