#include "notify/desktop_notifier.h"

#include "core/common/clock.h"
#include "notify/notification_text.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

#include <utility>

namespace mlwatch {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

const QString kActionOpen = QStringLiteral("open");
const QString kActionSnooze = QStringLiteral("snooze-1h");
const QString kActionAcknowledge = QStringLiteral("acknowledge");
const QString kActionDefault = QStringLiteral("default"); // a click on the body, per the spec

} // namespace

DesktopNotifier::DesktopNotifier(const Clock &clock, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_bus(bus) {
    // Match rules only (the bus daemon answers these itself); no call reaches the server here.
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
}

DesktopNotifier::DesktopNotifier(const Clock &clock, QObject *parent)
    : DesktopNotifier(clock, QDBusConnection::sessionBus(), parent) {}

DesktopNotifier::~DesktopNotifier() {
    m_bus.disconnect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                     SLOT(onActionInvoked(uint, QString)));
    m_bus.disconnect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                     SLOT(onNotificationClosed(uint, uint)));
}

uchar DesktopNotifier::urgencyFor(const AlertNotification &notification) {
    return notification.level() == AlertLevel::Critical ? 2 : 1;
}

void DesktopNotifier::notify(const AlertNotification &notification) {
    if (notification.items.isEmpty())
        return;
    Outgoing outgoing;
    outgoing.summary = NotificationText::summary(notification);
    outgoing.body = NotificationText::body(notification, m_locale, m_zone);
    outgoing.urgency = urgencyFor(notification);
    for (const NotificationItem &item : notification.items) {
        outgoing.ruleIds.append(item.ruleId);
        if (item.isFiring())
            outgoing.firingRuleIds.append(item.ruleId);
    }
    if (m_capabilities) {
        send(outgoing);
        return;
    }
    m_held.append(outgoing);
    queryCapabilities();
}

QDBusPendingCall DesktopNotifier::asyncCall(const QDBusMessage &message) const {
    // Without a bus, QDBusConnection::asyncCall returns a call that never finishes; an already
    // failed call makes the watcher report it (queued) like any other error.
    if (!m_bus.isConnected())
        return QDBusPendingCall::fromError(
            QDBusError(QDBusError::Disconnected, QStringLiteral("not connected to a D-Bus session bus")));
    return m_bus.asyncCall(message, kCallTimeoutMs);
}

void DesktopNotifier::queryCapabilities() {
    if (m_capabilitiesInFlight)
        return;
    m_capabilitiesInFlight = true;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &DesktopNotifier::onCapabilities);
}

void DesktopNotifier::onCapabilities(QDBusPendingCallWatcher *watcher) {
    watcher->deleteLater();
    m_capabilitiesInFlight = false;
    const QDBusPendingReply<QStringList> reply = *watcher;
    const QList<Outgoing> held = std::exchange(m_held, {});
    if (reply.isError()) {
        reportUnavailable(reply.error().name(), reply.error().message());
        for (const Outgoing &outgoing : held)
            Q_EMIT undelivered(outgoing.summary, outgoing.body);
        return;
    }
    m_capabilities = reply.value();
    m_outageReported = false;
    for (const Outgoing &outgoing : held)
        send(outgoing);
}

void DesktopNotifier::send(const Outgoing &outgoing) {
    QStringList actions; // key, label, key, label …
    if (m_capabilities->contains(QStringLiteral("actions"))) {
        actions << kActionOpen << tr("Open");
        if (!outgoing.firingRuleIds.isEmpty())
            actions << kActionSnooze << tr("Snooze 1 h") << kActionAcknowledge << tr("Acknowledge");
    }
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(outgoing.urgency)); // D-Bus type 'y'
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("mlwatch"));
    // A follow-up about one rule (resolved, reminder) replaces that rule's open notification.
    const uint replaces = outgoing.ruleIds.size() == 1 ? m_openSingle.value(outgoing.ruleIds.first(), 0) : 0;

    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("MLWatch") << replaces << QStringLiteral("mlwatch") << outgoing.summary
         << outgoing.body << actions << hints << qint32(-1);
    auto *watcher = new QDBusPendingCallWatcher(asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, outgoing](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            // The service went away since it answered GetCapabilities: ask again next time.
            m_capabilities.reset();
            reportUnavailable(reply.error().name(), reply.error().message());
            Q_EMIT undelivered(outgoing.summary, outgoing.body);
            return;
        }
        remember(reply.value(), outgoing);
        Q_EMIT shown(reply.value());
    });
}

void DesktopNotifier::remember(uint id, const Outgoing &outgoing) {
    if (!m_shown.contains(id))
        m_shownOrder.append(id);
    m_shown.insert(id, Shown{outgoing.ruleIds, outgoing.firingRuleIds});
    if (outgoing.ruleIds.size() == 1)
        m_openSingle.insert(outgoing.ruleIds.first(), id);
    while (m_shownOrder.size() > kMaxTrackedIds)
        onNotificationClosed(m_shownOrder.first(), 0);
}

void DesktopNotifier::reportUnavailable(const QString &errorName, const QString &errorMessage) {
    Error error;
    error.code = ErrorCode::Network;
    if (!m_bus.isConnected()) {
        error.message =
            tr("Desktop notifications are off: there is no D-Bus session bus. Alerts still show in "
               "MLWatch's window and tray.");
    } else if (errorName == QLatin1String("org.freedesktop.DBus.Error.NoReply") ||
               errorName == QLatin1String("org.freedesktop.DBus.Error.Timeout")) {
        error.code = ErrorCode::Timeout;
        error.message =
            tr("Desktop notifications are off: the notification service did not answer. Alerts still "
               "show in MLWatch's window and tray.");
    } else {
        error.message =
            tr("Desktop notifications are off: no notification service "
               "(org.freedesktop.Notifications) is running on the session bus. Alerts still show in "
               "MLWatch's window and tray.");
    }
    error.detail = errorName + QLatin1String(": ") + errorMessage;
    m_lastError = error;
    if (m_outageReported)
        return;
    m_outageReported = true;
    Q_EMIT unavailable(error.message);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey) {
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd())
        return; // another application's notification
    const Shown shownItem = *it;
    if (actionKey == kActionOpen || actionKey == kActionDefault) {
        if (!shownItem.ruleIds.isEmpty())
            Q_EMIT openRequested(shownItem.ruleIds.first());
    } else if (actionKey == kActionSnooze) {
        const qint64 untilMs = m_clock.nowMs() + kSnoozeMs;
        for (const QString &ruleId : shownItem.firingRuleIds)
            Q_EMIT snoozeRequested(ruleId, untilMs);
    } else if (actionKey == kActionAcknowledge) {
        for (const QString &ruleId : shownItem.firingRuleIds)
            Q_EMIT acknowledgeRequested(ruleId);
    }
}

void DesktopNotifier::onNotificationClosed(uint id, uint /*reason*/) {
    const auto it = m_shown.find(id);
    if (it == m_shown.end())
        return;
    if (it->ruleIds.size() == 1 && m_openSingle.value(it->ruleIds.first()) == id)
        m_openSingle.remove(it->ruleIds.first());
    m_shown.erase(it);
    m_shownOrder.removeOne(id);
}

} // namespace mlwatch
