// AlertRule as a value: JSON round trips (inside a workspace and as a standalone file), the
// defaults of omitted fields, unit conversion, and validation that refuses every invalid rule
// with a message naming the field. Also the default rules built from the catalog's charts.
#include "core/alerts/alert_rule.h"
#include "core/alerts/default_rules.h"
#include "core/catalog/aws_catalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

namespace {

QJsonObject baseJson() {
    return QJsonDocument::fromJson(R"({
        "id": "latency", "name": "Model latency",
        "series": {"namespace": "AWS/SageMaker", "metric": "ModelLatency",
                   "dimensions": {"EndpointName": "churn", "VariantName": "AllTraffic"}, "stat": "Average"},
        "comparison": "above", "critical": 1000, "unit": "ms"})")
        .object();
}

QJsonObject withOverrides(const QByteArray &overrides, const QStringList &removed = {}) {
    QJsonObject o = baseJson();
    const QJsonObject extra = QJsonDocument::fromJson(overrides).object();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    for (const QString &key : removed)
        o.remove(key);
    return o;
}

AlertRule fullRule() {
    AlertRule r;
    r.id = QStringLiteral("prod/latency");
    r.name = QStringLiteral("Model latency — churn");
    r.description = QStringLiteral("Why: the seed's 1000 ms.");
    r.enabled = false;
    r.cloud = QStringLiteral("aws");
    r.account = QStringLiteral("prod");
    r.series.namespaceName = QStringLiteral("AWS/SageMaker");
    r.series.metricName = QStringLiteral("ModelLatency");
    r.series.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("churn")},
                           {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    r.series.stat = QStringLiteral("p99");
    r.series.periodSeconds = 300;
    r.instanceType = QStringLiteral("ml.m5.xlarge"); // ModelLatency is not summed: no effect
    r.comparison = AlertComparison::Above;
    r.critical = 1000;
    r.warning = 500;
    r.criticalRecovery = 900;
    r.warningRecovery = 450.5;
    r.unit = QStringLiteral("ms");
    r.seriesUnit = Unit::Microseconds;
    r.periodSeconds = 300;
    r.evaluationPeriods = 5;
    r.datapointsToAlarm = 3;
    r.pendingForSeconds = 600;
    r.keepFiringForSeconds = 900;
    r.missingData = MissingDataPolicy::NotBreaching;
    r.evaluationDelaySeconds = 240;
    r.notifications.desktop = false;
    r.notifications.webhookUrl = QUrl(QStringLiteral("https://hooks.example.com/T000/B000"));
    r.notifications.repeatIntervalSeconds = 3600;
    return r;
}

} // namespace

class TestAlertRule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryField();
    void roundTripOfMinimalRuleLeavesDefaultsOut();
    void azureSeriesKeepsResourceAndAccount();
    void omittedFieldsTakeTheIssuesDefaults();
    void unknownMembersAreIgnored();

    void validationNamesTheField_data();
    void validationNamesTheField();
    void validationPrefixesTheContext();
    void problemsListsEveryProblem();
    void validRecoveryOnTheTriggerIsAccepted();

    void displayUnitConvertsRawValues_data();
    void displayUnitConvertsRawValues();
    void displayUnitIsPerDeviceOnAKnownInstanceType_data();
    void displayUnitIsPerDeviceOnAKnownInstanceType();
    void instanceTypeRoundTrips();
    void defaultEvaluationDelayPerCloud_data();
    void defaultEvaluationDelayPerCloud();

    void standaloneFileRoundTrip();
    void malformedFileNamesLineAndColumn();

    void defaultRulesFollowTheSeed();
    void defaultRulesAreValidAndUnique();
    void defaultRuleCarriesTheChartsInstanceType();
};

void TestAlertRule::roundTripKeepsEveryField() {
    const AlertRule rule = fullRule();
    QVERIFY(rule.validate());
    Result<AlertRule> back = AlertRule::fromJson(rule.toJson());
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, rule);
}

