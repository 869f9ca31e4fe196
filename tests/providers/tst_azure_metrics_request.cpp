// Pins the Azure Monitor request builders (cloud-apis.md §2.3, §2.4, §4.15–4.20): URL encoding of
// metric names, timespan and interval formats, the dimension filter, the 20-names and 50-resources
// limits, and the batch plan that prefers metrics:getBatch wherever a resource's region is known.
#include "core/providers/azure/azure_metrics_request.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace mlwatch;
using namespace mlwatch::azure;

namespace {

const QString kSub = QStringLiteral("00000000-0000-0000-0000-000000000001");
const QString kEndpointNs = QStringLiteral("Microsoft.MachineLearningServices/workspaces/onlineEndpoints");
const QString kWorkspaceNs = QStringLiteral("Microsoft.MachineLearningServices/workspaces");

qint64 utcMs(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const TimeRange kHour{utcMs("2024-05-01T12:00:00Z"), utcMs("2024-05-01T13:00:00Z")};

QString endpointId(const QString &sub, int i) {
    return QStringLiteral(
               "/subscriptions/%1/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/"
               "workspaces/ws/onlineEndpoints/ep%2")
        .arg(sub)
        .arg(i);
}

MetricQuery query(const QString &resource, const QString &metric,
                  const QString &stat = QStringLiteral("Average"), int period = 60,
                  const QString &ns = kEndpointNs, QList<Dimension> dims = {}) {
    MetricQuery q;
    q.namespaceName = ns;
    q.metricName = metric;
    q.stat = stat;
    q.periodSeconds = period;
    q.resource = resource;
    q.dimensions = std::move(dims);
    return q;
}

// The raw (still encoded) value of a query parameter as it goes on the wire.
QByteArray rawParam(const QUrl &url, QByteArrayView name) {
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && QByteArrayView(pair).first(eq) == name)
            return pair.mid(eq + 1);
    }
    return {};
}

int countKind(const AzureMetricsPlan &plan, AzureCallKind kind) {
    return int(std::count_if(plan.calls.cbegin(), plan.calls.cend(),
                             [kind](const AzureMetricsCall &c) { return c.kind == kind; }));
}

} // namespace

class TestAzureMetricsRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metricNamesAreEncoded_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("a space is %20, never '+'")
            << QStringList{QStringLiteral("Active Cores")} << QByteArray("Active%20Cores");
        QTest::newRow("names are joined by literal commas")
            << QStringList{QStringLiteral("RequestLatency_P99"), QStringLiteral("RequestsPerMinute")}
            << QByteArray("RequestLatency_P99,RequestsPerMinute");
        QTest::newRow("a comma inside a name is Azure's %2, itself percent-encoded")
            << QStringList{QStringLiteral("Metric,Name1"), QStringLiteral("Other")}
            << QByteArray("Metric%252Name1,Other");
        QTest::newRow("several names with spaces")
            << QStringList{QStringLiteral("Completed Runs"), QStringLiteral("Failed Runs")}
            << QByteArray("Completed%20Runs,Failed%20Runs");
        QTest::newRow("non-ASCII as UTF-8")
            << QStringList{QStringLiteral("Größe")} << QByteArray("Gr%C3%B6%C3%9Fe");
    }
    void metricNamesAreEncoded() {
        QFETCH(QStringList, names);
        QFETCH(QByteArray, wire);
        QCOMPARE(encodeMetricNames(names), wire);

        // …and that is what the ARM and batch URLs carry, unchanged by QUrl.
        AzureMetricsCall call;
        call.metricNamespace = kWorkspaceNs;
        call.metricNames = names;
        call.aggregation = QStringLiteral("Total");
        call.resourceIds = {endpointId(kSub, 1)};
        call.subscriptionId = kSub;
        call.region = QStringLiteral("westeurope");
        call.range = kHour;
        QCOMPARE(rawParam(buildArmMetricsRequest({}, call).url, "metricnames"), wire);
        QCOMPARE(rawParam(buildBatchMetricsRequest({}, call).url, "metricnames"), wire);
    }

    void timespanIsUtcWithZ_data() {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QString>("timespan");
        QTest::newRow("whole hours") << utcMs("2024-05-01T12:00:00Z") << utcMs("2024-05-01T13:00:00Z")
                                     << "2024-05-01T12:00:00Z/2024-05-01T13:00:00Z";
        QTest::newRow("milliseconds: start floored, end ceiled to the second")
            << utcMs("2024-05-01T12:00:00.750Z") << utcMs("2024-05-01T12:30:10.001Z")
            << "2024-05-01T12:00:00Z/2024-05-01T12:30:11Z";
        QTest::newRow("across a year boundary")
            << utcMs("2023-12-31T23:59:59Z") << utcMs("2024-01-01T00:00:01Z")
            << "2023-12-31T23:59:59Z/2024-01-01T00:00:01Z";
        QTest::newRow("leap day") << utcMs("2024-02-29T00:00:00Z") << utcMs("2024-03-01T00:00:00Z")
                                  << "2024-02-29T00:00:00Z/2024-03-01T00:00:00Z";
    }
    void timespanIsUtcWithZ() {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(QString, timespan);
        QCOMPARE(armTimespan(TimeRange{start, end}), timespan);
        QVERIFY(!timespan.contains(QLatin1Char('+'))); // "+00:00" turns into a space (§4.15)
    }

    void batchTimesCarryMilliseconds_data() {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole second") << utcMs("2024-05-01T12:00:00Z") << "2024-05-01T12:00:00.000Z";
        QTest::newRow("fraction") << utcMs("2024-05-01T12:00:00.250Z") << "2024-05-01T12:00:00.250Z";
        QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
    }
    void batchTimesCarryMilliseconds() {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(batchTime(ms), text);
    }

    void intervalsAreIsoDurations_data() {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("duration");
        QTest::newRow("1 min") << 60 << "PT1M";
        QTest::newRow("5 min") << 300 << "PT5M";
        QTest::newRow("15 min") << 900 << "PT15M";
        QTest::newRow("30 min") << 1800 << "PT30M";
        QTest::newRow("1 h") << 3600 << "PT1H";
        QTest::newRow("6 h") << 21600 << "PT6H";
        QTest::newRow("12 h") << 43200 << "PT12H";
        QTest::newRow("1 day is P1D, not PT24H") << 86400 << "P1D";
        QTest::newRow("mixed hours and minutes") << 5400 << "PT1H30M";
        QTest::newRow("seconds") << 90 << "PT1M30S";
        QTest::newRow("day and hour") << 90000 << "P1DT1H";
    }
    void intervalsAreIsoDurations() {
        QFETCH(int, seconds);
        QFETCH(QString, duration);
        QCOMPARE(isoDuration(seconds), duration);
        QCOMPARE(parseIsoDuration(duration), std::optional<int>(seconds));
        QCOMPARE(parseIsoDuration(duration.toLower()), std::optional<int>(seconds));
    }

    void malformedDurationsAreRefused_data() {
        QTest::addColumn<QString>("text");
        for (const char *t : {"", "P", "PT", "1M", "PT1X", "P1W", "PT-1M", "PT0S"})
            QTest::newRow(t[0] ? t : "(empty)") << QString::fromLatin1(t);
    }
    void malformedDurationsAreRefused() {
        QFETCH(QString, text);
        QCOMPARE(parseIsoDuration(text), std::nullopt);
    }

    void periodsSnapToGrainsAzureAccepts_data() {
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("grain");
        QTest::newRow("below a minute → PT1M") << 10 << 60;
        QTest::newRow("2 min → PT5M") << 120 << 300;
        QTest::newRow("exact grain kept") << 1800 << 1800;
        QTest::newRow("2 h → PT6H") << 7200 << 21600;
        QTest::newRow("beyond a day → P1D") << 2 * 86400 << 86400;
    }
    void periodsSnapToGrainsAzureAccepts() {
        QFETCH(int, period);
        QFETCH(int, grain);
        QCOMPARE(supportedIntervalSeconds(period), grain);
        const AzureMetricsPlan plan =
            planAzureMetricsCalls({query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"),
                                         QStringLiteral("Average"), period)},
                                  kHour, {});
        QCOMPARE(plan.calls.size(), 1);
        QCOMPARE(rawParam(buildArmMetricsRequest({}, plan.calls[0]).url, "interval"),
                 isoDuration(grain).toLatin1());
    }

    void filtersAreODataEqualities_data() {
        QTest::addColumn<QList<Dimension>>("dimensions");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("split by one dimension with '*'")
            << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("*")}} << "deployment eq '*'"
            << QByteArray("deployment%20eq%20'*'");
        QTest::newRow("fixed value and a split, joined by and")
            << QList<Dimension>{{QStringLiteral("deployment"), QStringLiteral("blue")},
                                {QStringLiteral("statusCodeClass"), QStringLiteral("*")}}
            << "deployment eq 'blue' and statusCodeClass eq '*'"
            << QByteArray("deployment%20eq%20'blue'%20and%20statusCodeClass%20eq%20'*'");
        QTest::newRow("a quote in a value is doubled")
            << QList<Dimension>{{QStringLiteral("ExperimentName"), QStringLiteral("bob's run")}}
            << "ExperimentName eq 'bob''s run'" << QByteArray("ExperimentName%20eq%20'bob''s%20run'");
        QTest::newRow("reserved characters in a value are encoded")
            << QList<Dimension>{{QStringLiteral("runId"), QStringLiteral("a&b=c#d+e")}}
            << "runId eq 'a&b=c#d+e'" << QByteArray("runId%20eq%20'a%26b%3Dc%23d%2Be'");
    }
    void filtersAreODataEqualities() {
        QFETCH(QList<Dimension>, dimensions);
        QFETCH(QString, expression);
        QFETCH(QByteArray, wire);
        QCOMPARE(filterExpression(dimensions), expression);
        const Result<QList<Dimension>> parsed = parseFilterExpression(expression);
        QVERIFY(parsed);
        QCOMPARE(*parsed, dimensions);

        const MetricQuery q = query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"),
                                    QStringLiteral("Total"), 60, kEndpointNs, dimensions);
        const AzureMetricsPlan arm = planAzureMetricsCalls({q}, kHour, {});
        QCOMPARE(rawParam(buildArmMetricsRequest({}, arm.calls.value(0)).url, "$filter"), wire);
        const AzureMetricsPlan batch =
            planAzureMetricsCalls({q}, kHour, {{q.resource.toLower(), QStringLiteral("westeurope")}});
        const QUrl batchUrl = buildBatchMetricsRequest({}, batch.calls.value(0)).url;
        QCOMPARE(rawParam(batchUrl, "filter"), wire); // the data plane spells it without '$'
        QVERIFY(rawParam(batchUrl, "$filter").isEmpty());
        // Azure returns only 10 series when splitting unless told otherwise (§4.16).
        const bool splits = expression.contains(QLatin1String("'*'"));
        QCOMPARE(rawParam(batchUrl, "top"), splits ? QByteArray::number(kTopWhenSplitting) : QByteArray());
    }

    void filtersWeCannotChartAreRefused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("or between values") << "a eq 'x' or a eq 'y'"
                                           << "and";
        QTest::newRow("starts-with") << "a sw 'x'"
                                     << "sw";
        QTest::newRow("unquoted value") << "a eq x"
                                        << "name eq 'value'";
        QTest::newRow("dangling and") << "a eq 'x' and "
                                      << "and";
    }
    void filtersWeCannotChartAreRefused() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const Result<QList<Dimension>> parsed = parseFilterExpression(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::BadArgument);
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
    }

    // The example of cloud-apis.md §2.7, byte for byte (plus top, which the reference warns about).
    void armRequestMatchesTheReferenceExample() {
        const QString ep1 = QStringLiteral(
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/"
            "workspaces/ws/onlineEndpoints/ep1");
        const QList<MetricQuery> queries{
            query(ep1, QStringLiteral("RequestLatency_P99"), QStringLiteral("Average"), 300, kEndpointNs,
                  {{QStringLiteral("deployment"), QStringLiteral("*")}}),
            query(ep1, QStringLiteral("RequestsPerMinute"), QStringLiteral("average"), 300, kEndpointNs,
                  {{QStringLiteral("deployment"), QStringLiteral("*")}})};
        const AzureMetricsPlan plan = planAzureMetricsCalls(queries, kHour, {});
        QCOMPARE(plan.calls.size(), 1);
        const HttpRequest request = buildMetricsRequest({}, plan.calls[0]);
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(request.body.isEmpty());
        QCOMPARE(
            request.url.toEncoded(),
            QByteArray("https://management.azure.com/subscriptions/0000/resourceGroups/rg/providers/"
                       "Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep1/providers/"
                       "Microsoft.Insights/metrics?api-version=2023-10-01&metricnamespace="
                       "Microsoft.MachineLearningServices%2Fworkspaces%2FonlineEndpoints&metricnames="
                       "RequestLatency_P99,RequestsPerMinute&aggregation=Average&interval=PT5M&timespan="
                       "2024-05-01T12:00:00Z/2024-05-01T13:00:00Z&$filter=deployment%20eq%20'*'&top=100"));
        QCOMPARE(request.callName, QStringLiteral("Azure Monitor metrics for ep1"));
        QVERIFY(request.headers.isEmpty()); // the provider adds the bearer token, nothing else
    }

    void armEndpointKeepsItsPathPrefix() {
        AzureEndpointConfig config;
        config.armEndpoint = QUrl(QStringLiteral("http://127.0.0.1:8123/arm/"));
        config.apiVersion = QStringLiteral("2021-05-01");
        const AzureMetricsPlan plan = planAzureMetricsCalls(
            {query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"))}, kHour, {});
        const QUrl url = buildArmMetricsRequest(config, plan.calls.value(0)).url;
        QCOMPARE(url.toString(QUrl::RemoveQuery),
                 QStringLiteral("http://127.0.0.1:8123/arm") + endpointId(kSub, 1) +
                     QStringLiteral("/providers/Microsoft.Insights/metrics"));
        QCOMPARE(rawParam(url, "api-version"), QByteArray("2021-05-01"));
    }

    void moreThanTwentyNamesAreSplit_data() {
        QTest::addColumn<int>("names");
        QTest::addColumn<bool>("regionKnown");
        QTest::addColumn<QList<int>>("perCall");
        QTest::newRow("20 names: one ARM call") << 20 << false << QList<int>{20};
        QTest::newRow("21 names: two ARM calls") << 21 << false << QList<int>{20, 1};
        QTest::newRow("45 names: three ARM calls") << 45 << false << QList<int>{20, 20, 5};
        QTest::newRow("45 names: three batch calls") << 45 << true << QList<int>{20, 20, 5};
    }
    void moreThanTwentyNamesAreSplit() {
        QFETCH(int, names);
        QFETCH(bool, regionKnown);
        QFETCH(QList<int>, perCall);
        QList<MetricQuery> queries;
        for (int i = 0; i < names; ++i)
            queries.append(query(endpointId(kSub, 1), QStringLiteral("Metric %1").arg(i)));
        QHash<QString, QString> regions;
        if (regionKnown)
            regions.insert(endpointId(kSub, 1).toLower(), QStringLiteral("westeurope"));
        const AzureMetricsPlan plan = planAzureMetricsCalls(queries, kHour, regions);
        QCOMPARE(plan.calls.size(), perCall.size());
        QStringList seen;
        for (qsizetype i = 0; i < plan.calls.size(); ++i) {
            const AzureMetricsCall &call = plan.calls[i];
            QCOMPARE(call.kind, regionKnown ? AzureCallKind::Batch : AzureCallKind::Arm);
            QCOMPARE(call.metricNames.size(), perCall[i]);
            QCOMPARE(call.queries.size(), perCall[i]);
            const QByteArray wire = rawParam(buildMetricsRequest({}, call).url, "metricnames");
            QCOMPARE(int(wire.count(',')) + 1, perCall[i]);
            seen.append(call.metricNames);
        }
        QCOMPARE(seen.size(), names); // every name asked exactly once
        seen.removeDuplicates();
        QCOMPARE(seen.size(), names);
    }

    // Each query: "subscription|region|namespace|metric|aggregation|period|filter value" on
    // resource "r<n>" (region "-" = unknown, namespace "-" = none).
    void batchGroupsBySubscriptionRegionAndShape_data() {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<int>("batchCalls");
        QTest::addColumn<int>("armCalls");
        const QString a = QStringLiteral("s1|westeurope|EP|RequestsPerMinute|Total|60|");
        QTest::newRow("one subscription, region and namespace: one call") << QStringList{a, a, a} << 1 << 0;
        QTest::newRow("two regions: two calls")
            << QStringList{a, QStringLiteral("s1|eastus|EP|RequestsPerMinute|Total|60|")} << 2 << 0;
        QTest::newRow("region spelled in another case: one call")
            << QStringList{a, QStringLiteral("s1|WestEurope|EP|RequestsPerMinute|Total|60|")} << 1 << 0;
        QTest::newRow("two subscriptions: two calls")
            << QStringList{a, QStringLiteral("s2|westeurope|EP|RequestsPerMinute|Total|60|")} << 2 << 0;
        QTest::newRow("two namespaces: two calls")
            << QStringList{a, QStringLiteral("s1|westeurope|WS|RequestsPerMinute|Total|60|")} << 2 << 0;
        QTest::newRow("two aggregations: two calls")
            << QStringList{a, QStringLiteral("s1|westeurope|EP|RequestsPerMinute|Average|60|")} << 2 << 0;
        QTest::newRow("two intervals: two calls")
            << QStringList{a, QStringLiteral("s1|westeurope|EP|RequestsPerMinute|Total|300|")} << 2 << 0;
        QTest::newRow("two filters: two calls")
            << QStringList{a, QStringLiteral("s1|westeurope|EP|RequestsPerMinute|Total|60|*")} << 2 << 0;
        QTest::newRow("same metric set on every resource: one call")
            << QStringList{a, a, QStringLiteral("s1|westeurope|EP|RequestLatency_P99|Total|60|"),
                           QStringLiteral("s1|westeurope|EP|RequestLatency_P99|Total|60|")}
            << 1 << 0;
        QTest::newRow("resource without a known region: ARM GET")
            << QStringList{a, QStringLiteral("s1|-|EP|RequestsPerMinute|Total|60|")} << 1 << 1;
        QTest::newRow("query without a namespace: ARM GET (getBatch requires one)")
            << QStringList{a, QStringLiteral("s1|westeurope|-|RequestsPerMinute|Total|60|")} << 1 << 1;
    }
    void batchGroupsBySubscriptionRegionAndShape() {
        QFETCH(QStringList, specs);
        QFETCH(int, batchCalls);
        QFETCH(int, armCalls);
        QList<MetricQuery> queries;
        QHash<QString, QString> regions;
        for (qsizetype i = 0; i < specs.size(); ++i) {
            const QStringList f = specs[i].split(QLatin1Char('|'));
            // Rows alternate between two resources, r0 and r1.
            const QString resource = endpointId(f[0], int(i % 2));
            const QString ns = f[2] == QLatin1String("-")    ? QString()
                               : f[2] == QLatin1String("EP") ? kEndpointNs
                                                             : kWorkspaceNs;
            QList<Dimension> dims;
            if (!f[6].isEmpty())
                dims.append({QStringLiteral("deployment"), f[6]});
            MetricQuery q = query(resource, f[3], f[4], f[5].toInt(), ns, dims);
            if (f[1] != QLatin1String("-"))
                regions.insert(resource.toLower(), f[1]);
            else
                regions.remove(resource.toLower());
            queries.append(q);
        }
        const AzureMetricsPlan plan = planAzureMetricsCalls(queries, kHour, regions);
        QVERIFY(plan.rejected.isEmpty());
        QCOMPARE(countKind(plan, AzureCallKind::Batch), batchCalls);
        QCOMPARE(countKind(plan, AzureCallKind::Arm), armCalls);
        int answered = 0;
        for (const AzureMetricsCall &call : plan.calls) {
            answered += int(call.queries.size());
            for (const MetricQuery &q : call.queries) {
                QCOMPARE(subscriptionOf(q.resource), call.subscriptionId);
                QVERIFY(call.metricNames.contains(q.metricName));
                QCOMPARE(q.dimensions, call.filter);
            }
        }
        QSet<QString> distinct;
        for (const MetricQuery &q : queries)
            distinct.insert(q.seriesKey());
        QCOMPARE(answered, int(distinct.size()));
    }

    // The request-count test at the plan level: 120 resources of one type in one region
    // are three getBatch calls (50 + 50 + 20), whatever the number of metrics up to 20.
    void hundredTwentyResourcesAreThreeBatchCalls() {
        QList<MetricQuery> queries;
        QHash<QString, QString> regions;
        for (int i = 0; i < 120; ++i) {
            const QString id = endpointId(kSub, i);
            regions.insert(id.toLower(), QStringLiteral("westeurope"));
            queries.append(query(id, QStringLiteral("RequestsPerMinute")));
            queries.append(query(id, QStringLiteral("RequestLatency_P99")));
        }
        const AzureMetricsPlan plan = planAzureMetricsCalls(queries, kHour, regions);
        QCOMPARE(plan.calls.size(), 3);
        const QList<int> sizes{50, 50, 20};
        QStringList all;
        for (qsizetype i = 0; i < 3; ++i) {
            const AzureMetricsCall &call = plan.calls[i];
            QCOMPARE(call.kind, AzureCallKind::Batch);
            QCOMPARE(call.resourceIds.size(), sizes[i]);
            QCOMPARE(call.queries.size(), 2 * sizes[i]);
            const HttpRequest request = buildMetricsRequest({}, call);
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(headerValue(request.headers, "Content-Type"), QByteArray("application/json"));
            QCOMPARE(request.url.toString(QUrl::RemoveQuery),
                     QStringLiteral("https://westeurope.metrics.monitor.azure.com/subscriptions/") + kSub +
                         QStringLiteral("/metrics:getBatch"));
            QCOMPARE(request.url.query(QUrl::FullyEncoded),
                     QStringLiteral(
                         "api-version=2024-02-01&metricnamespace=Microsoft.MachineLearningServices%2F"
                         "workspaces%2FonlineEndpoints&metricnames=RequestsPerMinute,RequestLatency_P99&"
                         "starttime=2024-05-01T12:00:00.000Z&endtime=2024-05-01T13:00:00.000Z&"
                         "interval=PT1M&aggregation=Average"));
            QCOMPARE(request.callName, QStringLiteral("metrics:getBatch (%1 resources)").arg(sizes[i]));
            const QJsonDocument body = QJsonDocument::fromJson(request.body);
            QCOMPARE(body.object().keys(), QStringList{QStringLiteral("resourceids")});
            const QJsonArray ids = body.object().value(QLatin1String("resourceids")).toArray();
            QCOMPARE(ids.size(), sizes[i]);
            for (const QJsonValue &id : ids)
                all.append(id.toString());
        }
        QCOMPARE(all.size(), 120);
        all.removeDuplicates();
        QCOMPARE(all.size(), 120);
    }

    void batchEndpointOverrideServesEveryRegion() {
        AzureEndpointConfig config;
        config.batchEndpoint = QUrl(QStringLiteral("http://127.0.0.1:9000/data-plane"));
        QCOMPARE(config.batchEndpointFor(QStringLiteral("eastus")), config.batchEndpoint);
        QCOMPARE(AzureEndpointConfig{}.batchEndpointFor(QStringLiteral("West Europe")),
                 QUrl(QStringLiteral("https://westeurope.metrics.monitor.azure.com")));
        const QString id = endpointId(kSub, 7);
        const AzureMetricsPlan plan =
            planAzureMetricsCalls({query(id, QStringLiteral("RequestsPerMinute"))}, kHour,
                                  {{id.toLower(), QStringLiteral("eastus")}});
        QCOMPARE(buildMetricsRequest(config, plan.calls.value(0)).url.toString(QUrl::RemoveQuery),
                 QStringLiteral("http://127.0.0.1:9000/data-plane/subscriptions/") + kSub +
                     QStringLiteral("/metrics:getBatch"));
    }

    void rangeStartIsAlignedToTheInterval() {
        const TimeRange ragged{utcMs("2024-05-01T12:03:20Z"), utcMs("2024-05-01T13:03:20Z")};
        const AzureMetricsPlan plan = planAzureMetricsCalls(
            {query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"), QStringLiteral("Total"), 300)},
            ragged, {});
        QCOMPARE(plan.calls.value(0).range.startMs, utcMs("2024-05-01T12:00:00Z"));
        QCOMPARE(plan.calls.value(0).range.endMs, ragged.endMs);
    }

    void queriesThatCannotBeSentAreRejected_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no resource id") << ""
                                        << "RequestsPerMinute"
                                        << "Average"
                                        << "ARM id";
        QTest::newRow("no metric name") << endpointId(kSub, 1) << ""
                                        << "Average"
                                        << "no metric name";
        QTest::newRow("a percentile is not an Azure aggregation")
            << endpointId(kSub, 1) << "RequestsPerMinute"
            << "p99"
            << "p99";
    }
    void queriesThatCannotBeSentAreRejected() {
        QFETCH(QString, resource);
        QFETCH(QString, metric);
        QFETCH(QString, stat);
        QFETCH(QString, mentions);
        const AzureMetricsPlan plan = planAzureMetricsCalls({query(resource, metric, stat)}, kHour, {});
        QVERIFY(plan.calls.isEmpty());
        QCOMPARE(plan.rejected.size(), 1);
        QCOMPARE(plan.rejected[0].error.code, ErrorCode::BadArgument);
        QVERIFY2(plan.rejected[0].error.message.contains(mentions),
                 qPrintable(plan.rejected[0].error.message));
    }

    void aggregationsAreCanonical_data() {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QString>("aggregation");
        QTest::newRow("Azure's own") << "Maximum"
                                     << "Maximum";
        QTest::newRow("lower case") << "total"
                                    << "Total";
        QTest::newRow("CloudWatch Sum") << "Sum"
                                        << "Total";
        QTest::newRow("CloudWatch SampleCount") << "SampleCount"
                                                << "Count";
        QTest::newRow("short min") << "min"
                                   << "Minimum";
    }
    void aggregationsAreCanonical() {
        QFETCH(QString, stat);
        QFETCH(QString, aggregation);
        const AzureMetricsPlan plan = planAzureMetricsCalls(
            {query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"), stat)}, kHour, {});
        QCOMPARE(plan.calls.value(0).aggregation, aggregation);
        QCOMPARE(rawParam(buildMetricsRequest({}, plan.calls.value(0)).url, "aggregation"),
                 aggregation.toLatin1());
    }

    void duplicateQueriesAreAskedOnce() {
        const MetricQuery q = query(endpointId(kSub, 1), QStringLiteral("RequestsPerMinute"));
        MetricQuery samePeriodless = q;
        samePeriodless.periodSeconds = 300; // the series key ignores the period
        const AzureMetricsPlan plan = planAzureMetricsCalls({q, q, samePeriodless}, kHour, {});
        QCOMPARE(plan.calls.size(), 1);
        QCOMPARE(plan.calls[0].queries.size(), 1);
        QCOMPARE(plan.calls[0].metricNames, QStringList{QStringLiteral("RequestsPerMinute")});
    }

    void resourceIdPieces() {
        const QString id =
            QStringLiteral("/Subscriptions/abc/ResourceGroups/rg-1/providers/Microsoft.Storage/"
                           "storageAccounts/mlstore01");
        QCOMPARE(subscriptionOf(id), QStringLiteral("abc"));
        QCOMPARE(resourceGroupOf(id), QStringLiteral("rg-1"));
        QCOMPARE(resourceNameOf(id), QStringLiteral("mlstore01"));
        QCOMPARE(subscriptionOf(QStringLiteral("not-an-id")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAzureMetricsRequest)
#include "tst_azure_metrics_request.moc"
