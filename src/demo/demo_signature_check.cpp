#include "demo/demo_signature_check.h"

#include "core/providers/aws/sigv4_signer.h"

#include <QTimeZone>
#include <QUrl>

namespace mlwatch::demo {

namespace {

constexpr qint64 kAllowedSkewSeconds = 5 * 60;
const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

DemoError incomplete(const QString &message) {
    return {403, QStringLiteral("IncompleteSignature"), message, true};
}

DemoError mismatch(const QString &message) {
    return {403, QStringLiteral("SignatureDoesNotMatch"), message, true};
}

DemoError unknownKey() {
    return {403, QStringLiteral("InvalidClientTokenId"),
            QStringLiteral("The security token included in the request is invalid."), true};
}

QString amz(const QDateTime &t) {
    return QString::fromLatin1(aws::SigV4Signer::amzDate(t));
}

// Constant-time comparison, so the check itself leaks nothing through timing.
bool sameBytes(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= quint8(a.at(i)) ^ quint8(b.at(i));
    return diff == 0;
}

struct AuthorizationParts {
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
};

std::optional<AuthorizationParts> parseAuthorization(const QByteArray &value) {
    if (!value.startsWith(QByteArray(kAlgorithm + ' ')))
        return std::nullopt;
    AuthorizationParts parts;
    const QList<QByteArray> fields = value.mid(kAlgorithm.size() + 1).split(',');
    for (const QByteArray &raw : fields) {
        const QByteArray field = raw.trimmed();
        if (field.startsWith("Credential="))
            parts.credential = field.mid(11);
        else if (field.startsWith("SignedHeaders="))
            parts.signedHeaders = field.mid(14);
        else if (field.startsWith("Signature="))
            parts.signature = field.mid(10);
    }
    if (parts.credential.isEmpty() || parts.signedHeaders.isEmpty() || parts.signature.isEmpty())
        return std::nullopt;
    return parts;
}

} // namespace

std::optional<DemoError> DemoSignatureCheck::verify(const ReceivedRequest &request,
                                                    const aws::AwsCredentials &credentials,
                                                    const QString &region, const QString &service,
                                                    const QDateTime &serverNow) {
    const QByteArray authorization = headerValue(request.headers, "Authorization");
    if (authorization.isEmpty())
        return DemoError{403, QStringLiteral("MissingAuthenticationToken"),
                         QStringLiteral("Request is missing Authentication Token"), true};
    const std::optional<AuthorizationParts> parts = parseAuthorization(authorization);
    if (!parts)
        return incomplete(QStringLiteral("Authorization header requires 'Credential', 'Signature' and "
                                         "'SignedHeaders' parameters of algorithm AWS4-HMAC-SHA256."));

    const QList<QByteArray> scope = parts->credential.split('/');
    if (scope.size() != 5)
        return incomplete(QStringLiteral("Credential must have exactly 5 slash-delimited elements, e.g. "
                                         "keyid/date/region/service/term."));
    if (QString::fromUtf8(scope.at(0)) != credentials.accessKeyId)
        return unknownKey();
    const QByteArray token = headerValue(request.headers, "X-Amz-Security-Token");
    // Temporary credentials are only valid with their token, as with AWS.
    if (QString::fromUtf8(token) != credentials.sessionToken)
        return unknownKey();

    const QByteArray amzDate = headerValue(request.headers, "X-Amz-Date");
    // Parsed as UTC fields directly: through local time, a date in a DST gap would be invalid.
    const QDateTime signedAt(
        QDate::fromString(QString::fromLatin1(amzDate.left(8)), QStringLiteral("yyyyMMdd")),
        QTime::fromString(QString::fromLatin1(amzDate.mid(9, 6)), QStringLiteral("HHmmss")),
        QTimeZone::utc());
    if (amzDate.size() != 16 || amzDate.at(8) != 'T' || !amzDate.endsWith('Z') || !signedAt.isValid())
        return incomplete(
            QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or "
                           "a 'Date' header."));

    const QDateTime now = serverNow.toUTC();
    const qint64 skew = now.secsTo(signedAt);
    if (skew < -kAllowedSkewSeconds)
        return mismatch(QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - 5 min.)")
                            .arg(amz(signedAt), amz(now.addSecs(-kAllowedSkewSeconds)), amz(now)));
    if (skew > kAllowedSkewSeconds)
        return mismatch(QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + 5 min.)")
                            .arg(amz(signedAt), amz(now.addSecs(kAllowedSkewSeconds)), amz(now)));

    if (scope.at(1) != amzDate.left(8))
        return mismatch(
            QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                           "date from HTTP: '%1' != '%2', from '%3'.")
                .arg(QString::fromUtf8(scope.at(1)), QString::fromLatin1(amzDate.left(8)),
                     QString::fromLatin1(amzDate)));
    if (QString::fromUtf8(scope.at(2)) != region)
        return mismatch(QStringLiteral("Credential should be scoped to a valid region."));
    if (QString::fromUtf8(scope.at(3)) != service)
        return mismatch(QStringLiteral("Credential should be scoped to correct service: '%1'.").arg(service));
    if (scope.at(4) != "aws4_request")
        return mismatch(QStringLiteral("Credential should be scoped with a valid terminator: 'aws4_request', "
                                       "not '%1'.")
                            .arg(QString::fromUtf8(scope.at(4))));

    // Rebuild the request as the client signed it: only the headers it named, values as received.
    HttpRequest signedRequest;
    signedRequest.method = request.method;
    signedRequest.url =
        QUrl::fromEncoded("http://" + headerValue(request.headers, "Host") + request.pathAndQuery);
    signedRequest.body = request.body;
    const QList<QByteArray> names = parts->signedHeaders.split(';');
    for (const QByteArray &name : names) {
        for (const auto &[receivedName, value] : request.headers) {
            if (receivedName.compare(name, Qt::CaseInsensitive) == 0)
                signedRequest.headers.append({name, value});
        }
    }

    static const QString kMismatch = QStringLiteral(
        "The request signature we calculated does not match the signature you provided. Check your "
        "AWS Secret Access Key and signing method. Consult the service documentation for details.");
    // A header the client says it signed but did not send, or one the signer would add (host)
    // that the client left out, makes the lists differ: the signature cannot match.
    if (aws::SigV4Signer::signedHeaderList(signedRequest) != parts->signedHeaders)
        return mismatch(kMismatch);
    const aws::SigV4Params params{region, service, credentials, signedAt};
    if (!sameBytes(aws::SigV4Signer::signature(signedRequest, params), parts->signature))
        return mismatch(kMismatch);
    return std::nullopt;
}

} // namespace mlwatch::demo
