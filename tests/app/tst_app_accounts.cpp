// The app's start-up on this machine's accounts, as main() composes it (AppController), with the
// account list and settings in a throw-away folder and the secrets in a real Secret Service
// (gnome-keyring in a private D-Bus session: tests/support/with-keyring.sh):
//  - no account: the welcome page, with the count of credentials found to import;
//  - one AWS account whose endpoint is the demo cloud on loopback and whose secret is the demo's
//    credentials: the session opens and the charts appear;
//  - temporary credentials about to lapse: the status bar says when (local time, zone), and
//    again once they have lapsed;
//  - an Azure account beside the AWS one (the simulated Azure on loopback, its secret from the
//    keychain): both open in one session and the Azure resources get charts; an Azure account
//    whose endpoint the policy refuses leaves the AWS one open and is named in the status bar;
//  - two AWS accounts (each on its own simulated AWS, accepting only its own keys): both open,
//    the first as the primary, each queried on its own cloud; one whose secret is gone from the
//    keychain is named in the status bar and the other opens alone;
//  - a Google account alone (the simulated Google Cloud on loopback, its key file from the
//    keychain) opens and its Vertex AI resources get charts; one whose key file's token_uri the
//    policy refuses is not sent a token;
//  - a secret gone from the keychain, an endpoint the policy refuses: the page says exactly why, with
//  "Accounts…" and "Open the demo" — never an empty chart;
//  - File → Accounts… opens the accounts dialog on the same store;
//  - MLWATCH_CA_BUNDLE reaches the session's HTTP client; one that cannot be read is reported.
#include "../support/manual_clock.h"
#include "app/app_controller.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/net/http_client.h"
#include "core/session/monitor_session.h"
#include "demo/demo_azure_cloud.h"
#include "demo/demo_cloud.h"
#include "demo/demo_gcp_cloud.h"
#include "gui/accounts_dialog.h"
#include "gui/credential_expiry_watcher.h"
#include "gui/main_window.h"
#include "gui/notification_settings.h"
#include "gui/stage_tab.h"
#include "gui/welcome_page.h"

#include <QAction>
#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 60'000; // generous: the keychain, discovery and the first fetch on a loaded machine
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

} // namespace

class TestAppAccounts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStoreShowsTheWelcomePage();
    void awsAccountOnTheDemoCloudShowsCharts();
    void expiringCredentialsAreAnnouncedInTheStatusBar();
    void azureAccountOpensBesideTheAwsOne();
    void refusedAzureAccountLeavesTheAwsOneOpen();
    void severalAwsAccountsOpenSideBySide_data();
    void severalAwsAccountsOpenSideBySide();
    void googleAccountOpensAlone();
    void googleKeyWithForeignTokenUriIsRefused();
    void missingSecretSaysSoOnThePage();
    void refusedEndpointSaysSoOnThePage();
    void fileMenuOpensTheAccountsDialog();
    void caBundleReachesTheSessionsHttpClient_data();
    void caBundleReachesTheSessionsHttpClient();

