// The accounts dialog against the real thing: AccountStore with its list file in a temporary
// folder and its secrets in a real Secret Service (gnome-keyring in a private D-Bus session, see
// tests/support/with-keyring.sh), "Test connection" against the demo cloud on loopback (real
// CloudWatch wire format, real SigV4), real widgets under the offscreen platform.
//  - Add through the editor's values: the account is listed, its secret is in the keychain and
//    nowhere in the list file;
//  - Edit with empty secret fields keeps the stored secret; Rename moves it; Remove deletes both;
//  - Test connection says plainly whether the demo cloud accepted the account;
//  - a locked keychain: the dialog shows the store's message and the editor stays open with what
//    was typed (this case runs last: the keyring stays locked for the rest of the process).
#include "../support/manual_clock.h"
#include "core/auth/account_connection_tester.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/net/http_client.h"
#include "demo/demo_cloud.h"
#include "gui/account_editor_dialog.h"
#include "gui/account_list_model.h"
#include "gui/accounts_dialog.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AccountKind)

namespace {

constexpr int kWaitMs = 30'000; // generous: the keychain and loopback HTTP on a loaded machine
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
const QString kSecretMarker = QStringLiteral("MARKER-accounts-dialog-secret-8e21");

using Fields = QMap<QString, QString>;

} // namespace

class TestAccountsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addThroughTheEditorValues_data();
    void addThroughTheEditorValues();
    void editWithEmptySecretFieldsKeepsTheSecret();
    void renameMovesTheSecret();
    void removeDeletesAccountAndSecret();
    void detailsShowWhereSecretsAreAndTheExpiry();
    void testConnectionAgainstTheDemoCloud_data();
    void testConnectionAgainstTheDemoCloud();
    void lockedKeychainIsShownAndTheInputKept(); // last: leaves the keyring locked

