// Pins how MLWatch reads CloudWatch answers in both protocols (cloud-apis.md §1.4–1.6, §4):
// pages, pagination, gaps, Messages, timestamp forms, error envelopes, and that anything
// malformed becomes ErrorCode::BadResponse with a message that names the problem and never
// echoes the body.

#include "core/providers/aws/cloudwatch_response.h"

#include "core/providers/aws/cloudwatch_query_xml.h"

#include <QFile>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::aws;

namespace {

constexpr qint64 kT = 1714564800000; // 2024-05-01T12:00:00Z
constexpr qint64 kMinute = 60 * 1000;

QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(MLWATCH_FIXTURES_DIR "/aws/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

MetricDataResult result(const QString &id, const QString &label, const QString &status,
                        QVector<qint64> timestamps, QVector<double> values, QStringList messages = {}) {
    MetricDataResult r;
    r.id = id;
    r.label = label;
    r.statusCode = status;
    r.timestampsMs = std::move(timestamps);
    r.values = std::move(values);
    r.messages = std::move(messages);
    return r;
}

// First page: m0 has a gap at 12:02 (CloudWatch omits empty periods), more pages follow.
GetMetricDataPage firstPage() {
    GetMetricDataPage page;
    page.results = {
        result(QStringLiteral("m0"), QStringLiteral("Invocations"), QStringLiteral("PartialData"),
               {kT, kT + kMinute, kT + 3 * kMinute}, {12.0, 7.0, 0.5}),
        result(QStringLiteral("m1"), QStringLiteral("ModelLatency"), QStringLiteral("Complete"), {}, {})};
    page.nextToken = QStringLiteral("page-2-token");
    return page;
}

GetMetricDataPage lastPage() {
    GetMetricDataPage page;
    page.results = {result(QStringLiteral("m0"), QStringLiteral("Invocations"), QStringLiteral("Complete"),
                           {kT + 4 * kMinute, kT + 5 * kMinute + 250}, {1.5384615384615385, 20.0},
                           {QStringLiteral("ArithmeticError: Division by zero")})};
    page.messages = {QStringLiteral("MaxMetricsExceeded: The maximum number of metrics was exceeded.")};
    return page;
}

HttpResponse response(int status, const QByteArray &body, HttpHeaders headers = {}) {
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

} // namespace

Q_DECLARE_METATYPE(mlwatch::aws::CloudWatchProtocol)
Q_DECLARE_METATYPE(mlwatch::aws::GetMetricDataPage)
Q_DECLARE_METATYPE(mlwatch::HttpResponse)

class TestCloudWatchResponse : public QObject {
    Q_OBJECT

    static void comparePages(const GetMetricDataPage &actual, const GetMetricDataPage &expected) {
        QCOMPARE(actual.nextToken, expected.nextToken);
        QCOMPARE(actual.messages, expected.messages);
        QCOMPARE(actual.results.size(), expected.results.size());
        for (qsizetype i = 0; i < expected.results.size(); ++i) {
            const MetricDataResult &a = actual.results.at(i);
            const MetricDataResult &e = expected.results.at(i);
            QCOMPARE(a.id, e.id);
            QCOMPARE(a.label, e.label);
            QCOMPARE(a.statusCode, e.statusCode);
            QCOMPARE(a.timestampsMs, e.timestampsMs);
            QCOMPARE(a.values, e.values);
            QCOMPARE(a.messages, e.messages);
        }
    }

private Q_SLOTS:
    void pages_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("file");
        QTest::addColumn<GetMetricDataPage>("expected");

        QTest::newRow("json: NextToken, PartialData, a gap stays missing, empty result")
            << CloudWatchProtocol::Json << QStringLiteral("gmd_page1.json") << firstPage();
        QTest::newRow("json: last page, exponent and fractional epoch seconds, Messages, reordered keys")
            << CloudWatchProtocol::Json << QStringLiteral("gmd_page2.json") << lastPage();
        QTest::newRow("xml: indented text, reordered elements, +00:00 and .000Z times")
            << CloudWatchProtocol::Query << QStringLiteral("gmd_page1.xml") << firstPage();
        QTest::newRow("xml: last page, milliseconds, Messages")
            << CloudWatchProtocol::Query << QStringLiteral("gmd_page2.xml") << lastPage();
    }

    void pages() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, file);
        QFETCH(GetMetricDataPage, expected);

