#include "app/app_controller.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/aws/aws_environment.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/alert_tray_icon.h"
#include "gui/main_window.h"
#include "gui/missing_credentials_page.h"
#include "notify/alert_notifier.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>

namespace mlwatch {

AppController::AppController(QObject *parent)
    : QObject(parent) {}

AppController::~AppController() {
    // The window refers to the session, the session's provider to the demo cloud's socket.
    m_tray.reset();
    m_window.reset();
    m_alertNotifier.reset();
    m_webhookNotifier.reset();
    m_desktopNotifier.reset();
    m_webhookHttp.reset();
    m_session.reset();
    m_demo.reset();
}

bool AppController::openDemo() {
    m_demo = std::make_unique<demo::DemoCloud>();
    if (!m_demo->start()) {
        QMessageBox::critical(
            nullptr, tr("MLWatch"),
            tr("The demo cloud could not listen on 127.0.0.1. Is the loopback interface up?"));
        return false;
    }
    m_session =
        std::make_unique<MonitorSession>(m_clock, m_demo->resolved(), tr("Demo cloud (simulated AWS)"));
    // The demo's alerts keep their own history: simulated incidents stay out of a real account's.
    showSession(tr("Demo cloud (simulated AWS)"), AlertHistory::defaultDirectory() + QStringLiteral("/demo"));
    return true;
}

void AppController::openAws() {
    const Result<aws::AwsResolved> resolved =
        aws::resolveAwsChain({}, QProcessEnvironment::systemEnvironment(), QDir::homePath());
    if (!resolved) {
        m_missingCredentials = std::make_unique<MissingCredentialsPage>(resolved.error());
        connect(m_missingCredentials.get(), &MissingCredentialsPage::quitRequested, qApp,
                &QApplication::quit);
        connect(m_missingCredentials.get(), &MissingCredentialsPage::demoRequested, this, [this] {
            if (openDemo())
                m_missingCredentials->hide();
        });
        m_missingCredentials->show();
        return;
    }
    // The source names where the keys came from ("profile default (…)"), never the keys.
    const QString label =
        tr("AWS %1 — %2")
            .arg(resolved->endpoint.region.isEmpty() ? QStringLiteral("?") : resolved->endpoint.region,
                 resolved->source);
    m_session = std::make_unique<MonitorSession>(m_clock, *resolved, label);
    showSession(label, AlertHistory::defaultDirectory());
}

void AppController::showSession(const QString &accountLabel, const QString &alertHistoryDirectory) {
    // Alert history and states survive restarts: a rule firing before is firing after, without a
    // second notification. Without a readable history the app still runs; the panel starts empty.
    if (const Result<void> attached =
            m_session->alerts().attachHistory(std::make_unique<AlertHistory>(alertHistoryDirectory));
        !attached)
        qCWarning(lcAlerts).noquote() << attached.error().toString();
    m_window = std::make_unique<MainWindow>(*m_session, m_clock, accountLabel);
    if (m_initialStage)
        m_window->showStage(*m_initialStage);
    m_window->show();
    startNotifications();
    showTrayIcon();
    m_session->start();
}

void AppController::startNotifications() {
    m_webhookHttp = std::make_unique<HttpClient>();
    m_desktopNotifier = std::make_unique<DesktopNotifier>(m_clock);
    m_webhookNotifier = std::make_unique<WebhookNotifier>(*m_webhookHttp);
    // Applies the notification's "Snooze 1 h" and "Acknowledge" to the engine itself.
    m_alertNotifier = std::make_unique<AlertNotifier>(m_session->alerts(), m_clock);
    m_alertNotifier->setDesktopNotifier(m_desktopNotifier.get());
    m_alertNotifier->setWebhookNotifier(m_webhookNotifier.get());
    // "Open": the window comes to the front with the rule's chart in view.
    MainWindow *window = m_window.get();
    connect(m_desktopNotifier.get(), &DesktopNotifier::openRequested, window,
            [window](const QString &ruleId) {
                window->bringToFront();
                window->revealRule(ruleId);
            });
    // No notification service on the bus: the tray's balloon says it instead, where there is one.
    connect(m_desktopNotifier.get(), &DesktopNotifier::undelivered, this,
            [this](const QString &summary, const QString &body) {
                if (m_tray)
                    m_tray->showMessage(summary, body);
            });
}

void AppController::showTrayIcon() {
    if (!AlertTrayIcon::isAvailable())
        return; // no tray on this desktop (plain X, offscreen): the window and notifications suffice
    m_tray = std::make_unique<AlertTrayIcon>(m_session->alerts());
    MainWindow *window = m_window.get();
    connect(m_tray.get(), &AlertTrayIcon::showWindowRequested, window, &MainWindow::bringToFront);
    connect(m_tray.get(), &AlertTrayIcon::showAlertsRequested, window, [window] {
        window->bringToFront();
        window->showAlertsPanel();
    });
    connect(m_tray.get(), &AlertTrayIcon::quitRequested, qApp, &QApplication::quit);
    m_tray->show();
}

} // namespace mlwatch
