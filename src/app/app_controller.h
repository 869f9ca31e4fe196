#pragma once

#include "core/common/clock.h"
#include "core/common/error.h"
#include "core/model/stage.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QTimer>

#include <memory>
#include <optional>

namespace mlwatch {

class AccountConnectionTester;
class AccountStore;
class AccountsDialog;
class AlertNotifier;
class AlertTrayIcon;
class CredentialExpiryWatcher;
class CredentialStore;
class DesktopNotifier;
class HttpClient;
class ImportCredentialsDialog;
class MainWindow;
class MonitorSession;
class UserRuleStore;
class WebhookNotifier;
class WelcomePage;
struct Account;
struct NotificationSettings;
namespace demo {
class DemoAzureCloud;
class DemoCloud;
class DemoGoogleCloud;
} // namespace demo

// The `mlwatch` executable's composition: which accounts to watch (the demo clouds — simulated
// AWS, Azure and Google Cloud side by side — or this machine's account store: every AWS, Azure and
// Google account, the first AWS one as primary, secrets from the keychain), the session for them,
// the rules people made (UserRuleStore, beside the alert history), the alert notifications (desktop over
// D-Bus, webhooks) with the person's notification settings, the window and, where the desktop has a tray, the
// tray icon. Members are declared in dependency order so they are destroyed in reverse: tray, window,
// notifiers, user rules, session, demo clouds, accounts, clock.
//
// Accounts: the list in QStandardPaths::AppConfigLocation + "/accounts.json" (shared with
// mlwatch-cli), secrets in the keychain under CredentialStore's default service (or
// MLWATCH_KEYCHAIN_SERVICE, as the CLI); every endpoint an account names is checked with
// EndpointPolicy (settings' trusted hosts) before a token or signature goes there. Without an
// account the welcome page offers import, adding by hand and the demo. When no account can be
// opened — a keychain error, a refused endpoint, an expired or missing secret — the page says why, with
// "Accounts…" / "Open the demo"; when some can, the session shows those and the status bar names each one
// that could not be opened — never an empty chart without saying why.
//
// MLWATCH_CA_BUNDLE (a PEM file) adds CA certificates to every HTTP client the app makes (the
// session's, the connection test's, the webhooks'); one that cannot be read is reported in the
// status bar and the app goes on without it.
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

    // The simulated Azure account of the demo.
    static constexpr char kDemoAzureAccountId[] = "demo-azure";
    // The simulated Google Cloud account of the demo.
    static constexpr char kDemoGoogleAccountId[] = "demo-gcp";

    // Starts the simulated AWS, Azure and Google clouds on loopback and shows their accounts side
    // by side. False when the AWS one cannot listen (one of the others that cannot is left out).
    bool openDemo();
    // Loads this machine's accounts and opens every AWS (each in its first region), Azure and Google
    // account (asynchronously: the secrets come from the keychain); one that cannot be opened is
    // named in the status bar and the others open. Shows the welcome page, or the page that says
    // why not, when none can.
    void openAccounts();
    // The tab to show first (for screenshots and for people who live in one stage).
    void setInitialStage(std::optional<Stage> stage) { m_initialStage = stage; }
    // Where Import… and the welcome page's count look (tests: a fixture home and environment).
    void setImportSource(const QProcessEnvironment &env, const QString &home);

    // File → Accounts… (and the pages' buttons): one dialog at a time, returned.
    AccountsDialog *openAccountsDialog();

    // What was composed (null before openDemo() / openAccounts() succeeded). For tests.
    MonitorSession *session() const { return m_session.get(); }
    MainWindow *window() const { return m_window.get(); }
    WelcomePage *welcomePage() const { return m_welcome.get(); }
    AccountStore *accountStore() const { return m_accounts.get(); }
    UserRuleStore *userRules() const { return m_userRules.get(); }
    AlertNotifier *alertNotifier() const { return m_alertNotifier.get(); }
    DesktopNotifier *desktopNotifier() const { return m_desktopNotifier.get(); }
    WebhookNotifier *webhookNotifier() const { return m_webhookNotifier.get(); }
    CredentialExpiryWatcher *expiryWatcher() const { return m_expiryWatcher.get(); }
    QTimer *alertEvaluationTimer() { return &m_evaluationTimer; }

Q_SIGNALS:
    // openAccounts() finished: a session is shown, or the welcome page in one of its states.
    void accountsOpened();

private:
    struct Opening;
    void openStoredAccounts(const QList<Account> &accounts);
    void composeStoredSession(const Opening &opening);
    WelcomePage *welcome(); // created and wired on first use
    void showWelcome();
    void showProblem(const QString &heading, const QString &message);
    ImportCredentialsDialog *openImport();
    void showSession(const QString &accountLabel, const QString &alertDirectory);
    void startNotifications();
    void applyNotificationSettings(const NotificationSettings &settings);
    void showTrayIcon();
    void configureHttp(HttpClient &http) const;
    QWidget *dialogParent() const;

    SystemClock m_systemClock;
    const Clock &m_clock;
    QProcessEnvironment m_importEnv;
    QString m_importHome;
    QList<QSslCertificate> m_extraCaCertificates; // MLWATCH_CA_BUNDLE
    std::optional<Error> m_caBundleError;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<HttpClient> m_accountHttp; // Test connection: off the session's request meter
    std::unique_ptr<AccountConnectionTester> m_tester;
    std::unique_ptr<demo::DemoCloud> m_demo;
    std::unique_ptr<demo::DemoAzureCloud> m_demoAzure;
    std::unique_ptr<demo::DemoGoogleCloud> m_demoGoogle;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<UserRuleStore> m_userRules;
    QTimer m_evaluationTimer;
    std::unique_ptr<HttpClient> m_webhookHttp; // webhooks are not cloud API calls: off the session's meter
    std::unique_ptr<DesktopNotifier> m_desktopNotifier;
    std::unique_ptr<WebhookNotifier> m_webhookNotifier;
    std::unique_ptr<AlertNotifier> m_alertNotifier;
    std::unique_ptr<CredentialExpiryWatcher> m_expiryWatcher;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AlertTrayIcon> m_tray;
    std::unique_ptr<WelcomePage> m_welcome;
    QPointer<AccountsDialog> m_accountsDialog;
    std::optional<Stage> m_initialStage;
    bool m_accountsLoaded = false;
    bool m_opening = false; // an account's secret is being read
};

} // namespace mlwatch
