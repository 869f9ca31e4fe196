// `mlwatch-cli query azure` end to end: the real binary in a QProcess, against the built-in
// simulated Azure (--demo, anchor pinned with MLWATCH_DEMO_NOW) or against a DemoAzureCloud
// served from this test process on loopback (--endpoint-url / --authority-host or
// AZURE_AUTHORITY_HOST, credentials in the AZURE_* variables or in a stored account whose client
// secret is in the real Secret Service of this test's keyring session). Pins: the output
// contract of `query aws` (CSV and JSON, ISO 8601 UTC, series names, Azure's unit names), values
// equal to the demo's own data, gaps absent, '*' filters split into named series, the exit
// statuses with exactly one stderr line, and that no client secret reaches any output.
#include "azure_demo_oracle.h"
#include "cli_runner.h"
#include "core/common/error.h"
#include "core/model/metric_query.h"
#include "demo/demo_azure_catalog.h"
#include "demo/demo_azure_cloud.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <map>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

const QDateTime kDemoAnchor(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kSubscription = QStringLiteral("/subscriptions/00000000-de70-4000-8000-000000000003");
const QString kWorkspace =
    kSubscription + QStringLiteral("/resourceGroups/rg-fraud-ml/providers/"
                                   "Microsoft.MachineLearningServices/workspaces/fraud-ml");
const QString kEndpoint = kWorkspace + QStringLiteral("/onlineEndpoints/fraud-scoring");
const QString kEndpointType = QLatin1String(demo::kAzureEndpointType);
const QString kWorkspaceType = QLatin1String(demo::kAzureWorkspaceType);
// Distinctive strings a leak scan can find.
const QByteArray kSecret = "mArKeR~AzureClientSecret.8b7a6c5d4e3f";
const QByteArray kWrongSecret = "mArKeR~WrongAzureSecret.1f2e3d4c5b6a";

} // namespace

class TestCliAzure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void helpDocumentsQueryAzure();

    void demoCsvMatchesTheDemoData_data();
    void demoCsvMatchesTheDemoData();
    void demoJsonHasTheDocumentedShapeAndTheCsvValues();
    void demoStarFilterSplitsIntoNamedSeries();

    void endpointWithEnvironmentCredentials_data();
    void endpointWithEnvironmentCredentials();
    void wrongSecretExitsFourWithTheAadstsMeaning();
    void throttledOnceIsRetriedAndSucceeds();
    void throttledAfterRetriesExitsFive();
    void unknownMetricExitsSevenWithAzuresMessage();
    void connectionRefusedExitsSix();
    void noCredentialsExitsThree_data();
    void noCredentialsExitsThree();

    void storedAccountQueriesWithTheKeychainSecret();
    void storedAccountEndpointsAreHeldToThePolicy_data();
    void storedAccountEndpointsAreHeldToThePolicy();

    void badArgumentExitsTwoWithOneLine_data();
    void badArgumentExitsTwoWithOneLine();

private:
    QProcessEnvironment baseEnv() const;
    QProcessEnvironment demoEnv() const;
    QProcessEnvironment envWithSecret(const QByteArray &secret) const;
    QStringList endpointQuery() const; // P99 of fraud-scoring at PT1M, against m_cloud
    void expectNoSecret(const CliRun &run) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<demo::DemoAzureCloud> m_cloud;
    QDateTime m_anchor; // the in-process cloud's
    QString m_service;
};

void TestCliAzure::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through ctest: the test needs the private keyring session of with-keyring.sh");
}

void TestCliAzure::init() {
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_service = QStringLiteral("MLWatchCliAzureTest-%1-%2")
                    .arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(QRandomGenerator::global()->generate());
    m_cloud = std::make_unique<demo::DemoAzureCloud>();
    m_anchor = QDateTime::currentDateTimeUtc();
    QVERIFY(m_cloud->start(m_anchor));
    m_cloud->setAcceptedClientSecret(QString::fromLatin1(kSecret));
}

QProcessEnvironment TestCliAzure::baseEnv() const {
    // Nothing from the developer's or CI's environment but the keyring session's bus.
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

QProcessEnvironment TestCliAzure::demoEnv() const {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("MLWATCH_DEMO_NOW"), iso(kDemoAnchor));
    return env;
}

QProcessEnvironment TestCliAzure::envWithSecret(const QByteArray &secret) const {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("AZURE_TENANT_ID"), demo::DemoAzureCloud::tenantId());
    env.insert(QStringLiteral("AZURE_CLIENT_ID"), demo::DemoAzureCloud::clientId());
    env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), QString::fromLatin1(secret));
    return env;
}

