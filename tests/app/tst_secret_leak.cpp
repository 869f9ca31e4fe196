// The promise of issue 3, end to end: an account's secrets live only in the keychain. With an
// AWS account whose key id, secret key and session token are distinctive marker strings (the
// simulated cloud accepts exactly those), this test runs the whole workflow a person would —
// the app opens the stored account, fetches every chart, evaluates the alert rules (which
// write their history), exports a tab's charts as CSV and PNG, writes a weekly review (PDF, PNGs,
// CSVs), quits — and then mlwatch-cli lists, tests and queries the same account. Afterwards every
// file under the throw-away HOME (settings, account list, alert history, exports, the report,
// Qt's caches), every log line of the app (all mlwatch categories switched on) and the CLI's
// stdout and stderr are scanned for the markers, their base64 and their percent-encoding: none
// may appear anywhere. The keyring file itself is encrypted by gnome-keyring, so it is scanned too.
//
// Runs inside tests/support/with-keyring.sh: a private D-Bus session, a real unlocked
// gnome-keyring, HOME a fresh temporary folder.
#include "../support/manual_clock.h"
#include "app/app_controller.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/providers/metric_provider.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/chart_exporter.h"
#include "gui/main_window.h"
#include "gui/notification_settings.h"
#include "gui/stage_tab.h"
#include "report/report_data_fetcher.h"
#include "report/weekly_report_writer.h"

#include <QDBusConnection>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 120'000; // generous: keychain, discovery, a week of data on a loaded machine
// The app runs on a manual clock, mlwatch-cli on the system clock, both against one demo cloud:
// so all three start from the real time (whole minutes, for round query windows).
const QDateTime kNow = [] {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()), Qt::UTC);
}();

// AWS-shaped markers (20- and 40-character keys), found nowhere else in the project.
const QString kKeyId = QStringLiteral("AKIALEAKMARKERQ7X2Z9");
const QString kSecret = QStringLiteral("LeakMarkerSecretKey/q8Vn3Rw5Tz1Yx7Bc4Df6");
const QString kToken = QStringLiteral("LeakMarkerSessionToken+Hj2Kl4Mn6Pq8Rs0Tu3Wv5Xy7Za9");

// Every form a marker could take on its way out: as is, base64 (a keychain blob, a JSON dump),
// percent-encoded (a URL or form body).
QList<QByteArray> forbiddenNeedles() {
    QList<QByteArray> needles;
    for (const QString &marker : {kKeyId, kSecret, kToken}) {
        const QByteArray raw = marker.toUtf8();
        needles << raw << raw.toBase64() << QUrl::toPercentEncoding(marker);
    }
    // The distinctive middle of each, in case a writer cut or wrapped a value.
    needles << QByteArrayLiteral("LEAKMARKERQ7X2Z9") << QByteArrayLiteral("q8Vn3Rw5Tz1Yx7Bc4Df6")
            << QByteArrayLiteral("Hj2Kl4Mn6Pq8Rs0Tu3Wv5Xy7Za9");
    return needles;
}

QStringList leaksIn(const QByteArray &text, const QString &where) {
    QStringList found;
    for (const QByteArray &needle : forbiddenNeedles())
        if (text.contains(needle))
            found << where + QStringLiteral(": contains a form of a secret marker");
    return found;
}

// Everything the app logged, with every mlwatch category on (debug included), so a secret that
// reached any log line is caught.
QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    {
        QMutexLocker lock(&g_logMutex);
        g_log += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

void enableEveryMlwatchCategory(QLoggingCategory *category) {
    if (g_previousFilter)
        g_previousFilter(category); // Qt's own rules for everything else
    if (qstrncmp(category->categoryName(), "mlwatch", 7) == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    }
}

template <typename Predicate> bool waitFor(Predicate ready, int timeoutMs = kWaitMs) {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (ready())
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit); // a guard against hangs, not a timing
    if (!ready())
        loop.exec();
    return ready();
}

} // namespace

class TestSecretLeak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secretsAppearNowhereButTheKeychain();
    void cleanupTestCase();

private:
    QString home(const QString &relative = QString()) const {
        return relative.isEmpty() ? QDir::homePath() : QDir::homePath() + QLatin1Char('/') + relative;
    }
    void runTheApp();
    void runTheCli(QStringList &problems);
    QProcessEnvironment cliEnvironment() const;

    test::ManualClock m_clock{kNow};
    std::unique_ptr<demo::DemoCloud> m_cloud;
    QByteArray m_cliOutput;
};

