// Workspace files in the main window, against the real thing: a DemoCloud on loopback, a real
// MonitorSession, real widgets under the offscreen platform, real files in a temporary folder.
//  - Save as writes the session's charts; the title names the file and marks unsaved changes;
//  - changing the charts autosaves the current file (atomically, after a debounce);
//  - a chart on a resource or account this machine cannot see stays, as a "missing: …"
//    placeholder on its tab, and is never fetched; every chart the demo itself has is found;
//  - a file read before discovery answered is applied once it has;
//  - a malformed, newer or missing file changes nothing and says what is wrong, without a box;
//  - recent files: newest first, at most eight, a file that is gone is greyed and then forgotten.
#include "../support/demo_window_fixture.h"
#include "charts/metric_chart_view.h"
#include "core/alerts/alert_engine.h"
#include "core/fetch/fetch_scheduler.h"
#include "core/session/monitor_session.h"
#include "core/workspace/workspace_file.h"
#include "demo/demo_cloud.h"
#include "gui/main_window.h"
#include "gui/session_status_view.h"
#include "gui/settings_keys.h"
#include "gui/stage_tab.h"
#include "gui/workspace_controller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kNetworkTimeoutMs = test::kDemoNetworkTimeoutMs;

struct Fixture : test::DemoWindowFixture {
    // The session starts in discover(), after a test has opened a workspace or not.
    Fixture() { options.awaitFirstFetch = false; }

    bool discover() {
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        session->start();
        return ready.wait(kNetworkTimeoutMs) || !ready.isEmpty();
    }

    WorkspaceController &workspace() const { return *window->workspace(); }
    QString notice() const {
        auto *label = window->findChild<QLabel *>(QStringLiteral("alertNoticeLabel"));
        return label ? label->text() + QLatin1Char('\n') + label->toolTip() : QString();
    }
};

ChartSpec chartOn(const QString &id, const QString &endpoint, const QString &account = QString()) {
    ChartSpec c;
    c.id = id;
    c.stage = Stage::Deployment;
    c.title = QStringLiteral("Latency — %1").arg(endpoint);
    c.resource = endpoint;
    c.account = account;
    c.unit = Unit::Microseconds;
    ChartSeriesSpec s;
    s.query.namespaceName = QStringLiteral("AWS/SageMaker");
    s.query.metricName = QStringLiteral("ModelLatency");
    s.query.dimensions = {{QStringLiteral("EndpointName"), endpoint},
                          {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    s.query.account = account;
    s.legend = QStringLiteral("Average");
    c.series = {s};
    return c;
}

bool fetches(const FetchScheduler &scheduler, const QString &endpoint) {
    for (const MetricQuery &q : scheduler.queries())
        for (const Dimension &d : q.dimensions)
            if (d.value == endpoint)
                return true;
    return false;
}

MetricChartView *viewOf(MainWindow &window, Stage stage, const QString &id) {
    for (MetricChartView *view : window.stageTab(stage)->charts())
        if (view->spec().id == id)
            return view;
    return nullptr;
}

QStringList idsOf(const QList<ChartSpec> &charts) {
    QStringList ids;
    for (const ChartSpec &c : charts)
        ids.append(c.id);
    return ids;
}

} // namespace

class TestWorkspaceController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void saveAsWritesTheChartsAndNamesTheFile();
    void changingChartsAutosaves();
    void unseenResourceOrAccountBecomesAPlaceholderThatIsNotFetched();
    void fileOpenedBeforeDiscoveryIsAppliedAfterIt();
    void unreadableFileChangesNothingAndSaysWhy_data();
    void unreadableFileChangesNothingAndSaysWhy();
    void recentFilesNewestFirstAtMostEightGoneOnesGreyed();
    void fileMenuOffersTheWorkspaceActions();
    void startOpensTheLastWorkspace_data();
    void startOpensTheLastWorkspace();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWorkspaceController::initTestCase() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir->filePath(QStringLiteral("settings")));
}

void TestWorkspaceController::init() {
    QSettings().clear();
}

