// End-to-end tests of the mlwatch-cli contract (other tools script against it): the real
// binary runs in a QProcess against the built-in demo (--demo) or against a DemoCloud served
// from this test process on loopback (--endpoint-url), with the credentials in the child's
// environment or in a profile file under a temporary HOME. Pins: output formats byte for byte
// and value for value, exit statuses, exactly one stderr line, and no secret in any output.
#include "cli_runner.h"
#include "core/common/error.h"
#include "demo/demo_cloud.h"
#include "demo/demo_dataset.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

// The --demo runs pin the demo's anchor (MLWATCH_DEMO_NOW) so their data never changes.
const QDateTime kDemoAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kEndpointDims[] = {QStringLiteral("EndpointName=churn-model-prod"),
                                 QStringLiteral("VariantName=AllTraffic")};
const QString kWrongSecret = QStringLiteral("wRoNg/Secret+Never-Printed-8d1f0c77e2");

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void versionPrintsNameAndVersion();
    void helpDocumentsOptionsAndExitStatuses();

    void demoCsvMatchesTheDemoData_data();
    void demoCsvMatchesTheDemoData();
    void demoJsonAndQueryProtocolsGiveTheSameCsv();
    void demoJsonFormatHasTheDocumentedShape();
    void demoRelativeTimesResolveAgainstThePinnedAnchor();

    void endpointWithEnvironmentCredentials();
    void endpointWithProfileInHome();

    void badArgumentExitsTwoWithOneLine_data();
    void badArgumentExitsTwoWithOneLine();
    void noCredentialsExitsThree();
    void wrongSecretExitsFourWithoutTheSecret();
    void throttledAfterRetriesExitsFive();
    void garbageAnswerExitsSeven();
    void connectionRefusedExitsSix();
    void plainHttpToNonLoopbackHostIsRefused();

private:
    QProcessEnvironment baseEnv() const;
    QProcessEnvironment envWithKeys(const QString &secret = QString()) const;
    QStringList endpointQuery(const QString &metric = QStringLiteral("Invocations")) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<demo::DemoCloud> m_demo;
    QDateTime m_anchor; // the in-process demo's
};

void TestCli::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
}

void TestCli::init() {
    // A fresh HOME (no ~/.aws) and a fresh simulated cloud per test: no state leaks between them.
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_demo = std::make_unique<demo::DemoCloud>();
    m_anchor = QDateTime::currentDateTimeUtc();
    QVERIFY(m_demo->start(m_anchor));
}

QProcessEnvironment TestCli::baseEnv() const {
    // Nothing from the developer's or CI's environment: no real AWS keys, profiles or regions.
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin")); // output must stay UTC
    return env;
}

QProcessEnvironment TestCli::envWithKeys(const QString &secret) const {
    QProcessEnvironment env = baseEnv();
    const aws::AwsCredentials keys = demo::DemoCloud::credentials();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), keys.accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret.isEmpty() ? keys.secretAccessKey : secret);
    return env;
}

QStringList TestCli::endpointQuery(const QString &metric) const {
    const QDateTime hour = floorHour(m_anchor);
    return {QStringLiteral("query"),          QStringLiteral("aws"),
            QStringLiteral("--region"),       demo::DemoCloud::region(),
            QStringLiteral("--endpoint-url"), m_demo->endpoint().toString(),
            QStringLiteral("--namespace"),    QStringLiteral("AWS/SageMaker"),
            QStringLiteral("--metric"),       metric,
            QStringLiteral("--dimension"),    kEndpointDims[0],
            QStringLiteral("--dimension"),    kEndpointDims[1],
            QStringLiteral("--stat"),         QStringLiteral("Sum"),
            QStringLiteral("--period"),       QStringLiteral("60"),
            QStringLiteral("--from"),         iso(hour.addSecs(-3 * 3600)),
            QStringLiteral("--to"),           iso(hour.addSecs(-2 * 3600))};
}

