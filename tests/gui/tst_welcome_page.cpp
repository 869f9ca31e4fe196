// The page shown instead of the main window: on first start three clear actions (import with a
// count of what was found, add by hand per kind, the demo); on a problem the message word for
// word with "Accounts…" and "Open the demo". Real widgets, real clicks.
#include "gui/welcome_page.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AccountKind)

class TestWelcomePage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstStartOffersThreeActions_data();
    void firstStartOffersThreeActions();
    void addByHandAsksWhichCloud_data();
    void addByHandAsksWhichCloud();
    void demoIsOfferedInBothStates();
    void problemShowsTheMessageWordForWord();

private:
    static QPushButton *button(const WelcomePage &page, const char *name) {
        return page.findChild<QPushButton *>(QLatin1String(name));
    }
    static QString text(const WelcomePage &page, const char *name) {
        return page.findChild<QLabel *>(QLatin1String(name))->text();
    }
};

void TestWelcomePage::firstStartOffersThreeActions_data() {
    QTest::addColumn<int>("importable");
    QTest::addColumn<int>("notImportable");
    QTest::addColumn<QString>("found");
    QTest::addColumn<bool>("importEnabled");
    QTest::newRow("nothing found: import is off and says where it looked")
        << 0 << 0 << "Nothing found in ~/.aws" << false;
    QTest::newRow("three importable: the count") << 3 << 0 << "Found: 3 ready to import." << true;
    QTest::newRow("one importable, two not: both counts")
        << 1 << 2 << "1 ready to import, 2 that MLWatch cannot use" << true;
    QTest::newRow("only not importable: import still shows why")
        << 0 << 1 << "0 ready to import, 1 that" << true;
}

void TestWelcomePage::firstStartOffersThreeActions() {
    QFETCH(int, importable);
    QFETCH(int, notImportable);
    QFETCH(QString, found);
    QFETCH(bool, importEnabled);

    WelcomePage page;
    page.showFirstStart(importable, notImportable);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.mode(), WelcomePage::Mode::FirstStart);
    QVERIFY2(text(page, "foundLabel").contains(found), qPrintable(text(page, "foundLabel")));
    for (const char *name : {"importButton", "addButton", "openDemoButton"}) {
        QVERIFY2(button(page, name)->isVisible(), name);
        QVERIFY2(!button(page, name)->accessibleName().isEmpty(), name);
    }
    QVERIFY(!button(page, "accountsButton")->isVisible());
    QCOMPARE(button(page, "importButton")->isEnabled(), importEnabled);
    QVERIFY(button(page, "importButton")
                ->text()
                .contains(QStringLiteral("Import credentials found on this machine")));

    QSignalSpy import(&page, &WelcomePage::importRequested);
    QTest::mouseClick(button(page, "importButton"), Qt::LeftButton);
    QCOMPARE(import.count(), importEnabled ? 1 : 0);
}

void TestWelcomePage::addByHandAsksWhichCloud_data() {
    QTest::addColumn<QString>("action");
    QTest::addColumn<AccountKind>("kind");
    QTest::newRow("AWS") << "add_aws_action" << AccountKind::Aws;
    QTest::newRow("Azure") << "add_azure_action" << AccountKind::Azure;
    QTest::newRow("Google Cloud") << "add_gcp_action" << AccountKind::Gcp;
}

void TestWelcomePage::addByHandAsksWhichCloud() {
    QFETCH(QString, action);
    QFETCH(AccountKind, kind);
    WelcomePage page;
    page.showFirstStart(0, 0);
    QPushButton *add = button(page, "addButton");
    QVERIFY(add->menu());
    auto *choice = add->menu()->findChild<QAction *>(action);
    QVERIFY(choice);
    QSignalSpy requested(&page, &WelcomePage::addRequested);
    choice->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<AccountKind>(), kind);
}

void TestWelcomePage::demoIsOfferedInBothStates() {
    WelcomePage page;
    page.show();
    QSignalSpy demo(&page, &WelcomePage::demoRequested);
    page.showFirstStart(2, 0);
    QTest::mouseClick(button(page, "openDemoButton"), Qt::LeftButton);
    page.showProblem(QStringLiteral("Heading"), QStringLiteral("Message"));
    QTest::mouseClick(button(page, "openDemoButton"), Qt::LeftButton);
    QCOMPARE(demo.count(), 2);
}

void TestWelcomePage::problemShowsTheMessageWordForWord() {
    WelcomePage page;
    page.showFirstStart(2, 0);
    const QString message =
        QStringLiteral("The keychain is locked: unlock it (log in again, or open Passwords and Keys).");
    page.showProblem(QStringLiteral("The secret of “prod” could not be read"), message);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.mode(), WelcomePage::Mode::Problem);
    QCOMPARE(text(page, "welcomeHeading"), QStringLiteral("The secret of “prod” could not be read"));
    QCOMPARE(text(page, "welcomeMessage"), message);
    QVERIFY(button(page, "accountsButton")->isVisible());
    QVERIFY(button(page, "openDemoButton")->isVisible());
    QVERIFY(!button(page, "importButton")->isVisible());
    QVERIFY(!button(page, "addButton")->isVisible());
    QSignalSpy accounts(&page, &WelcomePage::accountsRequested);
    QTest::mouseClick(button(page, "accountsButton"), Qt::LeftButton);
    QCOMPARE(accounts.count(), 1);

    page.showFirstStart(1, 0); // back to the first start: the problem's button goes
    QVERIFY(!button(page, "accountsButton")->isVisible());
    QVERIFY(button(page, "importButton")->isVisible());
}

QTEST_MAIN(TestWelcomePage)
#include "tst_welcome_page.moc"
