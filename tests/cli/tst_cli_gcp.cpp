// `mlwatch-cli query gcp` end to end: the real binary in a QProcess, against the built-in
// simulated Google Cloud (--demo, anchor pinned with MLWATCH_DEMO_NOW) or against a
// DemoGoogleCloud served from this test process on loopback (--endpoint-url, credentials from the
// file GOOGLE_APPLICATION_CREDENTIALS names or from a stored account whose key file is in the
// real Secret Service of this test's keyring session). Pins: the output contract of `query aws`
// (CSV and JSON, ISO 8601 UTC, series names), values equal to the demo's own data (a percentile
// aligner, a summed rate, a distribution's mean without an aligner), --group-by splits into
// named series, a key file's token_uri held to the EndpointPolicy before any connection, 429s
// retried, the exit statuses with exactly one stderr line, and that no key reaches any output.
#include "cli_runner.h"
#include "core/common/error.h"
#include "demo/demo_gcp_catalog.h"
#include "demo/demo_gcp_cloud.h"
#include "demo/demo_gcp_story.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

const QDateTime kDemoAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kProject = QStringLiteral("mlwatch-demo-gcp");
const QString kLatencies = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_latencies");
const QString kCount = QStringLiteral("aiplatform.googleapis.com/prediction/online/prediction_count");
const QString kResponses = QStringLiteral("aiplatform.googleapis.com/prediction/online/response_count");

enum class Oracle { Percentile99, RateSum, Mean };

// The churn-scoring endpoint's id in the demo's world.
QString churnEndpointId(const demo::DemoGcpWorld &world) {
    for (const demo::DemoGcpSeries &s : world.series)
        if (s.metricLabels.value(QStringLiteral("endpoint_display_name")) == QLatin1String("churn-scoring"))
            return s.resourceLabels.value(QStringLiteral("endpoint_id"));
    return QString();
}

// The series of `type` of churn-scoring (latency_type "total" for the latencies) that hold minute `m`.
QList<const demo::DemoGcpSeries *> churnSeries(const demo::DemoGcpWorld &world, const QString &type,
                                               qint64 m) {
    QList<const demo::DemoGcpSeries *> out;
    const QString endpoint = churnEndpointId(world);
    for (const demo::DemoGcpSeries &s : world.series) {
        if (s.metric->type != type || s.resourceLabels.value(QStringLiteral("endpoint_id")) != endpoint ||
            m < s.from || m >= s.to)
            continue;
        if (type == kLatencies &&
            s.metricLabels.value(QStringLiteral("latency_type")) != QLatin1String("total"))
            continue;
        out.append(&s);
    }
    return out;
}

// What Cloud Monitoring answers for the point stamped `endMs`, computed from the demo's story: a
// DELTA point of minute m ends at m+1; an aligned period ending at T holds the minutes ending in
// (T - period, T].
double expectedValue(const demo::DemoGcpWorld &world, Oracle oracle, qint64 endMs, int periodSeconds) {
    const qint64 lastMinute = endMs / 60'000 - 1;
    switch (oracle) {
    case Oracle::Mean: {
        const QList<const demo::DemoGcpSeries *> series = churnSeries(world, kLatencies, lastMinute);
        if (series.size() != 1)
            return qQNaN();
        const std::optional<demo::DemoGcpSample> s = series.first()->sample(lastMinute);
        return s ? s->distribution.mean : qQNaN();
    }
    case Oracle::RateSum: {
        double sum = 0;
        for (const demo::DemoGcpSeries *s : churnSeries(world, kCount, lastMinute))
            if (const std::optional<demo::DemoGcpSample> v = s->sample(lastMinute))
                sum += v->value;
        return sum / 60.0;
    }
    case Oracle::Percentile99: {
        const demo::DemoGcpBuckets buckets = demo::DemoGcpCatalog::find(kLatencies)->buckets;
        demo::DemoGcpDistribution merged;
        for (qint64 m = lastMinute - periodSeconds / 60 + 1; m <= lastMinute; ++m)
            for (const demo::DemoGcpSeries *s : churnSeries(world, kLatencies, m))
                if (const std::optional<demo::DemoGcpSample> v = s->sample(m))
                    merged.merge(v->distribution);
        return merged.percentile(buckets, 99);
    }
    }
    return qQNaN();
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

} // namespace

