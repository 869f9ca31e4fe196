// The account editor on real widgets: each page's validation (rows named after the rule they
// pin), editing that shows "stored in <keychain>" and never a secret, empty secret fields that
// keep the stored secret, the Google key file read into memory without showing the key, and an
// endpoint host the policy refuses put to the person before anything is submitted — confirming
// stores it as trusted in the settings.
#include "../support/manual_clock.h"
#include "core/auth/credential_store.h"
#include "core/auth/endpoint_policy.h"
#include "gui/account_editor_dialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::AccountKind)

namespace {

using Fields = QMap<QString, QString>; // objectName → text ("1" checks a check box)

const QString kSecretMarker = QStringLiteral("MARKER-editor-secret-5d1c");
const QString kKeyMarker = QStringLiteral("MARKER-editor-private-key-c0ffee");

Fields validAws() {
    return {{"idEdit", "prod"},
            {"accessKeyIdEdit", "AKIAIOSFODNN7EXAMPLE"},
            {"secretAccessKeyEdit", kSecretMarker},
            {"regionsEdit", "eu-west-1, us-east-1"}};
}

Fields validAzure() {
    return {{"idEdit", "azure-prod"},
            {"tenantIdEdit", "contoso.onmicrosoft.com"},
            {"clientIdEdit", "11111111-2222-3333-4444-555555555555"},
            {"clientSecretEdit", kSecretMarker},
            {"subscriptionsEdit", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}};
}

Fields with(Fields fields, const QString &name, const QString &value) {
    fields.insert(name, value);
    return fields;
}

Fields without(Fields fields, const QString &name) {
    fields.remove(name);
    return fields;
}

} // namespace

class TestAccountEditorDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setApplicationName(QStringLiteral("mlwatch-tst-account-editor"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
    }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir->filePath(QStringLiteral("config")));
        QSettings().clear();
        m_dialog = std::make_unique<AccountEditorDialog>(m_clock, EndpointPolicy());
    }
    void cleanup() {
        m_dialog.reset();
        m_dir.reset();
    }

    void pageValidation_data();
    void pageValidation();
    void newAccountValuesComeBackAsTyped();
    void editingShowsWhereTheSecretIsNeverTheSecret_data();
    void editingShowsWhereTheSecretIsNeverTheSecret();
    void emptySecretFieldsKeepTheStoredSecret_data();
    void emptySecretFieldsKeepTheStoredSecret();
    void googleKeyFileIsReadButNeverShown();
    void refusedEndpointHostIsAskedAbout_data();
    void refusedEndpointHostIsAskedAbout();
    void cloudOwnEndpointIsNotAskedAbout();
    void storeErrorKeepsTheInput();

