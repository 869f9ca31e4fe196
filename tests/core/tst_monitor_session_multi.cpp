// A MonitorSession on two accounts at once — the simulated AWS (DemoCloud, the primary) and the
// simulated Azure (DemoAzureCloud, over real HTTP on loopback):
//  - discovery lists both; charts of both clouds land in their stages, AWS first, Azure charts
//    carrying their account; default rules exist for both;
//  - one fetch cycle loads series of both, the Azure ones through metrics:getBatch (counted on
//    the simulated Azure) with per-resource ARM GETs only where no region is known;
//  - a broken Azure secret leaves the AWS charts working, with the Azure account's error named;
//  - AWS series keys stay what a single-account session has (no account prefix);
//  - two AWS accounts ("prod" the primary, "research" added with addAwsAccount) on two simulated
//    AWS clouds that accept different keys: charts of both, grouped by account, the second's
//    carrying its id in every query and chart id; each query goes to its own cloud; default rules
//    for both.
#include "../support/manual_clock.h"
#include "core/alerts/alert_engine.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/providers/azure/azure_discovery.h"
#include "core/session/monitor_session.h"
#include "core/session/provider_router.h"
#include "core/store/series_store.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)
Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

constexpr int kWaitMs = 120'000; // discovery of 100+ resources and the first fetch on a loaded machine
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kAzureId = QStringLiteral("demo-azure");
const QString kAzureLabel = QStringLiteral("Demo Azure (fraud-ml)");
const QString kSecretMarker = QStringLiteral("MARKER-multi-session-wrong-secret");

Account azureAccount(const demo::DemoAzureCloud &cloud) {
    Account a;
    a.id = kAzureId;
    a.label = kAzureLabel;
    a.kind = AccountKind::Azure;
    a.tenantId = demo::DemoAzureCloud::tenantId();
    a.clientId = demo::DemoAzureCloud::clientId();
    a.subscriptionIds = {demo::DemoAzureCloud::subscriptionId()};
    a.authorityHost = cloud.authorityHost().toString();
    a.endpointUrl = cloud.armEndpoint().toString();
    return a;
}

// How the Azure account reaches the metrics data plane.
enum class BatchHost {
    Separate, // the demo's own batch port (as {region}.metrics.monitor.azure.com)
    AsStored, // what a stored account with a custom ARM endpoint gets: the ARM host, which has no getBatch
};

struct Rig {
    explicit Rig(const QString &azureSecret = demo::DemoAzureCloud::clientSecret(),
                 BatchHost batchHost = BatchHost::Separate) {
        if (!aws.start(kNow) || !azure.start(kNow))
            qFatal("the demo clouds cannot listen on loopback");
        session = std::make_unique<MonitorSession>(clock, aws.resolved(), QStringLiteral("Demo cloud"));
        AccountSecret secret;
        secret.clientSecret = azureSecret;
        azure::AzureEndpointConfig endpoint = MonitorSession::azureEndpointFor(azureAccount(azure));
        if (batchHost == BatchHost::Separate)
            endpoint.batchEndpoint = azure.batchEndpoint();
        if (!session->addAzureAccount(azureAccount(azure), secret, endpoint))
            qFatal("the Azure account was refused");
    }

    // start() and wait for the charts (or, when `expectCharts` is false, for every failure).
    bool start(QList<Error> *failures = nullptr) {
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        QSignalSpy failed(session.get(), &MonitorSession::discoveryFailed);
        session->start();
        if (ready.isEmpty() && !ready.wait(kWaitMs))
            return false;
        if (failures)
            for (const QList<QVariant> &args : std::as_const(failed))
                failures->append(args.at(0).value<Error>());
        return true;
    }

    // The first fetch, which start() began; its errors.
    QList<Error> firstFetch() {
        QSignalSpy finished(&session->scheduler(), &FetchScheduler::fetchFinished);
        if (finished.isEmpty() && !finished.wait(kWaitMs))
            qFatal("the first fetch did not finish");
        return finished.first().at(1).value<QList<Error>>();
    }

