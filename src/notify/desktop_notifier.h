#pragma once

#include "core/alerts/notification_policy.h"
#include "core/common/error.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include <optional>

class QDBusMessage;
class QDBusPendingCall;
class QDBusPendingCallWatcher;

namespace mlwatch {

class Clock;

// Shows alert notifications through org.freedesktop.Notifications (the Desktop Notifications
// Specification 1.2) on a D-Bus session bus, and turns the user's clicks into intents.
//
// Every D-Bus call is asynchronous (QDBusMessage::createMethodCall + asyncCall): nothing here
// blocks the UI thread. QDBusInterface is deliberately not used, because its constructor makes a
// blocking Introspect call (25 s stalls when the server is slow or lives in the same thread).
//
// Flow: the first notify() asks the server for its capabilities (GetCapabilities) and holds the
// notifications until the answer; actions ("open", "snooze-1h", "acknowledge") are offered only
// when the server lists "actions". When no notification service is on the bus (or the bus is
// missing), unavailable() is emitted ONCE with a translated message, each held notification is
// handed to undelivered() (for a tray fallback), and the next notify() asks again, so a service
// started later is picked up; after a success, the next outage is reported again.
//
// Signals of the server (ActionInvoked, NotificationClosed) are broadcast on the bus; only ids
// of notifications this object showed are acted on.
// Threading: lives on the thread it was created on (the GUI thread); signals come there too.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kSnoozeMs = 3600 * 1000; // "Snooze 1 h"
    static constexpr int kCallTimeoutMs = 10000;     // D-Bus reply timeout
    static constexpr int kMaxTrackedIds = 200;       // servers that never send NotificationClosed

    // `clock` (for snooze deadlines) must outlive the notifier.
    DesktopNotifier(const Clock &clock, const QDBusConnection &bus, QObject *parent = nullptr);
    // On the session bus.
    explicit DesktopNotifier(const Clock &clock, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // How numbers and dates are written (default: the system locale and zone).
    void setLocale(const QLocale &locale) { m_locale = locale; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    // Shows `notification` (asynchronously). Empty notifications are ignored.
    void notify(const AlertNotification &notification);

    // The server's capabilities once known (empty while unknown or unavailable).
    QStringList capabilities() const { return m_capabilities.value_or(QStringList()); }
    // The last failure to reach the service (message translated, detail: the D-Bus error).
    const std::optional<Error> &lastError() const { return m_lastError; }

    // The 0–2 urgency hint of the specification for a notification: 2 when a critical alert
    // fires, 1 otherwise.
    static uchar urgencyFor(const AlertNotification &notification);

Q_SIGNALS:
    // Intents from the notification's actions. untilMs = now + 1 h (UTC ms), ready for
    // AlertEngine::snooze().
    void openRequested(const QString &ruleId);
    void snoozeRequested(const QString &ruleId, qint64 untilMs);
    void acknowledgeRequested(const QString &ruleId);
    // The server accepted a notification and gave it this id.
    void shown(uint notificationId);
    // No notification service (once per outage), with a translated message for the status bar.
    void unavailable(const QString &message);
    // A notification that could not be shown, for a fallback (tray balloon).
    void undelivered(const QString &summary, const QString &body);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Outgoing {
        QString summary;
        QString body;
        uchar urgency = 1;
        QStringList ruleIds;       // most severe first
        QStringList firingRuleIds; // what snooze / acknowledge act on
    };
    struct Shown {
        QStringList ruleIds;
        QStringList firingRuleIds;
    };

    QDBusPendingCall asyncCall(const QDBusMessage &message) const;
    void queryCapabilities();
    void onCapabilities(QDBusPendingCallWatcher *watcher);
    void send(const Outgoing &outgoing);
    void reportUnavailable(const QString &errorName, const QString &errorMessage);
    void remember(uint id, const Outgoing &outgoing);

    const Clock &m_clock;
    QDBusConnection m_bus;
    QLocale m_locale;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::optional<QStringList> m_capabilities;
    bool m_capabilitiesInFlight = false;
    bool m_outageReported = false;
    std::optional<Error> m_lastError;
    QList<Outgoing> m_held;            // waiting for the capabilities
    QHash<uint, Shown> m_shown;        // notification id → its rules
    QList<uint> m_shownOrder;          // oldest first, to bound m_shown
    QHash<QString, uint> m_openSingle; // rule id → open notification about only that rule
};

} // namespace mlwatch