void TestCli::versionPrintsNameAndVersion() {
    const CliRun run = runCli({QStringLiteral("--version")}, baseEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("mlwatch-cli " MLWATCH_VERSION "\n"));
    QCOMPARE(run.err, QByteArray());
}

void TestCli::helpDocumentsOptionsAndExitStatuses() {
    const CliRun run = runCli({QStringLiteral("--help")}, baseEnv());
    QCOMPARE(run.exitCode, 0);
    for (const char *needle : {"--demo", "--region", "--profile", "--endpoint-url", "--protocol",
                               "--namespace", "--metric", "--dimension", "--stat", "--period", "--from",
                               "--to", "--format", "timestamp,series,value,unit", "-7d", "Exit status"})
        QVERIFY2(run.out.contains(needle), needle);
    // Every exit status the program can return is documented with the number it really uses.
    for (ErrorCode code : {ErrorCode::BadArgument, ErrorCode::NoCredentials, ErrorCode::AuthRejected,
                           ErrorCode::Throttled, ErrorCode::Network, ErrorCode::BadResponse})
        QVERIFY(run.out.contains(QByteArray("\n  " + QByteArray::number(exitStatusFor(code)) + "  ")));
}

void TestCli::demoCsvMatchesTheDemoData_data() {
    QTest::addColumn<QString>("nameSpace");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QStringList>("dimensions");
    QTest::addColumn<QString>("stat");
    QTest::addColumn<QString>("seriesName");
    QTest::addColumn<int>("period");
    QTest::addColumn<int>("hours"); // the window is the `hours` before the anchor

    const QStringList endpoint{kEndpointDims[0], kEndpointDims[1]};
    QTest::newRow("invocations-sum-unit-none")
        << "AWS/SageMaker"
        << "Invocations" << endpoint << "Sum"
        << "AWS/SageMaker:Invocations{EndpointName=churn-model-prod,VariantName=AllTraffic}:Sum" << 60 << 1;
    QTest::newRow("model-latency-microseconds-not-converted")
        << "AWS/SageMaker"
        << "ModelLatency" << QStringList{kEndpointDims[1], kEndpointDims[0]} << "Average"
        << "AWS/SageMaker:ModelLatency{EndpointName=churn-model-prod,VariantName=AllTraffic}:Average" << 60
        << 1;
    QTest::newRow("endpoint-cpu-percent")
        << "/aws/sagemaker/Endpoints"
        << "CPUUtilization" << endpoint << "Maximum"
        << "/aws/sagemaker/"
           "Endpoints:CPUUtilization{EndpointName=churn-model-prod,VariantName=AllTraffic}:Maximum"
        << 300 << 6;
    QTest::newRow("athena-milliseconds")
        << "AWS/Athena"
        << "TotalExecutionTime"
        << QStringList{QStringLiteral("QueryState=SUCCEEDED"), QStringLiteral("QueryType=DML"),
                       QStringLiteral("WorkGroup=ml-evaluation")}
        << "Average"
        << "AWS/"
           "Athena:TotalExecutionTime{QueryState=SUCCEEDED,QueryType=DML,WorkGroup=ml-evaluation}:Average"
        << 3600 << 48; // a few queries an hour: hourly periods
}

