#include "cloudwatch_test_client.h"

#include "core/net/http_client.h"
#include "demo/demo_cloud.h"
#include "demo/demo_story.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace mlwatch;
using namespace mlwatch::test;
using aws::CloudWatchProtocol;

Q_DECLARE_METATYPE(aws::CloudWatchProtocol)
Q_DECLARE_METATYPE(demo::DemoFault)

namespace {

const QDateTime kAnchor(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());

QDateTime hoursBefore(double hours) {
    return kAnchor.addSecs(qint64(-hours * 3600));
}

double mean(const QVector<double> &v) {
    return v.isEmpty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

double maximum(const QVector<double> &v) {
    return v.isEmpty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

QString protocolName(CloudWatchProtocol p) {
    return p == CloudWatchProtocol::Json ? QStringLiteral("json") : QStringLiteral("query");
}

} // namespace

class TstDemoCloud : public QObject {
    Q_OBJECT

private:
    // Sends a signed request to `cloud` (signed at the anchor plus the time the test has run).
    std::optional<HttpResponse> call(demo::DemoCloud &cloud, CloudWatchProtocol protocol,
                                     const QString &action, const QByteArray &body) {
        HttpRequest request = cloudWatchRequest(protocol, cloud.endpoint(), action, body);
        signRequest(request, demo::DemoCloud::credentials(), kAnchor.addMSecs(m_sinceStart.elapsed()));
        return sendAndWait(m_http, request);
    }

    Sender sender(demo::DemoCloud &cloud) {
        return [this, &cloud](CloudWatchProtocol protocol, const QString &action, const QByteArray &body) {
            return call(cloud, protocol, action, body);
        };
    }

    QMap<QString, TestSeries> fetchAll(demo::DemoCloud &cloud, CloudWatchProtocol protocol,
                                       const QList<TestQuery> &queries, const QDateTime &start,
                                       const QDateTime &end, const GmdOptions &options = {},
                                       int *pages = nullptr) {
        return fetchAllPages(sender(cloud), protocol, queries, start, end, options, pages);
    }

    QList<MetricDescriptor> listAll(demo::DemoCloud &cloud, CloudWatchProtocol protocol, const QString &ns,
                                    QList<int> *pageSizes = nullptr) {
        return listAllPages(sender(cloud), protocol, ns, pageSizes);
    }

    // The dimensions of the story's resource of a kind, found the way discovery finds them.
    QList<Dimension> resource(const QString &kind) {
        const auto latestHost = [this](const QString &ns) {
            QString latest;
            for (const MetricDescriptor &m : listAll(*m_cloud, CloudWatchProtocol::Json, ns))
                latest = std::max(latest, m.dimensionValue(QStringLiteral("Host")));
            return QList<Dimension>{{QStringLiteral("Host"), latest}};
        };
        if (kind == QLatin1String("training"))
            return latestHost(QStringLiteral("/aws/sagemaker/TrainingJobs"));
        if (kind == QLatin1String("processing"))
            return latestHost(QStringLiteral("/aws/sagemaker/ProcessingJobs"));
        if (kind == QLatin1String("endpoint"))
            return {{QStringLiteral("EndpointName"), QStringLiteral("churn-model-prod")},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
        if (kind == QLatin1String("athena"))
            return {{QStringLiteral("QueryState"), QStringLiteral("SUCCEEDED")},
                    {QStringLiteral("QueryType"), QStringLiteral("DML")},
                    {QStringLiteral("WorkGroup"), QStringLiteral("ml-evaluation")}};
        if (kind == QLatin1String("bucket"))
            return {{QStringLiteral("BucketName"), QStringLiteral("churn-ml-datasets")},
                    {QStringLiteral("StorageType"), QStringLiteral("StandardStorage")}};
        if (kind == QLatin1String("monitor"))
            return {{QStringLiteral("Endpoint"), QStringLiteral("churn-model-prod")},
                    {QStringLiteral("MonitoringSchedule"), QStringLiteral("churn-model-prod-data-quality")}};
        return {};
    }

    HttpClient m_http;
    std::unique_ptr<demo::DemoCloud> m_cloud;
    QElapsedTimer m_sinceStart;

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<demo::DemoCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        QVERIFY(m_cloud->endpoint().toString().startsWith(QLatin1String("http://127.0.0.1:")));
        m_sinceStart.start();
    }

    // The story's shape, measured through the wire in both protocols.
    void storyShape_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("resourceKind");
        QTest::addColumn<QString>("stat");
        QTest::addColumn<int>("period");
        QTest::addColumn<double>("fromHoursBack");
        QTest::addColumn<double>("toHoursBack");
        QTest::addColumn<QString>("measure"); // mean | max | min
        QTest::addColumn<double>("low");      // measured value must lie in [low, high]
        QTest::addColumn<double>("high");

        const double kTrainingVcpus = demo::kDemoTrainingInstance.vcpus;
        const double kEndpointVcpus = demo::kDemoEndpointInstance.vcpus;
        const QString training = QStringLiteral("/aws/sagemaker/TrainingJobs");
        const QString processing = QStringLiteral("/aws/sagemaker/ProcessingJobs");
        const QString endpoints = QStringLiteral("/aws/sagemaker/Endpoints");
        const QString sagemaker = QStringLiteral("AWS/SageMaker");
        const QString mean = QStringLiteral("mean");
        const QString max = QStringLiteral("max");
        const QString min = QStringLiteral("min");
        for (CloudWatchProtocol p : {CloudWatchProtocol::Json, CloudWatchProtocol::Query}) {
            const auto row = [&p](const char *name) -> QTestData & {
                return QTest::addRow("%s (%s)", name, qPrintable(protocolName(p)));
            };
            row("training GPU starved below 40 % over the last 24 h")
                << p << training << QStringLiteral("GPUUtilization") << QStringLiteral("training")
                << QStringLiteral("Average") << 60 << 24.0 << 0.0 << mean << 10.0 << 40.0;
            // CPUUtilization is summed over the instance's vCPUs, as SageMaker publishes it.
            row("training CPU pegged above 85 % per vCPU (x 8 vCPUs) over the last 24 h")
                << p << training << QStringLiteral("CPUUtilization") << QStringLiteral("training")
                << QStringLiteral("Average") << 60 << 24.0 << 0.0 << mean << 85.0 * kTrainingVcpus
                << 100.0 * kTrainingVcpus;
            row("training job still running in the last hour")
                << p << training << QStringLiteral("CPUUtilization") << QStringLiteral("training")
                << QStringLiteral("SampleCount") << 3600 << 1.0 << 0.0 << max << 60.0 << 60.0;
            row("processing memory climbs past 90 %")
                << p << processing << QStringLiteral("MemoryUtilization") << QStringLiteral("processing")
                << QStringLiteral("Maximum") << 60 << 24.0 << 0.0 << max << 90.0 << 100.0;
            row("processing memory starts low")
                << p << processing << QStringLiteral("MemoryUtilization") << QStringLiteral("processing")
                << QStringLiteral("Minimum") << 60 << 24.0 << 0.0 << min << 30.0 << 45.0;
            row("model latency above one second (microseconds) in the last 24 h")
                << p << sagemaker << QStringLiteral("ModelLatency") << QStringLiteral("endpoint")
                << QStringLiteral("Average") << 60 << 24.0 << 0.0 << max << 1.0e6 << 2.0e6;
            row("model latency spike some days back")
                << p << sagemaker << QStringLiteral("ModelLatency") << QStringLiteral("endpoint")
                << QStringLiteral("Maximum") << 300 << 100.0 << 94.0 << max << 1.0e6 << 1.0e7;
            row("model latency normally tens of milliseconds")
                << p << sagemaker << QStringLiteral("ModelLatency") << QStringLiteral("endpoint")
                << QStringLiteral("Average") << 60 << 48.0 << 24.0 << mean << 20000.0 << 100000.0;
            row("5XX errors burst during the spike")
                << p << sagemaker << QStringLiteral("Invocation5XXErrors") << QStringLiteral("endpoint")
                << QStringLiteral("Sum") << 60 << 24.0 << 0.0 << max << 4.0 << 100.0;
            row("invocations flow every minute")
                << p << sagemaker << QStringLiteral("Invocations") << QStringLiteral("endpoint")
                << QStringLiteral("Sum") << 60 << 24.0 << 0.0 << mean << 50.0 << 400.0;
            row("endpoint over-provisioned for days (x 4 vCPUs)")
                << p << endpoints << QStringLiteral("CPUUtilization") << QStringLiteral("endpoint")
                << QStringLiteral("Average") << 300 << 11.0 * 24 << 8.0 * 24 << mean << 0.0
                << 5.0 * kEndpointVcpus;
            row("endpoint busy in the last day (x 4 vCPUs)")
                << p << endpoints << QStringLiteral("CPUUtilization") << QStringLiteral("endpoint")
                << QStringLiteral("Average") << 300 << 24.0 << 0.0 << mean << 15.0 * kEndpointVcpus
                << 60.0 * kEndpointVcpus;
            row("athena evaluation queries fast a month ago")
                << p << QStringLiteral("AWS/Athena") << QStringLiteral("TotalExecutionTime")
                << QStringLiteral("athena") << QStringLiteral("Average") << 3600 << 29.0 * 24 << 27.0 * 24
                << mean << 10000.0 << 30000.0;
            row("athena evaluation queries slow now")
                << p << QStringLiteral("AWS/Athena") << QStringLiteral("TotalExecutionTime")
                << QStringLiteral("athena") << QStringLiteral("Average") << 3600 << 48.0 << 0.0 << mean
                << 55000.0 << 95000.0;
            row("drift of tenure_months rises above 0.3")
                << p << QStringLiteral("aws/sagemaker/Endpoints/data-metrics")
                << QStringLiteral("feature_baseline_drift_tenure_months") << QStringLiteral("monitor")
                << QStringLiteral("Average") << 3600 << 24.0 << 0.0 << mean << 0.3 << 0.6;
        }
    }

    void storyShape() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, ns);
        QFETCH(QString, metric);
        QFETCH(QString, resourceKind);
        QFETCH(QString, stat);
        QFETCH(int, period);
        QFETCH(double, fromHoursBack);
        QFETCH(double, toHoursBack);
        QFETCH(QString, measure);
        QFETCH(double, low);
        QFETCH(double, high);

