// Known-answer tests for SigV4Signer: published vectors (AWS test suite, AWS IAM documentation,
// the CloudWatch vector of cloud-apis.md §1.2) and one row per canonicalisation rule.
#include "core/providers/aws/sigv4_signer.h"

#include <QTest>
#include <QTimeZone>

using namespace mlwatch;
using namespace mlwatch::aws;

Q_DECLARE_METATYPE(mlwatch::HttpHeaders)

namespace {

// The AWS test suite's harness constants (botocore tests/unit/auth/test_sigv4.py).
const QString kAccessKey = QStringLiteral("AKIDEXAMPLE");
const QString kSecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QByteArray kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const QByteArray kFormType = "application/x-www-form-urlencoded; charset=utf-8";
const QByteArray kListMetricsBody = "Action=ListMetrics&Namespace=AWS%2FSageMaker&Version=2010-08-01";

QDateTime fromAmzDate(const QByteArray &amzDate) {
    QDateTime t = QDateTime::fromString(QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

SigV4Params params(const QByteArray &amzDate, const QString &region, const QString &service,
                   const QString &token = {}) {
    SigV4Params p;
    p.region = region;
    p.service = service;
    p.credentials.accessKeyId = kAccessKey;
    p.credentials.secretAccessKey = kSecretKey;
    p.credentials.sessionToken = token;
    p.timestampUtc = fromAmzDate(amzDate);
    return p;
}

HttpRequest request(const QByteArray &method, const QString &url, const HttpHeaders &headers = {},
                    const QByteArray &body = {}) {
    HttpRequest r;
    r.method = method;
    r.url = QUrl(url);
    r.headers = headers;
    r.body = body;
    return r;
}

QByteArray lines(const QList<QByteArray> &parts) {
    return QByteArrayList(parts).join('\n');
}

} // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswer_data();
    void knownAnswer();
    void canonicalisation_data();
    void canonicalisation();
    void resigningReplacesPreviousSignature();
    void tokenHeaderFollowsCredentials();
    void defaultPortIsDroppedFromUrl();
    void amzDateIsUtc();
};

void TestSigV4Signer::knownAnswer_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("amzDate");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("canonicalRequest"); // empty: not published for this vector
    QTest::addColumn<QByteArray>("canonicalHash");    // last line of the string to sign
    QTest::addColumn<QByteArray>("signedHeaders");
    QTest::addColumn<QByteArray>("signature");

    // AWS SigV4 test suite, get-vanilla.
    QTest::newRow("suite_get_vanilla")
        << QByteArray("GET") << QStringLiteral("https://example.amazonaws.com/") << HttpHeaders{}
        << QByteArray() << QByteArray("20150830T123600Z") << QStringLiteral("us-east-1")
        << QStringLiteral("service") << QString()
        << lines({"GET", "/", "", "host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "",
                  "host;x-amz-date", kEmptyHash})
        << QByteArray() << QByteArray("host;x-amz-date")
        << QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

