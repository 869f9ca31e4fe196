#pragma once

#include "core/auth/account.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace mlwatch {

// What the app shows instead of the main window when there is nothing to watch yet. Two states:
//   first start (no account on this machine): three clear actions — "Import credentials found
//     on this machine" (with a count of what was found), "Add an account by hand" (AWS / Azure /
//     Google Cloud) and "Open the demo";
//   a problem (the keychain is locked or missing, an endpoint was refused, only Azure / Google
//     accounts exist …): the message, word for word, with "Accounts…" and "Open the demo" — the
//     app never shows an empty chart without saying why.
// Emits intents only; the app decides what they do.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    enum class Mode { FirstStart, Problem };

    explicit WelcomePage(QWidget *parent = nullptr);

    // `importable` candidates were found (and `notImportable` that cannot be imported yet).
    void showFirstStart(int importable, int notImportable);
    void showProblem(const QString &heading, const QString &message);
    Mode mode() const { return m_mode; }

Q_SIGNALS:
    void importRequested();
    void addRequested(mlwatch::AccountKind kind);
    void accountsRequested();
    void demoRequested();
    void quitRequested();

private:
    Mode m_mode = Mode::FirstStart;
    QLabel *m_icon = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_found = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_accounts = nullptr;
    QPushButton *m_demo = nullptr;
};

} // namespace mlwatch