QStringList TestCliAzure::endpointQuery() const {
    const QDateTime hour = floorHour(m_anchor);
    return {QStringLiteral("query"),
            QStringLiteral("azure"),
            QStringLiteral("--authority-host"),
            m_cloud->authorityHost().toString(),
            QStringLiteral("--endpoint-url"),
            m_cloud->armEndpoint().toString(),
            QStringLiteral("--resource"),
            kEndpoint,
            QStringLiteral("--metric"),
            QStringLiteral("RequestLatency_P99"),
            QStringLiteral("--interval"),
            QStringLiteral("PT1M"),
            QStringLiteral("--from"),
            iso(hour.addSecs(-3 * 3600)),
            QStringLiteral("--to"),
            iso(hour.addSecs(-2 * 3600))};
}

void TestCliAzure::expectNoSecret(const CliRun &run) const {
    for (const QByteArray &marker : {kSecret, kWrongSecret, QByteArray("mArKeR")}) {
        QVERIFY2(!run.out.contains(marker), "a client secret reached stdout");
        QVERIFY2(!run.err.contains(marker), "a client secret reached stderr");
    }
    QVERIFY(!run.err.contains("Bearer") && !run.out.contains("Bearer"));
}

void TestCliAzure::helpDocumentsQueryAzure() {
    const CliRun run = runCli({QStringLiteral("--help")}, baseEnv());
    QCOMPARE(run.exitCode, 0);
    for (const char *needle : {"query azure", "--resource", "--metric-namespace", "--aggregation",
                               "--interval", "--filter", "--authority-host", "AZURE_TENANT_ID",
                               "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST", "\"resource\"", "query aws"})
        QVERIFY2(run.out.contains(needle), needle);
}

void TestCliAzure::demoCsvMatchesTheDemoData_data() {
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("nameSpace"); // empty: not given, the resource's type applies
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("aggregation");
    QTest::addColumn<QString>("interval");
    QTest::addColumn<int>("grainSeconds");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QString>("seriesName");
    QTest::addColumn<bool>("hasGaps");

    QTest::newRow("p99-latency-of-fraud-scoring-in-milliseconds")
        << kEndpoint << QString() << "RequestLatency_P99" << QString() << "Average"
        << "PT5M" << 300 << kDemoAnchor.addSecs(-6 * 3600)
        << "Microsoft.MachineLearningServices/workspaces/onlineEndpoints:RequestLatency_P99:Average" << false;
    QTest::newRow("name-with-spaces-active-cores")
        << kWorkspace << kWorkspaceType << "Active Cores"
        << "ClusterName eq 'gpu-cluster'"
        << "Maximum"
        << "PT1H" << 3600 << kDemoAnchor.addDays(-2)
        << "Microsoft.MachineLearningServices/workspaces:Active Cores{ClusterName=gpu-cluster}:Maximum"
        << false;
    // The nightly feature build runs from 01:00 UTC for about four hours: the grains before and
    // after it carry no aggregation at all, and must stay absent rather than become zeros.
    QTest::newRow("gap-stays-absent")
        << kWorkspace << QString() << "CpuUtilization"
        << "ClusterName eq 'cpu-cluster'"
        << "Maximum"
        << "PT5M" << 300 << kDemoAnchor.addSecs(-12 * 3600)
        << "Microsoft.MachineLearningServices/workspaces:CpuUtilization{ClusterName=cpu-cluster}:Maximum"
        << true;
}