    // AWS documentation example (IAM ListUsers); qt6-on-debian.md §7 reproduced it with botocore.
    QTest::newRow("aws_doc_iam_list_users")
        << QByteArray("GET")
        << QStringLiteral("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        << HttpHeaders{{"Content-Type", kFormType}} << QByteArray() << QByteArray("20150830T123600Z")
        << QStringLiteral("us-east-1") << QStringLiteral("iam") << QString()
        << lines({"GET", "/", "Action=ListUsers&Version=2010-05-08", "content-type:" + kFormType,
                  "host:iam.amazonaws.com", "x-amz-date:20150830T123600Z", "", "content-type;host;x-amz-date",
                  kEmptyHash})
        << QByteArray("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        << QByteArray("content-type;host;x-amz-date")
        << QByteArray("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");

    // cloud-apis.md §1.2: CloudWatch ListMetrics over the query protocol, with and without a token.
    const QByteArray listMetricsHash = "f8f553f8cf74dbe1b13767796b95bf1843d1cead3e072da010646f3795b72bbc";
    QTest::newRow("cloudwatch_list_metrics")
        << QByteArray("POST") << QStringLiteral("https://monitoring.us-east-1.amazonaws.com/")
        << HttpHeaders{{"Content-Type", kFormType}} << kListMetricsBody << QByteArray("20240501T120000Z")
        << QStringLiteral("us-east-1") << QStringLiteral("monitoring") << QString()
        << lines({"POST", "/", "", "content-type:" + kFormType, "host:monitoring.us-east-1.amazonaws.com",
                  "x-amz-date:20240501T120000Z", "", "content-type;host;x-amz-date", listMetricsHash})
        << QByteArray("f8279607c33cfdf8413d6063eb5bee176f3a3b4ac007f361d96144a67e0d9a0c")
        << QByteArray("content-type;host;x-amz-date")
        << QByteArray("012a90c8ac3125eecfd517ffbc972a9e2371cb5424bdfd1a34ae87f1a3cf82af");

    QTest::newRow("cloudwatch_list_metrics_session_token")
        << QByteArray("POST") << QStringLiteral("https://monitoring.us-east-1.amazonaws.com/")
        << HttpHeaders{{"Content-Type", kFormType}} << kListMetricsBody << QByteArray("20240501T120000Z")
        << QStringLiteral("us-east-1") << QStringLiteral("monitoring")
        << QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN")
        << lines({"POST", "/", "", "content-type:" + kFormType, "host:monitoring.us-east-1.amazonaws.com",
                  "x-amz-date:20240501T120000Z", "x-amz-security-token:FQoGZXIvYXdzEXAMPLETOKEN", "",
                  "content-type;host;x-amz-date;x-amz-security-token", listMetricsHash})
        << QByteArray("1ae35e1dbab9ad84fe77ad520281ae8a0732476691f1cf4cbd335e5b5b48cf44")
        << QByteArray("content-type;host;x-amz-date;x-amz-security-token")
        << QByteArray("3a7e50c5a4cad2ef6e05c7861a8b3780977fdcda5991b0e0434d3f8db324233a");
}

void TestSigV4Signer::knownAnswer() {
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, amzDate);
    QFETCH(QString, region);
    QFETCH(QString, service);
    QFETCH(QString, token);
    QFETCH(QByteArray, canonicalRequest);
    QFETCH(QByteArray, canonicalHash);
    QFETCH(QByteArray, signedHeaders);
    QFETCH(QByteArray, signature);

    HttpRequest r = request(method, url, headers, body);
    const SigV4Params p = params(amzDate, region, service, token);
    SigV4Signer::sign(r, p);

    QCOMPARE(r.url, QUrl(url));
    QCOMPARE(headerValue(r.headers, "X-Amz-Date"), amzDate);
    QCOMPARE(headerValue(r.headers, "X-Amz-Security-Token"), token.toUtf8());
    if (!canonicalRequest.isEmpty())
        QCOMPARE(SigV4Signer::canonicalRequest(r), canonicalRequest);
    const QByteArray scope =
        amzDate.left(8) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
    const QByteArrayList sts = SigV4Signer::stringToSign(r, p).split('\n');
    QCOMPARE(sts.size(), 4);
    QCOMPARE(sts[0], QByteArray("AWS4-HMAC-SHA256"));
    QCOMPARE(sts[1], amzDate);
    QCOMPARE(sts[2], scope);
    if (!canonicalHash.isEmpty())
        QCOMPARE(sts[3], canonicalHash);
    QCOMPARE(SigV4Signer::signedHeaderList(r), signedHeaders);
    QCOMPARE(SigV4Signer::signature(r, p), signature);
    QCOMPARE(headerValue(r.headers, "Authorization"), "AWS4-HMAC-SHA256 Credential=" + kAccessKey.toUtf8() +
                                                          '/' + scope + ", SignedHeaders=" + signedHeaders +
                                                          ", Signature=" + signature);
}

void TestSigV4Signer::canonicalisation_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("canonicalRequest");

    const QByteArray date = "x-amz-date:20150830T123600Z";
    const QByteArray host = "host:example.amazonaws.com";
    const QString base = QStringLiteral("https://example.amazonaws.com");
    const auto get = [&](const QByteArray &uri, const QByteArray &query) {
        return lines({"GET", uri, query, host, date, "", "host;x-amz-date", kEmptyHash});
    };

