// Import… over a fixture home (~/.aws/credentials and config with static, temporary, SSO and
// malformed entries) and a fixture environment (AZURE_* variables), into an AccountStore whose
// secrets go to a real Secret Service (tests/support/with-keyring.sh):
//  - every candidate is a row; importable rows start checked, rows that cannot be imported are
//    disabled with their reason, and reading problems are listed naming the file and line;
//  - a proposed id that clashes with an existing account is shown and blocks Import until changed;
//  - Import adds the checked rows: they appear in the store, their secrets are in the keychain,
//    and the account list file holds none of them.
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "gui/import_credentials_dialog.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 30'000;
const QString kDefaultSecret = QStringLiteral("MARKER-import-default-secret-7f3a");
const QString kProdSecret = QStringLiteral("MARKER-import-prod-secret-91c2");
const QString kProdToken = QStringLiteral("MARKER-import-prod-token-44de");
const QString kAzureSecret = QStringLiteral("MARKER-import-azure-secret-0b77");

bool write(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestImportCredentialsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "run through ctest (tests/support/with-keyring.sh)");
        QCoreApplication::setApplicationName(QStringLiteral("mlwatch-tst-import-dialog"));
    }
    void init();
    void cleanup();

    void previewListsEveryCandidate_data();
    void previewListsEveryCandidate();
    void readingProblemsNameTheFile();
    void idClashIsShownAndBlocksImport();
    void importAddsTheCheckedRowsWithSecretsOnlyInTheKeychain();

private:
    int rowWhere(const QString &origin, const QString &kind) const {
        for (int r = 0; r < table()->rowCount(); ++r)
            if (table()->item(r, ImportCredentialsDialog::OriginColumn)->text().contains(origin) &&
                table()->item(r, ImportCredentialsDialog::KindColumn)->text() == kind)
                return r;
        return -1;
    }
    QTableWidget *table() const { return m_dialog->table(); }
    QPushButton *importButton() const {
        return m_dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
    }
    QString status(int row) const {
        return table()->item(row, ImportCredentialsDialog::StatusColumn)->text();
    }
    void openDialog() {
        m_dialog = std::make_unique<ImportCredentialsDialog>(*m_store, m_env, m_home->path());
        m_dialog->show();
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<ImportCredentialsDialog> m_dialog;
    int m_run = 0;
};

void TestImportCredentialsDialog::init() {
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    const QString aws = m_home->filePath(QStringLiteral(".aws/"));
    QVERIFY(write(aws + QStringLiteral("credentials"), "[default]\n"
                                                       "aws_access_key_id = AKIAIMPORTDEFAULT001\n"
                                                       "aws_secret_access_key = " +
                                                           kDefaultSecret.toUtf8() +
                                                           "\n"
                                                           "\n"
                                                           "[prod]\n"
                                                           "aws_access_key_id = ASIAIMPORTPROD000002\n"
                                                           "aws_secret_access_key = " +
                                                           kProdSecret.toUtf8() +
                                                           "\n"
                                                           "aws_session_token = " +
                                                           kProdToken.toUtf8() + "\n"));
    QVERIFY(write(aws + QStringLiteral("config"), "[default]\n"
                                                  "region = eu-west-1\n"
                                                  "\n"
                                                  "[profile prod]\n"
                                                  "region = us-east-1\n"
                                                  "\n"
                                                  "[profile sso-dev]\n"
                                                  "sso_start_url = https://example.awsapps.com/start\n"
                                                  "sso_region = us-east-1\n"
                                                  "sso_account_id = 123456789012\n"
                                                  "sso_role_name = Reader\n"
                                                  "region = us-east-1\n"
                                                  "\n"
                                                  "[profile broken]\n"
                                                  "this line has no equals sign\n"));
    // A clean environment: nothing of the machine running the test leaks in.
    m_env = QProcessEnvironment();
    m_env.insert(QStringLiteral("HOME"), m_home->path());
    m_env.insert(QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("contoso.onmicrosoft.com"));
    m_env.insert(QStringLiteral("AZURE_CLIENT_ID"), QStringLiteral("11111111-2222-3333-4444-555555555555"));
    m_env.insert(QStringLiteral("AZURE_CLIENT_SECRET"), kAzureSecret);
    m_env.insert(QStringLiteral("AZURE_SUBSCRIPTION_ID"),
                 QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));

    m_credentials =
        std::make_unique<CredentialStore>(QStringLiteral("mlwatch-tst-import-dialog-%1").arg(++m_run));
    m_store = std::make_unique<AccountStore>(m_home->filePath(QStringLiteral("config/accounts.json")),
                                             *m_credentials);
    QVERIFY(m_store->load());
}