void TestCliAzure::demoCsvMatchesTheDemoData() {
    QFETCH(QString, resource);
    QFETCH(QString, nameSpace);
    QFETCH(QString, metric);
    QFETCH(QString, filter);
    QFETCH(QString, aggregation);
    QFETCH(QString, interval);
    QFETCH(int, grainSeconds);
    QFETCH(QDateTime, from);
    QFETCH(QString, seriesName);
    QFETCH(bool, hasGaps);

    QStringList args{QStringLiteral("query"),
                     QStringLiteral("azure"),
                     QStringLiteral("--demo"),
                     QStringLiteral("--resource"),
                     resource,
                     QStringLiteral("--metric"),
                     metric,
                     QStringLiteral("--aggregation"),
                     aggregation.toLower(), // any capitalisation
                     QStringLiteral("--interval"),
                     interval,
                     QStringLiteral("--from"),
                     iso(from),
                     QStringLiteral("--to"),
                     iso(kDemoAnchor)};
    if (!nameSpace.isEmpty())
        args << QStringLiteral("--metric-namespace") << nameSpace;
    QList<Dimension> dims;
    if (!filter.isEmpty()) {
        args << QStringLiteral("--filter") << filter;
        const QString name = filter.section(QLatin1Char(' '), 0, 0);
        dims.append({name, filter.section(QLatin1Char('\''), 1, 1)});
    }
    const CliRun run = runCli(args, demoEnv());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(run.out.startsWith("timestamp,series,value,unit\n"));

    const QString ns = !nameSpace.isEmpty()    ? nameSpace
                       : resource == kEndpoint ? kEndpointType
                                               : kWorkspaceType;
    const std::map<QString, Points> expected =
        expectedSeries(resource, ns, metric, dims, grainSeconds, aggregation, from.toMSecsSinceEpoch(),
                       kDemoAnchor.toMSecsSinceEpoch(), kDemoAnchor);
    QCOMPARE(expected.size(), size_t(1));
    const Points &points = expected.begin()->second;
    QVERIFY2(points.size() >= 10, "the window should hold data");
    const qint64 grains = from.secsTo(kDemoAnchor) / grainSeconds;
    if (hasGaps)
        QVERIFY2(points.size() < grains / 2, "the window should have grains without data");
    else
        QCOMPARE(points.size(), grains);

    const QList<CsvRow> rows = csvRows(run.out);
    QCOMPARE(rows.size(), points.size());
    const QByteArray unit = demo::DemoAzureCatalog::find(ns, metric)->unit.toUtf8();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CsvRow &row = rows[i];
        QCOMPARE(row.series, seriesName.toUtf8());
        QVERIFY2(row.timestamp.endsWith('Z'), row.timestamp.constData());
        QCOMPARE(msOf(row.timestamp), points[i].first);
        bool ok = false;
        QCOMPARE(row.value.toDouble(&ok), points[i].second);
        QVERIFY(ok);
        // Azure Monitor's unit name, as its metric definitions (and the demo's) give it.
        QCOMPARE(row.unit, unit);
    }
}

void TestCliAzure::demoJsonHasTheDocumentedShapeAndTheCsvValues() {
    const QStringList common{QStringLiteral("query"),
                             QStringLiteral("azure"),
                             QStringLiteral("--demo"),
                             QStringLiteral("--resource"),
                             kEndpoint,
                             QStringLiteral("--metric"),
                             QStringLiteral("RequestLatency_P99"),
                             QStringLiteral("--interval"),
                             QStringLiteral("PT15M"),
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
             QStringLiteral(
                 "Microsoft.MachineLearningServices/workspaces/onlineEndpoints:RequestLatency_P99:Average"));
    QCOMPARE(s.value(QStringLiteral("namespace")).toString(), kEndpointType);
    QCOMPARE(s.value(QStringLiteral("metric")).toString(), QStringLiteral("RequestLatency_P99"));
    QCOMPARE(s.value(QStringLiteral("resource")).toString(), kEndpoint);
    QCOMPARE(s.value(QStringLiteral("dimensions")).toObject(), QJsonObject());
    QCOMPARE(s.value(QStringLiteral("stat")).toString(), QStringLiteral("Average"));
    QCOMPARE(s.value(QStringLiteral("period")).toInt(), 900);
    QCOMPARE(s.value(QStringLiteral("unit")).toString(), QStringLiteral("MilliSeconds"));

    const QJsonArray points = s.value(QStringLiteral("points")).toArray();
    const QList<CsvRow> rows = csvRows(csv.out);
    QCOMPARE(points.size(), 24); // six hours of 15-minute grains
    QCOMPARE(points.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray p = points.at(i).toArray();
        QCOMPARE(p.at(0).toString().toUtf8(), rows[i].timestamp);
        QCOMPARE(p.at(1).toDouble(), rows[i].value.toDouble());
    }
}

