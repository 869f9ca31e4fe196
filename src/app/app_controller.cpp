#include "app/app_controller.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/alerts/user_rules_file.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/providers/aws/aws_environment.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/alert_tray_icon.h"
#include "gui/main_window.h"
#include "gui/missing_credentials_page.h"
#include "gui/notification_settings.h"
#include "gui/session_status_view.h"
#include "gui/user_rule_store.h"
#include "notify/alert_notifier.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>

namespace mlwatch {

AppController::AppController(QObject *parent)
    : AppController(m_systemClock, parent) {}

AppController::AppController(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock) {
    m_evaluationTimer.setObjectName(QStringLiteral("alertEvaluationTimer"));
    m_evaluationTimer.setInterval(kAlertEvaluationIntervalMs);
}

AppController::~AppController() {
    // The window refers to the session, the session's provider to the demo cloud's socket.
    m_tray.reset();
    m_window.reset();
    m_alertNotifier.reset();
    m_webhookNotifier.reset();
    m_desktopNotifier.reset();
    m_webhookHttp.reset();
    m_evaluationTimer.stop();
    m_userRules.reset();
    m_session.reset();
    m_demo.reset();
}

bool AppController::openDemo() {
    m_demo = std::make_unique<demo::DemoCloud>();
    if (!m_demo->start(m_clock.nowUtc())) {
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

void AppController::showSession(const QString &accountLabel, const QString &alertDirectory) {
    // Alert history and states survive restarts: a rule firing before is firing after, without a
    // second notification. Without a readable history the app still runs; the panel starts empty.
    if (const Result<void> attached =
            m_session->alerts().attachHistory(std::make_unique<AlertHistory>(alertDirectory));
        !attached)
        qCWarning(lcAlerts).noquote() << attached.error().toString();
    // The rules people made, beside the history; they go over the defaults once the session has
    // built those. An unreadable file leaves the defaults, and the window says so.
    m_userRules = std::make_unique<UserRuleStore>(*m_session, UserRulesFile::pathIn(alertDirectory));
    (void)m_userRules->load(); // a failure is kept in loadError() for the window
    m_window = std::make_unique<MainWindow>(*m_session, m_clock, accountLabel);
    m_window->setUserRuleStore(m_userRules.get());
    if (m_initialStage)
        m_window->showStage(*m_initialStage);
    m_window->show();
    startNotifications();
    showTrayIcon();
    // Evaluation also runs without new data, so that silence is noticed (nodata).
    connect(&m_evaluationTimer, &QTimer::timeout, &m_session->alerts(), &AlertEngine::evaluateAll,
            Qt::UniqueConnection);
    m_evaluationTimer.start();
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
    // Quiet hours and the desktop switch: as stored, and again whenever the person changes them.
    applyNotificationSettings(NotificationSettings::load(QSettings()));
    MainWindow *window = m_window.get();
    connect(window, &MainWindow::notificationSettingsChanged, this,
            &AppController::applyNotificationSettings);

    // Delivery problems go to the status bar (short; in full in the tooltip) and leave it once
    // the same channel works again.
    SessionStatusView *status = window->statusView();
    const QString desktopKey = QStringLiteral("desktop");
    connect(m_desktopNotifier.get(), &DesktopNotifier::unavailable, status,
            [status, desktopKey](const QString &message) {
                status->showNotice(desktopKey, tr("Desktop notifications unavailable"), message);
            });
    connect(m_desktopNotifier.get(), &DesktopNotifier::shown, status,
            [status, desktopKey] { status->clearNotice(desktopKey); });
    AlertEngine *engine = &m_session->alerts();
    connect(m_webhookNotifier.get(), &WebhookNotifier::failed, status,
            [status, engine](const QString &ruleId, const Error &error) {
                const std::optional<AlertRule> rule = engine->rule(ruleId);
                const QString name = rule && !rule->name.isEmpty() ? rule->name : ruleId;
                status->showNotice(QStringLiteral("webhook:") + ruleId,
                                   tr("Webhook of \"%1\" failed").arg(name), error.message);
            });
    connect(m_webhookNotifier.get(), &WebhookNotifier::delivered, status,
            [status](const QString &ruleId) { status->clearNotice(QStringLiteral("webhook:") + ruleId); });

    // "Open": the window comes to the front with the rule's chart in view.
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

void AppController::applyNotificationSettings(const NotificationSettings &settings) {
    m_alertNotifier->setQuietHours(settings.quietHours);
    m_alertNotifier->setDesktopEnabled(settings.desktopEnabled);
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