private:
    // The app's own list path and keychain service, filled the way the CLI or the dialog would.
    Result<void> addAccount(const Account &account, const AccountSecret &secret) {
        CredentialStore credentials;
        AccountStore store(accountListPath(), credentials);
        if (Result<void> loaded = store.load(); !loaded)
            return loaded;
        return store.addAndWait(account, secret);
    }
    static QString accountListPath() {
        return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
               QStringLiteral("/accounts.json");
    }
    Account demoAccount() const {
        Account a;
        a.id = QStringLiteral("demo-on-loopback");
        a.label = QStringLiteral("Loopback");
        a.kind = AccountKind::Aws;
        a.regions = {demo::DemoCloud::region()};
        a.endpointUrl = m_cloud->endpoint().toString();
        a.source = QStringLiteral("test");
        return a;
    }
    Account demoAzureAccount() const {
        Account a;
        a.id = QStringLiteral("azure-on-loopback");
        a.label = QStringLiteral("Azure loopback");
        a.kind = AccountKind::Azure;
        a.tenantId = demo::DemoAzureCloud::tenantId();
        a.clientId = demo::DemoAzureCloud::clientId();
        a.subscriptionIds = {demo::DemoAzureCloud::subscriptionId()};
        a.authorityHost = m_azure->authorityHost().toString();
        a.endpointUrl = m_azure->armEndpoint().toString();
        a.source = QStringLiteral("test");
        return a;
    }
    Account demoGoogleAccount() const;
    static AccountSecret demoAzureSecret() {
        AccountSecret s;
        s.clientSecret = demo::DemoAzureCloud::clientSecret();
        return s;
    }
    static AccountSecret demoSecret() {
        AccountSecret s;
        s.accessKeyId = demo::DemoCloud::credentials().accessKeyId;
        s.secretAccessKey = demo::DemoCloud::credentials().secretAccessKey;
        return s;
    }
    // Opens the accounts and waits for the outcome (a session, or the page).
    static bool open(AppController &app) {
        QSignalSpy opened(&app, &AppController::accountsOpened);
        app.openAccounts();
        return !opened.isEmpty() || opened.wait(kWaitMs);
    }
    static QString pageText(const AppController &app, const char *name) {
        return app.welcomePage()->findChild<QLabel *>(QLatin1String(name))->text();
    }
    static QLabel *notice(const AppController &app) {
        return app.window()->findChild<QLabel *>(QStringLiteral("alertNoticeLabel"));
    }

    test::ManualClock m_clock{kNow};
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<demo::DemoCloud> m_cloud;
    std::unique_ptr<demo::DemoAzureCloud> m_azure;
    std::unique_ptr<demo::DemoGoogleCloud> m_google;
};

