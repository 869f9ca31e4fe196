// The user rules file (alert-rules.json beside the alert history): a round trip through the file
// loses nothing, a user rule with a default's id overrides the default in place, a deleted
// default stays deleted, and malformed files are refused with a message naming the file and the
// line and column (never half-read).
#include "core/alerts/user_rules_file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

namespace {

AlertRule makeRule(const QString &id, double critical,
                   const QString &metric = QStringLiteral("ModelLatency")) {
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("Rule ") + id;
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = metric;
    r.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")}};
    r.series.stat = QStringLiteral("Average");
    r.series.periodSeconds = 60;
    r.critical = critical;
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Microseconds;
    return r;
}

QStringList idsOf(const QList<AlertRule> &rules) {
    QStringList ids;
    for (const AlertRule &r : rules)
        ids.append(r.id);
    return ids;
}

// The three defaults a session might build, in chart order.
QList<AlertRule> defaults() {
    return {makeRule(QStringLiteral("default:latency"), 1000), makeRule(QStringLiteral("default:errors"), 20),
            makeRule(QStringLiteral("default:cpu"), 90, QStringLiteral("CPUUtilization"))};
}

bool write(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const char kRule[] =
    R"({"id":"r","series":{"namespace":"N","metric":"M"},"comparison":"above","critical":1,"unit":""})";

} // namespace

class TestUserRulesFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripThroughAFile();
    void fileHasTheDocumentedShape();
    void missingFileHoldsNoUserRules();
    void saveCreatesTheFolderAndLeavesNoTemporaryFile();

    void appliedTo_data();
    void appliedTo();
    void recordingChanges_data();
    void recordingChanges();

    void malformedFilesAreRefused_data();
    void malformedFilesAreRefused();
    void unreadableFileIsAnIoError();
};

void TestUserRulesFile::roundTripThroughAFile() {
    QTemporaryDir dir;
    const QString path = UserRulesFile::pathIn(dir.path());
    QCOMPARE(path, dir.path() + QStringLiteral("/alert-rules.json"));
    UserRules rules;
    AlertRule full = makeRule(QStringLiteral("rule:1"), 1000);
    full.warning = 500;
    full.warningRecovery = 450;
    full.criticalRecovery = 900;
    full.evaluationPeriods = 5;
    full.datapointsToAlarm = 3;
    full.pendingForSeconds = 120;
    full.missingData = MissingDataPolicy::NotBreaching;
    full.notifications.webhookUrl = QUrl(QStringLiteral("https://hooks.example.com/T0/B0"));
    full.notifications.desktop = false;
    full.description = QStringLiteral("Ünïcode — and \"quotes\"");
    rules.rules = {full, makeRule(QStringLiteral("default:latency"), 1200)};
    rules.deletedDefaults = {QStringLiteral("default:cpu")};

    QVERIFY(UserRulesFile::save(path, rules));
    const Result<UserRules> back = UserRulesFile::load(path);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, rules);
    // Writing what was read gives the same bytes: the file is stable across restarts.
    QCOMPARE(UserRulesFile::serialize(*back), UserRulesFile::serialize(rules));
}

void TestUserRulesFile::fileHasTheDocumentedShape() {
    UserRules rules;
    rules.rules = {makeRule(QStringLiteral("rule:1"), 1000)};
    rules.deletedDefaults = {QStringLiteral("default:cpu")};
    const QByteArray bytes = UserRulesFile::serialize(rules);
    QVERIFY(bytes.endsWith('\n'));
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("mlwatch-rules"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    // Each rule is exactly the object of a workspace file.
    QCOMPARE(root.value(QStringLiteral("rules")).toArray().at(0).toObject(), rules.rules.first().toJson());
    QCOMPARE(root.value(QStringLiteral("deletedDefaults")).toArray().at(0).toString(),
             QStringLiteral("default:cpu"));
}

void TestUserRulesFile::missingFileHoldsNoUserRules() {
    QTemporaryDir dir;
    const Result<UserRules> none =
        UserRulesFile::load(dir.filePath(QStringLiteral("absent/alert-rules.json")));
    QVERIFY(none);
    QVERIFY(none->isEmpty());
    // And an empty document of the right format is fine too.
    const Result<UserRules> empty =
        UserRulesFile::parse(R"({"format":"mlwatch-rules","version":1})", QStringLiteral("x"));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestUserRulesFile::saveCreatesTheFolderAndLeavesNoTemporaryFile() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("alerts/demo"));
    const QString path = UserRulesFile::pathIn(folder);
    UserRules rules;
    rules.rules = {makeRule(QStringLiteral("rule:1"), 1000)};
    QVERIFY(UserRulesFile::save(path, rules));
    rules.rules.first().critical = 2000;
    QVERIFY(UserRulesFile::save(path, rules)); // replaces the file
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("alert-rules.json")});
    QCOMPARE(UserRulesFile::load(path)->rules.first().critical, 2000.0);
}

