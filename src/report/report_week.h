#pragma once

#include "core/common/result.h"
#include "core/model/time_range.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTimeZone>

namespace mlwatch {

// The time a weekly review covers, stated in one time zone (anchors.md §3.6: a report whose
// zone is not stated is read in the wrong one).
//
// Either an ISO 8601 week "YYYY-Www" — Monday 00:00 to the next Monday 00:00, wall clock of
// `zone` — or any [from, to) range. Weeks follow the zone's wall clock, so a week that contains
// a daylight-saving change lasts 167 or 169 hours, and a midnight that the zone skips starts the
// day at the first instant that exists (QDate::startOfDay).
//
// "Last week" (the faint overlay and the week-over-week table) is the same range seven local
// days earlier; toOverlayMs() moves one of its instants onto this range at the same wall-clock
// time, so Monday 09:00 lies over Monday 09:00 even across a daylight-saving change.
class ReportWeek {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::ReportWeek)
public:
    ReportWeek() = default;

    // `year`/`week` must name an existing ISO week (1 ≤ week ≤ weeksInYear(year)).
    static ReportWeek isoWeek(int isoYear, int week, const QTimeZone &zone);
    // "2026-W47" (also "2026-w47"). BadArgument with a translated message for anything else,
    // including week 53 of a year that has 52.
    static Result<ReportWeek> fromIsoWeekText(const QString &text, const QTimeZone &zone);
    // The newest ISO week that has ended at `nowMs` in `zone` (the report's default).
    static ReportWeek lastCompleteWeek(qint64 nowMs, const QTimeZone &zone);
    // Any range; BadArgument unless from < to.
    static Result<ReportWeek> fromRange(const TimeRange &utc, const QTimeZone &zone);

    // 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53.
    static int weeksInYear(int isoYear);
    // The Monday of ISO week `week` of `isoYear` (week 1 holds 4 January).
    static QDate mondayOfIsoWeek(int isoYear, int week);

    bool isValid() const { return m_range.isValid(); }
    bool isIsoWeek() const { return m_isoWeek > 0; }
    int isoYear() const { return m_isoYear; }
    int isoWeekNumber() const { return m_isoWeek; }
    // "2026-W47" (not translated: the ISO form), or empty for a from/to range.
    QString isoWeekText() const;

    const QTimeZone &zone() const { return m_zone; }
    TimeRange range() const { return m_range; }                 // this week, UTC
    TimeRange previousRange() const { return m_previousRange; } // seven local days earlier, UTC

    // First and last local day touched by range() (the last one inclusive).
    QDate firstDay() const;
    QDate lastDay() const;

    // An instant of previousRange() moved seven local days later.
    qint64 toOverlayMs(qint64 previousMs) const;

    // "Europe/Berlin (UTC+01:00)"; both offsets when they differ within the range
    // ("Europe/Berlin (UTC+02:00 / UTC+01:00)"). Untranslated zone ids on purpose: they are what
    // people type back into --timezone.
    QString zoneText() const;

    // The zone's IANA id ("Europe/Berlin"); "UTC" for UTC.
    static QString zoneId(const QTimeZone &zone);

private:
    static qint64 shiftLocalDays(qint64 ms, const QTimeZone &zone, int days);

    QTimeZone m_zone;
    TimeRange m_range;
    TimeRange m_previousRange;
    int m_isoYear = 0;
    int m_isoWeek = 0; // 0: a from/to range
    // The overlay shift when no offset change lies between the two ranges (the usual case);
    // 0 when one does and each instant is moved through QDateTime.
    qint64 m_fixedShiftMs = 0;
};

} // namespace mlwatch