void TestAppAccounts::initTestCase() {
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "run through ctest (tests/support/with-keyring.sh)");
    QCoreApplication::setApplicationName(QStringLiteral("mlwatch-tst-app-accounts"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestAppAccounts::init() {
    m_clock.set(kNow); // a test may have moved it; the demo clouds check signatures against kNow
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    qputenv("XDG_DATA_HOME", m_home->filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home->filePath(QStringLiteral("xdg-config")).toUtf8());
    qunsetenv("MLWATCH_CA_BUNDLE");
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_home->filePath(QStringLiteral("config")));
    QSettings().clear();
    // No desktop notifications from the demo's incidents on this bus.
    NotificationSettings quiet;
    quiet.desktopEnabled = false;
    QSettings settings;
    quiet.save(settings);
    QVERIFY(accountListPath().startsWith(m_home->path()));
    m_cloud = std::make_unique<demo::DemoCloud>();
    QVERIFY(m_cloud->start(kNow));
    m_azure = std::make_unique<demo::DemoAzureCloud>();
    QVERIFY(m_azure->start(kNow));
    m_google = std::make_unique<demo::DemoGoogleCloud>();
    QVERIFY(m_google->start(kNow));
}

void TestAppAccounts::cleanup() {
    m_google.reset();
    m_azure.reset();
    m_cloud.reset();
    m_home.reset();
}

void TestAppAccounts::emptyStoreShowsTheWelcomePage() {
    // A fixture home with one static profile: the page counts it.
    const QString aws = m_home->filePath(QStringLiteral("home/.aws"));
    QVERIFY(QDir().mkpath(aws));
    QFile credentials(aws + QStringLiteral("/credentials"));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[default]\naws_access_key_id = AKIAWELCOMEPAGE00001\n"
                      "aws_secret_access_key = MARKER-app-welcome-secret\n");
    credentials.close();
    QFile config(aws + QStringLiteral("/config"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = eu-west-1\n");
    config.close();

    AppController app(m_clock);
    app.setImportSource(QProcessEnvironment(), m_home->filePath(QStringLiteral("home")));
    QVERIFY(open(app));
    QVERIFY(!app.session());
    QVERIFY(!app.window());
    QVERIFY(app.welcomePage());
    QVERIFY(app.welcomePage()->isVisible());
    QCOMPARE(app.welcomePage()->mode(), WelcomePage::Mode::FirstStart);
    QVERIFY2(pageText(app, "foundLabel").contains(QStringLiteral("1 ready to import")),
             qPrintable(pageText(app, "foundLabel")));
    for (const char *name : {"importButton", "addButton", "openDemoButton"})
        QVERIFY2(app.welcomePage()->findChild<QPushButton *>(QLatin1String(name))->isVisible(), name);
}

void TestAppAccounts::awsAccountOnTheDemoCloudShowsCharts() {
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    AppController app(m_clock);
    app.setImportSource(QProcessEnvironment(), m_home->path());
    QVERIFY(open(app));
    QVERIFY2(app.session(), app.welcomePage() ? qPrintable(pageText(app, "welcomeMessage")) : "no session");
    QVERIFY(app.window() && app.window()->isVisible());
    QVERIFY(!app.welcomePage() || !app.welcomePage()->isVisible());
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Loopback")));
    if (app.session()->charts().isEmpty()) {
        QSignalSpy ready(app.session(), &MonitorSession::chartsReady);
        QVERIFY(ready.wait(kWaitMs));
    }
    QVERIFY(!app.session()->charts().isEmpty());
    QVERIFY(m_cloud->requestCount() > 0); // signed with the keychain's secret, accepted by the demo
    QCOMPARE(app.expiryWatcher()->state(), CredentialExpiryWatcher::State::None);
}

void TestAppAccounts::expiringCredentialsAreAnnouncedInTheStatusBar() {
    Account account = demoAccount();
    account.expiresAt = kNow.addSecs(10 * 60);
    QVERIFY(addAccount(account, demoSecret()));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(app.session());
    QLabel *label = notice(app);
    QVERIFY(label->isVisible());
    const QString time = QLocale().toString(account.expiresAt.toLocalTime().time(), QLocale::ShortFormat);
    QVERIFY2(label->text().contains(QStringLiteral("expire")) && label->text().contains(time) &&
                 label->text().contains(QStringLiteral("(UTC)")),
             qPrintable(label->text()));

    m_clock.advanceSeconds(11 * 60);
    QVERIFY(QMetaObject::invokeMethod(app.expiryWatcher()->timer(), "timeout", Qt::DirectConnection));
    QVERIFY2(label->text().contains(QStringLiteral("expired")), qPrintable(label->text()));
}

void TestAppAccounts::azureAccountOpensBesideTheAwsOne() {
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    QVERIFY(addAccount(demoAzureAccount(), demoAzureSecret()));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY2(app.session(), app.welcomePage() ? qPrintable(pageText(app, "welcomeMessage")) : "no session");
    QCOMPARE(app.session()->accounts().size(), 2);
    QCOMPARE(app.session()->accounts().at(1).kind, AccountKind::Azure);
    QCOMPARE(app.session()->accounts().at(1).id, demoAzureAccount().id);
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Loopback")));
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Azure loopback")));
    if (app.session()->charts().isEmpty()) {
        QSignalSpy ready(app.session(), &MonitorSession::chartsReady);
        QVERIFY(ready.wait(kWaitMs));
    }
    bool aws = false;
    bool azure = false;
    for (const ChartSpec &chart : app.session()->charts()) {
        aws = aws || chart.cloud == QLatin1String("aws");
        azure = azure || (chart.cloud == QLatin1String("azure") && chart.account == demoAzureAccount().id);
    }
    QVERIFY2(aws, qPrintable(notice(app)->toolTip()));
    QVERIFY(azure);
    // The keychain's client secret was accepted (a token, then the listings).
    const QStringList calls = m_azure->receivedCalls();
    QVERIFY2(calls.contains(QStringLiteral("token")) && calls.contains(QStringLiteral("list-workspaces")),
             qPrintable(calls.join(QLatin1Char(' '))));
    QVERIFY(app.window()->stageTab(Stage::Monitoring)->isGroupedByAccount());
}

void TestAppAccounts::refusedAzureAccountLeavesTheAwsOneOpen() {
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    Account foreign = demoAzureAccount();
    foreign.endpointUrl = QStringLiteral("https://management.attacker.example/");
    QVERIFY(addAccount(foreign, demoAzureSecret()));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(app.session());
    QCOMPARE(app.session()->accounts().size(), 1); // the AWS one
    QCOMPARE(app.session()->accounts().first().kind, AccountKind::Aws);
    QLabel *label = notice(app);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("Azure loopback")), qPrintable(label->text()));
    QVERIFY2(label->toolTip().contains(QStringLiteral("management.attacker.example")),
             qPrintable(label->toolTip()));
    QCOMPARE(m_azure->requestCount(), quint64(0)); // no token asked for anywhere
}