void TestCliAzure::demoStarFilterSplitsIntoNamedSeries() {
    const QDateTime from = kDemoAnchor.addSecs(-2 * 3600);
    const CliRun run = runCli({QStringLiteral("query"), QStringLiteral("azure"), QStringLiteral("--demo"),
                               QStringLiteral("--resource"), kEndpoint, QStringLiteral("--metric"),
                               QStringLiteral("RequestsPerMinute"), QStringLiteral("--filter"),
                               QStringLiteral("statusCodeClass eq '*'"), QStringLiteral("--aggregation"),
                               QStringLiteral("Total"), QStringLiteral("--interval"), QStringLiteral("PT5M"),
                               QStringLiteral("--from"), iso(from), QStringLiteral("--to"), iso(kDemoAnchor)},
                              demoEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const std::map<QString, Points> expected = expectedSeries(
        kEndpoint, kEndpointType, QStringLiteral("RequestsPerMinute"),
        {{QStringLiteral("statusCodeClass"), QStringLiteral("*")}}, 300, QStringLiteral("Total"),
        from.toMSecsSinceEpoch(), kDemoAnchor.toMSecsSinceEpoch(), kDemoAnchor);
    QVERIFY2(expected.size() >= 3, "2xx, 4xx and 5xx");

    std::map<QByteArray, Points> written;
    qint64 previous = std::numeric_limits<qint64>::min();
    for (const CsvRow &row : csvRows(run.out)) {
        QVERIFY2(msOf(row.timestamp) >= previous, "rows in ascending time across the series");
        previous = msOf(row.timestamp);
        QCOMPARE(row.unit, QByteArray("Count"));
        written[row.series].append({msOf(row.timestamp), row.value.toDouble()});
    }
    QCOMPARE(written.size(), expected.size());
    for (const auto &[value, points] : expected) {
        // Named with the dimension value Azure returned, in the user's spelling of its name.
        const QByteArray name =
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints:RequestsPerMinute{"
            "statusCodeClass=" +
            value.toUtf8() + "}:Total";
        QVERIFY2(written.count(name) == 1, name.constData());
        QCOMPARE(written.at(name), points);
    }
}

void TestCliAzure::endpointWithEnvironmentCredentials_data() {
    QTest::addColumn<bool>("authorityFromVariable");
    QTest::newRow("--authority-host") << false;
    QTest::newRow("AZURE_AUTHORITY_HOST") << true;
}

void TestCliAzure::endpointWithEnvironmentCredentials() {
    QFETCH(bool, authorityFromVariable);
    QStringList args = endpointQuery();
    QProcessEnvironment env = envWithSecret(kSecret);
    if (authorityFromVariable) {
        // With a trailing slash, as Azure's own documentation writes it.
        env.insert(QStringLiteral("AZURE_AUTHORITY_HOST"),
                   m_cloud->authorityHost().toString() + QLatin1Char('/'));
        args.remove(args.indexOf(QStringLiteral("--authority-host")), 2);
    }
    const CliRun run = runCli(args, env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    const QList<CsvRow> rows = csvRows(run.out);
    QVERIFY2(rows.size() > 30, run.out.constData()); // a minute grain over an hour of traffic
    QVERIFY(rows.first().series.endsWith(":RequestLatency_P99:Average"));
    // One sign-in for Resource Manager, one metrics GET: no batch call for a single resource.
    QCOMPARE(m_cloud->receivedCalls(), (QStringList{QStringLiteral("token"), QStringLiteral("metrics")}));
    expectNoSecret(run);
}

void TestCliAzure::wrongSecretExitsFourWithTheAadstsMeaning() {
    const CliRun run = runCli(endpointQuery(), envWithSecret(kWrongSecret));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::AuthRejected));
    QCOMPARE(run.errLines().size(), 1);
    // Entra ID's code and what it means: the secret's value is wrong.
    QVERIFY2(run.err.contains("AADSTS7000215") && run.err.contains("client secret"), run.err.constData());
    QVERIFY2(run.err.contains(demo::DemoAzureCloud::clientId().toUtf8()), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    expectNoSecret(run);
    QVERIFY(!m_cloud->receivedCalls().contains(QStringLiteral("metrics")));
}

void TestCliAzure::throttledOnceIsRetriedAndSucceeds() {
    // One 429 with Retry-After: 1: the provider waits and asks again.
    m_cloud->injectFaults(demo::DemoAzureFault::Throttle, 1);
    const CliRun run = runCli(endpointQuery(), envWithSecret(kSecret));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(csvRows(run.out).size() > 30);
    QCOMPARE(m_cloud->receivedCalls().count(QStringLiteral("metrics")), 2);
}

void TestCliAzure::throttledAfterRetriesExitsFive() {
    m_cloud->injectFaults(demo::DemoAzureFault::Throttle, 1000);
    const CliRun run = runCli(endpointQuery(), envWithSecret(kSecret));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::Throttled));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY(m_cloud->receivedCalls().count(QStringLiteral("metrics")) >= 2);
    QCOMPARE(run.out, QByteArray());
}

