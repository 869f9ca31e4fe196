#pragma once

#include "core/model/time_range.h"

#include <QObject>
#include <QString>

class QLocale;

namespace mlwatch {

// Which clock the charts read in: the system's local time or UTC. Times are stored in UTC
// either way; this only decides what axes, tooltips and the zoom indicator show, and the zone
// is always named (anchors.md §3.6).
enum class TimeZoneMode { Local, Utc };

// The one display-wide "Show times in UTC" choice: the GUI owns one TimeDisplay (MainWindow,
// persisted under SettingsKeys::kDisplayTimeZone as settingsValue()), hands it to each tab's
// ChartViewSync, and every chart of those tabs follows modeChanged(). No global instance:
// charts without one (tests, dialogs) show local time.
//
// The static helpers are the zone-aware text every chart surface uses, so the axis, the
// tooltip and the zoom indicator always name the same zone.
class TimeDisplay : public QObject {
    Q_OBJECT
public:
    explicit TimeDisplay(QObject *parent = nullptr);

    TimeZoneMode mode() const { return m_mode; }
    bool isUtc() const { return m_mode == TimeZoneMode::Utc; }
    void setMode(TimeZoneMode mode);

    // "local" / "utc": how the mode is stored in settings. Anything else reads as local.
    static QString settingsValue(TimeZoneMode mode);
    static TimeZoneMode modeFromSettingsValue(const QString &value);

    // The zone at `utcMs` as shown: "UTC", or the local "CET, UTC+01:00" (just "UTC" when the
    // local zone is UTC).
    static QString zoneLabel(TimeZoneMode mode, qint64 utcMs);
    // The time axis title: "Time (UTC)" in UTC mode, else chart_axes' timeAxisTitle() (which
    // names both zones of a window that crosses a daylight-saving change).
    static QString axisTitle(const TimeRange &range, TimeZoneMode mode);
    // "26 Nov 2026 14:05:30" in `mode`'s clock, through `locale`; no zone (callers add it).
    static QString dateTimeText(qint64 utcMs, TimeZoneMode mode, const QLocale &locale, bool withSeconds);
    // "14:05–14:40 UTC" (dates added when the range spans days or is not today's).
    static QString rangeText(const TimeRange &range, TimeZoneMode mode, const QLocale &locale);

    // QDateTimeAxis always labels in local time (Qt 6.4 has no zone for it). To label in UTC
    // the axis is given times shifted by this amount: local wall clock of (utcMs + shift) is the
    // UTC wall clock of utcMs. 0 in local mode. Exact while the local offset is constant over
    // the window; across a daylight-saving change the labels are off by the change on one side.
    static qint64 axisShiftMs(TimeZoneMode mode, qint64 utcMs);

Q_SIGNALS:
    void modeChanged(mlwatch::TimeZoneMode mode);

private:
    TimeZoneMode m_mode = TimeZoneMode::Local;
};

} // namespace mlwatch