void TestWorkspaceController::saveAsWritesTheChartsAndNamesTheFile() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.discover());
    const QString path = m_dir->filePath(QStringLiteral("team.json"));
    QVERIFY(f.workspace().saveAs(path));

    Result<Workspace> saved = WorkspaceFile::load(path);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    QVERIFY(saved->charts.has_value());
    QVERIFY(!saved->charts->isEmpty());
    QCOMPARE(idsOf(*saved->charts), idsOf(f.session->charts()));
    // Every saved member reads back as the session has it (the account's label is the session's).
    for (qsizetype i = 0; i < saved->charts->size(); ++i) {
        ChartSpec expected = f.session->charts().at(i);
        expected.accountLabel.clear();
        QCOMPARE(saved->charts->at(i), expected);
    }
    QCOMPARE(saved->rules.size(), f.session->alerts().rules().size());

    QCOMPARE(f.workspace().currentPath(), path);
    QVERIFY(!f.workspace().isModified());
    QVERIFY2(f.window->windowTitle().contains(QStringLiteral("team.json")),
             qPrintable(f.window->windowTitle()));
    QVERIFY(!f.window->isWindowModified());
    QCOMPARE(QSettings().value(SettingsKeys::kWorkspaceLast).toString(), path);
}

void TestWorkspaceController::changingChartsAutosaves() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.discover());
    const QString path = m_dir->filePath(QStringLiteral("autosaved.json"));
    QVERIFY(f.workspace().saveAs(path));
    f.workspace().setAutosaveDelayMs(50);
    QSignalSpy saved(&f.workspace(), &WorkspaceController::saved);

    QList<ChartSpec> charts = f.session->charts();
    const ChartSpec removed = charts.takeLast();
    charts.first().title = QStringLiteral("Renamed by hand");
    f.session->setCharts(charts);
    QVERIFY(f.workspace().isModified());
    QVERIFY(f.window->isWindowModified()); // the title shows the modified mark

    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), kNetworkTimeoutMs);
    Result<Workspace> back = WorkspaceFile::load(path);
    QVERIFY(back && back->charts);
    QCOMPARE(back->charts->size(), charts.size());
    QVERIFY(!idsOf(*back->charts).contains(removed.id));
    QCOMPARE(back->charts->first().title, QStringLiteral("Renamed by hand"));
    QVERIFY(!f.workspace().isModified());
    QVERIFY(!f.window->isWindowModified());
    // Atomic writes (QSaveFile) leave nothing beside the file.
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("autosaved*")}, QDir::Files),
             QStringList{QStringLiteral("autosaved.json")});
}

void TestWorkspaceController::unseenResourceOrAccountBecomesAPlaceholderThatIsNotFetched() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.discover());
    Workspace ws;
    QList<ChartSpec> charts = f.session->charts();
    const ChartSpec gone =
        chartOn(QStringLiteral("deployment/latency/no-such-endpoint"), QStringLiteral("no-such-endpoint"));
    ChartSpec elsewhere = chartOn(QStringLiteral("deployment/latency/elsewhere"),
                                  QStringLiteral("other-endpoint"), QStringLiteral("team-azure"));
    elsewhere.cloud = QStringLiteral("azure");
    charts.insert(1, gone);
    charts.append(elsewhere);
    ws.charts = charts;
    ws.accounts.append(WorkspaceAccount{QStringLiteral("team-azure"), QStringLiteral("azure"), QString(),
                                        QString(), QString(), QString()});
    const QString path = m_dir->filePath(QStringLiteral("shared.json"));
    QVERIFY(WorkspaceFile::save(path, ws));

    QSignalSpy applied(&f.workspace(), &WorkspaceController::applied);
    QVERIFY(f.workspace().open(path));
    QCOMPARE(applied.size(), 1);

    // Nothing dropped, order kept; only the two unseen charts are placeholders (every chart the
    // demo's own discovery produced is found again).
    QCOMPARE(idsOf(f.session->charts()), idsOf(charts));
    for (const ChartSpec &c : f.session->charts()) {
        const bool unseen = c.id == gone.id || c.id == elsewhere.id;
        QVERIFY2(c.missingReason.isEmpty() != unseen,
                 qPrintable(c.id + QStringLiteral(": ") + c.missingReason));
    }
    MetricChartView *placeholder = viewOf(*f.window, Stage::Deployment, gone.id);
    QVERIFY(placeholder);
    QVERIFY2(placeholder->statusText().startsWith(QStringLiteral("missing: ")),
             qPrintable(placeholder->statusText()));
    QVERIFY2(placeholder->statusText().contains(QStringLiteral("no-such-endpoint")),
             qPrintable(placeholder->statusText()));
    MetricChartView *otherAccount = viewOf(*f.window, Stage::Deployment, elsewhere.id);
    QVERIFY(otherAccount);
    QVERIFY2(otherAccount->statusText().contains(QStringLiteral("team-azure")),
             qPrintable(otherAccount->statusText()));

    // Never fetched, also not after a refresh; the found charts are.
    QVERIFY(!fetches(f.session->scheduler(), QStringLiteral("no-such-endpoint")));
    QVERIFY(!fetches(f.session->scheduler(), QStringLiteral("other-endpoint")));
    QVERIFY(!f.session->scheduler().queries().isEmpty());
    QSignalSpy fetched(&f.session->scheduler(), &FetchScheduler::fetchFinished);
    f.session->scheduler().refreshNow();
    QVERIFY(fetched.wait(kNetworkTimeoutMs) || !fetched.isEmpty());
    QVERIFY(placeholder->statusText().startsWith(QStringLiteral("missing: ")));

    // Saved again, the placeholders are written as they were read.
    QVERIFY(f.workspace().save());
    Result<Workspace> back = WorkspaceFile::load(path);
    QVERIFY(back && back->charts);
    QCOMPARE(idsOf(*back->charts), idsOf(charts));
    QCOMPARE(back->charts->at(1), gone);
}

