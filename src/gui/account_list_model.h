#pragma once

#include "core/auth/account.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace mlwatch {

class Clock;

// This machine's accounts as a table for the accounts dialog: one row per account in the store's
// order, columns name (label, else id), kind, regions / subscriptions / projects, and when the
// temporary credentials expire (local time, zone stated; "expired …" once past). Holds metadata
// only — an Account never carries a secret. The owner feeds it with setAccounts() whenever the
// AccountStore announces a change.
class AccountListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ScopesColumn, ExpiryColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: the account id (every column)
        KindRole,                  // QString: accountKindId() (every column)
    };

    // `clock` (what "expired" is judged against) must outlive the model.
    explicit AccountListModel(const Clock &clock, QObject *parent = nullptr);

    void setAccounts(const QList<Account> &accounts);
    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> accountAt(int row) const;
    int rowOf(const QString &id) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Clock &m_clock;
    QList<Account> m_accounts;
};

} // namespace mlwatch