void TestCliAzure::unknownMetricExitsSevenWithAzuresMessage() {
    // Azure answers 200 with a per-metric errorCode: that is an error, not an empty series.
    QStringList args = endpointQuery();
    args[args.indexOf(QStringLiteral("--metric")) + 1] = QStringLiteral("NoSuchMetric");
    const CliRun run = runCli(args, envWithSecret(kSecret));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::ServiceError));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains("NoSuchMetric") && run.err.contains("fraud-scoring"), run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestCliAzure::connectionRefusedExitsSix() {
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QStringList args = endpointQuery();
    args[args.indexOf(QStringLiteral("--authority-host")) + 1] =
        QStringLiteral("http://127.0.0.1:%1/").arg(port);
    const CliRun run = runCli(args, envWithSecret(kSecret));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::Network));
    QCOMPARE(run.errLines().size(), 1);
    expectNoSecret(run);
}

void TestCliAzure::noCredentialsExitsThree_data() {
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("none") << QStringList{} << "AZURE_CLIENT_SECRET";
    QTest::newRow("secret-missing") << QStringList{QStringLiteral("AZURE_TENANT_ID"),
                                                   QStringLiteral("AZURE_CLIENT_ID")}
                                    << "AZURE_CLIENT_SECRET";
    QTest::newRow("unknown-account") << QStringList{QStringLiteral("--account")} << "accounts list";
}

void TestCliAzure::noCredentialsExitsThree() {
    QFETCH(QStringList, variables);
    QFETCH(QString, mentions);
    QProcessEnvironment env = baseEnv();
    QStringList args = endpointQuery();
    for (const QString &v : variables) {
        if (v == QLatin1String("--account"))
            args << QStringLiteral("--account") << QStringLiteral("nobody");
        else
            env.insert(v, QStringLiteral("00000000-0000-0000-0000-000000000001"));
    }
    const CliRun run = runCli(args, env);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::NoCredentials));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(m_cloud->requestCount(), quint64(0));
}

void TestCliAzure::storedAccountQueriesWithTheKeychainSecret() {
    const CliRun added = runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("azure"),
                                 QStringLiteral("--id"), QStringLiteral("az-demo"),
                                 QStringLiteral("--tenant"), demo::DemoAzureCloud::tenantId(),
                                 QStringLiteral("--client-id"), demo::DemoAzureCloud::clientId(),
                                 QStringLiteral("--endpoint-url"), m_cloud->armEndpoint().toString()},
                                baseEnv(), kSecret + '\n');
    QVERIFY2(added.exitCode == 0, added.err.constData());
    // No AZURE_* variables: the secret can only come from the keychain, the ARM endpoint only
    // from the account.
    QStringList args = endpointQuery();
    args.remove(args.indexOf(QStringLiteral("--endpoint-url")), 2);
    args << QStringLiteral("--account") << QStringLiteral("az-demo");
    const CliRun run = runCli(args, baseEnv());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(csvRows(run.out).size() > 30);
    QVERIFY(m_cloud->receivedCalls().contains(QStringLiteral("metrics")));
    expectNoSecret(run);
}

void TestCliAzure::storedAccountEndpointsAreHeldToThePolicy_data() {
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("stranger-arm-endpoint") << "--endpoint-url"
                                           << "https://metrics.example.net"
                                           << "trust-host";
    QTest::newRow("stranger-authority-host") << "--authority-host"
                                             << "https://login.example.net"
                                             << "trust-host";
    QTest::newRow("aws-account-for-azure") << QString() << QString() << "Azure account";
}

void TestCliAzure::storedAccountEndpointsAreHeldToThePolicy() {
    QFETCH(QString, option);
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const bool aws = option.isEmpty();
    const CliRun added =
        aws ? runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("aws"),
                      QStringLiteral("--id"), QStringLiteral("stored"), QStringLiteral("--region"),
                      QStringLiteral("us-east-1")},
                     baseEnv(), "AKIAMARKERQ7Z3KEYID9\nmArKeR/AwsSecret+9f3c1e77aa0b4d2e\n")
            : runCli({QStringLiteral("accounts"), QStringLiteral("add"), QStringLiteral("azure"),
                      QStringLiteral("--id"), QStringLiteral("stored"), QStringLiteral("--tenant"),
                      demo::DemoAzureCloud::tenantId(), QStringLiteral("--client-id"),
                      demo::DemoAzureCloud::clientId()},
                     baseEnv(), kSecret + '\n');
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QStringList args = endpointQuery();
    for (const QString &o : {QStringLiteral("--endpoint-url"), QStringLiteral("--authority-host")})
        args.remove(args.indexOf(o), 2);
    args << QStringLiteral("--account") << QStringLiteral("stored");
    if (!aws)
        args << option << url;
    const CliRun run = runCli(args, baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    expectNoSecret(run);
}

