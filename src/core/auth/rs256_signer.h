#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace mlwatch {

// RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) for Google service-account JWTs. Qt
// cannot sign with RSA, so this wraps OpenSSL's libcrypto; no OpenSSL type leaves the .cpp.
// The key is parsed per call (one signature an hour); nothing is cached or written.
class Rs256Signer {
public:
    // The signature of `data` with a PEM RSA private key ("BEGIN PRIVATE KEY" PKCS#8 as Google
    // writes it, or "BEGIN RSA PRIVATE KEY" PKCS#1). Encrypted keys are refused, never prompted
    // for. BadArgument (the message names no key material) when the PEM is not a usable RSA key.
    static Result<QByteArray> sign(const QByteArray &pemPrivateKey, QByteArrayView data);

    // Unpadded base64url (RFC 4648 §5), the encoding of every JWT segment.
    static QByteArray base64Url(QByteArrayView bytes);
};

} // namespace mlwatch