class TestCliGcp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void helpDocumentsQueryGcp();

    void demoCsvMatchesTheDemoData_data();
    void demoCsvMatchesTheDemoData();
    void demoJsonHasTheDocumentedShapeAndTheCsvValues();
    void demoGroupBySplitsIntoNamedSeries();
    void demoRawFilterReachesGoogle_data();
    void demoRawFilterReachesGoogle();
    void invalidFilterShowsGooglesMessage_data();
    void invalidFilterShowsGooglesMessage();

    void credentialsFileFromTheEnvironment_data();
    void credentialsFileFromTheEnvironment();
    void foreignTokenUriIsRefusedBeforeAnyConnection_data();
    void foreignTokenUriIsRefusedBeforeAnyConnection();
    void throttledOnceIsRetriedAndSucceeds();
    void noCredentialsExitsThree_data();
    void noCredentialsExitsThree();

    void storedAccountQueriesWithTheKeychainKey();
    void storedAwsAccountIsRefused();

    void badArgumentExitsTwoWithOneLine_data();
    void badArgumentExitsTwoWithOneLine();

private:
    QProcessEnvironment baseEnv() const;
    QProcessEnvironment demoEnv() const;
    QString writeFile(const QString &name, const QByteArray &content) const;
    QStringList endpointQuery() const; // p99 of churn-scoring against m_cloud
    void expectNoSecret(const CliRun &run) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<demo::DemoGoogleCloud> m_cloud;
    QDateTime m_anchor; // the in-process cloud's
    QString m_service;
};

void TestCliGcp::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through ctest: the test needs the private keyring session of with-keyring.sh");
}

void TestCliGcp::init() {
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_service = QStringLiteral("MLWatchCliGcpTest-%1-%2")
                    .arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(QRandomGenerator::global()->generate());
    m_cloud = std::make_unique<demo::DemoGoogleCloud>();
    m_anchor = QDateTime::currentDateTimeUtc();
    QVERIFY(m_cloud->start(m_anchor));
}

QProcessEnvironment TestCliGcp::baseEnv() const {
    // Nothing from the developer's or CI's environment (no gcloud ADC) but the keyring's bus.
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin")); // output must stay UTC
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("MLWATCH_KEYCHAIN_SERVICE"), m_service);
    return env;
}

QProcessEnvironment TestCliGcp::demoEnv() const {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    return env;
}