void TestWorkspaceController::fileOpenedBeforeDiscoveryIsAppliedAfterIt() {
    Fixture f;
    QVERIFY(f.start());
    Workspace ws;
    ws.charts =
        QList<ChartSpec>{chartOn(QStringLiteral("deployment/only"), QStringLiteral("no-such-endpoint"))};
    const QString path = m_dir->filePath(QStringLiteral("early.json"));
    QVERIFY(WorkspaceFile::save(path, ws));
    QSignalSpy applied(&f.workspace(), &WorkspaceController::applied);
    QVERIFY(f.workspace().open(path));
    QVERIFY(applied.isEmpty()); // nothing to check the charts against yet
    QVERIFY(f.discover());
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kNetworkTimeoutMs);
    QCOMPARE(idsOf(f.session->charts()), QStringList{QStringLiteral("deployment/only")});
    QVERIFY(!f.session->charts().first().missingReason.isEmpty());
    QVERIFY(f.session->scheduler().queries().isEmpty());
    QVERIFY(!f.workspace().isModified());
}

void TestWorkspaceController::unreadableFileChangesNothingAndSaysWhy_data() {
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("mentions");
    QTest::newRow("malformed JSON names line and column")
        << QByteArray("{\n  \"format\": \"mlwatch-workspace\",\n  \"version\": 2,,\n}") << "line 3, column";
    QTest::newRow("newer version names both versions")
        << QByteArray(R"({"format":"mlwatch-workspace","version":9,"charts":[]})")
        << "newer MLWatch (version 9)";
    QTest::newRow("mistyped chart member names its path")
        << QByteArray(
               R"({"format":"mlwatch-workspace","version":2,"charts":[{"id":"c","stage":"training","series":[{"query":{"namespace":"N","metric":3}}]}]})")
        << "charts[0].series[0].query.metric";
    QTest::newRow("file that is not there") << QByteArray() << "Cannot read the workspace";
}

void TestWorkspaceController::unreadableFileChangesNothingAndSaysWhy() {
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.discover());
    const QString good = m_dir->filePath(QStringLiteral("good.json"));
    QVERIFY(f.workspace().saveAs(good));
    const QList<ChartSpec> before = f.session->charts();

    const QString path = m_dir->filePath(QStringLiteral("broken-%1.json").arg(QTest::currentDataTag()));
    QFile::remove(path);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QSignalSpy notices(&f.workspace(), &WorkspaceController::noticeRaised);
    QVERIFY(!f.workspace().open(path));
    QCOMPARE(f.session->charts(), before);
    QCOMPARE(f.workspace().currentPath(), good); // still working on the file that read
    QCOMPARE(notices.size(), 1);
    const QString shown = f.notice();
    QVERIFY2(shown.contains(QStringLiteral("broken-")), qPrintable(shown)); // names the file
    QVERIFY2(shown.contains(mentions), qPrintable(shown));
    QVERIFY(QApplication::activeModalWidget() == nullptr); // no box waits for a click
}

