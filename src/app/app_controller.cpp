#include "app/app_controller.h"

#include "core/alerts/alert_engine.h"
#include "core/alerts/alert_history.h"
#include "core/alerts/user_rules_file.h"
#include "core/auth/account_connection_tester.h"
#include "core/auth/account_resolution.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/auth/endpoint_policy.h"
#include "core/common/logging.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"
#include "demo/demo_gcp_cloud.h"
#include "gui/accounts_dialog.h"
#include "gui/alert_tray_icon.h"
#include "gui/credential_expiry_watcher.h"
#include "gui/import_credentials_dialog.h"
#include "gui/main_window.h"
#include "gui/notification_settings.h"
#include "gui/session_status_view.h"
#include "gui/user_rule_store.h"
#include "gui/welcome_page.h"
#include "gui/workspace_controller.h"
#include "notify/alert_notifier.h"
#include "notify/desktop_notifier.h"
#include "notify/webhook_notifier.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace mlwatch {

namespace {

// As mlwatch-cli: tests (and people with several keychain setups) choose the service name.
constexpr char kKeychainServiceVariable[] = "MLWATCH_KEYCHAIN_SERVICE";
const QString kExpiryNoticeKey = QStringLiteral("credentials-expiry");

} // namespace

AppController::AppController(QObject *parent)
    : AppController(m_systemClock, parent) {}