    // Query strings (suite: get-vanilla-query-order-*, get-unreserved, get-vanilla-utf8-query).
    QTest::newRow("query_sorted_by_key") << QByteArray("GET") << base + QStringLiteral("/?b=2&c=3&a=1")
                                         << HttpHeaders{} << QByteArray() << get("/", "a=1&b=2&c=3");
    QTest::newRow("query_uppercase_keys_sort_before_lowercase")
        << QByteArray("GET") << base + QStringLiteral("/?param0=x&Param2=value2&Param1=value1")
        << HttpHeaders{} << QByteArray() << get("/", "Param1=value1&Param2=value2&param0=x");
    QTest::newRow("query_repeated_key_sorted_by_value")
        << QByteArray("GET") << base + QStringLiteral("/?Param=value2&Param=value1") << HttpHeaders{}
        << QByteArray() << get("/", "Param=value1&Param=value2");
    QTest::newRow("query_sorted_after_encoding")
        << QByteArray("GET") << base + QStringLiteral("/?a%20b=1&a-b=2&a=3") << HttpHeaders{} << QByteArray()
        << get("/", "a=3&a%20b=1&a-b=2");
    QTest::newRow("query_unreserved_chars_stay")
        << QByteArray("GET") << base + QStringLiteral("/?-._~0189AZaz=-._~0189AZaz") << HttpHeaders{}
        << QByteArray() << get("/", "-._~0189AZaz=-._~0189AZaz");
    QTest::newRow("query_space_is_percent_20")
        << QByteArray("GET") << base + QStringLiteral("/?Name=Model Latency") << HttpHeaders{} << QByteArray()
        << get("/", "Name=Model%20Latency");
    QTest::newRow("query_reserved_chars_encoded_uppercase_hex")
        << QByteArray("GET") << base + QStringLiteral("/?k=a/b:c!*'()@$,;+") << HttpHeaders{} << QByteArray()
        << get("/", "k=a%2Fb%3Ac%21%2A%27%28%29%40%24%2C%3B%2B");
    QTest::newRow("query_lowercase_hex_becomes_uppercase")
        << QByteArray("GET") << base + QStringLiteral("/?k=%2f%c3%a9") << HttpHeaders{} << QByteArray()
        << get("/", "k=%2F%C3%A9");
    QTest::newRow("query_utf8_encoded") << QByteArray("GET") << base + QStringLiteral("/?ሴ=bar")
                                        << HttpHeaders{} << QByteArray() << get("/", "%E1%88%B4=bar");
    QTest::newRow("query_key_without_value") << QByteArray("GET") << base + QStringLiteral("/?flag&a=1")
                                             << HttpHeaders{} << QByteArray() << get("/", "a=1&flag=");

    // Paths (suite: normalize-path/*; non-S3 services encode the wire path once more).
    QTest::newRow("path_empty_is_slash")
        << QByteArray("GET") << base << HttpHeaders{} << QByteArray() << get("/", "");
    QTest::newRow("path_segments_encoded_again")
        << QByteArray("GET") << base + QStringLiteral("/a b/c%2Fd/é") << HttpHeaders{} << QByteArray()
        << get("/a%2520b/c%252Fd/%25C3%25A9", "");
    QTest::newRow("path_unreserved_chars_stay") << QByteArray("GET") << base + QStringLiteral("/-._~0189AZaz")
                                                << HttpHeaders{} << QByteArray() << get("/-._~0189AZaz", "");
    QTest::newRow("path_dot_segments_removed") << QByteArray("GET") << base + QStringLiteral("/a/./b/../c/..")
                                               << HttpHeaders{} << QByteArray() << get("/a", "");
    QTest::newRow("path_relative_past_root") << QByteArray("GET") << base + QStringLiteral("/../../x")
                                             << HttpHeaders{} << QByteArray() << get("/x", "");
    QTest::newRow("path_double_slash_collapsed") << QByteArray("GET") << base + QStringLiteral("//a//b")
                                                 << HttpHeaders{} << QByteArray() << get("/a/b", "");
    QTest::newRow("path_trailing_slash_kept") << QByteArray("GET") << base + QStringLiteral("/a/b/")
                                              << HttpHeaders{} << QByteArray() << get("/a/b/", "");

