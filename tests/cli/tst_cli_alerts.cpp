// End-to-end tests of `mlwatch-cli backtest` and `mlwatch-cli check` (the real binary in a
// QProcess). Pins: backtest rows byte for byte (the issue's worked example), series selection and
// its error listing, refused rules naming the field; check's one line per rule, exit 0 / 1 / 2,
// against the built-in demo (pinned with MLWATCH_DEMO_NOW) and against a workspace whose account
// points at a DemoCloud on loopback.
#include "cli_runner.h"
#include "demo/demo_cloud.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

const QString kLatencyName = QStringLiteral(
    "AWS/SageMaker:ModelLatency{EndpointName=churn-model-prod,VariantName=AllTraffic}:Average");
const QString kOtherName =
    QStringLiteral("AWS/SageMaker:ModelLatency{EndpointName=other,VariantName=AllTraffic}:Average");

const QByteArray kWorkedRule = R"({"id": "latency", "name": "Model latency",
  "series": {"namespace": "AWS/SageMaker", "metric": "ModelLatency",
             "dimensions": {"EndpointName": "churn-model-prod", "VariantName": "AllTraffic"}, "stat": "Average"},
  "comparison": "above", "critical": 1000, "criticalRecovery": 900, "unit": "ms",
  "period": 60, "evaluationPeriods": 5, "datapointsToAlarm": 3})";

// The CSV that `query` writes: one row per value, 60 s apart from 12:00:00Z; "_" = no row.
QByteArray queryCsv(const QString &series, const QStringList &values, int startMinute = 0) {
    QByteArray csv = "timestamp,series,value,unit\n";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values.at(i) == QLatin1String("_"))
            continue;
        const QDateTime t =
            QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).addSecs((startMinute + i) * 60);
        csv += iso(t).toUtf8() + ",\"" + series.toUtf8() + "\"," + values.at(i).toUtf8() + ",Milliseconds\n";
    }
    return csv;
}

} // namespace

class TestCliAlerts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void backtestPrintsTheWorkedExample();
    void backtestJsonHasTheDocumentedShape();
    void backtestPrintsEmptyValueForMissingPeriod();
    void backtestSelectsTheSeries_data();
    void backtestSelectsTheSeries();
    void backtestWithoutAMatchListsTheSeriesFound();
    void backtestRefusesAnInvalidRuleNamingTheField();
    void backtestRefusesAFileThatIsNotQueryOutput();

    void checkDemoPrintsOneLinePerRuleAndExitsOneWhenFiring();
    void checkDemoAtTheLatencySpikeFiresTheLatencyRule();
    void checkDemoComparesSummedCpuPerVcpu();
    void backtestRefusesAnInvalidInstanceTypeNamingTheField();
    void checkWorkspaceExitsZeroWhenNothingFires();
    void checkWorkspaceExitsOneWhenARuleFires();
    void checkConfigErrorsExitTwo_data();
    void checkConfigErrorsExitTwo();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QProcessEnvironment baseEnv() const;
    QByteArray workspaceWithRules(const QByteArray &rules) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<demo::DemoCloud> m_demo;
};

void TestCliAlerts::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
}

