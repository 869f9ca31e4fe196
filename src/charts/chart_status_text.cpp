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
    if (!spec.missingReason.isEmpty()) // a workspace placeholder: never fetched, says what is missing
        return QCoreApplication::translate("mlwatch::MetricChartView", "missing: %1").arg(spec.missingReason);
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

namespace mlwatch {

QString ChartStatusText::newestDatapoint(qint64 newestMs, qint64 nowMs, TimeZoneMode mode,
                                         const QLocale &locale) {
    const Qt::TimeSpec spec = mode == TimeZoneMode::Utc ? Qt::UTC : Qt::LocalTime;
    const QDateTime newest = QDateTime::fromMSecsSinceEpoch(newestMs, spec);
    const bool today = nowMs > 0 && QDateTime::fromMSecsSinceEpoch(nowMs, spec).date() == newest.date();
    const QString clock = locale.toString(newest.time(), QStringLiteral("HH:mm"));
    const QString when =
        today ? clock : locale.toString(newest.date(), QLocale::ShortFormat) % QLatin1Char(' ') % clock;
    const QString zone = mode == TimeZoneMode::Utc ? QStringLiteral("UTC") : localZoneLabel(newestMs);
    if (nowMs <= 0 || nowMs < newestMs)
        return QCoreApplication::translate("mlwatch::MetricChartView", "Newest datapoint: %1 %2")
            .arg(when, zone);
    return QCoreApplication::translate("mlwatch::MetricChartView", "Newest datapoint: %1 %2 (%3)")
        .arg(when, zone, age(nowMs - newestMs));
}

QString ChartStatusText::age(qint64 ageMs) {
    constexpr qint64 kMinuteMs = 60'000;
    constexpr qint64 kHourMs = 60 * kMinuteMs;
    constexpr qint64 kDayMs = 24 * kHourMs;
    if (ageMs < kMinuteMs)
        return QCoreApplication::translate("mlwatch::MetricChartView", "just now");
    if (ageMs < kHourMs)
        return QCoreApplication::translate("mlwatch::MetricChartView", "%1 min ago")
            .arg(QLocale().toString(ageMs / kMinuteMs));
    if (ageMs < 2 * kDayMs)
        return QCoreApplication::translate("mlwatch::MetricChartView", "%1 h ago")
            .arg(QLocale().toString(ageMs / kHourMs));
    return QCoreApplication::translate("mlwatch::MetricChartView", "%1 days ago")
        .arg(QLocale().toString(ageMs / kDayMs));
}

QString ChartStatusText::notYetPublished(const QString &serviceName, int delaySeconds) {
    // Whole minutes, rounded up: the band is never wider than it says.
    const int minutes = std::max(1, (delaySeconds + 59) / 60);
    return QCoreApplication::translate("mlwatch::MetricChartView", "Not yet published (%1, ~%2 min)")
        .arg(serviceName, QLocale().toString(minutes));
}

} // namespace mlwatch