// An Azure series is known by its account and ARM resource too (MetricQuery::seriesKey): a rule
// saved and read back must watch the same series.
void TestAlertRule::azureSeriesKeepsResourceAndAccount() {
    AlertRule rule = fullRule();
    rule.cloud = QStringLiteral("azure");
    rule.account = QStringLiteral("demo-azure");
    rule.series.namespaceName =
        QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
    rule.series.metricName = QStringLiteral("RequestLatency_P99");
    rule.series.dimensions.clear();
    rule.series.stat = QStringLiteral("Average");
    rule.series.resource = QStringLiteral(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/"
        "onlineEndpoints/fraud-scoring");
    rule.series.account = QStringLiteral("demo-azure");
    rule.seriesUnit = Unit::Milliseconds;
    QVERIFY(rule.validate());
    const QJsonObject json = rule.toJson();
    QCOMPARE(json.value(QStringLiteral("series")).toObject().value(QStringLiteral("account")).toString(),
             QStringLiteral("demo-azure"));
    Result<AlertRule> back = AlertRule::fromJson(json);
    QVERIFY(back);
    QCOMPARE(*back, rule);
    QCOMPARE(back->seriesKey(), rule.seriesKey());
    // An AWS series of the primary account writes no account (its key has none).
    QVERIFY(
        !fullRule().toJson().value(QStringLiteral("series")).toObject().contains(QStringLiteral("account")));
}

void TestAlertRule::roundTripOfMinimalRuleLeavesDefaultsOut() {
    Result<AlertRule> rule = AlertRule::fromJson(baseJson());
    QVERIFY(rule);
    const QJsonObject written = rule->toJson();
    for (const char *absent :
         {"warning", "criticalRecovery", "warningRecovery", "pendingFor", "keepFiringFor", "evaluationDelay",
          "seriesUnit", "enabled", "cloud", "instanceType"})
        QVERIFY2(!written.contains(QLatin1String(absent)), absent);
    Result<AlertRule> again = AlertRule::fromJson(written);
    QVERIFY(again);
    QCOMPARE(*again, *rule);
}

void TestAlertRule::omittedFieldsTakeTheIssuesDefaults() {
    Result<AlertRule> rule = AlertRule::fromJson(baseJson());
    QVERIFY(rule);
    QCOMPARE(rule->evaluationPeriods, 1);
    QCOMPARE(rule->datapointsToAlarm, 1);
    QCOMPARE(rule->pendingForSeconds, 0);
    QCOMPARE(rule->keepFiringForSeconds, 0);
    QCOMPARE(rule->missingData, MissingDataPolicy::Missing);
    QCOMPARE(rule->criticalRecoveryValue(), 1000.0); // no hysteresis
    QVERIFY(!rule->warning);
    QCOMPARE(rule->periodSeconds, 60);
    QCOMPARE(rule->effectiveEvaluationDelaySeconds(), 120); // CloudWatch, 1-minute metrics
    QVERIFY(rule->notifications.desktop);
    QVERIFY(rule->notifications.webhookUrl.isEmpty());
    QVERIFY(rule->enabled);
    QCOMPARE(rule->seriesKey(),
             QStringLiteral("AWS/SageMaker|ModelLatency|EndpointName=churn,VariantName=AllTraffic|Average"));
}

void TestAlertRule::unknownMembersAreIgnored() {
    Result<AlertRule> rule = AlertRule::fromJson(withOverrides(R"({"fromAFutureVersion": {"x": 1}})"));
    QVERIFY(rule);
}