        const Result<GetMetricDataPage> page = parseGetMetricDataResponse(protocol, fixture(file));
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        comparePages(*page, expected);
    }

    void timestampForms_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("integer seconds") << QByteArray("1714564800") << kT;
        QTest::newRow("fractional seconds") << QByteArray("1714564800.5") << kT + 500;
        QTest::newRow("millisecond fraction rounds, not truncates") << QByteArray("1714564800.001") << kT + 1;
        QTest::newRow("exponent form (Java services)") << QByteArray("1.7145648E9") << kT;
        QTest::newRow("integer written as double") << QByteArray("1714564800.0") << kT;
        QTest::newRow("ISO string tolerated") << QByteArray("\"2024-05-01T12:00:00Z\"") << kT;
    }

    void timestampForms() {
        QFETCH(QByteArray, json);
        QFETCH(qint64, expectedMs);
        const QByteArray body =
            R"({"MetricDataResults":[{"Id":"m0","Timestamps":[)" + json + R"(],"Values":[3]}]})";
        const Result<GetMetricDataPage> page = parseGetMetricDataResponse(CloudWatchProtocol::Json, body);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        QCOMPARE(page->results.size(), 1);
        QCOMPARE(page->results[0].timestampsMs, QVector<qint64>{expectedMs});
        QCOMPARE(page->results[0].values, QVector<double>{3.0});
    }

    void iso8601_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expectedMs"); // -1: rejected
        QTest::newRow("Z") << QStringLiteral("2024-05-01T12:00:00Z") << kT;
        QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T12:00:00.000Z") << kT;
        QTest::newRow("fraction beyond ms is truncated")
            << QStringLiteral("2024-05-01T12:00:00.123987Z") << kT + 123;
        QTest::newRow("+00:00") << QStringLiteral("2024-05-01T12:00:00+00:00") << kT;
        QTest::newRow("+02:00 is two hours earlier in UTC")
            << QStringLiteral("2024-05-01T14:00:00+02:00") << kT;
        QTest::newRow("-0130 without colon") << QStringLiteral("2024-05-01T10:30:00-0130") << kT;
        QTest::newRow("surrounding whitespace") << QStringLiteral("\n   2024-05-01T12:00:00Z  \n") << kT;
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00Z") << qint64(1709164800000);
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
        QTest::newRow("no zone is rejected") << QStringLiteral("2024-05-01T12:00:00") << qint64(-1);
        QTest::newRow("month 13 is rejected") << QStringLiteral("2024-13-01T12:00:00Z") << qint64(-1);
        QTest::newRow("February 30 is rejected") << QStringLiteral("2024-02-30T12:00:00Z") << qint64(-1);
        QTest::newRow("hour 24 is rejected") << QStringLiteral("2024-05-01T24:00:00Z") << qint64(-1);
        QTest::newRow("trailing text is rejected") << QStringLiteral("2024-05-01T12:00:00Zx") << qint64(-1);
        QTest::newRow("empty fraction is rejected") << QStringLiteral("2024-05-01T12:00:00.Z") << qint64(-1);
        QTest::newRow("letters in the date are rejected")
            << QStringLiteral("2024-O5-01T12:00:00Z") << qint64(-1);
        QTest::newRow("too short") << QStringLiteral("2024-05-01") << qint64(-1);
    }

    void iso8601() {
        QFETCH(QString, text);
        QFETCH(qint64, expectedMs);
        const std::optional<qint64> ms = parseIso8601Ms(text);
        QCOMPARE(ms.value_or(-1), expectedMs);
    }

    void emptyResults_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json") << CloudWatchProtocol::Json
                              << QByteArray(R"({"MetricDataResults":[],"Messages":[]})");
        QTest::newRow("json null NextToken")
            << CloudWatchProtocol::Json << QByteArray(R"({"MetricDataResults":[],"NextToken":null})");
        QTest::newRow("xml") << CloudWatchProtocol::Query
                             << QByteArray(
                                    "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/"
                                    "2010-08-01/\"><GetMetricDataResult><MetricDataResults/><Messages/>"
                                    "</GetMetricDataResult></GetMetricDataResponse>");
    }

    void emptyResults() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QByteArray, body);
        const Result<GetMetricDataPage> page = parseGetMetricDataResponse(protocol, body);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        QVERIFY(page->results.isEmpty());
        QVERIFY(page->nextToken.isEmpty());
        QVERIFY(page->messages.isEmpty());
    }

    void garbageIsBadResponse_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messageContains");

        const QByteArray page1 = fixture(QStringLiteral("gmd_page1.json"));
        const auto json = CloudWatchProtocol::Json;
        const auto xml = CloudWatchProtocol::Query;
        // "canary" marks text that must never reach the message or the detail.
        QTest::newRow("json truncated")
            << json << page1.left(page1.size() / 2) << QStringLiteral("not valid JSON");
        QTest::newRow("json cut inside a number array")
            << json << QByteArray(R"({"MetricDataResults":[{"Id":"m0","Timestamps":[1,2)")
            << QStringLiteral("not valid JSON");
        QTest::newRow("json: an HTML page")
            << json << QByteArray("<html><body>canary 502</body></html>") << QStringLiteral("not valid JSON");
        QTest::newRow("json: empty body") << json << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("json: an array, not an object")
            << json << QByteArray("[\"canary\"]") << QStringLiteral("not valid JSON");
        QTest::newRow("json: content after the object")
            << json << QByteArray(R"({"MetricDataResults":[]} canary)") << QStringLiteral("not valid JSON");
        QTest::newRow("json: a string among the values")
            << json
            << QByteArray(R"({"MetricDataResults":[{"Id":"m0","Timestamps":[1],"Values":["canary"]}]})")
            << QStringLiteral("not valid JSON");
        QTest::newRow("json: no MetricDataResults")
            << json << QByteArray(R"({"canary":1})") << QStringLiteral("no MetricDataResults");
        QTest::newRow("json: result without Id")
            << json << QByteArray(R"({"MetricDataResults":[{"Timestamps":[],"Values":[]}]})")
            << QStringLiteral("no Id");
        QTest::newRow("json: Timestamps and Values differ in length")
            << json
            << QByteArray(
                   R"({"MetricDataResults":[{"Id":"m3","Timestamps":[1714564800,1714564860],"Values":[1]}]})")
            << QStringLiteral("Timestamps and Values differ in length for m3");
        QTest::newRow("xml truncated") << xml << fixture(QStringLiteral("gmd_page1.xml")).left(700)
                                       << QStringLiteral("not well-formed XML");
        QTest::newRow("xml: an HTML page") << xml << QByteArray("<html><body>canary</body></html>")
                                           << QStringLiteral("not a GetMetricDataResponse");
        QTest::newRow("xml: not XML at all")
            << xml << QByteArray("canary") << QStringLiteral("not well-formed XML");
        QTest::newRow("xml: an error envelope with status 200")
            << xml << fixture(QStringLiteral("error_throttling.xml"))
            << QStringLiteral("not a GetMetricDataResponse");
        QTest::newRow("xml: Timestamps and Values differ in length")
            << xml
            << QByteArray("<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m3</Id>"
                          "<Timestamps><member>2024-05-01T12:00:00Z</member></Timestamps><Values/></member>"
                          "</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>")
            << QStringLiteral("Timestamps and Values differ in length for m3");
        QTest::newRow("xml: a timestamp that is not ISO 8601")
            << xml
            << QByteArray(
                   "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
                   "<Timestamps><member>May 1 canary</member></Timestamps><Values><member>1</member></Values>"
                   "</member></MetricDataResults></GetMetricDataResult></GetMetricDataResponse>")
            << QStringLiteral("not ISO 8601");
        QTest::newRow("xml: a value that is not a number")
            << xml
            << QByteArray(
                   "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
                   "<Timestamps><member>2024-05-01T12:00:00Z</member></Timestamps><Values><member>canary"
                   "</member></Values></member></MetricDataResults></GetMetricDataResult></"
                   "GetMetricDataResponse>")
            << QStringLiteral("not a number");
        QTest::newRow("xml: a time without a zone")
            << xml
            << QByteArray(
                   "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member><Id>m0</Id>"
                   "<Timestamps><member>2024-05-01T12:00:00</member></Timestamps><Values><member>1</member>"
                   "</Values></member></MetricDataResults></GetMetricDataResult></GetMetricDataResponse>")
            << QStringLiteral("not ISO 8601");
    }

    void garbageIsBadResponse() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QByteArray, body);
        QFETCH(QString, messageContains);

        const Result<GetMetricDataPage> page = parseGetMetricDataResponse(protocol, body);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::BadResponse);
        QVERIFY2(page.error().message.contains(messageContains), qPrintable(page.error().message));
        QVERIFY(!page.error().message.contains(QStringLiteral("canary")));
        QVERIFY(!page.error().detail.contains(QStringLiteral("canary")));
    }

    void listMetrics_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("file");
        QTest::newRow("json") << CloudWatchProtocol::Json << QStringLiteral("listmetrics.json");
        QTest::newRow("xml with reordered elements")
            << CloudWatchProtocol::Query << QStringLiteral("listmetrics.xml");
    }

    void listMetrics() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, file);

        const Result<ListMetricsPage> page = parseListMetricsResponse(protocol, fixture(file));
        QVERIFY2(page, qPrintable(page ? QString() : page.error().toString()));
        QCOMPARE(page->nextToken, QStringLiteral("list-page-2"));
        const QList<ListedMetric> expected = {
            {QStringLiteral("AWS/SageMaker"),
             QStringLiteral("Invocations"),
             {{QStringLiteral("EndpointName"), QStringLiteral("my-ep")},
              {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}}},
            {QStringLiteral("/aws/sagemaker/Endpoints"),
             QStringLiteral("CPUUtilization"),
             {{QStringLiteral("Host"), QStringLiteral("my-ep/AllTraffic")}}},
            {QStringLiteral("AWS/SageMaker"), QStringLiteral("TotalCount"), {}},
        };
        QCOMPARE(page->metrics, expected);
    }

    void listMetricsGarbage_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("json truncated")
            << CloudWatchProtocol::Json << fixture(QStringLiteral("listmetrics.json")).left(60);
        QTest::newRow("json: an HTML page")
            << CloudWatchProtocol::Json << fixture(QStringLiteral("bad_gateway.html"));
        QTest::newRow("xml truncated")
            << CloudWatchProtocol::Query << fixture(QStringLiteral("listmetrics.xml")).left(200);
        QTest::newRow("xml: an HTML page")
            << CloudWatchProtocol::Query << fixture(QStringLiteral("bad_gateway.html"));
    }

    void listMetricsGarbage() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QByteArray, body);
        const Result<ListMetricsPage> page = parseListMetricsResponse(protocol, body);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::BadResponse);
        QVERIFY(page.error().message.contains(QStringLiteral("ListMetrics")));
    }

    void errorEnvelopes_data() {
        QTest::addColumn<HttpResponse>("response");
        QTest::addColumn<bool>("isAwsError");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");

        const QByteArray queryError = "x-amzn-query-error";
        QTest::newRow("query XML Throttling (HTTP 400)")
            << response(400, fixture(QStringLiteral("error_throttling.xml"))) << true
            << QStringLiteral("Throttling") << QStringLiteral("Rate exceeded");
        QTest::newRow("query XML inside an <Errors> wrapper")
            << response(403, fixture(QStringLiteral("error_errors_wrapper.xml"))) << true
            << QStringLiteral("SignatureDoesNotMatch")
            << QStringLiteral("Signature expired: 20240501T120000Z is now earlier than 20240501T121600Z "
                              "(20240501T122100Z - 5 min.)");
        QTest::newRow("JSON ThrottlingException from __type")
            << response(400, fixture(QStringLiteral("error_throttling.json"))) << true
            << QStringLiteral("ThrottlingException") << QStringLiteral("Rate exceeded");
        QTest::newRow("JSON with x-amzn-query-error: the query code wins")
            << response(400, fixture(QStringLiteral("error_throttling.json")),
                        {{queryError, QByteArrayLiteral("Throttling;Sender")}})
            << true << QStringLiteral("Throttling") << QStringLiteral("Rate exceeded");
        QTest::newRow("JSON Code/Message members")
            << response(
                   400,
                   R"({"Code":"InvalidParameterValue","Message":"The period must be a multiple of 60."})")
            << true << QStringLiteral("InvalidParameterValue")
            << QStringLiteral("The period must be a multiple of 60.");
        QTest::newRow("JSON __type with a trailing URI")
            << response(
                   400,
                   "{\"__type\":\"ThrottlingException:http://internal.amazon.com/coral/\",\"message\":\"x\"}")
            << true << QStringLiteral("ThrottlingException") << QStringLiteral("x");
        QTest::newRow("only the x-amzn-query-error header")
            << response(500, {}, {{queryError, QByteArrayLiteral("InternalServiceError;Receiver")}}) << true
            << QStringLiteral("InternalServiceError") << QString();
        QTest::newRow("non-AWS HTML 502 body")
            << response(502, fixture(QStringLiteral("bad_gateway.html"))) << false << QString() << QString();
        QTest::newRow("empty 503 body") << response(503, {}) << false << QString() << QString();
        QTest::newRow("JSON that is not an error envelope")
            << response(502, R"({"status":"bad gateway"})") << false << QString() << QString();
        QTest::newRow("truncated XML envelope")
            << response(400, fixture(QStringLiteral("error_throttling.xml")).left(40)) << false << QString()
            << QString();
    }

    void errorEnvelopes() {
        QFETCH(HttpResponse, response);
        QFETCH(bool, isAwsError);
        QFETCH(QString, code);
        QFETCH(QString, message);

        const std::optional<AwsError> error = parseAwsError(response);
        QCOMPARE(error.has_value(), isAwsError);
        if (!error)
            return;
        QCOMPARE(error->httpStatus, response.status);
        QCOMPARE(error->code, code);
        QCOMPARE(error->message, message);
    }
};

QTEST_GUILESS_MAIN(TestCloudWatchResponse)
#include "tst_cloudwatch_response.moc"
