// Pins how MLWatch plans and writes CloudWatch GetMetricData / ListMetrics calls: the batch
// limits of cloud-apis.md §1.5, range alignment, and bodies byte-identical to botocore's
// (the request_*.form / *.json oracles come from tests/fixtures/aws/make_request_fixtures.py).

#include "core/providers/aws/cloudwatch_request.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::aws;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 k20240501T1200 = 1714564800000; // 2024-05-01T12:00:00Z
constexpr qint64 k20240501T0000 = k20240501T1200 - 12 * kHour;

QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(MLWATCH_FIXTURES_DIR "/aws/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll().trimmed();
}

MetricQuery query(int index, int periodSeconds) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QStringLiteral("Invocations");
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("ep-%1").arg(index)},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    q.stat = QStringLiteral("Sum");
    q.periodSeconds = periodSeconds;
    return q;
}

// "N@P" groups: e.g. {{100, 60}} is 100 queries with a 60 s period.
using Groups = QList<QPair<int, int>>;

QList<MetricQuery> queries(const Groups &groups) {
    QList<MetricQuery> out;
    for (const auto &[count, period] : groups)
        for (int i = 0; i < count; ++i)
            out.append(query(int(out.size()), period));
    return out;
}

AwsEndpointConfig endpoint(CloudWatchProtocol protocol) {
    AwsEndpointConfig e;
    e.region = QStringLiteral("us-east-1");
    e.endpoint = QUrl(QStringLiteral("http://127.0.0.1:4566/"));
    e.protocol = protocol;
    return e;
}

GetMetricDataBatch exampleBatch() {
    GetMetricDataBatch batch;
    MetricQuery q = query(0, 60);
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("my-ep")},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    batch.queries = {q};
    batch.ids = {QStringLiteral("m0")};
    batch.range = {k20240501T1200, k20240501T1200 + kHour};
    return batch;
}

GetMetricDataBatch awkwardBatch() {
    GetMetricDataBatch batch;
    MetricQuery cpu;
    cpu.namespaceName = QStringLiteral("/aws/sagemaker/Endpoints");
    cpu.metricName = QStringLiteral("CPUUtilization");
    cpu.dimensions = {{QStringLiteral("Host"), QStringLiteral("my-ep/AllTraffic")}};
    cpu.stat = QStringLiteral("p99");
    cpu.periodSeconds = 300;
    MetricQuery odd;
    odd.namespaceName = QStringLiteral("Custom/ML Team");
    odd.metricName = QStringLiteral("5xx % rate*");
    odd.dimensions = {{QStringLiteral("Model~v2"), QStringLiteral("Zürich €")}};
    odd.stat = QStringLiteral("Average");
    odd.periodSeconds = 300;
    batch.queries = {cpu, odd};
    batch.ids = {QStringLiteral("m0"), QStringLiteral("m1")};
    batch.range = {k20240501T0000, k20240501T0000 + kDay};
    return batch;
}

} // namespace

Q_DECLARE_METATYPE(mlwatch::aws::GetMetricDataBatch)
Q_DECLARE_METATYPE(mlwatch::aws::CloudWatchProtocol)

class TestCloudWatchRequest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batching_data() {
        QTest::addColumn<Groups>("groups");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<QList<int>>("batchSizes");