void TestAlertRule::validationNamesTheField_data() {
    QTest::addColumn<QByteArray>("overrides");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QString>("field");

    const QStringList none;
    QTest::newRow("M > N") << QByteArray(R"({"evaluationPeriods": 3, "datapointsToAlarm": 4})") << none
                           << "datapointsToAlarm";
    QTest::newRow("M = 0") << QByteArray(R"({"datapointsToAlarm": 0})") << none << "datapointsToAlarm";
    QTest::newRow("N = 0") << QByteArray(R"({"evaluationPeriods": 0, "datapointsToAlarm": 0})") << none
                           << "evaluationPeriods";
    QTest::newRow("N too large") << QByteArray(R"({"evaluationPeriods": 100000})") << none
                                 << "evaluationPeriods";
    QTest::newRow("critical recovery above critical, alerting above")
        << QByteArray(R"({"criticalRecovery": 1100})") << none << "criticalRecovery";
    QTest::newRow("critical recovery below critical, alerting below")
        << QByteArray(R"({"comparison": "below", "criticalRecovery": 900})") << none << "criticalRecovery";
    QTest::newRow("warning recovery on the wrong side")
        << QByteArray(R"({"warning": 500, "warningRecovery": 600})") << none << "warningRecovery";
    QTest::newRow("warning recovery without a warning")
        << QByteArray(R"({"warningRecovery": 400})") << none << "warningRecovery";
    QTest::newRow("warning past critical, alerting above")
        << QByteArray(R"({"warning": 1200})") << none << "warning";
    QTest::newRow("warning equal to critical") << QByteArray(R"({"warning": 1000})") << none << "warning";
    QTest::newRow("warning past critical, alerting below")
        << QByteArray(R"({"comparison": "below", "warning": 900})") << none << "warning";
    QTest::newRow("unknown unit") << QByteArray(R"({"unit": "furlongs"})") << none << "unit";
    QTest::newRow("unit differs in case") << QByteArray(R"({"unit": "MS"})") << none << "unit";
    QTest::newRow("unit that cannot show the series")
        << QByteArray(R"({"unit": "%", "seriesUnit": "Microseconds"})") << none << "unit";
    QTest::newRow("unknown series unit")
        << QByteArray(R"({"seriesUnit": "Furlongs"})") << none << "seriesUnit";
    QTest::newRow("missing series") << QByteArray("{}") << QStringList{QStringLiteral("series")} << "series";
    QTest::newRow("series without metric")
        << QByteArray(R"({"series": {"namespace": "AWS/SageMaker", "stat": "Average"}})") << none
        << "series.metric";
    QTest::newRow("series without namespace")
        << QByteArray(R"({"series": {"metric": "ModelLatency"}})") << none << "series.namespace";
    QTest::newRow("series dimension not a string")
        << QByteArray(R"({"series": {"namespace": "N", "metric": "M", "dimensions": {"A": 1}}})") << none
        << "series.dimensions.A";
    QTest::newRow("series not an object") << QByteArray(R"({"series": "AWS/SageMaker"})") << none << "series";
    QTest::newRow("zero period") << QByteArray(R"({"period": 0})") << none << "period";
    QTest::newRow("negative period") << QByteArray(R"({"period": -60})") << none << "period";
    QTest::newRow("fractional period") << QByteArray(R"({"period": 1.5})") << none << "period";
    QTest::newRow("negative pendingFor") << QByteArray(R"({"pendingFor": -1})") << none << "pendingFor";
    QTest::newRow("negative keepFiringFor")
        << QByteArray(R"({"keepFiringFor": -1})") << none << "keepFiringFor";
    QTest::newRow("negative evaluationDelay")
        << QByteArray(R"({"evaluationDelay": -1})") << none << "evaluationDelay";
    QTest::newRow("missing critical")
        << QByteArray("{}") << QStringList{QStringLiteral("critical")} << "critical";
    QTest::newRow("critical not a number") << QByteArray(R"({"critical": "1000"})") << none << "critical";
    QTest::newRow("missing comparison")
        << QByteArray("{}") << QStringList{QStringLiteral("comparison")} << "comparison";
    QTest::newRow("unknown comparison")
        << QByteArray(R"({"comparison": "sideways"})") << none << "comparison";
    QTest::newRow("unknown missingData") << QByteArray(R"({"missingData": "zero"})") << none << "missingData";
    QTest::newRow("missing id") << QByteArray("{}") << QStringList{QStringLiteral("id")} << "id";
    QTest::newRow("id with a control character") << QByteArray(R"({"id": "a\nb"})") << none << "id";
    QTest::newRow("instanceType with a space")
        << QByteArray(R"({"instanceType": "ml.m5 xlarge"})") << none << "instanceType";
    QTest::newRow("instanceType with a control character")
        << QByteArray(R"({"instanceType": "ml.m5.xlarge\n"})") << none << "instanceType";
    QTest::newRow("instanceType longer than 64 characters")
        << (QByteArray(R"({"instanceType": ")") + QByteArray(65, 'a') + QByteArray(R"("})")) << none
        << "instanceType";
    QTest::newRow("instanceType not a string")
        << QByteArray(R"({"instanceType": 4})") << none << "instanceType";
    QTest::newRow("unknown cloud") << QByteArray(R"({"cloud": "moon"})") << none << "cloud";
    QTest::newRow("webhook over plain http to another host")
        << QByteArray(R"({"notifications": {"webhook": "http://hooks.example.com/x"}})") << none
        << "notifications.webhook";
    QTest::newRow("negative repeatInterval") << QByteArray(R"({"notifications": {"repeatInterval": -1}})")
                                             << none << "notifications.repeatInterval";
    QTest::newRow("desktop not a boolean")
        << QByteArray(R"({"notifications": {"desktop": "yes"}})") << none << "notifications.desktop";
}

void TestAlertRule::validationNamesTheField() {
    QFETCH(QByteArray, overrides);
    QFETCH(QStringList, removed);
    QFETCH(QString, field);
    const Result<AlertRule> rule = AlertRule::fromJson(withOverrides(overrides, removed));
    QVERIFY(!rule);
    QCOMPARE(rule.error().code, ErrorCode::BadArgument);
    QVERIFY2(rule.error().message.startsWith(field + QStringLiteral(": ")), qPrintable(rule.error().message));
}

void TestAlertRule::validationPrefixesTheContext() {
    const Result<AlertRule> rule =
        AlertRule::fromJson(withOverrides(R"({"datapointsToAlarm": 2})"), QStringLiteral("rules[3]."));
    QVERIFY(!rule);
    QVERIFY2(rule.error().message.startsWith(QStringLiteral("rules[3].datapointsToAlarm: ")),
             qPrintable(rule.error().message));
}

void TestAlertRule::problemsListsEveryProblem() {
    AlertRule rule = fullRule();
    rule.datapointsToAlarm = 9;
    rule.unit = QStringLiteral("parsecs");
    QStringList fields;
    for (const AlertRuleProblem &p : rule.problems()) {
        fields.append(p.field);
        QVERIFY(p.message.contains(p.field));
    }
    QCOMPARE(fields, (QStringList{QStringLiteral("unit"), QStringLiteral("datapointsToAlarm")}));
}

void TestAlertRule::validRecoveryOnTheTriggerIsAccepted() {
    QVERIFY(AlertRule::fromJson(withOverrides(R"({"criticalRecovery": 1000})")));
    QVERIFY(AlertRule::fromJson(withOverrides(R"({"comparison": "below", "criticalRecovery": 1100})")));
}

void TestAlertRule::displayUnitConvertsRawValues_data() {
    QTest::addColumn<QString>("seriesUnit");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("raw");
    QTest::addColumn<double>("display");
    QTest::newRow("microseconds as ms") << "Microseconds"
                                        << "ms" << 1.5e6 << 1500.0;
    QTest::newRow("milliseconds as s") << "Milliseconds"
                                       << "s" << 60000.0 << 60.0;
    QTest::newRow("bytes as GiB") << "Bytes"
                                  << "GiB" << 3.0 * 1024 * 1024 * 1024 << 3.0;
    QTest::newRow("percent as %") << "Percent"
                                  << "%" << 93.5 << 93.5;
    QTest::newRow("None as count") << "None"
                                   << "count" << 7.0 << 7.0;
    QTest::newRow("no series unit: taken as written") << ""
                                                      << "ms" << 1234.0 << 1234.0;
}

void TestAlertRule::displayUnitConvertsRawValues() {
    QFETCH(QString, seriesUnit);
    QFETCH(QString, unit);
    QFETCH(double, raw);
    QFETCH(double, display);
    QJsonObject o = withOverrides("{}");
    o.insert(QStringLiteral("unit"), unit);
    if (!seriesUnit.isEmpty())
        o.insert(QStringLiteral("seriesUnit"), seriesUnit);
    Result<AlertRule> rule = AlertRule::fromJson(o);
    QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().message));
    QCOMPARE(rule->toDisplay(raw), display);
}