void TestAppAccounts::severalAwsAccountsOpenSideBySide_data() {
    QTest::addColumn<int>("missingSecret"); // 0: none, 1: the first account's, 2: the second's
    QTest::newRow("both open, the first as primary") << 0;
    QTest::newRow("the second's secret gone: the first opens, the second is named") << 2;
    QTest::newRow("the first's secret gone: the second opens as primary") << 1;
}

void TestAppAccounts::severalAwsAccountsOpenSideBySide() {
    QFETCH(int, missingSecret);
    // A second simulated AWS that accepts only its own keys: a query sent to the wrong cloud fails.
    demo::DemoCloud research;
    aws::AwsCredentials keys;
    keys.accessKeyId = QStringLiteral("AKIARESEARCH00000002");
    keys.secretAccessKey = QStringLiteral("research-secret-key-for-the-app-test");
    research.setAcceptedCredentials(keys);
    QVERIFY(research.start(kNow));
    Account second = demoAccount();
    second.id = QStringLiteral("research-on-loopback");
    second.label = QStringLiteral("Research");
    second.regions = {demo::DemoCloud::region(), QStringLiteral("eu-west-1")}; // opens in the first
    second.endpointUrl = research.endpoint().toString();
    AccountSecret secondSecret;
    secondSecret.accessKeyId = keys.accessKeyId;
    secondSecret.secretAccessKey = keys.secretAccessKey;
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    QVERIFY(addAccount(second, secondSecret));
    if (missingSecret != 0) {
        CredentialStore credentials; // gone from the keychain behind the app's back
        QVERIFY(credentials.removeAndWait(missingSecret == 1 ? demoAccount().id : second.id));
    }

    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY2(app.session(), app.welcomePage() ? qPrintable(pageText(app, "welcomeMessage")) : "no session");
    const QList<SessionAccount> accounts = app.session()->accounts();
    const QString title = app.window()->windowTitle();
    if (missingSecret == 0) {
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts.at(0).id, QString()); // the primary: series keys as a single account's
        QCOMPARE(accounts.at(1).id, second.id);
        QCOMPARE(accounts.at(1).kind, AccountKind::Aws);
        QVERIFY2(accounts.at(1).label.contains(demo::DemoCloud::region()), qPrintable(accounts.at(1).label));
        QVERIFY2(title.contains(QStringLiteral("Loopback")) && title.contains(QStringLiteral("Research")),
                 qPrintable(title));
    } else {
        const QString opened = missingSecret == 1 ? QStringLiteral("Research") : QStringLiteral("Loopback");
        const QString named = missingSecret == 1 ? QStringLiteral("Loopback") : QStringLiteral("Research");
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.first().id, QString()); // the one that opened is the primary
        QVERIFY2(title.contains(opened) && !title.contains(named), qPrintable(title));
        QVERIFY(notice(app)->isVisible());
        QVERIFY2(notice(app)->text().contains(named), qPrintable(notice(app)->text()));
    }
    if (app.session()->charts().isEmpty()) {
        QSignalSpy ready(app.session(), &MonitorSession::chartsReady);
        QVERIFY(ready.wait(kWaitMs));
    }
    QSet<QString> chartAccounts;
    for (const ChartSpec &chart : app.session()->charts())
        chartAccounts.insert(chart.account);
    QCOMPARE(chartAccounts,
             missingSecret == 0 ? (QSet<QString>{QString(), second.id}) : QSet<QString>{QString()});
    // Each account's queries reach its own cloud, signed with its own keys; none reach a cloud
    // whose account could not be opened.
    const QString fetch = QStringLiteral("GetMetricData");
    if (missingSecret != 1)
        QTRY_VERIFY_WITH_TIMEOUT(m_cloud->receivedCalls().contains(fetch), kWaitMs);
    else
        QCOMPARE(m_cloud->requestCount(), quint64(0));
    if (missingSecret != 2)
        QTRY_VERIFY_WITH_TIMEOUT(research.receivedCalls().contains(fetch), kWaitMs);
    else
        QCOMPARE(research.requestCount(), quint64(0));
    if (missingSecret == 0)
        QVERIFY(app.window()->stageTab(Stage::Monitoring)->isGroupedByAccount());
}