    test::ManualClock clock{kNow};
    demo::DemoCloud aws;
    demo::DemoAzureCloud azure;
    std::unique_ptr<MonitorSession> session;
};

const QString kResearchId = QStringLiteral("research");
const QString kResearchLabel = QStringLiteral("AWS us-east-1 — research");

// Two AWS accounts, each on its own simulated cloud. The research cloud accepts only its own
// keys, so a query sent to the wrong cloud fails its signature check instead of passing silently.
struct AwsPairRig {
    AwsPairRig() {
        aws::AwsCredentials keys;
        keys.accessKeyId = QStringLiteral("AKIARESEARCH00000001");
        keys.secretAccessKey = QStringLiteral("research-secret-key-for-the-second-cloud");
        research.setAcceptedCredentials(keys);
        if (!prod.start(kNow) || !research.start(kNow))
            qFatal("the demo clouds cannot listen on loopback");
        session = std::make_unique<MonitorSession>(clock, prod.resolved(), QStringLiteral("AWS prod"));
        if (!session->addAwsAccount(researchAccount(), researchSecret(), research.resolved().endpoint,
                                    kResearchLabel))
            qFatal("the second AWS account was refused");
    }
    Account researchAccount() const {
        Account a;
        a.id = kResearchId;
        a.kind = AccountKind::Aws;
        a.regions = {demo::DemoCloud::region()};
        a.endpointUrl = research.endpoint().toString();
        return a;
    }
    AccountSecret researchSecret() const {
        AccountSecret s;
        s.accessKeyId = research.resolved().credentials.accessKeyId;
        s.secretAccessKey = research.resolved().credentials.secretAccessKey;
        return s;
    }
    bool start() {
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        QSignalSpy failed(session.get(), &MonitorSession::discoveryFailed);
        session->start();
        return (!ready.isEmpty() || ready.wait(kWaitMs)) && failed.isEmpty();
    }

    test::ManualClock clock{kNow};
    demo::DemoCloud prod;
    demo::DemoCloud research;
    std::unique_ptr<MonitorSession> session;
};

const ChartSpec *chartWithId(const QList<ChartSpec> &charts, const QString &id) {
    for (const ChartSpec &chart : charts)
        if (chart.id == id)
            return &chart;
    return nullptr;
}