QString TestCliGcp::writeFile(const QString &name, const QByteArray &content) const {
    const QString path = m_home->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

QStringList TestCliGcp::endpointQuery() const {
    const QDateTime hour = floorHour(m_anchor);
    return {QStringLiteral("query"),
            QStringLiteral("gcp"),
            QStringLiteral("--endpoint-url"),
            m_cloud->monitoringEndpoint().toString(),
            QStringLiteral("--project"),
            kProject,
            QStringLiteral("--metric-type"),
            kLatencies,
            QStringLiteral("--filter"),
            QStringLiteral("metric.labels.latency_type = \"total\" AND "
                           "metric.labels.endpoint_display_name = \"churn-scoring\""),
            QStringLiteral("--aligner"),
            QStringLiteral("ALIGN_PERCENTILE_99"),
            QStringLiteral("--period"),
            QStringLiteral("300"),
            QStringLiteral("--from"),
            iso(hour.addSecs(-3 * 3600)),
            QStringLiteral("--to"),
            iso(hour.addSecs(-2 * 3600))};
}

void TestCliGcp::expectNoSecret(const CliRun &run) const {
    for (const QByteArray &marker :
         {QByteArray("PRIVATE KEY"), QByteArray("private_key"), QByteArray("refresh_token"),
          QByteArray("Bearer"), QByteArray("assertion")}) {
        QVERIFY2(!run.out.contains(marker), marker.constData());
        QVERIFY2(!run.err.contains(marker), marker.constData());
    }
}

void TestCliGcp::helpDocumentsQueryGcp() {
    const CliRun run = runCli({QStringLiteral("--help")}, baseEnv());
    QCOMPARE(run.exitCode, 0);
    for (const char *needle :
         {"query gcp", "--project", "--metric-type", "--aligner", "--reducer", "--group-by",
          "GOOGLE_APPLICATION_CREDENTIALS", "application_default_credentials.json", "token_uri",
          "query azure", "query aws"})
        QVERIFY2(run.out.contains(needle), needle);
}

void TestCliGcp::demoCsvMatchesTheDemoData_data() {
    QTest::addColumn<QString>("metricType");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("oracle");
    QTest::addColumn<int>("periodSeconds");
    QTest::addColumn<int>("windowMinutes");
    QTest::addColumn<QString>("seriesSuffix");

    const QString churn = QStringLiteral("metric.labels.endpoint_display_name = \"churn-scoring\"");
    QTest::newRow("p99-latency-of-churn-scoring")
        << kLatencies
        << QStringList{QStringLiteral("--filter"),
                       churn + QStringLiteral(" AND metric.labels.latency_type = \"total\""),
                       QStringLiteral("--aligner"),
                       QStringLiteral("align_percentile_99"), // any case
                       QStringLiteral("--period"),
                       QStringLiteral("300")}
        << int(Oracle::Percentile99) << 300 << 120 << ":ALIGN_PERCENTILE_99";
    QTest::newRow("prediction-count-rate-summed")
        << kCount << QStringList{QStringLiteral("--filter"),  churn,
                                 QStringLiteral("--aligner"), QStringLiteral("ALIGN_RATE"),
                                 QStringLiteral("--reducer"), QStringLiteral("REDUCE_SUM"),
                                 QStringLiteral("--period"),  QStringLiteral("60")}
        << int(Oracle::RateSum) << 60 << 60 << ":ALIGN_RATE|REDUCE_SUM";
    // No aligner: the raw distribution points, each written as its mean.
    QTest::newRow("distribution-without-aligner-is-its-mean")
        << kLatencies
        << QStringList{QStringLiteral("--filter"),
                       churn + QStringLiteral(" AND metric.labels.latency_type = \"total\"")}
        << int(Oracle::Mean) << 60 << 30 << ":ALIGN_NONE";
}

void TestCliGcp::demoCsvMatchesTheDemoData() {
    QFETCH(QString, metricType);
    QFETCH(QStringList, extra);
    QFETCH(int, oracle);
    QFETCH(int, periodSeconds);
    QFETCH(int, windowMinutes);
    QFETCH(QString, seriesSuffix);

    const QDateTime from = kDemoAnchor.addSecs(-60 * windowMinutes);
    const QStringList args = QStringList{QStringLiteral("query"),
                                         QStringLiteral("gcp"),
                                         QStringLiteral("--demo"),
                                         QStringLiteral("--project"),
                                         kProject,
                                         QStringLiteral("--metric-type"),
                                         metricType,
                                         QStringLiteral("--from"),
                                         iso(from),
                                         QStringLiteral("--to"),
                                         iso(kDemoAnchor)} +
                             extra;
    const CliRun run = runCli(args, demoEnv());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(run.out.startsWith("timestamp,series,value,unit\n"));

    const QList<CsvRow> rows = csvRows(run.out);
    QCOMPARE(rows.size(), qsizetype(windowMinutes * 60 / periodSeconds));
    const demo::DemoGcpWorld world = demo::DemoGcpStory::build(kDemoAnchor);
    qint64 previous = 0;
    for (const CsvRow &row : rows) {
        QVERIFY2(row.series.startsWith(QByteArray(":" + metricType.toUtf8())), row.series.constData());
        QVERIFY2(row.series.endsWith(seriesSuffix.toUtf8()), row.series.constData());
        QVERIFY2(row.timestamp.endsWith('Z'), row.timestamp.constData());
        const qint64 t = msOf(row.timestamp);
        QVERIFY2(t > previous, "ascending time");
        previous = t;
        bool ok = false;
        const double value = row.value.toDouble(&ok);
        QVERIFY(ok);
        const double expected = expectedValue(world, Oracle(oracle), t, periodSeconds);
        QVERIFY2(close(value, expected), qPrintable(QStringLiteral("%1: %2, expected %3")
                                                        .arg(QString::fromLatin1(row.timestamp))
                                                        .arg(value)
                                                        .arg(expected)));
    }
}

void TestCliGcp::demoJsonHasTheDocumentedShapeAndTheCsvValues() {
    const QStringList common{QStringLiteral("query"),
                             QStringLiteral("gcp"),
                             QStringLiteral("--demo"),
                             QStringLiteral("--project"),
                             kProject,
                             QStringLiteral("--metric-type"),
                             kLatencies,
                             QStringLiteral("--filter"),
                             QStringLiteral("metric.labels.endpoint_display_name=\"churn-scoring\" and "
                                            "metric.labels.latency_type=\"total\""),
                             QStringLiteral("--aligner"),
                             QStringLiteral("ALIGN_PERCENTILE_99"),
                             QStringLiteral("--period"),
                             QStringLiteral("900"),
                             QStringLiteral("--from"),
                             QStringLiteral("-6h"),
                             QStringLiteral("--to"),
                             QStringLiteral("now")};
    const CliRun csv = runCli(common, demoEnv());
    const CliRun json =
        runCli(common + QStringList{QStringLiteral("--format"), QStringLiteral("json")}, demoEnv());
    QVERIFY2(csv.exitCode == 0, csv.err.constData());
    QVERIFY2(json.exitCode == 0, json.err.constData());

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray series = doc.object().value(QStringLiteral("series")).toArray();
    QCOMPARE(series.size(), 1);
    const QJsonObject s = series.first().toObject();
    QCOMPARE(s.value(QStringLiteral("name")).toString(),
             QStringLiteral(":") + kLatencies +
                 QStringLiteral("{metric.labels.endpoint_display_name=churn-scoring,"
                                "metric.labels.latency_type=total}:ALIGN_PERCENTILE_99"));
    QCOMPARE(s.value(QStringLiteral("metric")).toString(), kLatencies);
    QCOMPARE(s.value(QStringLiteral("resource")).toString(), QStringLiteral("projects/") + kProject);
    QCOMPARE(s.value(QStringLiteral("dimensions"))
                 .toObject()
                 .value(QStringLiteral("metric.labels.latency_type"))
                 .toString(),
             QStringLiteral("total"));
    QCOMPARE(s.value(QStringLiteral("stat")).toString(), QStringLiteral("ALIGN_PERCENTILE_99"));
    QCOMPARE(s.value(QStringLiteral("period")).toInt(), 900);

    const QJsonArray points = s.value(QStringLiteral("points")).toArray();
    const QList<CsvRow> rows = csvRows(csv.out);
    QCOMPARE(points.size(), 24); // six hours of 15-minute periods
    QCOMPARE(points.size(), rows.size());
    const demo::DemoGcpWorld world = demo::DemoGcpStory::build(kDemoAnchor);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray p = points.at(i).toArray();
        QCOMPARE(p.at(0).toString().toUtf8(), rows[i].timestamp);
        QCOMPARE(p.at(1).toDouble(), rows[i].value.toDouble());
        QVERIFY(close(p.at(1).toDouble(),
                      expectedValue(world, Oracle::Percentile99, msOf(rows[i].timestamp), 900)));
    }
}

