#include "report/report_text.h"

#include "report/report_week.h"

#include <QDateTime>

#include <cmath>

namespace mlwatch {

namespace {

const QString kMissing = QStringLiteral("—");

} // namespace

ReportText::ReportText(QLocale locale, QTimeZone zone)
    : m_locale(std::move(locale))
    , m_zone(std::move(zone)) {}

QString ReportText::stageTitle(Stage stage) {
    return mlwatch::stageTitle(stage);
}

QString ReportText::lastWeekLegend() {
    return tr("Last week");
}

QString ReportText::stageIntro(Stage stage) {
    switch (stage) {
    case Stage::DataPreparation:
        return tr("Processing jobs that prepare the training data: memory and CPU.");
    case Stage::Training:
        return tr("Training jobs: whether the GPUs were busy or waiting for data.");
    case Stage::Evaluation:
        return tr("Evaluation queries and the datasets they read.");
    case Stage::Deployment:
        return tr("Endpoint capacity: CPU and memory of the serving instances.");
    case Stage::Monitoring:
        return tr("Traffic, errors, latency and drift of the models in production.");
    }
    return {};
}

QString ReportText::longDate(const QDate &date) const {
    return m_locale.toString(date, QLocale::LongFormat);
}

QString ReportText::dateTime(qint64 utcMs) const {
    return m_locale.toString(QDateTime::fromMSecsSinceEpoch(utcMs, m_zone), QLocale::ShortFormat);
}

QString ReportText::weekdayTime(qint64 utcMs) const {
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, m_zone);
    return m_locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ') +
           m_locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           m_locale.toString(local.time(), QLocale::ShortFormat);
}

QString ReportText::dayRange(const ReportWeek &week) const {
    if (week.firstDay() == week.lastDay())
        return longDate(week.firstDay());
    return tr("%1 – %2", "first day – last day").arg(longDate(week.firstDay()), longDate(week.lastDay()));
}

QString ReportText::duration(qint64 ms) const {
    const qint64 minutes = (ms + 30'000) / 60'000;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = (minutes / 60) % 24;
    const qint64 mins = minutes % 60;
    if (days > 0)
        return tr("%1 d %2 h", "duration: days and hours").arg(integer(days), integer(hours));
    if (hours > 0)
        return tr("%1 h %2 min", "duration: hours and minutes").arg(integer(hours), integer(mins));
    return tr("%1 min", "duration: minutes").arg(integer(mins));
}

QString ReportText::number(double v) const {
    if (std::isnan(v))
        return kMissing;
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    const double a = std::abs(v);
    // Whole numbers (counts) stay whole; otherwise about three significant digits, never fewer
    // than the integer part.
    const int decimals = a == 0 || a >= 100 || v == std::round(v) ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return m_locale.toString(v, 'f', decimals);
}

QString ReportText::value(double v, const DisplayUnit &unit) const {
    if (std::isnan(v))
        return kMissing;
    if (unit.symbol.isEmpty())
        return number(v);
    return number(v) + QChar(0x202F) + unit.symbol; // narrow no-break space keeps "45 %" together
}

QString ReportText::change(double now, double before) const {
    if (std::isnan(now) || std::isnan(before) || before == 0 || std::isinf(now) || std::isinf(before))
        return kMissing;
    const double percent = (now - before) / std::abs(before) * 100.0;
    const QString magnitude = m_locale.toString(std::abs(percent), 'f', std::abs(percent) < 10 ? 1 : 0);
    const QString sign = percent > 0 ? QStringLiteral("+") : percent < 0 ? QStringLiteral("−") : QString();
    return sign + magnitude + QChar(0x202F) + QLatin1Char('%');
}

} // namespace mlwatch
