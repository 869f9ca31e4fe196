#include "core/common/error.h"

namespace mlwatch {

QString Error::toString() const {
    if (detail.isEmpty())
        return message;
    return message + QStringLiteral(" (") + detail + QLatin1Char(')');
}

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::BadArgument:
        return QStringLiteral("bad-argument");
    case ErrorCode::NoCredentials:
        return QStringLiteral("no-credentials");
    case ErrorCode::AuthRejected:
        return QStringLiteral("auth-rejected");
    case ErrorCode::Throttled:
        return QStringLiteral("throttled");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::BadResponse:
        return QStringLiteral("bad-response");
    case ErrorCode::ServiceError:
        return QStringLiteral("service-error");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Keychain:
        return QStringLiteral("keychain");
    }
    return QStringLiteral("unknown");
}

int exitStatusFor(ErrorCode code) {
    // 1 is left to "the program itself failed"; 2 follows the convention for usage errors.
    switch (code) {
    case ErrorCode::BadArgument:
        return 2;
    case ErrorCode::NoCredentials:
        return 3;
    case ErrorCode::AuthRejected:
        return 4;
    case ErrorCode::Throttled:
        return 5;
    case ErrorCode::Network:
        return 6;
    case ErrorCode::Timeout:
        return 6;
    case ErrorCode::BadResponse:
        return 7;
    case ErrorCode::ServiceError:
        return 7;
    case ErrorCode::Cancelled:
        return 8;
    case ErrorCode::Io:
        return 9;
    case ErrorCode::Keychain:
        return 10;
    }
    return 1;
}

} // namespace mlwatch