private:
    AccountEditorDialog *fillEditor(AccountEditorDialog *editor, const Fields &fields) {
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            auto *edit = editor->findChild<QLineEdit *>(it.key());
            if (!edit)
                qFatal("no field %s", qPrintable(it.key()));
            edit->setText(it.value());
        }
        return editor;
    }
    static QPushButton *okButton(AccountEditorDialog *editor) {
        return editor->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
            ->button(QDialogButtonBox::Ok);
    }
    static QString label(const AccountsDialog &dialog, const char *name) {
        return dialog.findChild<QLabel *>(QLatin1String(name))->text();
    }
    QByteArray listFile() const {
        QFile f(m_store->listPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    Account awsAccount(const QString &id) const {
        Account a;
        a.id = id;
        a.kind = AccountKind::Aws;
        a.regions = {QStringLiteral("us-east-1")};
        a.source = QStringLiteral("test");
        return a;
    }
    static AccountSecret awsSecret(const QString &secretKey) {
        AccountSecret s;
        s.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
        s.secretAccessKey = secretKey;
        return s;
    }

    test::ManualClock m_clock{kNow};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AccountConnectionTester> m_tester;
    std::unique_ptr<AccountsDialog> m_dialog;
    int m_run = 0;
};

void TestAccountsDialog::initTestCase() {
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "run through ctest (tests/support/with-keyring.sh)");
    QCoreApplication::setApplicationName(QStringLiteral("mlwatch-tst-accounts-dialog"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestAccountsDialog::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->filePath(QStringLiteral("config")));
    QSettings().clear();
    // A service per test function: nothing one test stores is seen by the next.
    m_credentials =
        std::make_unique<CredentialStore>(QStringLiteral("mlwatch-tst-accounts-dialog-%1").arg(++m_run));
    m_store =
        std::make_unique<AccountStore>(m_dir->filePath(QStringLiteral("accounts.json")), *m_credentials);
    QVERIFY(m_store->load());
    m_http = std::make_unique<HttpClient>();
    m_tester = std::make_unique<AccountConnectionTester>(*m_http, m_clock);
    m_dialog = std::make_unique<AccountsDialog>(*m_store, *m_tester, m_clock);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestAccountsDialog::cleanup() {
    m_dialog.reset();
    m_tester.reset();
    m_http.reset();
    m_store.reset();
    m_credentials.reset();
    m_dir.reset();
}

void TestAccountsDialog::addThroughTheEditorValues_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QString>("scopes");
    QTest::newRow("aws: keys and regions") << AccountKind::Aws
                                           << Fields{{"idEdit", "prod"},
                                                     {"labelEdit", "Production"},
                                                     {"accessKeyIdEdit", "AKIAIOSFODNN7EXAMPLE"},
                                                     {"secretAccessKeyEdit", kSecretMarker},
                                                     {"regionsEdit", "eu-west-1 us-east-1"}}
                                           << "eu-west-1, us-east-1";
    QTest::newRow("azure: service principal and subscription")
        << AccountKind::Azure
        << Fields{{"idEdit", "azure-prod"},
                  {"tenantIdEdit", "contoso.onmicrosoft.com"},
                  {"clientIdEdit", "11111111-2222-3333-4444-555555555555"},
                  {"clientSecretEdit", kSecretMarker},
                  {"subscriptionsEdit", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}}
        << "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
}

void TestAccountsDialog::addThroughTheEditorValues() {
    QFETCH(AccountKind, kind);
    QFETCH(Fields, fields);
    QFETCH(QString, scopes);

    QPointer<AccountEditorDialog> editor = fillEditor(m_dialog->addAccount(kind), fields);
    QVERIFY(editor->isVisible());
    QSignalSpy changed(m_store.get(), &AccountStore::accountsChanged);
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), kWaitMs); // closed once saved
    QVERIFY(m_dialog->errorText().isEmpty());

    const QString id = fields.value(QStringLiteral("idEdit"));
    QVERIFY(m_store->account(id));
    QCOMPARE(m_dialog->selectedId(), id);
    const int row = m_dialog->model()->rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(m_dialog->model()->index(row, AccountListModel::ScopesColumn).data().toString(), scopes);
    QCOMPARE(m_dialog->model()->index(row, AccountListModel::KindColumn).data().toString(),
             accountKindTitle(kind));

    // The secret is in the keychain, and nowhere in the list file.
    const Result<AccountSecret> secret = m_store->readSecretAndWait(id);
    QVERIFY2(secret, secret ? "" : qPrintable(secret.error().message));
    QVERIFY(secret->secretAccessKey == kSecretMarker || secret->clientSecret == kSecretMarker);
    const QByteArray file = listFile();
    QVERIFY(file.contains(id.toUtf8()));
    QVERIFY2(!file.contains(kSecretMarker.toUtf8()), "the list file holds no secret");
    QVERIFY(!label(*m_dialog, "detailsLabel").contains(kSecretMarker));
}

void TestAccountsDialog::editWithEmptySecretFieldsKeepsTheSecret() {
    QVERIFY(m_store->addAndWait(awsAccount(QStringLiteral("prod")), awsSecret(kSecretMarker)));
    m_dialog->selectAccount(QStringLiteral("prod"));
    QPointer<AccountEditorDialog> editor = m_dialog->editSelected();
    QVERIFY(editor);
    QVERIFY(editor->findChild<QLineEdit *>(QStringLiteral("secretAccessKeyEdit"))->text().isEmpty());
    fillEditor(editor, {{"labelEdit", "Production"}, {"regionsEdit", "us-east-1, eu-central-1"}});
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), kWaitMs);
    QCOMPARE(m_store->account(QStringLiteral("prod"))->label, QStringLiteral("Production"));
    QCOMPARE(m_store->account(QStringLiteral("prod"))->regions.size(), 2);
    const Result<AccountSecret> secret = m_store->readSecretAndWait(QStringLiteral("prod"));
    QVERIFY(secret);
    QCOMPARE(secret->secretAccessKey, kSecretMarker); // untouched
}