AppController::AppController(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_importEnv(QProcessEnvironment::systemEnvironment())
    , m_importHome(QDir::homePath()) {
    m_evaluationTimer.setObjectName(QStringLiteral("alertEvaluationTimer"));
    m_evaluationTimer.setInterval(kAlertEvaluationIntervalMs);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString service = env.value(QLatin1String(kKeychainServiceVariable)).trimmed();
    if (service.isEmpty())
        service = QString::fromLatin1(CredentialStore::kDefaultService);
    m_credentials = std::make_unique<CredentialStore>(service);
    m_accounts =
        std::make_unique<AccountStore>(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                                           QStringLiteral("/accounts.json"),
                                       *m_credentials);

    // A corporate proxy's CA: read once; every HTTP client the app makes gets it (configureHttp).
    if (const QString bundle = env.value(QLatin1String(HttpClient::kCaBundleVariable)); !bundle.isEmpty()) {
        Result<QList<QSslCertificate>> certificates = HttpClient::loadCaBundle(bundle);
        if (certificates)
            m_extraCaCertificates = *certificates;
        else
            m_caBundleError = certificates.error();
    }
}

AppController::~AppController() {
    // The window refers to the session, the session's provider to the demo cloud's socket; the
    // accounts dialog (a child of the window or the page) to the account store and the tester.
    m_welcome.reset();
    m_tray.reset();
    m_window.reset();
    m_expiryWatcher.reset();
    m_alertNotifier.reset();
    m_webhookNotifier.reset();
    m_desktopNotifier.reset();
    m_webhookHttp.reset();
    m_evaluationTimer.stop();
    m_userRules.reset();
    m_session.reset();
    m_demoGoogle.reset();
    m_demoAzure.reset();
    m_demo.reset();
    m_tester.reset();
    m_accountHttp.reset();
    m_accounts.reset();
    m_credentials.reset();
}

void AppController::setImportSource(const QProcessEnvironment &env, const QString &home) {
    m_importEnv = env;
    m_importHome = home;
}

void AppController::configureHttp(HttpClient &http) const {
    if (!m_extraCaCertificates.isEmpty())
        http.setExtraCaCertificates(m_extraCaCertificates);
}

bool AppController::openDemo() {
    if (m_session) { // already watching something: this window stays
        m_window->bringToFront();
        return true;
    }
    m_demo = std::make_unique<demo::DemoCloud>();
    if (!m_demo->start(m_clock.nowUtc())) {
        QMessageBox::critical(
            dialogParent(), tr("MLWatch"),
            tr("The demo cloud could not listen on 127.0.0.1. Is the loopback interface up?"));
        m_demo.reset();
        return false;
    }
    m_session =
        std::make_unique<MonitorSession>(m_clock, m_demo->resolved(), tr("Demo cloud (simulated AWS)"));
    QString label = tr("Demo cloud (simulated AWS)");

    // The simulated Azure beside it, spoken to like any Azure account (Entra ID token, ARM
    // discovery, metrics:getBatch), with the demo's dummy secret.
    m_demoAzure = std::make_unique<demo::DemoAzureCloud>();
    if (m_demoAzure->start(m_clock.nowUtc())) {
        Account demoAccount;
        demoAccount.id = QLatin1String(kDemoAzureAccountId);
        demoAccount.label = tr("Demo Azure (fraud-ml)");
        demoAccount.kind = AccountKind::Azure;
        demoAccount.tenantId = demo::DemoAzureCloud::tenantId();
        demoAccount.clientId = demo::DemoAzureCloud::clientId();
        demoAccount.subscriptionIds = {demo::DemoAzureCloud::subscriptionId()};
        demoAccount.authorityHost = m_demoAzure->authorityHost().toString();
        demoAccount.endpointUrl = m_demoAzure->armEndpoint().toString();
        demoAccount.source = tr("built-in demo");
        AccountSecret secret;
        secret.clientSecret = demo::DemoAzureCloud::clientSecret();
        azure::AzureEndpointConfig endpoint = MonitorSession::azureEndpointFor(demoAccount);
        endpoint.batchEndpoint = m_demoAzure->batchEndpoint(); // every region's data plane
        if (const Result<void> added = m_session->addAzureAccount(demoAccount, secret, endpoint); added)
            label = tr("Demo clouds (simulated AWS and Azure)");
        else
            qCWarning(lcDemo).noquote() << added.error().toString();
    } else {
        qCWarning(lcDemo) << "the simulated Azure could not listen; the demo shows it without Azure";
        m_demoAzure.reset();
    }
    // The simulated Google Cloud, spoken to like any Google account (a service-account key whose
    // JWT the demo verifies, Vertex AI discovery, timeSeries.list), with the demo's dummy key.
    m_demoGoogle = std::make_unique<demo::DemoGoogleCloud>();
    if (m_demoGoogle->start(m_clock.nowUtc())) {
        Account demoAccount;
        demoAccount.id = QLatin1String(kDemoGoogleAccountId);
        demoAccount.label = tr("Demo Google Cloud (%1)").arg(demo::DemoGoogleCloud::projectId());
        demoAccount.kind = AccountKind::Gcp;
        demoAccount.gcpCredentialType = QStringLiteral("service_account");
        demoAccount.clientEmail = demo::DemoGoogleCloud::serviceAccountEmail();
        demoAccount.projectIds = {demo::DemoGoogleCloud::projectId()};
        demoAccount.endpointUrl = m_demoGoogle->monitoringEndpoint().toString();
        demoAccount.tokenUri = m_demoGoogle->tokenUri().toString();
        demoAccount.source = tr("built-in demo");
        AccountSecret secret;
        secret.googleCredentialsJson = m_demoGoogle->serviceAccountKeyJson();
        gcp::GcpEndpointConfig endpoint = MonitorSession::googleEndpointFor(demoAccount);
        endpoint.aiplatformEndpoint = m_demoGoogle->aiplatformEndpoint();
        if (const Result<void> added =
                m_session->addGoogleAccount(demoAccount, secret, endpoint, m_demoGoogle->tokenUri());
            added)
            label = m_demoAzure ? tr("Demo clouds (simulated AWS, Azure and Google Cloud)")
                                : tr("Demo clouds (simulated AWS and Google Cloud)");
        else
            qCWarning(lcDemo).noquote() << added.error().toString();
    } else {
        qCWarning(lcDemo) << "the simulated Google Cloud could not listen; the demo shows it without Google";
        m_demoGoogle.reset();
    }
    // The demo's alerts keep their own history: simulated incidents stay out of a real account's.
    showSession(label, AlertHistory::defaultDirectory() + QStringLiteral("/demo"));
    return true;
}

// The accounts being opened and, as the keychain answers, their secrets (in call order).
struct AppController::Opening {
    QList<Account> accounts;
    QList<std::optional<Result<AccountSecret>>> secrets;
    int pending = 0;
};

void AppController::openAccounts() {
    if (m_session || m_opening)
        return; // watching already, or an account is being opened
    const Result<void> loaded = m_accounts->load();
    m_accountsLoaded = true;
    if (!loaded) {
        showProblem(tr("The account list could not be read"), loaded.error().message);
        return;
    }
    const QList<Account> all = m_accounts->accounts();
    if (all.isEmpty()) {
        showWelcome();
        return;
    }
    // Every account is watched: the first AWS one that opens is the session's primary.
    openStoredAccounts(all);
}

void AppController::openStoredAccounts(const QList<Account> &accounts) {
    m_opening = true;
    auto opening = std::make_shared<Opening>();
    opening->accounts = accounts;
    opening->secrets.resize(accounts.size());
    opening->pending = int(accounts.size());
    QPointer<AppController> self(this);
    // The secrets come from the keychain asynchronously (a locked keychain may ask for a
    // password), one after another in call order.
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        m_accounts->readSecret(accounts.at(i).id, [self, opening, i](Result<AccountSecret> secret) {
            opening->secrets[i] = std::move(secret);
            if (--opening->pending > 0 || !self)
                return;
            self->m_opening = false;
            if (!self->m_session)
                self->composeStoredSession(*opening);
        });
    }
}