// SageMaker sums CPU / GPU utilisation over the instance's vCPUs / GPUs; a rule that knows the
// instance type compares per device, exactly like the chart (UnitRegistry::forSeries).
void TestAlertRule::displayUnitIsPerDeviceOnAKnownInstanceType_data() {
    QTest::addColumn<QString>("namespaceName");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<double>("scale");
    const QString training = QStringLiteral("/aws/sagemaker/TrainingJobs");
    QTest::newRow("CPUUtilization on ml.m5.xlarge (4 vCPUs): 1/4") << training << "CPUUtilization"
                                                                   << "ml.m5.xlarge" << 0.25;
    QTest::newRow("CPUUtilization on ml.g5.2xlarge (8 vCPUs): 1/8") << training << "CPUUtilization"
                                                                    << "ml.g5.2xlarge" << 0.125;
    QTest::newRow("CPUUtilization on an unknown type: summed") << training << "CPUUtilization"
                                                               << "ml.zz9.xlarge" << 1.0;
    QTest::newRow("CPUUtilization without a type: summed") << training << "CPUUtilization"
                                                           << "" << 1.0;
    QTest::newRow("GPUUtilization on ml.g5.12xlarge (4 GPUs): 1/4") << training << "GPUUtilization"
                                                                    << "ml.g5.12xlarge" << 0.25;
    QTest::newRow("GPUMemoryUtilization on ml.g5.12xlarge (4 GPUs): 1/4")
        << training << "GPUMemoryUtilization"
        << "ml.g5.12xlarge" << 0.25;
    QTest::newRow("endpoint CPUUtilization on ml.c5.xlarge: 1/4") << "/aws/sagemaker/Endpoints"
                                                                  << "CPUUtilization"
                                                                  << "ml.c5.xlarge" << 0.25;
    QTest::newRow("MemoryUtilization is not summed: unaffected") << training << "MemoryUtilization"
                                                                 << "ml.m5.xlarge" << 1.0;
    QTest::newRow("EC2 CPUUtilization is not summed: unaffected") << "AWS/EC2"
                                                                  << "CPUUtilization"
                                                                  << "ml.m5.xlarge" << 1.0;
}

