#include "gui/account_editor_dialog.h"

#include "ui_account_editor_dialog.h"

#include "charts/chart_axes.h"
#include "core/auth/credential_import.h"
#include "core/auth/credential_store.h"
#include "core/common/clock.h"
#include "core/common/error.h"
#include "gui/account_texts.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>

namespace mlwatch {

namespace {

// Comma- (or space-) separated ids, trimmed, without empties and repeats, in the order typed.
QStringList parseList(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (!out.contains(part))
            out.append(part);
    return out;
}

bool matches(const QString &pattern, const QString &text) {
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

const QString kGuid = QStringLiteral("[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}");
// us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-3 …
const QString kAwsRegion = QStringLiteral("[a-z]{2}(-[a-z]+)+-[0-9]+");
// Google project ids: 6–30 lower-case letters, digits and hyphens; old ones may carry "domain:".
const QString kGcpProject = QStringLiteral("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
// Access key ids are upper-case letters and digits (AKIA… long-term, ASIA… temporary).
const QString kAccessKeyId = QStringLiteral("[A-Z0-9]{16,128}");

// An endpoint field: empty, or an https URL (http only to this computer, as HttpClient enforces).
QString urlProblem(const QString &text, const QString &what) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return AccountEditorDialog::tr("The %1 must be an address like https://host/.").arg(what);
    if (scheme == QLatin1String("http") && !EndpointPolicy::isLoopback(url))
        return AccountEditorDialog::tr("The %1 must use https:// — plain http:// only goes to this computer "
                                       "(127.0.0.1, localhost).")
            .arg(what);
    return {};
}

} // namespace

AccountEditorDialog::AccountEditorDialog(const Clock &clock, const EndpointPolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountEditorDialog>())
    , m_clock(clock)
    , m_policy(policy) {
    m_ui->setupUi(this);
    m_ui->expiresEdit->setTimeSpec(Qt::LocalTime);
    m_ui->expiresEdit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_ui->expiresCheck->setAccessibleName(tr("Temporary credentials expire"));
    m_ui->chooseKeyFileButton->setAccessibleName(tr("Choose key file"));
    m_ui->keyFileInfoLabel->setAccessibleName(tr("Key file"));
    m_ui->secretsNoteLabel->setText(AccountTexts::secretsStoredIn());
    m_ui->secretsNoteLabel->setForegroundRole(QPalette::PlaceholderText);
    // The zone of the expiry is always stated: the edit shows local time.
    const auto showZone = [this] {
        m_ui->expiresZoneLabel->setText(
            localZoneLabel(m_ui->expiresEdit->dateTime().toUTC().toMSecsSinceEpoch()));
    };
    connect(m_ui->expiresEdit, &QDateTimeEdit::dateTimeChanged, this, showZone);
    connect(m_ui->expiresCheck, &QCheckBox::toggled, m_ui->expiresEdit, &QWidget::setEnabled);
    m_ui->expiresEdit->setDateTime(clock.nowUtc().addSecs(3600).toLocalTime());
    showZone();

    const QList<QLineEdit *> edits = findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits)
        connect(edit, &QLineEdit::textChanged, this, &AccountEditorDialog::updateProblems);
    connect(m_ui->expiresCheck, &QCheckBox::toggled, this, &AccountEditorDialog::updateProblems);
    connect(m_ui->chooseKeyFileButton, &QPushButton::clicked, this, &AccountEditorDialog::chooseKeyFile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountEditorDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    startNew(AccountKind::Aws, {});
}

AccountEditorDialog::~AccountEditorDialog() = default;

void AccountEditorDialog::startNew(AccountKind kind, const QStringList &takenIds) {
    m_kind = kind;
    m_editing = false;
    m_original = Account{};
    m_takenIds = takenIds;
    m_ui->kindPages->setCurrentIndex(int(kind));
    m_ui->idEdit->setReadOnly(false);
    setWindowTitle(tr("Add %1 account").arg(accountKindTitle(kind)));
    for (QLineEdit *field : secretFields())
        field->setPlaceholderText(QString());
    m_ui->sessionTokenEdit->setPlaceholderText(tr("only for temporary credentials"));
    m_ui->accessKeyIdEdit->setPlaceholderText(QStringLiteral("AKIA…"));
    showKeyFileInfo();
    updateProblems();
}

void AccountEditorDialog::startEdit(const Account &account) {
    m_kind = account.kind;
    m_editing = true;
    m_original = account;
    m_takenIds.clear();
    m_ui->kindPages->setCurrentIndex(int(account.kind));
    setWindowTitle(tr("Edit account “%1”").arg(account.displayName()));
    m_ui->idEdit->setText(account.id);
    m_ui->idEdit->setReadOnly(true);
    m_ui->idEdit->setToolTip(tr("Use Rename… in the accounts list to change the id"));
    m_ui->labelEdit->setText(account.label);
    // The secret is never read into the editor: its fields say where it is instead.
    for (QLineEdit *field : secretFields()) {
        field->clear();
        field->setPlaceholderText(AccountTexts::storedPlaceholder());
    }
    if (!account.accessKeyHint.isEmpty())
        m_ui->accessKeyIdEdit->setPlaceholderText(
            tr("%1 (%2)").arg(AccountTexts::storedPlaceholder(), account.accessKeyHint));
    switch (account.kind) {
    case AccountKind::Aws:
        m_ui->regionsEdit->setText(account.regions.join(QStringLiteral(", ")));
        m_ui->awsEndpointEdit->setText(account.endpointUrl);
        m_ui->expiresCheck->setChecked(account.expiresAt.isValid());
        if (account.expiresAt.isValid())
            m_ui->expiresEdit->setDateTime(account.expiresAt.toLocalTime());
        break;
    case AccountKind::Azure:
        m_ui->tenantIdEdit->setText(account.tenantId);
        m_ui->clientIdEdit->setText(account.clientId);
        m_ui->subscriptionsEdit->setText(account.subscriptionIds.join(QStringLiteral(", ")));
        m_ui->authorityHostEdit->setText(account.authorityHost);
        m_ui->armEndpointEdit->setText(account.endpointUrl);
        break;
    case AccountKind::Gcp:
        m_ui->projectsEdit->setText(account.projectIds.join(QStringLiteral(", ")));
        m_ui->googleEndpointEdit->setText(account.endpointUrl);
        break;
    }
    showKeyFileInfo();
    updateProblems();
}

QList<QLineEdit *> AccountEditorDialog::secretFields() const {
    return {m_ui->accessKeyIdEdit, m_ui->secretAccessKeyEdit, m_ui->sessionTokenEdit, m_ui->clientSecretEdit};
}

bool AccountEditorDialog::replacesSecret() const {
    if (!m_editing)
        return true;
    switch (m_kind) {
    case AccountKind::Aws:
        return !m_ui->accessKeyIdEdit->text().isEmpty() || !m_ui->secretAccessKeyEdit->text().isEmpty() ||
               !m_ui->sessionTokenEdit->text().isEmpty();
    case AccountKind::Azure:
        return !m_ui->clientSecretEdit->text().isEmpty();
    case AccountKind::Gcp:
        return !m_keyJson.isEmpty();
    }
    return false;
}

Account AccountEditorDialog::account() const {
    Account a = m_editing ? m_original : Account{};
    a.kind = m_kind;
    if (!m_editing)
        a.source = tr("added by hand");
    a.id = m_ui->idEdit->text().trimmed();
    a.label = m_ui->labelEdit->text().trimmed();
    switch (m_kind) {
    case AccountKind::Aws:
        a.regions = parseList(m_ui->regionsEdit->text());
        a.endpointUrl = m_ui->awsEndpointEdit->text().trimmed();
        a.expiresAt = m_ui->expiresCheck->isChecked() ? m_ui->expiresEdit->dateTime().toUTC() : QDateTime();
        if (replacesSecret())
            a.accessKeyHint = accessKeyHintFor(m_ui->accessKeyIdEdit->text().trimmed());
        break;
    case AccountKind::Azure:
        a.tenantId = m_ui->tenantIdEdit->text().trimmed();
        a.clientId = m_ui->clientIdEdit->text().trimmed();
        a.subscriptionIds = parseList(m_ui->subscriptionsEdit->text());
        a.authorityHost = m_ui->authorityHostEdit->text().trimmed();
        a.endpointUrl = m_ui->armEndpointEdit->text().trimmed();
        break;
    case AccountKind::Gcp:
        if (!m_keyJson.isEmpty()) {
            a.gcpCredentialType = m_keyFields.gcpCredentialType;
            a.clientEmail = m_keyFields.clientEmail;
            a.tokenUri = m_keyFields.tokenUri;
            a.quotaProjectId = m_keyFields.quotaProjectId;
            if (!m_editing)
                a.source = m_keyFields.source;
        }
        a.projectIds = parseList(m_ui->projectsEdit->text());
        a.endpointUrl = m_ui->googleEndpointEdit->text().trimmed();
        break;
    }
    return a;
}

std::optional<AccountSecret> AccountEditorDialog::secret() const {
    if (!replacesSecret())
        return std::nullopt;
    AccountSecret s;
    switch (m_kind) {
    case AccountKind::Aws:
        s.accessKeyId = m_ui->accessKeyIdEdit->text().trimmed();
        s.secretAccessKey = m_ui->secretAccessKeyEdit->text().trimmed();
        s.sessionToken = m_ui->sessionTokenEdit->text().trimmed();
        break;
    case AccountKind::Azure:
        s.clientSecret = m_ui->clientSecretEdit->text();
        break;
    case AccountKind::Gcp:
        s.googleCredentialsJson = m_keyJson;
        break;
    }
    return s;
}

QStringList AccountEditorDialog::problems() const {
    QStringList out;
    const QString id = m_ui->idEdit->text().trimmed();
    if (id.isEmpty())
        out.append(tr("Enter an id for the account."));
    else if (!isValidAccountId(id))
        out.append(tr("The id may hold only letters, digits, “.”, “_” and “-” (up to 64 characters, "
                      "starting with a letter or digit)."));
    else if (!m_editing && m_takenIds.contains(id))
        out.append(tr("An account with the id “%1” already exists.").arg(id));

    const auto checkList = [&out](const QStringList &items, const QString &pattern, const QString &none,
                                  const QString &bad) {
        if (items.isEmpty())
            out.append(none);
        for (const QString &item : items)
            if (!matches(pattern, item))
                out.append(bad.arg(item));
    };
    const auto checkUrl = [&out](const QLineEdit *edit, const QString &what) {
        if (const QString p = urlProblem(edit->text(), what); !p.isEmpty())
            out.append(p);
    };

    switch (m_kind) {
    case AccountKind::Aws: {
        if (replacesSecret()) {
            const QString keyId = m_ui->accessKeyIdEdit->text().trimmed();
            const bool secretEmpty = m_ui->secretAccessKeyEdit->text().trimmed().isEmpty();
            if (m_editing && (keyId.isEmpty() || secretEmpty))
                out.append(tr("To replace the stored keys, enter both the access key id and the secret "
                              "access key (and the session token of temporary credentials)."));
            else if (keyId.isEmpty())
                out.append(tr("Enter the access key id."));
            else if (secretEmpty)
                out.append(tr("Enter the secret access key."));
            if (!keyId.isEmpty() && !matches(kAccessKeyId, keyId))
                out.append(tr("The access key id holds only capital letters and digits (like AKIA…)."));
            if (m_ui->expiresCheck->isChecked() && m_ui->sessionTokenEdit->text().trimmed().isEmpty())
                out.append(tr("An expiry belongs to temporary credentials: enter their session token too."));
        }
        checkList(parseList(m_ui->regionsEdit->text()), kAwsRegion,
                  tr("Enter at least one region (like us-east-1)."),
                  tr("“%1” is not an AWS region (like us-east-1)."));
        checkUrl(m_ui->awsEndpointEdit, tr("endpoint"));
        break;
    }
    case AccountKind::Azure: {
        const QString tenant = m_ui->tenantIdEdit->text().trimmed();
        if (tenant.isEmpty())
            out.append(tr("Enter the tenant id."));
        else if (!matches(kGuid, tenant) &&
                 !matches(QStringLiteral("[A-Za-z0-9][A-Za-z0-9.-]*\\.[A-Za-z]{2,}"), tenant))
            out.append(tr("The tenant id is a GUID or a domain such as contoso.onmicrosoft.com."));
        const QString client = m_ui->clientIdEdit->text().trimmed();
        if (client.isEmpty())
            out.append(tr("Enter the client id (the application id of the service principal)."));
        else if (!matches(kGuid, client))
            out.append(tr("The client id is a GUID like 00000000-0000-0000-0000-000000000000."));
        if (!m_editing && m_ui->clientSecretEdit->text().isEmpty())
            out.append(tr("Enter the client secret."));
        checkList(parseList(m_ui->subscriptionsEdit->text()), kGuid,
                  tr("Enter at least one subscription id."),
                  tr("“%1” is not a subscription id (a GUID like 00000000-0000-0000-0000-000000000000)."));
        checkUrl(m_ui->authorityHostEdit, tr("authority host"));
        checkUrl(m_ui->armEndpointEdit, tr("ARM endpoint"));
        break;
    }
    case AccountKind::Gcp:
        if (!m_editing && m_keyJson.isEmpty())
            out.append(tr("Choose the key file: a service-account key or an application-default credentials "
                          "file."));
        checkList(parseList(m_ui->projectsEdit->text()), kGcpProject, tr("Enter at least one project id."),
                  tr("“%1” is not a Google Cloud project id (6–30 lower-case letters, digits and hyphens)."));
        checkUrl(m_ui->googleEndpointEdit, tr("endpoint"));
        break;
    }
    return out;
}

void AccountEditorDialog::updateProblems() {
    m_storeError.clear(); // the input changed: the old saving error no longer describes it
    const QStringList all = problems();
    m_ui->problemLabel->setText(all.value(0));
    m_ui->problemLabel->setToolTip(all.join(QLatin1Char('\n')));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(all.isEmpty() && !m_busy);
}

void AccountEditorDialog::setBusy(bool busy) {
    m_busy = busy;
    if (busy)
        m_ui->problemLabel->setText(tr("Saving…"));
    else if (m_storeError.isEmpty())
        m_ui->problemLabel->setText(problems().value(0));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy && problems().isEmpty());
}

void AccountEditorDialog::showError(const QString &message) {
    m_busy = false;
    m_storeError = message;
    m_ui->problemLabel->setText(tr("Not saved: %1").arg(message));
    m_ui->problemLabel->setToolTip(message);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problems().isEmpty());
}

