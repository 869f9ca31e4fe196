// The accounts dialog's list model: rows per kind with the right words in every column, expiry
// in local time with its zone (and "expired" once past), ids through IdRole, and a model that
// QAbstractItemModelTester finds consistent through every reset.
#include "../support/manual_clock.h"
#include "gui/account_list_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::Account)

namespace {

const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

Account aws() {
    Account a;
    a.id = QStringLiteral("prod");
    a.label = QStringLiteral("Production");
    a.kind = AccountKind::Aws;
    a.regions = {QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")};
    a.accessKeyHint = QStringLiteral("AKIA…WXYZ");
    a.source = QStringLiteral("~/.aws/credentials [prod]");
    return a;
}

Account azure() {
    Account a;
    a.id = QStringLiteral("azure-env");
    a.kind = AccountKind::Azure;
    a.tenantId = QStringLiteral("contoso.onmicrosoft.com");
    a.clientId = QStringLiteral("00000000-0000-0000-0000-000000000001");
    a.subscriptionIds = {QStringLiteral("00000000-0000-0000-0000-0000000000aa")};
    return a;
}

Account gcp() {
    Account a;
    a.id = QStringLiteral("vertex");
    a.kind = AccountKind::Gcp;
    a.gcpCredentialType = QStringLiteral("service_account");
    a.clientEmail = QStringLiteral("watcher@ml-proj.iam.gserviceaccount.com");
    a.projectIds = {QStringLiteral("ml-proj"), QStringLiteral("ml-proj-2")};
    return a;
}

} // namespace

class TestAccountListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelStaysConsistentThroughResets();
    void rowShowsTheAccountsKind_data();
    void rowShowsTheAccountsKind();
    void expiryIsLocalTimeWithZone_data();
    void expiryIsLocalTimeWithZone();
    void idsAreFoundByRow();
};

void TestAccountListModel::modelStaysConsistentThroughResets() {
    test::ManualClock clock(kNow);
    AccountListModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(AccountListModel::ColumnCount));
    model.setAccounts({aws(), azure(), gcp()});
    QCOMPARE(model.rowCount(), 3);
    model.setAccounts({gcp()});
    QCOMPARE(model.rowCount(), 1);
    model.setAccounts({});
    QCOMPARE(model.rowCount(), 0);
    // Tables have no children.
    model.setAccounts({aws()});
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void TestAccountListModel::rowShowsTheAccountsKind_data() {
    QTest::addColumn<Account>("account");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("scopes");
    QTest::addColumn<QString>("scopesTooltip");

    QTest::newRow("aws: label as name, regions in order") << aws() << "Production"
                                                          << "AWS"
                                                          << "eu-west-1, us-east-1"
                                                          << "Regions";
    QTest::newRow("azure: id as name without a label, subscriptions")
        << azure() << "azure-env"
        << "Azure"
        << "00000000-0000-0000-0000-0000000000aa"
        << "Subscriptions";
    QTest::newRow("google: projects") << gcp() << "vertex"
                                      << "Google Cloud"
                                      << "ml-proj, ml-proj-2"
                                      << "Projects";
    Account none = aws();
    none.regions.clear();
    QTest::newRow("no scope yet: a dash, not an empty cell") << none << "Production"
                                                             << "AWS"
                                                             << "—"
                                                             << "Regions";
}

void TestAccountListModel::rowShowsTheAccountsKind() {
    QFETCH(Account, account);
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, scopes);
    QFETCH(QString, scopesTooltip);

    test::ManualClock clock(kNow);
    AccountListModel model(clock);
    model.setAccounts({account});
    QCOMPARE(model.index(0, AccountListModel::NameColumn).data().toString(), name);
    QCOMPARE(model.index(0, AccountListModel::KindColumn).data().toString(), kind);
    QCOMPARE(model.index(0, AccountListModel::ScopesColumn).data().toString(), scopes);
    QCOMPARE(model.index(0, AccountListModel::ScopesColumn).data(Qt::ToolTipRole).toString(), scopesTooltip);
    QCOMPARE(model.index(0, AccountListModel::ExpiryColumn).data().toString(), QStringLiteral("—"));
    QVERIFY(
        model.index(0, AccountListModel::NameColumn).data(Qt::ToolTipRole).toString().contains(account.id));
    for (int column = 0; column < AccountListModel::ColumnCount; ++column) {
        QCOMPARE(model.index(0, column).data(AccountListModel::IdRole).toString(), account.id);
        QCOMPARE(model.index(0, column).data(AccountListModel::KindRole).toString(),
                 accountKindId(account.kind));
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }
}

void TestAccountListModel::expiryIsLocalTimeWithZone_data() {
    QTest::addColumn<qint64>("secondsFromNow");
    QTest::addColumn<bool>("expired");
    QTest::newRow("in an hour: the time, not expired") << qint64(3600) << false;
    QTest::newRow("a minute ago: expired") << qint64(-60) << true;
    QTest::newRow("exactly now: expired") << qint64(0) << true;
}

void TestAccountListModel::expiryIsLocalTimeWithZone() {
    QFETCH(qint64, secondsFromNow);
    QFETCH(bool, expired);
    test::ManualClock clock(kNow);
    AccountListModel model(clock);
    Account a = aws();
    a.expiresAt = kNow.addSecs(secondsFromNow);
    model.setAccounts({a});
    const QString text = model.index(0, AccountListModel::ExpiryColumn).data().toString();
    // ctest runs with TZ=UTC: local time is UTC and the zone says so.
    QVERIFY2(text.contains(QStringLiteral("(UTC)")), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(a.expiresAt.toLocalTime().time(), QLocale::ShortFormat)),
             qPrintable(text));
    QCOMPARE(text.startsWith(QStringLiteral("expired")), expired);
    QVERIFY(!model.index(0, AccountListModel::ExpiryColumn).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestAccountListModel::idsAreFoundByRow() {
    test::ManualClock clock(kNow);
    AccountListModel model(clock);
    model.setAccounts({aws(), azure(), gcp()});
    QCOMPARE(model.rowOf(QStringLiteral("vertex")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(model.accountAt(1)->id, QStringLiteral("azure-env"));
    QVERIFY(!model.accountAt(3));
    QVERIFY(!model.accountAt(-1));
}

QTEST_MAIN(TestAccountListModel)
#include "tst_account_list_model.moc"