void TestWorkspaceController::recentFilesNewestFirstAtMostEightGoneOnesGreyed() {
    Fixture f;
    QVERIFY(f.start());
    QVERIFY(f.discover());
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        paths.prepend(m_dir->filePath(QStringLiteral("recent-%1.json").arg(i)));
        QVERIFY(f.workspace().saveAs(paths.first()));
    }
    QCOMPARE(f.workspace().recentFiles(), paths.mid(0, WorkspaceController::kMaxRecent));
    QVERIFY(f.workspace().open(paths.at(3))); // opening moves it to the top
    QCOMPARE(f.workspace().recentFiles().first(), paths.at(3));

    QVERIFY(QFile::remove(paths.at(1)));
    QMenu *menu = f.workspace().recentMenu();
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QAction *goneAction = nullptr;
    for (QAction *a : menu->actions())
        if (a->data().toString() == paths.at(1))
            goneAction = a;
    QVERIFY(goneAction);
    QVERIFY(!goneAction->isEnabled());
    QVERIFY(goneAction->toolTip().contains(paths.at(1)));
    const QList<QAction *> actions = menu->actions();
    QVERIFY(actions.first()->isEnabled());
    QCOMPARE(actions.first()->data().toString(), paths.at(3));

    QVERIFY(!f.workspace().open(paths.at(1)));
    QVERIFY(!f.workspace().recentFiles().contains(paths.at(1)));
    // Settings hold paths only.
    for (const QString &p : f.workspace().recentFiles())
        QVERIFY(!p.contains(QLatin1Char('{')));
}

void TestWorkspaceController::fileMenuOffersTheWorkspaceActions() {
    Fixture f;
    QVERIFY(f.start());
    const std::pair<const char *, QKeySequence> expected[] = {
        {"actionOpenWorkspace", QKeySequence(QKeySequence::Open)},
        {"actionSaveWorkspace", QKeySequence(QKeySequence::Save)},
        {"actionSaveWorkspaceAs", QKeySequence(QStringLiteral("Ctrl+Shift+S"))}};
    for (const auto &[name, keys] : expected) {
        auto *action = f.window->findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QCOMPARE(action->shortcut(), keys);
        QVERIFY(!action->toolTip().isEmpty());
    }
    QVERIFY(f.window->findChild<QMenu *>(QStringLiteral("menuRecentWorkspaces")));
}

void TestWorkspaceController::startOpensTheLastWorkspace_data() {
    QTest::addColumn<bool>("readable");
    QTest::newRow("last workspace reads: its charts") << true;
    QTest::newRow("last workspace broken: catalog charts and a message") << false;
}

void TestWorkspaceController::startOpensTheLastWorkspace() {
    QFETCH(bool, readable);
    const QString path = m_dir->filePath(QStringLiteral("last.json"));
    Workspace ws;
    ws.charts =
        QList<ChartSpec>{chartOn(QStringLiteral("deployment/kept"), QStringLiteral("no-such-endpoint"))};
    QVERIFY(WorkspaceFile::save(path, ws));
    if (!readable) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("garbage");
    }
    QSettings().setValue(SettingsKeys::kWorkspaceLast, path);

    Fixture f; // as the app does: window, then the last workspace, then the session starts
    QVERIFY(f.start());
    QCOMPARE(f.workspace().openLast(), readable);
    QVERIFY(f.discover());
    if (readable) {
        QTRY_COMPARE_WITH_TIMEOUT(idsOf(f.session->charts()), QStringList{QStringLiteral("deployment/kept")},
                                  kNetworkTimeoutMs);
        QVERIFY(f.window->windowTitle().contains(QStringLiteral("last.json")));
    } else {
        QVERIFY(f.session->charts().size() > 1); // the catalog's charts
        QVERIFY2(f.notice().contains(QStringLiteral("last.json")), qPrintable(f.notice()));
        QVERIFY(f.workspace().currentPath().isEmpty());
    }
}

QTEST_MAIN(TestWorkspaceController)
#include "tst_workspace_controller.moc"