void TestAccountsDialog::renameMovesTheSecret() {
    QVERIFY(m_store->addAndWait(awsAccount(QStringLiteral("old-id")), awsSecret(kSecretMarker)));
    m_dialog->selectAccount(QStringLiteral("old-id"));
    QInputDialog *input = m_dialog->renameSelected();
    QVERIFY(input);
    QCOMPARE(input->textValue(), QStringLiteral("old-id"));
    input->setTextValue(QStringLiteral("new-id"));
    input->accept();
    QTRY_VERIFY_WITH_TIMEOUT(m_store->account(QStringLiteral("new-id")).has_value(), kWaitMs);
    QVERIFY(!m_store->account(QStringLiteral("old-id")));
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->selectedId(), QStringLiteral("new-id"), kWaitMs);
    const Result<AccountSecret> moved = m_store->readSecretAndWait(QStringLiteral("new-id"));
    QVERIFY(moved);
    QCOMPARE(moved->secretAccessKey, kSecretMarker);
    QVERIFY(!m_store->readSecretAndWait(QStringLiteral("old-id")));

    // An id that is taken: the store refuses and the dialog says why.
    QVERIFY(m_store->addAndWait(awsAccount(QStringLiteral("other")), awsSecret(kSecretMarker)));
    m_dialog->selectAccount(QStringLiteral("new-id"));
    input = m_dialog->renameSelected();
    input->setTextValue(QStringLiteral("other"));
    input->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), kWaitMs);
    QVERIFY2(m_dialog->errorText().contains(QStringLiteral("other")), qPrintable(m_dialog->errorText()));
    QVERIFY(m_store->account(QStringLiteral("new-id")));
}

void TestAccountsDialog::removeDeletesAccountAndSecret() {
    QVERIFY(m_store->addAndWait(awsAccount(QStringLiteral("gone")), awsSecret(kSecretMarker)));
    QVERIFY(m_store->addAndWait(awsAccount(QStringLiteral("stays")), awsSecret(kSecretMarker)));
    m_dialog->selectAccount(QStringLiteral("gone"));

    QMessageBox *box = m_dialog->removeSelected();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("gone")));
    box->button(QMessageBox::Cancel)->click(); // asked first; "Cancel" keeps it
    QVERIFY(m_store->account(QStringLiteral("gone")));

    box = m_dialog->removeSelected();
    QVERIFY(box->informativeText().contains(CredentialStore::keychainName()));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_store->account(QStringLiteral("gone")), kWaitMs);
    QCOMPARE(m_dialog->model()->rowCount(), 1);
    // The keychain entry went with it (the store no longer knows the id, so ask the keychain).
    const Result<QByteArray> secret = m_credentials->readAndWait(QStringLiteral("gone"));
    QVERIFY(!secret);
    QCOMPARE(secret.error().code, ErrorCode::NoCredentials);
    QVERIFY(m_credentials->readAndWait(QStringLiteral("stays")));
    QVERIFY(!listFile().contains("\"gone\""));
}

void TestAccountsDialog::detailsShowWhereSecretsAreAndTheExpiry() {
    Account temporary = awsAccount(QStringLiteral("temp"));
    temporary.expiresAt = kNow.addSecs(10 * 60);
    AccountSecret secret = awsSecret(kSecretMarker);
    secret.sessionToken = QStringLiteral("MARKER-accounts-dialog-token-77aa");
    QVERIFY(m_store->addAndWait(temporary, secret));
    m_dialog->selectAccount(QStringLiteral("temp"));

    const QString details = label(*m_dialog, "detailsLabel");
    QVERIFY2(details.contains(accessKeyHintFor(secret.accessKeyId)), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("us-east-1")), qPrintable(details));
    QCOMPARE(label(*m_dialog, "secretsLabel"),
             QStringLiteral("Secrets: stored in ") + CredentialStore::keychainName());
    const QString expiry = label(*m_dialog, "expiryLabel");
    QVERIFY2(expiry.startsWith(QStringLiteral("⚠")), qPrintable(expiry)); // within 15 minutes
    const QString time = QLocale().toString(temporary.expiresAt.toLocalTime().time(), QLocale::ShortFormat);
    QVERIFY2(expiry.contains(time) && expiry.contains(QStringLiteral("(UTC)")), qPrintable(expiry));
    for (QLabel *l : m_dialog->findChildren<QLabel *>()) {
        QVERIFY(!l->text().contains(kSecretMarker));
        QVERIFY(!l->text().contains(QStringLiteral("MARKER-accounts-dialog-token")));
    }
}