        QTest::newRow("one query, one call") << Groups{{1, 60}} << kHour << QList<int>{1};
        QTest::newRow("no queries, no call") << Groups{} << kHour << QList<int>{};
        QTest::newRow("500 queries fit one call") << Groups{{500, 60}} << kHour << QList<int>{500};
        QTest::newRow("501 queries need two calls") << Groups{{501, 60}} << kHour << QList<int>{500, 1};
        QTest::newRow("1000 queries need exactly two calls")
            << Groups{{1000, 60}} << kHour << QList<int>{500, 500};
        // 100 × 1440 points: 70 fit under 100,800 (70 × 1440 = 100,800 exactly).
        QTest::newRow("datapoint cap splits 100 x 1440 points")
            << Groups{{100, 60}} << kDay << QList<int>{70, 30};
        QTest::newRow("exactly the datapoint cap fits") << Groups{{70, 60}} << kDay << QList<int>{70};
        // 100 days at 60 s = 144,000 points: more than a call may hold, so alone (paged).
        QTest::newRow("oversized query goes alone")
            << Groups{{1, 60}, {2, 3600}} << 100 * kDay << QList<int>{1, 2};
        QTest::newRow("two oversized queries, one call each")
            << Groups{{2, 60}} << 100 * kDay << QList<int>{1, 1};
        // 10 × 1440 + 10 × 288 points: different periods share a call when they fit.
        QTest::newRow("mixed periods share a call") << Groups{{10, 60}, {10, 300}} << kDay << QList<int>{20};
        QTest::newRow("mixed periods given interleaved share a call")
            << Groups{{1, 300}, {1, 60}, {1, 3600}, {1, 60}} << kDay << QList<int>{4};
        // A daily query widens its call's range to whole days (2 × 1440 points per 60 s query),
        // which no longer fits beside 70 minute-queries: it gets its own call.
        QTest::newRow("larger period widening the range starts a new call")
            << Groups{{70, 60}, {1, 86400}} << kDay << QList<int>{70, 1};
    }

    void batching() {
        QFETCH(Groups, groups);
        QFETCH(qint64, durationMs);
        QFETCH(QList<int>, batchSizes);

        const QList<MetricQuery> input = queries(groups);
        const TimeRange range{k20240501T1200, k20240501T1200 + durationMs};
        const QList<GetMetricDataBatch> batches = planGetMetricDataBatches(input, range);

        QList<int> sizes;
        QList<MetricQuery> seen;
        for (const GetMetricDataBatch &b : batches) {
            sizes.append(int(b.queries.size()));
            QCOMPARE(b.ids.size(), b.queries.size());
            QVERIFY(b.queries.size() <= kMaxQueriesPerCall);
            qint64 points = 0;
            for (const MetricQuery &q : b.queries)
                points += (b.range.durationMs() + q.periodSeconds * 1000 - 1) / (q.periodSeconds * 1000);
            QVERIFY2(b.queries.size() == 1 || points <= kMaxDatapointsPerCall,
                     qPrintable(QString::number(points)));
            seen += b.queries;
        }
        QCOMPARE(sizes, batchSizes);
        // Every query is asked for exactly once.
        QCOMPARE(seen.size(), input.size());
        for (const MetricQuery &q : input)
            QCOMPARE(int(seen.count(q)), 1);
    }

    void equalPeriodsKeepTheCallersOrder() {
        const QList<MetricQuery> input = queries({{501, 60}});
        const QList<GetMetricDataBatch> batches =
            planGetMetricDataBatches(input, {k20240501T1200, k20240501T1200 + kHour});
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches[0].queries, input.mid(0, 500));
        QCOMPARE(batches[1].queries, input.mid(500));
    }

    void idsRestartAtM0InEveryCall() {
        const QList<GetMetricDataBatch> batches =
            planGetMetricDataBatches(queries({{503, 60}}), {k20240501T1200, k20240501T1200 + kHour});
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches[0].ids.first(), QStringLiteral("m0"));
        QCOMPARE(batches[0].ids.at(499), QStringLiteral("m499"));
        QCOMPARE(batches[1].ids,
                 (QStringList{QStringLiteral("m0"), QStringLiteral("m1"), QStringLiteral("m2")}));
        for (const GetMetricDataBatch &b : batches)
            for (const QString &id : b.ids) // CloudWatch: must start with a lowercase letter
                QVERIFY(id.front().isLower());
    }

    void rangeAlignment_data() {
        QTest::addColumn<Groups>("groups");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("alignedStart");
        QTest::addColumn<qint64>("alignedEnd");

        const qint64 t = k20240501T1200;
        QTest::newRow("aligned range is kept") << Groups{{1, 60}} << t << t + kHour << t << t + kHour;
        QTest::newRow("start floors, end ceils to the minute")
            << Groups{{1, 60}} << t + 30'000 << t + kHour - 50'000 << t << t + kHour;
        QTest::newRow("five-minute period aligns to five minutes")
            << Groups{{1, 300}} << t + 3 * kMinute << t + 58 * kMinute << t << t + kHour;
        QTest::newRow("largest period of the call wins") << Groups{{1, 60}, {1, 3600}} << t + 17 * kMinute
                                                         << t + 3 * kHour + kMinute << t << t + 4 * kHour;
        QTest::newRow("daily period aligns to UTC midnight")
            << Groups{{1, 86400}} << t << t + kHour << k20240501T0000 << k20240501T0000 + kDay;
    }

    void rangeAlignment() {
        QFETCH(Groups, groups);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, alignedStart);
        QFETCH(qint64, alignedEnd);

        const QList<GetMetricDataBatch> batches = planGetMetricDataBatches(queries(groups), {start, end});
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches[0].range.startMs, alignedStart);
        QCOMPARE(batches[0].range.endMs, alignedEnd);
    }

    void queryBodyMatchesBotocore_data() {
        QTest::addColumn<GetMetricDataBatch>("batch");
        QTest::addColumn<QString>("nextToken");
        QTest::addColumn<QString>("oracle");
        QTest::newRow("cloud-apis 1.5 example: Invocations, EndpointName+VariantName, Sum, 60")
            << exampleBatch() << QString() << QStringLiteral("request_gmd_example");
        QTest::newRow("space, percent, star, slash, tilde, UTF-8 and a NextToken")
            << awkwardBatch() << QStringLiteral("tok+/=abc def") << QStringLiteral("request_gmd_awkward");
    }

    void queryBodyMatchesBotocore() {
        QFETCH(GetMetricDataBatch, batch);
        QFETCH(QString, nextToken);
        QFETCH(QString, oracle);

        const HttpRequest request =
            buildGetMetricDataRequest(endpoint(CloudWatchProtocol::Query), batch, nextToken);
        QCOMPARE(request.body, fixture(oracle + QStringLiteral(".form")));
        QCOMPARE(request.method, QByteArrayLiteral("POST"));
        QCOMPARE(headerValue(request.headers, "Content-Type"),
                 QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));
        QVERIFY(headerValue(request.headers, "X-Amz-Target").isEmpty());
        QVERIFY(headerValue(request.headers, "x-amzn-query-mode").isEmpty());
        QCOMPARE(request.callName, QStringLiteral("GetMetricData"));
        QCOMPARE(request.url, QUrl(QStringLiteral("http://127.0.0.1:4566/")));
        QVERIFY(headerValue(request.headers, "Authorization").isEmpty()); // the provider signs
    }

    void jsonBodyMatchesBotocore_data() { queryBodyMatchesBotocore_data(); }

    void jsonBodyMatchesBotocore() {
        QFETCH(GetMetricDataBatch, batch);
        QFETCH(QString, nextToken);
        QFETCH(QString, oracle);

        const HttpRequest request =
            buildGetMetricDataRequest(endpoint(CloudWatchProtocol::Json), batch, nextToken);
        QJsonParseError error;
        const QJsonDocument ours = QJsonDocument::fromJson(request.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(ours, QJsonDocument::fromJson(fixture(oracle + QStringLiteral(".json"))));
        QCOMPARE(headerValue(request.headers, "Content-Type"),
                 QByteArrayLiteral("application/x-amz-json-1.0"));
        QCOMPARE(headerValue(request.headers, "X-Amz-Target"),
                 QByteArrayLiteral("GraniteServiceVersion20100801.GetMetricData"));
        QCOMPARE(headerValue(request.headers, "x-amzn-query-mode"), QByteArrayLiteral("true"));
        QCOMPARE(request.callName, QStringLiteral("GetMetricData"));
        QCOMPARE(request.url, QUrl(QStringLiteral("http://127.0.0.1:4566/")));
        // Epoch seconds are JSON numbers, not strings.
        QVERIFY(ours.object().value(QStringLiteral("StartTime")).isDouble());
    }

    void nextTokenOnlyWhenGiven_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::newRow("json") << CloudWatchProtocol::Json;
        QTest::newRow("query") << CloudWatchProtocol::Query;
    }

    void nextTokenOnlyWhenGiven() {
        QFETCH(CloudWatchProtocol, protocol);
        const QByteArray first = buildGetMetricDataRequest(endpoint(protocol), exampleBatch(), {}).body;
        const QByteArray next =
            buildGetMetricDataRequest(endpoint(protocol), exampleBatch(), QStringLiteral("abc")).body;
        QVERIFY(!first.contains("NextToken"));
        QVERIFY(next.contains("NextToken"));
        QVERIFY(next.contains("abc"));
        // ScanBy ascending on every page of both protocols: the default is newest first.
        QVERIFY(first.contains("TimestampAscending"));
        QVERIFY(next.contains("TimestampAscending"));
        QVERIFY(!first.contains("TimestampDescending"));
    }

    void unalignedRangeKeepsMilliseconds() {
        GetMetricDataBatch batch = exampleBatch();
        batch.range = {k20240501T1200 + 250, k20240501T1200 + kHour};
        const QByteArray form =
            buildGetMetricDataRequest(endpoint(CloudWatchProtocol::Query), batch, {}).body;
        QVERIFY(form.contains("StartTime=2024-05-01T12%3A00%3A00.250Z&"));
        const QByteArray json = buildGetMetricDataRequest(endpoint(CloudWatchProtocol::Json), batch, {}).body;
        QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("StartTime")).toDouble(),
                 1714564800.25);
    }

    void listMetricsMatchesBotocore() {
        const QString ns = QStringLiteral("AWS/SageMaker");
        const QString name = QStringLiteral("Invocations");
        const QString token = QStringLiteral("next tok/1");

        const HttpRequest query =
            buildListMetricsRequest(endpoint(CloudWatchProtocol::Query), ns, name, token);
        QCOMPARE(query.body, fixture(QStringLiteral("request_listmetrics.form")));
        QCOMPARE(query.callName, QStringLiteral("ListMetrics"));
        QCOMPARE(headerValue(query.headers, "Content-Type"),
                 QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));

        const HttpRequest json = buildListMetricsRequest(endpoint(CloudWatchProtocol::Json), ns, name, token);
        QCOMPARE(QJsonDocument::fromJson(json.body),
                 QJsonDocument::fromJson(fixture(QStringLiteral("request_listmetrics.json"))));
        QCOMPARE(headerValue(json.headers, "X-Amz-Target"),
                 QByteArrayLiteral("GraniteServiceVersion20100801.ListMetrics"));
        QCOMPARE(headerValue(json.headers, "x-amzn-query-mode"), QByteArrayLiteral("true"));
        QCOMPARE(json.callName, QStringLiteral("ListMetrics"));
    }

    void listMetricsOmitsEmptyMembers() {
        const QString ns = QStringLiteral("AWS/SageMaker");
        QCOMPARE(buildListMetricsRequest(endpoint(CloudWatchProtocol::Query), ns, {}, {}).body,
                 QByteArrayLiteral("Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FSageMaker"));
        QCOMPARE(QJsonDocument::fromJson(
                     buildListMetricsRequest(endpoint(CloudWatchProtocol::Json), ns, {}, {}).body),
                 QJsonDocument::fromJson(R"({"Namespace":"AWS/SageMaker"})"));
    }

    void defaultEndpointIsRegional() {
        AwsEndpointConfig e;
        e.region = QStringLiteral("eu-west-1");
        const HttpRequest request = buildGetMetricDataRequest(e, exampleBatch(), {});
        QCOMPARE(request.url, e.resolvedEndpoint());
        QCOMPARE(request.url.host(), QStringLiteral("monitoring.eu-west-1.amazonaws.com"));
    }
};

QTEST_GUILESS_MAIN(TestCloudWatchRequest)
#include "tst_cloudwatch_request.moc"