void TestSecretLeak::initTestCase() {
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "run through ctest (tests/support/with-keyring.sh gives a keyring and a throw-away HOME)");
    // Everything the app and the CLI write goes under the throw-away HOME that gets scanned.
    QVERIFY2(qEnvironmentVariableIsSet("MLWATCH_IN_KEYRING_SESSION"),
             "HOME must be the script's throw-away folder");
    qputenv("XDG_CONFIG_HOME", home(QStringLiteral(".config")).toUtf8());
    qputenv("XDG_DATA_HOME", home(QStringLiteral(".local/share")).toUtf8());
    qputenv("XDG_CACHE_HOME", home(QStringLiteral(".cache")).toUtf8());
    qunsetenv("MLWATCH_CA_BUNDLE");
    qunsetenv("MLWATCH_KEYCHAIN_SERVICE");
    QCoreApplication::setOrganizationName(QStringLiteral("MLWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("mlwatch"));
    // No desktop notifications for the demo's incidents on this bus.
    NotificationSettings quiet;
    quiet.desktopEnabled = false;
    QSettings settings;
    quiet.save(settings);

    g_previousHandler = qInstallMessageHandler(captureMessage);
    g_previousFilter = QLoggingCategory::installFilter(enableEveryMlwatchCategory);

    m_cloud = std::make_unique<demo::DemoCloud>();
    aws::AwsCredentials markers;
    markers.accessKeyId = kKeyId;
    markers.secretAccessKey = kSecret;
    markers.sessionToken = kToken;
    m_cloud->setAcceptedCredentials(markers);
    QVERIFY(m_cloud->start(kNow));

    // The account, as Accounts… or `accounts add` would store it.
    Account account;
    account.id = QStringLiteral("leak-check");
    account.label = QStringLiteral("Leak check");
    account.kind = AccountKind::Aws;
    account.regions = {demo::DemoCloud::region()};
    account.endpointUrl = m_cloud->endpoint().toString();
    account.expiresAt = kNow.addDays(365);
    account.source = QStringLiteral("added by hand");
    AccountSecret secret;
    secret.accessKeyId = kKeyId;
    secret.secretAccessKey = kSecret;
    secret.sessionToken = kToken;
    CredentialStore credentials;
    AccountStore store(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                           QStringLiteral("/accounts.json"),
                       credentials);
    QVERIFY(store.load());
    const Result<void> added = store.addAndWait(account, secret);
    QVERIFY2(added, added ? "" : qPrintable(added.error().toString()));
}

void TestSecretLeak::cleanupTestCase() {
    QLoggingCategory::installFilter(g_previousFilter);
    qInstallMessageHandler(g_previousHandler);
    m_cloud.reset();
}

void TestSecretLeak::runTheApp() {
    const quint64 requestsBefore = m_cloud->requestCount();
    AppController app(m_clock);
    QSignalSpy opened(&app, &AppController::accountsOpened);
    app.openAccounts();
    QVERIFY(!opened.isEmpty() || opened.wait(kWaitMs));
    QVERIFY2(app.session(), "the stored account did not open");
    MonitorSession &session = *app.session();
    QVERIFY(waitFor([&] { return !session.charts().isEmpty(); }));
    // Signed with the keychain's markers and accepted: the demo checks every signature.
    QVERIFY(waitFor([&] { return m_cloud->requestCount() > requestsBefore + 1; }));

    // Export a tab the way the chart menu does, once the charts hold data.
    StageTab *tab = app.window()->stageTab(Stage::Monitoring);
    QVERIFY(tab && !tab->charts().isEmpty());
    ChartExportOptions options;
    const ChartExporter::TabResult exported =
        ChartExporter::exportCharts(tab->charts(), home(QStringLiteral("exports/monitoring")), options);
    QVERIFY2(exported.errors.isEmpty(), qPrintable(exported.errors.value(0).toString()));
    QVERIFY(!exported.written.isEmpty());

    // A weekly review of the same account, fetched and written as the dialog does.
    ReportRequest request;
    request.week = ReportWeek::lastCompleteWeek(kNow.toMSecsSinceEpoch(), QTimeZone::utc());
    request.workspaceName = QStringLiteral("Leak check");
    request.accounts = {
        ReportAccount{session.provider().accountLabel(), &session.provider(), session.charts()}};
    request.nowMs = kNow.toMSecsSinceEpoch();
    ReportDataFetcher fetcher(request);
    std::optional<Result<ReportData>> data;
    fetcher.fetch([&](Result<ReportData> fetched) { data = std::move(fetched); });
    QVERIFY(waitFor([&] { return data.has_value(); }));
    QVERIFY2(*data, *data ? "" : qPrintable(data->error().toString()));
    WeeklyReportOptions reportOptions;
    reportOptions.outputDir = home(QStringLiteral("exports/weekly-review"));
    WeeklyReportWriter writer(**data, reportOptions);
    std::optional<Result<void>> written;
    writer.start([&](Result<void> result) { written = std::move(result); });
    QVERIFY(waitFor([&] { return written.has_value(); }));
    QVERIFY2(*written, *written ? "" : qPrintable(written->error().toString()));
    QVERIFY(QFile::exists(reportOptions.outputDir + QStringLiteral("/report.pdf")));
    // Leaving the scope quits the app: settings, alert state and history are written now.
}

QProcessEnvironment TestSecretLeak::cliEnvironment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mlwatch.*=true"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const char *name :
         {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"})
        env.remove(QLatin1String(name));
    return env;
}

void TestSecretLeak::runTheCli(QStringList &problems) {
    const QDateTime to = kNow.addSecs(-3600);
    const QList<QStringList> commands{
        {QStringLiteral("accounts"), QStringLiteral("list")},
        {QStringLiteral("accounts"), QStringLiteral("list"), QStringLiteral("--format"),
         QStringLiteral("json")},
        {QStringLiteral("accounts"), QStringLiteral("test"), QStringLiteral("leak-check")},
        {QStringLiteral("query"), QStringLiteral("aws"), QStringLiteral("--account"),
         QStringLiteral("leak-check"), QStringLiteral("--namespace"), QStringLiteral("AWS/SageMaker"),
         QStringLiteral("--metric"), QStringLiteral("ModelLatency"), QStringLiteral("--dimension"),
         QStringLiteral("EndpointName=churn-model-prod"), QStringLiteral("--dimension"),
         QStringLiteral("VariantName=AllTraffic"), QStringLiteral("--from"),
         to.addSecs(-6 * 3600).toString(Qt::ISODate), QStringLiteral("--to"), to.toString(Qt::ISODate)},
    };
    for (const QStringList &args : commands) {
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(QStringLiteral(MLWATCH_CLI_PATH), args);
        // The demo cloud lives in this process: keep its event loop turning while the CLI runs.
        QVERIFY(waitFor([&] { return cli.state() == QProcess::NotRunning; }));
        const QByteArray out = cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" → ") + QString::fromUtf8(err)));
        problems << leaksIn(out, QStringLiteral("stdout of mlwatch-cli ") + args.join(QLatin1Char(' ')));
        problems << leaksIn(err, QStringLiteral("stderr of mlwatch-cli ") + args.join(QLatin1Char(' ')));
        m_cliOutput += out + err;
    }
    // The query really ran on the stored account: datapoints came back.
    QVERIFY(m_cliOutput.contains("ModelLatency"));
}