void AccountEditorDialog::submit() {
    if (m_busy)
        return;
    if (!problems().isEmpty()) {
        updateProblems();
        return;
    }
    // Credentials go only where the person chose: a refused endpoint host is asked about first.
    const Account a = account();
    const QList<std::pair<QString, QString>> endpoints = {{a.endpointUrl, tr("endpoint")},
                                                          {a.authorityHost, tr("authority host")},
                                                          {a.tokenUri, tr("token_uri")}};
    for (const auto &[url, what] : endpoints) {
        if (url.isEmpty())
            continue;
        const QUrl parsed(url);
        const Result<void> allowed = m_policy.check(parsed, a.kind, a.id, what);
        if (allowed)
            continue;
        const QString host = parsed.host().toLower();
        if (parsed.scheme().toLower() != QLatin1String("https") || m_policy.trustedHosts().contains(host)) {
            showError(allowed.error().message); // trusting the host would not help
            return;
        }
        askToTrust(host);
        return;
    }
    Q_EMIT submitted();
}

void AccountEditorDialog::askToTrust(const QString &host) {
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Send credentials to %1?").arg(host),
                        tr("Send this account's credentials to %1?").arg(host), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmHostBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("%1 is not one of %2's own addresses. Confirm only a host you chose yourself, such as your "
           "company's proxy: MLWatch then remembers it on this computer and sends this and other accounts' "
           "credentials there when they name it.")
            .arg(host, accountKindTitle(m_kind)));
    QPushButton *trust = box->addButton(tr("Send to %1").arg(host), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustHostButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, trust, host] {
        if (box->clickedButton() != trust) {
            showError(tr("%1 was not confirmed; the account was not saved.").arg(host));
            return;
        }
        m_policy.trust(host);
        QSettings settings;
        m_policy.saveTo(settings);
        Q_EMIT hostTrusted(host);
        submit();
    });
    box->open();
}