void TestCliGcp::demoGroupBySplitsIntoNamedSeries() {
    const CliRun run = runCli({QStringLiteral("query"), QStringLiteral("gcp"), QStringLiteral("--demo"),
                               QStringLiteral("--project"), kProject, QStringLiteral("--metric-type"),
                               kResponses, QStringLiteral("--aligner"), QStringLiteral("ALIGN_DELTA"),
                               QStringLiteral("--reducer"), QStringLiteral("REDUCE_SUM"),
                               QStringLiteral("--group-by"), QStringLiteral("metric.labels.response_code"),
                               QStringLiteral("--period"), QStringLiteral("300"), QStringLiteral("--from"),
                               QStringLiteral("-1h"), QStringLiteral("--to"), QStringLiteral("now")},
                              demoEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    std::map<QByteArray, int> rowsPerSeries;
    qint64 previous = 0;
    for (const CsvRow &row : csvRows(run.out)) {
        QVERIFY2(msOf(row.timestamp) >= previous, "rows in ascending time across the series");
        previous = msOf(row.timestamp);
        ++rowsPerSeries[row.series];
    }
    for (const char *code : {"2xx", "4xx", "5xx"}) {
        const QByteArray name =
            ":" + kResponses.toUtf8() + "{metric.labels.response_code=" + code + "}:ALIGN_DELTA|REDUCE_SUM";
        QVERIFY2(rowsPerSeries.count(name) == 1, name.constData());
    }
    QCOMPARE(rowsPerSeries.size(), size_t(3));
}

// --filter passes any Cloud Monitoring filter through: ANDed, in parentheses, to the metric type,
// and read by the (simulated) Google. The values are the demo's own.
void TestCliGcp::demoRawFilterReachesGoogle_data() {
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("groupBy");
    QTest::addColumn<QStringList>("seriesNames"); // the dimension part of each expected name
    const QString oneOf = QStringLiteral("metric.labels.endpoint_display_name = \"churn-scoring\" OR "
                                         "metric.labels.endpoint_display_name = \"image-tagger\"");
    QTest::newRow("or-of-two-endpoints-split-by-name")
        << oneOf
        << QStringList{QStringLiteral("--group-by"), QStringLiteral("metric.labels.endpoint_display_name")}
        << QStringList{QStringLiteral("filter=") + oneOf +
                           QStringLiteral(",metric.labels.endpoint_display_name=churn-scoring"),
                       QStringLiteral("filter=") + oneOf +
                           QStringLiteral(",metric.labels.endpoint_display_name=image-tagger")};
    const QString startsWith = QStringLiteral("metric.labels.endpoint_display_name = starts_with(\"churn\")");
    QTest::newRow("starts-with-one-endpoint")
        << startsWith << QStringList{} << QStringList{QStringLiteral("filter=") + startsWith};
    const QString notOthers = QStringLiteral(
        "(resource.type = \"aiplatform.googleapis.com/Endpoint\") AND NOT "
        "metric.labels.endpoint_display_name = one_of(\"image-tagger\", \"search-rerank\") AND "
        "metric.labels.model_display_name != \"x\"");
    QTest::newRow("not-one-of-and-not-equal")
        << notOthers << QStringList{} << QStringList{QStringLiteral("filter=") + notOthers};
}

void TestCliGcp::demoRawFilterReachesGoogle() {
    QFETCH(QString, filter);
    QFETCH(QStringList, groupBy);
    QFETCH(QStringList, seriesNames);
    const int windowMinutes = 60;
    const QStringList args = QStringList{QStringLiteral("query"),
                                         QStringLiteral("gcp"),
                                         QStringLiteral("--demo"),
                                         QStringLiteral("--project"),
                                         kProject,
                                         QStringLiteral("--metric-type"),
                                         kCount,
                                         QStringLiteral("--filter"),
                                         filter,
                                         QStringLiteral("--aligner"),
                                         QStringLiteral("ALIGN_RATE"),
                                         QStringLiteral("--reducer"),
                                         QStringLiteral("REDUCE_SUM"),
                                         QStringLiteral("--period"),
                                         QStringLiteral("60"),
                                         QStringLiteral("--from"),
                                         iso(kDemoAnchor.addSecs(-60 * windowMinutes)),
                                         QStringLiteral("--to"),
                                         iso(kDemoAnchor)} +
                             groupBy;
    const CliRun run = runCli(args, demoEnv());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());

    std::map<QByteArray, QList<CsvRow>> bySeries;
    for (const CsvRow &row : csvRows(run.out))
        bySeries[row.series].append(row);
    QStringList names;
    for (const auto &[name, rows] : bySeries)
        names.append(QString::fromUtf8(name));
    QStringList expected;
    for (const QString &dims : seriesNames)
        expected.append(QLatin1Char(':') + kCount + QLatin1Char('{') + dims +
                        QStringLiteral("}:ALIGN_RATE|REDUCE_SUM"));
    QCOMPARE(names, expected);

    // churn-scoring's series (the first, or the only one) is the demo's churn rate, minute by minute.
    const demo::DemoGcpWorld world = demo::DemoGcpStory::build(kDemoAnchor);
    const QList<CsvRow> &churn = bySeries.begin()->second;
    QCOMPARE(churn.size(), qsizetype(windowMinutes));
    for (const CsvRow &row : churn) {
        const double expectedValue_ = expectedValue(world, Oracle::RateSum, msOf(row.timestamp), 60);
        QVERIFY2(close(row.value.toDouble(), expectedValue_),
                 qPrintable(QStringLiteral("%1: %2, expected %3")
                                .arg(QString::fromLatin1(row.timestamp), QString::fromLatin1(row.value))
                                .arg(expectedValue_)));
    }
}

