#pragma once

#include "core/common/clock.h"
#include "core/model/stage.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace mlwatch {

class AlertNotifier;
class AlertTrayIcon;
class DesktopNotifier;
class HttpClient;
class MainWindow;
class MissingCredentialsPage;
class MonitorSession;
class UserRuleStore;
class WebhookNotifier;
struct NotificationSettings;
namespace demo {
class DemoCloud;
}

// The `mlwatch` executable's composition: which account to watch (the demo cloud or the AWS
// credential chain), the session for it, the rules people made (UserRuleStore, beside the alert
// history), the alert notifications (desktop over D-Bus, webhooks) with the person's notification
// settings, the window and, where the desktop has a tray, the tray icon. Members are declared in
// dependency order so they are destroyed in reverse: tray, window, notifiers, user rules,
// session, demo cloud, clock.
//
// Folders (QStandardPaths::AppDataLocation + "/alerts", "/alerts/demo" for the demo, whose
// simulated incidents stay out of a real account's): alert-history.jsonl, alert-state.json and
// alert-rules.json.
class AppController : public QObject {
    Q_OBJECT
public:
    // Every rule is evaluated this often besides whenever its series changes, so that a rule
    // whose data stopped arriving goes to nodata (missing-data mode "missing") without a fetch.
    static constexpr int kAlertEvaluationIntervalMs = 60'000;

    // On the system clock.
    explicit AppController(QObject *parent = nullptr);
    // On `clock` (tests: a ManualClock), which must outlive the controller.
    explicit AppController(const Clock &clock, QObject *parent = nullptr);
    ~AppController() override;

    // Starts the simulated AWS cloud on loopback and shows it. False when it cannot listen.
    bool openDemo();
    // Tries the AWS credential chain; without credentials shows a page that explains why and
    // offers the demo.
    void openAws();
    // The tab to show first (for screenshots and for people who live in one stage).
    void setInitialStage(std::optional<Stage> stage) { m_initialStage = stage; }

    // What was composed (null before openDemo() / openAws() succeeded). For tests.
    MonitorSession *session() const { return m_session.get(); }
    MainWindow *window() const { return m_window.get(); }
    UserRuleStore *userRules() const { return m_userRules.get(); }
    AlertNotifier *alertNotifier() const { return m_alertNotifier.get(); }
    DesktopNotifier *desktopNotifier() const { return m_desktopNotifier.get(); }
    WebhookNotifier *webhookNotifier() const { return m_webhookNotifier.get(); }
    QTimer *alertEvaluationTimer() { return &m_evaluationTimer; }

private:
    void showSession(const QString &accountLabel, const QString &alertDirectory);
    void startNotifications();
    void applyNotificationSettings(const NotificationSettings &settings);
    void showTrayIcon();

    SystemClock m_systemClock;
    const Clock &m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<UserRuleStore> m_userRules;
    QTimer m_evaluationTimer;
    std::unique_ptr<HttpClient> m_webhookHttp; // webhooks are not cloud API calls: off the session's meter
    std::unique_ptr<DesktopNotifier> m_desktopNotifier;
    std::unique_ptr<WebhookNotifier> m_webhookNotifier;
    std::unique_ptr<AlertNotifier> m_alertNotifier;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AlertTrayIcon> m_tray;
    std::unique_ptr<MissingCredentialsPage> m_missingCredentials;
    std::optional<Stage> m_initialStage;
};

} // namespace mlwatch
