// Pins the Cloud Monitoring timeSeries.list request builder and planner (cloud-apis.md §3.2, §3.6,
// §4.26): filter quoting, RFC 3339 intervals, the aligner/reducer/groupBy encoding of
// MetricQuery::stat and '*' dimensions, paging parameters, and the plan that merges queries
// differing only in one label value into one call.
#include "core/providers/gcp/gcp_time_series_request.h"

#include <QTest>
#include <QUrlQuery>

using namespace mlwatch;
using namespace mlwatch::gcp;

namespace {

const QString kEndpointType = QStringLiteral("aiplatform.googleapis.com/Endpoint");
const QString kCount = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count");
const QString kLatency = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_latencies");

qint64 utcMs(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const TimeRange kHour{utcMs("2024-05-01T12:00:00Z"), utcMs("2024-05-01T13:00:00Z")};

MetricQuery query(const QString &metric, const QString &stat, QList<Dimension> dims = {}, int period = 60,
                  const QString &resource = QStringLiteral("projects/my-proj")) {
    MetricQuery q;
    q.namespaceName = kEndpointType;
    q.metricName = metric;
    q.stat = stat;
    q.periodSeconds = period;
    q.resource = resource;
    q.dimensions = std::move(dims);
    q.account = QStringLiteral("gcp-test");
    return q;
}

Dimension endpoint(const QString &id) {
    return {QStringLiteral("resource.labels.endpoint_id"), id};
}

// Every value of a (possibly repeated) query parameter, decoded.
QStringList params(const QUrl &url, const QString &name) {
    return QUrlQuery(url).allQueryItemValues(name, QUrl::FullyDecoded);
}

// The raw (still encoded) query string as it goes on the wire.
QByteArray rawQuery(const QUrl &url) {
    return url.query(QUrl::FullyEncoded).toLatin1();
}

GcpTimeSeriesCall onlyCall(const QList<MetricQuery> &queries, const TimeRange &range = kHour) {
    const GcpTimeSeriesPlan plan = planTimeSeriesCalls(queries, range);
    if (plan.calls.size() != 1 || !plan.rejected.isEmpty())
        qFatal("expected exactly one call, got %d (%d rejected)", int(plan.calls.size()),
               int(plan.rejected.size()));
    return plan.calls.first();
}

} // namespace

class TestGcpTimeSeriesRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filterQuoting_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain id") << "123"
                                  << "\"123\"";
        QTest::newRow("empty value") << ""
                                     << "\"\"";
        QTest::newRow("double quote escaped") << "say \"hi\""
                                              << "\"say \\\"hi\\\"\"";
        QTest::newRow("backslash escaped") << "a\\b"
                                           << "\"a\\\\b\"";
        QTest::newRow("backslash before quote: both escaped") << "\\\""
                                                              << "\"\\\\\\\"\"";
        QTest::newRow("operators stay inside the string") << "x\" OR metric.type = \"y"
                                                          << "\"x\\\" OR metric.type = \\\"y\"";
        QTest::newRow("unicode kept") << "modèle-été"
                                      << "\"modèle-été\"";
    }
    void filterQuoting() {
        QFETCH(QString, value);
        QFETCH(QString, quoted);
        QCOMPARE(quoteFilterString(value), quoted);
        // The same value in a query ends up in the filter exactly so.
        const GcpTimeSeriesCall call =
            onlyCall({query(kCount, QStringLiteral("ALIGN_SUM"), {endpoint(value)})});
        QVERIFY(call.filterText().endsWith(QStringLiteral("resource.labels.endpoint_id = ") + quoted));
    }

    void filterClauses_data() {
        QTest::addColumn<QList<Dimension>>("dims");
        QTest::addColumn<QString>("resourceType");
        QTest::addColumn<QString>("filter");
        QTest::newRow("metric and resource type")
            << QList<Dimension>{} << kEndpointType
            << "metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\" AND "
               "resource.type = "
               "\"aiplatform.googleapis.com/Endpoint\"";
        QTest::newRow("no resource type: no clause")
            << QList<Dimension>{} << ""
            << "metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\"";
        QTest::newRow("labels sorted by name, singular names made plural")
            << QList<Dimension>{{QStringLiteral("metric.label.response_code"), QStringLiteral("5xx")},
                                endpoint(QStringLiteral("123"))}
            << kEndpointType
            << "metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\" AND "
               "resource.type = "
               "\"aiplatform.googleapis.com/Endpoint\" AND metric.labels.response_code = \"5xx\" AND "
               "resource.labels.endpoint_id = \"123\"";
        const QString count =
            QStringLiteral("metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\"");
        const auto user = [](const char *expression) {
            return Dimension{QString::fromLatin1(kUserFilterDimension), QString::fromUtf8(expression)};
        };
        QTest::newRow("user filter with OR: ANDed in parentheses, last")
            << QList<Dimension>{user("resource.labels.endpoint_id = \"1\" OR resource.labels.endpoint_id = "
                                     "\"2\"")}
            << ""
            << count + " AND (resource.labels.endpoint_id = \"1\" OR resource.labels.endpoint_id = \"2\")";
        QTest::newRow("user filter with starts_with, after the resource type and labels")
            << QList<Dimension>{user("metric.labels.endpoint_display_name = starts_with(\"churn\")"),
                                endpoint(QStringLiteral("123"))}
            << kEndpointType
            << count + " AND resource.type = \"aiplatform.googleapis.com/Endpoint\" AND "
                       "resource.labels.endpoint_id = \"123\" AND (metric.labels.endpoint_display_name = "
                       "starts_with(\"churn\"))";
        QTest::newRow("user filter with NOT and one_of: NOT stays inside the parentheses")
            << QList<Dimension>{user("  NOT metric.labels.response_code = one_of(\"4xx\", \"5xx\")  ")} << ""
            << count + " AND (NOT metric.labels.response_code = one_of(\"4xx\", \"5xx\"))";
        QTest::newRow("user filter beside a '*' split")
            << QList<Dimension>{user("metric.labels.a != \"x\""),
                                {QStringLiteral("metric.labels.response_code"), QStringLiteral("*")}}
            << "" << count + " AND (metric.labels.a != \"x\")";
        QTest::newRow("a '*' label is not filtered")
            << QList<Dimension>{{QStringLiteral("metric.labels.response_code"), QStringLiteral("*")},
                                endpoint(QStringLiteral("123"))}
            << kEndpointType
            << "metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\" AND "
               "resource.type = "
               "\"aiplatform.googleapis.com/Endpoint\" AND resource.labels.endpoint_id = \"123\"";
    }
    void filterClauses() {
        QFETCH(QList<Dimension>, dims);
        QFETCH(QString, resourceType);
        QFETCH(QString, filter);
        MetricQuery q = query(kCount, QStringLiteral("ALIGN_SUM"), dims);
        q.namespaceName = resourceType;
        const GcpTimeSeriesCall call = onlyCall({q});
        QCOMPARE(call.filterText(), filter);
        // On the wire the whole filter is one fully percent-encoded value (cloud-apis.md §3.2).
        const HttpRequest request = buildTimeSeriesRequest(GcpEndpointConfig{}, call);
        QCOMPARE(params(request.url, QStringLiteral("filter")), QStringList{filter});
        QVERIFY(
            rawQuery(request.url).startsWith("filter=metric.type%20%3D%20%22aiplatform.googleapis.com%2F"));
    }

    // Queries with different user filters never share a call (their series could not be told
    // apart); the same user filter still merges queries over one label's value; seriesKey() of a
    // query without one is what it always was.
    void userFiltersAndThePlan() {
        const Dimension orFilter{QString::fromLatin1(kUserFilterDimension),
                                 QStringLiteral("metric.labels.a = \"1\" OR metric.labels.a = \"2\"")};
        const Dimension otherFilter{QString::fromLatin1(kUserFilterDimension),
                                    QStringLiteral("metric.labels.a = starts_with(\"x\")")};
        const GcpTimeSeriesPlan apart = planTimeSeriesCalls(
            {query(kCount, QStringLiteral("ALIGN_RATE"), {orFilter, endpoint(QStringLiteral("1"))}),
             query(kCount, QStringLiteral("ALIGN_RATE"), {otherFilter, endpoint(QStringLiteral("1"))})},
            kHour);
        QCOMPARE(apart.calls.size(), 2);
        QVERIFY(apart.rejected.isEmpty());
        QCOMPARE(apart.calls.at(0).userFilter, orFilter.value);
        QCOMPARE(apart.calls.at(1).userFilter, otherFilter.value);

        const GcpTimeSeriesCall merged = onlyCall(
            {query(kCount, QStringLiteral("ALIGN_RATE"), {orFilter, endpoint(QStringLiteral("1"))}),
             query(kCount, QStringLiteral("ALIGN_RATE"), {orFilter, endpoint(QStringLiteral("2"))})});
        QCOMPARE(merged.queries.size(), 2);
        QVERIFY(merged.filterText().endsWith(
            QStringLiteral("resource.labels.endpoint_id = one_of(\"1\",\"2\") AND (") + orFilter.value +
            QLatin1Char(')')));

        const MetricQuery plain =
            query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QStringLiteral("1"))});
        QCOMPARE(plain.seriesKey(),
                 QStringLiteral("gcp-test|projects/my-proj|aiplatform.googleapis.com/Endpoint|"
                                "aiplatform.googleapis.com/prediction/online/prediction_count|"
                                "resource.labels.endpoint_id=1|ALIGN_RATE"));
        QVERIFY(onlyCall({plain}).userFilter.isEmpty());
    }

    void emptyOrRepeatedUserFiltersAreRejected_data() {
        QTest::addColumn<QList<Dimension>>("dims");
        const QString name = QString::fromLatin1(kUserFilterDimension);
        QTest::newRow("empty") << QList<Dimension>{{name, QStringLiteral("  ")}};
        QTest::newRow("a star (no split of a whole filter)") << QList<Dimension>{{name, QStringLiteral("*")}};
        QTest::newRow("two of them") << QList<Dimension>{{name, QStringLiteral("metric.labels.a = \"1\"")},
                                                         {name, QStringLiteral("metric.labels.b = \"2\"")}};
    }
    void emptyOrRepeatedUserFiltersAreRejected() {
        QFETCH(QList<Dimension>, dims);
        const GcpTimeSeriesPlan plan =
            planTimeSeriesCalls({query(kCount, QStringLiteral("ALIGN_RATE"), dims)}, kHour);
        QVERIFY(plan.calls.isEmpty());
        QCOMPARE(plan.rejected.size(), 1);
        QCOMPARE(plan.rejected.first().error.code, ErrorCode::BadArgument);
    }

    void badLabelNamesAreRejected_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("bare label") << "endpoint_id";
        QTest::newRow("unknown scope") << "metadata.user_labels.team";
        QTest::newRow("filter injection in the name") << "resource.labels.x = \"1\" OR resource.labels.y";
        QTest::newRow("empty key") << "metric.labels.";
    }
    void badLabelNamesAreRejected() {
        QFETCH(QString, name);
        const GcpTimeSeriesPlan plan = planTimeSeriesCalls(
            {query(kCount, QStringLiteral("ALIGN_SUM"), {{name, QStringLiteral("1")}})}, kHour);
        QVERIFY(plan.calls.isEmpty());
        QCOMPARE(plan.rejected.size(), 1);
        QCOMPARE(plan.rejected[0].error.code, ErrorCode::BadArgument);
        QVERIFY2(plan.rejected[0].error.message.contains(QLatin1String("resource.labels.NAME")),
                 qPrintable(plan.rejected[0].error.message));
    }

    void intervalFormatting_data() {
        QTest::addColumn<qint64>("startMs");
        QTest::addColumn<qint64>("endMs");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::newRow("whole seconds, UTC with Z")
            << utcMs("2024-05-01T12:00:00Z") << utcMs("2024-05-01T13:00:00Z") << "2024-05-01T12:00:00Z"
            << "2024-05-01T13:00:00Z";
        QTest::newRow("start floored, end ceiled to the second")
            << utcMs("2024-05-01T12:00:00.750Z") << utcMs("2024-05-01T12:59:59.001Z")
            << "2024-05-01T12:00:00Z"
            << "2024-05-01T13:00:00Z";
        QTest::newRow("across a year boundary")
            << utcMs("2023-12-31T23:30:00Z") << utcMs("2024-01-01T00:30:00Z") << "2023-12-31T23:30:00Z"
            << "2024-01-01T00:30:00Z";
        QTest::newRow("leap day") << utcMs("2024-02-29T00:00:00Z") << utcMs("2024-02-29T06:00:00Z")
                                  << "2024-02-29T00:00:00Z"
                                  << "2024-02-29T06:00:00Z";
        QTest::newRow("empty range still spans a second")
            << utcMs("2024-05-01T12:00:00Z") << utcMs("2024-05-01T12:00:00Z") << "2024-05-01T12:00:00Z"
            << "2024-05-01T12:00:01Z";
    }
    void intervalFormatting() {
        QFETCH(qint64, startMs);
        QFETCH(qint64, endMs);
        QFETCH(QString, start);
        QFETCH(QString, end);
        const GcpTimeSeriesCall call =
            onlyCall({query(kCount, QStringLiteral("ALIGN_SUM"))}, TimeRange{startMs, endMs});
        const HttpRequest request = buildTimeSeriesRequest(GcpEndpointConfig{}, call);
        QCOMPARE(params(request.url, QStringLiteral("interval.startTime")), QStringList{start});
        QCOMPARE(params(request.url, QStringLiteral("interval.endTime")), QStringList{end});
        // Never an offset like +00:00, whose '+' would turn into a space (cloud-apis.md §4.15).
        QVERIFY(!rawQuery(request.url).contains('+'));
    }

    void aggregationEncoding_data() {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QList<Dimension>>("dims");
        QTest::addColumn<int>("period");
        QTest::addColumn<QString>("alignmentPeriod"); // "" = not sent
        QTest::addColumn<QString>("aligner");
        QTest::addColumn<QString>("reducer");
        QTest::addColumn<QStringList>("groupBy");
        const QList<Dimension> splitByCode{
            {QStringLiteral("metric.labels.response_code"), QStringLiteral("*")}};
        QTest::newRow("percentile aligner alone")
            << "ALIGN_PERCENTILE_99" << QList<Dimension>{} << 60 << "60s"
            << "ALIGN_PERCENTILE_99"
            << "" << QStringList{};
        QTest::newRow("period as a proto duration") << "ALIGN_MEAN" << QList<Dimension>{} << 300 << "300s"
                                                    << "ALIGN_MEAN"
                                                    << "" << QStringList{};
        QTest::newRow("period below 60 s raised to 60 s") << "ALIGN_MEAN" << QList<Dimension>{} << 10 << "60s"
                                                          << "ALIGN_MEAN"
                                                          << "" << QStringList{};
        QTest::newRow("aligner and reducer") << "ALIGN_RATE|REDUCE_SUM" << QList<Dimension>{} << 60 << "60s"
                                             << "ALIGN_RATE"
                                             << "REDUCE_SUM" << QStringList{};
        QTest::newRow("reducer keeps a '*' label as groupByFields (singular form)")
            << "ALIGN_DELTA|REDUCE_SUM" << splitByCode << 60 << "60s"
            << "ALIGN_DELTA"
            << "REDUCE_SUM" << QStringList{QStringLiteral("metric.label.response_code")};
        QTest::newRow("without a reducer a '*' label needs no groupByFields")
            << "ALIGN_DELTA" << splitByCode << 60 << "60s"
            << "ALIGN_DELTA"
            << "" << QStringList{};
        QTest::newRow("lower case and spaces normalised")
            << " align_rate | reduce_mean " << QList<Dimension>{} << 120 << "120s"
            << "ALIGN_RATE"
            << "REDUCE_MEAN" << QStringList{};
        QTest::newRow("ALIGN_NONE: raw points, no aggregation at all")
            << "ALIGN_NONE" << QList<Dimension>{} << 60 << ""
            << ""
            << "" << QStringList{};
        QTest::newRow("empty stat: raw points") << "" << QList<Dimension>{} << 60 << ""
                                                << ""
                                                << "" << QStringList{};
        QTest::newRow("REDUCE_NONE is no reducer") << "ALIGN_MAX|REDUCE_NONE" << splitByCode << 60 << "60s"
                                                   << "ALIGN_MAX"
                                                   << "" << QStringList{};
    }
    void aggregationEncoding() {
        QFETCH(QString, stat);
        QFETCH(QList<Dimension>, dims);
        QFETCH(int, period);
        QFETCH(QString, alignmentPeriod);
        QFETCH(QString, aligner);
        QFETCH(QString, reducer);
        QFETCH(QStringList, groupBy);
        const GcpTimeSeriesCall call = onlyCall({query(kCount, stat, dims, period)});
        const QUrl url = buildTimeSeriesRequest(GcpEndpointConfig{}, call).url;
        const auto one = [](const QString &v) { return v.isEmpty() ? QStringList{} : QStringList{v}; };
        QCOMPARE(params(url, QStringLiteral("aggregation.alignmentPeriod")), one(alignmentPeriod));
        QCOMPARE(params(url, QStringLiteral("aggregation.perSeriesAligner")), one(aligner));
        QCOMPARE(params(url, QStringLiteral("aggregation.crossSeriesReducer")), one(reducer));
        QCOMPARE(params(url, QStringLiteral("aggregation.groupByFields")), groupBy);
        QCOMPARE(params(url, QStringLiteral("view")), QStringList{QStringLiteral("FULL")});
    }

    void badAggregationsAreRejected_data() {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("CloudWatch habit") << "Average"
                                          << "ALIGN_MEAN";
        QTest::newRow("unknown reducer") << "ALIGN_MEAN|REDUCE_MEDIAN"
                                         << "REDUCE_MEDIAN";
        QTest::newRow("reducer without an aligner") << "ALIGN_NONE|REDUCE_SUM"
                                                    << "ALIGN_DELTA|REDUCE_SUM";
        QTest::newRow("reducer alone") << "|REDUCE_SUM"
                                       << "needs an aligner";
        QTest::newRow("three parts") << "ALIGN_MEAN|REDUCE_SUM|REDUCE_MAX"
                                     << "ALIGNER|REDUCER";
    }
    void badAggregationsAreRejected() {
        QFETCH(QString, stat);
        QFETCH(QString, mentions);
        const GcpTimeSeriesPlan plan = planTimeSeriesCalls({query(kCount, stat)}, kHour);
        QVERIFY(plan.calls.isEmpty());
        QCOMPARE(plan.rejected.size(), 1);
        QCOMPARE(plan.rejected[0].error.code, ErrorCode::BadArgument);
        QVERIFY2(plan.rejected[0].error.message.contains(mentions),
                 qPrintable(plan.rejected[0].error.message));
    }

    void urlAndPaging_data() {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("pageToken");
        QTest::addColumn<QString>("path");
        QTest::newRow("first page: no pageToken") << ""
                                                  << ""
                                                  << "/v3/projects/my-proj/timeSeries";
        QTest::newRow("later page: pageToken encoded") << ""
                                                       << "CgYI+/=ARIC"
                                                       << "/v3/projects/my-proj/timeSeries";
        QTest::newRow("override with a path prefix, trailing slash")
            << "http://127.0.0.1:8080/google/"
            << ""
            << "/google/v3/projects/my-proj/timeSeries";
    }
    void urlAndPaging() {
        QFETCH(QString, base);
        QFETCH(QString, pageToken);
        QFETCH(QString, path);
        GcpEndpointConfig config;
        if (!base.isEmpty())
            config.monitoringEndpoint = QUrl(base);
        GcpTimeSeriesCall call = onlyCall({query(kCount, QStringLiteral("ALIGN_SUM"))});
        call.pageSize = 500;
        const HttpRequest request = buildTimeSeriesRequest(config, call, pageToken);
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.url.path(), path);
        QCOMPARE(request.url.host(),
                 base.isEmpty() ? QStringLiteral("monitoring.googleapis.com") : QStringLiteral("127.0.0.1"));
        QCOMPARE(params(request.url, QStringLiteral("pageSize")), QStringList{QStringLiteral("500")});
        QCOMPARE(params(request.url, QStringLiteral("pageToken")),
                 pageToken.isEmpty() ? QStringList{} : QStringList{pageToken});
        if (!pageToken.isEmpty())
            QVERIFY(rawQuery(request.url).endsWith("&pageToken=CgYI%2B%2F%3DARIC"));
        QVERIFY(request.headers.isEmpty()); // the provider adds the token
        QCOMPARE(request.callName,
                 QStringLiteral("timeSeries.list (prediction/online/prediction_count, project my-proj)"));
    }

    void headersView() {
        GcpTimeSeriesCall call = onlyCall({query(kCount, QString())});
        call.view = GcpView::Headers;
        QCOMPARE(params(buildTimeSeriesRequest(GcpEndpointConfig{}, call).url, QStringLiteral("view")),
                 QStringList{QStringLiteral("HEADERS")});
    }

    void projects_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("project"); // "" = rejected
        QTest::newRow("projects/ID") << "projects/my-proj"
                                     << "my-proj";
        QTest::newRow("bare id") << "my-proj"
                                 << "my-proj";
        QTest::newRow("project number") << "projects/123456789012"
                                        << "123456789012";
        QTest::newRow("domain-scoped legacy id") << "projects/example.com:my-proj"
                                                 << "example.com:my-proj";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("folder") << "folders/123"
                                << "";
        QTest::newRow("organization") << "organizations/456"
                                      << "";
        QTest::newRow("path inside the id") << "projects/a/../b"
                                            << "";
    }
    void projects() {
        QFETCH(QString, resource);
        QFETCH(QString, project);
        const Result<QString> parsed = projectOf(resource);
        QCOMPARE(parsed.has_value(), !project.isEmpty());
        if (parsed)
            QCOMPARE(*parsed, project);
        else
            QCOMPARE(parsed.error().code, ErrorCode::BadArgument);
    }

    // The request-count rule of the header: queries that differ only in one label's value share a
    // call (one_of in the filter, the label in groupByFields when there is a reducer).
    void queriesDifferingInOneLabelShareACall_data() {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QStringList>("groupBy");
        QTest::newRow("with a reducer: the label is grouped by")
            << "ALIGN_DELTA|REDUCE_PERCENTILE_99"
            << QStringList{QStringLiteral("resource.label.endpoint_id")};
        QTest::newRow("without a reducer: series come apart anyway")
            << "ALIGN_PERCENTILE_99" << QStringList{};
    }
    void queriesDifferingInOneLabelShareACall() {
        QFETCH(QString, stat);
        QFETCH(QStringList, groupBy);
        const QList<Dimension> total{{QStringLiteral("metric.labels.latency_type"), QStringLiteral("total")}};
        QList<MetricQuery> queries;
        for (const char *id : {"101", "102", "103"})
            queries.append(query(kLatency, stat, total + QList<Dimension>{endpoint(QLatin1String(id))}));
        const GcpTimeSeriesCall call = onlyCall(queries);
        QCOMPARE(call.queries.size(), 3);
        QCOMPARE(call.mergedLabel, QStringLiteral("resource.labels.endpoint_id"));
        QCOMPARE(call.mergedValues,
                 (QStringList{QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("103")}));
        QCOMPARE(call.filterText(),
                 QStringLiteral(
                     "metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_latencies\" AND "
                     "resource.type = \"aiplatform.googleapis.com/Endpoint\" AND "
                     "metric.labels.latency_type = \"total\" AND "
                     "resource.labels.endpoint_id = one_of(\"101\",\"102\",\"103\")"));
        QCOMPARE(params(buildTimeSeriesRequest(GcpEndpointConfig{}, call).url,
                        QStringLiteral("aggregation.groupByFields")),
                 groupBy);
    }

    void planSplitsWhatCannotBeOneCall() {
        const QList<MetricQuery> queries{
            query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QStringLiteral("1"))}),
            query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QStringLiteral("2"))}), // merges with #1
            query(kCount, QStringLiteral("ALIGN_RATE"),
                  {endpoint(QStringLiteral("1"))}), // same key: asked once
            query(kLatency, QStringLiteral("ALIGN_RATE"),
                  {endpoint(QStringLiteral("1"))}), // another metric type
            query(kCount, QStringLiteral("ALIGN_SUM"), {endpoint(QStringLiteral("1"))}), // another aligner
            query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QStringLiteral("1"))},
                  300), // a period is no new key
            query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QStringLiteral("1"))}, 60,
                  QStringLiteral("projects/other")), // another project
            query(kCount,
                  QStringLiteral("ALIGN_RATE")), // another label set: not exactly equivalent, not merged
        };
        const GcpTimeSeriesPlan plan = planTimeSeriesCalls(queries, kHour);
        QVERIFY(plan.rejected.isEmpty());
        QCOMPARE(plan.calls.size(), 5);
        QCOMPARE(plan.calls[0].queries.size(), 2);
        QCOMPARE(plan.calls[0].mergedValues, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(plan.calls[1].metricType, kLatency);
        QCOMPARE(plan.calls[2].aggregation.aligner, QStringLiteral("ALIGN_SUM"));
        QCOMPARE(plan.calls[3].project, QStringLiteral("other"));
        QVERIFY(plan.calls[4].filter.isEmpty() && plan.calls[4].mergedLabel.isEmpty());
        int total = 0;
        for (const GcpTimeSeriesCall &c : plan.calls)
            total += int(c.queries.size());
        QCOMPARE(total, 6);
    }

    void twoVaryingLabelsMergeOverTheBetterOne() {
        // 2 codes × 3 endpoints: merging over the endpoint gives 2 calls, over the code 3.
        QList<MetricQuery> queries;
        for (const char *code : {"2xx", "5xx"})
            for (const char *id : {"1", "2", "3"})
                queries.append(query(kCount, QStringLiteral("ALIGN_RATE"),
                                     {{QStringLiteral("metric.labels.response_code"), QLatin1String(code)},
                                      endpoint(QLatin1String(id))}));
        const GcpTimeSeriesPlan plan = planTimeSeriesCalls(queries, kHour);
        QCOMPARE(plan.calls.size(), 2);
        for (const GcpTimeSeriesCall &call : plan.calls) {
            QCOMPARE(call.mergedLabel, QStringLiteral("resource.labels.endpoint_id"));
            QCOMPARE(call.queries.size(), 3);
            QCOMPARE(call.filter.size(), 1);
        }
        QCOMPARE(plan.calls[1].filter[0].value, QStringLiteral("5xx"));
    }

    void manyValuesAreChunked() {
        QList<MetricQuery> queries;
        for (int i = 0; i < kMaxOneOfValues * 2 + 1; ++i)
            queries.append(query(kCount, QStringLiteral("ALIGN_RATE"), {endpoint(QString::number(i))}));
        const GcpTimeSeriesPlan plan = planTimeSeriesCalls(queries, kHour);
        QCOMPARE(plan.calls.size(), 3);
        QCOMPARE(plan.calls[0].mergedValues.size(), kMaxOneOfValues);
        QCOMPARE(plan.calls[1].mergedValues.size(), kMaxOneOfValues);
        // The last chunk has one value: a plain equality, no one_of.
        QVERIFY(plan.calls[2].mergedLabel.isEmpty());
        QVERIFY(plan.calls[2].filterText().endsWith(QStringLiteral("resource.labels.endpoint_id = \"100\"")));
    }

    void rejectedQueriesDoNotStopTheOthers() {
        MetricQuery noMetric = query(QString(), QStringLiteral("ALIGN_MEAN"));
        MetricQuery noProject = query(kCount, QStringLiteral("ALIGN_MEAN"), {}, 60, QString());
        const GcpTimeSeriesPlan plan =
            planTimeSeriesCalls({noMetric, query(kCount, QStringLiteral("ALIGN_MEAN")), noProject}, kHour);
        QCOMPARE(plan.calls.size(), 1);
        QCOMPARE(plan.rejected.size(), 2);
        QVERIFY(plan.rejected[0].error.message.contains(QLatin1String("metric type")));
        QVERIFY(plan.rejected[1].error.message.contains(QLatin1String("projects/PROJECT")));
    }
};

QTEST_GUILESS_MAIN(TestGcpTimeSeriesRequest)
#include "tst_gcp_time_series_request.moc"
