#include "core/workspace/chart_availability.h"

#include "core/store/derived_series.h"

#include <QCoreApplication>

#include <algorithm>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::ChartAvailability", text);
}

bool sameText(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool sameDimensionSet(QList<Dimension> a, QList<Dimension> b) {
    if (a.size() != b.size())
        return false;
    const auto byName = [](const Dimension &x, const Dimension &y) { return x.name < y.name; };
    std::sort(a.begin(), a.end(), byName);
    std::sort(b.begin(), b.end(), byName);
    return a == b;
}

bool isAws(const ChartSpec &chart, const DiscoveredAccount &account) {
    return account.account.kind == AccountKind::Aws &&
           (chart.cloud.isEmpty() || chart.cloud == QLatin1String("aws"));
}

bool foundOnAws(const MetricQuery &q, const QList<MetricDescriptor> &metrics) {
    return std::any_of(metrics.cbegin(), metrics.cend(), [&q](const MetricDescriptor &d) {
        return d.namespaceName == q.namespaceName && d.metricName == q.metricName &&
               sameDimensionSet(d.dimensions, q.dimensions);
    });
}

// Azure and Google: a resource of the query's type whose identity agrees with the query.
bool foundAsResource(const MetricQuery &q, const QList<MetricDescriptor> &metrics) {
    return std::any_of(metrics.cbegin(), metrics.cend(), [&q](const MetricDescriptor &d) {
        if (!sameText(d.namespaceName, q.namespaceName))
            return false;
        const QString resourceId = d.dimensionValue(QStringLiteral("resourceId"));
        if (!q.resource.isEmpty() && !resourceId.isEmpty() && !sameText(resourceId, q.resource))
            return false;
        for (const Dimension &dim : q.dimensions)
            for (const Dimension &has : d.dimensions)
                if (has.name == dim.name && !sameText(has.value, dim.value))
                    return false;
        return true;
    });
}

// Google: the project (query.resource "projects/<id>") must be one discovery listed; a query on
// one resource (a "resource.labels.*" filter: a training job, an endpoint) needs that resource,
// while a project-wide aggregate (Dataflow, BigQuery, Cloud Storage) needs only the project.
bool foundOnGoogle(const MetricQuery &q, const QList<MetricDescriptor> &metrics) {
    const QString project = q.resource.section(QLatin1Char('/'), 1, 1);
    QList<Dimension> resourceFilter;
    for (const Dimension &d : q.dimensions)
        if (d.name.startsWith(QLatin1String("resource.labels.")))
            resourceFilter.append(d);
    return std::any_of(metrics.cbegin(), metrics.cend(), [&](const MetricDescriptor &d) {
        if (!project.isEmpty() && d.dimensionValue(QStringLiteral("project")) != project)
            return false;
        if (resourceFilter.isEmpty())
            return true;
        if (d.namespaceName != q.namespaceName)
            return false;
        return std::all_of(resourceFilter.cbegin(), resourceFilter.cend(),
                           [&d](const Dimension &f) { return d.dimensionValue(f.name) == f.value; });
    });
}

QString whatOf(const ChartSpec &chart, const MetricQuery &q) {
    if (!chart.resource.isEmpty())
        return tr("%1 of %2").arg(q.metricName, chart.resource);
    QStringList dims;
    for (const Dimension &d : q.dimensions)
        dims.append(d.name + QLatin1Char('=') + d.value);
    return dims.isEmpty() ? q.metricName : tr("%1 (%2)").arg(q.metricName, dims.join(QStringLiteral(", ")));
}

} // namespace

QString ChartAvailability::missingReason(const ChartSpec &chart, const QList<DiscoveredAccount> &discovered) {
    const auto account =
        std::find_if(discovered.cbegin(), discovered.cend(),
                     [&chart](const DiscoveredAccount &a) { return a.account.id == chart.account; });
    if (account == discovered.cend())
        return chart.account.isEmpty()
                   ? tr("no AWS account is connected in this session")
                   : tr("account \"%1\" is not connected on this machine").arg(chart.account);
    if (!account->listed)
        return {};
    const bool aws = isAws(chart, *account);
    for (const ChartSeriesSpec &s : chart.series) {
        // A derived series (requests per second, error %) is computed from its inputs: those
        // are what must exist.
        for (const MetricQuery &q : DerivedSeries::fetchQueries(s)) {
            if (q.account != chart.account &&
                std::none_of(discovered.cbegin(), discovered.cend(),
                             [&q](const DiscoveredAccount &a) { return a.account.id == q.account; }))
                return tr("account \"%1\" is not connected on this machine").arg(q.account);
            const bool found = aws ? foundOnAws(q, account->metrics)
                               : account->account.kind == AccountKind::Gcp
                                   ? foundOnGoogle(q, account->metrics)
                                   : foundAsResource(q, account->metrics);
            if (!found)
                return tr("%1 is not in %2").arg(whatOf(chart, q), account->account.label);
        }
    }
    return {};
}

QList<ChartSpec> ChartAvailability::mark(QList<ChartSpec> charts,
                                         const QList<DiscoveredAccount> &discovered) {
    for (ChartSpec &chart : charts) {
        chart.missingReason = missingReason(chart, discovered);
        for (const DiscoveredAccount &a : discovered)
            if (a.account.id == chart.account)
                chart.accountLabel = a.account.label;
    }
    return charts;
}

} // namespace mlwatch
