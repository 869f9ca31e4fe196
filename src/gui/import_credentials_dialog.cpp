#include "gui/import_credentials_dialog.h"

#include "core/auth/account_store.h"
#include "core/auth/credential_store.h"
#include "core/common/error.h"
#include "gui/account_texts.h"
#include "gui/alert_texts.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlwatch {

ImportScan ImportCredentialsDialog::scanMachine(const QProcessEnvironment &env, const QString &home) {
    ImportScan all;
    for (const ImportScan &scan :
         {scanAwsCredentials(env, home), scanAzureEnvironment(env), scanGoogleCredentials(env, home)}) {
        all.candidates += scan.candidates;
        all.problems += scan.problems;
    }
    return all;
}

ImportCredentialsDialog::ImportCredentialsDialog(AccountStore &store, const QProcessEnvironment &env,
                                                 const QString &home, QWidget *parent)
    : QDialog(parent)
    , m_store(store) {
    setWindowTitle(tr("Import credentials"));
    auto *intro = new QLabel(tr("Credentials found on this computer. The checked rows become accounts; their "
                                "secrets are stored in %1 and nowhere else. The files they came from are "
                                "left as they are.")
                                 .arg(CredentialStore::keychainName()),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("candidatesTable"));
    m_table->setAccessibleName(tr("Credentials found"));
    m_table->setHorizontalHeaderLabels({tr("Account id"), tr("Cloud"), tr("Found in"),
                                        tr("Regions / subscriptions / projects"), tr("Status")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // whole reasons
    m_table->setWordWrap(true);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setAccessibleName(tr("Problems while reading"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setAccessibleName(tr("Import status"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setAccessibleName(tr("Import the checked credentials"));
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &ImportCredentialsDialog::importChecked);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(buttons);
    resize(900, 460);

    const ImportScan scan = scanMachine(env, home);
    for (const ImportCandidate &candidate : scan.candidates)
        m_rows.append(Row{candidate, false, QString()});
    m_problems = scan.problems;
    fillTable();
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        Row &row = m_rows[item->row()];
        if (!row.imported)
            row.outcome.clear(); // edited: judge the row afresh
        updateStatuses();
    });
}

ImportCredentialsDialog::~ImportCredentialsDialog() = default;

void ImportCredentialsDialog::fillTable() {
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const ImportCandidate &c = m_rows.at(r).candidate;
        auto *id = new QTableWidgetItem(c.account.id);
        auto *kind = new QTableWidgetItem(accountKindTitle(c.account.kind));
        auto *origin = new QTableWidgetItem(c.origin);
        QString scopes = AccountTexts::scopes(c.account);
        if (c.account.expiresAt.isValid())
            scopes +=
                QLatin1String("; ") +
                tr("expires %1").arg(AlertTexts::localTimeWithZone(c.account.expiresAt.toMSecsSinceEpoch()));
        auto *scopesItem = new QTableWidgetItem(scopes);
        auto *status = new QTableWidgetItem;
        const Qt::ItemFlags readOnly = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (c.importable) {
            id->setFlags(readOnly | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
            // Already taken: most likely imported before, so not proposed again.
            id->setCheckState(m_store.account(c.account.id) ? Qt::Unchecked : Qt::Checked);
            id->setToolTip(tr("Check to import; double-click to change the id"));
            for (QTableWidgetItem *item : {kind, origin, scopesItem, status})
                item->setFlags(readOnly);
        } else {
            // Shown, greyed out, with the reason: nothing is skipped silently.
            id->setFlags(Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            id->setCheckState(Qt::Unchecked);
            for (QTableWidgetItem *item : {kind, origin, scopesItem, status})
                item->setFlags(Qt::ItemIsSelectable);
            for (QTableWidgetItem *item : {id, kind, origin, scopesItem, status})
                item->setToolTip(c.reason);
        }
        m_table->setItem(r, IdColumn, id);
        m_table->setItem(r, KindColumn, kind);
        m_table->setItem(r, OriginColumn, origin);
        m_table->setItem(r, ScopesColumn, scopesItem);
        m_table->setItem(r, StatusColumn, status);
    }
    QStringList problemLines;
    for (const QString &p : std::as_const(m_problems))
        problemLines.append(QStringLiteral("⚠ ") + p);
    m_problemsLabel->setText(problemLines.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!m_problems.isEmpty());
    updateStatuses();
}

QString ImportCredentialsDialog::proposedId(int row) const {
    const QTableWidgetItem *item = m_table->item(row, IdColumn);
    return item ? item->text().trimmed() : QString();
}

bool ImportCredentialsDialog::isChecked(int row) const {
    const QTableWidgetItem *item = m_table->item(row, IdColumn);
    return item && m_rows.at(row).candidate.importable && !m_rows.at(row).imported &&
           item->checkState() == Qt::Checked;
}

void ImportCredentialsDialog::updateStatuses() {
    const QSignalBlocker blocker(m_table);
    QStringList blocking;
    int ready = 0;
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        const QString id = proposedId(r);
        QString status;
        bool blocks = false;
        if (!row.candidate.importable) {
            status = tr("Cannot be imported: %1").arg(row.candidate.reason);
        } else if (row.imported || !row.outcome.isEmpty()) {
            status = row.outcome;
        } else if (!isChecked(r)) {
            status = m_store.account(id) ? tr("Not selected: an account “%1” already exists").arg(id)
                                         : tr("Not selected");
        } else if (!isValidAccountId(id)) {
            status = tr("“%1” is not a valid id: use letters, digits, “.”, “_” and “-”.").arg(id);
            blocks = true;
        } else if (m_store.account(id)) {
            status = tr("An account “%1” already exists: change the id or uncheck the row.").arg(id);
            blocks = true;
        } else {
            int sameId = 0;
            for (int other = 0; other < m_rows.size(); ++other)
                if (isChecked(other) && proposedId(other) == id)
                    ++sameId;
            blocks = sameId > 1;
            status = blocks ? tr("Another checked row uses the id “%1”.").arg(id) : tr("Ready to import");
        }
        if (blocks)
            blocking.append(status);
        else if (isChecked(r))
            ++ready;
        m_table->item(r, StatusColumn)->setText(status);
    }
    m_importButton->setEnabled(!m_importing && ready > 0 && blocking.isEmpty());
    if (m_importing)
        return;
    if (!blocking.isEmpty())
        m_summaryLabel->setText(blocking.first());
    else if (m_imported + m_failed == 0)
        m_summaryLabel->setText(m_rows.isEmpty()
                                    ? tr("No credentials found on this computer.")
                                    : tr("Checked for import: %1.").arg(QLocale().toString(ready)));
}

QStringList ImportCredentialsDialog::blockers() const {
    QStringList out;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (!isChecked(r))
            continue;
        const QString id = proposedId(r);
        int sameId = 0;
        for (int other = 0; other < m_rows.size(); ++other)
            if (isChecked(other) && proposedId(other) == id)
                ++sameId;
        if (!isValidAccountId(id) || m_store.account(id) || sameId > 1)
            out.append(m_table->item(r, StatusColumn)->text());
    }
    return out;
}

void ImportCredentialsDialog::importChecked() {
    if (m_importing || !blockers().isEmpty())
        return;
    m_importing = true;
    m_imported = 0;
    m_failed = 0;
    m_importButton->setEnabled(false);
    m_summaryLabel->setText(tr("Importing…"));
    importNext(0);
}

void ImportCredentialsDialog::importNext(int from) {
    int row = from;
    while (row < m_rows.size() && !isChecked(row))
        ++row;
    if (row >= m_rows.size()) {
        m_importing = false;
        updateStatuses();
        m_summaryLabel->setText(m_failed == 0
                                    ? tr("Accounts imported: %1.").arg(QLocale().toString(m_imported))
                                    : tr("Imported %1, %2 failed: see the rows' status.")
                                          .arg(QLocale().toString(m_imported), QLocale().toString(m_failed)));
        Q_EMIT importFinished(m_imported, m_failed);
        return;
    }
    Account account = m_rows.at(row).candidate.account;
    account.id = proposedId(row);
    {
        const QSignalBlocker blocker(m_table);
        m_table->item(row, StatusColumn)->setText(tr("Importing…"));
    }
    QPointer<ImportCredentialsDialog> self(this);
    m_store.add(account, m_rows.at(row).candidate.secret, [self, row, id = account.id](Result<void> result) {
        if (!self)
            return;
        Row &done = self->m_rows[row];
        if (result) {
            done.imported = true;
            done.candidate.secret = AccountSecret{}; // in the keychain now; not kept here
            done.outcome = tr("Imported as “%1”").arg(id);
            ++self->m_imported;
            const QSignalBlocker blocker(self->m_table);
            QTableWidgetItem *item = self->m_table->item(row, IdColumn);
            item->setFlags(item->flags() & ~(Qt::ItemIsEditable | Qt::ItemIsUserCheckable));
        } else {
            done.outcome = tr("Not imported: %1").arg(result.error().message);
            ++self->m_failed;
        }
        self->importNext(row + 1);
    });
}

} // namespace mlwatch
