// Pins what mlwatch-cli prints for series the demo never produces: names that need quoting or
// JSON escaping, unknown units, empty results, and the NaN / infinity policy of both formats;
// Azure's unit names and resource key, and how series split by a '*' filter are named.
#include "cli/azure_query_command.h"
#include "cli/query_output_writer.h"
#include "core/model/unit.h"
#include "demo/demo_azure_catalog.h"
#include "demo/demo_dataset.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace mlwatch;
using namespace mlwatch::cli;

namespace {

MetricQuery query(const QString &metric, QList<Dimension> dims = {},
                  const QString &stat = QStringLiteral("Sum")) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("AWS/SageMaker");
    q.metricName = metric;
    q.dimensions = std::move(dims);
    q.stat = stat;
    q.periodSeconds = 300;
    return q;
}

QuerySeries series(const MetricQuery &q, QVector<qint64> t, QVector<double> v) {
    QuerySeries s{q, {}};
    s.data.seriesKey = q.seriesKey();
    s.data.timestampsMs = std::move(t);
    s.data.values = std::move(v);
    return s;
}

QByteArray csv(const QList<QuerySeries> &list) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    const Result<void> r = QueryOutputWriter::writeCsv(buffer, list);
    return r ? out : QByteArray("error");
}

QByteArray json(const QList<QuerySeries> &list) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    const Result<void> r = QueryOutputWriter::writeJson(buffer, list);
    return r ? out : QByteArray("error");
}

} // namespace

class TestQueryOutputWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seriesName_data();
    void seriesName();
    void unitName_data();
    void unitName();
    void unitNameAgreesWithEveryDemoMetric();
    void azureUnitNamesRoundTrip();
    void unitNameAgreesWithEveryDemoAzureMetric();
    void jsonAzureSeriesCarriesItsResource();
    void splitSeriesAreNamedWithTheirValues_data();
    void splitSeriesAreNamedWithTheirValues();
    void csvQuotesNamesWithCommasAndQuotes();
    void jsonEscapesAndParses();
    void jsonUnknownUnitIsNull();
    void jsonEmptyResultKeepsTheSeries();
    void nonFiniteValuePolicy();
};

void TestQueryOutputWriter::seriesName_data() {
    QTest::addColumn<QList<Dimension>>("dims");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no-dimensions-no-braces") << QList<Dimension>{} << "AWS/SageMaker:Invocations:Sum";
    QTest::newRow("one-dimension") << QList<Dimension>{{QStringLiteral("EndpointName"), QStringLiteral("e")}}
                                   << "AWS/SageMaker:Invocations{EndpointName=e}:Sum";
    QTest::newRow("dimensions-sorted-by-name")
        << QList<Dimension>{{QStringLiteral("VariantName"), QStringLiteral("AllTraffic")},
                            {QStringLiteral("EndpointName"), QStringLiteral("churn-model-prod")}}
        << "AWS/SageMaker:Invocations{EndpointName=churn-model-prod,VariantName=AllTraffic}:Sum";
}

void TestQueryOutputWriter::seriesName() {
    QFETCH(QList<Dimension>, dims);
    QFETCH(QString, expected);
    QCOMPARE(QueryOutputWriter::seriesName(query(QStringLiteral("Invocations"), dims)), expected);
}

void TestQueryOutputWriter::unitName_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("unit");

    QTest::newRow("model-latency-microseconds") << "ModelLatency"
                                                << "Microseconds";
    QTest::newRow("overhead-latency-microseconds") << "OverheadLatency"
                                                   << "Microseconds";
    QTest::newRow("invocations-none") << "Invocations"
                                      << "None";
    QTest::newRow("5xx-none") << "Invocation5XXErrors"
                              << "None";
    QTest::newRow("cpu-utilization-percent") << "CPUUtilization"
                                             << "Percent";
    QTest::newRow("gpu-memory-utilization-percent") << "GPUMemoryUtilization"
                                                    << "Percent";
    QTest::newRow("bucket-size-bytes") << "BucketSizeBytes"
                                       << "Bytes";
    QTest::newRow("athena-total-execution-milliseconds") << "TotalExecutionTime"
                                                         << "Milliseconds";
    QTest::newRow("unknown-metric-empty") << "SomethingCustom"
                                          << "";
}

void TestQueryOutputWriter::unitName() {
    QFETCH(QString, metric);
    QFETCH(QString, unit);
    QCOMPARE(QueryOutputWriter::unitName(query(metric)), unit);
}

void TestQueryOutputWriter::unitNameAgreesWithEveryDemoMetric() {
    // The demo publishes each metric with the unit CloudWatch documents for it: wherever the
    // CLI names a unit, it must be that one.
    const demo::DemoDataset dataset(QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC));
    int known = 0;
    for (const demo::DemoSeries &s : dataset.series()) {
        MetricQuery q;
        q.namespaceName = s.metric.namespaceName;
        q.metricName = s.metric.metricName;
        const QString unit = QueryOutputWriter::unitName(q);
        if (unit.isEmpty())
            continue;
        ++known;
        QVERIFY2(unit == s.unit,
                 qPrintable(q.metricName + QStringLiteral(": ") + unit + QStringLiteral(" vs ") + s.unit));
    }
    QVERIFY(known > 20);
}