        const TestQuery q{QStringLiteral("m0"), ns, metric, resource(resourceKind), stat, period};
        const QMap<QString, TestSeries> all =
            fetchAll(*m_cloud, protocol, {q}, hoursBefore(fromHoursBack), hoursBefore(toHoursBack));
        QVERIFY(all.contains(QStringLiteral("m0")));
        const QVector<double> values = all.value(QStringLiteral("m0")).values;
        QVERIFY2(!values.isEmpty(), "no datapoints");
        const double measured = measure == QLatin1String("mean") ? mean(values)
                                : measure == QLatin1String("max")
                                    ? maximum(values)
                                    : *std::min_element(values.begin(), values.end());
        qInfo("%s %s %s over %d points: %.4g", qPrintable(metric), qPrintable(stat), qPrintable(measure),
              int(values.size()), measured);
        QVERIFY2(
            measured >= low && measured <= high,
            qPrintable(QStringLiteral("measured %1, expected in [%2, %3]").arg(measured).arg(low).arg(high)));
    }

    void sameAnchorGivesIdenticalBytes_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::newRow("json") << CloudWatchProtocol::Json;
        QTest::newRow("query") << CloudWatchProtocol::Query;
    }

    void sameAnchorGivesIdenticalBytes() {
        QFETCH(CloudWatchProtocol, protocol);
        demo::DemoCloud a;
        demo::DemoCloud b;
        QVERIFY(a.start(kAnchor));
        QVERIFY(b.start(kAnchor));
        const QList<TestQuery> queries{{QStringLiteral("lat"), QStringLiteral("AWS/SageMaker"),
                                        QStringLiteral("ModelLatency"), resource(QStringLiteral("endpoint")),
                                        QStringLiteral("Maximum"), 300},
                                       {QStringLiteral("gpu"), QStringLiteral("/aws/sagemaker/TrainingJobs"),
                                        QStringLiteral("GPUUtilization"),
                                        resource(QStringLiteral("training")), QStringLiteral("Average"), 60}};
        const QByteArray body = getMetricDataBody(protocol, queries, hoursBefore(72), kAnchor);
        const std::optional<HttpResponse> ra = call(a, protocol, QStringLiteral("GetMetricData"), body);
        const std::optional<HttpResponse> rb = call(b, protocol, QStringLiteral("GetMetricData"), body);
        QVERIFY(ra && rb);
        QCOMPARE(ra->status, 200);
        QVERIFY(ra->body.size() > 1000);
        QCOMPARE(ra->body, rb->body);

        const QByteArray list = listMetricsBody(protocol, QString());
        const std::optional<HttpResponse> la = call(a, protocol, QStringLiteral("ListMetrics"), list);
        const std::optional<HttpResponse> lb = call(b, protocol, QStringLiteral("ListMetrics"), list);
        QVERIFY(la && lb);
        QCOMPARE(la->body, lb->body);
    }

    // Between processing jobs there is no data: the gaps stay gaps, not zeros.
    void gapsStayGaps() {
        const QList<MetricDescriptor> hosts =
            listAll(*m_cloud, CloudWatchProtocol::Json, QStringLiteral("/aws/sagemaker/ProcessingJobs"));
        QSet<QString> jobHosts;
        for (const MetricDescriptor &m : hosts)
            jobHosts.insert(m.dimensionValue(QStringLiteral("Host")));
        QCOMPARE(jobHosts.size(), 7);

        const TestQuery q{QStringLiteral("mem"),
                          QStringLiteral("/aws/sagemaker/ProcessingJobs"),
                          QStringLiteral("MemoryUtilization"),
                          resource(QStringLiteral("processing")),
                          QStringLiteral("Average"),
                          60};
        const TestSeries s = fetchAll(*m_cloud, CloudWatchProtocol::Json, {q}, hoursBefore(24), kAnchor,
                                      GmdOptions{QStringLiteral("TimestampAscending"), 0, {}})
                                 .value(QStringLiteral("mem"));
        QCOMPARE(s.values.size(), 4 * 60); // a four-hour job, one point a minute, nothing else
        QCOMPARE(s.timestampsMs.last() - s.timestampsMs.first(), qint64(4 * 60 - 1) * 60000);
        QVERIFY(std::all_of(s.values.begin(), s.values.end(), [](double v) { return v > 0; }));

        // Athena publishes only when a query runs: some minutes are missing.
        const TestQuery athena{QStringLiteral("q"),
                               QStringLiteral("AWS/Athena"),
                               QStringLiteral("TotalExecutionTime"),
                               resource(QStringLiteral("athena")),
                               QStringLiteral("Average"),
                               60};
        const TestSeries a = fetchAll(*m_cloud, CloudWatchProtocol::Query, {athena}, hoursBefore(6), kAnchor,
                                      GmdOptions{QStringLiteral("TimestampAscending"), 0, {}})
                                 .value(QStringLiteral("q"));
        QVERIFY(a.values.size() > 10 && a.values.size() < 6 * 30);

        // S3 storage metrics: one value a day, at 00:00 UTC.
        const TestQuery bucket{QStringLiteral("b"),
                               QStringLiteral("AWS/S3"),
                               QStringLiteral("BucketSizeBytes"),
                               resource(QStringLiteral("bucket")),
                               QStringLiteral("Average"),
                               3600};
        const TestSeries b = fetchAll(*m_cloud, CloudWatchProtocol::Json, {bucket}, hoursBefore(72), kAnchor,
                                      GmdOptions{QStringLiteral("TimestampAscending"), 0, {}})
                                 .value(QStringLiteral("b"));
        QCOMPARE(b.values.size(), 3);
        for (qint64 t : b.timestampsMs)
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()).time(), QTime(0, 0));
        QVERIFY(b.values.at(0) < b.values.at(1) && b.values.at(1) < b.values.at(2));
        qInfo("bucket size today: %.1f GiB", b.values.last() / (1024.0 * 1024 * 1024));

        // History begins 30 days before the anchor, however far back a query starts.
        const TestQuery daily{QStringLiteral("d"),
                              QStringLiteral("AWS/S3"),
                              QStringLiteral("BucketSizeBytes"),
                              resource(QStringLiteral("bucket")),
                              QStringLiteral("Average"),
                              86400};
        QCOMPARE(fetchAll(*m_cloud, CloudWatchProtocol::Query, {daily}, hoursBefore(400 * 24), kAnchor)
                     .value(QStringLiteral("d"))
                     .values.size(),
                 30);
    }

    void exactDimensionsOnly() {
        const TestQuery partial{QStringLiteral("m0"),
                                QStringLiteral("AWS/SageMaker"),
                                QStringLiteral("Invocations"),
                                {{QStringLiteral("EndpointName"), QStringLiteral("churn-model-prod")}},
                                QStringLiteral("Sum"),
                                60};
        const QMap<QString, TestSeries> all =
            fetchAll(*m_cloud, CloudWatchProtocol::Query, {partial}, hoursBefore(1), kAnchor);
        QVERIFY(all.contains(QStringLiteral("m0")));
        QVERIFY(all.value(QStringLiteral("m0")).values.isEmpty());
        QCOMPARE(all.value(QStringLiteral("m0")).statusCodes, QStringList{QStringLiteral("Complete")});
    }

    void pagingConcatenatesToTheWhole_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<int>("serverCap");
        QTest::addColumn<qint64>("maxDatapoints");
        QTest::newRow("server cap, json") << CloudWatchProtocol::Json << 250 << qint64(0);
        QTest::newRow("server cap, query") << CloudWatchProtocol::Query << 250 << qint64(0);
        QTest::newRow("MaxDatapoints below the cap") << CloudWatchProtocol::Json << 100800 << qint64(300);
    }

    void pagingConcatenatesToTheWhole() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(int, serverCap);
        QFETCH(qint64, maxDatapoints);
        const QList<Dimension> host = resource(QStringLiteral("training"));
        const QList<TestQuery> queries{
            {QStringLiteral("cpu"), QStringLiteral("/aws/sagemaker/TrainingJobs"),
             QStringLiteral("CPUUtilization"), host, QStringLiteral("Average"), 60},
            {QStringLiteral("gpu"), QStringLiteral("/aws/sagemaker/TrainingJobs"),
             QStringLiteral("GPUUtilization"), host, QStringLiteral("Average"), 60}};

        int wholePages = 0;
        const QMap<QString, TestSeries> whole =
            fetchAll(*m_cloud, protocol, queries, hoursBefore(6), kAnchor, {}, &wholePages);
        QCOMPARE(wholePages, 1);
        QCOMPARE(whole.value(QStringLiteral("cpu")).values.size(), 360);

        demo::DemoCloud capped;
        QVERIFY(capped.start(kAnchor));
        capped.setMaxDatapointsPerPage(serverCap);
        int pages = 0;
        const QMap<QString, TestSeries> paged = fetchAll(capped, protocol, queries, hoursBefore(6), kAnchor,
                                                         GmdOptions{{}, maxDatapoints, {}}, &pages);
        const int pageSize = maxDatapoints > 0 ? int(maxDatapoints) : serverCap;
        QCOMPARE(pages, (720 + pageSize - 1) / pageSize);
        for (const QString &id : {QStringLiteral("cpu"), QStringLiteral("gpu")}) {
            QCOMPARE(paged.value(id).timestampsMs, whole.value(id).timestampsMs);
            QCOMPARE(paged.value(id).values, whole.value(id).values);
            QVERIFY(paged.value(id).statusCodes.contains(QStringLiteral("PartialData")));
            QCOMPARE(paged.value(id).statusCodes.last(), QStringLiteral("Complete"));
        }
    }

    void foreignNextTokenIsRejected() {
        const TestQuery q{QStringLiteral("m0"),          QStringLiteral("AWS/SageMaker"),
                          QStringLiteral("Invocations"), resource(QStringLiteral("endpoint")),
                          QStringLiteral("Sum"),         60};
        const QByteArray list = listMetricsBody(CloudWatchProtocol::Json, QString());
        const std::optional<HttpResponse> first =
            call(*m_cloud, CloudWatchProtocol::Json, QStringLiteral("ListMetrics"), list);
        QVERIFY(first);
        const QString listToken = parseListMetrics(CloudWatchProtocol::Json, first->body).nextToken;
        QVERIFY(!listToken.isEmpty());
        const std::optional<HttpResponse> r =
            call(*m_cloud, CloudWatchProtocol::Json, QStringLiteral("GetMetricData"),
                 getMetricDataBody(CloudWatchProtocol::Json, {q}, hoursBefore(1), kAnchor,
                                   GmdOptions{{}, 0, listToken}));
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QCOMPARE(parseError(CloudWatchProtocol::Json, *r).code, QStringLiteral("InvalidNextToken"));
    }

    void scanBy_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("scanBy");
        QTest::addColumn<bool>("ascending");
        QTest::newRow("default is newest first (json)") << CloudWatchProtocol::Json << QString() << false;
        QTest::newRow("default is newest first (query)") << CloudWatchProtocol::Query << QString() << false;
        QTest::newRow("TimestampAscending")
            << CloudWatchProtocol::Query << QStringLiteral("TimestampAscending") << true;
        QTest::newRow("TimestampDescending")
            << CloudWatchProtocol::Json << QStringLiteral("TimestampDescending") << false;
    }

    void scanBy() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, scanBy);
        QFETCH(bool, ascending);
        const TestQuery q{QStringLiteral("m0"),
                          QStringLiteral("/aws/sagemaker/Endpoints"),
                          QStringLiteral("CPUUtilization"),
                          resource(QStringLiteral("endpoint")),
                          QStringLiteral("Average"),
                          60};
        const QVector<qint64> t =
            fetchAll(*m_cloud, protocol, {q}, hoursBefore(2), kAnchor, GmdOptions{scanBy, 0, {}})
                .value(QStringLiteral("m0"))
                .timestampsMs;
        QCOMPARE(t.size(), 120);
        QCOMPARE(std::is_sorted(t.begin(), t.end()), ascending);
        QCOMPARE(std::is_sorted(t.rbegin(), t.rend()), !ascending);
        QCOMPARE(ascending ? t.first() : t.last(), hoursBefore(2).toMSecsSinceEpoch());
    }

    void listMetricsPages_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::newRow("json") << CloudWatchProtocol::Json;
        QTest::newRow("query") << CloudWatchProtocol::Query;
    }

    void listMetricsPages() {
        QFETCH(CloudWatchProtocol, protocol);
        QList<int> pageSizes;
        const QList<MetricDescriptor> all = listAll(*m_cloud, protocol, QString(), &pageSizes);
        QVERIFY(all.size() > 500);
        QCOMPARE(pageSizes.size(), int((all.size() + 499) / 500));
        QCOMPARE(pageSizes.first(), 500);
        QSet<QString> keys;
        QSet<QString> namespaces;
        for (const MetricDescriptor &m : all) {
            QStringList dims;
            for (const Dimension &d : m.dimensions)
                dims.append(d.name + QLatin1Char('=') + d.value);
            keys.insert(m.namespaceName + QLatin1Char('|') + m.metricName + QLatin1Char('|') +
                        dims.join(u','));
            namespaces.insert(m.namespaceName);
        }
        QCOMPARE(keys.size(), all.size()); // no metric twice across pages
        for (const char *ns :
             {"/aws/sagemaker/ProcessingJobs", "/aws/sagemaker/TrainingJobs", "AWS/Athena", "AWS/S3",
              "/aws/sagemaker/Endpoints", "AWS/SageMaker", "aws/sagemaker/Endpoints/data-metrics"})
            QVERIFY2(namespaces.contains(QLatin1String(ns)), ns);

        QList<int> filteredPages;
        const QList<MetricDescriptor> sagemaker =
            listAll(*m_cloud, protocol, QStringLiteral("AWS/SageMaker"), &filteredPages);
        QCOMPARE(filteredPages, QList<int>{5});
        QVERIFY(std::all_of(sagemaker.begin(), sagemaker.end(), [](const MetricDescriptor &m) {
            return m.namespaceName == QLatin1String("AWS/SageMaker") && m.dimensions.size() == 2;
        }));
        qInfo("ListMetrics: %d metrics in %d pages", int(all.size()), int(pageSizes.size()));
    }

    void authenticationErrors_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("code");
        for (CloudWatchProtocol p : {CloudWatchProtocol::Json, CloudWatchProtocol::Query}) {
            QTest::addRow("wrong access key (%s)", qPrintable(protocolName(p)))
                << p << QStringLiteral("key") << QStringLiteral("InvalidClientTokenId");
            QTest::addRow("wrong secret (%s)", qPrintable(protocolName(p)))
                << p << QStringLiteral("secret") << QStringLiteral("SignatureDoesNotMatch");
            QTest::addRow("body changed after signing (%s)", qPrintable(protocolName(p)))
                << p << QStringLiteral("body") << QStringLiteral("SignatureDoesNotMatch");
            QTest::addRow("unsigned (%s)", qPrintable(protocolName(p)))
                << p << QStringLiteral("unsigned") << QStringLiteral("MissingAuthenticationToken");
        }
    }

    void authenticationErrors() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(QString, tamper);
        QFETCH(QString, code);
        aws::AwsCredentials credentials = demo::DemoCloud::credentials();
        if (tamper == QLatin1String("key"))
            credentials.accessKeyId = QStringLiteral("AKIAWRONGWRONGWRONG0");
        if (tamper == QLatin1String("secret"))
            credentials.secretAccessKey = QStringLiteral("wrong-secret-wrong-secret-wrong-secret00");
        HttpRequest request = cloudWatchRequest(protocol, m_cloud->endpoint(), QStringLiteral("ListMetrics"),
                                                listMetricsBody(protocol, QStringLiteral("AWS/SageMaker")));
        if (tamper != QLatin1String("unsigned"))
            signRequest(request, credentials, kAnchor.addMSecs(m_sinceStart.elapsed()));
        if (tamper == QLatin1String("body"))
            request.body.replace("SageMaker", "Sagemaker");
        const std::optional<HttpResponse> r = sendAndWait(m_http, request);
        QVERIFY(r);
        QCOMPARE(r->status, 403);
        const ErrorInfo error = parseError(protocol, *r);
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
        if (protocol == CloudWatchProtocol::Json) {
            QVERIFY(error.jsonType.endsWith(QLatin1Char('#') + code));
            QCOMPARE(r->header("x-amzn-query-error"), code.toLatin1() + ";Sender");
        }
        // The answer never carries the secret or the signature it rejected.
        QVERIFY(!r->body.contains(credentials.secretAccessKey.toUtf8()));
    }

    void signatureOutsideTheClockWindow_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("server 10 min ahead: expired (query)")
            << CloudWatchProtocol::Query << qint64(600)
            << QStringLiteral("Signature expired: 20261120T120000Z is now earlier than 20261120T1205");
        QTest::newRow("server 10 min ahead: expired (json)")
            << CloudWatchProtocol::Json << qint64(600)
            << QStringLiteral("Signature expired: 20261120T120000Z is now earlier than 20261120T1205");
        QTest::newRow("server 10 min behind: not yet current")
            << CloudWatchProtocol::Query << qint64(-600)
            << QStringLiteral(
                   "Signature not yet current: 20261120T120000Z is still later than 20261120T1155");
    }

    void signatureOutsideTheClockWindow() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(qint64, offset);
        QFETCH(QString, expected);
        demo::DemoCloud skewed;
        QVERIFY(skewed.start(kAnchor));
        skewed.setClockOffsetSeconds(offset);
        const QByteArray body = listMetricsBody(protocol, QStringLiteral("AWS/SageMaker"));

        HttpRequest request =
            cloudWatchRequest(protocol, skewed.endpoint(), QStringLiteral("ListMetrics"), body);
        signRequest(request, demo::DemoCloud::credentials(), kAnchor);
        const std::optional<HttpResponse> rejected = sendAndWait(m_http, request);
        QVERIFY(rejected);
        QCOMPARE(rejected->status, 403);
        const ErrorInfo error = parseError(protocol, *rejected);
        QCOMPARE(error.code, QStringLiteral("SignatureDoesNotMatch"));
        QVERIFY2(error.message.startsWith(expected), qPrintable(error.message));
        QVERIFY(
            error.message.endsWith(offset > 0 ? QLatin1String(" - 5 min.)") : QLatin1String(" + 5 min.)")));

        // The Date header tells the server's time; signing with it is accepted.
        const QDateTime serverTime = parseHttpDate(rejected->header("Date"));
        QVERIFY(serverTime.isValid());
        QVERIFY(serverTime >= kAnchor.addSecs(offset));
        QVERIFY(serverTime < kAnchor.addSecs(offset + 120));
        HttpRequest corrected =
            cloudWatchRequest(protocol, skewed.endpoint(), QStringLiteral("ListMetrics"), body);
        signRequest(corrected, demo::DemoCloud::credentials(), serverTime);
        const std::optional<HttpResponse> accepted = sendAndWait(m_http, corrected);
        QVERIFY(accepted);
        QCOMPARE(accepted->status, 200);
    }

    void faultOnceThenSuccess_data() {
        QTest::addColumn<CloudWatchProtocol>("protocol");
        QTest::addColumn<demo::DemoFault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        for (CloudWatchProtocol p : {CloudWatchProtocol::Json, CloudWatchProtocol::Query}) {
            QTest::addRow("throttle is HTTP 400 Throttling (%s)", qPrintable(protocolName(p)))
                << p << demo::DemoFault::Throttle << 400 << QStringLiteral("Throttling");
            QTest::addRow("server error is HTTP 500 (%s)", qPrintable(protocolName(p)))
                << p << demo::DemoFault::ServerError << 500 << QStringLiteral("InternalServiceError");
            QTest::addRow("garbage is a 200 that is not CloudWatch's (%s)", qPrintable(protocolName(p)))
                << p << demo::DemoFault::Garbage << 200 << QString();
        }
    }

    void faultOnceThenSuccess() {
        QFETCH(CloudWatchProtocol, protocol);
        QFETCH(demo::DemoFault, fault);
        QFETCH(int, status);
        QFETCH(QString, code);
        demo::DemoCloud cloud;
        QVERIFY(cloud.start(kAnchor));
        cloud.injectFaults(fault, 1);
        const TestQuery q{QStringLiteral("m0"),          QStringLiteral("AWS/SageMaker"),
                          QStringLiteral("Invocations"), resource(QStringLiteral("endpoint")),
                          QStringLiteral("Sum"),         60};
        const QByteArray body = getMetricDataBody(protocol, {q}, hoursBefore(1), kAnchor);

        const std::optional<HttpResponse> failed =
            call(cloud, protocol, QStringLiteral("GetMetricData"), body);
        QVERIFY(failed);
        QCOMPARE(failed->status, status);
        if (code.isEmpty())
            QVERIFY(!parseGetMetricData(protocol, failed->body).readable);
        else
            QCOMPARE(parseError(protocol, *failed).code, code);

        const std::optional<HttpResponse> ok = call(cloud, protocol, QStringLiteral("GetMetricData"), body);
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        const GmdPage page = parseGetMetricData(protocol, ok->body);
        QVERIFY(page.readable);
        QCOMPARE(page.results.value(QStringLiteral("m0")).values.size(), 60);
        QCOMPARE(cloud.requestCount(), quint64(2));
        QCOMPARE(cloud.receivedCalls(),
                 (QStringList{QStringLiteral("GetMetricData"), QStringLiteral("GetMetricData")}));
    }

    void dateHeaderOnEveryAnswer_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("success") << QStringLiteral("success");
        QTest::newRow("authentication error") << QStringLiteral("unsigned");
        QTest::newRow("injected fault") << QStringLiteral("fault");
        QTest::newRow("unknown operation") << QStringLiteral("unknown");
        QTest::newRow("path other than /") << QStringLiteral("path");
    }

    void dateHeaderOnEveryAnswer() {
        QFETCH(QString, kind);
        demo::DemoCloud cloud;
        QVERIFY(cloud.start(kAnchor));
        cloud.setClockOffsetSeconds(90);
        if (kind == QLatin1String("fault"))
            cloud.injectFaults(demo::DemoFault::ServerError, 1);
        const QString action =
            kind == QLatin1String("unknown") ? QStringLiteral("DeleteAlarms") : QStringLiteral("ListMetrics");
        HttpRequest request =
            cloudWatchRequest(CloudWatchProtocol::Query, cloud.endpoint(), action,
                              listMetricsBody(CloudWatchProtocol::Query, QStringLiteral("AWS/S3")));
        if (kind == QLatin1String("unknown"))
            request.body.replace("Action=ListMetrics", "Action=DeleteAlarms");
        if (kind == QLatin1String("path"))
            request.url.setPath(QStringLiteral("/v2/metrics"));
        if (kind != QLatin1String("unsigned"))
            signRequest(request, demo::DemoCloud::credentials(), kAnchor.addMSecs(m_sinceStart.elapsed()));
        const std::optional<HttpResponse> r = sendAndWait(m_http, request);
        QVERIFY(r);
        QCOMPARE(r->header("Date").isEmpty(), false);
        const QDateTime serverTime = parseHttpDate(r->header("Date"));
        QVERIFY2(serverTime.isValid(), r->header("Date").constData());
        QVERIFY(serverTime >= kAnchor.addSecs(90) && serverTime < kAnchor.addSecs(90 + 120));
        QVERIFY(!r->header("x-amzn-RequestId").isEmpty());
        QCOMPARE(r->status, kind == QLatin1String("success")    ? 200
                            : kind == QLatin1String("unsigned") ? 403
                            : kind == QLatin1String("fault")    ? 500
                            : kind == QLatin1String("path")     ? 404
                                                                : 400);
    }
};

QTEST_GUILESS_MAIN(TstDemoCloud)
#include "tst_demo_cloud.moc"
