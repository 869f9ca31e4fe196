#pragma once

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_evaluator.h"
#include "core/alerts/alert_rule.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <functional>
#include <limits>
#include <optional>

namespace mlwatch {

class Clock;

// What the policy needs to know about one rule when it decides (the glue fills it from the
// AlertEngine: rule settings plus the current status with its marks).
struct NotificationSubject {
    QString ruleId;
    QString ruleName;
    QString unit;                  // the rule's display unit as written ("ms", "%"): for machines
    QString unitSymbol;            // the same, translated for people
    int repeatIntervalSeconds = 0; // AlertNotifications::repeatIntervalSeconds; 0 = never repeat
    AlertRuleStatus status;        // state now and the marks (acknowledged, snoozed, silenced)
};

// One line of a notification: one rule and what happened to it.
struct NotificationItem {
    enum class Kind {
        Fired,       // entered firing (from ok, pending or nodata)
        Escalated,   // firing warning → firing critical
        Deescalated, // firing critical → firing warning
        Resolved,    // left firing for ok or pending
        NoData,      // left firing because the data stopped (missing-data mode "missing")
        Reminder,    // still firing: the repeat interval passed, or a mute/quiet time ended
    };
    Kind kind = Kind::Fired;
    QString ruleId;
    QString ruleName;
    QString unit;                        // stable (AlertRule::unit), for machines
    QString unitSymbol;                  // translated, for people
    AlertState state;                    // the rule's state the line reports
    AlertLevel level = AlertLevel::None; // the level concerned (for Resolved/NoData: the one it had)
    qint64 periodMs = 0;                 // newest period of the evaluation (UTC ms); reminders: now
    double value = std::numeric_limits<double>::quiet_NaN(); // display unit; NaN = missing

    bool hasValue() const { return value == value; }
    bool isFiring() const { return state.isFiring(); }
    friend bool operator==(const NotificationItem &, const NotificationItem &) = default;
};

// "fired" | "escalated" | "deescalated" | "resolved" | "nodata" | "reminder" (stable, for JSON).
QString notificationKindName(NotificationItem::Kind kind);

// One notification as people receive it: every item of one decision, most severe first.
struct AlertNotification {
    qint64 decidedAtMs = 0;        // clock time of the decision (UTC ms)
    QList<NotificationItem> items; // never empty

    // The highest level among the items that are (still) firing; None when nothing fires.
    AlertLevel level() const;
    QStringList ruleIds() const;
};

// Daily quiet hours in local time: [start, end), wrapping past midnight when start > end
// (22:00–07:00). start == end is an empty window. Critical alerts may break through.
struct QuietHours {
    bool enabled = false;
    QTime start{22, 0};
    QTime end{7, 0};
    bool criticalBreaksThrough = true;

    friend bool operator==(const QuietHours &, const QuietHours &) = default;
};

// Decides which alert transitions become notifications (pure logic: no I/O, no Qt event loop;
// time from the injected Clock, local time for quiet hours from the given zone).
//
// Contract:
//  - decideTransitions() takes the transitions of ONE evaluation pass and returns at most one
//    notification listing them (never a storm). Per rule only the last notifiable transition of
//    the pass counts (a catch-up ok → pending → firing is one "fired" line). ok ↔ pending,
//    ok → nodata and nodata → ok are not notified (pending exists to avoid noise).
//  - A rule that is snoozed or silenced is not notified; an acknowledged rule gets no level
//    changes and no reminders (its resolution is still told). Marks are read as they are now.
//  - In quiet hours nothing is notified, except (optionally) lines at critical level.
//  - A firing line that was held back (mute, quiet hours) leaves the rule "owed": at the first
//    decideReminders() after the hold ends, if it still fires, it gets a Reminder. A rule muted
//    while firing is likewise reminded when the mute ends ("Snooze 1 h" means "remind me").
//  - decideReminders() is the timer's half: for the rules firing now it repeats every
//    repeatInterval since the rule's last notification. A firing rule the policy has never seen
//    (state restored after a restart) is adopted silently: its repeat schedule continues on the
//    grid since its firing began (status.sinceMs), so a restart sends no duplicate.
class NotificationPolicy {
public:
    using SubjectLookup = std::function<std::optional<NotificationSubject>(const QString &ruleId)>;

    // `clock` must outlive the policy. Quiet hours are judged in `zone` (default: the system's).
    explicit NotificationPolicy(const Clock &clock, QTimeZone zone = QTimeZone::systemTimeZone());

    void setQuietHours(const QuietHours &quiet) { m_quiet = quiet; }
    const QuietHours &quietHours() const { return m_quiet; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    QTimeZone timeZone() const { return m_zone; }
    bool isQuietAt(qint64 utcMs) const;

    // One evaluation pass. Transitions of rules the lookup does not know are dropped.
    std::optional<AlertNotification> decideTransitions(const QList<AlertTransition> &transitions,
                                                       const SubjectLookup &lookup);
    // Repeats and owed reminders for `firing` (every rule firing now; others are forgotten).
    std::optional<AlertNotification> decideReminders(const QList<NotificationSubject> &firing);

    // Drops what the policy remembers of a rule (rule removed).
    void forget(const QString &ruleId) { m_records.remove(ruleId); }

private:
    struct Record {
        bool firing = false;
        qint64 lastNotifiedMs = 0; // last time the rule was told (or adopted)
        bool owed = false;         // a firing line was held back
        bool told = false;         // people heard of this firing episode (so its end is news)
    };
    enum class Hold { None, Muted, Acknowledged, Quiet };
    Hold holdFor(const NotificationItem &item, const NotificationSubject &subject, qint64 nowMs) const;
    static std::optional<NotificationItem::Kind> classify(const AlertTransition &t);
    Record &adopt(const NotificationSubject &subject, qint64 nowMs);
    static std::optional<AlertNotification> finish(QList<NotificationItem> items, qint64 nowMs);

    const Clock &m_clock;
    QTimeZone m_zone;
    QuietHours m_quiet;
    QHash<QString, Record> m_records;
};

} // namespace mlwatch