void TestAlertRule::displayUnitIsPerDeviceOnAKnownInstanceType() {
    QFETCH(QString, namespaceName);
    QFETCH(QString, metric);
    QFETCH(QString, instanceType);
    QFETCH(double, scale);
    QJsonObject o = withOverrides(R"({"unit": "%", "seriesUnit": "Percent"})");
    o.insert(QStringLiteral("series"), QJsonObject{{QStringLiteral("namespace"), namespaceName},
                                                   {QStringLiteral("metric"), metric},
                                                   {QStringLiteral("stat"), QStringLiteral("Average")}});
    if (!instanceType.isEmpty())
        o.insert(QStringLiteral("instanceType"), instanceType);
    Result<AlertRule> rule = AlertRule::fromJson(o);
    QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().message));
    QCOMPARE(rule->displayUnit().scale, scale);
    QCOMPARE(rule->toDisplay(380), 380 * scale);
    // Without a series unit, values are taken as written: no device scaling either.
    AlertRule written = *rule;
    written.seriesUnit.reset();
    QCOMPARE(written.displayUnit().scale, 1.0);
}

void TestAlertRule::instanceTypeRoundTrips() {
    AlertRule rule = fullRule();
    rule.series.namespaceName = QStringLiteral("/aws/sagemaker/TrainingJobs");
    rule.series.metricName = QStringLiteral("GPUUtilization");
    rule.unit = QStringLiteral("%");
    rule.seriesUnit = Unit::Percent;
    rule.critical = 90;
    rule.warning = 70;
    rule.criticalRecovery = 85;
    rule.warningRecovery = 65;
    rule.instanceType = QStringLiteral("ml.g5.12xlarge");
    QVERIFY(rule.validate());
    const QJsonObject json = rule.toJson();
    QCOMPARE(json.value(QStringLiteral("instanceType")).toString(), QStringLiteral("ml.g5.12xlarge"));
    Result<AlertRule> back = AlertRule::fromJson(json);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, rule);
    QCOMPARE(back->toDisplay(360), 90.0); // 4 GPUs at 90 %

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("gpu.json"));
    QVERIFY(rule.save(path));
    Result<AlertRule> loaded = AlertRule::load(path);
    QVERIFY(loaded);
    QCOMPARE(loaded->instanceType, QStringLiteral("ml.g5.12xlarge"));
    QCOMPARE(loaded->displayUnit().scale, 0.25);
}

