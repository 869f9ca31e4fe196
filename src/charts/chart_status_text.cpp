#include "charts/chart_status_text.h"

#include "charts/chart_axes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace mlwatch {

namespace {

constexpr int kDaySeconds = 24 * 3600;

QString localTime(qint64 utcMs) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime), QLocale::ShortFormat);
}

} // namespace

QString ChartStatusText::loading() {
    return QCoreApplication::translate("mlwatch::MetricChartView", "Loading…");
}

QString ChartStatusText::noData(const ChartSpec &spec, const TimeRange &window) {
    const bool daily = !spec.series.isEmpty() &&
                       std::all_of(spec.series.cbegin(), spec.series.cend(), [](const ChartSeriesSpec &s) {
                           return s.query.periodSeconds >= kDaySeconds;
                       });
    if (!window.isValid())
        return QCoreApplication::translate("mlwatch::MetricChartView", "No data in this window.");
    const QString from = localTime(window.startMs);
    const QString to = localTime(window.endMs);
    const QString zone = localZoneLabel(window.endMs);
    if (daily) {
        return QCoreApplication::translate("mlwatch::MetricChartView",
                                           "No data in this window: this metric is reported once a day, "
                                           "and no daily datapoint falls between %1 and %2 (%3). "
                                           "Choose a longer time range.")
            .arg(from, to, zone);
    }
    return QCoreApplication::translate("mlwatch::MetricChartView",
                                       "No data in this window: no datapoints between %1 and %2 (%3).")
        .arg(from, to, zone);
}

QString ChartStatusText::error(const QString &message) {
    return QCoreApplication::translate("mlwatch::MetricChartView", "Could not load this chart: %1")
        .arg(message);
}

QString ChartStatusText::legendWithoutData(const QString &legend) {
    return QCoreApplication::translate("mlwatch::MetricChartView", "%1 (no data)").arg(legend);
}

QString ChartStatusText::threshold(const ThresholdLine &line, const QString &unitSymbol) {
    const QString value = unitSymbol.isEmpty()
                              ? QLocale().toString(line.value, 'g', 6)
                              : QLocale().toString(line.value, 'g', 6) % QChar(0x202F) % unitSymbol;
    return line.level == ThresholdLevel::Critical
               ? QCoreApplication::translate("mlwatch::MetricChartView", "Critical %1").arg(value)
               : QCoreApplication::translate("mlwatch::MetricChartView", "Warning %1").arg(value);
}

} // namespace mlwatch
