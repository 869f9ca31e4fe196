#include "gui/accounts_dialog.h"

#include "ui_accounts_dialog.h"

#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/auth/endpoint_policy.h"
#include "core/common/clock.h"
#include "core/common/error.h"
#include "gui/account_editor_dialog.h"
#include "gui/account_list_model.h"
#include "gui/account_texts.h"
#include "gui/alert_texts.h"
#include "gui/import_credentials_dialog.h"

#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTimer>

namespace mlwatch {

namespace {

// How often the details re-judge an expiry while the dialog is open.
constexpr int kExpiryRecheckMs = 30'000;

QString line(const QString &name, const QString &value) {
    return AccountsDialog::tr("%1: %2").arg(name, value);
}

} // namespace

AccountsDialog::AccountsDialog(AccountStore &store, AccountConnectionTester &tester, const Clock &clock,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountsDialog>())
    , m_store(store)
    , m_tester(tester)
    , m_clock(clock)
    , m_importEnv(QProcessEnvironment::systemEnvironment())
    , m_importHome(QDir::homePath()) {
    m_ui->setupUi(this);
    m_model = new AccountListModel(clock, this);
    m_ui->accountsView->setModel(m_model);
    m_ui->accountsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->accountsView->horizontalHeader()->setStretchLastSection(true);
    m_ui->errorLabel->hide();

    auto *addMenu = new QMenu(this);
    const std::pair<AccountKind, QString> kinds[] = {{AccountKind::Aws, tr("&AWS…")},
                                                     {AccountKind::Azure, tr("A&zure…")},
                                                     {AccountKind::Gcp, tr("&Google Cloud…")}};
    for (const auto &[kind, text] : kinds) {
        QAction *action = addMenu->addAction(text);
        action->setObjectName(QStringLiteral("add_%1_action").arg(accountKindId(kind)));
        connect(action, &QAction::triggered, this, [this, k = kind] { (void)addAccount(k); });
    }
    m_ui->addButton->setMenu(addMenu);

    connect(m_ui->editButton, &QPushButton::clicked, this, [this] { (void)editSelected(); });
    connect(m_ui->renameButton, &QPushButton::clicked, this, [this] { (void)renameSelected(); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] { (void)removeSelected(); });
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { (void)openImport(); });
    connect(m_ui->testButton, &QPushButton::clicked, this, &AccountsDialog::testSelected);
    connect(m_ui->accountsView, &QAbstractItemView::activated, this, [this] { (void)editSelected(); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Keys: Delete and F2 act on the list; the others anywhere in the dialog.
    auto *removeKey = new QShortcut(QKeySequence::Delete, m_ui->accountsView);
    removeKey->setContext(Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, [this] { (void)removeSelected(); });
    auto *renameKey = new QShortcut(QKeySequence(Qt::Key_F2), m_ui->accountsView);
    renameKey->setContext(Qt::WidgetShortcut);
    connect(renameKey, &QShortcut::activated, this, [this] { (void)renameSelected(); });
    connect(new QShortcut(QKeySequence(tr("Ctrl+T")), this), &QShortcut::activated, this,
            &AccountsDialog::testSelected);
    connect(new QShortcut(QKeySequence(tr("Ctrl+I")), this), &QShortcut::activated, this,
            [this] { (void)openImport(); });
    connect(new QShortcut(QKeySequence::New, this), &QShortcut::activated, m_ui->addButton,
            &QPushButton::showMenu);

    connect(&m_store, &AccountStore::accountsChanged, this, &AccountsDialog::reloadAccounts);
    connect(m_ui->accountsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    auto *recheck = new QTimer(this);
    recheck->setInterval(kExpiryRecheckMs);
    connect(recheck, &QTimer::timeout, this, &AccountsDialog::showDetails);
    recheck->start();

    reloadAccounts();
}

AccountsDialog::~AccountsDialog() = default;

void AccountsDialog::setImportSource(const QProcessEnvironment &env, const QString &home) {
    m_importEnv = env;
    m_importHome = home;
}

QString AccountsDialog::selectedId() const {
    const QModelIndex current = m_ui->accountsView->currentIndex();
    return current.isValid() ? current.data(AccountListModel::IdRole).toString() : QString();
}

void AccountsDialog::selectAccount(const QString &id) {
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_ui->accountsView->setCurrentIndex(m_model->index(row, 0));
    m_ui->accountsView->selectRow(row);
}

void AccountsDialog::reloadAccounts() {
    const QString selected = selectedId();
    m_model->setAccounts(m_store.accounts());
    if (m_model->rowOf(selected) >= 0)
        selectAccount(selected);
    else if (m_model->rowCount() > 0)
        selectAccount(m_model->accounts().first().id);
    showDetails();
    updateButtons();
}

void AccountsDialog::updateButtons() {
    const bool selected = !selectedId().isEmpty();
    m_ui->editButton->setEnabled(selected);
    m_ui->renameButton->setEnabled(selected);
    m_ui->removeButton->setEnabled(selected);
    m_ui->testButton->setEnabled(selected && m_testingId.isEmpty());
}

void AccountsDialog::showDetails() {
    const std::optional<Account> account = m_store.account(selectedId());
    if (!account) {
        m_ui->detailsLabel->setText(m_model->rowCount() == 0
                                        ? tr("No account yet: add one, or import the credentials already "
                                             "on this computer.")
                                        : tr("Select an account to see its details."));
        m_ui->secretsLabel->clear();
        m_ui->expiryLabel->clear();
        m_ui->testResultLabel->clear();
        return;
    }
    const Account &a = *account;
    QStringList lines;
    if (!a.label.isEmpty())
        lines.append(line(tr("Name"), a.label));
    lines.append(line(tr("Id"), a.id));
    lines.append(line(tr("Cloud"), accountKindTitle(a.kind)));
    if (!a.source.isEmpty())
        lines.append(line(tr("From"), a.source));
    lines.append(line(AccountTexts::scopesTitle(a.kind), AccountTexts::scopes(a)));
    switch (a.kind) {
    case AccountKind::Aws:
        if (!a.accessKeyHint.isEmpty())
            lines.append(line(tr("Access key"), a.accessKeyHint));
        lines.append(line(tr("Endpoint"),
                          a.endpointUrl.isEmpty() ? tr("the region's CloudWatch endpoint") : a.endpointUrl));
        break;
    case AccountKind::Azure:
        lines.append(line(tr("Tenant"), a.tenantId));
        lines.append(line(tr("Client id"), a.clientId));
        lines.append(line(tr("Authority host"), a.authorityHost.isEmpty()
                                                    ? QStringLiteral("https://login.microsoftonline.com")
                                                    : a.authorityHost));
        lines.append(line(tr("ARM endpoint"), a.endpointUrl.isEmpty()
                                                  ? QStringLiteral("https://management.azure.com")
                                                  : a.endpointUrl));
        break;
    case AccountKind::Gcp:
        lines.append(line(tr("Credentials"), a.gcpCredentialType == QLatin1String("authorized_user")
                                                 ? tr("authorized user (application-default credentials)")
                                                 : tr("service-account key")));
        if (!a.clientEmail.isEmpty())
            lines.append(line(tr("Service account"), a.clientEmail));
        if (!a.tokenUri.isEmpty())
            lines.append(line(tr("Token URI"), a.tokenUri));
        if (!a.quotaProjectId.isEmpty())
            lines.append(line(tr("Quota project"), a.quotaProjectId));
        lines.append(line(tr("Endpoint"), a.endpointUrl.isEmpty()
                                              ? QStringLiteral("https://monitoring.googleapis.com")
                                              : a.endpointUrl));
        break;
    }
    m_ui->detailsLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->secretsLabel->setText(AccountTexts::secretsStoredIn());

    const QDateTime now = m_clock.nowUtc();
    QString expiry = AccountTexts::expirySentence(a.expiresAt, now);
    if (a.expiresAt.isValid() && now.secsTo(a.expiresAt) <= AccountTexts::kExpiryWarningSeconds)
        expiry = QStringLiteral("⚠ ") + expiry; // lapsed or about to: the same mark as the status bar's
    m_ui->expiryLabel->setText(expiry);
    m_ui->expiryLabel->setVisible(!expiry.isEmpty());

    if (m_testingId == a.id) {
        m_ui->testResultLabel->setText(tr("Testing the connection…"));
    } else if (const auto run = m_tests.constFind(a.id); run != m_tests.constEnd()) {
        QStringList text{
            tr("Last test (%1): %2")
                .arg(AlertTexts::localTimeWithZone(run->atUtc.toMSecsSinceEpoch()), run->report.summary)};
        text.append(run->report.details);
        m_ui->testResultLabel->setText(text.join(QLatin1Char('\n')));
    } else {
        m_ui->testResultLabel->setText(tr("Not tested yet: Test connection makes one cheap read call."));
    }
}

void AccountsDialog::showStoreError(const Error &error) {
    m_ui->errorLabel->setText(QStringLiteral("⚠ ") + error.message);
    m_ui->errorLabel->setToolTip(error.detail);
    m_ui->errorLabel->show();
}

void AccountsDialog::clearStoreError() {
    m_ui->errorLabel->clear();
    m_ui->errorLabel->setToolTip(QString());
    m_ui->errorLabel->hide();
}

QString AccountsDialog::errorText() const {
    return m_ui->errorLabel->text();
}

std::optional<ConnectionReport> AccountsDialog::lastTest(const QString &id) const {
    const auto run = m_tests.constFind(id);
    if (run == m_tests.constEnd())
        return std::nullopt;
    return run->report;
}

AccountEditorDialog *AccountsDialog::openEditor() {
    auto *editor = new AccountEditorDialog(m_clock, EndpointPolicy::fromSettings(QSettings()), this);
    editor->setObjectName(QStringLiteral("accountEditorDialog"));
    editor->setAttribute(Qt::WA_DeleteOnClose); // the typed secrets go with it
    connect(editor, &AccountEditorDialog::submitted, this, [this, editor] { save(editor); });
    connect(editor, &AccountEditorDialog::hostTrusted, this, &AccountsDialog::hostTrusted);
    return editor;
}

AccountEditorDialog *AccountsDialog::addAccount(AccountKind kind) {
    QStringList taken;
    for (const Account &a : m_store.accounts())
        taken.append(a.id);
    AccountEditorDialog *editor = openEditor();
    editor->startNew(kind, taken);
    editor->open();
    return editor;
}

AccountEditorDialog *AccountsDialog::editSelected() {
    const std::optional<Account> account = m_store.account(selectedId());
    if (!account)
        return nullptr;
    AccountEditorDialog *editor = openEditor();
    editor->startEdit(*account);
    editor->open();
    return editor;
}

void AccountsDialog::save(AccountEditorDialog *editor) {
    const Account account = editor->account();
    const std::optional<AccountSecret> secret = editor->secret();
    editor->setBusy(true);
    QPointer<AccountsDialog> self(this);
    QPointer<AccountEditorDialog> guard(editor);
    auto done = [self, guard, id = account.id](Result<void> result) {
        if (!self)
            return;
        if (!result) {
            self->showStoreError(result.error());
            if (guard)
                guard->showError(result.error().message); // stays open with the input
            return;
        }
        self->clearStoreError();
        self->selectAccount(id);
        if (guard)
            guard->accept();
    };
    if (editor->isEditing())
        m_store.update(account, secret, std::move(done));
    else
        m_store.add(account, secret.value_or(AccountSecret{}), std::move(done));
}

QInputDialog *AccountsDialog::renameSelected() {
    const QString oldId = selectedId();
    if (oldId.isEmpty())
        return nullptr;
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("renameDialog"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Rename account"));
    input->setLabelText(tr("New id for “%1” (letters, digits, “.”, “_” and “-”):").arg(oldId));
    input->setTextValue(oldId);
    connect(input, &QInputDialog::textValueSelected, this, [this, oldId](const QString &typed) {
        const QString newId = typed.trimmed();
        if (newId == oldId)
            return;
        QPointer<AccountsDialog> self(this);
        m_store.rename(oldId, newId, [self, oldId, newId](Result<void> result) {
            if (!self)
                return;
            if (!result) {
                self->showStoreError(result.error());
                return;
            }
            // The last test result follows the account to its new id.
            if (self->m_tests.contains(oldId))
                self->m_tests.insert(newId, self->m_tests.take(oldId));
            self->clearStoreError();
            self->selectAccount(newId);
        });
    });
    input->open();
    return input;
}

QMessageBox *AccountsDialog::removeSelected() {
    const std::optional<Account> account = m_store.account(selectedId());
    if (!account)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove account"),
                                tr("Remove the account “%1”?").arg(account->displayName()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeAccountBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Its secret is deleted from %1. The cloud account itself is not touched.")
                                .arg(CredentialStore::keychainName()));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::finished, this, [this, box, remove, id = account->id] {
        if (box->clickedButton() != remove)
            return;
        QPointer<AccountsDialog> self(this);
        m_store.remove(id, [self, id](Result<void> result) {
            if (!self)
                return;
            if (!result) {
                self->showStoreError(result.error());
                return;
            }
            self->clearStoreError();
            self->m_tests.remove(id);
        });
    });
    box->open();
    return box;
}

ImportCredentialsDialog *AccountsDialog::openImport() {
    auto *dialog = new ImportCredentialsDialog(m_store, m_importEnv, m_importHome, this);
    dialog->setObjectName(QStringLiteral("importCredentialsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void AccountsDialog::testSelected() {
    const std::optional<Account> account = m_store.account(selectedId());
    if (!account || !m_testingId.isEmpty())
        return;
    m_testingId = account->id;
    showDetails();
    updateButtons();
    QPointer<AccountsDialog> self(this);
    const auto finish = [self, id = account->id](const ConnectionReport &report) {
        if (!self)
            return;
        self->m_tests.insert(id, TestRun{report, self->m_clock.nowUtc()});
        self->m_testingId.clear();
        self->showDetails();
        self->updateButtons();
        Q_EMIT self->connectionTested(id, report);
    };
    m_store.readSecret(account->id, [self, account = *account, finish](Result<AccountSecret> secret) {
        if (!self)
            return;
        if (!secret) {
            ConnectionReport report;
            report.summary = tr("Could not read the account's secret: %1").arg(secret.error().message);
            finish(report);
            return;
        }
        // The policy as stored now: an editor may have confirmed a host since the dialog opened.
        self->m_tester.test(account, *secret, EndpointPolicy::fromSettings(QSettings()), finish);
    });
}

} // namespace mlwatch
