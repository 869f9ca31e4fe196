#include "gui/account_list_model.h"

#include "core/common/clock.h"
#include "gui/account_texts.h"

namespace mlwatch {

AccountListModel::AccountListModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock) {}

void AccountListModel::setAccounts(const QList<Account> &accounts) {
    // A reset: the list is a handful of rows, and ids may have been renamed in between.
    beginResetModel();
    m_accounts = accounts;
    endResetModel();
}

std::optional<Account> AccountListModel::accountAt(int row) const {
    if (row < 0 || row >= m_accounts.size())
        return std::nullopt;
    return m_accounts.at(row);
}

int AccountListModel::rowOf(const QString &id) const {
    for (int row = 0; row < m_accounts.size(); ++row)
        if (m_accounts.at(row).id == id)
            return row;
    return -1;
}

int AccountListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &account = m_accounts.at(index.row());
    switch (role) {
    case IdRole:
        return account.id;
    case KindRole:
        return accountKindId(account.kind);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NameColumn:
            return account.displayName();
        case KindColumn:
            return accountKindTitle(account.kind);
        case ScopesColumn:
            return AccountTexts::scopes(account);
        case ExpiryColumn:
            return AccountTexts::expiryCell(account.expiresAt, m_clock.nowUtc());
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return account.source.isEmpty() ? tr("Id: %1").arg(account.id)
                                            : tr("Id: %1\nFrom: %2").arg(account.id, account.source);
        case ScopesColumn:
            return AccountTexts::scopesTitle(account.kind);
        case ExpiryColumn:
            return account.expiresAt.isValid()
                       ? AccountTexts::expirySentence(account.expiresAt, m_clock.nowUtc())
                       : tr("These credentials do not expire");
        }
        return {};
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Account");
    case KindColumn:
        return tr("Cloud");
    case ScopesColumn:
        return tr("Regions / subscriptions / projects");
    case ExpiryColumn:
        return tr("Credentials expire");
    }
    return {};
}

} // namespace mlwatch
