#pragma once

#include "core/common/result.h"
#include "core/providers/aws/aws_credentials.h"

#include <QProcessEnvironment>

namespace mlwatch::aws {

// What the user asked for on the command line or in the account; empty fields mean "decide
// from the environment".
struct AwsChainRequest {
    QString profile;     // --profile; else AWS_PROFILE / AWS_DEFAULT_PROFILE; else "default"
    QString region;      // --region; else AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
    QString endpointUrl; // --endpoint-url; else AWS_ENDPOINT_URL_CLOUDWATCH, then AWS_ENDPOINT_URL
};

struct AwsResolved {
    AwsCredentials credentials;
    AwsEndpointConfig endpoint;
    QString source; // where the keys came from: "environment" or "profile NAME (FILE)"; no secrets
};

// The standard AWS credential chain, the subset botocore users rely on (cloud-apis.md §1.1):
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (and AWS_SECURITY_TOKEN),
// then the shared credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials) and the
// config file (AWS_CONFIG_FILE or ~/.aws/config, sections "[profile NAME]"). Profiles that
// need protocols MLWatch does not speak yet (sso_*, credential_process, role_arn) are reported
// as such, naming the profile and the key. `home` is where "~" points (tests pass a temp dir).
// This is the seam the keychain account store (next issue) plugs into beside it.
Result<AwsResolved> resolveAwsChain(const AwsChainRequest &request, const QProcessEnvironment &env,
                                    const QString &home);

// Step 1 of the chain alone: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (or
// AWS_SECURITY_TOKEN) / AWS_CREDENTIAL_EXPIRATION, values trimmed, empty counting as unset.
// Neither key set: empty credentials (isComplete() false), not an error. Half a pair:
// NoCredentials naming the missing variable. A malformed expiration: BadArgument.
Result<AwsCredentials> environmentCredentials(const QProcessEnvironment &env);

// An ISO 8601 time as AWS writes expirations ("2024-05-01T12:00:00Z"), in UTC; a time without a
// zone is UTC, never local time. Invalid when `text` is not ISO 8601.
QDateTime parseAwsTime(const QString &text);

// An AWS region name such as "us-east-1" (lowercase letters, digits and inner dashes).
bool isValidAwsRegion(const QString &region);

} // namespace mlwatch::aws