void AppController::composeStoredSession(const Opening &opening) {
    struct Problem {
        QString accountId;
        QString heading;
        QString message;
    };
    QList<Problem> problems;
    const EndpointPolicy policy = EndpointPolicy::fromSettings(QSettings());
    // The AWS accounts in list order, each in its first region (resolveAwsAccount); the first
    // becomes the session's primary (series keys without an account), the rest carry their id.
    struct AwsOpen {
        Account account;
        AccountSecret secret;
        aws::AwsResolved resolved;
        QString label;
    };
    QList<AwsOpen> awsAccounts;
    struct AzureOpen {
        Account account;
        AccountSecret secret;
    };
    QList<AzureOpen> azureAccounts;
    QList<AzureOpen> googleAccounts;
    for (qsizetype i = 0; i < opening.accounts.size(); ++i) {
        const Account &account = opening.accounts.at(i);
        const Result<AccountSecret> &secret = *opening.secrets.at(i);
        if (!secret) {
            problems.append({account.id,
                             tr("The secret of “%1” could not be read").arg(account.displayName()),
                             secret.error().message});
            continue;
        }
        const QString cannotOpen = tr("“%1” cannot be opened").arg(account.displayName());
        if (account.kind == AccountKind::Aws) {
            const Result<aws::AwsResolved> resolved =
                resolveAwsAccount(account, *secret, policy, m_clock.nowUtc());
            if (!resolved) {
                problems.append({account.id, cannotOpen, resolved.error().message});
                continue;
            }
            awsAccounts.append({account, *secret, *resolved,
                                tr("AWS %1 — %2")
                                    .arg(resolved->endpoint.region.isEmpty() ? QStringLiteral("?")
                                                                             : resolved->endpoint.region,
                                         account.displayName())});
        } else if (account.kind == AccountKind::Gcp) {
            // The token goes to the key file's token_uri: that one is checked and used, not only
            // the copy in the account list.
            Account checked = account;
            const QString keyTokenUri = QJsonDocument::fromJson(secret->googleCredentialsJson)
                                            .object()
                                            .value(QLatin1String("token_uri"))
                                            .toString();
            if (!keyTokenUri.isEmpty())
                checked.tokenUri = keyTokenUri;
            if (const Result<void> allowed = policy.checkAccount(checked); !allowed)
                problems.append({account.id, cannotOpen, allowed.error().message});
            else
                googleAccounts.append({checked, *secret});
        } else if (const Result<void> allowed = policy.checkAccount(account); !allowed) {
            problems.append({account.id, cannotOpen, allowed.error().message});
        } else {
            azureAccounts.append({account, *secret});
        }
    }

    m_session = awsAccounts.isEmpty() ? std::make_unique<MonitorSession>(m_clock)
                                      : std::make_unique<MonitorSession>(
                                            m_clock, awsAccounts.first().resolved, awsAccounts.first().label);
    QStringList labels;
    // Temporary credentials: the status bar warns about the AWS account whose keys lapse first.
    std::optional<std::pair<QString, QDateTime>> expiry;
    const auto noteExpiry = [&expiry](const AwsOpen &a) {
        const QDateTime at = a.resolved.credentials.expiresAt.isValid() ? a.resolved.credentials.expiresAt
                                                                        : a.account.expiresAt;
        if (!expiry || (at.isValid() && (!expiry->second.isValid() || at < expiry->second)))
            expiry = std::make_pair(a.account.displayName(), at);
    };
    for (qsizetype i = 0; i < awsAccounts.size(); ++i) {
        const AwsOpen &a = awsAccounts.at(i);
        const Result<void> added =
            i == 0 ? Result<void>()
                   : m_session->addAwsAccount(a.account, a.secret, a.resolved.endpoint, a.label);
        if (added) {
            labels.append(a.label);
            noteExpiry(a);
        } else {
            problems.append({a.account.id, tr("“%1” cannot be opened").arg(a.account.displayName()),
                             added.error().message});
        }
    }
    for (const AzureOpen &a : std::as_const(azureAccounts)) {
        const Result<void> added =
            m_session->addAzureAccount(a.account, a.secret, MonitorSession::azureEndpointFor(a.account));
        if (added)
            labels.append(a.account.displayName());
        else
            problems.append({a.account.id, tr("“%1” cannot be opened").arg(a.account.displayName()),
                             added.error().message});
    }
    for (const AzureOpen &g : std::as_const(googleAccounts)) {
        const Result<void> added = m_session->addGoogleAccount(
            g.account, g.secret, MonitorSession::googleEndpointFor(g.account), QUrl(g.account.tokenUri));
        if (added)
            labels.append(g.account.displayName());
        else
            problems.append({g.account.id, tr("“%1” cannot be opened").arg(g.account.displayName()),
                             added.error().message});
    }
    if (labels.isEmpty()) { // nothing to watch: the first reason, on the page
        m_session.reset();
        showProblem(problems.first().heading, problems.first().message);
        return;
    }
    showSession(QLocale().createSeparatedList(labels), AlertHistory::defaultDirectory());
    // The accounts that could not be opened stay named in the status bar.
    for (const Problem &problem : std::as_const(problems))
        m_window->statusView()->showNotice(QStringLiteral("account:") + problem.accountId, problem.heading,
                                           problem.heading + QStringLiteral("\n") + problem.message);

    if (expiry) {
        // Temporary credentials: the status bar warns 15 minutes before they lapse, and after.
        m_expiryWatcher = std::make_unique<CredentialExpiryWatcher>(m_clock);
        CredentialExpiryWatcher *watcher = m_expiryWatcher.get();
        SessionStatusView *status = m_window->statusView();
        connect(watcher, &CredentialExpiryWatcher::changed, status, [status, watcher] {
            if (watcher->state() == CredentialExpiryWatcher::State::None)
                status->clearNotice(kExpiryNoticeKey);
            else
                status->showNotice(kExpiryNoticeKey, watcher->shortText(), watcher->fullText());
        });
        watcher->watch(expiry->first, expiry->second);
    }
    Q_EMIT accountsOpened();
}