void TestCli::demoCsvMatchesTheDemoData() {
    QFETCH(QString, nameSpace);
    QFETCH(QString, metric);
    QFETCH(QStringList, dimensions);
    QFETCH(QString, stat);
    QFETCH(QString, seriesName);
    QFETCH(int, period);
    QFETCH(int, hours);

    const QDateTime from = kDemoAnchor.addSecs(-hours * 3600), to = kDemoAnchor;
    QStringList args{QStringLiteral("query"),
                     QStringLiteral("aws"),
                     QStringLiteral("--demo"),
                     QStringLiteral("--namespace"),
                     nameSpace,
                     QStringLiteral("--metric"),
                     metric};
    for (const QString &d : dimensions)
        args << QStringLiteral("--dimension") << d;
    args << QStringLiteral("--stat") << stat << QStringLiteral("--period") << QString::number(period)
         << QStringLiteral("--from") << iso(from) << QStringLiteral("--to") << iso(to);
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    const CliRun run = runCli(args, env);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(run.out.startsWith("timestamp,series,value,unit\n"));

    // The same query against the demo's own data, in process.
    const demo::DemoDataset dataset(kDemoAnchor);
    QList<Dimension> dims;
    for (const QString &d : dimensions)
        dims.append({d.section(QLatin1Char('='), 0, 0), d.section(QLatin1Char('='), 1)});
    const int index = dataset.find(nameSpace, metric, dims);
    QVERIFY(index >= 0);
    const demo::DemoPoints expected =
        dataset.aggregate(index, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), period, stat);
    QVERIFY2(expected.values.size() > 30, "the window should hold more than 30 periods with data");

    // The series name has commas between its dimensions, so RFC 4180 quotes it.
    QVERIFY(run.out.contains(QByteArray(",\"" + seriesName.toUtf8() + "\",")));
    const QList<CsvRow> rows = csvRows(run.out);
    QCOMPARE(rows.size(), expected.values.size());
    const QByteArray unit = dataset.series().at(index).unit.toUtf8();
    qint64 previous = std::numeric_limits<qint64>::min();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CsvRow &row = rows[i];
        QCOMPARE(row.series, seriesName.toUtf8());
        QVERIFY2(row.timestamp.endsWith('Z'), row.timestamp.constData());
        const qint64 t = msOf(row.timestamp);
        QVERIFY2(t > previous, "timestamps strictly ascending");
        previous = t;
        QVERIFY(t >= from.toMSecsSinceEpoch() && t < to.toMSecsSinceEpoch());
        QCOMPARE(t, expected.timestampsMs[i]);
        // Exactly the double the cloud computed: the text reads back bit for bit.
        bool ok = false;
        QCOMPARE(row.value.toDouble(&ok), expected.values[i]);
        QVERIFY(ok);
        // The unit column is CloudWatch's name for the metric's unit, as the demo publishes it.
        QCOMPARE(row.unit, unit);
    }
}

void TestCli::demoJsonAndQueryProtocolsGiveTheSameCsv() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    const QStringList common{QStringLiteral("query"),
                             QStringLiteral("aws"),
                             QStringLiteral("--demo"),
                             QStringLiteral("--namespace"),
                             QStringLiteral("AWS/SageMaker"),
                             QStringLiteral("--metric"),
                             QStringLiteral("ModelLatency"),
                             QStringLiteral("--dimension"),
                             kEndpointDims[0],
                             QStringLiteral("--dimension"),
                             kEndpointDims[1],
                             QStringLiteral("--stat"),
                             QStringLiteral("p99"),
                             QStringLiteral("--period"),
                             QStringLiteral("300"),
                             QStringLiteral("--from"),
                             QStringLiteral("-6h"),
                             QStringLiteral("--to"),
                             QStringLiteral("-1h")};
    const CliRun json =
        runCli(common + QStringList{QStringLiteral("--protocol"), QStringLiteral("json")}, env);
    const CliRun query =
        runCli(common + QStringList{QStringLiteral("--protocol"), QStringLiteral("query")}, env);
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QVERIFY2(query.exitCode == 0, query.err.constData());
    QVERIFY(csvRows(json.out).size() >= 50);
    QCOMPARE(query.out, json.out);
}