void TestCliAlerts::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestCliAlerts::write(const QString &name, const QByteArray &bytes) {
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QProcessEnvironment TestCliAlerts::baseEnv() const {
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin")); // output must stay UTC
    return env;
}

void TestCliAlerts::backtestPrintsTheWorkedExample() {
    const QString rule = write(QStringLiteral("rule.json"), kWorkedRule);
    const QString data =
        write(QStringLiteral("latency.csv"),
              queryCsv(kLatencyName,
                       QString("800,1200,1100,950,1300,950,920,880,870,860").split(QLatin1Char(','))));
    const CliRun run =
        runCli({QStringLiteral("backtest"), QStringLiteral("--rule"), rule, QStringLiteral("--data"), data},
               baseEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("timestamp,state,level,value\n"
                                 "2026-11-20T12:04:00Z,firing,critical,1300\n"
                                 "2026-11-20T12:09:00Z,ok,,860\n"));
}

void TestCliAlerts::backtestJsonHasTheDocumentedShape() {
    const QString rule = write(QStringLiteral("rule.json"), kWorkedRule);
    const QString data =
        write(QStringLiteral("latency.csv"),
              queryCsv(kLatencyName, QString("800,1200,1100,950,1300,860,860,860").split(QLatin1Char(','))));
    const CliRun run =
        runCli({QStringLiteral("backtest"), QStringLiteral("--rule"), rule, QStringLiteral("--data"), data,
                QStringLiteral("--format"), QStringLiteral("json")},
               baseEnv());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(
        run.out,
        QByteArray(R"({"rule":"latency","series":")") + kLatencyName.toUtf8() +
            R"(","changes":[{"timestamp":"2026-11-20T12:04:00Z","state":"firing","level":"critical","value":1300},)"
            R"({"timestamp":"2026-11-20T12:07:00Z","state":"ok","level":null,"value":860}]})"
            "\n");
    QVERIFY(QJsonDocument::fromJson(run.out).isObject());
}

void TestCliAlerts::backtestPrintsEmptyValueForMissingPeriod() {
    QByteArray rule = kWorkedRule;
    rule.replace(R"("evaluationPeriods": 5, "datapointsToAlarm": 3)", R"("missingData": "breaching")");
    const QString data =
        write(QStringLiteral("gap.csv"),
              queryCsv(kLatencyName, {QStringLiteral("800"), QStringLiteral("_"), QStringLiteral("800")}));
    const CliRun run = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"),
                               write(QStringLiteral("r.json"), rule), QStringLiteral("--data"), data},
                              baseEnv());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("timestamp,state,level,value\n"
                                 "2026-11-20T12:01:00Z,firing,critical,\n"
                                 "2026-11-20T12:02:00Z,ok,,800\n"));
}

void TestCliAlerts::backtestSelectsTheSeries_data() {
    QTest::addColumn<QStringList>("names");   // series in the file, each with its values
    QTest::addColumn<QStringList>("extra");   // extra arguments
    QTest::addColumn<QByteArray>("expected"); // output

    const QByteArray fires = "timestamp,state,level,value\n2026-11-20T12:00:00Z,firing,critical,1300\n";
    const QByteArray quiet = "timestamp,state,level,value\n";
    // The first named series breaches, the second does not.
    QTest::newRow("--series names the one to evaluate")
        << QStringList{kOtherName, kLatencyName} << QStringList{QStringLiteral("--series"), kOtherName}
        << fires;
    QTest::newRow("without --series: the rule's own series")
        << QStringList{kOtherName, kLatencyName} << QStringList{} << quiet;
    QTest::newRow("a file with a single series needs neither")
        << QStringList{kOtherName} << QStringList{} << fires;
}

void TestCliAlerts::backtestSelectsTheSeries() {
    QFETCH(QStringList, names);
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, expected);
    QByteArray rule = kWorkedRule;
    rule.replace(R"("evaluationPeriods": 5, "datapointsToAlarm": 3)", R"("evaluationPeriods": 1)");
    QByteArray csv = queryCsv(names.at(0), {QStringLiteral("1300")});
    if (names.size() > 1)
        csv +=
            queryCsv(names.at(1), {QStringLiteral("800")}).mid(int(qstrlen("timestamp,series,value,unit\n")));
    const CliRun run = runCli(QStringList{QStringLiteral("backtest"), QStringLiteral("--rule"),
                                          write(QStringLiteral("r.json"), rule), QStringLiteral("--data"),
                                          write(QStringLiteral("d.csv"), csv)} +
                                  extra,
                              baseEnv());
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void TestCliAlerts::backtestWithoutAMatchListsTheSeriesFound() {
    const QString other2 = QStringLiteral("AWS/SageMaker:ModelLatency{EndpointName=third}:Average");
    QByteArray csv = queryCsv(kOtherName, {QStringLiteral("1")});
    csv += queryCsv(other2, {QStringLiteral("1")}).mid(int(qstrlen("timestamp,series,value,unit\n")));
    const CliRun run = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"),
                               write(QStringLiteral("r.json"), kWorkedRule), QStringLiteral("--data"),
                               write(QStringLiteral("d.csv"), csv)},
                              baseEnv());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(kOtherName.toUtf8()) && run.err.contains(other2.toUtf8()), run.err.constData());
}

void TestCliAlerts::backtestRefusesAnInvalidRuleNamingTheField() {
    QByteArray rule = kWorkedRule;
    rule.replace(R"("datapointsToAlarm": 3)", R"("datapointsToAlarm": 6)");
    const CliRun run = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"),
                               write(QStringLiteral("r.json"), rule), QStringLiteral("--data"),
                               write(QStringLiteral("d.csv"), queryCsv(kLatencyName, {QStringLiteral("1")}))},
                              baseEnv());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.startsWith("datapointsToAlarm: "), run.err.constData());
}