// A filter Google cannot read: its 400 INVALID_ARGUMENT message on the one stderr line, exit 2.
void TestCliGcp::invalidFilterShowsGooglesMessage_data() {
    QTest::addColumn<QString>("filter");
    QTest::newRow("unbalanced-parenthesis")
        << QStringLiteral("(metric.labels.endpoint_display_name = \"churn-scoring\"");
    QTest::newRow("comparison-without-value") << QStringLiteral("metric.labels.endpoint_display_name = ");
    QTest::newRow("unknown-function")
        << QStringLiteral("metric.labels.endpoint_display_name = sounds_like(\"x\")");
}

void TestCliGcp::invalidFilterShowsGooglesMessage() {
    QFETCH(QString, filter);
    const CliRun run = runCli({QStringLiteral("query"), QStringLiteral("gcp"), QStringLiteral("--demo"),
                               QStringLiteral("--project"), kProject, QStringLiteral("--metric-type"), kCount,
                               QStringLiteral("--filter"), filter, QStringLiteral("--from"),
                               QStringLiteral("-1h"), QStringLiteral("--to"), QStringLiteral("now")},
                              demoEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QCOMPARE(run.out, QByteArray());
    // Google's own words (INVALID_ARGUMENT: "Field filter had an invalid value …"), not MLWatch's.
    QVERIFY2(run.err.contains("Field filter had an invalid value"), run.err.constData());
    QVERIFY2(run.err.contains("INVALID_ARGUMENT"), run.err.constData());
    expectNoSecret(run);
}

void TestCliGcp::credentialsFileFromTheEnvironment_data() {
    QTest::addColumn<bool>("authorizedUser");
    QTest::newRow("service-account-key") << false;
    QTest::newRow("authorized-user-with-quota-project") << true;
}

void TestCliGcp::credentialsFileFromTheEnvironment() {
    QFETCH(bool, authorizedUser);
    const QString path =
        writeFile(QStringLiteral("key.json"),
                  authorizedUser ? m_cloud->authorizedUserJson() : m_cloud->serviceAccountKeyJson());
    QVERIFY(!path.isEmpty());
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), path);
    const CliRun run = runCli(endpointQuery(), env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    const QList<CsvRow> rows = csvRows(run.out);
    QCOMPARE(rows.size(), 12); // an hour of 5-minute periods
    QVERIFY(rows.first().series.endsWith(":ALIGN_PERCENTILE_99"));
    // One token from the file's token_uri, one timeSeries.list.
    QCOMPARE(m_cloud->receivedCalls(),
             (QStringList{QStringLiteral("token"), QStringLiteral("timeSeries.list")}));
    expectNoSecret(run);
}