void TestAlertRule::defaultEvaluationDelayPerCloud_data() {
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<int>("period");
    QTest::addColumn<int>("delay");
    QTest::newRow("CloudWatch 1-minute metrics: 2 min") << "aws" << 60 << 120;
    QTest::newRow("CloudWatch 5-minute metrics: 15 min") << "aws" << 300 << 900;
    QTest::newRow("CloudWatch daily S3 storage metrics: a day") << "aws" << 86400 << 86400;
    QTest::newRow("Azure Monitor: 5 min") << "azure" << 60 << 300;
    QTest::newRow("Google Cloud Monitoring: 7 min") << "gcp" << 60 << 420;
}

void TestAlertRule::defaultEvaluationDelayPerCloud() {
    QFETCH(QString, cloud);
    QFETCH(int, period);
    QFETCH(int, delay);
    QCOMPARE(defaultEvaluationDelaySeconds(cloud, period), delay);
}

void TestAlertRule::standaloneFileRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rule.json"));
    const AlertRule rule = fullRule();
    QVERIFY(rule.save(path));
    Result<AlertRule> back = AlertRule::load(path);
    QVERIFY(back);
    QCOMPARE(*back, rule);
    // The standalone file is exactly the object a workspace holds in "rules".
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), rule.toJson());
}

void TestAlertRule::malformedFileNamesLineAndColumn() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"id\": \"x\",\n  \"critical\": 10,,\n}\n");
    file.close();
    Result<AlertRule> rule = AlertRule::load(path);
    QVERIFY(!rule);
    QVERIFY2(rule.error().message.contains(QStringLiteral("line 3, column")),
             qPrintable(rule.error().message));
}

