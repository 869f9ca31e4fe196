#pragma once

#include "core/common/clock.h"
#include "core/model/stage.h"

#include <QObject>

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
class WebhookNotifier;
namespace demo {
class DemoCloud;
}

// The `mlwatch` executable's composition: which account to watch (the demo cloud or the AWS
// credential chain), the session for it, the alert notifications (desktop over D-Bus, webhooks),
// the window and, where the desktop has a tray, the tray icon. Members are declared in dependency
// order so they are destroyed in reverse: tray, window, notifiers, session, demo cloud, clock.
class AppController : public QObject {
    Q_OBJECT
public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // Starts the simulated AWS cloud on loopback and shows it. False when it cannot listen.
    bool openDemo();
    // Tries the AWS credential chain; without credentials shows a page that explains why and
    // offers the demo.
    void openAws();
    // The tab to show first (for screenshots and for people who live in one stage).
    void setInitialStage(std::optional<Stage> stage) { m_initialStage = stage; }

private:
    void showSession(const QString &accountLabel, const QString &alertHistoryDirectory);
    void startNotifications();
    void showTrayIcon();

    SystemClock m_clock;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<MonitorSession> m_session;
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
