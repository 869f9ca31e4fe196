// The versioned workspace file: a round trip loses nothing (not even members a later version
// adds), malformed files are refused with a message that says where and what, newer versions
// are refused, secrets are refused, and saving is atomic.
#include "core/workspace/json_object_reader.h"
#include "core/workspace/workspace_file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

namespace {

ChartSeriesSpec seriesOf(const MetricQuery &query, const QString &legend) {
    ChartSeriesSpec s;
    s.query = query;
    s.legend = legend;
    return s;
}

Workspace sampleWorkspace() {
    Workspace ws;
    ws.accounts.append(WorkspaceAccount{QStringLiteral("prod"), QStringLiteral("aws"),
                                        QStringLiteral("eu-west-1"), QStringLiteral("ml-prod"), QString(),
                                        QString()});
    ws.accounts.append(WorkspaceAccount{QStringLiteral("local"), QStringLiteral("aws"),
                                        QStringLiteral("us-east-1"), QString(),
                                        QStringLiteral("http://127.0.0.1:4566"), QStringLiteral("query")});
    AlertRule r;
    r.id = QStringLiteral("latency");
    r.name = QStringLiteral("Model latency");
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = QStringLiteral("ModelLatency");
    r.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")}};
    r.series.stat = QStringLiteral("Average");
    r.series.periodSeconds = 60;
    r.critical = 1000;
    r.criticalRecovery = 900;
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Microseconds;
    r.evaluationPeriods = 5;
    r.datapointsToAlarm = 3;
    ws.rules.append(r);

    // Every ChartSpec member that is saved, with values other than the defaults.
    ChartSpec c;
    c.id = QStringLiteral("deployment/latency/churn");
    c.stage = Stage::Deployment;
    c.title = QStringLiteral("Latency — churn");
    c.resource = QStringLiteral("churn/AllTraffic");
    c.account = QStringLiteral("prod");
    c.cloud = QStringLiteral("aws");
    c.unit = Unit::Microseconds;
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = QStringLiteral("ModelLatency");
    // sorted by name: a file's dimensions read back in name order
    q.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")},
                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    q.stat = QStringLiteral("p99");
    q.periodSeconds = 300;
    q.resource = QStringLiteral("arn:aws:sagemaker:eu-west-1:1:endpoint/churn");
    q.account = QStringLiteral("prod");
    c.instanceType = QStringLiteral("ml.g5.12xlarge");
    c.series = {seriesOf(q, QStringLiteral("p99"))};
    q.stat = QStringLiteral("Average");
    c.series.append(seriesOf(q, QStringLiteral("Average")));
    // A derived series (RED): its query names it, its inputs are what is fetched.
    ChartSeriesSpec rate = seriesOf(q, QStringLiteral("Requests per second"));
    rate.query.metricName = QStringLiteral("Invocations/s");
    rate.derivation = SeriesDerivation::RatePerSecond;
    MetricQuery invocations = q;
    invocations.metricName = QStringLiteral("Invocations");
    invocations.stat = QStringLiteral("Sum");
    rate.inputs = {invocations};
    c.series.append(rate);
    c.thresholds = {ThresholdLine{500, ThresholdLevel::Warning},
                    ThresholdLine{1000, ThresholdLevel::Critical}};
    c.explanation = QStringLiteral("Slow answers lose users.");
    ChartSpec azure;
    azure.id = QStringLiteral("training/gpu/demo-azure/fraud-ml/gpu-cluster");
    azure.stage = Stage::Training;
    azure.title = QStringLiteral("GPU");
    azure.account = QStringLiteral("demo-azure");
    azure.cloud = QStringLiteral("azure");
    azure.unit = Unit::Percent;
    MetricQuery aq;
    aq.namespaceName = QStringLiteral("Microsoft.MachineLearningServices/workspaces");
    aq.metricName = QStringLiteral("GpuUtilization");
    aq.stat = QStringLiteral("Maximum");
    aq.resource = QStringLiteral("/subscriptions/s/resourceGroups/g/providers/x/workspaces/fraud-ml");
    aq.account = QStringLiteral("demo-azure");
    azure.series = {seriesOf(aq, QStringLiteral("GPU"))};
    ws.charts = QList<ChartSpec>{c, azure};
    ws.accounts.append(WorkspaceAccount{QStringLiteral("demo-azure"), QStringLiteral("azure"), QString(),
                                        QString(), QString(), QString()});
    return ws;
}

// A version 2 file with one chart whose members are `chart` (spliced in), for the malformed rows.
QByteArray withChart(const QByteArray &chart) {
    return R"({"format":"mlwatch-workspace","version":2,"charts":[)" + chart + "]}";
}

const char kChart[] =
    R"({"id":"c","stage":"training","series":[{"legend":"L","query":{"namespace":"N","metric":"M"}}]})";

const char kRule[] =
    R"({"id":"r","series":{"namespace":"N","metric":"M"},"comparison":"above","critical":1,"unit":""})";

} // namespace

class TestWorkspaceFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripThroughAFile();
    void membersOfLaterIssuesSurviveARoundTrip();
    void minimalFileLoads();
    void versionOneFileStillReads();
    void chartsWithoutOptionalMembersGetDefaults();
    void placeholderStateIsNotSaved();

    void malformedFilesAreRefused_data();
    void malformedFilesAreRefused();
    void textPositionCountsLinesAndCharacters();
    void saveIsAtomicAndLeavesNoTemporaryFile();
    void savedFileHoldsNoSecretMembers();
};

void TestWorkspaceFile::roundTripThroughAFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("team.mlwatch.json"));
    const Workspace ws = sampleWorkspace();
    QVERIFY(WorkspaceFile::save(path, ws));
    Result<Workspace> back = WorkspaceFile::load(path);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, ws);
}

void TestWorkspaceFile::membersOfLaterIssuesSurviveARoundTrip() {
    const QByteArray json = QByteArray(R"({"format":"mlwatch-workspace","version":1,"accounts":[],"rules":[],
        "tabs":[{"stage":"training","charts":["a","b"]}],"theme":"dark"})");
    Result<Workspace> ws = WorkspaceFile::parse(json);
    QVERIFY(ws);
    QCOMPARE(ws->extra.value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    Result<Workspace> again = WorkspaceFile::parse(WorkspaceFile::serialize(*ws));
    QVERIFY(again);
    QCOMPARE(again->extra, ws->extra);
}

void TestWorkspaceFile::minimalFileLoads() {
    Result<Workspace> ws = WorkspaceFile::parse(R"({"format":"mlwatch-workspace","version":1})");
    QVERIFY(ws);
    QVERIFY(ws->accounts.isEmpty());
    QVERIFY(ws->rules.isEmpty());
}

void TestWorkspaceFile::versionOneFileStillReads() {
    const QByteArray json = R"({"format":"mlwatch-workspace","version":1,
        "accounts":[{"id":"prod","kind":"aws","region":"eu-west-1"}],"rules":[)" +
                            QByteArray(kRule) + "]}";
    Result<Workspace> ws = WorkspaceFile::parse(json);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QCOMPARE(ws->accounts.size(), 1);
    QCOMPARE(ws->rules.size(), 1);
    QVERIFY(!ws->charts.has_value()); // no charts member: the app keeps the charts it has
    // Saved again, it is a version 2 file, still without charts.
    const QJsonObject root = QJsonDocument::fromJson(WorkspaceFile::serialize(*ws)).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(!root.contains(QStringLiteral("charts")));
}

void TestWorkspaceFile::chartsWithoutOptionalMembersGetDefaults() {
    Result<Workspace> ws = WorkspaceFile::parse(withChart(kChart));
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    QVERIFY(ws->charts.has_value());
    QCOMPARE(ws->charts->size(), 1);
    const ChartSpec &c = ws->charts->first();
    QCOMPARE(c.stage, Stage::Training);
    QCOMPARE(c.unit, Unit::None);
    QCOMPARE(c.series.first().query.stat, QStringLiteral("Average"));
    QCOMPARE(c.series.first().query.periodSeconds, 60);
    QVERIFY(c.thresholds.isEmpty());
    // An empty charts array is a workspace with no charts, not one without the member.
    Result<Workspace> none = WorkspaceFile::parse(withChart(QByteArray()));
    QVERIFY(none && none->charts && none->charts->isEmpty());
}

void TestWorkspaceFile::placeholderStateIsNotSaved() {
    Workspace ws = sampleWorkspace();
    (*ws.charts)[0].missingReason = QStringLiteral("ModelLatency of churn is not in prod");
    (*ws.charts)[0].accountLabel = QStringLiteral("Production");
    const QByteArray bytes = WorkspaceFile::serialize(ws);
    QVERIFY(!bytes.contains("is not in prod") && !bytes.contains("Production"));
    Result<Workspace> back = WorkspaceFile::parse(bytes);
    QVERIFY(back);
    QCOMPARE(*back, sampleWorkspace()); // the placeholder's series are all still there
}

