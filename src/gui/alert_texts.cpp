#include "gui/alert_texts.h"

#include "charts/chart_axes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::AlertTexts", text);
}

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace

QString AlertTexts::state(const AlertState &state) {
    switch (state.kind) {
    case AlertStateKind::Ok:
        return tr("OK");
    case AlertStateKind::NoData:
        return tr("No data");
    case AlertStateKind::Pending:
        return state.level == AlertLevel::Critical  ? tr("Pending (critical)")
               : state.level == AlertLevel::Warning ? tr("Pending (warning)")
                                                    : tr("Pending");
    case AlertStateKind::Firing:
        return state.level == AlertLevel::Critical  ? tr("Firing (critical)")
               : state.level == AlertLevel::Warning ? tr("Firing (warning)")
                                                    : tr("Firing");
    }
    return {};
}

QString AlertTexts::level(AlertLevel level) {
    switch (level) {
    case AlertLevel::None:
        return {};
    case AlertLevel::Warning:
        return tr("warning");
    case AlertLevel::Critical:
        return tr("critical");
    }
    return {};
}

QString AlertTexts::value(double value, const QString &unitSymbol) {
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const QString number = QLocale().toString(value, 'g', 6);
    return unitSymbol.isEmpty() ? number : number % QChar(0x202F) % unitSymbol;
}

QString AlertTexts::duration(qint64 ms) {
    const QLocale locale;
    ms = std::max<qint64>(0, ms);
    if (ms < kMinuteMs)
        return tr("%1 s").arg(locale.toString(ms / 1000));
    if (ms < kHourMs)
        return tr("%1 min").arg(locale.toString(ms / kMinuteMs));
    if (ms < kDayMs) {
        const qint64 minutes = (ms % kHourMs) / kMinuteMs;
        return minutes == 0 ? tr("%1 h").arg(locale.toString(ms / kHourMs))
                            : tr("%1 h %2 min").arg(locale.toString(ms / kHourMs), locale.toString(minutes));
    }
    const qint64 hours = (ms % kDayMs) / kHourMs;
    return hours == 0 ? tr("%1 d").arg(locale.toString(ms / kDayMs))
                      : tr("%1 d %2 h").arg(locale.toString(ms / kDayMs), locale.toString(hours));
}

QString AlertTexts::localTime(qint64 utcMs) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime), QLocale::ShortFormat);
}

QString AlertTexts::localTimeWithZone(qint64 utcMs) {
    return tr("%1 (%2)").arg(localTime(utcMs), localZoneLabel(utcMs));
}

QString AlertTexts::zoneNow() {
    return localZoneLabel(QDateTime::currentMSecsSinceEpoch());
}

} // namespace mlwatch