void TestQueryOutputWriter::azureUnitNamesRoundTrip() {
    for (Unit u :
         {Unit::Count, Unit::Percent, Unit::Milliseconds, Unit::Seconds, Unit::Bytes, Unit::CountPerSecond})
        QCOMPARE(unitFromAzureName(azureUnitName(u)), u);
    QCOMPARE(azureUnitName(Unit::Milliseconds),
             QStringLiteral("MilliSeconds")); // Azure's MetricUnit spelling
    QCOMPARE(unitFromAzureName(QStringLiteral("Milliseconds")), Unit::Milliseconds);
    QCOMPARE(unitFromAzureName(QStringLiteral("BytesPerSecond")), Unit::None); // no Unit for it (yet)
    QCOMPARE(azureUnitName(Unit::Microseconds), QString());
}

void TestQueryOutputWriter::unitNameAgreesWithEveryDemoAzureMetric() {
    // The simulated Azure describes each metric with the unit Azure's metric definitions give
    // (cloud-apis.md §2.6). Every one MLWatch has a Unit for is named, and named the same.
    int known = 0;
    for (const demo::DemoAzureMetricDefinition &d : demo::DemoAzureCatalog::all()) {
        MetricQuery q;
        q.namespaceName = d.namespaceName;
        q.metricName = d.name;
        q.stat = QStringLiteral("Average");
        q.resource = QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/") + d.namespaceName +
                     QStringLiteral("/x");
        const QString expected = unitFromAzureName(d.unit) == Unit::None ? QString() : d.unit;
        QVERIFY2(QueryOutputWriter::unitName(q) == expected,
                 qPrintable(d.namespaceName + QLatin1Char(':') + d.name + QStringLiteral(": ") +
                            QueryOutputWriter::unitName(q) + QStringLiteral(" vs ") + d.unit));
        known += expected.isEmpty() ? 0 : 1;
    }
    QVERIFY(known > 60);
}

void TestQueryOutputWriter::jsonAzureSeriesCarriesItsResource() {
    MetricQuery q;
    q.namespaceName = QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
    q.metricName = QStringLiteral("RequestLatency_P99");
    q.stat = QStringLiteral("Average");
    q.resource = QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/"
                                "Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e");
    const QByteArray out = json({series(q, {0}, {420})});
    const QJsonObject s =
        QJsonDocument::fromJson(out).object().value(QLatin1String("series")).toArray().at(0).toObject();
    QCOMPARE(s.value(QLatin1String("resource")).toString(), q.resource);
    QCOMPARE(s.value(QLatin1String("unit")).toString(), QStringLiteral("MilliSeconds"));
    QCOMPARE(s.value(QLatin1String("name")).toString(),
             QStringLiteral(
                 "Microsoft.MachineLearningServices/workspaces/onlineEndpoints:RequestLatency_P99:Average"));
    // CloudWatch series have no resource, and no such key.
    const QByteArray aws = json({series(query(QStringLiteral("Invocations")), {0}, {1})});
    QVERIFY(!aws.contains("\"resource\""));
}

void TestQueryOutputWriter::splitSeriesAreNamedWithTheirValues_data() {
    // The provider keys a split series as the query with each '*' replaced by Azure's value;
    // the CLI reads the values back to name the series.
    QTest::addColumn<QList<Dimension>>("filter");
    QTest::addColumn<QList<Dimension>>("returned"); // what Azure's metadatavalues said
    QTest::addColumn<QString>("seriesName");        // empty: not one of the query's series
    const QString base = QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints:"
                                        "RequestsPerMinute");
    const Dimension klass{QStringLiteral("statusCodeClass"), QStringLiteral("*")};
    const Dimension deployment{QStringLiteral("deployment"), QStringLiteral("*")};
    QTest::newRow("one-star") << QList<Dimension>{klass}
                              << QList<Dimension>{{QStringLiteral("statusCodeClass"), QStringLiteral("5xx")}}
                              << base + QStringLiteral("{statusCodeClass=5xx}:Total");
    QTest::newRow("two-stars-in-any-order")
        << QList<Dimension>{klass, deployment}
        << QList<Dimension>{{QStringLiteral("statusCodeClass"), QStringLiteral("2xx")},
                            {QStringLiteral("deployment"), QStringLiteral("green")}}
        << base + QStringLiteral("{deployment=green,statusCodeClass=2xx}:Total");
    QTest::newRow("value-with-the-next-dimension-inside-keeps-the-name")
        << QList<Dimension>{deployment, klass}
        << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("a,statusCodeClass=b")},
                            {QStringLiteral("statusCodeClass"), QStringLiteral("4xx")}}
        << base + QStringLiteral("{deployment=a,statusCodeClass=b,statusCodeClass=4xx}:Total");
    QTest::newRow("star-beside-a-fixed-value")
        << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("blue")}, klass}
        << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("blue")},
                            {QStringLiteral("statusCodeClass"), QStringLiteral("2xx")}}
        << base + QStringLiteral("{deployment=blue,statusCodeClass=2xx}:Total");
    QTest::newRow("another-fixed-value-is-not-ours")
        << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("blue")}, klass}
        << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("green")},
                            {QStringLiteral("statusCodeClass"), QStringLiteral("2xx")}}
        << QString();
}

