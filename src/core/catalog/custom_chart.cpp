#include "core/catalog/custom_chart.h"

#include "core/catalog/aws_catalog.h"
#include "core/catalog/azure_catalog.h"
#include "core/catalog/gcp_catalog.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::CustomChart", text);
}

QString dimensionsText(QList<Dimension> dimensions) {
    std::stable_sort(dimensions.begin(), dimensions.end(),
                     [](const Dimension &a, const Dimension &b) { return a.name < b.name; });
    QStringList parts;
    for (const Dimension &d : std::as_const(dimensions))
        parts.append(d.name + QLatin1Char('=') + d.value);
    return parts.join(QLatin1Char(','));
}

// Google metric types lead with their service ("aiplatform.googleapis.com/…"): the path after it
// is what people recognise, and it keeps titles short.
QString displayNameOf(AccountKind kind, const QString &metricName) {
    if (kind != AccountKind::Gcp)
        return metricName;
    const qsizetype slash = metricName.indexOf(QLatin1Char('/'));
    const bool service = slash > 0 && metricName.left(slash).endsWith(QLatin1String(".googleapis.com"));
    return service ? metricName.mid(slash + 1) : metricName;
}

QList<BrowsableMetric> awsMetrics(const QString &accountId, const QList<MetricDescriptor> &discovered) {
    QList<BrowsableMetric> out;
    QSet<QString> seen;
    for (const MetricDescriptor &d : discovered) {
        if (d.metricName.isEmpty())
            continue;
        BrowsableMetric m;
        m.metricName = d.metricName;
        m.displayName = d.metricName;
        m.resource = aws::catalogResourceOf(d);
        if (m.resource.isEmpty()) {
            QStringList values;
            for (const Dimension &dim : d.dimensions)
                values.append(dim.value);
            m.resource = values.isEmpty() ? d.namespaceName : values.join(QLatin1Char('/'));
        }
        m.query.namespaceName = d.namespaceName;
        m.query.metricName = d.metricName;
        m.query.dimensions = d.dimensions;
        m.query.account = accountId;
        if (const std::optional<aws::CatalogMetricDefaults> known =
                aws::catalogDefaultsFor(d.namespaceName, d.metricName)) {
            m.query.stat = known->stat;
            m.query.periodSeconds = known->periodSeconds;
            m.unit = known->unit;
        } else {
            m.query.stat = QStringLiteral("Average");
            m.query.periodSeconds = 60;
        }
        if (const QString key = m.query.seriesKey(); !seen.contains(key)) {
            seen.insert(key);
            out.append(std::move(m));
        }
    }
    return out;
}

// Azure and Google: the distinct series of the catalog's charts for the account.
QList<BrowsableMetric> catalogMetrics(AccountKind kind, const QString &accountId,
                                      const QList<MetricDescriptor> &discovered) {
    const QList<ChartSpec> charts = kind == AccountKind::Azure
                                        ? azure::buildAzureCharts(discovered, accountId)
                                        : gcp::buildGcpCharts(discovered, accountId);
    QList<BrowsableMetric> out;
    QSet<QString> seen; // resource, namespace, metric and filter: the first statistic wins
    for (const ChartSpec &chart : charts)
        for (const ChartSeriesSpec &series : chart.series) {
            // A derived series (a rate, an error share) is computed from fetched inputs: those are
            // the metrics, counts per period rather than the chart's derived unit.
            const bool derived = series.derivation != SeriesDerivation::None;
            for (const MetricQuery &q : derived ? series.inputs : QList<MetricQuery>{series.query}) {
                const QString key = q.resource + QLatin1Char('|') + q.namespaceName + QLatin1Char('|') +
                                    q.metricName + QLatin1Char('|') + dimensionsText(q.dimensions);
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                BrowsableMetric m;
                m.resource = chart.resource;
                m.metricName = q.metricName;
                m.displayName = displayNameOf(kind, q.metricName);
                m.query = q;
                m.query.account = accountId;
                m.unit = derived ? Unit::None : chart.unit;
                out.append(std::move(m));
            }
        }
    return out;
}

} // namespace