void TestCliGcp::foreignTokenUriIsRefusedBeforeAnyConnection_data() {
    QTest::addColumn<QString>("tokenUri");
    QTest::newRow("https-stranger") << "https://oauth2.example.net/token";
    QTest::newRow("http-stranger") << "http://oauth2.example.net/token";
}

void TestCliGcp::foreignTokenUriIsRefusedBeforeAnyConnection() {
    QFETCH(QString, tokenUri);
    QJsonObject key = QJsonDocument::fromJson(m_cloud->serviceAccountKeyJson()).object();
    QVERIFY(key.contains(QStringLiteral("token_uri")));
    key.insert(QStringLiteral("token_uri"), tokenUri);
    const QString path = writeFile(QStringLiteral("key.json"), QJsonDocument(key).toJson());
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), path);
    const CliRun run = runCli(endpointQuery(), env);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("token_uri") && run.err.contains("oauth2.example.net") &&
                 run.err.contains("trust-host"),
             run.err.constData());
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_cloud->requestCount(), quint64(0));
    expectNoSecret(run);
}

void TestCliGcp::throttledOnceIsRetriedAndSucceeds() {
    m_cloud->injectFaults(demo::DemoGoogleFault::Throttle, 1);
    const QString path = writeFile(QStringLiteral("key.json"), m_cloud->serviceAccountKeyJson());
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), path);
    const CliRun run = runCli(endpointQuery(), env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(csvRows(run.out).size(), 12);
    QCOMPARE(m_cloud->receivedCalls().count(QStringLiteral("timeSeries.list")), 2);
}