void TestUserRulesFile::appliedTo_data() {
    QTest::addColumn<QStringList>("deleted");
    QTest::addColumn<QList<AlertRule>>("user");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<double>("expectedLatencyCritical"); // of default:latency, 0 when absent

    QTest::newRow("no user rules: the defaults as they are")
        << QStringList() << QList<AlertRule>()
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:errors"),
                       QStringLiteral("default:cpu")}
        << 1000.0;
    QTest::newRow("a user rule with a default's id overrides it in place")
        << QStringList() << QList<AlertRule>{makeRule(QStringLiteral("default:latency"), 1500)}
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:errors"),
                       QStringLiteral("default:cpu")}
        << 1500.0;
    QTest::newRow("new user rules come after the defaults, in their order")
        << QStringList()
        << QList<AlertRule>{makeRule(QStringLiteral("rule:b"), 1), makeRule(QStringLiteral("rule:a"), 2)}
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:errors"),
                       QStringLiteral("default:cpu"), QStringLiteral("rule:b"), QStringLiteral("rule:a")}
        << 1000.0;
    QTest::newRow("a deleted default stays deleted")
        << QStringList{QStringLiteral("default:errors")} << QList<AlertRule>()
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:cpu")} << 1000.0;
    QTest::newRow("a deleted default the catalog no longer builds is no problem")
        << QStringList{QStringLiteral("default:gone")} << QList<AlertRule>()
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:errors"),
                       QStringLiteral("default:cpu")}
        << 1000.0;
    QTest::newRow("an overridden default whose chart is gone still runs")
        << QStringList() << QList<AlertRule>{makeRule(QStringLiteral("default:gone"), 5)}
        << QStringList{QStringLiteral("default:latency"), QStringLiteral("default:errors"),
                       QStringLiteral("default:cpu"), QStringLiteral("default:gone")}
        << 1000.0;
    QTest::newRow("everything at once")
        << QStringList{QStringLiteral("default:latency")}
        << QList<AlertRule>{makeRule(QStringLiteral("rule:x"), 1),
                            makeRule(QStringLiteral("default:cpu"), 95)}
        << QStringList{QStringLiteral("default:errors"), QStringLiteral("default:cpu"),
                       QStringLiteral("rule:x")}
        << 0.0;
}

void TestUserRulesFile::appliedTo() {
    QFETCH(QStringList, deleted);
    QFETCH(QList<AlertRule>, user);
    QFETCH(QStringList, expectedIds);
    QFETCH(double, expectedLatencyCritical);

    UserRules rules;
    rules.rules = user;
    rules.deletedDefaults = deleted;
    const QList<AlertRule> applied = rules.appliedTo(defaults());
    QCOMPARE(idsOf(applied), expectedIds);
    double latency = 0;
    for (const AlertRule &r : applied) {
        if (r.id == QLatin1String("default:latency"))
            latency = r.critical;
        // Every user rule is taken as the user wrote it.
        for (const AlertRule &u : user)
            if (u.id == r.id)
                QCOMPARE(r, u);
    }
    QCOMPARE(latency, expectedLatencyCritical);
    // Applying again (a second chartsReady) changes nothing.
    QCOMPARE(rules.appliedTo(applied), applied);
}

void TestUserRulesFile::recordingChanges_data() {
    QTest::addColumn<QStringList>("steps"); // "save:<id>:<critical>" or "delete:<id>"
    QTest::addColumn<QStringList>("expectedRules");
    QTest::addColumn<QStringList>("expectedDeleted");

    QTest::newRow("saving a new rule adds it") << QStringList{QStringLiteral("save:rule:a:1")}
                                               << QStringList{QStringLiteral("rule:a")} << QStringList();
    QTest::newRow("saving again replaces it in its place")
        << QStringList{QStringLiteral("save:rule:a:1"), QStringLiteral("save:rule:b:1"),
                       QStringLiteral("save:rule:a:2")}
        << QStringList{QStringLiteral("rule:a"), QStringLiteral("rule:b")} << QStringList();
    QTest::newRow("deleting a user rule forgets it")
        << QStringList{QStringLiteral("save:rule:a:1"), QStringLiteral("delete:rule:a")} << QStringList()
        << QStringList();
    QTest::newRow("deleting a default remembers its id")
        << QStringList{QStringLiteral("delete:default:cpu"), QStringLiteral("delete:default:cpu")}
        << QStringList() << QStringList{QStringLiteral("default:cpu")};
    QTest::newRow("deleting an edited default drops the edit and remembers the id")
        << QStringList{QStringLiteral("save:default:cpu:95"), QStringLiteral("delete:default:cpu")}
        << QStringList() << QStringList{QStringLiteral("default:cpu")};
    QTest::newRow("saving a deleted default's id brings it back")
        << QStringList{QStringLiteral("delete:default:cpu"), QStringLiteral("save:default:cpu:95")}
        << QStringList{QStringLiteral("default:cpu")} << QStringList();
}