Account TestAppAccounts::demoGoogleAccount() const {
    Account a;
    a.id = QStringLiteral("gcp-on-loopback");
    a.label = QStringLiteral("Google loopback");
    a.kind = AccountKind::Gcp;
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = demo::DemoGoogleCloud::serviceAccountEmail();
    a.projectIds = {demo::DemoGoogleCloud::projectId()};
    a.endpointUrl = m_google->monitoringEndpoint().toString();
    a.tokenUri = m_google->tokenUri().toString();
    return a;
}

void TestAppAccounts::googleAccountOpensAlone() {
    AccountSecret secret;
    secret.googleCredentialsJson = m_google->serviceAccountKeyJson();
    QVERIFY(addAccount(demoGoogleAccount(), secret));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY2(app.session(), app.welcomePage() ? qPrintable(pageText(app, "welcomeMessage")) : "no session");
    QCOMPARE(app.session()->accounts().size(), 1);
    QCOMPARE(app.session()->accounts().first().kind, AccountKind::Gcp);
    QVERIFY(app.window()->windowTitle().contains(QStringLiteral("Google loopback")));
    if (app.session()->charts().isEmpty()) {
        QSignalSpy ready(app.session(), &MonitorSession::chartsReady);
        QVERIFY(ready.wait(kWaitMs));
    }
    bool endpointChart = false;
    for (const ChartSpec &chart : app.session()->charts()) {
        QCOMPARE(chart.cloud, QStringLiteral("gcp"));
        endpointChart =
            endpointChart || chart.id == QLatin1String("monitoring/latency/gcp-on-loopback/churn-scoring");
    }
    QVERIFY(endpointChart);
    // The keychain's key was accepted (a token, then the Vertex AI listings).
    const QStringList calls = m_google->receivedCalls();
    QVERIFY2(calls.contains(QStringLiteral("token")) && calls.contains(QStringLiteral("endpoints.list")),
             qPrintable(calls.join(QLatin1Char(' '))));
}

void TestAppAccounts::googleKeyWithForeignTokenUriIsRefused() {
    // The account list names the loopback token endpoint, the key file another host: the key's
    // token_uri is where the token request would go, so it is the one checked.
    QJsonObject key = QJsonDocument::fromJson(m_google->serviceAccountKeyJson()).object();
    key.insert(QStringLiteral("token_uri"), QStringLiteral("https://oauth2.attacker.example/token"));
    AccountSecret secret;
    secret.googleCredentialsJson = QJsonDocument(key).toJson(QJsonDocument::Compact);
    QVERIFY(addAccount(demoGoogleAccount(), secret));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(!app.session());
    QCOMPARE(app.welcomePage()->mode(), WelcomePage::Mode::Problem);
    const QString message = pageText(app, "welcomeMessage");
    QVERIFY2(message.contains(QStringLiteral("oauth2.attacker.example")), qPrintable(message));
    QVERIFY(app.welcomePage()->findChild<QPushButton *>(QStringLiteral("accountsButton"))->isVisible());
    QCOMPARE(m_google->requestCount(), quint64(0)); // no token asked for anywhere
}