private:
    void fill(const Fields &fields) {
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (auto *edit = m_dialog->findChild<QLineEdit *>(it.key()))
                edit->setText(it.value());
            else if (auto *check = m_dialog->findChild<QCheckBox *>(it.key()))
                check->setChecked(it.value() == QLatin1String("1"));
            else
                QFAIL(qPrintable(QStringLiteral("no field %1").arg(it.key())));
        }
    }
    QLineEdit *edit(const char *name) const { return m_dialog->findChild<QLineEdit *>(QLatin1String(name)); }
    QPushButton *okButton() const {
        return m_dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
            ->button(QDialogButtonBox::Ok);
    }
    QString problemText() const {
        return m_dialog->findChild<QLabel *>(QStringLiteral("problemLabel"))->text();
    }
    QString writeKeyFile(const QString &type) const {
        QJsonObject key;
        key.insert(QStringLiteral("type"), type);
        if (type == QLatin1String("service_account")) {
            key.insert(QStringLiteral("project_id"), QStringLiteral("ml-proj"));
            key.insert(QStringLiteral("private_key_id"), QStringLiteral("0123456789abcdef"));
            key.insert(QStringLiteral("private_key"),
                       QString(QStringLiteral("-----BEGIN PRIVATE KEY-----\n") + kKeyMarker +
                               QStringLiteral("\n-----END PRIVATE KEY-----\n")));
            key.insert(QStringLiteral("client_email"),
                       QStringLiteral("watcher@ml-proj.iam.gserviceaccount.com"));
            key.insert(QStringLiteral("client_id"), QStringLiteral("109876543210"));
            key.insert(QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token"));
        } else {
            key.insert(QStringLiteral("client_id"),
                       QStringLiteral("764086051850-abc.apps.googleusercontent.com"));
            key.insert(QStringLiteral("client_secret"), kKeyMarker);
            key.insert(QStringLiteral("refresh_token"), QString(kKeyMarker + QStringLiteral("-refresh")));
            key.insert(QStringLiteral("quota_project_id"), QStringLiteral("ml-proj"));
        }
        const QString path = m_dir->filePath(type + QStringLiteral(".json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QJsonDocument(key).toJson());
        return path;
    }

    test::ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AccountEditorDialog> m_dialog;
};

void TestAccountEditorDialog::pageValidation_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QString>("problem"); // empty: the values can be saved

    const Fields aws = validAws();
    QTest::newRow("aws: complete keys and regions are valid") << AccountKind::Aws << aws << "";
    QTest::newRow("aws: temporary credentials with expiry are valid")
        << AccountKind::Aws
        << with(with(aws, "sessionTokenEdit", "MARKER-editor-token-1"), "expiresCheck", "1") << "";
    QTest::newRow("aws: loopback http endpoint is valid")
        << AccountKind::Aws << with(aws, "awsEndpointEdit", "http://127.0.0.1:4566/") << "";
    QTest::newRow("aws: an id is required") << AccountKind::Aws << without(aws, "idEdit") << "Enter an id";
    QTest::newRow("aws: an id with spaces is refused")
        << AccountKind::Aws << with(aws, "idEdit", "my prod") << "The id may hold only";
    QTest::newRow("aws: a taken id is refused")
        << AccountKind::Aws << with(aws, "idEdit", "taken") << "already exists";
    QTest::newRow("aws: the access key id is required")
        << AccountKind::Aws << without(aws, "accessKeyIdEdit") << "Enter the access key id";
    QTest::newRow("aws: the secret access key is required")
        << AccountKind::Aws << without(aws, "secretAccessKeyEdit") << "Enter the secret access key";
    QTest::newRow("aws: a lower-case access key id is refused")
        << AccountKind::Aws << with(aws, "accessKeyIdEdit", "akiaiosfodnn7example") << "capital letters";
    QTest::newRow("aws: an expiry needs a session token")
        << AccountKind::Aws << with(aws, "expiresCheck", "1") << "session token";
    QTest::newRow("aws: at least one region")
        << AccountKind::Aws << without(aws, "regionsEdit") << "at least one region";
    QTest::newRow("aws: a region must look like one")
        << AccountKind::Aws << with(aws, "regionsEdit", "eu-west-1, Frankfurt")
        << "“Frankfurt” is not an AWS region";
    QTest::newRow("aws: an endpoint must be a URL")
        << AccountKind::Aws << with(aws, "awsEndpointEdit", "monitoring") << "must be an address";
    QTest::newRow("aws: plain http only to loopback")
        << AccountKind::Aws << with(aws, "awsEndpointEdit", "http://metrics.example.com/")
        << "must use https://";

    const Fields azure = validAzure();
    QTest::newRow("azure: tenant, client, secret and subscription are valid")
        << AccountKind::Azure << azure << "";
    QTest::newRow("azure: a GUID tenant is valid")
        << AccountKind::Azure << with(azure, "tenantIdEdit", "99999999-8888-7777-6666-555555555555") << "";
    QTest::newRow("azure: the tenant is required")
        << AccountKind::Azure << without(azure, "tenantIdEdit") << "Enter the tenant id";
    QTest::newRow("azure: the client id is a GUID")
        << AccountKind::Azure << with(azure, "clientIdEdit", "my-app") << "The client id is a GUID";
    QTest::newRow("azure: the client secret is required")
        << AccountKind::Azure << without(azure, "clientSecretEdit") << "Enter the client secret";
    QTest::newRow("azure: at least one subscription")
        << AccountKind::Azure << without(azure, "subscriptionsEdit") << "at least one subscription";
    QTest::newRow("azure: subscriptions are GUIDs")
        << AccountKind::Azure << with(azure, "subscriptionsEdit", "prod-sub")
        << "“prod-sub” is not a subscription id";
    QTest::newRow("azure: the authority host must be https")
        << AccountKind::Azure << with(azure, "authorityHostEdit", "http://login.example.com")
        << "The authority host must use https://";

    QTest::newRow("google: a key file is required")
        << AccountKind::Gcp << Fields{{"idEdit", "vertex"}, {"projectsEdit", "ml-proj"}}
        << "Choose the key file";
    QTest::newRow("google: project ids must look like ones")
        << AccountKind::Gcp << Fields{{"idEdit", "vertex"}, {"projectsEdit", "ML Project"}}
        << "is not a Google Cloud project id";
}

void TestAccountEditorDialog::pageValidation() {
    QFETCH(AccountKind, kind);
    QFETCH(Fields, fields);
    QFETCH(QString, problem);

    m_dialog->startNew(kind, {QStringLiteral("taken")});
    fill(fields);
    const QStringList problems = m_dialog->problems();
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(okButton()->isEnabled());
        QVERIFY(problemText().isEmpty());
        return;
    }
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(problem),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(!okButton()->isEnabled());
    QVERIFY(!problemText().isEmpty()); // the first problem is said under the form
    QVERIFY2(!problemText().contains(kSecretMarker), "a problem text never repeats a secret");
    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    m_dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->accepted();
    QCOMPARE(submitted.count(), 0);
}