void TestImportCredentialsDialog::cleanup() {
    m_dialog.reset();
    m_store.reset();
    m_credentials.reset();
    m_home.reset();
}

void TestImportCredentialsDialog::previewListsEveryCandidate_data() {
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("importable");
    QTest::addColumn<QString>("statusContains");
    QTest::newRow("static keys of [default]: checked, ready") << "default"
                                                              << "AWS" << true << "Ready to import";
    QTest::newRow("temporary keys of [prod]: checked, ready") << "prod"
                                                              << "AWS" << true << "Ready to import";
    QTest::newRow("SSO profile: disabled, says SSO") << "sso-dev"
                                                     << "AWS" << false << "SSO";
    QTest::newRow("AZURE_* variables: checked, ready") << "AZURE"
                                                       << "Azure" << true << "Ready to import";
}

void TestImportCredentialsDialog::previewListsEveryCandidate() {
    QFETCH(QString, origin);
    QFETCH(QString, kind);
    QFETCH(bool, importable);
    QFETCH(QString, statusContains);
    openDialog();
    const int row = rowWhere(origin, kind);
    QVERIFY2(row >= 0, qPrintable(origin));
    QTableWidgetItem *id = table()->item(row, ImportCredentialsDialog::IdColumn);
    QCOMPARE(bool(id->flags() & Qt::ItemIsEnabled), importable);
    QCOMPARE(id->checkState(), importable ? Qt::Checked : Qt::Unchecked);
    QCOMPARE(bool(id->flags() & Qt::ItemIsEditable), importable);
    QVERIFY2(status(row).contains(statusContains, Qt::CaseInsensitive), qPrintable(status(row)));
    QVERIFY(importButton()->isEnabled());
    for (int r = 0; r < table()->rowCount(); ++r)
        for (int c = 0; c < ImportCredentialsDialog::ColumnCount; ++c)
            for (const QString &marker : {kDefaultSecret, kProdSecret, kProdToken, kAzureSecret})
                QVERIFY2(!table()->item(r, c)->text().contains(marker), "the preview shows no secret");
}

void TestImportCredentialsDialog::readingProblemsNameTheFile() {
    openDialog();
    QVERIFY(!m_dialog->problems().isEmpty());
    auto *label = m_dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"));
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("config")), qPrintable(label->text()));
    // … and the rest still imports.
    QVERIFY(rowWhere(QStringLiteral("default"), QStringLiteral("AWS")) >= 0);
}

void TestImportCredentialsDialog::idClashIsShownAndBlocksImport() {
    openDialog();
    const int row = rowWhere(QStringLiteral("default"), QStringLiteral("AWS"));
    QVERIFY(row >= 0);
    const QString proposed = table()->item(row, ImportCredentialsDialog::IdColumn)->text();
    m_dialog.reset();

    // The same id exists already: the row starts unchecked and says so.
    Account existing;
    existing.id = proposed;
    existing.kind = AccountKind::Aws;
    existing.regions = {QStringLiteral("eu-west-1")};
    AccountSecret secret;
    secret.accessKeyId = QStringLiteral("AKIAEXISTING00000001");
    secret.secretAccessKey = QStringLiteral("MARKER-import-existing-secret");
    QVERIFY(m_store->addAndWait(existing, secret));
    openDialog();
    QTableWidgetItem *id = table()->item(row, ImportCredentialsDialog::IdColumn);
    QCOMPARE(id->checkState(), Qt::Unchecked);
    QVERIFY2(status(row).contains(QStringLiteral("already exists")), qPrintable(status(row)));

    id->setCheckState(Qt::Checked); // asked for anyway: the clash blocks Import
    QVERIFY2(status(row).contains(QStringLiteral("already exists")), qPrintable(status(row)));
    QVERIFY(!importButton()->isEnabled());
    QCOMPARE(m_dialog->blockers().size(), 1);

    id->setText(proposed + QStringLiteral("-2")); // a new id: ready
    QCOMPARE(status(row), QStringLiteral("Ready to import"));
    QVERIFY(importButton()->isEnabled());
    QVERIFY(m_dialog->blockers().isEmpty());

    id->setText(QStringLiteral("not valid!")); // an invalid id blocks too
    QVERIFY(!importButton()->isEnabled());
}

