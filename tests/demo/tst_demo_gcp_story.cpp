#include "gcp_test_client.h"

#include "demo/demo_gcp_cloud.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace mlwatch;
using namespace mlwatch::test::gcp;
using demo::DemoGoogleCloud;

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString typeIs(const char *type) {
    return QStringLiteral("metric.type = \"%1\"").arg(QLatin1String(type));
}

} // namespace

// The simulated Google Cloud's story (demo_gcp_story.h), stage by stage, measured through the
// wire with Google's own metric types: the numbers a user of `mlwatch --demo` sees.
// The anchor is Friday 2026-11-20 12:00 UTC.
class TstDemoGcpStory : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoGoogleCloud> m_cloud;
    std::unique_ptr<Session> m_session;
    QString m_churnId;

    // Every point's number of every series of the answer (oldest first).
    QList<double> values(const QString &filter, double from, double to, const QString &extra) {
        QList<double> out;
        for (const QJsonObject &s : m_session->series(filter, from, to, extra)) {
            QList<Point> points = pointsOf(s);
            std::reverse(points.begin(), points.end());
            for (const Point &p : points)
                out.append(p.number());
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<DemoGoogleCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        m_session = std::make_unique<Session>(*m_cloud);
        QVERIFY(!m_session->token().isEmpty());
        int pages = 0;
        for (const QJsonObject &e : m_session->listAll(QStringLiteral("endpoints"), &pages))
            if (e.value(QStringLiteral("displayName")).toString() == QLatin1String("churn-scoring"))
                m_churnId = e.value(QStringLiteral("name")).toString().section(QLatin1Char('/'), -1);
        QVERIFY(!m_churnId.isEmpty());
    }

    // The story's key numbers, measured through the wire.
    void storyKeyNumbers_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("aggregation"); // query parameters after the interval
        QTest::addColumn<double>("fromHoursBack");
        QTest::addColumn<double>("toHoursBack");
        QTest::addColumn<QString>("measure"); // mean | max | min | growth (last - first)
        QTest::addColumn<double>("scale");    // the measure is divided by it (GiB, …)
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        const auto agg = [](const char *aligner, int period, const char *reducer = nullptr) {
            QString q = QStringLiteral("aggregation.alignmentPeriod=%1s&aggregation.perSeriesAligner=%2")
                            .arg(period)
                            .arg(QLatin1String(aligner));
            if (reducer)
                q += QStringLiteral("&aggregation.crossSeriesReducer=") + QLatin1String(reducer);
            return q;
        };
        const QString streaming = QStringLiteral(" AND resource.labels.job_name = \"clickstream-features\"");
        const QString churn = QStringLiteral(" AND metric.labels.endpoint_display_name = \"churn-scoring\"");
        const QString endpoint = QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"");
        const QString total = churn + QStringLiteral(" AND metric.labels.latency_type = \"total\"");
        const double backlog = 6 * 24 - 1;     // 2026-11-14 13:00 UTC
        const double surge = 2 * 24 - 3;       // 2026-11-18 15:00 UTC
        const double burst = 3 * 24 + 3 - 0.2; // 2026-11-17 09:12 UTC

        // data preparation
        QTest::newRow("data prep: streaming lag ~15 s on a quiet day")
            << typeIs("dataflow.googleapis.com/job/system_lag") + streaming << agg("ALIGN_MEAN", 3600) << 48.0
            << 24.0 << "mean" << 1.0 << 8.0 << 25.0;
        QTest::newRow("data prep: streaming lag ~45 min at the end of the backlog")
            << typeIs("dataflow.googleapis.com/job/system_lag") + streaming << agg("ALIGN_MAX", 300)
            << backlog + 1 << backlog - 8 << "max" << 60.0 << 42.0 << 48.0;
        QTest::newRow("data prep: the backlog pins the job at 24 vCPUs")
            << typeIs("dataflow.googleapis.com/job/current_num_vcpus") + streaming << agg("ALIGN_MIN", 600)
            << backlog - 0.5 << backlog - 3 << "min" << 1.0 << 24.0 << 24.0;
        QTest::newRow("data prep: last night's feature build took ~85 min")
            << typeIs("dataflow.googleapis.com/job/elapsed_time") +
                   QStringLiteral(" AND resource.labels.job_name = \"feature-build-20261120\"")
            << agg("ALIGN_MAX", 3600) << 12.0 << 0.0 << "max" << 60.0 << 83.0 << 85.0;
        QTest::newRow("data prep: a month ago it took ~41 min")
            << typeIs("dataflow.googleapis.com/job/elapsed_time") +
                   QStringLiteral(" AND resource.labels.job_name = \"feature-build-20261022\"")
            << agg("ALIGN_MAX", 3600) << 30 * 24.0 << 20 * 24.0 << "max" << 60.0 << 39.0 << 41.0;
        // training
        QTest::newRow("training: input-bound run, accelerator ~22 %")
            << typeIs("ml.googleapis.com/training/accelerator/utilization") << agg("ALIGN_MEAN", 3600)
            << 130.0 << 100.0 << "mean" << 0.01 << 17.0 << 27.0;
        QTest::newRow("training: input-bound run, CPU ~96 %")
            << typeIs("ml.googleapis.com/training/cpu/utilization") << agg("ALIGN_MEAN", 3600) << 130.0
            << 100.0 << "mean" << 0.01 << 92.0 << 99.0;
        QTest::newRow("training: the fixed run uses the accelerator ~86 %")
            << typeIs("ml.googleapis.com/training/accelerator/utilization") << agg("ALIGN_MEAN", 3600) << 19.0
            << 0.0 << "mean" << 0.01 << 82.0 << 90.0;
        QTest::newRow("training: a healthy run two weeks ago ~82 %")
            << typeIs("ml.googleapis.com/training/accelerator/utilization") << agg("ALIGN_MEAN", 3600)
            << 300.0 << 285.0 << "mean" << 0.01 << 78.0 << 86.0;
        // evaluation
        const QString batch = typeIs("bigquery.googleapis.com/query/execution_times") +
                              QStringLiteral(" AND metric.labels.priority = \"batch\"");
        QTest::newRow("evaluation: nightly eval queries' median in the first week (s)")
            << batch << agg("ALIGN_PERCENTILE_50", 86400) << 30 * 24.0 << 23 * 24.0 << "mean" << 1.0 << 8.0
            << 13.0;
        QTest::newRow("evaluation: … in the last week, ~3× slower (s)")
            << batch << agg("ALIGN_PERCENTILE_50", 86400) << 7 * 24.0 << 0.0 << "mean" << 1.0 << 25.0 << 38.0;
        QTest::newRow("evaluation: interactive queries stay ~1.8 s")
            << typeIs("bigquery.googleapis.com/query/execution_times") +
                   QStringLiteral(" AND metric.labels.priority = \"interactive\"")
            << agg("ALIGN_PERCENTILE_50", 86400) << 7 * 24.0 << 0.0 << "mean" << 1.0 << 1.4 << 2.3;
        const QString datasets =
            typeIs("storage.googleapis.com/storage/v2/total_bytes") +
            QStringLiteral(" AND resource.labels.bucket_name = \"mlwatch-demo-datasets\"");
        QTest::newRow("evaluation: the dataset bucket grew ~1.4 TiB (GiB)")
            << datasets + QStringLiteral(" AND metric.labels.type = \"live-object\"") << QString()
            << 30 * 24.0 << 0.0 << "growth" << kGiB << 1380.0 << 1450.0;
        QTest::newRow("evaluation: soft-deleted bytes after the cleanup (GiB)")
            << datasets + QStringLiteral(" AND metric.labels.type = \"soft-deleted-object\"") << QString()
            << 26.0 << 0.0 << "max" << kGiB << 214.0 << 217.0;
        // deployment
        QTest::newRow("deployment: the campaign makes the autoscaler aim for 8 replicas")
            << typeIs("aiplatform.googleapis.com/prediction/online/target_replicas") + endpoint
            << agg("ALIGN_MAX", 600) << surge << surge - 3 << "max" << 1.0 << 8.0 << 8.0;
        QTest::newRow("deployment: CPU above 1.0 while the replicas lag")
            << typeIs("aiplatform.googleapis.com/prediction/online/cpu/utilization") + endpoint
            << agg("ALIGN_MEAN", 60, "REDUCE_MEAN") << surge << surge - 0.5 << "max" << 1.0 << 1.05 << 1.6;
        QTest::newRow("deployment: v7 replicas use ~2.1 GiB")
            << typeIs("aiplatform.googleapis.com/prediction/online/memory/bytes_used") +
                   QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"")
            << agg("ALIGN_MEAN", 3600, "REDUCE_MEAN") << 8 * 24.0 << 7 * 24.0 << "mean" << kGiB << 2.0 << 2.2;
        QTest::newRow("deployment: v8 replicas use ~5.6 GiB")
            << typeIs("aiplatform.googleapis.com/prediction/online/memory/bytes_used") +
                   QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"")
            << agg("ALIGN_MEAN", 3600, "REDUCE_MEAN") << 24.0 << 0.0 << "mean" << kGiB << 5.5 << 5.7;
        const QString duty = typeIs("aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle");
        QTest::newRow("deployment: v8's T4s follow the CPU at the Thursday peak (duty cycle %)")
            << duty + endpoint << agg("ALIGN_MEAN", 3600, "REDUCE_MEAN") << 22.0 << 20.0 << "mean" << 0.01
            << 20.0 << 60.0;
        QTest::newRow("deployment: the campaign keeps the busiest T4 above 70 %")
            << duty + endpoint << agg("ALIGN_MAX", 60, "REDUCE_MAX") << surge << surge - 0.5 << "max" << 0.01
            << 70.0 << 99.0;
        // monitoring
        QTest::newRow("monitoring: ~900 predictions a minute at Thursday's 15:00 UTC peak")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_count") + churn
            << agg("ALIGN_DELTA", 60, "REDUCE_SUM") << 21.5 << 20.5 << "mean" << 1.0 << 850.0 << 950.0;
        QTest::newRow("monitoring: the error burst (errors a minute)")
            << typeIs("aiplatform.googleapis.com/prediction/online/error_count") + churn
            << agg("ALIGN_DELTA", 60, "REDUCE_SUM") << burst << burst - 28.0 / 60 << "mean" << 1.0 << 100.0
            << 300.0;
        QTest::newRow("monitoring: errors the day before the burst (a minute)")
            << typeIs("aiplatform.googleapis.com/prediction/online/error_count") + churn
            << agg("ALIGN_DELTA", 60, "REDUCE_SUM") << burst + 24 << burst + 23.5 << "mean" << 1.0 << 0.5
            << 6.0;
        QTest::newRow("monitoring: p50 with v7 (ms)")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") + total
            << agg("ALIGN_PERCENTILE_50", 3600) << 8 * 24.0 << 7 * 24.0 << "mean" << 1.0 << 18.0 << 25.0;
        QTest::newRow("monitoring: p99 with v7 (ms)")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") + total
            << agg("ALIGN_PERCENTILE_99", 3600) << 8 * 24.0 << 7 * 24.0 << "mean" << 1.0 << 55.0 << 85.0;
        QTest::newRow("monitoring: p50 with v8, the regression (ms)")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") + total
            << agg("ALIGN_PERCENTILE_50", 3600) << 30.0 << 24.0 << "mean" << 1.0 << 36.0 << 48.0;
        QTest::newRow("monitoring: p99 with v8, the regression (ms)")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") + total
            << agg("ALIGN_PERCENTILE_99", 3600) << 30.0 << 24.0 << "mean" << 1.0 << 110.0 << 160.0;
        // monitoring: Vertex AI Model Monitoring's drift of churn-tf-v8 (hourly runs)
        const QString featureDrift =
            typeIs("aiplatform.googleapis.com/model_monitoring/feature_drift_deviation");
        const QString charges = QStringLiteral(" AND metric.labels.feature_name = \"monthly_charges\"");
        QTest::newRow("monitoring: monthly_charges drift ~0.06 before the price change")
            << featureDrift + charges << agg("ALIGN_MAX", 3600) << 92.0 << 73.0 << "mean" << 1.0 << 0.04
            << 0.08;
        QTest::newRow("monitoring: monthly_charges drift ~0.45 in the last day")
            << featureDrift + charges << agg("ALIGN_MAX", 3600) << 24.0 << 0.0 << "mean" << 1.0 << 0.40
            << 0.50;
        QTest::newRow("monitoring: the worst feature's drift is monthly_charges' (~0.45)")
            << featureDrift << agg("ALIGN_MAX", 3600, "REDUCE_MAX") << 24.0 << 0.0 << "mean" << 1.0 << 0.40
            << 0.50;
        QTest::newRow("monitoring: tenure_months stays near its baseline")
            << featureDrift + QStringLiteral(" AND metric.labels.feature_name = \"tenure_months\"")
            << agg("ALIGN_MAX", 3600) << 72.0 << 0.0 << "max" << 1.0 << 0.0 << 0.08;
        QTest::newRow("monitoring: prediction output drift ~0.23 in the last day")
            << typeIs("aiplatform.googleapis.com/model_monitoring/prediction_output_drift_deviation")
            << agg("ALIGN_MAX", 3600) << 24.0 << 0.0 << "mean" << 1.0 << 0.19 << 0.27;
        QTest::newRow("monitoring: p99 while the autoscaler lags (ms)")
            << typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") + total
            << QStringLiteral("aggregation.alignmentPeriod=60s&aggregation.perSeriesAligner=ALIGN_DELTA&"
                              "aggregation.crossSeriesReducer=REDUCE_PERCENTILE_99")
            << surge << surge - 0.5 << "max" << 1.0 << 300.0 << 900.0;
    }
    void storyKeyNumbers() {
        QFETCH(QString, filter);
        QFETCH(QString, aggregation);
        QFETCH(double, fromHoursBack);
        QFETCH(double, toHoursBack);
        QFETCH(QString, measure);
        QFETCH(double, scale);
        QFETCH(double, low);
        QFETCH(double, high);
        if (filter.contains(QLatin1String("%1"))) // the churn-scoring endpoint, by id
            filter = filter.arg(m_churnId);
        const QList<double> v = values(filter, fromHoursBack, toHoursBack, aggregation);
        QVERIFY(!v.isEmpty());
        double measured = 0;
        if (measure == QLatin1String("mean"))
            measured = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
        else if (measure == QLatin1String("max"))
            measured = *std::max_element(v.begin(), v.end());
        else if (measure == QLatin1String("min"))
            measured = *std::min_element(v.begin(), v.end());
        else
            measured = v.last() - v.first();
        measured /= scale;
        qInfo("%s: %.3f", QTest::currentDataTag(), measured);
        QVERIFY2(measured >= low && measured <= high,
                 qPrintable(QStringLiteral("measured %1").arg(measured)));
    }

    // The autoscaler's lag in the campaign (2026-11-18 15:00 UTC): replicas never exceed
    // target_replicas, trail it for 10–20 minutes after it jumps, and reach 8.
    void replicasTrailTheTarget() {
        const QString endpoint = QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"").arg(m_churnId);
        const double surge = 2 * 24 - 3;
        const QList<double> target =
            values(typeIs("aiplatform.googleapis.com/prediction/online/target_replicas") + endpoint,
                   surge + 0.25, surge - 0.75, QString());
        const QList<double> replicas =
            values(typeIs("aiplatform.googleapis.com/prediction/online/replicas") + endpoint, surge + 0.25,
                   surge - 0.75, QString());
        QCOMPARE(replicas.size(), 60);
        QCOMPARE(target.size(), 60);
        int trailing = 0;
        for (qsizetype i = 0; i < replicas.size(); ++i) {
            QVERIFY(replicas.at(i) <= target.at(i));
            trailing += replicas.at(i) < target.at(i) ? 1 : 0;
        }
        QVERIFY2(trailing >= 10 && trailing <= 20, qPrintable(QString::number(trailing)));
        QCOMPARE(target.last(), 8.0);
        QCOMPARE(replicas.last(), 8.0);
    }

    // Duty cycles come only from deployed models with accelerators in their machine spec: the
    // Vertex listing and the series agree (churn-scoring's v8 and image-tagger have T4s,
    // search-rerank runs on CPUs only).
    void dutyCyclesOnlyWhereTheListingHasAccelerators() {
        int pages = 0;
        int accelerated = 0;
        int cpuOnly = 0;
        for (const QJsonObject &e : m_session->listAll(QStringLiteral("endpoints"), &pages)) {
            const QJsonArray models = e.value(QStringLiteral("deployedModels")).toArray();
            if (models.isEmpty())
                continue;
            bool hasAccelerator = false;
            for (const QJsonValue &m : models)
                hasAccelerator = hasAccelerator || !m.toObject()
                                                        .value(QStringLiteral("dedicatedResources"))
                                                        .toObject()
                                                        .value(QStringLiteral("machineSpec"))
                                                        .toObject()
                                                        .value(QStringLiteral("acceleratorType"))
                                                        .toString()
                                                        .isEmpty();
            (hasAccelerator ? accelerated : cpuOnly) += 1;
            const QString id = e.value(QStringLiteral("name")).toString().section(QLatin1Char('/'), -1);
            const QList<double> duty =
                values(typeIs("aiplatform.googleapis.com/prediction/online/accelerator/duty_cycle") +
                           QStringLiteral(" AND resource.labels.endpoint_id = \"%1\"").arg(id),
                       6.0, 0.0, QString());
            QVERIFY2(duty.isEmpty() != hasAccelerator,
                     qPrintable(e.value(QStringLiteral("displayName")).toString()));
        }
        QCOMPARE(accelerated, 2); // churn-scoring (v8), image-tagger
        QCOMPARE(cpuOnly, 1);     // search-rerank
    }

    // Not an assertion: how long the heaviest calls the app makes take (for the report).
    void timingOfHeavyCalls() {
        QElapsedTimer timer;
        timer.start();
        const Reply month = m_session->timeSeries(
            QStringLiteral("filter=") +
            enc(typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") +
                QStringLiteral(" AND metric.labels.latency_type = \"total\"")) +
            QStringLiteral("&interval.startTime=") + at(30 * 24) + QStringLiteral("&interval.endTime=") +
            at(0));
        const qint64 monthMs = timer.restart();
        const Reply cpu = m_session->timeSeries(
            QStringLiteral("filter=") +
            enc(typeIs("aiplatform.googleapis.com/prediction/online/cpu/utilization")) +
            QStringLiteral("&interval.startTime=") + at(30 * 24) + QStringLiteral("&interval.endTime=") +
            at(0) +
            QStringLiteral("&aggregation.alignmentPeriod=300s&aggregation.perSeriesAligner=ALIGN_MEAN&"
                           "aggregation.crossSeriesReducer=REDUCE_MEAN&aggregation.groupByFields=resource."
                           "label.endpoint_id"));
        const qint64 cpuMs = timer.restart();
        const Reply p99 = m_session->timeSeries(
            QStringLiteral("filter=") +
            enc(typeIs("aiplatform.googleapis.com/prediction/online/prediction_latencies") +
                QStringLiteral(" AND metric.labels.latency_type = \"total\"")) +
            QStringLiteral("&interval.startTime=") + at(30 * 24) + QStringLiteral("&interval.endTime=") +
            at(0) +
            QStringLiteral(
                "&aggregation.alignmentPeriod=60s&aggregation.perSeriesAligner=ALIGN_PERCENTILE_99"));
        qInfo("30 days of raw latency distributions (2 endpoints, 1 page): %lld ms, %lld bytes; their p99 a "
              "minute: "
              "%lld ms, %lld bytes; 30 days of CPU, 5-min mean per endpoint: %lld ms",
              monthMs, qint64(month.body.size()), timer.elapsed(), qint64(p99.body.size()), cpuMs);
        QCOMPARE(p99.status, 200);
        QCOMPARE(month.status, 200);
        QCOMPARE(cpu.status, 200);
    }
};

QTEST_GUILESS_MAIN(TstDemoGcpStory)
#include "tst_demo_gcp_story.moc"