QList<BrowsableMetric> browsableMetrics(AccountKind kind, const QString &accountId,
                                        const QList<MetricDescriptor> &discovered) {
    QList<BrowsableMetric> out = kind == AccountKind::Aws ? awsMetrics(accountId, discovered)
                                                          : catalogMetrics(kind, accountId, discovered);
    std::stable_sort(out.begin(), out.end(), [](const BrowsableMetric &a, const BrowsableMetric &b) {
        if (a.resource != b.resource)
            return a.resource < b.resource;
        if (a.displayName != b.displayName)
            return a.displayName < b.displayName;
        return dimensionsText(a.query.dimensions) < dimensionsText(b.query.dimensions);
    });
    return out;
}

QString customChartId(const MetricQuery &query, Stage stage) {
    QString dimensions = dimensionsText(query.dimensions);
    if (!query.resource.isEmpty())
        dimensions = QStringLiteral("resource=") + query.resource +
                     (dimensions.isEmpty() ? QString() : QLatin1Char(',') + dimensions);
    return QStringLiteral("custom/") + stageId(stage) + QLatin1Char('/') + query.account + QLatin1Char('/') +
           query.namespaceName + QLatin1Char('/') + query.metricName + QLatin1Char('/') + dimensions;
}

bool isCustomChartId(const QString &id) {
    return id.startsWith(QLatin1String("custom/"));
}

QStringList statisticsFor(AccountKind kind, const BrowsableMetric &metric) {
    QStringList out{metric.query.stat};
    QStringList others;
    switch (kind) {
    case AccountKind::Aws:
        others = {QStringLiteral("Average"), QStringLiteral("Sum"),         QStringLiteral("Minimum"),
                  QStringLiteral("Maximum"), QStringLiteral("SampleCount"), QStringLiteral("p50"),
                  QStringLiteral("p90"),     QStringLiteral("p99")};
        break;
    case AccountKind::Azure:
        others = {QStringLiteral("Average"), QStringLiteral("Total"), QStringLiteral("Minimum"),
                  QStringLiteral("Maximum"), QStringLiteral("Count")};
        break;
    case AccountKind::Gcp:
        break;
    }
    for (const QString &stat : std::as_const(others))
        if (!out.contains(stat))
            out.append(stat);
    return out;
}

ChartSpec customChart(const BrowsableMetric &metric, Stage stage, AccountKind kind, const QString &accountId,
                      const QString &accountLabel, const QString &statistic) {
    ChartSpec spec;
    MetricQuery query = metric.query;
    query.account = accountId;
    const bool ownStatistic = statistic.isEmpty() || statistic == metric.query.stat;
    if (!ownStatistic)
        query.stat = statistic;
    spec.id = customChartId(query, stage) + (ownStatistic ? QString() : QLatin1Char('@') + statistic);
    spec.stage = stage;
    //: A chart added in the metric browser: "<metric> — <resource>".
    spec.title = ownStatistic ? tr("%1 — %2").arg(metric.displayName, metric.resource)
                              //: "<metric> (<statistic>) — <resource>", e.g. "ModelLatency (p99) — churn".
                              : tr("%1 (%2) — %3").arg(metric.displayName, statistic, metric.resource);
    spec.resource = metric.resource;
    spec.account = accountId;
    spec.accountLabel = accountLabel;
    spec.cloud = accountKindId(kind);
    // A count of datapoints has no unit of the metric's (ModelLatency's SampleCount is not in µs).
    const bool counted = query.stat == QLatin1String("SampleCount") || query.stat == QLatin1String("Count");
    spec.unit = counted ? Unit::None : metric.unit;
    spec.explanation = tr("Added in the metric browser: %1 of %2 (%3).")
                           .arg(query.stat, metric.metricName, query.namespaceName);
    ChartSeriesSpec series;
    series.query = std::move(query);
    series.legend = ownStatistic ? metric.displayName : tr("%1 (%2)").arg(metric.displayName, statistic);
    spec.series.append(std::move(series));
    return spec;
}

} // namespace mlwatch