void TestCliAlerts::backtestRefusesAFileThatIsNotQueryOutput() {
    const CliRun run = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"),
                               write(QStringLiteral("r.json"), kWorkedRule), QStringLiteral("--data"),
                               write(QStringLiteral("d.csv"), "time,value\n1,2\n")},
                              baseEnv());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(run.err.contains("timestamp,series,value,unit"));
}

void TestCliAlerts::checkDemoPrintsOneLinePerRuleAndExitsOneWhenFiring() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), QStringLiteral("2026-11-20T12:00:00Z"));
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--demo")}, env);
    QVERIFY(run.finished);
    QCOMPARE(run.err, QByteArray());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 5);
    bool anyFiring = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        QCOMPARE(parts.size(), 2);
        QVERIFY2(parts.at(0).startsWith("default:"), line.constData());
        QVERIFY2(QList<QByteArray>({"ok", "pending", "firing", "nodata"}).contains(parts.at(1)),
                 line.constData());
        anyFiring = anyFiring || parts.at(1) == "firing";
    }
    QVERIFY(lines.contains("default:monitoring/latency/churn-model-prod/AllTraffic ok"));
    QCOMPARE(run.exitCode, anyFiring ? 1 : 0);
    QVERIFY(anyFiring); // the demo's drifting feature
}

void TestCliAlerts::checkDemoAtTheLatencySpikeFiresTheLatencyRule() {
    // The demo's story has a 20-minute latency spike above one second 5 h before its anchor.
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), QStringLiteral("2026-11-20T12:00:00Z"));
    const CliRun run = runCli(
        {QStringLiteral("check"), QStringLiteral("--demo"), QStringLiteral("--at"), QStringLiteral("-5h")},
        env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("default:monitoring/latency/churn-model-prod/AllTraffic firing\n"),
             run.out.constData());
}

// The demo endpoint (ml.m5.xlarge, 4 vCPUs) publishes CPUUtilization summed over its vCPUs, as
// SageMaker does: around 160 % at the anchor, i.e. about 40 % per vCPU. The default endpoint CPU
// rule (critical 90 %, 8 of 10 minutes) carries the chart's instance type and compares per vCPU,
// so it is ok — compared summed, every one of those minutes would breach.
void TestCliAlerts::checkDemoComparesSummedCpuPerVcpu() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), QStringLiteral("2026-11-20T12:00:00Z"));
    const CliRun raw =
        runCli({QStringLiteral("query"), QStringLiteral("aws"), QStringLiteral("--demo"),
                QStringLiteral("--namespace"), QStringLiteral("/aws/sagemaker/Endpoints"),
                QStringLiteral("--metric"), QStringLiteral("CPUUtilization"), QStringLiteral("--dimension"),
                QStringLiteral("EndpointName=churn-model-prod"), QStringLiteral("--dimension"),
                QStringLiteral("VariantName=AllTraffic"), QStringLiteral("--stat"), QStringLiteral("Average"),
                QStringLiteral("--period"), QStringLiteral("60"), QStringLiteral("--from"),
                QStringLiteral("2026-11-20T11:45:00Z"), QStringLiteral("--to"),
                QStringLiteral("2026-11-20T12:00:00Z")},
               env);
    QCOMPARE(raw.exitCode, 0);
    QList<QByteArray> rows = raw.out.trimmed().split('\n');
    rows.removeFirst(); // header
    QVERIFY(rows.size() >= 10);
    for (const QByteArray &row : std::as_const(rows)) {
        const QList<QByteArray> fields = row.split(','); // the quoted series name has commas too
        const double value = fields.value(fields.size() - 2).toDouble();
        QVERIFY2(value > 90 && value / 4 < 90, row.constData()); // summed breaches, per vCPU not
    }

    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--demo")}, env);
    QVERIFY(run.finished);
    QCOMPARE(run.err, QByteArray());
    QVERIFY2(run.out.contains("default:deployment/cpu/churn-model-prod/AllTraffic ok\n"),
             run.out.constData());
}