void TestCli::demoJsonFormatHasTheDocumentedShape() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    QStringList args{QStringLiteral("query"),
                     QStringLiteral("aws"),
                     QStringLiteral("--demo"),
                     QStringLiteral("--namespace"),
                     QStringLiteral("AWS/SageMaker"),
                     QStringLiteral("--metric"),
                     QStringLiteral("ModelLatency"),
                     QStringLiteral("--dimension"),
                     kEndpointDims[0],
                     QStringLiteral("--dimension"),
                     kEndpointDims[1],
                     QStringLiteral("--period"),
                     QStringLiteral("60"),
                     QStringLiteral("--from"),
                     iso(kDemoAnchor.addSecs(-7200)),
                     QStringLiteral("--to"),
                     iso(kDemoAnchor.addSecs(-3600))};
    const CliRun csv = runCli(args, env);
    const CliRun json = runCli(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")}, env);
    QVERIFY2(json.exitCode == 0, json.err.constData());

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray series = doc.object().value(QLatin1String("series")).toArray();
    QCOMPARE(series.size(), 1);
    const QJsonObject s = series.first().toObject();
    QCOMPARE(s.value(QLatin1String("name")).toString(),
             QStringLiteral(
                 "AWS/SageMaker:ModelLatency{EndpointName=churn-model-prod,VariantName=AllTraffic}:Average"));
    QCOMPARE(s.value(QLatin1String("namespace")).toString(), QStringLiteral("AWS/SageMaker"));
    QCOMPARE(s.value(QLatin1String("metric")).toString(), QStringLiteral("ModelLatency"));
    const QJsonObject dims = s.value(QLatin1String("dimensions")).toObject();
    QCOMPARE(dims.value(QLatin1String("EndpointName")).toString(), QStringLiteral("churn-model-prod"));
    QCOMPARE(dims.value(QLatin1String("VariantName")).toString(), QStringLiteral("AllTraffic"));
    QCOMPARE(s.value(QLatin1String("stat")).toString(), QStringLiteral("Average"));
    QCOMPARE(s.value(QLatin1String("period")).toInt(), 60);
    QCOMPARE(s.value(QLatin1String("unit")).toString(), QStringLiteral("Microseconds"));

    // Points carry the same timestamps and values as the CSV rows.
    const QJsonArray points = s.value(QLatin1String("points")).toArray();
    const QList<CsvRow> rows = csvRows(csv.out);
    QCOMPARE(points.size(), rows.size());
    QVERIFY(points.size() > 30);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray p = points.at(i).toArray();
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).toString().toUtf8(), rows[i].timestamp);
        QVERIFY(p.at(1).isDouble());
        QCOMPARE(p.at(1).toDouble(), rows[i].value.toDouble());
    }
}

void TestCli::demoRelativeTimesResolveAgainstThePinnedAnchor() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    const QStringList base{QStringLiteral("query"),
                           QStringLiteral("aws"),
                           QStringLiteral("--demo"),
                           QStringLiteral("--namespace"),
                           QStringLiteral("AWS/SageMaker"),
                           QStringLiteral("--metric"),
                           QStringLiteral("Invocations"),
                           QStringLiteral("--dimension"),
                           kEndpointDims[0],
                           QStringLiteral("--dimension"),
                           kEndpointDims[1],
                           QStringLiteral("--stat"),
                           QStringLiteral("Sum"),
                           QStringLiteral("--period"),
                           QStringLiteral("3600")};
    const CliRun relative = runCli(base + QStringList{QStringLiteral("--from"), QStringLiteral("-1d"),
                                                      QStringLiteral("--to"), QStringLiteral("now")},
                                   env);
    const CliRun absolute = runCli(base + QStringList{QStringLiteral("--from"), iso(kDemoAnchor.addDays(-1)),
                                                      QStringLiteral("--to"), iso(kDemoAnchor)},
                                   env);
    QVERIFY2(relative.exitCode == 0, relative.err.constData());
    QCOMPARE(csvRows(relative.out).size(), 24);
    QCOMPARE(relative.out, absolute.out);
}

void TestCli::endpointWithEnvironmentCredentials() {
    const CliRun run = runCli(endpointQuery(), envWithKeys());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(csvRows(run.out).size() > 30);
    QVERIFY(m_demo->receivedCalls().contains(QStringLiteral("GetMetricData")));
    // A query names its metric: no discovery, so no SageMaker Describe* calls either.
    for (const QString &call : m_demo->receivedCalls())
        QVERIFY2(!call.startsWith(QLatin1String("SageMaker.")), qPrintable(call));
}