void TestAccountEditorDialog::newAccountValuesComeBackAsTyped() {
    m_dialog->startNew(AccountKind::Aws, {});
    fill(with(with(validAws(), "labelEdit", "Production"), "sessionTokenEdit", "MARKER-editor-token-2"));
    m_dialog->findChild<QCheckBox *>(QStringLiteral("expiresCheck"))->setChecked(true);
    auto *expires = m_dialog->findChild<QDateTimeEdit *>(QStringLiteral("expiresEdit"));
    const QDateTime expiry(QDate(2026, 11, 20), QTime(13, 30), Qt::UTC);
    expires->setDateTime(expiry.toLocalTime());
    QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("expiresZoneLabel"))
                ->text()
                .contains(QStringLiteral("UTC")));

    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    const Account a = m_dialog->account();
    QCOMPARE(a.id, QStringLiteral("prod"));
    QCOMPARE(a.label, QStringLiteral("Production"));
    QCOMPARE(a.kind, AccountKind::Aws);
    QCOMPARE(a.regions, (QStringList{QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")}));
    QCOMPARE(a.accessKeyHint, accessKeyHintFor(QStringLiteral("AKIAIOSFODNN7EXAMPLE")));
    QCOMPARE(a.expiresAt, expiry);
    QVERIFY(!a.source.isEmpty());
    const std::optional<AccountSecret> s = m_dialog->secret();
    QVERIFY(s);
    QCOMPARE(s->accessKeyId, QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
    QCOMPARE(s->secretAccessKey, kSecretMarker);
    QCOMPARE(s->sessionToken, QStringLiteral("MARKER-editor-token-2"));
    // The account half never carries the secret.
    QVERIFY(!QJsonDocument(a.toJson()).toJson().contains(kSecretMarker.toUtf8()));
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected)); // the owner accepts once it saved
}

void TestAccountEditorDialog::editingShowsWhereTheSecretIsNeverTheSecret_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<QStringList>("secretFields");
    QTest::newRow("aws: key id, secret key and token say where they are")
        << AccountKind::Aws << QStringList{"accessKeyIdEdit", "secretAccessKeyEdit", "sessionTokenEdit"};
    QTest::newRow("azure: the client secret says where it is")
        << AccountKind::Azure << QStringList{"clientSecretEdit"};
}

