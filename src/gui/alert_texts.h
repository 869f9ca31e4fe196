#pragma once

#include "core/alerts/alert_evaluator.h"

#include <QString>

namespace mlwatch {

// The words and numbers the alert views show, in one place so the panel, the rule dialog and
// the tray say the same thing the same way. Translated (context mlwatch::AlertTexts); numbers
// and times through QLocale; times in local time, and every time says its zone.
struct AlertTexts {
    // "Firing (critical)", "Pending (warning)", "OK", "No data".
    static QString state(const AlertState &state);
    // "critical" / "warning" / "" (translated).
    static QString level(AlertLevel level);
    // "1,300 ms"; "—" for NaN.
    static QString value(double value, const QString &unitSymbol);
    // "45 s", "12 min", "2 h 10 min", "3 d 4 h".
    static QString duration(qint64 ms);
    // Short local date and time without the zone (for table cells; headers name the zone).
    static QString localTime(qint64 utcMs);
    // Short local date and time with the zone: "20/11/2026 13:05 (CET, UTC+01:00)".
    static QString localTimeWithZone(qint64 utcMs);
    // The zone of local time now, for column headers: "UTC", "CET, UTC+01:00".
    static QString zoneNow();
};

} // namespace mlwatch