QString allMessages(const QList<Error> &errors) {
    QStringList out;
    for (const Error &e : errors)
        out.append(e.message + QLatin1Char(' ') + e.detail);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TstMonitorSessionMulti : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<mlwatch::Error>();
        qRegisterMetaType<QList<mlwatch::Error>>();
    }

    void chartsOfBothCloudsInTheirStages_data() {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QString>("azureChart"); // one the story's Azure resources must give
        QTest::newRow("data preparation: the CPU cluster's nodes")
            << Stage::DataPreparation
            << QStringLiteral("data-preparation/nodes/demo-azure/fraud-ml/cpu-cluster");
        QTest::newRow("training: CPU vs GPU of the GPU cluster")
            << Stage::Training << QStringLiteral("training/cpu-gpu/demo-azure/fraud-ml/gpu-cluster");
        QTest::newRow("evaluation: the workspace's storage account")
            << Stage::Evaluation << QStringLiteral("evaluation/dataset-size/demo-azure/fraudmldata01");
        QTest::newRow("deployment: the green canary's memory")
            << Stage::Deployment << QStringLiteral("deployment/memory/demo-azure/fraud-scoring/green");
        QTest::newRow("monitoring: fraud-scoring's latency")
            << Stage::Monitoring << QStringLiteral("monitoring/latency/demo-azure/fraud-scoring");
    }

    void chartsOfBothCloudsInTheirStages() {
        QFETCH(Stage, stage);
        QFETCH(QString, azureChart);
        Rig rig;
        QList<Error> failures;
        QVERIFY(rig.start(&failures));
        QVERIFY2(failures.isEmpty(), qPrintable(allMessages(failures)));

        const QList<ChartSpec> charts = rig.session->charts();
        int aws = 0;
        int azure = 0;
        bool azureSeen = false;
        for (const ChartSpec &chart : charts) {
            if (chart.cloud == QLatin1String("azure")) {
                azureSeen = true;
                QCOMPARE(chart.account, kAzureId);
                QCOMPARE(chart.accountLabel, kAzureLabel);
                azure += chart.stage == stage ? 1 : 0;
            } else {
                QCOMPARE(chart.cloud, QStringLiteral("aws"));
                QVERIFY2(!azureSeen, "AWS charts come first");
                QVERIFY(chart.account.isEmpty());
                QCOMPARE(chart.accountLabel, QStringLiteral("Demo cloud"));
                aws += chart.stage == stage ? 1 : 0;
                for (const ChartSeriesSpec &s : chart.series) // keys as in a single-account session
                    QVERIFY(s.query.account.isEmpty() && s.query.resource.isEmpty());
            }
        }
        QVERIFY2(aws > 0, "the AWS demo fills every stage");
        QVERIFY2(azure > 0, "the Azure demo fills every stage");
        const ChartSpec *chart = chartWithId(charts, azureChart);
        QVERIFY2(chart, qPrintable(azureChart));
        QCOMPARE(chart->stage, stage);
    }

    void defaultRulesForBothClouds() {
        Rig rig;
        QVERIFY(rig.start());
        QStringList clouds;
        bool azureLatency = false;
        for (const AlertRule &rule : rig.session->alerts().rules()) {
            if (!clouds.contains(rule.cloud))
                clouds.append(rule.cloud);
            if (rule.id == QLatin1String("default:monitoring/latency/demo-azure/fraud-scoring")) {
                azureLatency = true;
                QCOMPARE(rule.series.account, kAzureId);
            }
        }
        QCOMPARE(clouds, (QStringList{QStringLiteral("aws"), QStringLiteral("azure")}));
        QVERIFY(azureLatency);
    }

    void oneFetchCycleUsesGetBatchForAzure() {
        Rig rig;
        QVERIFY(rig.start());
        const QList<Error> errors = rig.firstFetch();
        QVERIFY2(errors.isEmpty(), qPrintable(allMessages(errors)));

        // Every Azure query was asked: the endpoints' and deployments' through getBatch (≤ 50 per
        // call, one region and one metric set per call), per-resource ARM GETs only for the
        // storage accounts, whose region discovery does not learn.
        int endpoints = 0;
        int storageAccounts = 0;
        QSet<QString> azureQueries;
        for (const ChartSpec &chart : rig.session->charts()) {
            if (chart.cloud != QLatin1String("azure"))
                continue;
            for (const ChartSeriesSpec &s : chart.series) {
                azureQueries.insert(s.query.seriesKey());
                QCOMPARE(s.query.account, kAzureId);
            }
            endpoints += chart.id.startsWith(QLatin1String("monitoring/requests/")) ? 1 : 0;
            storageAccounts += chart.id.startsWith(QLatin1String("evaluation/dataset-size/")) ? 1 : 0;
        }
        QCOMPARE(endpoints, 54); // fraud-scoring, 52 filler endpoints, llm-eval
        QCOMPARE(storageAccounts, 3);
        const QStringList calls = rig.azure.receivedCalls();
        const qsizetype batches = calls.count(QStringLiteral("getBatch"));
        const qsizetype armGets = calls.count(QStringLiteral("metrics"));
        QVERIFY2(batches > 0, qPrintable(calls.join(QLatin1Char(' '))));
        QCOMPARE(armGets, storageAccounts);
        // The fewest calls. A getBatch call serves ≤ 50 resources of one region with one filter,
        // aggregation and metric set; 53 endpoints (and deployments) are in westeurope, one in
        // eastus: ⌈53 / 50⌉ + 1 = 3 calls per group.
        //   endpoints:   requests, 4xx, 5xx (Total), latency and P99 (Average)   4 groups × 3 = 12
        //   deployments: averages, maxima                                         2 groups × 3 =  6
        //   clusters:    per cluster (ClusterName eq …) averages, maxima          2 × 2        =  4
        //   workspaces:  run and model counts (Total), westeurope + eastus                     =  2
        QCOMPARE(batches, qsizetype(24));
        QVERIFY(azureQueries.size() > 500); // … for more than 500 series
        // Data of both clouds arrived.
        const auto hasData = [&rig](const QString &chartId) {
            const ChartSpec *chart = chartWithId(rig.session->charts(), chartId);
            if (!chart)
                return false;
            for (const ChartSeriesSpec &s : chart->series)
                if (rig.session->store().series(s.query.seriesKey()).size() > 0)
                    return true;
            return false;
        };
        QVERIFY(hasData(QStringLiteral("monitoring/requests/demo-azure/fraud-scoring")));
        QVERIFY(hasData(QStringLiteral("deployment/memory/demo-azure/fraud-scoring/green")));
        QVERIFY(hasData(QStringLiteral("data-preparation/nodes/demo-azure/fraud-ml/cpu-cluster")));
        QVERIFY(hasData(QStringLiteral("evaluation/dataset-size/demo-azure/fraudmldata01")));
        bool awsData = false;
        for (const ChartSpec &chart : rig.session->charts())
            if (chart.cloud == QLatin1String("aws"))
                for (const ChartSeriesSpec &s : chart.series)
                    awsData = awsData || rig.session->store().series(s.query.seriesKey()).size() > 0;
        QVERIFY(awsData);
    }

    // RED on the Monitoring tab: the derived request rates and error percentages of both clouds
    // arrive in the store with the charts' keys, and read like a demo endpoint should.
    void redSeriesOfBothCloudsAreSensible() {
        Rig rig;
        QVERIFY(rig.start());
        const QList<Error> errors = rig.firstFetch();
        QVERIFY2(errors.isEmpty(), qPrintable(allMessages(errors)));
        QHash<QString, int> withData; // "<cloud> <kind>" → charts with points
        for (const ChartSpec &chart : rig.session->charts()) {
            const QString kind = chart.id.section(QLatin1Char('/'), 1, 1);
            if (chart.stage != Stage::Monitoring ||
                (kind != QLatin1String("requests") && kind != QLatin1String("errors")))
                continue;
            const QString cloud = chart.cloud.isEmpty() ? QStringLiteral("aws") : chart.cloud;
            bool any = false;
            for (const ChartSeriesSpec &s : chart.series) {
                QVERIFY2(s.derivation != SeriesDerivation::None, qPrintable(chart.id));
                const SeriesData data = rig.session->store().series(s.query.seriesKey());
                for (double v : data.values) {
                    QVERIFY2(std::isfinite(v) && v >= 0, qPrintable(chart.id));
                    if (kind == QLatin1String("errors"))
                        QVERIFY2(v <= 100, qPrintable(chart.id + QLatin1Char(' ') + QString::number(v)));
                }
                any = any || data.size() > 0;
                // The demo's endpoints are busy and mostly healthy: requests flow (the busiest at
                // ~20 req/s), and on average well under a fifth of them fail (~0.1–1.5 %).
                if (data.size() > 0) {
                    double sum = 0;
                    for (double v : data.values)
                        sum += v;
                    const double mean = sum / double(data.size());
                    if (kind == QLatin1String("requests"))
                        QVERIFY2(mean > 0 && mean < 1000, qPrintable(chart.id));
                    else
                        QVERIFY2(mean < 20, qPrintable(chart.id + QLatin1Char(' ') + QString::number(mean)));
                }
            }
            withData[cloud + QLatin1Char(' ') + kind] += any ? 1 : 0;
        }
        for (const char *key : {"aws requests", "aws errors", "azure requests", "azure errors"})
            QVERIFY2(withData.value(QLatin1String(key)) > 0, key);
        // The error budgets watch the derived percentages, which the store holds like any series.
        int budgets = 0;
        for (const AlertRule &rule : rig.session->alerts().rules())
            if (rule.id.startsWith(QLatin1String("default:monitoring/errors/"))) {
                ++budgets;
                QVERIFY2(rule.series.metricName.startsWith(QLatin1String("errorPercent(")),
                         qPrintable(rule.id));
                QCOMPARE(rule.unit, QStringLiteral("%"));
                QVERIFY2(rig.session->store().contains(rule.seriesKey()), qPrintable(rule.id));
            }
        QVERIFY(budgets >= 2); // at least one AWS and one Azure endpoint
    }

    // An Azure-Monitor-compatible endpoint without metrics:getBatch (the demo's ARM port answers
    // it with 405): the batches fall back to per-resource ARM calls and the charts still fill.
    void endpointWithoutDataPlaneFallsBackToArmCalls() {
        Rig rig(demo::DemoAzureCloud::clientSecret(), BatchHost::AsStored);
        QVERIFY(rig.start());
        const QList<Error> errors = rig.firstFetch();
        QVERIFY2(errors.isEmpty(), qPrintable(allMessages(errors)));
        const QStringList calls = rig.azure.receivedCalls();
        QCOMPARE(calls.count(QStringLiteral("getBatch")), 0); // none reached a data plane
        QVERIFY(calls.count(QStringLiteral("metrics")) > 50); // … every resource through ARM
        const ChartSpec *chart = chartWithId(rig.session->charts(),
                                             QStringLiteral("monitoring/requests/demo-azure/fraud-scoring"));
        QVERIFY(chart);
        QVERIFY(rig.session->store().series(chart->series.first().query.seriesKey()).size() > 0);
    }

    void brokenAzureSecretLeavesAwsWorking() {
        Rig rig(kSecretMarker);
        QList<Error> failures;
        QVERIFY(rig.start(&failures));
        QCOMPARE(failures.size(), 1);
        const Error &error = failures.first();
        QCOMPARE(error.code, ErrorCode::AuthRejected);
        QVERIFY2(error.message.contains(kAzureLabel), qPrintable(error.message));
        QVERIFY(!allMessages(failures).contains(kSecretMarker));

        QVERIFY(!rig.session->charts().isEmpty());
        for (const ChartSpec &chart : rig.session->charts())
            QCOMPARE(chart.cloud, QStringLiteral("aws"));
        const QList<Error> errors = rig.firstFetch();
        QVERIFY2(errors.isEmpty(), qPrintable(allMessages(errors)));
        const ChartSpec &first = rig.session->charts().first();
        bool data = false;
        for (const ChartSpec &chart : rig.session->charts())
            for (const ChartSeriesSpec &s : chart.series)
                data = data || rig.session->store().series(s.query.seriesKey()).size() > 0;
        QVERIFY2(data, qPrintable(first.id));
        QCOMPARE(rig.azure.receivedCalls().count(QStringLiteral("getBatch")), 0);
    }

    void everyAccountFailingEmitsNoCharts() {
        test::ManualClock clock{kNow};
        demo::DemoAzureCloud azure;
        QVERIFY(azure.start(kNow));
        MonitorSession session(clock); // Azure only: no primary AWS account
        AccountSecret secret;
        secret.clientSecret = kSecretMarker;
        azure::AzureEndpointConfig endpoint = MonitorSession::azureEndpointFor(azureAccount(azure));
        endpoint.batchEndpoint = azure.batchEndpoint();
        QVERIFY(session.addAzureAccount(azureAccount(azure), secret, endpoint));
        QSignalSpy ready(&session, &MonitorSession::chartsReady);
        QSignalSpy failed(&session, &MonitorSession::discoveryFailed);
        session.start();
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(ready.size(), 0);
        QVERIFY(session.charts().isEmpty());
        QCOMPARE(session.accounts().size(), 1);
        QCOMPARE(session.accounts().first().kind, AccountKind::Azure);
    }

    void twoAwsAccountsGiveChartsOfBothGroupedByAccount_data() {
        QTest::addColumn<Stage>("stage");
        QTest::newRow("data preparation") << Stage::DataPreparation;
        QTest::newRow("training") << Stage::Training;
        QTest::newRow("evaluation") << Stage::Evaluation;
        QTest::newRow("deployment") << Stage::Deployment;
        QTest::newRow("monitoring") << Stage::Monitoring;
    }

    void twoAwsAccountsGiveChartsOfBothGroupedByAccount() {
        QFETCH(Stage, stage);
        AwsPairRig rig;
        QVERIFY(rig.start());
        QCOMPARE(rig.session->accounts().size(), 2);
        QCOMPARE(rig.session->accounts().at(1).id, kResearchId);
        QStringList prodIds; // "<stage>/<kind>/<resource>"
        QStringList researchIds;
        bool researchSeen = false;
        for (const ChartSpec &chart : rig.session->charts()) {
            QCOMPARE(chart.cloud, QStringLiteral("aws"));
            if (chart.account.isEmpty()) {
                QVERIFY2(!researchSeen, "the primary's charts come first, then research's");
                QCOMPARE(chart.accountLabel, QStringLiteral("AWS prod"));
                if (chart.stage == stage)
                    prodIds.append(chart.id);
                continue;
            }
            researchSeen = true;
            QCOMPARE(chart.account, kResearchId);
            QCOMPARE(chart.accountLabel, kResearchLabel);
            for (const ChartSeriesSpec &s : chart.series) {
                QCOMPARE(s.query.account, kResearchId);
                for (const MetricQuery &input : s.inputs)
                    QCOMPARE(input.account, kResearchId);
                QVERIFY2(s.query.seriesKey().startsWith(kResearchId + QLatin1Char('|')),
                         qPrintable(s.query.seriesKey()));
            }
            if (chart.stage == stage) {
                QStringList parts = chart.id.split(QLatin1Char('/'));
                QCOMPARE(parts.value(2), kResearchId);
                parts.removeAt(2);
                researchIds.append(parts.join(QLatin1Char('/')));
            }
        }
        QVERIFY2(!prodIds.isEmpty(), "the demo fills every stage");
        QCOMPARE(researchIds, prodIds); // the same demo data: the same charts, in their own group
    }

    void twoAwsAccountsEachQueryGoesToItsOwnCloud() {
        AwsPairRig rig;
        QVERIFY(rig.start());
        QSignalSpy finished(&rig.session->scheduler(), &FetchScheduler::fetchFinished);
        QVERIFY(!finished.isEmpty() || finished.wait(kWaitMs));
        const QList<Error> errors = finished.first().at(1).value<QList<Error>>();
        QVERIFY2(errors.isEmpty(), qPrintable(allMessages(errors))); // no query signed for the wrong cloud
        // The same demo data: the same discovery and queries, each account's to its own cloud.
        const qsizetype prodFetches = rig.prod.receivedCalls().count(QStringLiteral("GetMetricData"));
        QVERIFY(prodFetches > 0);
        QCOMPARE(rig.research.receivedCalls().count(QStringLiteral("GetMetricData")), prodFetches);
        QCOMPARE(rig.research.requestCount(), rig.prod.requestCount());
        // Both accounts' series arrived under their own keys, derived RED series included.
        int prodData = 0;
        int researchData = 0;
        for (const ChartSpec &chart : rig.session->charts())
            for (const ChartSeriesSpec &s : chart.series)
                if (rig.session->store().series(s.query.seriesKey()).size() > 0)
                    ++(chart.account.isEmpty() ? prodData : researchData);
        QVERIFY(prodData > 0);
        QCOMPARE(researchData, prodData);
    }

    void twoAwsAccountsHaveDefaultRulesEach() {
        AwsPairRig rig;
        QVERIFY(rig.start());
        QStringList prod;
        QStringList research;
        for (const AlertRule &rule : rig.session->alerts().rules()) {
            QCOMPARE(rule.cloud, QStringLiteral("aws"));
            QCOMPARE(rule.series.account, rule.account);
            if (rule.account.isEmpty())
                prod.append(rule.id);
            else if (rule.account == kResearchId)
                research.append(QString(rule.id).replace(QStringLiteral("/") + kResearchId, QString()));
        }
        QVERIFY(!prod.isEmpty());
        QCOMPARE(research, prod); // the same recipes, on the research account's own series
    }

    void addAwsAccountRefuses_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("awsKind");
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("an Azure account")
            << QStringLiteral("other") << false << QStringLiteral("s") << ErrorCode::BadArgument;
        QTest::newRow("the same id twice")
            << kResearchId << true << QStringLiteral("s") << ErrorCode::BadArgument;
        QTest::newRow("no id: the primary's place")
            << QString() << true << QStringLiteral("s") << ErrorCode::BadArgument;
        QTest::newRow("no secret key")
            << QStringLiteral("other") << true << QString() << ErrorCode::NoCredentials;
    }

    void addAwsAccountRefuses() {
        QFETCH(QString, id);
        QFETCH(bool, awsKind);
        QFETCH(QString, secretKey);
        QFETCH(ErrorCode, code);
        AwsPairRig rig;
        Account account = rig.researchAccount();
        account.id = id;
        account.kind = awsKind ? AccountKind::Aws : AccountKind::Azure;
        AccountSecret secret = rig.researchSecret();
        secret.secretAccessKey = secretKey;
        const Result<void> added =
            rig.session->addAwsAccount(account, secret, rig.research.resolved().endpoint);
        QVERIFY(!added);
        QCOMPARE(added.error().code, code);
        QCOMPARE(rig.session->accounts().size(), 2);
    }

    void addAzureAccountRefuses_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("azureKind");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("an AWS account")
            << QStringLiteral("other") << false << QStringLiteral("s") << ErrorCode::BadArgument;
        QTest::newRow("the same id twice")
            << kAzureId << true << QStringLiteral("s") << ErrorCode::BadArgument;
        QTest::newRow("no client secret")
            << QStringLiteral("other") << true << QString() << ErrorCode::NoCredentials;
    }

    void addAzureAccountRefuses() {
        QFETCH(QString, id);
        QFETCH(bool, azureKind);
        QFETCH(QString, secret);
        QFETCH(ErrorCode, code);
        Rig rig;
        Account account = azureAccount(rig.azure);
        account.id = id;
        account.kind = azureKind ? AccountKind::Azure : AccountKind::Aws;
        AccountSecret s;
        s.clientSecret = secret;
        const Result<void> added = rig.session->addAzureAccount(account, s, {});
        QVERIFY(!added);
        QCOMPARE(added.error().code, code);
        QCOMPARE(rig.session->accounts().size(), 2);
    }

    void endpointForAStoredAccount_data() {
        QTest::addColumn<QString>("endpointUrl");
        QTest::addColumn<QString>("arm");
        QTest::addColumn<QString>("batch"); // empty: Azure's regional hosts
        QTest::newRow("public cloud: regional batch hosts")
            << QString() << QStringLiteral("https://management.azure.com") << QString();
        QTest::newRow("the public ARM endpoint named explicitly")
            << QStringLiteral("https://management.azure.com")
            << QStringLiteral("https://management.azure.com") << QString();
        QTest::newRow("another endpoint: batch goes to the same host, tokens nowhere else")
            << QStringLiteral("http://127.0.0.1:8123") << QStringLiteral("http://127.0.0.1:8123")
            << QStringLiteral("http://127.0.0.1:8123");
    }

    void endpointForAStoredAccount() {
        QFETCH(QString, endpointUrl);
        QFETCH(QString, arm);
        QFETCH(QString, batch);
        Account account;
        account.kind = AccountKind::Azure;
        account.endpointUrl = endpointUrl;
        account.subscriptionIds = {QStringLiteral("sub-1"), QStringLiteral("sub-2")};
        const azure::AzureEndpointConfig endpoint = MonitorSession::azureEndpointFor(account);
        QCOMPARE(endpoint.resolvedArmEndpoint(), QUrl(arm));
        QCOMPARE(endpoint.batchEndpoint, batch.isEmpty() ? QUrl() : QUrl(batch));
        QCOMPARE(endpoint.subscriptionIds, account.subscriptionIds);
    }
};

QTEST_GUILESS_MAIN(TstMonitorSessionMulti)
#include "tst_monitor_session_multi.moc"
