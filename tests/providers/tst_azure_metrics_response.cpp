// Pins the Azure Monitor answer parsers and how answers become series and errors
// (cloud-apis.md §2.3, §2.4, §4.17, §4.22): gaps stay gaps, split series carry their dimension
// value (names come back lower-cased), a per-metric failure inside a 200 fails only that series,
// getBatch entries are matched case-insensitively, and error envelopes become specific errors.
#include "core/providers/azure/azure_metrics_response.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace mlwatch;
using namespace mlwatch::azure;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)
Q_DECLARE_METATYPE(mlwatch::azure::AzureCallKind)

namespace {

const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kWs = QStringLiteral("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/"
                                   "providers/Microsoft.MachineLearningServices/workspaces/ws");
const QString kAccount = QStringLiteral("Azure test account");

QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(MLWATCH_FIXTURES_DIR "/azure/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

qint64 utcMs(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

MetricQuery query(const QString &resource, const QString &metric, const QString &ns,
                  const QString &stat = QStringLiteral("Average"), QList<Dimension> dims = {}) {
    MetricQuery q;
    q.namespaceName = ns;
    q.metricName = metric;
    q.stat = stat;
    q.resource = resource;
    q.dimensions = std::move(dims);
    q.account = QStringLiteral("azure-test");
    return q;
}

// The call a plan would make for these queries (one shape), without going through the planner.
AzureMetricsCall callFor(AzureCallKind kind, const QList<MetricQuery> &queries) {
    AzureMetricsCall call;
    call.kind = kind;
    call.aggregation = queries.value(0).stat;
    call.filter = queries.value(0).dimensions;
    call.region = QStringLiteral("westeurope");
    for (const MetricQuery &q : queries) {
        if (!call.resourceIds.contains(q.resource))
            call.resourceIds.append(q.resource);
        if (!call.metricNames.contains(q.metricName))
            call.metricNames.append(q.metricName);
    }
    call.queries = queries;
    return call;
}

const SeriesData *findSeries(const QList<SeriesData> &all, const QString &key) {
    for (const SeriesData &s : all)
        if (s.seriesKey == key)
            return &s;
    return nullptr;
}

HttpResponse response(int status, const QByteArray &body, HttpHeaders headers = {}) {
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TestAzureMetricsResponse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void armAnswerIsRead() {
        const Result<AzureResourceMetrics> parsed = parseArmMetricsResponse(
            fixture(QStringLiteral("arm_metrics_deployment.json")), QStringLiteral("Average"));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->region, QStringLiteral("westeurope"));
        QCOMPARE(parsed->interval, QStringLiteral("PT1M"));
        QCOMPARE(parsed->metrics.size(), 2);
        const AzureMetric &cpu = parsed->metrics[0];
        QCOMPARE(cpu.name, QStringLiteral("CpuUtilizationPercentage"));
        QCOMPARE(cpu.unit, QStringLiteral("Percent"));
        QVERIFY(cpu.succeeded());
        QCOMPARE(cpu.timeseries.size(), 1);
        // Four grains, the second without "average": three points, the gap left out.
        QCOMPARE(cpu.timeseries[0].timestampsMs,
                 (QVector<qint64>{utcMs("2024-05-01T12:00:00Z"), utcMs("2024-05-01T12:02:00Z"),
                                  utcMs("2024-05-01T12:03:00Z")}));
        QCOMPARE(cpu.timeseries[0].values, (QVector<double>{12.5, 0.0, 47.25}));
        QVERIFY(parsed->metrics[1].timeseries.isEmpty());
    }

    // A data element without the requested aggregation key is a grain without data: no point,
    // never a zero. A real zero stays a zero.
    void missingAggregationIsAGap_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("aggregation");
        QTest::addColumn<QVector<double>>("values");
        QTest::newRow("average present")
            << QByteArray(R"([{"timeStamp":"2024-05-01T12:00:00Z","average":3.5}])") << "Average"
            << QVector<double>{3.5};
        QTest::newRow("key absent: gap")
            << QByteArray(R"([{"timeStamp":"2024-05-01T12:00:00Z"}])") << "Average" << QVector<double>{};
        QTest::newRow("key null: gap")
            << QByteArray(R"([{"timeStamp":"2024-05-01T12:00:00Z","average":null}])") << "Average"
            << QVector<double>{};
        QTest::newRow("another aggregation only: gap")
            << QByteArray(R"([{"timeStamp":"2024-05-01T12:00:00Z","maximum":9}])") << "Average"
            << QVector<double>{};
        QTest::newRow("zero is a value, not a gap")
            << QByteArray(R"([{"timeStamp":"2024-05-01T12:00:00Z","total":0}])") << "Total"
            << QVector<double>{0.0};
        QTest::newRow("gap between two points")
            << QByteArray(
                   R"([{"timeStamp":"2024-05-01T12:00:00Z","count":1},{"timeStamp":"2024-05-01T12:01:00Z"},)"
                   R"({"timeStamp":"2024-05-01T12:02:00Z","count":2}])")
            << "Count" << QVector<double>{1.0, 2.0};
    }
    void missingAggregationIsAGap() {
        QFETCH(QByteArray, data);
        QFETCH(QString, aggregation);
        QFETCH(QVector<double>, values);
        const QByteArray body = R"({"resourceregion":"eastus","value":[{"name":{"value":"Active Cores"},)"
                                R"("errorCode":"Success","timeseries":[{"metadatavalues":[],"data":)" +
                                data + "}]}]}";
        const Result<AzureResourceMetrics> parsed = parseArmMetricsResponse(body, aggregation);
        QVERIFY(parsed);
        const AzureTimeSeries &ts = parsed->metrics.value(0).timeseries.value(0);
        QCOMPARE(ts.values, values);
        QCOMPARE(ts.timestampsMs.size(), values.size());
        for (double v : ts.values)
            QVERIFY(!std::isnan(v));

        // Through matching, a query of that aggregation gets exactly those points.
        const MetricQuery q =
            query(kWs, QStringLiteral("Active Cores"),
                  QStringLiteral("Microsoft.MachineLearningServices/workspaces"), aggregation);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), {*parsed}, kAccount);
        QVERIFY(match.errors.isEmpty());
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, q.seriesKey());
        QCOMPARE(match.series[0].values, values);
    }

    void splitSeriesCarryTheirDimensionValue() {
        const QString ep1 = kWs + QStringLiteral("/onlineEndpoints/ep1");
        // The query spells the dimension as the docs do; Azure answers "statuscodeclass".
        const MetricQuery q =
            query(ep1, QStringLiteral("RequestsPerMinute"),
                  QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints"),
                  QStringLiteral("Total"), {{QStringLiteral("statusCodeClass"), QStringLiteral("*")}});
        const Result<QList<AzureResourceMetrics>> parsed = parseMetricsResponse(
            AzureCallKind::Arm, fixture(QStringLiteral("arm_metrics_split.json")), QStringLiteral("Total"));
        QVERIFY(parsed);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), *parsed, kAccount);
        QVERIFY(match.errors.isEmpty());
        QCOMPARE(match.series.size(), 3);
        const QList<std::pair<QString, QVector<double>>> expected{{QStringLiteral("2xx"), {120, 130}},
                                                                  {QStringLiteral("4xx"), {3}},
                                                                  {QStringLiteral("5xx"), {1, 0}}};
        for (const auto &[value, values] : expected) {
            MetricQuery concrete = q;
            concrete.dimensions = {{QStringLiteral("statusCodeClass"), value}};
            const SeriesData *s = findSeries(match.series, concrete.seriesKey());
            QVERIFY2(s, qPrintable(concrete.seriesKey()));
            QCOMPARE(s->values, values);
        }
    }

    void fixedDimensionMatchesLowerCasedName() {
        const QString ep1 = kWs + QStringLiteral("/onlineEndpoints/ep1");
        const MetricQuery q =
            query(ep1, QStringLiteral("RequestsPerMinute"),
                  QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints"),
                  QStringLiteral("Total"), {{QStringLiteral("StatusCodeClass"), QStringLiteral("4xx")}});
        const Result<QList<AzureResourceMetrics>> parsed = parseMetricsResponse(
            AzureCallKind::Arm, fixture(QStringLiteral("arm_metrics_split.json")), QStringLiteral("Total"));
        QVERIFY(parsed);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), *parsed, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, q.seriesKey());
        QCOMPARE(match.series[0].values, QVector<double>{3});
    }

    void perMetricFailureKeepsTheOthers() {
        const QString ns = QStringLiteral("Microsoft.MachineLearningServices/workspaces");
        const MetricQuery cores = query(kWs, QStringLiteral("Active Cores"), ns);
        const MetricQuery runs = query(kWs, QStringLiteral("Completed Runs"), ns);
        const Result<QList<AzureResourceMetrics>> parsed = parseMetricsResponse(
            AzureCallKind::Arm, fixture(QStringLiteral("arm_metrics_partial_error.json")),
            QStringLiteral("Average"));
        QVERIFY(parsed);
        const AzureSeriesMatch match =
            matchSeries(callFor(AzureCallKind::Arm, {cores, runs}), *parsed, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, cores.seriesKey());
        QCOMPARE(match.series[0].values, QVector<double>{16});
        QCOMPARE(match.errors.size(), 1);
        const Error &error = match.errors[0];
        QCOMPARE(error.code, ErrorCode::ServiceError);
        for (const QString &part : {kAccount, QStringLiteral("Completed Runs"), QStringLiteral("ws"),
                                    QStringLiteral("Sampling type Average is not supported")})
            QVERIFY2(error.message.contains(part), qPrintable(error.message));
        QVERIFY(error.detail.contains(QLatin1String("InvalidSamplingType")));
        // Nothing is reported for the failed series, so the caller keeps what it had.
        QVERIFY(!findSeries(match.series, runs.seriesKey()));
    }

    void metricNamesMatchCaseInsensitively() {
        const MetricQuery q = query(kWs, QStringLiteral("active cores"),
                                    QStringLiteral("Microsoft.MachineLearningServices/workspaces"));
        const Result<QList<AzureResourceMetrics>> parsed = parseMetricsResponse(
            AzureCallKind::Arm, fixture(QStringLiteral("arm_metrics_partial_error.json")),
            QStringLiteral("Average"));
        QVERIFY(parsed);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), *parsed, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, q.seriesKey());
    }

    void emptyTimeSeriesIsAnEmptySeriesNotAFailure() {
        const MetricQuery q =
            query(kWs + QStringLiteral("/onlineEndpoints/ep1/deployments/blue"),
                  QStringLiteral("DeploymentCapacity"),
                  QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments"));
        const Result<QList<AzureResourceMetrics>> parsed =
            parseMetricsResponse(AzureCallKind::Arm, fixture(QStringLiteral("arm_metrics_deployment.json")),
                                 QStringLiteral("Average"));
        QVERIFY(parsed);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), *parsed, kAccount);
        QVERIFY(match.errors.isEmpty());
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, q.seriesKey());
        QCOMPARE(match.series[0].size(), 0);
    }

    void batchAnswerIsMatchedCaseInsensitively() {
        const QString ns = QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
        const QString ep1 = kWs + QStringLiteral("/onlineEndpoints/ep1");
        const QString ep2 = kWs + QStringLiteral("/onlineEndpoints/ep2");
        const QString ep3 = kWs + QStringLiteral("/onlineEndpoints/ep3");
        const MetricQuery q1 = query(ep1, QStringLiteral("RequestLatency_P99"), ns);
        const MetricQuery q2 = query(ep2, QStringLiteral("RequestLatency_P99"), ns);
        const MetricQuery q3 = query(ep3, QStringLiteral("RequestLatency_P99"), ns);
        const Result<QList<AzureResourceMetrics>> parsed = parseBatchMetricsResponse(
            fixture(QStringLiteral("batch_metrics.json")), QStringLiteral("Average"));
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 2);
        const AzureSeriesMatch match =
            matchSeries(callFor(AzureCallKind::Batch, {q1, q2, q3}), *parsed, kAccount);
        // The answer spells ep1's id in lower case and ep2's in upper case: both match.
        const SeriesData *s1 = findSeries(match.series, q1.seriesKey());
        const SeriesData *s2 = findSeries(match.series, q2.seriesKey());
        QVERIFY(s1 && s2);
        QCOMPARE(s1->values, (QVector<double>{41.5, 44}));
        QCOMPARE(s2->values, QVector<double>{80.25}); // its first grain is a gap
        QCOMPARE(s2->timestampsMs, QVector<qint64>{utcMs("2024-05-01T12:01:00Z")});
        // ep3 is missing from the answer: an error naming it, no series.
        QVERIFY(!findSeries(match.series, q3.seriesKey()));
        QCOMPARE(match.errors.size(), 1);
        QVERIFY2(match.errors[0].message.contains(QLatin1String("ep3")), qPrintable(match.errors[0].message));
    }

    void pointsComeOutAscending() {
        const QByteArray body =
            R"({"value":[{"name":{"value":"CpuUtilization"},"timeseries":[{"data":[)"
            R"({"timeStamp":"2024-05-01T12:02:00Z","maximum":3},{"timeStamp":"2024-05-01T12:00:00Z","maximum":1},)"
            R"({"timeStamp":"2024-05-01T12:01:00.500Z","maximum":2}]}]}]})";
        const MetricQuery q =
            query(kWs, QStringLiteral("CpuUtilization"),
                  QStringLiteral("Microsoft.MachineLearningServices/workspaces"), QStringLiteral("Maximum"));
        const Result<QList<AzureResourceMetrics>> parsed =
            parseMetricsResponse(AzureCallKind::Arm, body, QStringLiteral("Maximum"));
        QVERIFY(parsed);
        const AzureSeriesMatch match = matchSeries(callFor(AzureCallKind::Arm, {q}), *parsed, kAccount);
        QCOMPARE(match.series.value(0).values, (QVector<double>{1, 2, 3}));
        QCOMPARE(match.series.value(0).timestampsMs.value(1), utcMs("2024-05-01T12:01:00.500Z"));
    }

    void errorEnvelopesBecomeSpecificErrors_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("401: token rejected")
            << 401 << "error_unauthorized.json" << QByteArray() << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("token rejected"), QStringLiteral("client secret")};
        QTest::newRow("401 wrong audience: names both scopes")
            << 401 << "error_wrong_audience.json" << QByteArray() << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("audience"),
                           QStringLiteral("https://metrics.monitor.azure.com/.default")};
        QTest::newRow("403: needs Monitoring Reader on the resource")
            << 403 << "error_forbidden.json" << QByteArray() << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("not allowed to read metrics of ep1"),
                           QStringLiteral("Monitoring Reader")};
        QTest::newRow("404: resource not found")
            << 404 << "error_not_found.json" << QByteArray() << ErrorCode::ServiceError
            << QStringList{QStringLiteral("not found"), QStringLiteral("ResourceNotFound"),
                           QStringLiteral("Check the resource id")};
        QTest::newRow("400: Azure's own validation message")
            << 400 << "error_bad_request.json" << QByteArray() << ErrorCode::ServiceError
            << QStringList{QStringLiteral("Detected invalid time interval input"),
                           QStringLiteral("BadRequest")};
        QTest::newRow("429 after retries: throttled, naming the wait asked")
            << 429 << "error_throttled.json" << QByteArray("2") << ErrorCode::Throttled
            << QStringList{QStringLiteral("throttled"), QStringLiteral("wait 2 s"),
                           QStringLiteral("4 attempts")};
        QTest::newRow("429 asking to wait too long: says MLWatch did not wait")
            << 429 << "error_throttled.json" << QByteArray("300") << ErrorCode::Throttled
            << QStringList{QStringLiteral("wait 300 s"), QStringLiteral("longer than the 60 s")};
        QTest::newRow("503: failed on the Azure side")
            << 503 << "error_server.json" << QByteArray() << ErrorCode::ServiceError
            << QStringList{QStringLiteral("Azure side"), QStringLiteral("InternalServerError")};
        QTest::newRow("502 from a proxy without an envelope")
            << 502 << "bad_gateway.html" << QByteArray() << ErrorCode::ServiceError
            << QStringList{QStringLiteral("Azure side"), QStringLiteral("HTTP 502")};
        QTest::newRow("an unexpected status without an envelope")
            << 418 << "bad_gateway.html" << QByteArray() << ErrorCode::BadResponse
            << QStringList{QStringLiteral("HTTP status 418")};
    }
    void errorEnvelopesBecomeSpecificErrors() {
        QFETCH(int, status);
        QFETCH(QString, file);
        QFETCH(QByteArray, retryAfter);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, mentions);
        HttpHeaders headers;
        if (!retryAfter.isEmpty())
            headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
        const AzureCallDescription what{kAccount, QStringLiteral("Azure Monitor metrics for ep1"),
                                        QStringLiteral("ep1"), false};
        const Error error = azureHttpError(response(status, fixture(file), headers), what, 4, 60);
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(kAccount), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("ep1")), qPrintable(error.message));
        for (const QString &part : mentions)
            QVERIFY2(error.message.contains(part, Qt::CaseInsensitive) || error.detail.contains(part),
                     qPrintable(error.message + QStringLiteral(" | ") + error.detail));
        QVERIFY(!error.message.contains(QLatin1String("<html>")));
    }

    void envelopeIsRead() {
        const std::optional<AzureError> e =
            parseAzureError(response(404, fixture(QStringLiteral("error_not_found.json"))));
        QVERIFY(e);
        QCOMPARE(e->httpStatus, 404);
        QCOMPARE(e->code, QStringLiteral("ResourceNotFound"));
        QVERIFY(e->message.startsWith(QLatin1String("The Resource")));
        QVERIFY(!parseAzureError(response(502, fixture(QStringLiteral("bad_gateway.html")))));
        QVERIFY(!parseAzureError(response(500, R"({"error":"invalid_client"})")));
    }

    void garbageIsABadResponse_data() {
        QTest::addColumn<AzureCallKind>("kind");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("HTML") << AzureCallKind::Arm << fixture(QStringLiteral("bad_gateway.html"));
        QTest::newRow("cut off") << AzureCallKind::Arm
                                 << fixture(QStringLiteral("arm_metrics_deployment.json")).left(300);
        QTest::newRow("empty body") << AzureCallKind::Arm << QByteArray();
        QTest::newRow("JSON array") << AzureCallKind::Arm << QByteArray("[1,2]");
        QTest::newRow("object without value") << AzureCallKind::Arm << QByteArray(R"({"cost":1})");
        QTest::newRow("a metric without a name")
            << AzureCallKind::Arm << QByteArray(R"({"value":[{"timeseries":[]}]})");
        QTest::newRow("unreadable timeStamp")
            << AzureCallKind::Arm
            << QByteArray(R"({"value":[{"name":{"value":"x"},"timeseries":[{"data":[)"
                          R"({"timeStamp":"yesterday","average":1}]}]}]})");
        QTest::newRow("batch without values") << AzureCallKind::Batch << QByteArray(R"({"value":[]})");
        QTest::newRow("batch entry without resourceid")
            << AzureCallKind::Batch << QByteArray(R"({"values":[{"value":[]}]})");
        QTest::newRow("an ARM answer given to the batch parser")
            << AzureCallKind::Batch << fixture(QStringLiteral("arm_metrics_deployment.json"));
    }
    void garbageIsABadResponse() {
        QFETCH(AzureCallKind, kind);
        QFETCH(QByteArray, body);
        const Result<QList<AzureResourceMetrics>> parsed =
            parseMetricsResponse(kind, body, QStringLiteral("Average"));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::BadResponse);
        QVERIFY(!parsed.error().message.isEmpty());
        QVERIFY(!parsed.error().message.contains(QLatin1String("<html>")));
    }
};

QTEST_GUILESS_MAIN(TestAzureMetricsResponse)
#include "tst_azure_metrics_response.moc"
