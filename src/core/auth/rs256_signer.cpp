#include "core/auth/rs256_signer.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <climits>
#include <memory>

namespace mlwatch {

namespace {

// Owners for the libcrypto objects: freed on every path, including the early returns.
struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// Without a callback OpenSSL would ask for the passphrase of an encrypted key on the terminal
// (and block a CLI run): refuse instead.
int noPassphrase(char *, int, int, void *) {
    return -1;
}

// The first queued OpenSSL error as text (library and reason; never key bytes), queue cleared.
QString opensslReason() {
    const unsigned long code = ERR_peek_last_error();
    QString text;
    if (code != 0) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        text = QString::fromLatin1(buffer);
    }
    ERR_clear_error();
    return text;
}

} // namespace

Result<QByteArray> Rs256Signer::sign(const QByteArray &pemPrivateKey, QByteArrayView data) {
    ERR_clear_error();
    if (pemPrivateKey.isEmpty() || pemPrivateKey.size() > INT_MAX)
        return Error{ErrorCode::BadArgument,
                     QCoreApplication::translate("mlwatch::Rs256Signer", "The private key is empty."),
                     QString()};

    // A read-only view of the caller's bytes: the key is not copied into OpenSSL's buffers.
    BioPtr bio(BIO_new_mem_buf(pemPrivateKey.constData(), int(pemPrivateKey.size())));
    if (!bio)
        return Error{
            ErrorCode::BadArgument,
            QCoreApplication::translate("mlwatch::Rs256Signer", "The private key could not be read."),
            opensslReason()};
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return Error{ErrorCode::BadArgument,
                     QCoreApplication::translate(
                         "mlwatch::Rs256Signer",
                         "The private key is not a readable PEM private key (it may be damaged, truncated or "
                         "protected by a passphrase)."),
                     opensslReason()};
    if (EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA)
        return Error{ErrorCode::BadArgument,
                     QCoreApplication::translate("mlwatch::Rs256Signer",
                                                 "The private key is not an RSA key; RS256 needs one."),
                     QString()};

    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return Error{ErrorCode::BadArgument,
                     QCoreApplication::translate("mlwatch::Rs256Signer",
                                                 "The private key cannot be used for signing."),
                     opensslReason()};

    // PKCS#1 v1.5 padding is the RSA default. Ask for the length first, then sign.
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    size_t length = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &length, bytes, size_t(data.size())) != 1 || length == 0)
        return Error{
            ErrorCode::BadArgument,
            QCoreApplication::translate("mlwatch::Rs256Signer", "Signing with the private key failed."),
            opensslReason()};
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, bytes,
                       size_t(data.size())) != 1)
        return Error{
            ErrorCode::BadArgument,
            QCoreApplication::translate("mlwatch::Rs256Signer", "Signing with the private key failed."),
            opensslReason()};
    signature.resize(qsizetype(length));
    return signature;
}

QByteArray Rs256Signer::base64Url(QByteArrayView bytes) {
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace mlwatch
