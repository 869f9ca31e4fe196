#pragma once

#include "core/auth/credential_import.h"

#include <QDialog>
#include <QProcessEnvironment>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mlwatch {

class AccountStore;

// Import… : a preview of the credentials already on this machine — the AWS_* variables and the
// ~/.aws profiles, the AZURE_* variables, the gcloud application-default credentials and
// GOOGLE_APPLICATION_CREDENTIALS — as a checkable table, one row per candidate:
//   - importable rows start checked, unless their id is already taken on this machine (most
//     likely imported before); the proposed id is editable, and a checked row whose id clashes
//     with an existing account or another checked row says so and blocks Import;
//   - rows that cannot be imported (SSO, credential_process, role chains, other Google
//     credential types …) are shown disabled with their reason, never silently left out;
//   - problems met while reading (a malformed line, a broken key file) are listed below, naming
//     the file and line or field.
// Import adds the checked rows through AccountStore one after another and reports each row's
// result in its status cell. Secrets go from the scan to the keychain; the dialog keeps them in
// memory only, and drops each once it is stored.
class ImportCredentialsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { IdColumn, KindColumn, OriginColumn, ScopesColumn, StatusColumn, ColumnCount };

    // Everything found on this machine, in the order the table lists it: AWS, Azure, Google.
    static ImportScan scanMachine(const QProcessEnvironment &env, const QString &home);

    // `store` must outlive the dialog. Scans at once.
    ImportCredentialsDialog(AccountStore &store, const QProcessEnvironment &env, const QString &home,
                            QWidget *parent = nullptr);
    ~ImportCredentialsDialog() override;

    QTableWidget *table() const { return m_table; }
    QStringList problems() const { return m_problems; }
    // Translated reasons the checked rows cannot be imported as they are (id clashes, invalid ids).
    QStringList blockers() const;

    // Adds the checked rows (Import's work); importFinished() once every row has reported.
    void importChecked();
    bool isImporting() const { return m_importing; }

Q_SIGNALS:
    void importFinished(int imported, int failed);

private:
    struct Row {
        ImportCandidate candidate; // its secret is dropped once stored
        bool imported = false;
        QString outcome; // the last import attempt's result, until the row is edited
    };
    void fillTable();
    void updateStatuses();
    void importNext(int row);
    QString proposedId(int row) const;
    bool isChecked(int row) const;

    AccountStore &m_store;
    QList<Row> m_rows;
    QStringList m_problems;
    QTableWidget *m_table = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QPushButton *m_importButton = nullptr;
    bool m_importing = false;
    int m_imported = 0;
    int m_failed = 0;
};

} // namespace mlwatch