    // Headers (suite: get-header-value-trim, post-header-key-case, post-header-key-sort, …).
    QTest::newRow("header_value_trimmed_and_collapsed")
        << QByteArray("GET") << base + QStringLiteral("/")
        << HttpHeaders{{"My-Header1", " value1 "}, {"My-Header2", "\"a   b \t c\""}} << QByteArray()
        << lines({"GET", "/", "", host, "my-header1:value1", "my-header2:\"a b c\"", date, "",
                  "host;my-header1;my-header2;x-amz-date", kEmptyHash});
    QTest::newRow("header_key_lowercased_and_sorted")
        << QByteArray("POST") << base + QStringLiteral("/")
        << HttpHeaders{{"X-Zed", "z"}, {"CONTENT-TYPE", "text/plain"}, {"x-Amz-Target", "T.Op"}}
        << QByteArray()
        << lines({"POST", "/", "", "content-type:text/plain", host, date, "x-amz-target:T.Op", "x-zed:z", "",
                  "content-type;host;x-amz-date;x-amz-target;x-zed", kEmptyHash});
    QTest::newRow("header_repeated_values_joined_in_order")
        << QByteArray("GET") << base + QStringLiteral("/")
        << HttpHeaders{{"My-Header1", "value2"}, {"my-header1", "value2"}, {"MY-HEADER1", "value1"}}
        << QByteArray()
        << lines({"GET", "/", "", host, "my-header1:value2,value2,value1", date, "",
                  "host;my-header1;x-amz-date", kEmptyHash});
    QTest::newRow("header_blacklist_not_signed") << QByteArray("GET") << base + QStringLiteral("/")
                                                 << HttpHeaders{{"User-Agent", "mlwatch"},
                                                                {"Expect", "100-continue"},
                                                                {"X-Amzn-Trace-Id", "Root=1"},
                                                                {"Connection", "keep-alive"},
                                                                {"Transfer-Encoding", "chunked"}}
                                                 << QByteArray() << get("/", "");
    QTest::newRow("header_explicit_host_wins")
        << QByteArray("GET") << base + QStringLiteral("/") << HttpHeaders{{"Host", "other.example.com"}}
        << QByteArray()
        << lines({"GET", "/", "", "host:other.example.com", date, "", "host;x-amz-date", kEmptyHash});

    // Host derived from the URL, as Qt writes it on the wire.
    const auto hostOnly = [&](const QByteArray &h) {
        return lines({"GET", "/", "", "host:" + h, date, "", "host;x-amz-date", kEmptyHash});
    };
    QTest::newRow("host_non_default_port_included")
        << QByteArray("GET") << QStringLiteral("http://localhost:8443/") << HttpHeaders{} << QByteArray()
        << hostOnly("localhost:8443");
    QTest::newRow("host_https_port_on_http_included")
        << QByteArray("GET") << QStringLiteral("http://127.0.0.1:443/") << HttpHeaders{} << QByteArray()
        << hostOnly("127.0.0.1:443");
    QTest::newRow("host_default_port_omitted")
        << QByteArray("GET") << QStringLiteral("https://example.amazonaws.com:443/") << HttpHeaders{}
        << QByteArray() << hostOnly("example.amazonaws.com");
    QTest::newRow("host_lowercased") << QByteArray("GET") << QStringLiteral("https://Example.AmazonAWS.com/")
                                     << HttpHeaders{} << QByteArray() << hostOnly("example.amazonaws.com");
    QTest::newRow("host_ipv6_bracketed") << QByteArray("GET") << QStringLiteral("http://[::1]:8080/")
                                         << HttpHeaders{} << QByteArray() << hostOnly("[::1]:8080");

    // Method and payload.
    QTest::newRow("method_uppercased_payload_hashed")
        << QByteArray("post") << base + QStringLiteral("/") << HttpHeaders{} << QByteArray("{}")
        << lines({"POST", "/", "", host, date, "", "host;x-amz-date",
                  "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"});
    QTest::newRow("content_sha256_header_used_as_payload_hash")
        << QByteArray("PUT") << base + QStringLiteral("/")
        << HttpHeaders{{"X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"}} << QByteArray("ignored")
        << lines({"PUT", "/", "", host, "x-amz-content-sha256:UNSIGNED-PAYLOAD", date, "",
                  "host;x-amz-content-sha256;x-amz-date", "UNSIGNED-PAYLOAD"});
}

