#include "core/alerts/notification_policy.h"

#include "core/common/clock.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace mlwatch {

namespace {

// Order of lines in a coalesced notification: what needs attention first.
int severityRank(const NotificationItem &item) {
    if (item.isFiring())
        return item.level == AlertLevel::Critical ? 0 : 1;
    if (item.kind == NotificationItem::Kind::NoData)
        return 2;
    return 3;
}

} // namespace

QString notificationKindName(NotificationItem::Kind kind) {
    switch (kind) {
    case NotificationItem::Kind::Fired:
        return QStringLiteral("fired");
    case NotificationItem::Kind::Escalated:
        return QStringLiteral("escalated");
    case NotificationItem::Kind::Deescalated:
        return QStringLiteral("deescalated");
    case NotificationItem::Kind::Resolved:
        return QStringLiteral("resolved");
    case NotificationItem::Kind::NoData:
        return QStringLiteral("nodata");
    case NotificationItem::Kind::Reminder:
        return QStringLiteral("reminder");
    }
    return QString();
}

AlertLevel AlertNotification::level() const {
    AlertLevel highest = AlertLevel::None;
    for (const NotificationItem &item : items) {
        if (item.isFiring() && item.level > highest)
            highest = item.level;
    }
    return highest;
}

QStringList AlertNotification::ruleIds() const {
    QStringList ids;
    ids.reserve(items.size());
    for (const NotificationItem &item : items)
        ids.append(item.ruleId);
    return ids;
}

NotificationPolicy::NotificationPolicy(const Clock &clock, QTimeZone zone)
    : m_clock(clock)
    , m_zone(std::move(zone)) {}

bool NotificationPolicy::isQuietAt(qint64 utcMs) const {
    if (!m_quiet.enabled || m_quiet.start == m_quiet.end || !m_quiet.start.isValid() ||
        !m_quiet.end.isValid())
        return false;
    const QTime local = QDateTime::fromMSecsSinceEpoch(utcMs, m_zone).time();
    if (m_quiet.start < m_quiet.end)
        return local >= m_quiet.start && local < m_quiet.end;
    return local >= m_quiet.start || local < m_quiet.end; // wraps past midnight
}

std::optional<NotificationItem::Kind> NotificationPolicy::classify(const AlertTransition &t) {
    using Kind = NotificationItem::Kind;
    const bool wasFiring = t.from.isFiring();
    const bool isFiring = t.to.isFiring();
    if (isFiring && !wasFiring)
        return Kind::Fired;
    if (isFiring && wasFiring) {
        if (t.to.level > t.from.level)
            return Kind::Escalated;
        if (t.to.level < t.from.level)
            return Kind::Deescalated;
        return std::nullopt;
    }
    if (wasFiring)
        return t.to.kind == AlertStateKind::NoData ? Kind::NoData : Kind::Resolved;
    return std::nullopt; // ok ↔ pending, → nodata, nodata → ok: visible in the panel only
}

NotificationPolicy::Hold NotificationPolicy::holdFor(const NotificationItem &item,
                                                     const NotificationSubject &subject, qint64 nowMs) const {
    if (subject.status.isMuted(nowMs))
        return Hold::Muted;
    if (item.isFiring() && subject.status.acknowledged)
        return Hold::Acknowledged;
    if (isQuietAt(nowMs)) {
        const bool breaksThrough =
            m_quiet.criticalBreaksThrough && item.isFiring() && item.level == AlertLevel::Critical;
        if (!breaksThrough)
            return Hold::Quiet;
    }
    return Hold::None;
}

std::optional<AlertNotification> NotificationPolicy::finish(QList<NotificationItem> items, qint64 nowMs) {
    if (items.isEmpty())
        return std::nullopt;
    std::stable_sort(items.begin(), items.end(), [](const NotificationItem &a, const NotificationItem &b) {
        return severityRank(a) < severityRank(b);
    });
    AlertNotification notification;
    notification.decidedAtMs = nowMs;
    notification.items = std::move(items);
    return notification;
}