void TestCliAlerts::backtestRefusesAnInvalidInstanceTypeNamingTheField() {
    QByteArray rule = kWorkedRule;
    rule.replace(R"("unit": "ms")", R"("unit": "ms", "instanceType": "ml.m5.xlarge; rm -rf")");
    const CliRun run = runCli({QStringLiteral("backtest"), QStringLiteral("--rule"),
                               write(QStringLiteral("r.json"), rule), QStringLiteral("--data"),
                               write(QStringLiteral("d.csv"), queryCsv(kLatencyName, {QStringLiteral("1")}))},
                              baseEnv());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.startsWith("instanceType: "), run.err.constData());
}

QByteArray TestCliAlerts::workspaceWithRules(const QByteArray &rules) const {
    return R"({"format": "mlwatch-workspace", "version": 1,
      "accounts": [{"id": "demo", "kind": "aws", "region": "us-east-1", "endpointUrl": ")" +
           m_demo->endpoint().toString().toUtf8() + R"("}],
      "rules": [)" +
           rules + "]}";
}

// Invocations (Sum per minute) of the demo endpoint: traffic never stops, and never reaches 1e9.
static QByteArray invocationsRule(const char *id, const char *critical) {
    return QByteArray(R"({"id": ")") + id +
           R"(", "series": {"namespace": "AWS/SageMaker", "metric": "Invocations",
        "dimensions": {"EndpointName": "churn-model-prod", "VariantName": "AllTraffic"}, "stat": "Sum"},
        "comparison": "above", "critical": )" +
           critical + R"(, "unit": "count", "evaluationDelay": 0})";
}

void TestCliAlerts::checkWorkspaceExitsZeroWhenNothingFires() {
    m_demo = std::make_unique<demo::DemoCloud>();
    QVERIFY(m_demo->start());
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), demo::DemoCloud::credentials().accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), demo::DemoCloud::credentials().secretAccessKey);
    const QString ws = write(QStringLiteral("ws.json"), workspaceWithRules(invocationsRule("never", "1e9")));
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--workspace"), ws,
                               QStringLiteral("--at"), QStringLiteral("-1h")},
                              env);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out, QByteArray("never ok\n"));
    QCOMPARE(run.exitCode, 0);
}

void TestCliAlerts::checkWorkspaceExitsOneWhenARuleFires() {
    m_demo = std::make_unique<demo::DemoCloud>();
    QVERIFY(m_demo->start());
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), demo::DemoCloud::credentials().accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), demo::DemoCloud::credentials().secretAccessKey);
    const QString ws =
        write(QStringLiteral("ws.json"),
              workspaceWithRules(invocationsRule("never", "1e9") + "," + invocationsRule("traffic", "0")));
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--workspace"), ws,
                               QStringLiteral("--at"), QStringLiteral("-1h")},
                              env);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out, QByteArray("never ok\ntraffic firing\n"));
    QCOMPARE(run.exitCode, 1);
}

void TestCliAlerts::checkConfigErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("workspace"); // written to ws.json when not empty
    QTest::addColumn<QByteArray>("mentions");
    const QByteArray rule = invocationsRule("r", "1");
    QTest::newRow("neither --workspace nor --demo")
        << QStringList{} << QByteArray() << QByteArray("--workspace");
    QTest::newRow("malformed workspace names line and column")
        << QStringList{} << QByteArray("{\n\"format\": \"mlwatch-workspace\",,\n}")
        << QByteArray("line 2, column");
    QTest::newRow("newer workspace version")
        << QStringList{} << QByteArray(R"({"format":"mlwatch-workspace","version":9})")
        << QByteArray("newer MLWatch (version 9)");
    QTest::newRow("invalid rule in the workspace")
        << QStringList{}
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":"us-east-1"}],"rules":[)" +
               QByteArray(rule).replace(R"("critical": 1)", R"("critical": 1, "criticalRecovery": 2)") + "]}")
        << QByteArray("rules[0].criticalRecovery");
    QTest::newRow("no credentials for the account")
        << QStringList{}
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":"us-east-1"}],"rules":[)" +
               rule + "]}")
        << QByteArray();
    QTest::newRow("bad --at") << QStringList{QStringLiteral("--demo"), QStringLiteral("--at"),
                                             QStringLiteral("yesterday")}
                              << QByteArray() << QByteArray("--at");
}

void TestCliAlerts::checkConfigErrorsExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, workspace);
    QFETCH(QByteArray, mentions);
    QStringList all{QStringLiteral("check")};
    if (!workspace.isEmpty())
        all << QStringLiteral("--workspace") << write(QStringLiteral("ws.json"), workspace);
    const CliRun run = runCli(all + args, baseEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliAlerts)
#include "tst_cli_alerts.moc"