void TestCli::endpointWithProfileInHome() {
    const aws::AwsCredentials keys = demo::DemoCloud::credentials();
    QDir(m_home->path()).mkpath(QStringLiteral(".aws"));
    QFile credentials(m_home->filePath(QStringLiteral(".aws/credentials")));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[default]\naws_access_key_id = AKIDDEFAULTNOTUSED\naws_secret_access_key = nope\n\n"
                      "[mlwatch-test]\naws_access_key_id = " +
                      keys.accessKeyId.toUtf8() +
                      "\naws_secret_access_key = " + keys.secretAccessKey.toUtf8() + "\n");
    credentials.close();
    QFile config(m_home->filePath(QStringLiteral(".aws/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile mlwatch-test]\nregion = " + demo::DemoCloud::region().toUtf8() + "\n");
    config.close();

    // No --region: it comes from the profile.
    QStringList args = endpointQuery();
    const qsizetype r = args.indexOf(QStringLiteral("--region"));
    args.remove(r, 2);
    args << QStringLiteral("--profile") << QStringLiteral("mlwatch-test");
    const CliRun run = runCli(args, baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(csvRows(run.out).size() > 30);
}

void TestCli::badArgumentExitsTwoWithOneLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");

    const QStringList ok{QStringLiteral("query"),
                         QStringLiteral("aws"),
                         QStringLiteral("--demo"),
                         QStringLiteral("--namespace"),
                         QStringLiteral("AWS/SageMaker"),
                         QStringLiteral("--metric"),
                         QStringLiteral("Invocations"),
                         QStringLiteral("--from"),
                         QStringLiteral("-1h"),
                         QStringLiteral("--to"),
                         QStringLiteral("now")};
    auto with = [&](QStringList extra) { return ok + extra; };
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
    QTest::newRow("no-command") << QStringList{} << "command";
    QTest::newRow("unknown-command") << QStringList{QStringLiteral("fetch")} << "fetch";
    QTest::newRow("unknown-cloud") << QStringList{QStringLiteral("query"), QStringLiteral("oci")} << "oci";
    QTest::newRow("unknown-option") << with({QStringLiteral("--bogus")}) << "bogus";
    QTest::newRow("missing-metric") << without(QStringLiteral("--metric")) << "--metric";
    QTest::newRow("missing-from") << without(QStringLiteral("--from")) << "--from";
    QTest::newRow("time-without-zone")
        << replacing(QStringLiteral("--from"), QStringLiteral("2026-11-20T12:00:00")) << "zone";
    QTest::newRow("bad-relative-time") << replacing(QStringLiteral("--to"), QStringLiteral("-1y")) << "-1y";
    QTest::newRow("from-after-to") << replacing(QStringLiteral("--to"), QStringLiteral("-2h")) << "before";
    QTest::newRow("from-given-twice") << with({QStringLiteral("--from"), QStringLiteral("-2h")}) << "once";
    QTest::newRow("period-not-multiple-of-60")
        << with({QStringLiteral("--period"), QStringLiteral("90")}) << "--period";
    QTest::newRow("period-not-a-number")
        << with({QStringLiteral("--period"), QStringLiteral("abc")}) << "--period";
    QTest::newRow("dimension-without-equals")
        << with({QStringLiteral("--dimension"), QStringLiteral("EndpointName")}) << "--dimension";
    QTest::newRow("dimension-twice") << with({QStringLiteral("--dimension"), QStringLiteral("A=1"),
                                              QStringLiteral("--dimension"), QStringLiteral("A=2")})
                                     << "--dimension";
    QTest::newRow("unknown-stat") << with({QStringLiteral("--stat"), QStringLiteral("Median")}) << "--stat";
    QTest::newRow("unknown-format") << with({QStringLiteral("--format"), QStringLiteral("xml")})
                                    << "--format";
    QTest::newRow("unknown-protocol")
        << with({QStringLiteral("--protocol"), QStringLiteral("cbor")}) << "--protocol";
    QTest::newRow("demo-with-endpoint")
        << with({QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:1/")})
        << "--endpoint-url";
    QTest::newRow("endpoint-not-a-url")
        << QStringList{QStringLiteral("query"),          QStringLiteral("aws"),
                       QStringLiteral("--endpoint-url"), QStringLiteral("ftp://x/"),
                       QStringLiteral("--namespace"),    QStringLiteral("N"),
                       QStringLiteral("--metric"),       QStringLiteral("M"),
                       QStringLiteral("--from"),         QStringLiteral("-1h"),
                       QStringLiteral("--to"),           QStringLiteral("now")}
        << "--endpoint-url";
    QTest::newRow("option-given-twice")
        << with({QStringLiteral("--metric"), QStringLiteral("Other")}) << "--metric";
    QTest::newRow("stray-argument-not-echoed")
        << with({QStringLiteral("s3cr3t-pasted-by-mistake")}) << "Too many";
}

void TestCli::badArgumentExitsTwoWithOneLine() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun run = runCli(args, baseEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    QVERIFY(!run.err.contains("s3cr3t"));
}

void TestCli::noCredentialsExitsThree() {
    // Empty environment and an empty HOME: nothing to sign with.
    const CliRun run = runCli(endpointQuery(), baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_demo->requestCount(), quint64(0));
}

void TestCli::wrongSecretExitsFourWithoutTheSecret() {
    const CliRun run = runCli(endpointQuery(), envWithKeys(kWrongSecret));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::AuthRejected));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(m_demo->requestCount() >= 1);
    // Not the secret, nor a recognisable piece of it, anywhere.
    for (const QByteArray &piece : {kWrongSecret.toUtf8(), QByteArray("Never-Printed")}) {
        QVERIFY(!run.err.contains(piece));
        QVERIFY(!run.out.contains(piece));
    }
    QVERIFY(!run.err.contains(demo::DemoCloud::credentials().secretAccessKey.toUtf8()));
}

void TestCli::throttledAfterRetriesExitsFive() {
    // Every request throttled: the provider retries with its default backoff, then gives up.
    m_demo->injectFaults(demo::DemoFault::Throttle, 1000);
    const CliRun run = runCli(endpointQuery(), envWithKeys());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::Throttled));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(m_demo->requestCount() >= 2, "the throttled call was retried");
    QCOMPARE(run.out, QByteArray());
}

void TestCli::garbageAnswerExitsSeven() {
    m_demo->injectFaults(demo::DemoFault::Garbage, 1000);
    const CliRun run = runCli(endpointQuery(), envWithKeys());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadResponse));
    QCOMPARE(run.errLines().size(), 1);
    QCOMPARE(run.out, QByteArray());
}

void TestCli::connectionRefusedExitsSix() {
    // A loopback port that was just free: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QStringList args = endpointQuery();
    args[args.indexOf(QStringLiteral("--endpoint-url")) + 1] =
        QStringLiteral("http://127.0.0.1:%1/").arg(port);
    const CliRun run = runCli(args, envWithKeys());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::Network));
    QCOMPARE(run.errLines().size(), 1);
}

void TestCli::plainHttpToNonLoopbackHostIsRefused() {
    // Refused before any connection: .invalid never resolves, and nothing is sent anyway.
    QStringList args = endpointQuery();
    args[args.indexOf(QStringLiteral("--endpoint-url")) + 1] =
        QStringLiteral("http://monitoring.example.invalid/");
    const CliRun run = runCli(args, envWithKeys());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("http"), run.err.constData());
    QVERIFY(!run.err.contains(demo::DemoCloud::credentials().secretAccessKey.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