std::optional<AlertNotification>
NotificationPolicy::decideTransitions(const QList<AlertTransition> &transitions,
                                      const SubjectLookup &lookup) {
    const qint64 nowMs = m_clock.nowMs();

    // Fold the pass per rule, in order of first appearance: was it firing before the pass, and
    // which notifiable transition came last.
    struct Fold {
        NotificationSubject subject;
        bool firingBefore = false;
        bool firingAfter = false;
        std::optional<NotificationItem> item;
    };
    QList<QString> order;
    QHash<QString, Fold> folds;
    for (const AlertTransition &t : transitions) {
        auto it = folds.find(t.ruleId);
        if (it == folds.end()) {
            std::optional<NotificationSubject> subject = lookup(t.ruleId);
            if (!subject)
                continue;
            Fold fold;
            fold.subject = std::move(*subject);
            fold.firingBefore = t.from.isFiring();
            it = folds.insert(t.ruleId, std::move(fold));
            order.append(t.ruleId);
        }
        it->firingAfter = t.to.isFiring();
        const std::optional<NotificationItem::Kind> kind = classify(t);
        if (!kind)
            continue;
        NotificationItem item;
        item.kind = *kind;
        item.ruleId = t.ruleId;
        item.ruleName = it->subject.ruleName;
        item.unit = it->subject.unit;
        item.unitSymbol = it->subject.unitSymbol;
        item.state = t.to;
        item.level = t.to.isFiring() ? t.to.level : t.from.level;
        item.periodMs = t.timeMs;
        item.value = t.value;
        it->item = std::move(item);
    }

    QList<NotificationItem> out;
    for (const QString &ruleId : std::as_const(order)) {
        Fold &fold = folds[ruleId];
        if (!fold.firingBefore && !fold.firingAfter) {
            // In and out of firing within one pass: nothing to tell that is still true.
            m_records.remove(ruleId);
            continue;
        }
        if (!fold.item)
            continue;
        // A rule already firing that the policy has not seen (restored state) was told before.
        auto recIt = m_records.find(ruleId);
        if (recIt == m_records.end()) {
            Record fresh;
            fresh.firing = fold.firingBefore;
            fresh.told = fold.firingBefore;
            fresh.lastNotifiedMs = nowMs;
            recIt = m_records.insert(ruleId, fresh);
        }
        Record &record = *recIt;
        NotificationItem &item = *fold.item;
        const Hold hold = holdFor(item, fold.subject, nowMs);

        if (!item.isFiring()) {
            // Resolution / no data: told only if the firing was told, and never owed.
            const bool tell = record.told && hold == Hold::None;
            m_records.remove(ruleId);
            if (tell)
                out.append(item);
            continue;
        }
        record.firing = true;
        if (item.kind == NotificationItem::Kind::Fired)
            record.told = false;
        if (hold == Hold::None) {
            record.told = true;
            record.owed = false;
            record.lastNotifiedMs = nowMs;
            out.append(item);
        } else if (hold != Hold::Acknowledged) {
            record.owed = true;
        }
    }
    return finish(std::move(out), nowMs);
}

NotificationPolicy::Record &NotificationPolicy::adopt(const NotificationSubject &subject, qint64 nowMs) {
    Record record;
    record.firing = true;
    record.told = true;
    const qint64 intervalMs = qint64(subject.repeatIntervalSeconds) * 1000;
    const qint64 since = subject.status.sinceMs;
    if (intervalMs > 0 && since > 0 && since <= nowMs)
        record.lastNotifiedMs = since + ((nowMs - since) / intervalMs) * intervalMs; // on the grid
    else
        record.lastNotifiedMs = nowMs;
    return *m_records.insert(subject.ruleId, record);
}

std::optional<AlertNotification>
NotificationPolicy::decideReminders(const QList<NotificationSubject> &firing) {
    const qint64 nowMs = m_clock.nowMs();

    QSet<QString> firingNow;
    for (const NotificationSubject &subject : firing) {
        if (subject.status.state.isFiring())
            firingNow.insert(subject.ruleId);
    }
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (!firingNow.contains(it.key()))
            it = m_records.erase(it);
        else
            ++it;
    }

    QList<NotificationItem> out;
    for (const NotificationSubject &subject : firing) {
        if (!subject.status.state.isFiring())
            continue;
        auto recIt = m_records.find(subject.ruleId);
        if (recIt == m_records.end()) {
            adopt(subject, nowMs); // restored after a restart: no duplicate
            continue;
        }
        Record &record = *recIt;
        if (subject.status.acknowledged) {
            record.owed = false;
            continue;
        }
        if (subject.status.isMuted(nowMs)) {
            record.owed = true; // remind when the mute ends
            continue;
        }
        const qint64 intervalMs = qint64(subject.repeatIntervalSeconds) * 1000;
        const bool repeatDue = intervalMs > 0 && nowMs - record.lastNotifiedMs >= intervalMs;
        if (!record.owed && !repeatDue)
            continue;

        NotificationItem item;
        item.kind = NotificationItem::Kind::Reminder;
        item.ruleId = subject.ruleId;
        item.ruleName = subject.ruleName;
        item.unit = subject.unit;
        item.unitSymbol = subject.unitSymbol;
        item.state = subject.status.state;
        item.level = subject.status.state.level;
        item.periodMs =
            subject.status.lastPeriodMs != AlertEvaluator::kNever ? subject.status.lastPeriodMs : nowMs;
        item.value = subject.status.lastValue;
        if (holdFor(item, subject, nowMs) != Hold::None) {
            record.owed = true;
            continue;
        }
        record.told = true;
        record.owed = false;
        record.lastNotifiedMs = nowMs;
        out.append(item);
    }
    return finish(std::move(out), nowMs);
}

} // namespace mlwatch
