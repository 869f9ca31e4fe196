#pragma once

#include "core/alerts/alert_evaluator.h"
#include "core/alerts/notification_policy.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace mlwatch {

class AlertEngine;
class Clock;
class DesktopNotifier;
class WebhookNotifier;

// The glue from alert transitions to people: AlertEngine → NotificationPolicy → desktop and
// webhook notifiers.
//
//  - Transitions are gathered while the engine emits them and decided together one event-loop
//    turn later, so everything one evaluation pass (or one burst of series updates) changed
//    becomes ONE notification.
//  - A timer (default every 60 s; checkReminders() by hand in tests) asks the policy for repeats
//    and for reminders owed after quiet hours, snoozes and silences.
//  - Routing per rule: lines of rules with notifications.desktop go to the desktop notifier (one
//    coalesced notification); each line of a rule with a webhook URL is posted to that URL.
//  - The desktop notifier's snooze / acknowledge intents are applied to the engine here;
//    openRequested is left for the GUI to connect (it knows how to show a rule).
// The notifiers are optional and not owned (QPointer: either may be destroyed first).
class AlertNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultReminderCheck{60000};

    // `engine` and `clock` must outlive the notifier.
    AlertNotifier(AlertEngine &engine, const Clock &clock, QObject *parent = nullptr);
    ~AlertNotifier() override;

    void setDesktopNotifier(DesktopNotifier *desktop);
    void setWebhookNotifier(WebhookNotifier *webhook);

    void setQuietHours(const QuietHours &quiet) { m_policy.setQuietHours(quiet); }
    QuietHours quietHours() const { return m_policy.quietHours(); }
    // The global desktop switch (Alerts → Notification settings…): while off, nothing goes to the
    // desktop notifier, whatever the rules say; webhooks are unaffected, and the actions of
    // notifications shown before still reach the engine. On by default.
    void setDesktopEnabled(bool enabled) { m_desktopEnabled = enabled; }
    bool desktopEnabled() const { return m_desktopEnabled; }
    NotificationPolicy &policy() { return m_policy; }

    // How often reminders are checked; 0 stops the timer (tests call checkReminders()).
    void setReminderCheckInterval(std::chrono::milliseconds interval);

public Q_SLOTS:
    // Decides the transitions gathered so far now (otherwise done one event-loop turn later).
    void deliverPending();
    // Repeats and owed reminders for the rules firing now.
    void checkReminders();

Q_SIGNALS:
    // Every notification the policy let through, before it is routed (the tray can show it
    // where there is no D-Bus service; tests count them).
    void notified(const mlwatch::AlertNotification &notification);

private:
    void onTransition(const AlertTransition &transition);
    void route(const AlertNotification &notification);
    std::optional<NotificationSubject> subject(const QString &ruleId) const;

    AlertEngine &m_engine;
    NotificationPolicy m_policy;
    QPointer<DesktopNotifier> m_desktop;
    QPointer<WebhookNotifier> m_webhook;
    QList<AlertTransition> m_gathered;
    bool m_deliveryQueued = false;
    bool m_desktopEnabled = true;
    QTimer m_reminderTimer;
};

} // namespace mlwatch