void TestSecretLeak::secretsAppearNowhereButTheKeychain() {
    QStringList problems;
    runTheApp();
    if (QTest::currentTestFailed())
        return;
    runTheCli(problems);
    if (QTest::currentTestFailed())
        return;

    // The scan can fail: the markers really are in memory and were used (the cloud accepted
    // them), and the exports really exist.
    QVERIFY(QFile::exists(home(QStringLiteral("exports/weekly-review/report.pdf"))));

    problems << leaksIn(g_log, QStringLiteral("the app's log"));
    int scanned = 0;
    QDirIterator files(home(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets and the like
        ++scanned;
        const QString relative = QDir(home()).relativeFilePath(path);
        problems << leaksIn(file.readAll(), relative);
        // A PDF's text streams are compressed: read its text the way a person's tools would.
        if (path.endsWith(QLatin1String(".pdf"))) {
            QProcess pdftotext;
            pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
            QVERIFY(pdftotext.waitForFinished(60000));
            const QByteArray text = pdftotext.readAllStandardOutput();
            QVERIFY2(text.contains("Leak check"), "pdftotext could not read the report");
            problems << leaksIn(text, relative + QStringLiteral(" (text)"));
        }
    }
    QVERIFY2(scanned >= 10, qPrintable(QStringLiteral("only %1 files under HOME").arg(scanned)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestSecretLeak)
#include "tst_secret_leak.moc"
