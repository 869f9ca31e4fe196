#include "gcp_test_client.h"

#include "demo/demo_gcp_cloud.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace mlwatch;
using namespace mlwatch::test::gcp;
using demo::DemoGoogleCloud;

namespace {

QString typeIs(const QString &type) {
    return QStringLiteral("metric.type = \"%1\"").arg(type);
}

QString vertex(const char *path) {
    return QStringLiteral("aiplatform.googleapis.com/prediction/online/") + QLatin1String(path);
}

QString aggregation(const char *aligner, int periodSeconds, const char *reducer = nullptr,
                    const QStringList &groupBy = {}) {
    QString q = QStringLiteral("aggregation.alignmentPeriod=%1s&aggregation.perSeriesAligner=%2")
                    .arg(periodSeconds)
                    .arg(QLatin1String(aligner));
    if (reducer)
        q += QStringLiteral("&aggregation.crossSeriesReducer=") + QLatin1String(reducer);
    for (const QString &f : groupBy)
        q += QStringLiteral("&aggregation.groupByFields=") + enc(f);
    return q;
}

qint64 int64Of(const QJsonObject &value) {
    return value.value(QStringLiteral("int64Value")).toString().toLongLong();
}

} // namespace

// The simulated Cloud Monitoring's projects.timeSeries.list over real loopback HTTP: filter
// parsing, intervals, newest-first order, int64 strings, distributions, aligners and reducers,
// paging, `{}`, and Google's INVALID_ARGUMENT messages.
class TstDemoGcpMonitoring : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoGoogleCloud> m_cloud;
    std::unique_ptr<Session> m_session;
    QString m_churn; // the churn-scoring endpoint's id

    QString query(const QString &filter, double from, double to, const QString &extra = {}) {
        QString q = QStringLiteral("filter=") + enc(filter) + QStringLiteral("&interval.startTime=") +
                    at(from) + QStringLiteral("&interval.endTime=") + at(to);
        return extra.isEmpty() ? q : q + QLatin1Char('&') + extra;
    }
    QString churn(const QString &filter) {
        return filter + QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"").arg(m_churn);
    }

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<DemoGoogleCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        m_session = std::make_unique<Session>(*m_cloud);
        int pages = 0;
        for (const QJsonObject &e : m_session->listAll(QStringLiteral("endpoints"), &pages))
            if (e.value(QStringLiteral("displayName")).toString() == QLatin1String("churn-scoring"))
                m_churn = e.value(QStringLiteral("name")).toString().section(QLatin1Char('/'), -1);
        QVERIFY(!m_churn.isEmpty());
    }

    void filterSelectsSeries_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("series");
        const QString latencies = typeIs(vertex("prediction_latencies"));
        QTest::newRow("metric.type alone: every endpoint's replica count")
            << typeIs(vertex("target_replicas")) << 3;
        QTest::newRow("resource label, plural form")
            << typeIs(vertex("target_replicas")) + QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"")
            << 1;
        QTest::newRow("resource label, singular form")
            << typeIs(vertex("target_replicas")) + QStringLiteral(" AND resource.label.endpoint_id = \"%1\"")
            << 1;
        QTest::newRow("resource.type")
            << typeIs(vertex("target_replicas")) +
                   QStringLiteral(" AND resource.type = \"aiplatform.googleapis.com/Endpoint\"")
            << 3;
        QTest::newRow("metric label equality")
            << latencies + QStringLiteral(" AND metric.labels.latency_type = \"total\"") << 2;
        QTest::newRow("!=") << latencies + QStringLiteral(" AND metric.labels.latency_type != \"total\"")
                            << 4;
        QTest::newRow("NOT") << latencies + QStringLiteral(" AND NOT metric.labels.latency_type = \"total\"")
                             << 4;
        QTest::newRow("one_of")
            << latencies + QStringLiteral(" AND metric.labels.latency_type = one_of(\"model\", \"overhead\")")
            << 4;
        QTest::newRow("OR binds tighter than AND")
            << latencies + QStringLiteral(" AND metric.labels.latency_type = \"model\" OR "
                                          "metric.labels.latency_type = \"overhead\"")
            << 4;
        QTest::newRow("parentheses") << latencies +
                                            QStringLiteral(" AND (metric.label.latency_type = \"model\" OR "
                                                           "metric.label.latency_type = \"total\")")
                                     << 4;
        QTest::newRow("clauses side by side are ANDed")
            << latencies + QStringLiteral(
                               " metric.labels.latency_type = \"total\" metric.labels.model_display_name = "
                               "starts_with(\"churn\")")
            << 1;
        QTest::newRow("has (:)") << typeIs(vertex("prediction_count")) +
                                        QStringLiteral(" AND metric.labels.model_display_name : \"vit\"")
                                 << 1;
        QTest::newRow("ends_with") << typeIs(vertex("prediction_count")) +
                                          QStringLiteral(
                                              " AND metric.labels.model_display_name = ends_with(\"-v8\")")
                                   << 1;
        QTest::newRow("regex on a resource label")
            << typeIs(QStringLiteral("dataflow.googleapis.com/job/elapsed_time")) +
                   QStringLiteral(" AND resource.labels.job_name = "
                                  "monitoring.regex.full_match(\"feature-build-2026111[0-9]\")")
            << 10;
        QTest::newRow("another resource type: none")
            << typeIs(vertex("target_replicas")) + QStringLiteral(" AND resource.type = \"gce_instance\"")
            << 0;
    }
    void filterSelectsSeries() {
        QFETCH(QString, filter);
        QFETCH(int, series);
        if (filter.contains(QLatin1String("%1")))
            filter = filter.arg(m_churn);
        const Reply r =
            m_session->timeSeries(query(filter, filter.contains(QLatin1String("dataflow")) ? 30 * 24 : 2, 0));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("timeSeries")).toArray().size(), series);
        if (series == 0)
            QCOMPARE(r.body, QByteArray("{}"));
    }

    void badRequests_data() {
        QTest::addColumn<QString>("q"); // the whole query string
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QString replicas = typeIs(vertex("replicas"));
        const QString latencies = typeIs(vertex("prediction_latencies"));
        const QString window =
            QStringLiteral("&interval.startTime=") + at(1) + QStringLiteral("&interval.endTime=") + at(0);
        const auto q = [&](const QString &filter, const QString &extra = {}) -> QString {
            return QStringLiteral("filter=") + enc(filter) + window +
                   (extra.isEmpty() ? QString() : QLatin1Char('&') + extra);
        };
        QTest::newRow("two metric types")
            << q(replicas + QStringLiteral(" AND ") + latencies) << 400 << "exactly one metric type";
        QTest::newRow("metric types in an OR")
            << q(replicas + QStringLiteral(" OR ") + latencies) << 400 << "exactly one metric type";
        QTest::newRow("no metric type")
            << q(QStringLiteral("resource.type = \"aiplatform.googleapis.com/Endpoint\"")) << 400
            << "exactly one metric type";
        QTest::newRow("unterminated string")
            << q(QStringLiteral("metric.type = \"abc")) << 400 << "unterminated string";
        QTest::newRow("unknown field")
            << q(replicas + QStringLiteral(" AND foo.bar = \"x\"")) << 400 << "unknown field 'foo.bar'";
        QTest::newRow("unknown metric type: NOT_FOUND")
            << q(typeIs(QStringLiteral("custom.googleapis.com/nothing"))) << 404
            << "Cannot find metric(s) that match type";
        QTest::newRow("ALIGN_RATE on a GAUGE INT64")
            << q(replicas, aggregation("ALIGN_RATE", 60)) << 400
            << "cannot be applied to metrics with kind GAUGE and value type INT64";
        QTest::newRow("ALIGN_DELTA on a GAUGE")
            << q(replicas, aggregation("ALIGN_DELTA", 60)) << 400 << "kind GAUGE";
        QTest::newRow("ALIGN_PERCENTILE_99 on a DOUBLE gauge")
            << q(typeIs(vertex("cpu/utilization")), aggregation("ALIGN_PERCENTILE_99", 60)) << 400
            << "value type DOUBLE";
        QTest::newRow("REDUCE_MAX on distributions")
            << q(latencies, aggregation("ALIGN_DELTA", 60, "REDUCE_MAX")) << 400 << "value type DISTRIBUTION";
        QTest::newRow("alignment period under 60 s")
            << q(replicas, aggregation("ALIGN_MEAN", 30)) << 400 << "at least 60s";
        QTest::newRow("an aligner without a period")
            << q(replicas, QStringLiteral("aggregation.perSeriesAligner=ALIGN_MEAN")) << 400
            << "alignment period is required";
        QTest::newRow("a reducer without an aligner")
            << q(replicas, QStringLiteral("aggregation.crossSeriesReducer=REDUCE_SUM")) << 400
            << "other than ALIGN_NONE";
        QTest::newRow("an unknown aligner") << q(replicas, aggregation("ALIGN_FASTEST", 60)) << 400
                                            << "Invalid value at 'aggregation.per_series_aligner'";
        QTest::newRow("secondaryAggregation is not simulated")
            << q(replicas, QStringLiteral("secondaryAggregation.perSeriesAligner=ALIGN_MEAN")) << 400
            << "secondaryAggregation";
        QTest::newRow("view BOTH") << q(replicas, QStringLiteral("view=BOTH")) << 400
                                   << "Invalid value at 'view'";
        QTest::newRow("start after end")
            << QStringLiteral("filter=") + enc(replicas) + QStringLiteral("&interval.startTime=") + at(0) +
                   QStringLiteral("&interval.endTime=") + at(1)
            << 400 << "interval.startTime";
        QTest::newRow("an end time without a zone")
            << QStringLiteral("filter=") + enc(replicas) +
                   QStringLiteral("&interval.endTime=2026-11-20T12:00:00")
            << 400 << "Illegal timestamp format";
        QTest::newRow("no end time") << QStringLiteral("filter=") + enc(replicas) << 400
                                     << "interval.endTime";
        QTest::newRow("a page token of another query")
            << q(replicas,
                 QStringLiteral("pageToken=v1.") + QString::fromLatin1(base64Url("0:0:0123456789abcdef")))
            << 400 << "pageToken";
    }
    void badRequests() {
        QFETCH(QString, q);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Reply r = m_session->timeSeries(q);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorStatus(),
                 status == 404 ? QStringLiteral("NOT_FOUND") : QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
                 status);
    }

    void pointsComeNewestFirst_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<double>("toHoursBack");
        QTest::addColumn<int>("stepSeconds");
        QTest::addColumn<int>("intervalSeconds"); // endTime - startTime of each point
        QTest::newRow("GAUGE raw: start = end") << vertex("replicas") << QString() << 0.0 << 60 << 0;
        QTest::newRow("DELTA raw: one minute") << vertex("prediction_count") << QString() << 0.0 << 60 << 60;
        QTest::newRow("ALIGN_DELTA 300 s: the period")
            << vertex("prediction_count") << aggregation("ALIGN_DELTA", 300) << 0.0 << 300 << 300;
        QTest::newRow("ALIGN_MEAN on a GAUGE: start = end")
            << vertex("replicas") << aggregation("ALIGN_MEAN", 600) << 0.0 << 600 << 0;
        QTest::newRow("periods end at an endTime off the minute")
            << vertex("prediction_count") << aggregation("ALIGN_SUM", 120) << 0.25 / 60 << 120 << 120;
    }
    void pointsComeNewestFirst() {
        QFETCH(QString, type);
        QFETCH(QString, extra);
        QFETCH(double, toHoursBack);
        QFETCH(int, stepSeconds);
        QFETCH(int, intervalSeconds);
        const QList<QJsonObject> series = m_session->series(churn(typeIs(type)), 1, toHoursBack, extra);
        QCOMPARE(series.size(), 1);
        const QList<Point> points = pointsOf(series.first());
        QCOMPARE(points.size(), 3600 / stepSeconds);
        QCOMPARE(points.first().end, kAnchor.addSecs(qint64(-toHoursBack * 3600)));
        for (qsizetype i = 0; i < points.size(); ++i) {
            QCOMPARE(points.at(i).start.secsTo(points.at(i).end), qint64(intervalSeconds));
            if (i > 0)
                QCOMPARE(points.at(i).end.secsTo(points.at(i - 1).end), qint64(stepSeconds));
        }
    }

    void int64ValuesAreJsonStrings() {
        const Reply r = m_session->timeSeries(query(churn(typeIs(vertex("memory/bytes_used"))), 0.1, 0));
        QCOMPARE(r.status, 200);
        const QJsonObject s = r.json().value(QStringLiteral("timeSeries")).toArray().first().toObject();
        QCOMPARE(s.value(QStringLiteral("valueType")).toString(), QStringLiteral("INT64"));
        QCOMPARE(s.value(QStringLiteral("metricKind")).toString(), QStringLiteral("GAUGE"));
        QCOMPARE(s.value(QStringLiteral("unit")).toString(), QStringLiteral("By"));
        const QJsonValue v = pointsOf(s).first().value.value(QStringLiteral("int64Value"));
        QVERIFY(v.isString());
        bool ok = false;
        QVERIFY(v.toString().toLongLong(&ok) > (qint64(1) << 32) && ok); // ~5.6 GiB: past any int32
        QCOMPARE(v.toDouble(), 0.0); // what a client that reads it as a number gets (pitfall 23)
        // cpu/utilization is a DOUBLE: a JSON number.
        const Reply cpu = m_session->timeSeries(query(churn(typeIs(vertex("cpu/utilization"))), 0.1, 0));
        const QJsonObject c = cpu.json().value(QStringLiteral("timeSeries")).toArray().first().toObject();
        QCOMPARE(c.value(QStringLiteral("unit")).toString(), QStringLiteral("10^2.%"));
        QVERIFY(pointsOf(c).first().value.value(QStringLiteral("doubleValue")).isDouble());
    }

    void alignRateIsPerSecond() {
        const QString filter = churn(typeIs(vertex("prediction_count")));
        const QList<QJsonObject> delta = m_session->series(filter, 1, 0, aggregation("ALIGN_DELTA", 60));
        const QList<QJsonObject> rate = m_session->series(filter, 1, 0, aggregation("ALIGN_RATE", 60));
        QCOMPARE(rate.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("DOUBLE"));
        QCOMPARE(rate.first().value(QStringLiteral("metricKind")).toString(), QStringLiteral("GAUGE"));
        QCOMPARE(rate.first().value(QStringLiteral("unit")).toString(), QStringLiteral("1/s"));
        QCOMPARE(delta.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("INT64"));
        const QList<Point> d = pointsOf(delta.first());
        const QList<Point> r = pointsOf(rate.first());
        QCOMPARE(r.size(), d.size());
        for (qsizetype i = 0; i < d.size(); ++i)
            QCOMPARE(r.at(i).number() * 60.0, double(int64Of(d.at(i).value)));
    }

    void distributionsAndTheirAligners() {
        const QString filter = churn(typeIs(vertex("prediction_latencies"))) +
                               QStringLiteral(" AND metric.labels.latency_type = \"total\"");
        const QList<QJsonObject> raw = m_session->series(filter, 5.0 / 60, 0);
        QCOMPARE(raw.size(), 1);
        QCOMPARE(raw.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("DISTRIBUTION"));
        QCOMPARE(raw.first().value(QStringLiteral("metricKind")).toString(), QStringLiteral("DELTA"));
        QCOMPARE(raw.first().value(QStringLiteral("unit")).toString(), QStringLiteral("ms"));
        const QList<Point> minutes = pointsOf(raw.first());
        QCOMPARE(minutes.size(), 5);
        qint64 totalCount = 0;
        double weighted = 0;
        for (const Point &p : minutes) {
            const QJsonObject d = p.value.value(QStringLiteral("distributionValue")).toObject();
            QVERIFY(d.value(QStringLiteral("count")).isString());
            const qint64 count = d.value(QStringLiteral("count")).toString().toLongLong();
            QVERIFY(count > 100);
            const QJsonObject buckets = d.value(QStringLiteral("bucketOptions"))
                                            .toObject()
                                            .value(QStringLiteral("exponentialBuckets"))
                                            .toObject();
            QCOMPARE(buckets.value(QStringLiteral("numFiniteBuckets")).toInt(), 40);
            QCOMPARE(buckets.value(QStringLiteral("growthFactor")).toDouble(), 1.3);
            QCOMPARE(buckets.value(QStringLiteral("scale")).toDouble(), 1.0);
            const QJsonArray counts = d.value(QStringLiteral("bucketCounts")).toArray();
            qint64 sum = 0;
            for (const QJsonValue &c : counts) {
                QVERIFY(c.isString());
                sum += c.toString().toLongLong();
            }
            QCOMPARE(sum, count);
            QVERIFY(counts.last().toString() != QLatin1String("0")); // trailing zero buckets omitted
            QVERIFY(d.value(QStringLiteral("mean")).isDouble());
            totalCount += count;
            weighted += double(count) * d.value(QStringLiteral("mean")).toDouble();
        }
        // ALIGN_MEAN over the 5 minutes: the request-weighted mean, a DOUBLE.
        const QList<QJsonObject> mean =
            m_session->series(filter, 5.0 / 60, 0, aggregation("ALIGN_MEAN", 300));
        QCOMPARE(mean.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("DOUBLE"));
        QVERIFY(std::abs(pointsOf(mean.first()).first().number() - weighted / double(totalCount)) < 1e-6);
        // ALIGN_DELTA keeps the distribution: the counts add up.
        const QList<QJsonObject> delta =
            m_session->series(filter, 5.0 / 60, 0, aggregation("ALIGN_DELTA", 300));
        QCOMPARE(delta.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("DISTRIBUTION"));
        const QJsonObject merged =
            pointsOf(delta.first()).first().value.value(QStringLiteral("distributionValue")).toObject();
        QCOMPARE(merged.value(QStringLiteral("count")).toString().toLongLong(), totalCount);
        // ALIGN_PERCENTILE_99: a DOUBLE above the mean (latency is right-skewed) and the median.
        const QList<QJsonObject> p99 =
            m_session->series(filter, 5.0 / 60, 0, aggregation("ALIGN_PERCENTILE_99", 300));
        const QList<QJsonObject> p50 =
            m_session->series(filter, 5.0 / 60, 0, aggregation("ALIGN_PERCENTILE_50", 300));
        QCOMPARE(p99.first().value(QStringLiteral("valueType")).toString(), QStringLiteral("DOUBLE"));
        const double ninetyNine = pointsOf(p99.first()).first().number();
        const double fifty = pointsOf(p50.first()).first().number();
        QVERIFY2(ninetyNine > 2.5 * fifty && fifty < weighted / double(totalCount),
                 qPrintable(QStringLiteral("p50 %1 p99 %2").arg(fifty).arg(ninetyNine)));
    }

    // cloud-apis.md §3.2's recipe for a whole endpoint's percentile.
    void endpointPercentileRecipe() {
        const QList<QJsonObject> series =
            m_session->series(typeIs(vertex("prediction_latencies")) +
                                  QStringLiteral(" AND metric.labels.latency_type = \"total\""),
                              1, 0,
                              aggregation("ALIGN_DELTA", 60, "REDUCE_PERCENTILE_99",
                                          {QStringLiteral("resource.label.endpoint_id")}));
        QCOMPARE(series.size(), 2); // churn-scoring and image-tagger (search-rerank has no traffic)
        for (const QJsonObject &s : series) {
            QCOMPARE(s.value(QStringLiteral("valueType")).toString(), QStringLiteral("DOUBLE"));
            QCOMPARE(s.value(QStringLiteral("resource"))
                         .toObject()
                         .value(QStringLiteral("labels"))
                         .toObject()
                         .keys(),
                     QStringList{QStringLiteral("endpoint_id")});
            QVERIFY(!s.value(QStringLiteral("metric")).toObject().contains(QStringLiteral("labels")));
            QCOMPARE(pointsOf(s).size(), 60);
        }
    }

    void crossSeriesReducers() {
        // REDUCE_SUM of replica counts per endpoint keeps INT64 and only the grouped label.
        const QList<QJsonObject> perEndpoint = m_session->series(
            typeIs(vertex("replicas")), 1, 0,
            aggregation("ALIGN_MAX", 60, "REDUCE_SUM", {QStringLiteral("resource.labels.endpoint_id")}));
        QCOMPARE(perEndpoint.size(), 3);
        for (const QJsonObject &s : perEndpoint)
            QCOMPARE(s.value(QStringLiteral("valueType")).toString(), QStringLiteral("INT64"));
        // REDUCE_COUNT of the churn replicas' CPU series = the replicas gauge, minute by minute.
        const QList<QJsonObject> counted = m_session->series(churn(typeIs(vertex("cpu/utilization"))), 1, 0,
                                                             aggregation("ALIGN_MEAN", 60, "REDUCE_COUNT"));
        const QList<QJsonObject> replicas =
            m_session->series(churn(typeIs(vertex("replicas"))), 1, 0, aggregation("ALIGN_MAX", 60));
        QCOMPARE(pointsOf(counted.first()).size(), pointsOf(replicas.first()).size());
        for (qsizetype i = 0; i < pointsOf(replicas.first()).size(); ++i)
            QCOMPARE(pointsOf(counted.first()).at(i).number(), pointsOf(replicas.first()).at(i).number());
        // REDUCE_MEAN lies between REDUCE_MIN and REDUCE_MAX.
        const auto reduced = [&](const char *reducer) {
            return pointsOf(m_session
                                ->series(churn(typeIs(vertex("cpu/utilization"))), 1, 0,
                                         aggregation("ALIGN_MEAN", 300, reducer))
                                .first());
        };
        const QList<Point> lo = reduced("REDUCE_MIN"), mid = reduced("REDUCE_MEAN"),
                           hi = reduced("REDUCE_MAX");
        QCOMPARE(mid.size(), 12);
        for (qsizetype i = 0; i < mid.size(); ++i)
            QVERIFY(lo.at(i).number() <= mid.at(i).number() && mid.at(i).number() <= hi.at(i).number());
        // Grouping by a metric label: responses by class across the endpoints.
        const QList<QJsonObject> byCode = m_session->series(
            typeIs(vertex("response_count")), 24, 0,
            aggregation("ALIGN_DELTA", 86400, "REDUCE_SUM", {QStringLiteral("metric.label.response_code")}));
        QCOMPARE(byCode.size(), 3);
        QHash<QString, double> totals;
        for (const QJsonObject &s : byCode)
            totals.insert(s.value(QStringLiteral("metric"))
                              .toObject()
                              .value(QStringLiteral("labels"))
                              .toObject()
                              .value(QStringLiteral("response_code"))
                              .toString(),
                          pointsOf(s).first().number());
        QVERIFY(totals.value(QStringLiteral("2xx")) > 100 * totals.value(QStringLiteral("4xx")));
        QVERIFY(totals.value(QStringLiteral("4xx")) > totals.value(QStringLiteral("5xx")));
    }

    void pagingAcrossSeries() {
        const QString filter = churn(typeIs(vertex("cpu/utilization")));
        int pages = 0;
        const QList<QJsonObject> whole = m_session->series(filter, 3, 0, {}, &pages);
        QCOMPARE(pages, 1);
        QVERIFY(whole.size() >= 3);
        int smallPages = 0;
        const QList<QJsonObject> paged =
            m_session->series(filter, 3, 0, QStringLiteral("pageSize=100"), &smallPages);
        QCOMPARE(paged, whole); // split series joined again by identity
        qsizetype points = 0;
        for (const QJsonObject &s : whole)
            points += pointsOf(s).size();
        QVERIFY(smallPages >= points / 100);
        // No page holds more than pageSize points, and a long series continues on the next page.
        const Reply first = m_session->timeSeries(query(filter, 3, 0, QStringLiteral("pageSize=100")));
        qsizetype onFirst = 0;
        for (const QJsonValue &s : first.json().value(QStringLiteral("timeSeries")).toArray())
            onFirst += pointsOf(s.toObject()).size();
        QCOMPARE(onFirst, 100);
        QVERIFY(!first.json().value(QStringLiteral("nextPageToken")).toString().isEmpty());
        // HEADERS: pageSize counts series, and there are no points.
        int headerPages = 0;
        const QList<QJsonObject> headers =
            m_session->series(filter, 3, 0, QStringLiteral("view=HEADERS&pageSize=2"), &headerPages);
        QCOMPARE(headers.size(), whole.size());
        QCOMPARE(headerPages, int((whole.size() + 1) / 2));
        QVERIFY(!headers.first().contains(QStringLiteral("points")));
    }

    void noDataIsAnEmptyObject_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::newRow("a label value nobody has")
            << churn(typeIs(vertex("replicas"))) + QStringLiteral(" AND metric.labels.spot = \"true\"") << 1.0
            << 0.0;
        QTest::newRow("before the 30 days of history")
            << churn(typeIs(vertex("replicas"))) << 40 * 24.0 << 31 * 24.0;
        QTest::newRow("in the future") << churn(typeIs(vertex("replicas"))) << -1.0 << -2.0;
        QTest::newRow("no accelerator before v8")
            << churn(typeIs(vertex("accelerator/duty_cycle"))) << 8 * 24.0 << 7 * 24.0;
    }
    void noDataIsAnEmptyObject() {
        QFETCH(QString, filter);
        QFETCH(double, from);
        QFETCH(double, to);
        const Reply r = m_session->timeSeries(query(filter, from, to));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
    }

    void protoFieldNamesWork() {
        const QString filter = churn(typeIs(vertex("replicas")));
        const Reply json = m_session->timeSeries(query(filter, 1, 0, aggregation("ALIGN_MAX", 600)));
        const Reply proto = m_session->timeSeries(
            QStringLiteral("filter=") + enc(filter) + QStringLiteral("&interval.start_time=") + at(1) +
            QStringLiteral("&interval.end_time=") + at(0) +
            QStringLiteral("&aggregation.alignment_period=600s&aggregation.per_series_aligner=ALIGN_MAX"));
        QCOMPARE(proto.status, 200);
        QCOMPARE(proto.json(), json.json());
    }

    void startEqualToEndIsOneInstant() {
        const Reply r = m_session->timeSeries(query(churn(typeIs(vertex("replicas"))), 1, 1));
        const QList<Point> points =
            pointsOf(r.json().value(QStringLiteral("timeSeries")).toArray().first().toObject());
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.first().end, kAnchor.addSecs(-3600));
    }
};

QTEST_GUILESS_MAIN(TstDemoGcpMonitoring)
#include "tst_demo_gcp_monitoring.moc"
