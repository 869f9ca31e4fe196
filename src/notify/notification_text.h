#pragma once

#include "core/alerts/notification_policy.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace mlwatch {

// The words of an alert notification, shared by the desktop and webhook notifiers so both say
// the same thing. Pure functions; numbers and dates through the given QLocale, times in the
// given zone with the zone always stated ("20/11/2026 13:05 UTC+01:00").
class NotificationText {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::NotificationText)
public:
    // Lines a desktop body shows at most; the rest is summarised as "… and N more".
    static constexpr int kMaxBodyLines = 8;

    // "Critical: Endpoint latency" for one line, "Alerts: 2 firing, 1 resolved" for several.
    static QString summary(const AlertNotification &notification);
    // One line per item (most severe first), at most kMaxBodyLines.
    static QString body(const AlertNotification &notification, const QLocale &locale, const QTimeZone &zone);
    // "Endpoint latency is firing (critical): 1,300 ms at 20/11/2026 12:05 UTC"
    static QString line(const NotificationItem &item, const QLocale &locale, const QTimeZone &zone);

    // A one-line Slack-compatible message (mrkdwn, with &, < and > escaped as Slack asks), e.g.
    // ":red_circle: *Endpoint latency* is firing (critical): 1300 ms at 2026-11-20T12:05:00Z".
    static QString slackText(const NotificationItem &item);

    // "1,300 ms" / "93.5 %" / "no data"; decimals by magnitude so values stay short.
    static QString value(const NotificationItem &item, const QLocale &locale);
    // The translated level name ("critical", "warning"; empty for None).
    static QString levelText(AlertLevel level);
    // Local time in `zone` in the locale's short format, followed by the zone's abbreviation.
    static QString time(qint64 utcMs, const QLocale &locale, const QTimeZone &zone);

private:
    static QString compose(const NotificationItem &item, const QString &name, const QString &value,
                           const QString &when);
};

} // namespace mlwatch