void TestQueryOutputWriter::splitSeriesAreNamedWithTheirValues() {
    QFETCH(QList<Dimension>, filter);
    QFETCH(QList<Dimension>, returned);
    QFETCH(QString, seriesName);
    MetricQuery q;
    q.namespaceName = QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
    q.metricName = QStringLiteral("RequestsPerMinute");
    q.stat = QStringLiteral("Total");
    q.resource = QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/"
                                "Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e");
    q.dimensions = filter;
    MetricQuery concrete = q;
    concrete.dimensions = returned;
    const std::optional<MetricQuery> named = AzureQueryCommand::splitQueryFor(q, concrete.seriesKey());
    if (seriesName.isEmpty()) {
        QVERIFY(!named);
        return;
    }
    QVERIFY(named);
    QCOMPARE(QueryOutputWriter::seriesName(*named), seriesName);
    QCOMPARE(named->seriesKey(), concrete.seriesKey());
}

void TestQueryOutputWriter::csvQuotesNamesWithCommasAndQuotes() {
    const MetricQuery q =
        query(QStringLiteral("Custom"), {{QStringLiteral("Name"), QStringLiteral("say \"hi\"")}});
    QCOMPARE(csv({series(q, {0}, {1.5})}),
             QByteArray("timestamp,series,value,unit\n"
                        "1970-01-01T00:00:00Z,"
                        "\"AWS/SageMaker:Custom{Name=say \"\"hi\"\"}:Sum\",1.5,\n"));
}

void TestQueryOutputWriter::jsonEscapesAndParses() {
    const QString nasty = QStringLiteral("a\"b\\c\nd\te\x01"
                                         "f-\u00e9");
    const MetricQuery q =
        query(QStringLiteral("ModelLatency"), {{QStringLiteral("K"), nasty}}, QStringLiteral("p99"));
    const QByteArray out = json({series(q, {1000, 61000}, {0.1, 1e21})});
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
    const QJsonObject s = doc.object().value(QLatin1String("series")).toArray().at(0).toObject();
    QCOMPARE(s.value(QLatin1String("dimensions")).toObject().value(QLatin1String("K")).toString(), nasty);
    QCOMPARE(s.value(QLatin1String("stat")).toString(), QStringLiteral("p99"));
    QCOMPARE(s.value(QLatin1String("period")).toInt(), 300);
    QCOMPARE(s.value(QLatin1String("unit")).toString(), QStringLiteral("Microseconds"));
    // Numbers are written in their shortest round-trip form, as in the CSV.
    QVERIFY(out.contains("[[\"1970-01-01T00:00:01Z\",0.1],[\"1970-01-01T00:01:01Z\",1e+21]]"));
}

void TestQueryOutputWriter::jsonUnknownUnitIsNull() {
    const QByteArray out = json({series(query(QStringLiteral("Custom")), {0}, {1})});
    const QJsonObject s =
        QJsonDocument::fromJson(out).object().value(QLatin1String("series")).toArray().at(0).toObject();
    QVERIFY(s.contains(QLatin1String("unit")));
    QVERIFY(s.value(QLatin1String("unit")).isNull());
}

void TestQueryOutputWriter::jsonEmptyResultKeepsTheSeries() {
    const QByteArray out = json({series(query(QStringLiteral("Invocations")), {}, {})});
    const QJsonArray list = QJsonDocument::fromJson(out).object().value(QLatin1String("series")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("points")).toArray().size(), 0);
    QCOMPARE(csv({series(query(QStringLiteral("Invocations")), {}, {})}),
             QByteArray("timestamp,series,value,unit\n"));
}

void TestQueryOutputWriter::nonFiniteValuePolicy() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const QuerySeries s = series(query(QStringLiteral("Custom")), {0, 60000, 120000}, {nan, inf, -inf});
    // NaN is no datapoint: absent in both. Infinities: inf/-inf in CSV, strings in JSON.
    QCOMPARE(csv({s}), QByteArray("timestamp,series,value,unit\n"
                                  "1970-01-01T00:01:00Z,AWS/SageMaker:Custom:Sum,inf,\n"
                                  "1970-01-01T00:02:00Z,AWS/SageMaker:Custom:Sum,-inf,\n"));
    const QByteArray out = json({s});
    QVERIFY(QJsonDocument::fromJson(out).isObject());
    QVERIFY2(
        out.contains("\"points\":[[\"1970-01-01T00:01:00Z\",\"inf\"],[\"1970-01-01T00:02:00Z\",\"-inf\"]]"),
        out.constData());
}

QTEST_GUILESS_MAIN(TestQueryOutputWriter)
#include "tst_query_output_writer.moc"