void TestCliGcp::noCredentialsExitsThree_data() {
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("none") << "none"
                          << "GOOGLE_APPLICATION_CREDENTIALS";
    QTest::newRow("unknown-account") << "--account"
                                     << "accounts list";
}

void TestCliGcp::noCredentialsExitsThree() {
    QFETCH(QString, variant);
    QFETCH(QString, mentions);
    QStringList args = endpointQuery();
    if (variant == QLatin1String("--account"))
        args << QStringLiteral("--account") << QStringLiteral("nobody");
    const CliRun run = runCli(args, baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(m_cloud->requestCount(), quint64(0));
}

void TestCliGcp::storedAccountQueriesWithTheKeychainKey() {
    const QString path = writeFile(QStringLiteral("key.json"), m_cloud->serviceAccountKeyJson());
    const CliRun imported =
        runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("gcp"),
                QStringLiteral("--key-file"), path, QStringLiteral("--id"), QStringLiteral("g-demo")},
               baseEnv());
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    // The file is gone and no variable names one: the key can only come from the keychain.
    QVERIFY(QFile::remove(path));
    QStringList args = endpointQuery();
    args << QStringLiteral("--account") << QStringLiteral("g-demo");
    const CliRun run = runCli(args, baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(csvRows(run.out).size(), 12);
    QVERIFY(m_cloud->receivedCalls().contains(QStringLiteral("timeSeries.list")));
    expectNoSecret(run);
}

void TestCliGcp::storedAwsAccountIsRefused() {
    const CliRun added = runCli(
        {QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"), QStringLiteral("--id"),
         QStringLiteral("stored"), QStringLiteral("--region"), QStringLiteral("us-east-1")},
        baseEnv(), QByteArray("AKIAMARKERQ7Z3KEYID9\nmArKeR/AwsSecret+9f3c1e77aa0b4d2e\n"));
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QStringList args = endpointQuery();
    args << QStringLiteral("--account") << QStringLiteral("stored");
    const CliRun run = runCli(args, baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("Google Cloud account"), run.err.constData());
    QVERIFY(!run.err.contains("mArKeR") && !run.out.contains("mArKeR"));
    QCOMPARE(m_cloud->requestCount(), quint64(0));
}