void TestWorkspaceFile::malformedFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    const QByteArray rule(kRule);
    QTest::newRow("malformed JSON names line and column")
        << QByteArray("{\n  \"format\": \"mlwatch-workspace\",\n  \"version\": 1,,\n}") << "line 3, column";
    QTest::newRow("not an object") << QByteArray("[1,2]") << "expected a JSON object";
    QTest::newRow("empty file") << QByteArray("") << "line 1, column 1";
    QTest::newRow("missing format") << QByteArray(R"({"version":1})") << "format:";
    QTest::newRow("another format") << QByteArray(R"({"format":"grafana-dashboard","version":1})")
                                    << "format:";
    QTest::newRow("newer version names both versions")
        << QByteArray(R"({"format":"mlwatch-workspace","version":3,"charts":"whatever"})")
        << "version: this workspace was written by a newer MLWatch (version 3); this one reads up to 2";
    QTest::newRow("version zero") << QByteArray(R"({"format":"mlwatch-workspace","version":0})")
                                  << "version:";
    QTest::newRow("version as text") << QByteArray(R"({"format":"mlwatch-workspace","version":"1"})")
                                     << "version:";
    QTest::newRow("accounts not an array")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1,"accounts":{}})") << "accounts:";
    QTest::newRow("account without id")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"kind":"aws","region":"r"}]})")
        << "accounts[0].id:";
    QTest::newRow("account without region")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws"}]})")
        << "accounts[0].region:";
    QTest::newRow("account of an unsupported kind")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"oracle","region":"r"}]})")
        << "accounts[0].kind:";
    QTest::newRow("account region not a string")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":5}]})")
        << "accounts[0].region:";
    QTest::newRow("account with a bad protocol")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":"r","protocol":"xml"}]})")
        << "accounts[0].protocol:";
    QTest::newRow("account with a secret is refused")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":"r","secretAccessKey":"wJalr"}]})")
        << "accounts[0].secretAccessKey:";
    QTest::newRow("duplicate account ids")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"accounts":[{"id":"a","kind":"aws","region":"r"},{"id":"a","kind":"aws","region":"r"}]})")
        << "accounts[1].id:";
    QTest::newRow("rule not an object")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1,"rules":[3]})") << "rules[0]:";
    QTest::newRow("invalid rule names the rule and its field")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"rules":[)" + rule +
               R"(,{"id":"q","series":{"namespace":"N","metric":"M"},"comparison":"above","critical":1,"unit":"","evaluationPeriods":2,"datapointsToAlarm":3}]})")
        << "rules[1].datapointsToAlarm:";
    QTest::newRow("duplicate rule ids")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1,"rules":[)" + rule + "," + rule + "]}")
        << "rules[1].id:";
    QTest::newRow("rule watching an unknown account")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":1,"rules":[{"id":"r","account":"nope","series":{"namespace":"N","metric":"M"},"comparison":"above","critical":1,"unit":""}]})")
        << "rules[0].account:";
    const QByteArray chart(kChart);
    QTest::newRow("charts not an array")
        << QByteArray(R"({"format":"mlwatch-workspace","version":2,"charts":{}})") << "charts: must be";
    QTest::newRow("chart not an object") << withChart("7") << "charts[0]: must be a JSON object";
    QTest::newRow("chart without id") << withChart(R"({"stage":"training"})") << "charts[0].id: is required";
    QTest::newRow("chart of an unknown stage")
        << withChart(R"({"id":"c","stage":"testing"})") << "charts[0].stage: \"testing\" is not a stage";
    QTest::newRow("chart of an unknown unit")
        << withChart(R"({"id":"c","stage":"training","unit":"furlongs"})") << "charts[0].unit:";
    QTest::newRow("chart title not a string")
        << withChart(R"({"id":"c","stage":"training","title":5})") << "charts[0].title: must be a string";
    QTest::newRow("chart of an unknown cloud")
        << withChart(R"({"id":"c","stage":"training","cloud":"oracle"})") << "charts[0].cloud:";
    QTest::newRow("series not an array")
        << withChart(R"({"id":"c","stage":"training","series":{}})") << "charts[0].series: must be";
    QTest::newRow("series without a query")
        << withChart(R"({"id":"c","stage":"training","series":[{"legend":"L"}]})")
        << "charts[0].series[0].query: is required";
    QTest::newRow("metric not a string names its whole path")
        << withChart(chart +
                     R"(,{"id":"d","stage":"training","series":[{"query":{"namespace":"N","metric":"M"}},
                          {"query":{"namespace":"N","metric":3}}]})")
        << "charts[1].series[1].query.metric: must be a string";
    QTest::newRow("metric missing")
        << withChart(R"({"id":"c","stage":"training","series":[{"query":{"namespace":"N"}}]})")
        << "charts[0].series[0].query.metric: is required";
    QTest::newRow("period of zero")
        << withChart(
               R"({"id":"c","stage":"training","series":[{"query":{"namespace":"N","metric":"M","period":0}}]})")
        << "charts[0].series[0].query.period:";
    QTest::newRow("dimension value not a string")
        << withChart(
               R"({"id":"c","stage":"training","series":[{"query":{"namespace":"N","metric":"M","dimensions":{"EndpointName":1}}}]})")
        << "charts[0].series[0].query.dimensions.EndpointName: must be a string";
    QTest::newRow("threshold of an unknown level")
        << withChart(R"({"id":"c","stage":"training","thresholds":[{"value":1,"level":"severe"}]})")
        << "charts[0].thresholds[0].level:";
    QTest::newRow("threshold value not a number")
        << withChart(R"({"id":"c","stage":"training","thresholds":[{"value":"1"}]})")
        << "charts[0].thresholds[0].value:";
    QTest::newRow("duplicate chart ids") << withChart(chart + "," + chart) << "charts[1].id: \"c\" is used";
    QTest::newRow("secret member on a chart is refused")
        << withChart(R"({"id":"c","stage":"training","apiKey":"wJalr"})")
        << "charts[0].apiKey: secrets never";
    QTest::newRow("secret member inside a chart's query is refused")
        << withChart(
               R"({"id":"c","stage":"training","series":[{"query":{"namespace":"N","metric":"M","sessionToken":"wJalr"}}]})")
        << "charts[0].series[0].query.sessionToken: secrets never";
    QTest::newRow("secret member on an Azure account is refused")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":2,"accounts":[{"id":"a","kind":"azure","clientSecret":"wJalr"}]})")
        << "accounts[0].clientSecret:";
    QTest::newRow("top-level secret")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1,"sessionToken":"x"})") << "sessionToken:";
}

