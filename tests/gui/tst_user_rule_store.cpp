// Rules people make in the app survive a restart: the real dialog path (AlertRuleEditor →
// AlertRuleDialog → engine → UserRuleStore) writes alert-rules.json, and a NEW session on the
// same file gets the rule back over its defaults; an edited default overrides the default, a
// deleted default stays deleted; an unreadable file leaves the defaults, says so in the status
// bar, and is kept aside (never silently overwritten). Real parts: the demo cloud on loopback,
// a real MonitorSession, real widgets (offscreen).
#include "../support/manual_clock.h"
#include "core/alerts/alert_engine.h"
#include "core/alerts/user_rules_file.h"
#include "core/session/monitor_session.h"
#include "demo/demo_cloud.h"
#include "gui/alert_rule_dialog.h"
#include "gui/alert_rule_editor.h"
#include "gui/alerts_panel.h"
#include "gui/main_window.h"
#include "gui/user_rule_store.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace mlwatch;

namespace {

constexpr int kNetworkTimeoutMs = 60'000; // generous: discovery lists a few pages on loopback
const QString kLabel = QStringLiteral("Demo cloud (simulated AWS)");

// One run of the app on the rules file `path`: session, store, window — built in the app's
// order and torn down in reverse.
struct Run {
    std::unique_ptr<MonitorSession> session;
    std::unique_ptr<UserRuleStore> store;
    Result<void> loaded;
    std::unique_ptr<MainWindow> window;

    Run(const test::ManualClock &clock, const demo::DemoCloud &cloud, const QString &path)
        : session(std::make_unique<MonitorSession>(clock, cloud.resolved(), kLabel))
        , store(std::make_unique<UserRuleStore>(*session, path))
        , loaded(store->load())
        , window(std::make_unique<MainWindow>(*session, clock, kLabel)) {
        window->setUserRuleStore(store.get());
        window->resize(1280, 800);
        window->show();
    }
    ~Run() {
        window.reset();
        store.reset();
        session.reset();
    }
    // Discovery, then the defaults and the user rules over them.
    bool start() {
        QSignalSpy ready(session.get(), &MonitorSession::chartsReady);
        session->start();
        return ready.wait(kNetworkTimeoutMs) || !ready.isEmpty();
    }
    AlertEngine &engine() const { return session->alerts(); }
    QStringList defaultIds() const {
        QStringList ids;
        for (const AlertRule &r : engine().rules())
            if (UserRules::isDefaultRuleId(r.id))
                ids.append(r.id);
        return ids;
    }
    // Opens the rule dialog through the editor, lets `edit` change it, and presses OK.
    bool saveThroughDialog(const std::function<void()> &open, const QString &newName, AlertRule *saved) {
        QSignalSpy opened(window->ruleEditor(), &AlertRuleEditor::dialogOpened);
        open();
        AlertRuleDialog *dialog = window->ruleEditor()->currentDialog();
        if (opened.count() != 1 || !dialog)
            return false;
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        if (!name)
            return false;
        name->setText(newName); // as typed
        if (!QTest::qWaitFor([dialog] { return !dialog->isRefreshPending(); }))
            return false;
        *saved = dialog->rule();
        QSignalSpy savedSpy(window->ruleEditor(), &AlertRuleEditor::ruleSaved);
        dialog->accept();
        return savedSpy.count() == 1;
    }
    QLabel *notice() const { return window->findChild<QLabel *>(QStringLiteral("alertNoticeLabel")); }
};

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestUserRuleStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_cloud.start(m_clock.nowUtc())); }

    void ruleAddedThroughTheDialogComesBackInANewSession();
    void editedDefaultOverridesAndDeletedDefaultStaysDeleted();
    void unreadableFileLeavesTheDefaultsAndIsKeptAside_data();
    void unreadableFileLeavesTheDefaultsAndIsKeptAside();

private:
    test::ManualClock m_clock;
    demo::DemoCloud m_cloud;
};

void TestUserRuleStore::ruleAddedThroughTheDialogComesBackInANewSession() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = UserRulesFile::pathIn(dir.filePath(QStringLiteral("alerts")));
    AlertRule saved;
    QStringList defaultsBefore;
    {
        Run first(m_clock, m_cloud, path);
        QVERIFY(first.loaded); // no file yet: no user rules, no error
        QVERIFY(first.start());
        defaultsBefore = first.defaultIds();
        QVERIFY(!defaultsBefore.isEmpty());
        QVERIFY(!QFile::exists(path)); // nothing is written until people change something

        QVERIFY(first.saveThroughDialog([&] { first.window->ruleEditor()->newRule(); },
                                        QStringLiteral("My latency rule"), &saved));
        QCOMPARE(saved.name, QStringLiteral("My latency rule"));
        QVERIFY(first.engine().contains(saved.id));

        // In the file at once, exactly as the engine has it.
        const Result<UserRules> onDisk = UserRulesFile::load(path);
        QVERIFY2(onDisk, qPrintable(onDisk ? QString() : onDisk.error().message));
        QCOMPARE(onDisk->rules.size(), 1);
        QCOMPARE(onDisk->rules.first(), *first.engine().rule(saved.id));
    }

    Run second(m_clock, m_cloud, path);
    QVERIFY(second.loaded);
    QVERIFY(second.start());
    QCOMPARE(second.engine().rule(saved.id), std::optional<AlertRule>(saved));
    QCOMPARE(second.defaultIds(), defaultsBefore);         // the defaults are all there, in their order
    QCOMPARE(second.engine().rules().last().id, saved.id); // user rules follow the defaults
    QVERIFY(!second.notice()->isVisible());                // nothing to report
}