QWidget *AppController::dialogParent() const {
    if (m_window && m_window->isVisible())
        return m_window.get();
    return m_welcome.get();
}

WelcomePage *AppController::welcome() {
    if (m_welcome)
        return m_welcome.get();
    m_welcome = std::make_unique<WelcomePage>();
    WelcomePage *page = m_welcome.get();
    connect(page, &WelcomePage::importRequested, this, [this] { (void)openImport(); });
    connect(page, &WelcomePage::accountsRequested, this, [this] { (void)openAccountsDialog(); });
    connect(page, &WelcomePage::addRequested, this, [this](AccountKind kind) {
        if (AccountsDialog *dialog = openAccountsDialog())
            (void)dialog->addAccount(kind);
    });
    connect(page, &WelcomePage::demoRequested, this, [this] { (void)openDemo(); });
    connect(page, &WelcomePage::quitRequested, qApp, &QApplication::quit);
    return page;
}

void AppController::showWelcome() {
    const ImportScan scan = ImportCredentialsDialog::scanMachine(m_importEnv, m_importHome);
    int importable = 0;
    for (const ImportCandidate &candidate : scan.candidates)
        importable += candidate.importable ? 1 : 0;
    welcome()->showFirstStart(importable, int(scan.candidates.size()) - importable);
    m_welcome->show();
    Q_EMIT accountsOpened();
}

