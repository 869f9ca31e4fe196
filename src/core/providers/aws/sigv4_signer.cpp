#include "core/providers/aws/sigv4_signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace mlwatch::aws {

namespace {

constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";
constexpr char kDateHeader[] = "X-Amz-Date";
constexpr char kTokenHeader[] = "X-Amz-Security-Token";
constexpr char kContentShaHeader[] = "X-Amz-Content-SHA256";

// botocore's SIGNED_HEADERS_BLACKLIST as of 2026 (1.29 lists only expect, user-agent and
// x-amzn-trace-id): hop-by-hop headers a proxy may rewrite, plus headers the HTTP stack owns. `authorization`
// is not in botocore's list because botocore deletes it before signing; we skip it for the same reason.
constexpr std::array<const char *, 12> kUnsignedHeaders = {"authorization",
                                                           "connection",
                                                           "expect",
                                                           "keep-alive",
                                                           "proxy-authenticate",
                                                           "proxy-authorization",
                                                           "te",
                                                           "trailer",
                                                           "transfer-encoding",
                                                           "upgrade",
                                                           "user-agent",
                                                           "x-amzn-trace-id"};

bool isUnsigned(const QByteArray &lowerName) {
    return std::any_of(kUnsignedHeaders.begin(), kUnsignedHeaders.end(),
                       [&](const char *name) { return lowerName == name; });
}

QByteArray sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmac(const QByteArray &key, const QByteArray &message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// RFC 3986 percent-encoding: A-Z a-z 0-9 - . _ ~ stay, everything else (and `extraSafe`
// excepted) becomes %XX with uppercase hex — what QByteArray::toPercentEncoding does.
QByteArray uriEncode(const QByteArray &raw, const QByteArray &extraSafe = {}) {
    return raw.toPercentEncoding(extraSafe);
}

// botocore.utils.remove_dot_segments: RFC 3986 §5.2.4 plus removal of empty segments
// (AWS services treat "//" as "/").
QByteArray removeDotSegments(const QByteArray &path) {
    if (path.isEmpty())
        return {};
    QList<QByteArray> output;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!output.isEmpty())
                output.removeLast();
        } else {
            output.append(segment);
        }
    }
    QByteArray result = path.startsWith('/') ? QByteArrayLiteral("/") : QByteArray();
    result += output.join('/');
    if (path.endsWith('/') && !output.isEmpty())
        result += '/';
    return result;
}

// Non-S3 canonical URI: the path as it goes on the wire (already percent-encoded by QUrl),
// normalised, then encoded once more with only "/" kept — so "%20" becomes "%2520". This double
// encoding is what every non-S3 service (and botocore) does.
QByteArray canonicalUri(const QUrl &url) {
    const QByteArray wirePath = url.path(QUrl::FullyEncoded).toUtf8();
    const QByteArray normalised = wirePath.isEmpty() ? QByteArrayLiteral("/") : removeDotSegments(wirePath);
    return uriEncode(normalised, "/");
}

// Each pair decoded from its wire form and re-encoded with RFC 3986 rules, so the result does not
// depend on which reserved characters QUrl chose to leave unescaped; sorted by key, then value.
// "+" is taken literally (it is not form encoding), so a literal plus signs as "%2B".
QByteArray canonicalQuery(const QUrl &url) {
    const QByteArray wireQuery = url.query(QUrl::FullyEncoded).toUtf8();
    if (wireQuery.isEmpty())
        return {};
    QList<std::pair<QByteArray, QByteArray>> pairs;
    const QList<QByteArray> parts = wireQuery.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        pairs.append({uriEncode(QByteArray::fromPercentEncoding(key)),
                      uriEncode(QByteArray::fromPercentEncoding(value))});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray result;
    for (const auto &[key, value] : pairs) {
        if (!result.isEmpty())
            result += '&';
        result += key + '=' + value;
    }
    return result;
}

int defaultPort(const QString &scheme) {
    if (scheme.compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
        return 443;
    if (scheme.compare(QLatin1String("http"), Qt::CaseInsensitive) == 0)
        return 80;
    return -1;
}

// botocore's _host_from_url: lowercase host (ACE form for IDNs), IPv6 in brackets, ":port" only
// when the URL names a port other than the scheme's default.
QByteArray hostFromUrl(const QUrl &url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    if (port != -1 && port != defaultPort(url.scheme()))
        host += ':' + QByteArray::number(port);
    return host;
}

// Lowercase name → trimmed values in request order; std::map keeps names sorted byte-wise,
// which for header names (ASCII) is the order botocore's sorted() gives.
using CanonicalHeaderMap = std::map<QByteArray, QList<QByteArray>>;

CanonicalHeaderMap headersToSign(const HttpRequest &request) {
    CanonicalHeaderMap map;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (lower.isEmpty() || isUnsigned(lower))
            continue;
        // "Trimall": strip both ends, collapse inner whitespace runs to one space.
        map[lower].append(value.simplified());
    }
    if (map.find(QByteArrayLiteral("host")) == map.end())
        map[QByteArrayLiteral("host")].append(hostFromUrl(request.url));
    return map;
}

