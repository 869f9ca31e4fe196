// A MonitorSession on three clouds at once — the simulated AWS (DemoCloud, the primary), Azure
// (DemoAzureCloud) and Google (DemoGoogleCloud, over real HTTP on loopback, a service-account key
// whose JWT the demo verifies):
//  - discovery lists all three; Google charts land in every stage, carrying their account, label
//    and cloud "gcp", after the AWS and Azure ones; default rules exist for Google's charts;
//  - the first fetch loads Google series into the store (one series per chart line);
//  - a stored Google account's endpoints (googleEndpointFor) keep Vertex AI on the host named.
#include "../support/manual_clock.h"
#include "core/alerts/alert_engine.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "core/store/series_store.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"
#include "demo/demo_gcp_cloud.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Stage)

namespace {

constexpr int kWaitMs = 120'000;
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kGoogleId = QStringLiteral("demo-gcp");
const QString kGoogleLabel = QStringLiteral("Demo Google Cloud (mlwatch-demo-gcp)");

Account azureAccount(const demo::DemoAzureCloud &cloud) {
    Account a;
    a.id = QStringLiteral("demo-azure");
    a.kind = AccountKind::Azure;
    a.tenantId = demo::DemoAzureCloud::tenantId();
    a.clientId = demo::DemoAzureCloud::clientId();
    a.subscriptionIds = {demo::DemoAzureCloud::subscriptionId()};
    a.authorityHost = cloud.authorityHost().toString();
    a.endpointUrl = cloud.armEndpoint().toString();
    return a;
}

Account googleAccount(const demo::DemoGoogleCloud &cloud) {
    Account a;
    a.id = kGoogleId;
    a.label = kGoogleLabel;
    a.kind = AccountKind::Gcp;
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = demo::DemoGoogleCloud::serviceAccountEmail();
    a.projectIds = {demo::DemoGoogleCloud::projectId()};
    a.endpointUrl = cloud.monitoringEndpoint().toString();
    a.tokenUri = cloud.tokenUri().toString();
    return a;
}

struct Rig {
    Rig() {
        if (!aws.start(kNow) || !azure.start(kNow) || !google.start(kNow))
            qFatal("the demo clouds cannot listen on loopback");
        session = std::make_unique<MonitorSession>(clock, aws.resolved(), QStringLiteral("Demo cloud"));
        AccountSecret azureSecret;
        azureSecret.clientSecret = demo::DemoAzureCloud::clientSecret();
        azure::AzureEndpointConfig azureEndpoint = MonitorSession::azureEndpointFor(azureAccount(azure));
        azureEndpoint.batchEndpoint = azure.batchEndpoint();
        if (!session->addAzureAccount(azureAccount(azure), azureSecret, azureEndpoint))
            qFatal("the Azure account was refused");
        AccountSecret googleSecret;
        googleSecret.googleCredentialsJson = google.serviceAccountKeyJson();
        const Account g = googleAccount(google);
        if (!session->addGoogleAccount(g, googleSecret, MonitorSession::googleEndpointFor(g)))
            qFatal("the Google account was refused");
    }

    bool start() {
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        QSignalSpy failed(session.get(), &MonitorSession::discoveryFailed);
        session->start();
        if (ready.isEmpty() && !ready.wait(kWaitMs))
            return false;
        for (const QList<QVariant> &args : std::as_const(failed))
            qWarning("discovery failed: %s", qPrintable(args.at(0).value<Error>().message));
        return failed.isEmpty();
    }

    test::ManualClock clock{kNow};
    demo::DemoCloud aws;
    demo::DemoAzureCloud azure;
    demo::DemoGoogleCloud google;
    std::unique_ptr<MonitorSession> session;
};

} // namespace

