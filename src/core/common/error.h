#pragma once

#include <QString>

namespace mlwatch {

// What went wrong, in categories a person can act on. The CLI maps each to an exit status,
// the GUI to an icon and a remedy; keep the list short and stable.
enum class ErrorCode {
    BadArgument,   // the caller (user, CLI flag, workspace file) asked for something invalid
    NoCredentials, // nothing to sign with: no account, no environment, no profile
    AuthRejected,  // the cloud refused the credentials or the signature (401/403)
    Throttled,     // still throttled after the retries the policy allows
    Network,       // DNS, connection refused, TLS, connection reset
    Timeout,       // no answer within the request timeout
    BadResponse,   // the cloud answered, but with something we cannot read
    ServiceError,  // the cloud answered with a well-formed error (5xx, validation, …)
    Cancelled,     // the user or a newer request cancelled this one
    Io,            // reading or writing a local file failed
    Keychain,      // the OS keychain is missing, locked or refused (never a plaintext fallback)
};

// An error as a value. `message` is translated and shown to people; `detail` is for logs and
// bug reports. Neither may ever contain a secret (keys, tokens, signatures, request bodies).
struct Error {
    ErrorCode code = ErrorCode::BadResponse;
    QString message;
    QString detail;

    // "message (detail)" when there is a detail: what the CLI prints on its one stderr line.
    QString toString() const;
};

// A stable, untranslated name for the code ("throttled", "auth-rejected", …) for logs and JSON.
QString errorCodeName(ErrorCode code);

// The exit status the CLI uses for an error of this kind (documented in the README).
int exitStatusFor(ErrorCode code);

} // namespace mlwatch