void TestWorkspaceFile::malformedFilesAreRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    Result<Workspace> ws = WorkspaceFile::parse(json);
    QVERIFY(!ws);
    QCOMPARE(ws.error().code, ErrorCode::BadArgument);
    QVERIFY2(ws.error().message.contains(mentions), qPrintable(ws.error().message));
    QVERIFY(!ws.error().message.contains(QStringLiteral("wJalr"))); // a secret is never echoed
}

void TestWorkspaceFile::textPositionCountsLinesAndCharacters() {
    const QByteArray text = "ab\n\xc3\xa9x\nz"; // "é" is two bytes, one character
    QCOMPARE(textPositionOf(text, 0).line, 1);
    QCOMPARE(textPositionOf(text, 3).line, 2);
    QCOMPARE(textPositionOf(text, 3).column, 1);
    QCOMPARE(textPositionOf(text, 5).column, 2); // after "é"
    QCOMPARE(textPositionOf(text, 7).line, 3);
}

void TestWorkspaceFile::saveIsAtomicAndLeavesNoTemporaryFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.json"));
    QVERIFY(WorkspaceFile::save(path, sampleWorkspace()));
    Workspace changed = sampleWorkspace();
    changed.accounts.removeLast();
    QVERIFY(WorkspaceFile::save(path, changed));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("w.json")});
    QCOMPARE(WorkspaceFile::load(path)->accounts.size(), sampleWorkspace().accounts.size() - 1);
    // Saving into a directory that does not exist fails as an I/O error and touches nothing.
    Result<void> r = WorkspaceFile::save(dir.filePath(QStringLiteral("missing/w.json")), changed);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
}

void TestWorkspaceFile::savedFileHoldsNoSecretMembers() {
    const QByteArray bytes = WorkspaceFile::serialize(sampleWorkspace());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("mlwatch-workspace"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), WorkspaceFile::kVersion);
    const QJsonObject account = root.value(QStringLiteral("accounts")).toArray().at(0).toObject();
    QCOMPARE(account.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("kind"),
                                          QStringLiteral("profile"), QStringLiteral("region")}));
    QVERIFY(!bytes.contains("secret") && !bytes.contains("token"));
    // A chart holds its queries and nothing of this machine's view of them.
    const QJsonObject chart = root.value(QStringLiteral("charts")).toArray().at(0).toObject();
    QCOMPARE(chart.keys(),
             (QStringList{QStringLiteral("account"), QStringLiteral("cloud"), QStringLiteral("explanation"),
                          QStringLiteral("id"), QStringLiteral("instanceType"), QStringLiteral("resource"),
                          QStringLiteral("series"), QStringLiteral("stage"), QStringLiteral("thresholds"),
                          QStringLiteral("title"), QStringLiteral("unit")}));
}

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "tst_workspace_file.moc"