class TstMonitorSessionGcp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<mlwatch::Error>();
        qRegisterMetaType<QList<mlwatch::Error>>();
    }

    void googleChartsInEveryStageWithData_data() {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QString>("googleChart");
        QTest::newRow("data preparation: the project's Dataflow vCPUs")
            << Stage::DataPreparation
            << QStringLiteral("data-preparation/dataflow-vcpus/demo-gcp/mlwatch-demo-gcp");
        QTest::newRow("training: CPU vs accelerator of a custom job")
            << Stage::Training << QString(); // job names carry dates: any of the jobs' charts
        QTest::newRow("evaluation: BigQuery query times")
            << Stage::Evaluation << QStringLiteral("evaluation/query-times/demo-gcp/mlwatch-demo-gcp");
        QTest::newRow("deployment: churn-scoring's replicas")
            << Stage::Deployment << QStringLiteral("deployment/replicas/demo-gcp/churn-scoring");
        QTest::newRow("monitoring: churn-scoring's latency")
            << Stage::Monitoring << QStringLiteral("monitoring/latency/demo-gcp/churn-scoring");
        QTest::newRow("monitoring: churn-scoring's prediction rate, derived from per-period counts")
            << Stage::Monitoring << QStringLiteral("monitoring/requests/demo-gcp/churn-scoring");
        QTest::newRow("monitoring: churn-scoring's error rate, derived from errors and predictions")
            << Stage::Monitoring << QStringLiteral("monitoring/errors/demo-gcp/churn-scoring");
    }

    void googleChartsInEveryStageWithData() {
        QFETCH(Stage, stage);
        QFETCH(QString, googleChart);
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy finished(&rig.session->scheduler(), &FetchScheduler::fetchFinished);
        QVERIFY(finished.wait(kWaitMs));

        const QList<ChartSpec> charts = rig.session->charts();
        QStringList cloudsInOrder;
        QList<const ChartSpec *> candidates; // the named chart, or every Google chart of the stage
        for (const ChartSpec &c : charts) {
            if (cloudsInOrder.isEmpty() || cloudsInOrder.last() != c.cloud)
                cloudsInOrder.append(c.cloud);
            if (c.cloud != QLatin1String("gcp"))
                continue;
            QCOMPARE(c.account, kGoogleId);
            QCOMPARE(c.accountLabel, kGoogleLabel);
            if (c.stage == stage && (googleChart.isEmpty() || c.id == googleChart))
                candidates.append(&c);
        }
        QCOMPARE(cloudsInOrder,
                 (QStringList{QStringLiteral("aws"), QStringLiteral("azure"), QStringLiteral("gcp")}));
        QVERIFY2(!candidates.isEmpty(), qPrintable(googleChart));
        qsizetype points = 0; // finished jobs have no points in the last hours: one chart with data is enough
        for (const ChartSpec *chart : std::as_const(candidates))
            for (const ChartSeriesSpec &s : chart->series) {
                QCOMPARE(s.query.account, kGoogleId);
                points += rig.session->store().series(s.query.seriesKey()).size();
            }
        QVERIFY2(points > 0, qPrintable(candidates.first()->id));
    }

    void defaultRulesForGoogleCharts() {
        Rig rig;
        QVERIFY(rig.start());
        bool latency = false;
        for (const AlertRule &rule : rig.session->alerts().rules())
            if (rule.id == QLatin1String("default:monitoring/latency/demo-gcp/churn-scoring")) {
                latency = true;
                QCOMPARE(rule.cloud, QStringLiteral("gcp"));
                QCOMPARE(rule.series.account, kGoogleId);
            }
        QVERIFY(latency);
    }

    void storedAccountKeepsVertexOnTheNamedHost_data() {
        QTest::addColumn<QString>("endpointUrl");
        QTest::addColumn<QString>("aiplatform");
        QTest::newRow("Google's endpoint: regional Vertex hosts") << QString() << QString();
        QTest::newRow("a compatible server: Vertex on that host")
            << QStringLiteral("http://127.0.0.1:8123") << QStringLiteral("http://127.0.0.1:8123");
    }
    void storedAccountKeepsVertexOnTheNamedHost() {
        QFETCH(QString, endpointUrl);
        QFETCH(QString, aiplatform);
        Account a;
        a.id = QStringLiteral("g");
        a.kind = AccountKind::Gcp;
        a.projectIds = {QStringLiteral("p1")};
        a.quotaProjectId = QStringLiteral("billing");
        a.endpointUrl = endpointUrl;
        const gcp::GcpEndpointConfig e = MonitorSession::googleEndpointFor(a);
        QCOMPARE(e.projectIds, QStringList{QStringLiteral("p1")});
        QCOMPARE(e.quotaProjectId, QStringLiteral("billing"));
        QCOMPARE(e.aiplatformEndpoint.toString(), aiplatform);
        if (endpointUrl.isEmpty())
            QCOMPARE(e.resolvedMonitoringEndpoint().host(), QStringLiteral("monitoring.googleapis.com"));
    }

    void refusesAnAccountWithoutItsKey() {
        test::ManualClock clock{kNow};
        MonitorSession session(clock);
        Account a;
        a.id = QStringLiteral("g");
        a.kind = AccountKind::Gcp;
        QCOMPARE(session.addGoogleAccount(a, AccountSecret{}, {}).error().code, ErrorCode::NoCredentials);
        a.kind = AccountKind::Azure;
        QCOMPARE(session.addGoogleAccount(a, AccountSecret{}, {}).error().code, ErrorCode::BadArgument);
    }
};

QTEST_GUILESS_MAIN(TstMonitorSessionGcp)
#include "tst_monitor_session_gcp.moc"
