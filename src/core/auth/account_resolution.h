#pragma once

#include "core/auth/account.h"
#include "core/common/result.h"
#include "core/providers/aws/aws_environment.h"

namespace mlwatch {

class EndpointPolicy;

// Turns a stored AWS account and its secret into what a session signs with: the first region
// (or `region` when given), the endpoint override (checked with `policy`: a refused endpoint is
// a BadArgument error naming the account and host) and the protocol. Errors: NoCredentials when
// the secret is incomplete or the temporary credentials expired at `now` (naming when).
// `source` in the result is "account ID (keychain)".
Result<aws::AwsResolved> resolveAwsAccount(const Account &account, const AccountSecret &secret,
                                           const EndpointPolicy &policy, const QDateTime &now,
                                           const QString &region = QString());

} // namespace mlwatch
