// The metric browser's tree (MetricBrowserModel) and its search filter, checked by
// QAbstractItemModelTester on real DiscoveredAccount data shaped like each discovery's output.
#include "core/providers/azure/azure_discovery.h"
#include "gui/metric_browser_model.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace mlwatch;

namespace {

Dimension dim(const char *name, const char *value) {
    return {QLatin1String(name), QLatin1String(value)};
}

MetricDescriptor metric(const char *ns, const char *name, const QList<Dimension> &dims) {
    return MetricDescriptor{QLatin1String(ns), QLatin1String(name), dims};
}

DiscoveredAccount awsAccount(bool listed = true) {
    const QList<Dimension> endpoint{dim("EndpointName", "churn-endpoint"), dim("VariantName", "AllTraffic")};
    DiscoveredAccount a;
    a.account = SessionAccount{QString(), AccountKind::Aws, QStringLiteral("Demo cloud")};
    a.listed = listed;
    if (listed)
        a.metrics = {
            metric("AWS/SageMaker", "ModelLatency", endpoint),
            metric("AWS/SageMaker", "Invocations", endpoint),
            metric("/aws/sagemaker/Endpoints", "CPUUtilization", endpoint),
            metric("/aws/sagemaker/TrainingJobs", "GPUUtilization", {dim("Host", "churn-train/algo-1")}),
            metric("/aws/sagemaker/TrainingJobs", "CPUUtilization", {dim("Host", "churn-train/algo-1")}),
            metric("AWS/S3", "BucketSizeBytes",
                   {dim("BucketName", "ml-datasets"), dim("StorageType", "StandardStorage")})};
    return a;
}

DiscoveredAccount azureAccount() {
    using namespace mlwatch::azure;
    const QString ws = QStringLiteral("/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg/"
                                      "providers/Microsoft.MachineLearningServices/workspaces/fraud-ml");
    auto item = [](const QString &id) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("name"), id.section(QLatin1Char('/'), -1)}};
    };
    DiscoveredAccount a;
    a.account = SessionAccount{QStringLiteral("azure-prod"), AccountKind::Azure, QStringLiteral("Fraud")};
    a.listed = true;
    MetricDescriptor cluster =
        describeResource(item(ws + QStringLiteral("/computes/cpu-cluster")),
                         QString::fromLatin1(kComputeType), {dim("workspace", "fraud-ml")});
    cluster.dimensions.append(dim("computeType", "AmlCompute"));
    a.metrics = {cluster};
    return a;
}

DiscoveredAccount emptyAccount() {
    DiscoveredAccount a;
    a.account = SessionAccount{QStringLiteral("gcp-empty"), AccountKind::Gcp, QStringLiteral("Sandbox")};
    a.listed = true;
    return a;
}

// The tree as indented lines: "name | details", two spaces per level.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0) {
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, 0, parent);
        out.append(QString(depth * 2, QLatin1Char(' ')) + name.data().toString() + QStringLiteral(" | ") +
                   model.index(row, 1, parent).data().toString().section(QStringLiteral(" · "), 0, 0));
        out += dump(model, name, depth + 1);
    }
    return out;
}

} // namespace

class TstMetricBrowserModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void grouping_data() {
        QTest::addColumn<QList<DiscoveredAccount>>("accounts");
        QTest::addColumn<QStringList>("tree");
        QTest::newRow("aws: metrics grouped by the catalog's resource, across namespaces")
            << QList<DiscoveredAccount>{awsAccount()}
            << QStringList{QStringLiteral("AWS — Demo cloud | 3 resources"),
                           QStringLiteral("  churn-endpoint/AllTraffic | 3 metrics"),
                           QStringLiteral("    CPUUtilization | /aws/sagemaker/Endpoints"),
                           QStringLiteral("    Invocations | AWS/SageMaker"),
                           QStringLiteral("    ModelLatency | AWS/SageMaker"),
                           QStringLiteral("  churn-train/algo-1 | 2 metrics"),
                           QStringLiteral("    CPUUtilization | /aws/sagemaker/TrainingJobs"),
                           QStringLiteral("    GPUUtilization | /aws/sagemaker/TrainingJobs"),
                           QStringLiteral("  ml-datasets | 1 metric"),
                           QStringLiteral("    BucketSizeBytes | AWS/S3")};
        QTest::newRow("azure: a cluster's metrics under workspace/cluster")
            << QList<DiscoveredAccount>{azureAccount()}
            << QStringList{
                   QStringLiteral("Azure — Fraud | 1 resource"),
                   QStringLiteral("  fraud-ml/cpu-cluster | 7 metrics"),
                   QStringLiteral("    Active Cores | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    Active Nodes | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    CpuUtilization | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    GpuMemoryUtilization | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    GpuUtilization | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    Idle Cores | Microsoft.MachineLearningServices/workspaces"),
                   QStringLiteral("    Idle Nodes | Microsoft.MachineLearningServices/workspaces")};
        QTest::newRow("empty account: a row saying nothing was found, no children")
            << QList<DiscoveredAccount>{emptyAccount()}
            << QStringList{QStringLiteral("Google Cloud — Sandbox | No metrics found")};
        QTest::newRow("unlisted account: a row saying why, no children")
            << QList<DiscoveredAccount>{awsAccount(false)}
            << QStringList{QStringLiteral(
                   "AWS — Demo cloud | Not listed: its resources could not be discovered (yet)")};
        QTest::newRow("accounts in session order")
            << QList<DiscoveredAccount>{emptyAccount(), awsAccount(false)}
            << QStringList{QStringLiteral("Google Cloud — Sandbox | No metrics found"),
                           QStringLiteral("AWS — Demo cloud | Not listed: its "
                                          "resources could not be discovered (yet)")};
        QTest::newRow("no accounts: no rows") << QList<DiscoveredAccount>{} << QStringList{};
    }
    void grouping() {
        QFETCH(QList<DiscoveredAccount>, accounts);
        MetricBrowserModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts(accounts);
        QTEST(dump(model), "tree");
    }

    void filtering_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tree");
        QTest::newRow("a metric name keeps its resource and account, drops the rest")
            << QStringLiteral("latency")
            << QStringList{QStringLiteral("AWS — Demo cloud | 3 resources"),
                           QStringLiteral("  churn-endpoint/AllTraffic | 3 metrics"),
                           QStringLiteral("    ModelLatency | AWS/SageMaker")};
        QTest::newRow("a resource name keeps all its metrics")
            << QStringLiteral("CHURN-TRAIN")
            << QStringList{QStringLiteral("AWS — Demo cloud | 3 resources"),
                           QStringLiteral("  churn-train/algo-1 | 2 metrics"),
                           QStringLiteral("    CPUUtilization | /aws/sagemaker/TrainingJobs"),
                           QStringLiteral("    GPUUtilization | /aws/sagemaker/TrainingJobs")};
        QTest::newRow("a namespace in the details column")
            << QStringLiteral("AWS/S3")
            << QStringList{QStringLiteral("AWS — Demo cloud | 3 resources"),
                           QStringLiteral("  ml-datasets | 1 metric"),
                           QStringLiteral("    BucketSizeBytes | AWS/S3")};
        QTest::newRow("a dimension value") << QStringLiteral("StandardStorage")
                                           << QStringList{QStringLiteral("AWS — Demo cloud | 3 resources"),
                                                          QStringLiteral("  ml-datasets | 1 metric"),
                                                          QStringLiteral("    BucketSizeBytes | AWS/S3")};
        QTest::newRow("no match: nothing") << QStringLiteral("no-such-metric") << QStringList{};
    }
    void filtering() {
        QFETCH(QString, text);
        MetricBrowserModel model;
        QSortFilterProxyModel *filter = MetricBrowserModel::createFilterModel(&model, &model);
        QAbstractItemModelTester tester(filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({awsAccount(), emptyAccount()});
        filter->setFilterFixedString(text);
        QTEST(dump(*filter), "tree");
        filter->setFilterFixedString(QString());
        QCOMPARE(dump(*filter), dump(model));
    }

    // Only metric rows carry a metric; every row knows its account; unlisted accounts are disabled.
    void rowsCarryTheirMetricAndAccount() {
        MetricBrowserModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({awsAccount(false), azureAccount()});
        const QModelIndex unlisted = model.index(0, 0);
        QCOMPARE(model.flags(unlisted), Qt::NoItemFlags);
        QCOMPARE(model.kindAt(unlisted), MetricBrowserModel::Kind::Account);
        QVERIFY(!model.metricAt(unlisted));

        const QModelIndex account = model.index(1, 0);
        QVERIFY(model.flags(account).testFlag(Qt::ItemIsEnabled));
        const QModelIndex resource = model.index(0, 0, account);
        QCOMPARE(model.kindAt(resource), MetricBrowserModel::Kind::Resource);
        QVERIFY(!model.metricAt(resource));
        const QModelIndex leaf = model.index(2, 0, resource);
        QCOMPARE(model.kindAt(leaf), MetricBrowserModel::Kind::Metric);
        QCOMPARE(leaf.data(MetricBrowserModel::KindRole).toInt(), int(MetricBrowserModel::Kind::Metric));
        const std::optional<BrowsableMetric> cpu = model.metricAt(leaf);
        QVERIFY(cpu);
        QCOMPARE(cpu->metricName, QStringLiteral("CpuUtilization"));
        QCOMPARE(cpu->query.account, QStringLiteral("azure-prod"));
        QCOMPARE(model.accountAt(leaf)->id, QStringLiteral("azure-prod"));
        QCOMPARE(model.accountAt(leaf)->kind, AccountKind::Azure);
        QVERIFY(
            model.data(leaf, Qt::ToolTipRole).toString().contains(QStringLiteral("/workspaces/fraud-ml")));
        QVERIFY(model.flags(leaf).testFlag(Qt::ItemNeverHasChildren));
    }

    // The third column names the tabs whose charts show the metric (any statistic, derived
    // series through their inputs), and follows the charts as they change.
    void chartedOnFollowsTheCharts() {
        MetricBrowserModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({awsAccount()});
        const QModelIndex endpoint = model.index(0, 0, model.index(0, 0));
        QCOMPARE(endpoint.data().toString(), QStringLiteral("churn-endpoint/AllTraffic"));
        const QModelIndex latency = model.index(2, MetricBrowserModel::ChartedColumn, endpoint);
        const QModelIndex invocations = model.index(1, MetricBrowserModel::ChartedColumn, endpoint);
        QCOMPARE(model.index(2, 0, endpoint).data().toString(), QStringLiteral("ModelLatency"));
        QCOMPARE(latency.data().toString(), QString());

        const std::optional<BrowsableMetric> metric = model.metricAt(model.index(2, 0, endpoint));
        QVERIFY(metric);
        ChartSpec p99 = customChart(*metric, Stage::Monitoring, AccountKind::Aws, QString(), QString(),
                                    QStringLiteral("p99"));
        ChartSpec median = customChart(*metric, Stage::Training, AccountKind::Aws, QString(), QString());
        ChartSpec rate; // a derived series charts its input
        rate.id = QStringLiteral("monitoring/rate");
        rate.stage = Stage::Monitoring;
        ChartSeriesSpec derived;
        derived.derivation = SeriesDerivation::RatePerSecond;
        derived.query.metricName = QStringLiteral("derived");
        derived.inputs = {model.metricAt(model.index(1, 0, endpoint))->query};
        rate.series = {derived};

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCharts({p99, median, rate});
        QCOMPARE(latency.data().toString(), QStringLiteral("Training, Monitoring"));
        QCOMPARE(invocations.data().toString(), QStringLiteral("Monitoring"));
        QCOMPARE(changed.size(), 2);
        model.setCharts({p99, median, rate}); // unchanged: nothing announced
        QCOMPARE(changed.size(), 2);
        model.setCharts({});
        QCOMPARE(latency.data().toString(), QString());
        QCOMPARE(changed.size(), 4);
        QCOMPARE(model.headerData(MetricBrowserModel::ChartedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Charted on"));
    }

    // The session answers chartsReady after every chart edit: the same discovery keeps the tree
    // (no reset, so the view keeps its expansion and selection); a new one resets it.
    void sameDiscoveryDoesNotReset() {
        MetricBrowserModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({awsAccount(false)});
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setAccounts({awsAccount(false)});
        QCOMPARE(resets.size(), 0);
        model.setAccounts({awsAccount(true)});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    }
};

QTEST_MAIN(TstMetricBrowserModel)
#include "tst_metric_browser_model.moc"
