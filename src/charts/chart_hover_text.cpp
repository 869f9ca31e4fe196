#include "charts/chart_hover_text.h"

#include "core/model/unit_registry.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace mlwatch {

qsizetype ChartHoverText::nearestSample(const SeriesData &data, qint64 timeMs, qint64 maxDistanceMs) {
    const auto begin = data.timestampsMs.cbegin();
    const auto end = data.timestampsMs.cend();
    const auto after = std::lower_bound(begin, end, timeMs);
    qsizetype best = -1;
    qint64 bestDistance = maxDistanceMs;
    if (after != end && *after - timeMs <= bestDistance) {
        best = after - begin;
        bestDistance = *after - timeMs;
    }
    if (after != begin && timeMs - *(after - 1) <= bestDistance)
        best = (after - 1) - begin;
    return best;
}

QString ChartHoverText::valueText(double value, const DisplayUnit &unit, const QLocale &locale) {
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
    const QString number = locale.toString(value, 'f', decimals);
    return unit.symbol.isEmpty() ? number : number % QChar(0x202F) % unit.symbol;
}

QString ChartHoverText::text(const ChartRenderRequest &request, const DisplayUnit &unit, qint64 timeMs,
                             const QLocale &locale) {
    const bool seconds = request.window.isValid() && request.window.durationMs() <= 6 * 3600'000LL;
    QStringList lines;
    lines.append(
        QCoreApplication::translate("mlwatch::MetricChartView", "%1 (%2)", "tooltip time and its zone")
            .arg(TimeDisplay::dateTimeText(timeMs, request.timeZone, locale, seconds),
                 TimeDisplay::zoneLabel(request.timeZone, timeMs)));
    for (qsizetype i = 0; i < request.spec.series.size(); ++i) {
        if (request.hiddenSeries.value(i, false))
            continue;
        const ChartSeriesSpec &spec = request.spec.series.at(i);
        const SeriesData data = request.series.value(i);
        // Within one period of a datapoint: the value of that period; further away is a gap.
        const qint64 periodMs =
            std::max<qint64>(std::max(1, request.periodSeconds), spec.query.periodSeconds) * 1000;
        const qsizetype at = nearestSample(data, timeMs, periodMs);
        // Per series (CPU per vCPU next to GPU per GPU); `unit` gives the symbol.
        const double scale = UnitRegistry::seriesScale(request.spec, i);
        const double value = at >= 0 ? data.values.at(at) * scale : std::nan("");
        lines.append(QCoreApplication::translate("mlwatch::MetricChartView", "%1: %2", "series legend: value")
                         .arg(spec.legend, std::isfinite(value) ? valueText(value, unit, locale)
                                                                : QCoreApplication::translate(
                                                                      "mlwatch::MetricChartView", "no data",
                                                                      "tooltip value of a gap")));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace mlwatch