void AppController::showProblem(const QString &heading, const QString &message) {
    welcome()->showProblem(heading, message);
    m_welcome->show();
    Q_EMIT accountsOpened();
}

ImportCredentialsDialog *AppController::openImport() {
    auto *dialog = new ImportCredentialsDialog(*m_accounts, m_importEnv, m_importHome, dialogParent());
    dialog->setObjectName(QStringLiteral("importCredentialsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Closed: what was imported may be watchable now.
    connect(dialog, &QDialog::finished, this, [this] { openAccounts(); });
    dialog->open();
    return dialog;
}

AccountsDialog *AppController::openAccountsDialog() {
    if (m_accountsDialog) {
        m_accountsDialog->raise();
        m_accountsDialog->activateWindow();
        return m_accountsDialog;
    }
    if (!m_accountsLoaded) { // opened from the demo: the list was not read yet
        m_accountsLoaded = true;
        (void)m_accounts->load(); // a broken file shows as an empty list; openAccounts() names it
    }
    if (!m_tester) {
        m_accountHttp = std::make_unique<HttpClient>();
        configureHttp(*m_accountHttp);
        m_tester = std::make_unique<AccountConnectionTester>(*m_accountHttp, m_clock);
    }
    auto *dialog = new AccountsDialog(*m_accounts, *m_tester, m_clock, dialogParent());
    dialog->setObjectName(QStringLiteral("accountsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setImportSource(m_importEnv, m_importHome);
    // Closed without a session: the accounts may be watchable now (or say why not).
    connect(dialog, &QDialog::finished, this, [this] { openAccounts(); });
    m_accountsDialog = dialog;
    dialog->open();
    return dialog;
}

void AppController::showSession(const QString &accountLabel, const QString &alertDirectory) {
    configureHttp(m_session->http());
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
    connect(m_window.get(), &MainWindow::accountsRequested, this, [this] { (void)openAccountsDialog(); });
    if (m_caBundleError)
        m_window->statusView()->showNotice(QStringLiteral("ca-bundle"), tr("Custom CA bundle not used"),
                                           m_caBundleError->message);
    if (m_initialStage)
        m_window->showStage(*m_initialStage);
    m_window->show();
    if (m_welcome)
        m_welcome->hide();
    startNotifications();
    showTrayIcon();
    // Evaluation also runs without new data, so that silence is noticed (nodata).
    connect(&m_evaluationTimer, &QTimer::timeout, &m_session->alerts(), &AlertEngine::evaluateAll,
            Qt::UniqueConnection);
    m_evaluationTimer.start();
    // The workspace of the last run, applied once discovery has answered; an unreadable one is
    // named in the status bar and the catalog's charts stay.
    (void)m_window->workspace()->openLast();
    m_session->start();
}
void AppController::startNotifications() {
    m_webhookHttp = std::make_unique<HttpClient>();
    configureHttp(*m_webhookHttp);
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