void TestAppAccounts::missingSecretSaysSoOnThePage() {
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    CredentialStore credentials;
    QVERIFY(credentials.removeAndWait(demoAccount().id)); // gone from the keychain behind the app's back
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(!app.session());
    QCOMPARE(app.welcomePage()->mode(), WelcomePage::Mode::Problem);
    QVERIFY2(pageText(app, "welcomeHeading").contains(QStringLiteral("Loopback")),
             qPrintable(pageText(app, "welcomeHeading")));
    QVERIFY(!pageText(app, "welcomeMessage").isEmpty()); // the store's own words
    QCOMPARE(m_cloud->requestCount(), quint64(0));       // nothing fetched anonymously

    // "Open the demo" still works from there.
    QTest::mouseClick(app.welcomePage()->findChild<QPushButton *>(QStringLiteral("openDemoButton")),
                      Qt::LeftButton);
    QVERIFY(app.session());
    QVERIFY(!app.welcomePage()->isVisible());
}

void TestAppAccounts::refusedEndpointSaysSoOnThePage() {
    Account foreign = demoAccount();
    foreign.endpointUrl = QStringLiteral("https://metrics.attacker.example/");
    QVERIFY(addAccount(foreign, demoSecret()));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(!app.session());
    QCOMPARE(app.welcomePage()->mode(), WelcomePage::Mode::Problem);
    const QString message = pageText(app, "welcomeMessage");
    QVERIFY2(message.contains(QStringLiteral("metrics.attacker.example")), qPrintable(message));
}

void TestAppAccounts::fileMenuOpensTheAccountsDialog() {
    QVERIFY(addAccount(demoAccount(), demoSecret()));
    AppController app(m_clock);
    QVERIFY(open(app));
    QVERIFY(app.window());
    auto *action = app.window()->findChild<QAction *>(QStringLiteral("actionAccounts"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = app.window()->findChild<AccountsDialog *>(QStringLiteral("accountsDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->selectedId(), demoAccount().id);
    QCOMPARE(app.openAccountsDialog(), dialog); // one at a time
}

void TestAppAccounts::caBundleReachesTheSessionsHttpClient_data() {
    QTest::addColumn<bool>("valid");
    QTest::newRow("a PEM bundle: its certificates are added") << true;
    QTest::newRow("not a certificate: the status bar says so and the app goes on") << false;
}

void TestAppAccounts::caBundleReachesTheSessionsHttpClient() {
    QFETCH(bool, valid);
    const QString bundle = m_home->filePath(QStringLiteral("corporate-ca.pem"));
    if (valid) {
        // A self-signed CA made with the openssl CLI, as tst_http_client_ca_bundle does.
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=MLWatch test CA"),
                       QStringLiteral("-keyout"), m_home->filePath(QStringLiteral("ca.key")),
                       QStringLiteral("-out"), bundle});
        if (!openssl.waitForStarted())
            QSKIP("the openssl CLI is not installed");
        QVERIFY(openssl.waitForFinished(kWaitMs));
        QCOMPARE(openssl.exitCode(), 0);
    } else {
        QFile f(bundle);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    }
    qputenv(HttpClient::kCaBundleVariable, bundle.toUtf8());
    AppController app(m_clock);
    qunsetenv(HttpClient::kCaBundleVariable);
    QVERIFY(app.openDemo());
    QCOMPARE(app.session()->http().extraCaCertificates().size(), valid ? 1 : 0);
    QLabel *label = notice(app);
    if (valid) {
        QVERIFY(!label->isVisible());
        return;
    }
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("CA bundle")), qPrintable(label->text()));
    QVERIFY2(label->toolTip().contains(bundle), qPrintable(label->toolTip()));
}

QTEST_MAIN(TestAppAccounts)
#include "tst_app_accounts.moc"