void TestSigV4Signer::canonicalisation() {
    QFETCH(QByteArray, method);
    QFETCH(QString, url);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, canonicalRequest);

    HttpRequest r = request(method, url, headers, body);
    r.setHeader("X-Amz-Date", "20150830T123600Z");
    QCOMPARE(SigV4Signer::canonicalRequest(r), canonicalRequest);
    // The signed-header list is the canonical request's second-to-last line.
    const QByteArrayList canonicalLines = canonicalRequest.split('\n');
    QCOMPARE(SigV4Signer::signedHeaderList(r), canonicalLines.at(canonicalLines.size() - 2));
}

void TestSigV4Signer::resigningReplacesPreviousSignature() {
    const SigV4Params first =
        params("20240501T120000Z", QStringLiteral("us-east-1"), QStringLiteral("monitoring"));
    const SigV4Params retry =
        params("20240501T120500Z", QStringLiteral("us-east-1"), QStringLiteral("monitoring"));
    HttpRequest r = request("POST", QStringLiteral("https://monitoring.us-east-1.amazonaws.com/"),
                            {{"Content-Type", kFormType}}, kListMetricsBody);
    SigV4Signer::sign(r, first);
    SigV4Signer::sign(r, retry);

    HttpRequest fresh = request("POST", QStringLiteral("https://monitoring.us-east-1.amazonaws.com/"),
                                {{"Content-Type", kFormType}}, kListMetricsBody);
    SigV4Signer::sign(fresh, retry);
    QCOMPARE(r.headers.size(), 3); // Content-Type, X-Amz-Date, Authorization: nothing doubled
    QCOMPARE(headerValue(r.headers, "X-Amz-Date"), QByteArray("20240501T120500Z"));
    QCOMPARE(headerValue(r.headers, "Authorization"), headerValue(fresh.headers, "Authorization"));
}

void TestSigV4Signer::tokenHeaderFollowsCredentials() {
    const QString token = QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN");
    HttpRequest r = request("POST", QStringLiteral("https://monitoring.us-east-1.amazonaws.com/"));
    SigV4Signer::sign(
        r, params("20240501T120000Z", QStringLiteral("us-east-1"), QStringLiteral("monitoring"), token));
    QCOMPARE(headerValue(r.headers, "X-Amz-Security-Token"), token.toUtf8());
    QVERIFY(headerValue(r.headers, "Authorization").contains("x-amz-date;x-amz-security-token"));

    // Re-signed with long-term keys: the old token must neither be sent nor signed.
    SigV4Signer::sign(r,
                      params("20240501T120000Z", QStringLiteral("us-east-1"), QStringLiteral("monitoring")));
    QVERIFY(headerValue(r.headers, "X-Amz-Security-Token").isEmpty());
    QCOMPARE(SigV4Signer::signedHeaderList(r), QByteArray("host;x-amz-date"));
}

void TestSigV4Signer::defaultPortIsDroppedFromUrl() {
    // Qt writes "Host: example.com:443" when the URL names the port; the signature says
    // "example.com" (botocore), so sign() removes the redundant port to make the wire agree.
    HttpRequest r = request("GET", QStringLiteral("https://example.amazonaws.com:443/x?a=1"));
    SigV4Signer::sign(r, params("20150830T123600Z", QStringLiteral("us-east-1"), QStringLiteral("service")));
    QCOMPARE(r.url.port(), -1);
    QCOMPARE(r.url.toString(), QStringLiteral("https://example.amazonaws.com/x?a=1"));

    HttpRequest other = request("GET", QStringLiteral("https://example.amazonaws.com:8443/"));
    SigV4Signer::sign(other,
                      params("20150830T123600Z", QStringLiteral("us-east-1"), QStringLiteral("service")));
    QCOMPARE(other.url.port(), 8443);
}

void TestSigV4Signer::amzDateIsUtc() {
    const QDateTime berlin(QDate(2024, 5, 1), QTime(14, 0, 5), QTimeZone(7200));
    QCOMPARE(SigV4Signer::amzDate(berlin), QByteArray("20240501T120005Z"));
    QCOMPARE(SigV4Signer::amzDate(QDateTime(QDate(2015, 8, 30), QTime(12, 36), QTimeZone::utc())),
             QByteArray("20150830T123600Z"));
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4_signer.moc"
