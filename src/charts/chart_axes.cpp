#include "charts/chart_axes.h"

#include "core/model/unit_registry.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwatch {

namespace {

QString offsetText(int offsetSeconds) {
    const QChar sign = offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int minutes = std::abs(offsetSeconds) / 60;
    return sign % QStringLiteral("%1:%2")
                      .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                      .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

bool isUtcZone(const QDateTime &local) {
    return local.offsetFromUtc() == 0 && (local.timeZoneAbbreviation() == QLatin1String("UTC") ||
                                          local.timeZoneAbbreviation() == QLatin1String("GMT"));
}

} // namespace

QString localZoneLabel(qint64 utcMs) {
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime);
    if (isUtcZone(local))
        return QStringLiteral("UTC");
    return local.timeZoneAbbreviation() % QStringLiteral(", UTC") % offsetText(local.offsetFromUtc());
}

QString timeAxisTitle(const TimeRange &range) {
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(range.startMs, Qt::LocalTime);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(range.endMs, Qt::LocalTime);
    QString zone;
    if (!range.isValid() || start.offsetFromUtc() == end.offsetFromUtc()) {
        zone = localZoneLabel(range.isValid() ? range.endMs : QDateTime::currentMSecsSinceEpoch());
    } else {
        zone = start.timeZoneAbbreviation() % QLatin1Char('/') % end.timeZoneAbbreviation() %
               QStringLiteral(", UTC") % offsetText(start.offsetFromUtc()) % QLatin1Char('/') %
               offsetText(end.offsetFromUtc());
    }
    return QCoreApplication::translate("mlwatch::MetricChartView", "Time (%1)").arg(zone);
}

QString timeAxisFormat(qint64 durationMs) {
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    if (durationMs <= kDayMs)
        return QStringLiteral("HH:mm");
    if (durationMs <= 7 * kDayMs)
        return QStringLiteral("ddd HH:mm");
    return QStringLiteral("d MMM");
}

int timeAxisTickCount(qint64 durationMs, int plotWidthPx) {
    // About one label per 110 px ("Mon 14:00" at typical font sizes), at least 2, at most 13.
    const int maxTicks = std::clamp(plotWidthPx / 110 + 1, 2, 13);
    constexpr qint64 kMinute = 60'000;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kDay = 24 * kHour;
    constexpr qint64 kRoundIntervals[] = {
        5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,    2 * kHour, 3 * kHour, 4 * kHour,
        6 * kHour,   12 * kHour,   kDay,         2 * kDay,     5 * kDay, 7 * kDay,  10 * kDay, 15 * kDay};
    for (qint64 interval : kRoundIntervals) {
        if (durationMs % interval != 0)
            continue;
        const qint64 ticks = durationMs / interval + 1;
        if (ticks <= maxTicks)
            return ticks >= 4 ? int(ticks) : maxTicks; // two or three labels say too little
    }
    return maxTicks;
}

QString valueAxisTitle(const DisplayUnit &unit) {
    return UnitRegistry::axisTitle(unit); // the symbol, and "(sum of devices)" when so
}

ValueRange valueAxisRange(double dataMin, double dataMax, double thresholdMin, double thresholdMax,
                          double naturalMax) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (double v : {dataMin, dataMax, thresholdMin, thresholdMax}) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = std::isfinite(naturalMax) ? naturalMax : 1;
    }
    if (lo >= 0)
        lo = 0;
    const bool capped = std::isfinite(naturalMax) && hi <= naturalMax && lo >= 0;
    if (capped)
        hi = naturalMax;
    else
        hi += (hi - lo) * 0.05; // a line at the maximum stays off the frame
    if (hi <= lo)
        hi = lo + (lo == 0 ? 1 : std::abs(lo) * 0.1);

    // Smallest round step giving at most 5 intervals.
    const double raw = (hi - lo) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    ValueRange r;
    r.min = std::floor(lo / step + 1e-9) * step;
    r.max = std::ceil(hi / step - 1e-9) * step;
    r.tickCount = int(std::lround((r.max - r.min) / step)) + 1;
    r.decimals =
        std::clamp(-int(std::floor(std::log10(step) + 1e-9)) + (step / magnitude == 2.5 ? 1 : 0), 0, 6);
    return r;
}

} // namespace mlwatch