void TestAccountsDialog::testConnectionAgainstTheDemoCloud_data() {
    QTest::addColumn<bool>("rightSecret");
    QTest::newRow("the demo's credentials: signed in and metrics readable") << true;
    QTest::newRow("a wrong secret key: not signed in, and the dialog says so") << false;
}

void TestAccountsDialog::testConnectionAgainstTheDemoCloud() {
    QFETCH(bool, rightSecret);
    demo::DemoCloud cloud;
    QVERIFY(cloud.start(kNow));
    Account account = awsAccount(QStringLiteral("demo"));
    account.endpointUrl = cloud.endpoint().toString();
    account.regions = {demo::DemoCloud::region()};
    AccountSecret secret;
    secret.accessKeyId = demo::DemoCloud::credentials().accessKeyId;
    secret.secretAccessKey = rightSecret ? demo::DemoCloud::credentials().secretAccessKey : kSecretMarker;
    QVERIFY(m_store->addAndWait(account, secret));
    m_dialog->selectAccount(QStringLiteral("demo"));
    QVERIFY(label(*m_dialog, "testResultLabel").contains(QStringLiteral("Not tested yet")));

    QSignalSpy tested(m_dialog.get(), &AccountsDialog::connectionTested);
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
    QVERIFY(tested.wait(kWaitMs) || !tested.isEmpty());
    QCOMPARE(tested.first().first().toString(), QStringLiteral("demo"));
    const std::optional<ConnectionReport> report = m_dialog->lastTest(QStringLiteral("demo"));
    QVERIFY(report);
    QCOMPARE(report->ok(), rightSecret);
    QCOMPARE(report->signedIn, rightSecret);
    QVERIFY(cloud.requestCount() >= 1); // a real call reached the demo cloud
    const QString result = label(*m_dialog, "testResultLabel");
    QVERIFY2(result.contains(report->summary), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("(UTC)")), qPrintable(result)); // when, with its zone
    QVERIFY(!result.contains(kSecretMarker));
    QVERIFY(m_dialog->findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());
}

void TestAccountsDialog::lockedKeychainIsShownAndTheInputKept() {
    // Lock the default collection, as a screen lock or a keyring timeout does.
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"),
                           QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
    QVERIFY(service.isValid());
    const QDBusReply<QDBusObjectPath> collection =
        service.call(QStringLiteral("ReadAlias"), QStringLiteral("default"));
    QVERIFY2(collection.isValid(), qPrintable(collection.error().message()));
    const QDBusMessage locked =
        service.call(QStringLiteral("Lock"), QVariant::fromValue(QList<QDBusObjectPath>{collection.value()}));
    QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

    QPointer<AccountEditorDialog> editor =
        fillEditor(m_dialog->addAccount(AccountKind::Aws), {{"idEdit", "prod"},
                                                            {"accessKeyIdEdit", "AKIAIOSFODNN7EXAMPLE"},
                                                            {"secretAccessKeyEdit", kSecretMarker},
                                                            {"regionsEdit", "us-east-1"}});
    QTest::mouseClick(okButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), kWaitMs);
    const QString error = m_dialog->errorText();
    QVERIFY2(error.contains(QStringLiteral("locked"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!error.contains(kSecretMarker));
    // The editor stays open with everything typed, and says the same.
    QVERIFY(editor);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->findChild<QLineEdit *>(QStringLiteral("secretAccessKeyEdit"))->text(), kSecretMarker);
    QCOMPARE(editor->findChild<QLineEdit *>(QStringLiteral("idEdit"))->text(), QStringLiteral("prod"));
    const QString problem = editor->findChild<QLabel *>(QStringLiteral("problemLabel"))->text();
    QVERIFY2(problem.contains(QStringLiteral("locked"), Qt::CaseInsensitive), qPrintable(problem));
    // Nothing was written anywhere else: no account, no file with the secret.
    QVERIFY(!m_store->account(QStringLiteral("prod")));
    QVERIFY(!listFile().contains(kSecretMarker.toUtf8()));
}

QTEST_MAIN(TestAccountsDialog)
#include "tst_accounts_dialog.moc"