void TestCliGcp::badArgumentExitsTwoWithOneLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QStringList ok{QStringLiteral("query"),
                         QStringLiteral("gcp"),
                         QStringLiteral("--demo"),
                         QStringLiteral("--project"),
                         kProject,
                         QStringLiteral("--metric-type"),
                         kCount,
                         QStringLiteral("--from"),
                         QStringLiteral("-2h"),
                         QStringLiteral("--to"),
                         QStringLiteral("-1h")};
    auto with = [&](const QStringList &more) { return ok + more; };
    auto replacing = [&](const QString &option, const QString &value) {
        QStringList a = ok;
        a[a.indexOf(option) + 1] = value;
        return a;
    };
    auto without = [&](const QString &option) {
        QStringList a = ok;
        a.remove(a.indexOf(option), 2);
        return a;
    };
    QTest::newRow("missing-project") << without(QStringLiteral("--project")) << "--project";
    QTest::newRow("project-not-an-id")
        << replacing(QStringLiteral("--project"), QStringLiteral("My Project")) << "project id";
    QTest::newRow("missing-metric-type") << without(QStringLiteral("--metric-type")) << "--metric-type";
    QTest::newRow("metric-type-not-full")
        << replacing(QStringLiteral("--metric-type"), QStringLiteral("prediction_count")) << "full type";
    QTest::newRow("unknown-aligner") << with({QStringLiteral("--aligner"), QStringLiteral("ALIGN_P99")})
                                     << "ALIGN_P99";
    QTest::newRow("reducer-without-aligner")
        << with({QStringLiteral("--reducer"), QStringLiteral("REDUCE_SUM")}) << "--aligner";
    QTest::newRow("period-under-a-minute") << with({QStringLiteral("--aligner"), QStringLiteral("ALIGN_MEAN"),
                                                    QStringLiteral("--period"), QStringLiteral("30")})
                                           << "60";
    QTest::newRow("period-without-aligner")
        << with({QStringLiteral("--period"), QStringLiteral("300")}) << "--aligner";
    QTest::newRow("filter-empty") << with({QStringLiteral("--filter"), QStringLiteral("  ")}) << "empty";
    QTest::newRow("filter-equalities-with-a-star")
        << with({QStringLiteral("--filter"), QStringLiteral("metric.labels.a = \"*\"")}) << "--group-by";
    QTest::newRow("filter-names-the-metric-type")
        << with({QStringLiteral("--filter"), QStringLiteral("metric.type = \"x.googleapis.com/y\"")})
        << "--metric-type";
    QTest::newRow("group-by-not-a-label")
        << with({QStringLiteral("--group-by"), QStringLiteral("response_code")}) << "metric.labels.KEY";
    QTest::newRow("aws-option-on-gcp")
        << with({QStringLiteral("--namespace"), QStringLiteral("AWS/SageMaker")}) << "query aws";
    QTest::newRow("azure-option-on-gcp")
        << with({QStringLiteral("--interval"), QStringLiteral("PT1M")}) << "query azure";
    QTest::newRow("gcp-option-on-azure")
        << QStringList{QStringLiteral("query"),
                       QStringLiteral("azure"),
                       QStringLiteral("--demo"),
                       QStringLiteral("--resource"),
                       QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/t/n"),
                       QStringLiteral("--metric"),
                       QStringLiteral("M"),
                       QStringLiteral("--aligner"),
                       QStringLiteral("ALIGN_MEAN"),
                       QStringLiteral("--from"),
                       QStringLiteral("-1h"),
                       QStringLiteral("--to"),
                       QStringLiteral("now")}
        << "query gcp";
    QTest::newRow("demo-with-endpoint-url")
        << with({QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:1/")})
        << "--endpoint-url";
    QStringList plain = ok;
    plain.removeOne(QStringLiteral("--demo"));
    QTest::newRow("plain-http-endpoint-off-loopback")
        << plain + QStringList{QStringLiteral("--endpoint-url"),
                               QStringLiteral("http://monitoring.example.invalid/")}
        << "plain http";
    QTest::newRow("from-after-to") << replacing(QStringLiteral("--to"), QStringLiteral("-3h")) << "before";
}

void TestCliGcp::badArgumentExitsTwoWithOneLine() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QProcessEnvironment env = baseEnv();
    const QString path = writeFile(QStringLiteral("key.json"), m_cloud->serviceAccountKeyJson());
    env.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), path);
    const CliRun run = runCli(args, env);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_cloud->requestCount(), quint64(0));
    expectNoSecret(run);
}

QTEST_GUILESS_MAIN(TestCliGcp)
#include "tst_cli_gcp.moc"
