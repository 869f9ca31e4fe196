#include "notify/notification_text.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace mlwatch {

namespace {

using Kind = NotificationItem::Kind;

int decimalsFor(double value) {
    const double magnitude = std::abs(value);
    if (magnitude >= 100 || magnitude == 0)
        return 0;
    if (magnitude >= 10)
        return 1;
    if (magnitude >= 0.1)
        return 2;
    return 4;
}

QString withUnit(const QString &number, const QString &unit) {
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

// Slack's mrkdwn needs these three escaped, and nothing else.
QString slackEscape(QString text) {
    text.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    text.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return text;
}

} // namespace

QString NotificationText::levelText(AlertLevel level) {
    switch (level) {
    case AlertLevel::Critical:
        return tr("critical");
    case AlertLevel::Warning:
        return tr("warning");
    case AlertLevel::None:
        break;
    }
    return QString();
}

QString NotificationText::value(const NotificationItem &item, const QLocale &locale) {
    if (!item.hasValue())
        return tr("no data");
    return withUnit(locale.toString(item.value, 'f', decimalsFor(item.value)), item.unitSymbol);
}

QString NotificationText::time(qint64 utcMs, const QLocale &locale, const QTimeZone &zone) {
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    return locale.toString(local, QLocale::ShortFormat) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

QString NotificationText::compose(const NotificationItem &item, const QString &name, const QString &value,
                                  const QString &when) {
    const QString level = levelText(item.level);
    switch (item.kind) {
    case Kind::Fired:
        return tr("%1 is firing (%2): %3 at %4").arg(name, level, value, when);
    case Kind::Escalated:
        return tr("%1 escalated to %2: %3 at %4").arg(name, level, value, when);
    case Kind::Deescalated:
        return tr("%1 eased to %2: %3 at %4").arg(name, level, value, when);
    case Kind::Resolved:
        return tr("%1 resolved (was %2): %3 at %4").arg(name, level, value, when);
    case Kind::NoData:
        return tr("%1 has no data since %2 (was firing, %3)").arg(name, when, level);
    case Kind::Reminder:
        return tr("%1 is still firing (%2): %3 at %4").arg(name, level, value, when);
    }
    return name;
}

QString NotificationText::line(const NotificationItem &item, const QLocale &locale, const QTimeZone &zone) {
    return compose(item, item.ruleName.isEmpty() ? item.ruleId : item.ruleName, value(item, locale),
                   time(item.periodMs, locale, zone));
}

QString NotificationText::summary(const AlertNotification &notification) {
    if (notification.items.size() == 1) {
        const NotificationItem &item = notification.items.first();
        const QString name = item.ruleName.isEmpty() ? item.ruleId : item.ruleName;
        switch (item.kind) {
        case Kind::Fired:
        case Kind::Escalated:
        case Kind::Deescalated:
            return item.level == AlertLevel::Critical ? tr("Critical: %1").arg(name)
                                                      : tr("Warning: %1").arg(name);
        case Kind::Reminder:
            return tr("Still firing: %1").arg(name);
        case Kind::Resolved:
            return tr("Resolved: %1").arg(name);
        case Kind::NoData:
            return tr("No data: %1").arg(name);
        }
    }
    int firing = 0;
    int resolved = 0;
    int noData = 0;
    for (const NotificationItem &item : notification.items) {
        if (item.isFiring())
            ++firing;
        else if (item.kind == Kind::NoData)
            ++noData;
        else
            ++resolved;
    }
    QStringList parts;
    if (firing > 0)
        parts.append(tr("%n firing", "alerts", firing));
    if (resolved > 0)
        parts.append(tr("%n resolved", "alerts", resolved));
    if (noData > 0)
        parts.append(tr("%n without data", "alerts", noData));
    return tr("Alerts: %1").arg(parts.join(tr(", ")));
}

QString NotificationText::body(const AlertNotification &notification, const QLocale &locale,
                               const QTimeZone &zone) {
    QStringList lines;
    const qsizetype shown = std::min<qsizetype>(notification.items.size(), kMaxBodyLines);
    for (qsizetype i = 0; i < shown; ++i)
        lines.append(line(notification.items[i], locale, zone));
    if (notification.items.size() > shown)
        lines.append(tr("… and %n more", "alerts", int(notification.items.size() - shown)));
    return lines.join(QLatin1Char('\n'));
}

QString NotificationText::slackText(const NotificationItem &item) {
    QString icon;
    if (item.isFiring())
        icon =
            item.level == AlertLevel::Critical ? QStringLiteral(":red_circle:") : QStringLiteral(":warning:");
    else if (item.kind == Kind::NoData)
        icon = QStringLiteral(":grey_question:");
    else
        icon = QStringLiteral(":white_check_mark:");
    // Machine-stable numbers and an ISO 8601 UTC time: the channel's readers sit in many zones.
    NotificationItem plain = item;
    plain.unitSymbol = item.unit;
    const QString name =
        QLatin1Char('*') + (item.ruleName.isEmpty() ? item.ruleId : item.ruleName) + QLatin1Char('*');
    const QString when = QDateTime::fromMSecsSinceEpoch(item.periodMs, Qt::UTC).toString(Qt::ISODate);
    QString text = icon + QLatin1Char(' ') + compose(item, name, value(plain, QLocale::c()), when);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return slackEscape(text);
}

} // namespace mlwatch
