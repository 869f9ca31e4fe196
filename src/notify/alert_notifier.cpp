#include "notify/alert_notifier.h"

#include "core/alerts/alert_engine.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"

#include <QHash>

#include <utility>

namespace mlwatch {

AlertNotifier::AlertNotifier(AlertEngine &engine, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_policy(clock) {
    connect(&m_engine, &AlertEngine::transitionOccurred, this, &AlertNotifier::onTransition);
    connect(&m_reminderTimer, &QTimer::timeout, this, &AlertNotifier::checkReminders);
    m_reminderTimer.start(kDefaultReminderCheck);
}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::setDesktopNotifier(DesktopNotifier *desktop) {
    if (m_desktop)
        disconnect(m_desktop, nullptr, this, nullptr);
    m_desktop = desktop;
    if (!desktop)
        return;
    AlertEngine *engine = &m_engine;
    connect(desktop, &DesktopNotifier::snoozeRequested, this,
            [engine](const QString &ruleId, qint64 untilMs) { engine->snooze(ruleId, untilMs); });
    connect(desktop, &DesktopNotifier::acknowledgeRequested, this,
            [engine](const QString &ruleId) { engine->acknowledge(ruleId); });
}

void AlertNotifier::setWebhookNotifier(WebhookNotifier *webhook) {
    m_webhook = webhook;
}

void AlertNotifier::setReminderCheckInterval(std::chrono::milliseconds interval) {
    if (interval.count() <= 0) {
        m_reminderTimer.stop();
        return;
    }
    m_reminderTimer.start(interval);
}

void AlertNotifier::onTransition(const AlertTransition &transition) {
    m_gathered.append(transition);
    if (m_deliveryQueued)
        return;
    m_deliveryQueued = true;
    QMetaObject::invokeMethod(this, &AlertNotifier::deliverPending, Qt::QueuedConnection);
}

std::optional<NotificationSubject> AlertNotifier::subject(const QString &ruleId) const {
    const std::optional<AlertRule> rule = m_engine.rule(ruleId);
    if (!rule)
        return std::nullopt;
    NotificationSubject s;
    s.ruleId = ruleId;
    s.ruleName = rule->name;
    s.unit = rule->unit;
    s.unitSymbol = rule->displayUnit().symbol;
    s.repeatIntervalSeconds = rule->notifications.repeatIntervalSeconds;
    s.status = m_engine.status(ruleId);
    return s;
}

void AlertNotifier::deliverPending() {
    m_deliveryQueued = false;
    const QList<AlertTransition> gathered = std::exchange(m_gathered, {});
    if (gathered.isEmpty())
        return;
    const std::optional<AlertNotification> notification =
        m_policy.decideTransitions(gathered, [this](const QString &id) { return subject(id); });
    if (notification)
        route(*notification);
}

void AlertNotifier::checkReminders() {
    QList<NotificationSubject> firing;
    const QStringList ids = m_engine.firingRuleIds();
    for (const QString &id : ids) {
        if (std::optional<NotificationSubject> s = subject(id))
            firing.append(std::move(*s));
    }
    if (const std::optional<AlertNotification> notification = m_policy.decideReminders(firing))
        route(*notification);
}

void AlertNotifier::route(const AlertNotification &notification) {
    Q_EMIT notified(notification);
    AlertNotification desktop;
    desktop.decidedAtMs = notification.decidedAtMs;
    for (const NotificationItem &item : notification.items) {
        const std::optional<AlertRule> rule = m_engine.rule(item.ruleId);
        if (!rule)
            continue;
        if (rule->notifications.desktop)
            desktop.items.append(item);
        if (m_webhook && !rule->notifications.webhookUrl.isEmpty())
            (void)m_webhook->post(rule->notifications.webhookUrl, item); // failures arrive via failed()
    }
    if (m_desktop && m_desktopEnabled && !desktop.items.isEmpty())
        m_desktop->notify(desktop);
}

} // namespace mlwatch