QByteArray signedHeadersOf(const CanonicalHeaderMap &map) {
    QByteArray result;
    for (const auto &entry : map) {
        if (!result.isEmpty())
            result += ';';
        result += entry.first;
    }
    return result;
}

QByteArray payloadHash(const HttpRequest &request) {
    // A caller-provided content hash wins, as in botocore (S3's UNSIGNED-PAYLOAD, streaming).
    const QByteArray given = headerValue(request.headers, kContentShaHeader);
    return given.isEmpty() ? sha256Hex(request.body) : given;
}

QByteArray credentialScope(const QByteArray &amzDate, const SigV4Params &params) {
    return amzDate.left(8) + '/' + params.region.toUtf8() + '/' + params.service.toUtf8() + "/aws4_request";
}

void removeHeader(HttpRequest &request, QByteArrayView name) {
    request.headers.removeIf([name](const auto &header) {
        return QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

QByteArray SigV4Signer::amzDate(const QDateTime &utc) {
    // A fixed pattern of digits: locale-independent by construction.
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::signedHeaderList(const HttpRequest &request) {
    return signedHeadersOf(headersToSign(request));
}

QByteArray SigV4Signer::canonicalRequest(const HttpRequest &request) {
    const CanonicalHeaderMap headers = headersToSign(request);
    QByteArray canonicalHeaders;
    for (const auto &[name, values] : headers)
        canonicalHeaders += name + ':' + values.join(',') + '\n';

    QByteArray result = request.method.toUpper();
    result += '\n';
    result += canonicalUri(request.url);
    result += '\n';
    result += canonicalQuery(request.url);
    result += '\n';
    result += canonicalHeaders;
    result += '\n';
    result += signedHeadersOf(headers);
    result += '\n';
    result += payloadHash(request);
    return result;
}

QByteArray SigV4Signer::stringToSign(const HttpRequest &request, const SigV4Params &params) {
    const QByteArray date = headerValue(request.headers, kDateHeader);
    QByteArray result = kAlgorithm;
    result += '\n';
    result += date;
    result += '\n';
    result += credentialScope(date, params);
    result += '\n';
    result += sha256Hex(canonicalRequest(request));
    return result;
}

QByteArray SigV4Signer::signature(const HttpRequest &request, const SigV4Params &params) {
    const QByteArray date = headerValue(request.headers, kDateHeader).left(8);
    const QByteArray kDate = hmac("AWS4" + params.credentials.secretAccessKey.toUtf8(), date);
    const QByteArray kRegion = hmac(kDate, params.region.toUtf8());
    const QByteArray kService = hmac(kRegion, params.service.toUtf8());
    const QByteArray kSigning = hmac(kService, QByteArrayLiteral("aws4_request"));
    return hmac(kSigning, stringToSign(request, params)).toHex();
}

void SigV4Signer::sign(HttpRequest &request, const SigV4Params &params) {
    // Re-signing (a retry) must not sign the previous attempt's Authorization.
    removeHeader(request, "Authorization");
    request.setHeader(kDateHeader, amzDate(params.timestampUtc));
    // botocore replaces the token header with the credentials' token. Unlike botocore we also drop
    // a stale one when the credentials have none, so a retry with other keys cannot send it.
    removeHeader(request, kTokenHeader);
    if (!params.credentials.sessionToken.isEmpty())
        request.setHeader(kTokenHeader, params.credentials.sessionToken.toUtf8());

    // Qt writes "Host: name:port" whenever the URL names a port, even the default one, while the
    // signature (like botocore's) leaves a default port out. Drop it so the wire matches.
    if (request.url.port() != -1 && request.url.port() == defaultPort(request.url.scheme()))
        request.url.setPort(-1);

    const QByteArray date = headerValue(request.headers, kDateHeader);
    QByteArray authorization = kAlgorithm;
    authorization +=
        " Credential=" + params.credentials.accessKeyId.toUtf8() + '/' + credentialScope(date, params);
    authorization += ", SignedHeaders=" + signedHeaderList(request);
    authorization += ", Signature=" + signature(request, params);
    request.headers.append({QByteArrayLiteral("Authorization"), authorization});
}

} // namespace mlwatch::aws