void TestAccountEditorDialog::editingShowsWhereTheSecretIsNeverTheSecret() {
    QFETCH(AccountKind, kind);
    QFETCH(QStringList, secretFields);
    Account stored;
    stored.id = QStringLiteral("prod");
    stored.kind = kind;
    stored.regions = {QStringLiteral("eu-west-1")};
    stored.accessKeyHint = QStringLiteral("AKIA…MPLE");
    stored.tenantId = QStringLiteral("contoso.onmicrosoft.com");
    stored.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    stored.subscriptionIds = {QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")};
    m_dialog->startEdit(stored);

    QVERIFY(edit("idEdit")->isReadOnly()); // Rename… changes ids
    for (const QString &name : secretFields) {
        QLineEdit *field = m_dialog->findChild<QLineEdit *>(name);
        QVERIFY(field);
        QVERIFY2(field->text().isEmpty(), qPrintable(name));
        QVERIFY2(
            field->placeholderText().contains(QStringLiteral("stored in ") + CredentialStore::keychainName()),
            qPrintable(field->placeholderText()));
    }
    for (const char *password : {"secretAccessKeyEdit", "sessionTokenEdit", "clientSecretEdit"})
        QCOMPARE(edit(password)->echoMode(), QLineEdit::Password);
    if (kind == AccountKind::Aws) // enough to recognise the key, never the key
        QVERIFY(edit("accessKeyIdEdit")->placeholderText().contains(QStringLiteral("AKIA…MPLE")));
    QVERIFY(m_dialog->problems().isEmpty());
    QVERIFY(!m_dialog->secret());
}

void TestAccountEditorDialog::emptySecretFieldsKeepTheStoredSecret_data() {
    QTest::addColumn<AccountKind>("kind");
    QTest::addColumn<Fields>("typed");
    QTest::addColumn<bool>("replaces");
    QTest::addColumn<QString>("problem");
    QTest::newRow("aws: only the name changed keeps the stored keys")
        << AccountKind::Aws << Fields{{"labelEdit", "Renamed"}} << false << "";
    QTest::newRow("aws: new key id and secret key replace the stored keys")
        << AccountKind::Aws
        << Fields{{"accessKeyIdEdit", "AKIAI44QH8DHBEXAMPLE"}, {"secretAccessKeyEdit", kSecretMarker}} << true
        << "";
    QTest::newRow("aws: a secret key alone cannot be merged with the stored key id")
        << AccountKind::Aws << Fields{{"secretAccessKeyEdit", kSecretMarker}} << true
        << "enter both the access key id and the secret access key";
    QTest::newRow("azure: an empty client secret keeps the stored one")
        << AccountKind::Azure << Fields{{"subscriptionsEdit", "aaaaaaaa-bbbb-cccc-dddd-ffffffffffff"}}
        << false << "";
    QTest::newRow("azure: a typed client secret replaces it")
        << AccountKind::Azure << Fields{{"clientSecretEdit", kSecretMarker}} << true << "";
}

void TestAccountEditorDialog::emptySecretFieldsKeepTheStoredSecret() {
    QFETCH(AccountKind, kind);
    QFETCH(Fields, typed);
    QFETCH(bool, replaces);
    QFETCH(QString, problem);
    Account stored;
    stored.id = QStringLiteral("acc");
    stored.kind = kind;
    stored.regions = {QStringLiteral("eu-west-1")};
    stored.accessKeyHint = QStringLiteral("AKIA…MPLE");
    stored.tenantId = QStringLiteral("contoso.onmicrosoft.com");
    stored.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    stored.subscriptionIds = {QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")};
    m_dialog->startEdit(stored);
    fill(typed);
    if (!problem.isEmpty()) {
        QVERIFY2(m_dialog->problems().join(QLatin1Char('\n')).contains(problem),
                 qPrintable(m_dialog->problems().join(QLatin1Char('\n'))));
        return;
    }
    QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(m_dialog->problems().join(QLatin1Char('\n'))));
    QCOMPARE(bool(m_dialog->secret()), replaces);
    if (replaces)
        QVERIFY(m_dialog->secret()->secretAccessKey == kSecretMarker ||
                m_dialog->secret()->clientSecret == kSecretMarker);
    const Account a = m_dialog->account();
    QCOMPARE(a.id, QStringLiteral("acc"));
    if (kind == AccountKind::Aws && !replaces)
        QCOMPARE(a.accessKeyHint, QStringLiteral("AKIA…MPLE")); // still describes the stored key
    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
}

void TestAccountEditorDialog::googleKeyFileIsReadButNeverShown() {
    m_dialog->startNew(AccountKind::Gcp, {});
    fill({{"idEdit", "vertex"}});
    const QString path = writeKeyFile(QStringLiteral("service_account"));
    const Result<void> loaded = m_dialog->loadKeyFile(path);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));

    const QString info = m_dialog->findChild<QLabel *>(QStringLiteral("keyFileInfoLabel"))->text();
    QVERIFY2(info.contains(QStringLiteral("watcher@ml-proj.iam.gserviceaccount.com")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Service-account key")), qPrintable(info));
    for (QLabel *label : m_dialog->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(kKeyMarker), "the key is never displayed");
    for (QLineEdit *field : m_dialog->findChildren<QLineEdit *>())
        QVERIFY2(!field->text().contains(kKeyMarker), "the key is never displayed");
    QCOMPARE(edit("projectsEdit")->text(), QStringLiteral("ml-proj")); // from the key's project_id
    QVERIFY2(m_dialog->problems().isEmpty(), qPrintable(m_dialog->problems().join(QLatin1Char('\n'))));

    const Account a = m_dialog->account();
    QCOMPARE(a.gcpCredentialType, QStringLiteral("service_account"));
    QCOMPARE(a.clientEmail, QStringLiteral("watcher@ml-proj.iam.gserviceaccount.com"));
    QVERIFY(!QJsonDocument(a.toJson()).toJson().contains(kKeyMarker.toUtf8()));
    QVERIFY(m_dialog->secret());
    QVERIFY(m_dialog->secret()->googleCredentialsJson.contains(kKeyMarker.toUtf8())); // verbatim, in memory

    // A file that is not a key: the error names the file, the editor keeps going.
    const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"type\": \"service_account\", ");
    f.close();
    const Result<void> bad = m_dialog->loadKeyFile(broken);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.contains(broken), qPrintable(bad.error().message));
    QCOMPARE(m_dialog->account().clientEmail, QStringLiteral("watcher@ml-proj.iam.gserviceaccount.com"));
}

