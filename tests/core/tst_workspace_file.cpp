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
    return ws;
}

const char kRule[] =
    R"({"id":"r","series":{"namespace":"N","metric":"M"},"comparison":"above","critical":1,"unit":""})";

} // namespace

class TestWorkspaceFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripThroughAFile();
    void membersOfLaterIssuesSurviveARoundTrip();
    void minimalFileLoads();

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
    QTest::newRow("newer version") << QByteArray(R"({"format":"mlwatch-workspace","version":2})")
                                   << "version: 2 is newer than this MLWatch reads";
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
    QCOMPARE(WorkspaceFile::load(path)->accounts.size(), 1);
    // Saving into a directory that does not exist fails as an I/O error and touches nothing.
    Result<void> r = WorkspaceFile::save(dir.filePath(QStringLiteral("missing/w.json")), changed);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
}

void TestWorkspaceFile::savedFileHoldsNoSecretMembers() {
    const QByteArray bytes = WorkspaceFile::serialize(sampleWorkspace());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("mlwatch-workspace"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject account = root.value(QStringLiteral("accounts")).toArray().at(0).toObject();
    QCOMPARE(account.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("kind"),
                                          QStringLiteral("profile"), QStringLiteral("region")}));
    QVERIFY(!bytes.contains("secret") && !bytes.contains("token"));
}

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "tst_workspace_file.moc"