void TestImportCredentialsDialog::importAddsTheCheckedRowsWithSecretsOnlyInTheKeychain() {
    openDialog();
    const int prod = rowWhere(QStringLiteral("prod"), QStringLiteral("AWS"));
    const int azure = rowWhere(QStringLiteral("AZURE"), QStringLiteral("Azure"));
    const int sso = rowWhere(QStringLiteral("sso-dev"), QStringLiteral("AWS"));
    const int def = rowWhere(QStringLiteral("default"), QStringLiteral("AWS"));
    QVERIFY(prod >= 0 && azure >= 0 && sso >= 0 && def >= 0);
    table()->item(def, ImportCredentialsDialog::IdColumn)->setCheckState(Qt::Unchecked); // not this one
    table()->item(prod, ImportCredentialsDialog::IdColumn)->setText(QStringLiteral("production"));
    const QString azureId = table()->item(azure, ImportCredentialsDialog::IdColumn)->text();

    QSignalSpy finished(m_dialog.get(), &ImportCredentialsDialog::importFinished);
    QTest::mouseClick(importButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs) || !finished.isEmpty());
    QCOMPARE(finished.first().at(0).toInt(), 2); // imported
    QCOMPARE(finished.first().at(1).toInt(), 0); // failed
    QVERIFY2(status(prod).contains(QStringLiteral("Imported")), qPrintable(status(prod)));
    QVERIFY2(status(azure).contains(QStringLiteral("Imported")), qPrintable(status(azure)));

    // In the store, under the ids chosen; the unchecked and the not importable are not.
    QCOMPARE(m_store->accounts().size(), 2);
    const std::optional<Account> production = m_store->account(QStringLiteral("production"));
    QVERIFY(production);
    QCOMPARE(production->kind, AccountKind::Aws);
    QCOMPARE(production->regions.value(0), QStringLiteral("us-east-1"));
    QVERIFY(m_store->account(azureId));

    // The secrets are in the keychain …
    const Result<AccountSecret> prodSecret = m_store->readSecretAndWait(QStringLiteral("production"));
    QVERIFY2(prodSecret, prodSecret ? "" : qPrintable(prodSecret.error().message));
    QCOMPARE(prodSecret->secretAccessKey, kProdSecret);
    QCOMPARE(prodSecret->sessionToken, kProdToken);
    const Result<AccountSecret> azureSecret = m_store->readSecretAndWait(azureId);
    QVERIFY(azureSecret);
    QCOMPARE(azureSecret->clientSecret, kAzureSecret);

    // … and nowhere in the list file.
    QFile list(m_store->listPath());
    QVERIFY(list.open(QIODevice::ReadOnly));
    const QByteArray content = list.readAll();
    QVERIFY(content.contains("production"));
    for (const QString &marker : {kDefaultSecret, kProdSecret, kProdToken, kAzureSecret})
        QVERIFY2(!content.contains(marker.toUtf8()), qPrintable(marker));

    // Imported rows are done: not checkable again; nothing left to import.
    QVERIFY(!(table()->item(prod, ImportCredentialsDialog::IdColumn)->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!importButton()->isEnabled());
}

QTEST_MAIN(TestImportCredentialsDialog)
#include "tst_import_credentials_dialog.moc"
