#include "charts/time_display.h"

#include "charts/chart_axes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace mlwatch {

namespace {

QDateTime displayed(qint64 utcMs, TimeZoneMode mode) {
    return QDateTime::fromMSecsSinceEpoch(utcMs, mode == TimeZoneMode::Utc ? Qt::UTC : Qt::LocalTime);
}

} // namespace

TimeDisplay::TimeDisplay(QObject *parent)
    : QObject(parent) {}

void TimeDisplay::setMode(TimeZoneMode mode) {
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

QString TimeDisplay::settingsValue(TimeZoneMode mode) {
    return mode == TimeZoneMode::Utc ? QStringLiteral("utc") : QStringLiteral("local");
}

TimeZoneMode TimeDisplay::modeFromSettingsValue(const QString &value) {
    return value.compare(QLatin1String("utc"), Qt::CaseInsensitive) == 0 ? TimeZoneMode::Utc
                                                                         : TimeZoneMode::Local;
}

QString TimeDisplay::zoneLabel(TimeZoneMode mode, qint64 utcMs) {
    return mode == TimeZoneMode::Utc ? QStringLiteral("UTC") : localZoneLabel(utcMs);
}

QString TimeDisplay::axisTitle(const TimeRange &range, TimeZoneMode mode) {
    if (mode == TimeZoneMode::Local)
        return timeAxisTitle(range);
    // Same source text as timeAxisTitle(): one translation for both.
    return QCoreApplication::translate("mlwatch::MetricChartView", "Time (%1)").arg(QStringLiteral("UTC"));
}

QString TimeDisplay::dateTimeText(qint64 utcMs, TimeZoneMode mode, const QLocale &locale, bool withSeconds) {
    const QDateTime t = displayed(utcMs, mode);
    return locale.toString(t.date(), QLocale::ShortFormat) % QLatin1Char(' ') %
           locale.toString(t.time(), withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

QString TimeDisplay::rangeText(const TimeRange &range, TimeZoneMode mode, const QLocale &locale) {
    const QDateTime from = displayed(range.startMs, mode);
    const QDateTime to = displayed(range.endMs, mode);
    const bool seconds = range.durationMs() < 10 * 60'000; // minutes alone would read "14:05–14:05"
    const QString timeFormat = seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const bool today = from.date() == to.date() &&
                       from.date() == displayed(QDateTime::currentMSecsSinceEpoch(), mode).date();
    const QString fromText = today ? locale.toString(from.time(), timeFormat)
                                   : locale.toString(from.date(), QLocale::ShortFormat) % QLatin1Char(' ') %
                                         locale.toString(from.time(), timeFormat);
    const QString toText = from.date() == to.date()
                               ? locale.toString(to.time(), timeFormat)
                               : locale.toString(to.date(), QLocale::ShortFormat) % QLatin1Char(' ') %
                                     locale.toString(to.time(), timeFormat);
    return QCoreApplication::translate("mlwatch::MetricChartView", "%1–%2 %3", "time range and its zone")
        .arg(fromText, toText, zoneLabel(mode, range.endMs));
}

qint64 TimeDisplay::axisShiftMs(TimeZoneMode mode, qint64 utcMs) {
    if (mode == TimeZoneMode::Local)
        return 0;
    return -qint64(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).offsetFromUtc()) * 1000;
}

} // namespace mlwatch
