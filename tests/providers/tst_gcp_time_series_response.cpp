// Pins the Cloud Monitoring answer parser and how answers become series and errors
// (cloud-apis.md §3.2, §3.3, §4.23–4.25): newest-first points re-ordered ascending, int64 values
// that arrive as JSON strings, doubles (also "NaN"/"Infinity"), distributions read as their mean
// (count 0 a gap), `{}` = no series, pages joined, series split by label, and Google's error
// envelope turned into errors that name the permission, the API or the remedy.
#include "core/providers/gcp/gcp_error.h"
#include "core/providers/gcp/gcp_time_series_response.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace mlwatch;
using namespace mlwatch::gcp;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

const QString kAccount = QStringLiteral("Google test account");
const QString kEndpointType = QStringLiteral("aiplatform.googleapis.com/Endpoint");
const QString kResponseCount = QStringLiteral("aiplatform.googleapis.com/prediction/online/response_count");

QByteArray fixture(const QString &name) {
    QFile file(QStringLiteral(MLWATCH_FIXTURES_DIR "/gcp/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

qint64 utcMs(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

GcpTimeSeriesPage page(const QByteArray &body) {
    Result<GcpTimeSeriesPage> parsed = parseTimeSeriesPage(body);
    if (!parsed)
        qFatal("fixture did not parse: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

// One series with one point whose "value" is `value`.
QByteArray onePoint(const QByteArray &value) {
    return R"({"timeSeries":[{"metric":{"type":"m"},"resource":{"type":"r"},"points":[)"
           R"({"interval":{"endTime":"2024-05-01T12:00:00Z"},"value":)" +
           value + "}]}]}";
}

MetricQuery query(const QString &metric, const QString &stat, QList<Dimension> dims) {
    MetricQuery q;
    q.namespaceName = kEndpointType;
    q.metricName = metric;
    q.stat = stat;
    q.resource = QStringLiteral("projects/my-proj");
    q.dimensions = std::move(dims);
    q.account = QStringLiteral("gcp-test");
    return q;
}

GcpTimeSeriesCall callFor(const QList<MetricQuery> &queries) {
    GcpTimeSeriesCall call;
    call.project = QStringLiteral("my-proj");
    call.metricType = queries.value(0).metricName;
    call.queries = queries;
    return call;
}

GcpTimeSeries series(QMap<QString, QString> metricLabels, QMap<QString, QString> resourceLabels,
                     double value) {
    GcpTimeSeries ts;
    ts.metricType = kResponseCount;
    ts.resourceType = kEndpointType;
    ts.metricLabels = std::move(metricLabels);
    ts.resourceLabels = std::move(resourceLabels);
    ts.timestampsMs = {utcMs("2024-05-01T12:00:00Z")};
    ts.values = {value};
    return ts;
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

class TestGcpTimeSeriesResponse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newestFirstBecomesAscendingAndInt64StringsAreNumbers() {
        const GcpTimeSeriesPage p = page(fixture(QStringLiteral("timeseries_prediction_count.json")));
        QCOMPARE(p.series.size(), 2);
        QVERIFY(p.nextPageToken.isEmpty());
        const GcpTimeSeries &ok = p.series[0];
        QCOMPARE(ok.metricType, kResponseCount);
        QCOMPARE(ok.metricLabels.value(QStringLiteral("response_code")), QStringLiteral("200"));
        QCOMPARE(ok.resourceLabels.value(QStringLiteral("endpoint_id")), QStringLiteral("123"));
        QCOMPARE(ok.metricKind, QStringLiteral("DELTA"));
        QCOMPARE(ok.valueType, QStringLiteral("INT64"));
        QCOMPARE(ok.unit, QStringLiteral("1")); // the page's unit: the series has none of its own
        QCOMPARE(ok.timestampsMs,
                 (QVector<qint64>{utcMs("2024-05-01T12:01:00Z"), utcMs("2024-05-01T12:02:00Z"),
                                  utcMs("2024-05-01T12:03:00Z")}));
        // "9007199254740993" is 2^53 + 1: read as an integer first, then the nearest double (never 0,
        // which is what QJsonValue::toDouble() gives for a string).
        QCOMPARE(ok.values, (QVector<double>{9007199254740992.0, 0.0, 17.0}));
        QVERIFY(ok.distributionCounts.isEmpty());
        QCOMPARE(p.series[1].values, QVector<double>{2.0});
    }

    void distributionsAreReadAsTheirMean() {
        const GcpTimeSeriesPage p = page(fixture(QStringLiteral("timeseries_latency_distribution.json")));
        QCOMPARE(p.series.size(), 1);
        const GcpTimeSeries &ts = p.series[0];
        QCOMPARE(ts.valueType, QStringLiteral("DISTRIBUTION"));
        QCOMPARE(ts.unit, QStringLiteral("ms"));
        // 12:03 has no count (proto3 leaves 0 out): an empty distribution is a gap. 12:04 has a
        // count but no mean: the mean is 0. endTime ".500" keeps its milliseconds.
        QCOMPARE(ts.timestampsMs,
                 (QVector<qint64>{utcMs("2024-05-01T12:01:00.500Z"), utcMs("2024-05-01T12:02:00Z"),
                                  utcMs("2024-05-01T12:04:00Z")}));
        QCOMPARE(ts.values, (QVector<double>{95.5, 183.25, 0.0}));
        QCOMPARE(ts.distributionCounts, (QVector<qint64>{3, 40, 12}));
        QVERIFY(ts.bucketOptions.has_value());
        QCOMPARE(ts.bucketOptions->kind, GcpBucketOptions::Kind::Exponential);
        QCOMPARE(ts.bucketOptions->numFiniteBuckets, 66);
        QCOMPARE(ts.bucketOptions->growthFactor, 1.4);
        QCOMPARE(ts.bucketOptions->scale, 1.0);
    }

    void doublesAndNonFiniteValues() {
        const GcpTimeSeriesPage p = page(fixture(QStringLiteral("timeseries_latency_p99.json")));
        const GcpTimeSeries &ts = p.series.value(0);
        QCOMPARE(ts.valueType, QStringLiteral("DOUBLE"));
        // "NaN" and "Infinity" are gaps; 0 stays a value; "171.5" in quotes is a number.
        QCOMPARE(ts.timestampsMs,
                 (QVector<qint64>{utcMs("2024-05-01T12:56:00Z"), utcMs("2024-05-01T12:57:00Z"),
                                  utcMs("2024-05-01T13:00:00Z")}));
        QCOMPARE(ts.values, (QVector<double>{171.5, 0.0, 183.2}));
    }

    void pointValues_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QVector<double>>("values");
        QTest::newRow("doubleValue number") << QByteArray(R"({"doubleValue":1.5})") << QVector<double>{1.5};
        QTest::newRow("doubleValue -Infinity: gap")
            << QByteArray(R"({"doubleValue":"-Infinity"})") << QVector<double>{};
        QTest::newRow("int64Value string") << QByteArray(R"({"int64Value":"42"})") << QVector<double>{42};
        QTest::newRow("int64Value negative") << QByteArray(R"({"int64Value":"-7"})") << QVector<double>{-7};
        QTest::newRow("int64Value as a plain number")
            << QByteArray(R"({"int64Value":42})") << QVector<double>{42};
        QTest::newRow("boolValue true is 1") << QByteArray(R"({"boolValue":true})") << QVector<double>{1};
        QTest::newRow("boolValue false is 0") << QByteArray(R"({"boolValue":false})") << QVector<double>{0};
        QTest::newRow("stringValue: not chartable, gap")
            << QByteArray(R"({"stringValue":"ok"})") << QVector<double>{};
        QTest::newRow("empty value: gap") << QByteArray(R"({})") << QVector<double>{};
        QTest::newRow("distribution mean")
            << QByteArray(R"({"distributionValue":{"count":"2","mean":7.5}})") << QVector<double>{7.5};
        QTest::newRow("distribution count 0: gap")
            << QByteArray(R"({"distributionValue":{"count":"0","mean":0}})") << QVector<double>{};
        QTest::newRow("distribution without count: gap")
            << QByteArray(R"({"distributionValue":{}})") << QVector<double>{};
        QTest::newRow("distribution without mean: 0")
            << QByteArray(R"({"distributionValue":{"count":"5"}})") << QVector<double>{0};
    }
    void pointValues() {
        QFETCH(QByteArray, value);
        QFETCH(QVector<double>, values);
        const GcpTimeSeriesPage p = page(onePoint(value));
        QCOMPARE(p.series.size(), 1);
        QCOMPARE(p.series[0].values, values);
        QCOMPARE(p.series[0].timestampsMs.size(), values.size());
    }

    void emptyAnswersAreNoSeries_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("{} (Google's answer for no data)") << fixture(QStringLiteral("empty.json"));
        QTest::newRow("empty list") << QByteArray(R"({"timeSeries":[]})");
        QTest::newRow("only a unit") << QByteArray(R"({"unit":"1"})");
        QTest::newRow("series without points (HEADERS)")
            << QByteArray(R"({"timeSeries":[{"metric":{"type":"m"},"resource":{"type":"r"}}]})");
    }
    void emptyAnswersAreNoSeries() {
        QFETCH(QByteArray, body);
        const Result<GcpTimeSeriesPage> parsed = parseTimeSeriesPage(body);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        for (const GcpTimeSeries &ts : parsed->series)
            QVERIFY(ts.values.isEmpty());
        // A query without '*' still gets its (empty) series: loaded, no data.
        const MetricQuery q = query(kResponseCount, QStringLiteral("ALIGN_SUM"), {});
        const GcpSeriesMatch match = matchSeries(callFor({q}), {}, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].seriesKey, q.seriesKey());
        QCOMPARE(match.series[0].size(), 0);
        QVERIFY(match.errors.isEmpty());
    }

    void garbageIsABadResponse_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("HTML") << fixture(QStringLiteral("bad_gateway.html"));
        QTest::newRow("cut off") << fixture(QStringLiteral("timeseries_prediction_count.json")).left(300);
        QTest::newRow("a list, not an object") << QByteArray("[]");
        QTest::newRow("timeSeries not a list") << QByteArray(R"({"timeSeries":{}})");
        QTest::newRow("points not a list") << QByteArray(R"({"timeSeries":[{"points":3}]})");
        QTest::newRow("point without endTime")
            << QByteArray(R"({"timeSeries":[{"points":[{"value":{"int64Value":"1"}}]}]})");
        QTest::newRow("unreadable endTime") << onePoint("{}").replace("2024-05-01T12:00:00Z", "yesterday");
        QTest::newRow("int64Value not an integer") << onePoint(R"({"int64Value":"12abc"})");
        QTest::newRow("doubleValue not a number") << onePoint(R"({"doubleValue":"fast"})");
        QTest::newRow("distribution count not an integer")
            << onePoint(R"({"distributionValue":{"count":"x"}})");
    }
    void garbageIsABadResponse() {
        QFETCH(QByteArray, body);
        const Result<GcpTimeSeriesPage> parsed = parseTimeSeriesPage(body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::BadResponse);
        QVERIFY(!parsed.error().toString().contains(QLatin1String("<html")));
    }

    void timestamps_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1 = not RFC 3339
        QTest::newRow("Z") << "2024-05-01T12:00:00Z" << utcMs("2024-05-01T12:00:00Z");
        QTest::newRow("nanoseconds truncated to ms")
            << "2024-05-01T12:00:00.123456789Z" << utcMs("2024-05-01T12:00:00.123Z");
        QTest::newRow("one fraction digit") << "2024-05-01T12:00:00.5Z" << utcMs("2024-05-01T12:00:00.500Z");
        QTest::newRow("offset") << "2024-05-01T14:00:00+02:00" << utcMs("2024-05-01T12:00:00Z");
        QTest::newRow("negative offset") << "2024-05-01T07:30:00-04:30" << utcMs("2024-05-01T12:00:00Z");
        QTest::newRow("lower-case t and z") << "2024-05-01t12:00:00z" << utcMs("2024-05-01T12:00:00Z");
        QTest::newRow("no zone") << "2024-05-01T12:00:00" << qint64(-1);
        QTest::newRow("month 13") << "2024-13-01T12:00:00Z" << qint64(-1);
        QTest::newRow("February 30") << "2024-02-30T12:00:00Z" << qint64(-1);
        QTest::newRow("dot without digits") << "2024-05-01T12:00:00.Z" << qint64(-1);
        QTest::newRow("trailing junk") << "2024-05-01T12:00:00Zjunk" << qint64(-1);
    }
    void timestamps() {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const std::optional<qint64> parsed = parseRfc3339(text);
        QCOMPARE(parsed.value_or(-1), ms);
    }

    void pagesOfOneCallAreJoined() {
        GcpSeriesAssembler assembler;
        const GcpTimeSeriesPage first = page(fixture(QStringLiteral("timeseries_page1.json")));
        QCOMPARE(first.nextPageToken, QStringLiteral("CgYIARIC-page2"));
        QCOMPARE(first.executionErrors.size(), 1);
        assembler.add(first);
        assembler.add(page(fixture(QStringLiteral("timeseries_page2.json"))));
        QCOMPARE(assembler.pages(), 2);
        const QList<GcpTimeSeries> joined = assembler.take();
        // deployed model 456 continues on page 2 (its resource labels in another order): one series.
        QCOMPARE(joined.size(), 2);
        QCOMPARE(joined[0].metricLabels.value(QStringLiteral("deployed_model_id")), QStringLiteral("456"));
        QCOMPARE(joined[0].timestampsMs,
                 (QVector<qint64>{utcMs("2024-05-01T12:02:00Z"), utcMs("2024-05-01T12:03:00Z"),
                                  utcMs("2024-05-01T12:04:00Z"), utcMs("2024-05-01T12:05:00Z")}));
        QCOMPARE(joined[0].values, (QVector<double>{1, 2, 2, 3}));
        QCOMPARE(joined[1].values, QVector<double>{1});
    }

    void splitByLabelGivesOneSeriesPerValue() {
        const GcpTimeSeriesPage p = page(fixture(QStringLiteral("timeseries_prediction_count.json")));
        const MetricQuery q = query(kResponseCount, QStringLiteral("ALIGN_DELTA"),
                                    {{QStringLiteral("metric.labels.response_code"), QStringLiteral("*")},
                                     {QStringLiteral("resource.labels.endpoint_id"), QStringLiteral("123")}});
        const GcpSeriesMatch match = matchSeries(callFor({q}), p.series, kAccount);
        QVERIFY(match.errors.isEmpty());
        QCOMPARE(match.series.size(), 2);
        MetricQuery ok = q;
        ok.dimensions[0].value = QStringLiteral("200");
        MetricQuery failed = q;
        failed.dimensions[0].value = QStringLiteral("500");
        QVERIFY(findSeries(match.series, ok.seriesKey()));
        QCOMPARE(findSeries(match.series, ok.seriesKey())->values,
                 (QVector<double>{9007199254740992.0, 0, 17}));
        QCOMPARE(findSeries(match.series, failed.seriesKey())->values, QVector<double>{2});
    }

    void mergedQueriesGetTheirOwnSeries() {
        const auto endpoint = [](const char *id) {
            return QList<Dimension>{{QStringLiteral("resource.labels.endpoint_id"), QLatin1String(id)}};
        };
        const MetricQuery a = query(kResponseCount, QStringLiteral("ALIGN_DELTA|REDUCE_SUM"), endpoint("1"));
        const MetricQuery b = query(kResponseCount, QStringLiteral("ALIGN_DELTA|REDUCE_SUM"), endpoint("2"));
        const MetricQuery c = query(kResponseCount, QStringLiteral("ALIGN_DELTA|REDUCE_SUM"), endpoint("3"));
        // A reducer grouping by endpoint_id leaves only that label on the series.
        const QList<GcpTimeSeries> answer{
            series({}, {{QStringLiteral("endpoint_id"), QStringLiteral("2")}}, 20),
            series({}, {{QStringLiteral("endpoint_id"), QStringLiteral("1")}}, 10)};
        const GcpSeriesMatch match = matchSeries(callFor({a, b, c}), answer, kAccount);
        QVERIFY(match.errors.isEmpty());
        QCOMPARE(match.series.size(), 3);
        QCOMPARE(findSeries(match.series, a.seriesKey())->values, QVector<double>{10});
        QCOMPARE(findSeries(match.series, b.seriesKey())->values, QVector<double>{20});
        QCOMPARE(findSeries(match.series, c.seriesKey())->size(), 0); // asked, no data
    }

    void aReducedAwayLabelStillMatches() {
        // The query filters on latency_type; the reducer grouped by endpoint only, so the answer's
        // series no longer carries latency_type. It is still this query's series.
        const MetricQuery q =
            query(kResponseCount, QStringLiteral("ALIGN_DELTA|REDUCE_PERCENTILE_99"),
                  {{QStringLiteral("metric.labels.latency_type"), QStringLiteral("total")}});
        const GcpSeriesMatch match = matchSeries(
            callFor({q}), {series({}, {{QStringLiteral("endpoint_id"), QStringLiteral("1")}}, 5)}, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].values, QVector<double>{5});
    }

    void moreSeriesThanChartsKeepsTheFirstAndSaysWhy() {
        const MetricQuery q =
            query(QStringLiteral("aiplatform.googleapis.com/prediction/online/cpu/utilization"),
                  QStringLiteral("ALIGN_MEAN"),
                  {{QStringLiteral("resource.labels.endpoint_id"), QStringLiteral("1")}});
        const QList<GcpTimeSeries> answer{
            series({{QStringLiteral("replica_id"), QStringLiteral("a")}},
                   {{QStringLiteral("endpoint_id"), QStringLiteral("1")}}, 0.25),
            series({{QStringLiteral("replica_id"), QStringLiteral("b")}},
                   {{QStringLiteral("endpoint_id"), QStringLiteral("1")}}, 0.75),
            series({{QStringLiteral("replica_id"), QStringLiteral("c")}},
                   {{QStringLiteral("endpoint_id"), QStringLiteral("1")}}, 0.5)};
        const GcpSeriesMatch match = matchSeries(callFor({q}), answer, kAccount);
        QCOMPARE(match.series.size(), 1);
        QCOMPARE(match.series[0].values, QVector<double>{0.25});
        QCOMPARE(match.errors.size(), 1);
        const QString message = match.errors[0].message;
        for (const QString &part :
             {kAccount, QStringLiteral("2 more time series"), QStringLiteral("metric.labels.replica_id"),
              QStringLiteral("REDUCE_MEAN"), QStringLiteral("cpu/utilization")})
            QVERIFY2(message.contains(part), qPrintable(message));
    }

    void errorEnvelopes_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("listing");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("401 UNAUTHENTICATED: token rejected")
            << 401 << fixture(QStringLiteral("error_unauthenticated.json")) << false
            << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("access token"), QStringLiteral("UNAUTHENTICATED")};
        QTest::newRow("403 PERMISSION_DENIED names the permission, project and role")
            << 403 << fixture(QStringLiteral("error_permission_denied.json")) << false
            << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("monitoring.timeSeries.list"), QStringLiteral("project my-proj"),
                           QStringLiteral("roles/monitoring.viewer")};
        QTest::newRow("403 on a Vertex list: permission read from the message")
            << 403 << fixture(QStringLiteral("error_vertex_permission_denied.json")) << true
            << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("aiplatform.endpoints.list"), QStringLiteral("project my-proj"),
                           QStringLiteral("roles/aiplatform.viewer")};
        QTest::newRow("403 SERVICE_DISABLED names the API to enable")
            << 403 << fixture(QStringLiteral("error_service_disabled.json")) << false
            << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("Cloud Monitoring API"), QStringLiteral("123456789012"),
                           QStringLiteral("gcloud services enable monitoring.googleapis.com")};
        QTest::newRow("403 from gcloud's project: user credentials without a quota project")
            << 403 << fixture(QStringLiteral("error_quota_project.json")) << false << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("quota project"), QStringLiteral("set-quota-project")};
        QTest::newRow("403 insufficient scopes names the scope")
            << 403 << fixture(QStringLiteral("error_scope_insufficient.json")) << true
            << ErrorCode::AuthRejected
            << QStringList{QStringLiteral("https://www.googleapis.com/auth/cloud-platform")};
        QTest::newRow("429 RESOURCE_EXHAUSTED: throttled")
            << 429 << fixture(QStringLiteral("error_resource_exhausted.json")) << false
            << ErrorCode::Throttled
            << QStringList{QStringLiteral("RESOURCE_EXHAUSTED"),
                           QStringLiteral("monitoring.googleapis.com/query_requests"),
                           QStringLiteral("3 attempts")};
        QTest::newRow("RESOURCE_EXHAUSTED under another status: throttled")
            << 403 << QByteArray(R"({"error":{"code":403,"message":"Quota","status":"RESOURCE_EXHAUSTED"}})")
            << false << ErrorCode::Throttled << QStringList{QStringLiteral("RESOURCE_EXHAUSTED")};
        QTest::newRow("400 INVALID_ARGUMENT: Google's own words")
            << 400 << fixture(QStringLiteral("error_invalid_argument.json")) << false
            << ErrorCode::BadArgument << QStringList{QStringLiteral("must be at least 60s")};
        QTest::newRow("404 NOT_FOUND")
            << 404 << fixture(QStringLiteral("error_not_found.json")) << false << ErrorCode::ServiceError
            << QStringList{QStringLiteral("not found"), QStringLiteral("my-proj")};
        QTest::newRow("503 UNAVAILABLE: Google's side")
            << 503 << fixture(QStringLiteral("error_unavailable.json")) << false << ErrorCode::ServiceError
            << QStringList{QStringLiteral("UNAVAILABLE"), QStringLiteral("3 attempts")};
        QTest::newRow("502 HTML from a front end")
            << 502 << fixture(QStringLiteral("bad_gateway.html")) << false << ErrorCode::ServiceError
            << QStringList{QStringLiteral("HTTP 502")};
        QTest::newRow("418 garbage: bad response")
            << 418 << QByteArray("I'm a teapot") << false << ErrorCode::BadResponse
            << QStringList{QStringLiteral("418")};
    }
    void errorEnvelopes() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, listing);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, mentions);
        const GcpCallDescription what{
            kAccount, QStringLiteral("timeSeries.list (prediction/online/prediction_count, project my-proj)"),
            QStringLiteral("my-proj"), listing};
        const Error error = gcpHttpError(response(status, body), what, 3);
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.startsWith(kAccount + QStringLiteral(": ")), qPrintable(error.message));
        QVERIFY2(error.message.contains(what.call) || code == ErrorCode::AuthRejected,
                 qPrintable(error.message));
        for (const QString &part : mentions)
            QVERIFY2(error.toString().contains(part), qPrintable(error.toString()));
        QVERIFY(!error.toString().contains(QLatin1String("<html")));
    }

    void retryAfterBeyondTheWaitIsNamed() {
        const GcpCallDescription what{kAccount, QStringLiteral("timeSeries.list (x, project p)"),
                                      QStringLiteral("p"), false};
        const Error error = gcpHttpError(
            response(429, fixture(QStringLiteral("error_resource_exhausted.json")), {{"Retry-After", "600"}}),
            what, 1, 60);
        QCOMPARE(error.code, ErrorCode::Throttled);
        QVERIFY2(error.message.contains(QLatin1String("600 s")) &&
                     error.message.contains(QLatin1String("60 s")),
                 qPrintable(error.message));
    }

    void envelopeFields() {
        const std::optional<GcpError> e =
            parseGcpError(response(403, fixture(QStringLiteral("error_service_disabled.json"))));
        QVERIFY(e.has_value());
        QCOMPARE(e->code, 403);
        QCOMPARE(e->status, QStringLiteral("PERMISSION_DENIED"));
        QCOMPARE(e->reason,
                 QStringLiteral("SERVICE_DISABLED")); // the ErrorInfo, not the Help detail before it
        QCOMPARE(e->metadata.value(QStringLiteral("service")), QStringLiteral("monitoring.googleapis.com"));
        QVERIFY(!parseGcpError(response(502, fixture(QStringLiteral("bad_gateway.html")))).has_value());
        QVERIFY(!parseGcpError(response(500, R"({"error":"invalid_grant"})")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestGcpTimeSeriesResponse)
#include "tst_gcp_time_series_response.moc"