void TestUserRulesFile::recordingChanges() {
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expectedRules);
    QFETCH(QStringList, expectedDeleted);

    UserRules rules;
    double lastCritical = 0;
    for (const QString &step : std::as_const(steps)) {
        if (step.startsWith(QLatin1String("save:"))) {
            const QString rest = step.mid(5);
            const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
            lastCritical = rest.mid(colon + 1).toDouble();
            rules.recordSaved(makeRule(rest.left(colon), lastCritical));
        } else {
            rules.recordDeleted(step.mid(7));
        }
    }
    QCOMPARE(idsOf(rules.rules), expectedRules);
    QCOMPARE(rules.deletedDefaults, expectedDeleted);
    if (!rules.rules.isEmpty() && steps.last().startsWith(QLatin1String("save:")))
        QCOMPARE(rules.rules.first().critical, lastCritical); // the latest save counts
}

void TestUserRulesFile::malformedFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // a fragment of the message after "<path>: "

    const QByteArray head = R"({"format":"mlwatch-rules","version":1,)";
    QTest::newRow("malformed JSON names line and column")
        << QByteArray(
               "{\n  \"format\": \"mlwatch-rules\",\n  \"version\": 1,\n  \"rules\": [\n    {\"id\": }\n")
        << QStringLiteral("malformed JSON at line 5, column 13");
    QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("expected a JSON object");
    QTest::newRow("another format (a workspace)")
        << QByteArray(R"({"format":"mlwatch-workspace","version":1})")
        << QStringLiteral("format: must be \"mlwatch-rules\"");
    QTest::newRow("no format") << QByteArray(R"({"version":1,"rules":[]})")
                               << QStringLiteral("format: must be \"mlwatch-rules\"");
    QTest::newRow("newer version") << QByteArray(R"({"format":"mlwatch-rules","version":2,"rules":[]})")
                                   << QStringLiteral("version: 2 is newer than this MLWatch reads (up to 1)");
    QTest::newRow("version not a whole number") << QByteArray(R"({"format":"mlwatch-rules","version":"1"})")
                                                << QStringLiteral("version: must be a whole number from 1.");
    QTest::newRow("rules not an array")
        << head + R"("rules":{}})" << QStringLiteral("rules: must be a JSON array.");
    QTest::newRow("a rule that is not an object names its line and column")
        << head + "\n\"rules\":[\n  " + kRule + ",\n  42\n]}"
        << QStringLiteral("line 4, column 3: rules[1]: must be a JSON object.");
    QTest::newRow("an invalid rule names its line, column and field")
        << head + "\n\"rules\": [\n  " + kRule +
               ",\n    "
               "{\"id\":\"s\",\"series\":{\"namespace\":\"N\",\"metric\":\"M\"},\"comparison\":\"above\","
               "\"unit\":\"\"}\n]}"
        << QStringLiteral("line 4, column 5: rules[1].critical");
    QTest::newRow("an invalid rule after strings with brackets and escapes")
        << head + "\"note\":\"[{,\\\"]\",\"rules\":[{\"id\":\"x\",\"name\":\"a, [b]\"," +
               "\"series\":{\"namespace\":\"N\",\"metric\":\"M\"},\"comparison\":\"above\",\"critical\":1,"
               "\"unit\":\"\",\"evaluationPeriods\":2,\"datapointsToAlarm\":3}]}"
        << QStringLiteral("line 1, column 64: rules[0].datapointsToAlarm");
    QTest::newRow("duplicate ids") << head + "\"rules\":[" + kRule + "," + kRule + "]}"
                                   << QStringLiteral("rules[1].id: \"r\" is used by another rule.");
    QTest::newRow("deletedDefaults not an array") << head + R"("deletedDefaults":"default:cpu"})"
                                                  << QStringLiteral("deletedDefaults: must be a JSON array.");
    QTest::newRow("deletedDefaults naming a rule that is not a default")
        << head + "\"deletedDefaults\":[\"default:cpu\",\n \"rule:x\"]}"
        << QStringLiteral("line 2, column 2: deletedDefaults[1]: must be the id of a default rule");
    QTest::newRow("deletedDefaults entry not a string")
        << head + R"("deletedDefaults":[7]})" << QStringLiteral("deletedDefaults[0]: must be the id");
}

void TestUserRulesFile::malformedFilesAreRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QString path = UserRulesFile::pathIn(dir.path());
    QVERIFY(write(path, json));
    const Result<UserRules> loaded = UserRulesFile::load(path);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::BadArgument);
    const QString message = loaded.error().message;
    QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message)); // names the file
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestUserRulesFile::unreadableFileIsAnIoError() {
    QTemporaryDir dir;
    const QString path = UserRulesFile::pathIn(dir.path());
    QVERIFY(QDir().mkpath(path)); // a folder where the file should be
    const Result<UserRules> loaded = UserRulesFile::load(path);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::Io);
    QVERIFY(loaded.error().message.contains(path));
}

QTEST_GUILESS_MAIN(TestUserRulesFile)
#include "tst_user_rules_file.moc"