void TestAlertRule::defaultRulesFollowTheSeed() {
    const QList<Dimension> endpoint{{QStringLiteral("EndpointName"), QStringLiteral("churn-model-prod")},
                                    {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    const QList<MetricDescriptor> found{
        {QStringLiteral("AWS/SageMaker"), QStringLiteral("ModelLatency"), endpoint},
        {QStringLiteral("AWS/SageMaker"), QStringLiteral("Invocation5XXErrors"), endpoint},
        {QStringLiteral("AWS/SageMaker"), QStringLiteral("Invocations"), endpoint},
        {QStringLiteral("/aws/sagemaker/Endpoints"), QStringLiteral("CPUUtilization"), endpoint},
        {QStringLiteral("/aws/sagemaker/Endpoints"), QStringLiteral("MemoryUtilization"), endpoint},
        {QStringLiteral("/aws/sagemaker/ProcessingJobs"),
         QStringLiteral("MemoryUtilization"),
         {{QStringLiteral("Host"), QStringLiteral("feature-build/algo-1")}}},
        {QStringLiteral("/aws/sagemaker/ProcessingJobs"),
         QStringLiteral("DiskUtilization"),
         {{QStringLiteral("Host"), QStringLiteral("feature-build/algo-1")}}},
    };
    const QList<AlertRule> rules = defaultRulesFor(aws::buildAwsCharts(found));
    QHash<QString, AlertRule> byId;
    for (const AlertRule &r : rules)
        byId.insert(r.id, r);

    const AlertRule latency =
        byId.value(QStringLiteral("default:monitoring/latency/churn-model-prod/AllTraffic"));
    QCOMPARE(latency.series.metricName, QStringLiteral("ModelLatency"));
    QCOMPARE(latency.series.stat, QStringLiteral("p99"));
    QCOMPARE(latency.critical, 1000.0);
    QCOMPARE(latency.criticalRecoveryValue(), 900.0);
    QCOMPARE(latency.unit, QStringLiteral("ms"));
    QCOMPARE(latency.seriesUnit, std::optional<Unit>(Unit::Microseconds));
    QCOMPARE(latency.toDisplay(1'000'000), 1000.0);
    QVERIFY(latency.description.contains(QLocale().toString(1000.0, 'g', 12) + QStringLiteral(" ms")));
    QVERIFY(latency.description.contains(QLocale().toString(900.0, 'g', 12) + QStringLiteral(" ms")));

    // The error budget watches the derived 5XX percentage, entered and compared in %.
    const AlertRule errors =
        byId.value(QStringLiteral("default:monitoring/errors/churn-model-prod/AllTraffic"));
    QCOMPARE(errors.series.metricName, QStringLiteral("errorPercent(Invocation5XXErrors/Invocations)"));
    QCOMPARE(errors.unit, QStringLiteral("%"));
    QCOMPARE(errors.seriesUnit, std::optional<Unit>(Unit::Percent));
    QCOMPARE(errors.critical, 5.0);
    QCOMPARE(errors.warning, std::optional<double>(1.0));
    QCOMPARE(errors.toDisplay(2.5), 2.5);
    QVERIFY(byId.contains(QStringLiteral("default:deployment/cpu/churn-model-prod/AllTraffic")));
    QVERIFY(byId.contains(QStringLiteral("default:deployment/memory/churn-model-prod/AllTraffic")));
    const AlertRule prep = byId.value(QStringLiteral("default:data-preparation/memory/feature-build/algo-1"));
    QCOMPARE(prep.critical, 90.0);
    QCOMPARE(prep.series.stat, QStringLiteral("Maximum"));
    // Storage capacity: the job's volume filling up.
    const AlertRule disk = byId.value(QStringLiteral("default:data-preparation/disk/feature-build/algo-1"));
    QCOMPARE(disk.series.metricName, QStringLiteral("DiskUtilization"));
    QCOMPARE(disk.critical, 90.0);
    QCOMPARE(disk.warning, std::optional<double>(80.0));
    QVERIFY2(disk.name.contains(QStringLiteral("feature-build")), qPrintable(disk.name));
    QVERIFY2(!disk.name.contains(QLatin1Char('%')), qPrintable(disk.name));
    QCOMPARE(rules.size(), 6);
}

void TestAlertRule::defaultRulesAreValidAndUnique() {
    // Every chart kind of the catalog, as the demo account publishes them.
    QList<MetricDescriptor> found;
    const QList<Dimension> endpoint{{QStringLiteral("EndpointName"), QStringLiteral("e")},
                                    {QStringLiteral("VariantName"), QStringLiteral("v")}};
    for (const char *m :
         {"ModelLatency", "OverheadLatency", "Invocations", "Invocation4XXErrors", "Invocation5XXErrors"})
        found.append({QStringLiteral("AWS/SageMaker"), QLatin1String(m), endpoint});
    for (const char *m : {"CPUUtilization", "MemoryUtilization"})
        found.append({QStringLiteral("/aws/sagemaker/Endpoints"), QLatin1String(m), endpoint});
    for (const char *m : {"CPUUtilization", "GPUUtilization", "MemoryUtilization", "GPUMemoryUtilization"})
        found.append({QStringLiteral("/aws/sagemaker/TrainingJobs"),
                      QLatin1String(m),
                      {{QStringLiteral("Host"), QStringLiteral("t/algo-1")}}});
    found.append({QStringLiteral("AWS/Athena"),
                  QStringLiteral("TotalExecutionTime"),
                  {{QStringLiteral("QueryState"), QStringLiteral("SUCCEEDED")},
                   {QStringLiteral("QueryType"), QStringLiteral("DML")},
                   {QStringLiteral("WorkGroup"), QStringLiteral("ml-evaluation")}}});
    for (const char *m : {"feature_baseline_drift_age", "feature_baseline_drift_tenure"})
        found.append({QStringLiteral("aws/sagemaker/Endpoints/data-metrics"),
                      QLatin1String(m),
                      {{QStringLiteral("Endpoint"), QStringLiteral("e")},
                       {QStringLiteral("MonitoringSchedule"), QStringLiteral("s")}}});
    const QList<AlertRule> rules = defaultRulesFor(aws::buildAwsCharts(found));
    QSet<QString> ids;
    for (const AlertRule &r : rules) {
        QVERIFY2(r.validate(), qPrintable(r.id));
        QVERIFY2(!r.description.isEmpty() && !r.name.isEmpty(), qPrintable(r.id));
        QVERIFY2(!ids.contains(r.id), qPrintable(r.id));
        ids.insert(r.id);
    }
    // latency, errors, endpoint cpu + memory, training memory, athena, drift × 2
    QCOMPARE(rules.size(), 8);
}

// A default rule compares in the chart's display units: per vCPU when the chart knows its instance
// type (760 summed over 8 vCPUs is 95 %, not 760 against a 90 % threshold).
void TestAlertRule::defaultRuleCarriesTheChartsInstanceType() {
    const QList<Dimension> endpoint{{QStringLiteral("EndpointName"), QStringLiteral("e")},
                                    {QStringLiteral("VariantName"), QStringLiteral("v")}};
    QList<ChartSpec> charts = aws::buildAwsCharts(
        {{QStringLiteral("/aws/sagemaker/Endpoints"), QStringLiteral("CPUUtilization"), endpoint},
         {QStringLiteral("/aws/sagemaker/Endpoints"), QStringLiteral("MemoryUtilization"), endpoint}});
    for (ChartSpec &chart : charts)
        chart.instanceType = QStringLiteral("ml.g5.2xlarge");
    const QList<AlertRule> rules = defaultRulesFor(charts);
    bool sawCpu = false;
    for (const AlertRule &rule : rules) {
        QCOMPARE(rule.instanceType, QStringLiteral("ml.g5.2xlarge"));
        QVERIFY2(rule.validate(), qPrintable(rule.id));
        if (rule.series.metricName == QLatin1String("CPUUtilization")) {
            sawCpu = true;
            QCOMPARE(rule.toDisplay(760), 95.0);
        } else {
            QCOMPARE(rule.toDisplay(76), 76.0); // memory is not summed
        }
    }
    QVERIFY(sawCpu);
    // Without a known type the rule stays summed (and says nothing about the type).
    for (ChartSpec &chart : charts)
        chart.instanceType.clear();
    for (const AlertRule &rule : defaultRulesFor(charts)) {
        QVERIFY(rule.instanceType.isEmpty());
        QVERIFY(!rule.toJson().contains(QStringLiteral("instanceType")));
    }
}

QTEST_GUILESS_MAIN(TestAlertRule)
#include "tst_alert_rule.moc"