void TestUserRuleStore::editedDefaultOverridesAndDeletedDefaultStaysDeleted() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = UserRulesFile::pathIn(dir.path());
    QString edited;
    QString deleted;
    qsizetype ruleCount = 0;
    {
        Run first(m_clock, m_cloud, path);
        QVERIFY(first.start());
        const QStringList defaults = first.defaultIds();
        QVERIFY(defaults.size() >= 2);
        edited = defaults.at(0);
        deleted = defaults.at(1);
        ruleCount = first.engine().rules().size();

        AlertRule saved;
        QVERIFY(first.saveThroughDialog([&] { first.window->ruleEditor()->editRule(edited); },
                                        QStringLiteral("Latency, my way"), &saved));
        QCOMPARE(saved.id, edited); // editing keeps the default's id: an override
        // The alerts panel's confirmed "Delete rule…" (its confirmation is tst_alerts_panel's).
        Q_EMIT first.window->alertsPanel()->deleteRuleRequested(deleted);
        QVERIFY(!first.engine().contains(deleted));

        const Result<UserRules> onDisk = UserRulesFile::load(path);
        QVERIFY(onDisk);
        QCOMPARE(onDisk->rules.size(), 1);
        QCOMPARE(onDisk->rules.first().id, edited);
        QCOMPARE(onDisk->deletedDefaults, QStringList{deleted});
    }

    Run second(m_clock, m_cloud, path);
    QVERIFY(second.start());
    QCOMPARE(second.engine().rule(edited)->name, QStringLiteral("Latency, my way"));
    QVERIFY(!second.engine().contains(deleted)); // the session built it again; it stays away
    QCOMPARE(second.engine().rules().size(), ruleCount - 1);
    QCOMPARE(second.defaultIds().first(), edited); // an override keeps the default's place
}

void TestUserRuleStore::unreadableFileLeavesTheDefaultsAndIsKeptAside_data() {
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("where");
    QTest::newRow("malformed JSON: line and column")
        << QByteArray("{\n  \"format\": \"mlwatch-rules\",\n  \"version\": 1,\n  \"rules\": [\n")
        << QStringLiteral("line 5, column 1");
    QTest::newRow("an invalid rule: its line, column and field")
        << QByteArray(
               "{\"format\":\"mlwatch-rules\",\"version\":1,\"rules\":[\n"
               "  "
               "{\"id\":\"x\",\"series\":{\"namespace\":\"N\",\"metric\":\"M\"},\"comparison\":\"above\"}]}")
        << QStringLiteral("line 2, column 3: rules[0].critical");
}

void TestUserRuleStore::unreadableFileLeavesTheDefaultsAndIsKeptAside() {
    QFETCH(QByteArray, contents);
    QFETCH(QString, where);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = UserRulesFile::pathIn(dir.path());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }

    Run run(m_clock, m_cloud, path);
    QVERIFY(!run.loaded);
    QVERIFY2(run.loaded.error().message.startsWith(path), qPrintable(run.loaded.error().message));
    QVERIFY2(run.loaded.error().message.contains(where), qPrintable(run.loaded.error().message));
    QVERIFY(run.start());
    QVERIFY(!run.defaultIds().isEmpty()); // the app runs on the defaults
    QCOMPARE(run.defaultIds().size(), run.engine().rules().size());

    // … and says so: short in the status bar, the whole message in its tooltip.
    QLabel *notice = run.notice();
    QVERIFY(notice && notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("alert rules could not be read")),
             qPrintable(notice->text()));
    QVERIFY(notice->toolTip().contains(run.loaded.error().message));
    QVERIFY(notice->toolTip().contains(run.store->brokenCopyPath()));
    QCOMPARE(readAll(path), contents); // untouched until a change is saved

    AlertRule saved;
    QVERIFY(run.saveThroughDialog([&] { run.window->ruleEditor()->newRule(); },
                                  QStringLiteral("After the crash"), &saved));
    QCOMPARE(readAll(run.store->brokenCopyPath()), contents); // what was there is kept
    const Result<UserRules> onDisk = UserRulesFile::load(path);
    QVERIFY(onDisk);
    QCOMPARE(onDisk->rules.size(), 1);
    QCOMPARE(onDisk->rules.first().id, saved.id);
}

QTEST_MAIN(TestUserRuleStore)
#include "tst_user_rule_store.moc"