void AccountEditorDialog::chooseKeyFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Google Cloud key file"), QString(),
                                                      tr("Credentials (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Result<void> loaded = loadKeyFile(path); !loaded)
        showError(loaded.error().message);
}

Result<void> AccountEditorDialog::loadKeyFile(const QString &path) {
    // The importer's reader: one definition of which key files MLWatch accepts.
    const ImportScan scan = scanGoogleCredentials(QProcessEnvironment(), QString(), path);
    const ImportCandidate *found = scan.candidates.isEmpty() ? nullptr : &scan.candidates.first();
    Result<void> result;
    if (!scan.problems.isEmpty())
        result = Error{ErrorCode::BadArgument, scan.problems.join(QLatin1Char('\n')), QString()};
    else if (!found)
        result =
            Error{ErrorCode::BadArgument, tr("%1 holds no Google Cloud credentials.").arg(path), QString()};
    else if (!found->importable)
        result = Error{ErrorCode::BadArgument, tr("%1: %2").arg(path, found->reason), QString()};
    if (!result)
        return result;
    m_keyJson = found->secret.googleCredentialsJson;
    m_keyPath = path;
    m_keyFields = found->account;
    if (m_ui->projectsEdit->text().trimmed().isEmpty())
        m_ui->projectsEdit->setText(found->account.projectIds.join(QStringLiteral(", ")));
    showKeyFileInfo();
    updateProblems();
    return {};
}

void AccountEditorDialog::showKeyFileInfo() {
    const auto describe = [](const Account &a) {
        const QString type = a.gcpCredentialType == QLatin1String("service_account")
                                 ? tr("Service-account key")
                             : a.gcpCredentialType == QLatin1String("authorized_user")
                                 ? tr("Authorized user (application-default credentials)")
                                 : a.gcpCredentialType;
        return a.clientEmail.isEmpty() ? type : tr("%1: %2").arg(type, a.clientEmail);
    };
    QString text;
    if (!m_keyJson.isEmpty())
        text = tr("%1\nRead from %2; saved only in %3.")
                   .arg(describe(m_keyFields), m_keyPath, CredentialStore::keychainName());
    else if (m_editing && m_kind == AccountKind::Gcp)
        text = tr("%1\nThe key is %2; choose a file only to replace it.")
                   .arg(describe(m_original), AccountTexts::storedPlaceholder());
    else
        text = tr("No key file chosen.");
    m_ui->keyFileInfoLabel->setText(text);
}

} // namespace mlwatch
