#include "report/report_week.h"

#include <QDateTime>
#include <QRegularExpression>

namespace mlwatch {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr int kOverlayDays = 7;

Error badArgument(const QString &message) {
    return Error{ErrorCode::BadArgument, message, QString()};
}

qint64 startOfLocalDayMs(const QDate &date, const QTimeZone &zone) {
    // startOfDay(): a midnight the zone skips (America/Santiago in September) starts the day at
    // the first instant that exists instead of giving an invalid QDateTime.
    return date.startOfDay(zone).toMSecsSinceEpoch();
}

QString offsetText(int offsetSeconds) {
    if (offsetSeconds == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(offsetSeconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int ReportWeek::weeksInYear(int isoYear) {
    // 28 December is always in the last ISO week of its year.
    return QDate(isoYear, 12, 28).weekNumber();
}

QDate ReportWeek::mondayOfIsoWeek(int isoYear, int week) {
    const QDate jan4(isoYear, 1, 4); // in week 1 by definition
    const QDate mondayOfWeek1 = jan4.addDays(1 - jan4.dayOfWeek());
    return mondayOfWeek1.addDays(qint64(week - 1) * 7);
}

qint64 ReportWeek::shiftLocalDays(qint64 ms, const QTimeZone &zone, int days) {
    // Wall-clock arithmetic: a local time that falls into a gap moves forward past it.
    return QDateTime::fromMSecsSinceEpoch(ms, zone).addDays(days).toMSecsSinceEpoch();
}

ReportWeek ReportWeek::isoWeek(int isoYear, int week, const QTimeZone &zone) {
    const QDate monday = mondayOfIsoWeek(isoYear, week);
    Result<ReportWeek> made = fromRange(
        TimeRange{startOfLocalDayMs(monday, zone), startOfLocalDayMs(monday.addDays(7), zone)}, zone);
    ReportWeek out = made ? *made : ReportWeek();
    out.m_isoYear = isoYear;
    out.m_isoWeek = week;
    return out;
}

Result<ReportWeek> ReportWeek::fromIsoWeekText(const QString &text, const QTimeZone &zone) {
    static const QRegularExpression kWeek(QStringLiteral("^(\\d{4})-[Ww](\\d{2})$"));
    const QRegularExpressionMatch m = kWeek.match(text.trimmed());
    if (!m.hasMatch())
        return badArgument(tr("\"%1\" is not an ISO week: write YYYY-Www, e.g. 2026-W47.").arg(text));
    const int year = m.captured(1).toInt();
    const int week = m.captured(2).toInt();
    const int weeks = weeksInYear(year);
    if (week < 1 || week > weeks)
        return badArgument(
            tr("%1 has no ISO week %2: its weeks are 1 to %3.").arg(year).arg(week).arg(weeks));
    return isoWeek(year, week, zone);
}

ReportWeek ReportWeek::lastCompleteWeek(qint64 nowMs, const QTimeZone &zone) {
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    // The current week began on this Monday; the one before it is the newest that has ended.
    const QDate previousMonday = today.addDays(1 - today.dayOfWeek() - 7);
    int isoYear = 0;
    const int week = previousMonday.weekNumber(&isoYear);
    return isoWeek(isoYear, week, zone);
}

Result<ReportWeek> ReportWeek::fromRange(const TimeRange &utc, const QTimeZone &zone) {
    if (!zone.isValid())
        return badArgument(tr("The time zone is not valid."));
    if (!utc.isValid())
        return badArgument(tr("The report's start must be before its end."));
    ReportWeek out;
    out.m_zone = zone;
    out.m_range = utc;
    out.m_previousRange = TimeRange{shiftLocalDays(utc.startMs, zone, -kOverlayDays),
                                    shiftLocalDays(utc.endMs, zone, -kOverlayDays)};
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(out.m_previousRange.startMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(utc.endMs, Qt::UTC);
    const bool offsetChanges = zone.hasTransitions() && !zone.transitions(from, to).isEmpty();
    out.m_fixedShiftMs = offsetChanges ? 0 : kOverlayDays * kDayMs;
    return out;
}

QString ReportWeek::isoWeekText() const {
    if (!isIsoWeek())
        return {};
    return QStringLiteral("%1-W%2")
        .arg(m_isoYear, 4, 10, QLatin1Char('0'))
        .arg(m_isoWeek, 2, 10, QLatin1Char('0'));
}

QDate ReportWeek::firstDay() const {
    return QDateTime::fromMSecsSinceEpoch(m_range.startMs, m_zone).date();
}

QDate ReportWeek::lastDay() const {
    // endMs is exclusive: the last instant inside the range names the last day.
    return QDateTime::fromMSecsSinceEpoch(m_range.endMs - 1, m_zone).date();
}

qint64 ReportWeek::toOverlayMs(qint64 previousMs) const {
    if (m_fixedShiftMs != 0)
        return previousMs + m_fixedShiftMs;
    return shiftLocalDays(previousMs, m_zone, kOverlayDays);
}

QString ReportWeek::zoneId(const QTimeZone &zone) {
    const QString id = QString::fromUtf8(zone.id());
    static const QStringList kUtcAliases{QStringLiteral("Etc/UTC"),  QStringLiteral("Etc/Universal"),
                                         QStringLiteral("Etc/Zulu"), QStringLiteral("Universal"),
                                         QStringLiteral("Zulu"),     QStringLiteral("UTC")};
    return kUtcAliases.contains(id) ? QStringLiteral("UTC") : id;
}

QString ReportWeek::zoneText() const {
    const QString id = zoneId(m_zone);
    if (!isValid())
        return id;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_range.startMs, Qt::UTC);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(m_range.endMs - 1, Qt::UTC);
    const int a = m_zone.offsetFromUtc(start);
    const int b = m_zone.offsetFromUtc(last);
    if (id == QLatin1String("UTC") && a == 0 && b == 0)
        return id;
    const QString offsets = a == b ? offsetText(a) : offsetText(a) + QStringLiteral(" / ") + offsetText(b);
    return id + QStringLiteral(" (") + offsets + QLatin1Char(')');
}

} // namespace mlwatch
