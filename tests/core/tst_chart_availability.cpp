// Which of a workspace's charts this machine can show (ChartAvailability), against the three
// simulated clouds at once (AWS, Azure, Google over real HTTP on loopback):
//  - every chart the session's own discovery and catalogs produce is found (no false placeholder);
//  - a chart on a resource, metric or account that is not there gets a reason naming it;
//  - an account that has not answered discovery marks nothing (its fetch explains itself).
#include "../support/manual_clock.h"
#include "core/session/monitor_session.h"
#include "core/workspace/chart_availability.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"
#include "demo/demo_gcp_cloud.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 120'000;
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

Account azureAccount(const demo::DemoAzureCloud &cloud) {
    Account a;
    a.id = QStringLiteral("demo-azure");
    a.label = QStringLiteral("Demo Azure");
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
    a.id = QStringLiteral("demo-gcp");
    a.label = QStringLiteral("Demo Google");
    a.kind = AccountKind::Gcp;
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = demo::DemoGoogleCloud::serviceAccountEmail();
    a.projectIds = {demo::DemoGoogleCloud::projectId()};
    a.endpointUrl = cloud.monitoringEndpoint().toString();
    a.tokenUri = cloud.tokenUri().toString();
    return a;
}

// One session on all three demo clouds, discovered once for every test.
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

    test::ManualClock clock{kNow};
    demo::DemoCloud aws;
    demo::DemoAzureCloud azure;
    demo::DemoGoogleCloud google;
    std::unique_ptr<MonitorSession> session;
};

using Change = std::function<void(ChartSpec &)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class TestChartAvailability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_rig.reset(); }

    void everyChartOfTheCloudsIsFound();
    void whatIsNotThereIsNamed_data();
    void whatIsNotThereIsNamed();
    void accountNotListedYetMarksNothing();

private:
    const ChartSpec *firstOf(const QString &cloud) const;
    std::unique_ptr<Rig> m_rig;
};

void TestChartAvailability::initTestCase() {
    m_rig = std::make_unique<Rig>();
    QSignalSpy ready(m_rig->session.get(), &MonitorSession::chartsReady);
    m_rig->session->start();
    QVERIFY(ready.wait(kWaitMs) || !ready.isEmpty());
    for (const DiscoveredAccount &a : m_rig->session->discovered())
        QVERIFY2(a.listed, qPrintable(a.account.label));
}

const ChartSpec *TestChartAvailability::firstOf(const QString &cloud) const {
    static QList<ChartSpec> charts;
    charts = m_rig->session->charts();
    // "gcp-job": a Google chart on one training job (a resource.labels.job_id filter).
    const bool job = cloud == QLatin1String("gcp-job");
    const QString wanted = job ? QStringLiteral("gcp") : cloud;
    for (const ChartSpec &c : std::as_const(charts)) {
        if ((c.cloud.isEmpty() ? QStringLiteral("aws") : c.cloud) != wanted || c.series.isEmpty())
            continue;
        if (!job)
            return &c;
        for (const Dimension &d : c.series.first().query.dimensions)
            if (d.name == QLatin1String("resource.labels.job_id"))
                return &c;
    }
    return nullptr;
}

void TestChartAvailability::everyChartOfTheCloudsIsFound() {
    const QList<ChartSpec> charts = m_rig->session->charts();
    QSet<QString> clouds;
    QStringList missing;
    for (const ChartSpec &c : charts) {
        clouds.insert(c.cloud.isEmpty() ? QStringLiteral("aws") : c.cloud);
        if (const QString why = ChartAvailability::missingReason(c, m_rig->session->discovered());
            !why.isEmpty())
            missing.append(c.id + QStringLiteral(": ") + why);
    }
    QCOMPARE(clouds.size(), 3);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    // mark() fills the account's label as the session names it.
    for (const ChartSpec &c : ChartAvailability::mark(charts, m_rig->session->discovered()))
        QVERIFY(!c.accountLabel.isEmpty());
}

void TestChartAvailability::whatIsNotThereIsNamed_data() {
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("AWS metric of a training job that is not there") << "aws" << Change([](ChartSpec &c) {
        for (ChartSeriesSpec &s : c.series)
            for (Dimension &d : s.query.dimensions)
                d.value = QStringLiteral("gone-") + d.value;
        c.resource = QStringLiteral("gone-job");
    }) << "gone-job";
    QTest::newRow("AWS metric the resource does not publish") << "aws" << Change([](ChartSpec &c) {
        c.series.first().query.metricName = QStringLiteral("NoSuchMetric");
    }) << "NoSuchMetric";
    QTest::newRow("AWS dimension set that differs (CloudWatch matches exact sets)")
        << "aws" << Change([](ChartSpec &c) {
               c.series.first().query.dimensions.append({QStringLiteral("Extra"), QStringLiteral("x")});
           })
        << "is not in Demo cloud";
    QTest::newRow("Azure resource of another id") << "azure" << Change([](ChartSpec &c) {
        for (ChartSeriesSpec &s : c.series)
            s.query.resource = QStringLiteral("/subscriptions/0/resourceGroups/g/providers/x/y/gone");
    }) << "is not in Demo Azure";
    QTest::newRow("Azure resource type not there") << "azure" << Change([](ChartSpec &c) {
        for (ChartSeriesSpec &s : c.series)
            s.query.namespaceName = QStringLiteral("Microsoft.Nothing/here");
    }) << "is not in Demo Azure";
    QTest::newRow("Google project not listed") << "gcp" << Change([](ChartSpec &c) {
        for (ChartSeriesSpec &s : c.series)
            s.query.resource = QStringLiteral("projects/someone-elses");
    }) << "is not in Demo Google";
    QTest::newRow("Google training job not there") << "gcp-job" << Change([](ChartSpec &c) {
        for (ChartSeriesSpec &s : c.series)
            for (Dimension &d : s.query.dimensions)
                if (d.name == QLatin1String("resource.labels.job_id"))
                    d.value = QStringLiteral("999");
    }) << "is not in Demo Google";
    QTest::newRow("account this machine does not have") << "azure" << Change([](ChartSpec &c) {
        c.account = QStringLiteral("team-azure");
        for (ChartSeriesSpec &s : c.series)
            s.query.account = c.account;
    }) << "account \"team-azure\" is not connected";
}

void TestChartAvailability::whatIsNotThereIsNamed() {
    QFETCH(QString, cloud);
    QFETCH(Change, change);
    QFETCH(QString, mentions);
    const ChartSpec *found = firstOf(cloud);
    QVERIFY(found);
    ChartSpec chart = *found;
    change(chart);
    const QString why = ChartAvailability::missingReason(chart, m_rig->session->discovered());
    QVERIFY2(why.contains(mentions), qPrintable(chart.id + QStringLiteral(": \"") + why + QLatin1Char('"')));
}

void TestChartAvailability::accountNotListedYetMarksNothing() {
    const ChartSpec *found = firstOf(QStringLiteral("azure"));
    QVERIFY(found);
    QList<DiscoveredAccount> discovered = m_rig->session->discovered();
    for (DiscoveredAccount &a : discovered)
        if (a.account.id == found->account) {
            a.listed = false;
            a.metrics.clear();
        }
    ChartSpec chart = *found;
    chart.series.first().query.resource = QStringLiteral("/gone");
    QVERIFY(ChartAvailability::missingReason(chart, discovered).isEmpty());
}

QTEST_GUILESS_MAIN(TestChartAvailability)
#include "tst_chart_availability.moc"