void TestAccountEditorDialog::refusedEndpointHostIsAskedAbout_data() {
    QTest::addColumn<bool>("confirm");
    QTest::newRow("confirmed: trusted on this machine and submitted") << true;
    QTest::newRow("declined: not submitted, the input stays") << false;
}

void TestAccountEditorDialog::refusedEndpointHostIsAskedAbout() {
    QFETCH(bool, confirm);
    const QString host = QStringLiteral("cloudwatch.proxy.corp.example");
    m_dialog->startNew(AccountKind::Aws, {});
    fill(with(validAws(), "awsEndpointEdit", QStringLiteral("https://%1/").arg(host)));
    m_dialog->show();
    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    QSignalSpy trusted(m_dialog.get(), &AccountEditorDialog::hostTrusted);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 0); // asked first

    auto *box = m_dialog->findChild<QMessageBox *>(QStringLiteral("confirmHostBox"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("Send this account's credentials to %1?").arg(host)),
             qPrintable(box->text()));
    if (confirm) {
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("trustHostButton")), Qt::LeftButton);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(trusted.count(), 1);
        QCOMPARE(trusted.first().first().toString(), host);
        QVERIFY(EndpointPolicy::fromSettings(QSettings()).trustedHosts().contains(host));
        QVERIFY(m_dialog->policy().trustedHosts().contains(host));
    } else {
        box->button(QMessageBox::Cancel)->click();
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(trusted.count(), 0);
        QVERIFY(!EndpointPolicy::fromSettings(QSettings()).trustedHosts().contains(host));
        QVERIFY2(problemText().contains(host), qPrintable(problemText()));
        QCOMPARE(edit("secretAccessKeyEdit")->text(), kSecretMarker); // nothing typed is lost
        QVERIFY(m_dialog->isVisible());
    }
}

void TestAccountEditorDialog::cloudOwnEndpointIsNotAskedAbout() {
    m_dialog->startNew(AccountKind::Aws, {});
    fill(with(validAws(), "awsEndpointEdit", "https://monitoring.eu-west-1.amazonaws.com/"));
    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    QVERIFY(!m_dialog->findChild<QMessageBox *>(QStringLiteral("confirmHostBox")));
}

void TestAccountEditorDialog::storeErrorKeepsTheInput() {
    m_dialog->startNew(AccountKind::Aws, {});
    fill(validAws());
    m_dialog->show();
    QSignalSpy submitted(m_dialog.get(), &AccountEditorDialog::submitted);
    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(submitted.count(), 1);
    m_dialog->setBusy(true);
    QVERIFY(!okButton()->isEnabled());
    m_dialog->showError(QStringLiteral("The keychain is locked: unlock it."));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(problemText().contains(QStringLiteral("The keychain is locked")));
    QCOMPARE(edit("secretAccessKeyEdit")->text(), kSecretMarker);
    QVERIFY(okButton()->isEnabled()); // try again
}

QTEST_MAIN(TestAccountEditorDialog)
#include "tst_account_editor_dialog.moc"