void TestCliAzure::badArgumentExitsTwoWithOneLine_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QStringList ok{QStringLiteral("query"),
                         QStringLiteral("azure"),
                         QStringLiteral("--demo"),
                         QStringLiteral("--resource"),
                         kEndpoint,
                         QStringLiteral("--metric"),
                         QStringLiteral("RequestLatency_P99"),
                         QStringLiteral("--from"),
                         QStringLiteral("-2h"),
                         QStringLiteral("--to"),
                         QStringLiteral("-1h")};
    auto with = [&](const QStringList &extra) { return ok + extra; };
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
    QTest::newRow("missing-resource") << without(QStringLiteral("--resource")) << "--resource";
    QTest::newRow("resource-not-an-arm-id")
        << replacing(QStringLiteral("--resource"), QStringLiteral("fraud-scoring")) << "ARM";
    QTest::newRow("missing-metric") << without(QStringLiteral("--metric")) << "--metric";
    QTest::newRow("metric-given-twice")
        << with({QStringLiteral("--metric"), QStringLiteral("RequestsPerMinute")}) << "once";
    QTest::newRow("interval-not-a-grain")
        << with({QStringLiteral("--interval"), QStringLiteral("PT2M")}) << "PT15M";
    QTest::newRow("interval-not-iso8601")
        << with({QStringLiteral("--interval"), QStringLiteral("5m")}) << "--interval";
    QTest::newRow("filter-with-or") << with({QStringLiteral("--filter"),
                                             QStringLiteral("deployment eq 'blue' or deployment eq 'green'")})
                                    << "and";
    QTest::newRow("filter-not-odata")
        << with({QStringLiteral("--filter"), QStringLiteral("deployment=blue")}) << "--filter";
    QTest::newRow("filter-starts-with")
        << with({QStringLiteral("--filter"), QStringLiteral("deployment sw 'b'")}) << "sw";
    QTest::newRow("aggregation-from-cloudwatch")
        << with({QStringLiteral("--aggregation"), QStringLiteral("p99")}) << "--aggregation";
    QTest::newRow("from-after-to") << replacing(QStringLiteral("--to"), QStringLiteral("-3h")) << "before";
    QTest::newRow("aws-option-on-azure")
        << with({QStringLiteral("--namespace"), QStringLiteral("AWS/SageMaker")}) << "query aws";
    QTest::newRow("azure-option-on-aws") << QStringList{QStringLiteral("query"),
                                                        QStringLiteral("aws"),
                                                        QStringLiteral("--demo"),
                                                        QStringLiteral("--namespace"),
                                                        QStringLiteral("AWS/SageMaker"),
                                                        QStringLiteral("--metric"),
                                                        QStringLiteral("Invocations"),
                                                        QStringLiteral("--resource"),
                                                        kEndpoint,
                                                        QStringLiteral("--from"),
                                                        QStringLiteral("-1h"),
                                                        QStringLiteral("--to"),
                                                        QStringLiteral("now")}
                                         << "query azure";
    QTest::newRow("demo-with-authority-host")
        << with({QStringLiteral("--authority-host"), QStringLiteral("http://127.0.0.1:1/")})
        << "--authority-host";
    QStringList plain = without(QStringLiteral("--resource"));
    plain.removeOne(QStringLiteral("--demo"));
    QTest::newRow("plain-http-arm-endpoint-off-loopback")
        << plain + QStringList{QStringLiteral("--resource"), kEndpoint, QStringLiteral("--endpoint-url"),
                               QStringLiteral("http://management.example.invalid/")}
        << "plain http";
}

void TestCliAzure::badArgumentExitsTwoWithOneLine() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun run = runCli(args, envWithSecret(kSecret));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_cloud->requestCount(), quint64(0));
    expectNoSecret(run);
}

QTEST_GUILESS_MAIN(TestCliAzure)
#include "tst_cli_azure.moc"
