#pragma once

#include "core/model/stage.h"
#include "core/model/unit.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace mlwatch {

class ReportWeek;

// How the weekly review's PDF words and formats things: translated texts, and dates, times and
// numbers in the UI language (QLocale) and the report's zone. The CSVs never use this (they
// stay locale-independent: dot decimals, ISO 8601 UTC).
class ReportText {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::ReportText)
public:
    ReportText(QLocale locale, QTimeZone zone);

    const QLocale &locale() const { return m_locale; }

    static QString stageTitle(Stage stage);
    // The legend of the faint overlay: "Last week".
    static QString lastWeekLegend();
    // One sentence on what the stage's charts are for.
    static QString stageIntro(Stage stage);

    // "Monday 16 November 2026" (the locale's long date).
    QString longDate(const QDate &date) const;
    // "16/11/2026 09:05" in the zone (the locale's short format).
    QString dateTime(qint64 utcMs) const;
    // "Mon 09:05": for the alert log, where the week is known.
    QString weekdayTime(qint64 utcMs) const;
    // "16 Nov – 22 Nov 2026"-like: both long dates, joined with an en dash.
    QString dayRange(const ReportWeek &week) const;

    // "3 d 4 h", "5 h 20 min", "12 min", "0 min".
    QString duration(qint64 ms) const;
    // A value in a display unit with precision that suits its size: "1,250 ms", "45.3 %",
    // "0.021". "—" for NaN.
    QString value(double v, const DisplayUnit &unit) const;
    QString number(double v) const;
    QString integer(qint64 v) const { return m_locale.toString(v); }
    // "+12 %", "−3 %", "—" when either side is missing or zero.
    QString change(double now, double before) const;

private:
    QLocale m_locale;
    QTimeZone m_zone;
};

} // namespace mlwatch
