#include "gui/welcome_page.h"

#include "core/auth/credential_store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

namespace mlwatch {

namespace {

QPushButton *bigButton(const QString &text, const QString &objectName, const QString &accessibleName,
                       QWidget *parent) {
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    setWindowTitle(tr("MLWatch"));

    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("welcomeHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("welcomeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_found = new QLabel(this);
    m_found->setObjectName(QStringLiteral("foundLabel"));
    m_found->setWordWrap(true);
    m_found->setTextFormat(Qt::PlainText);
    m_found->setIndent(8);

    m_import = bigButton(tr("&Import credentials found on this machine"), QStringLiteral("importButton"),
                         tr("Import credentials found on this machine"), this);
    m_add = bigButton(tr("&Add an account by hand"), QStringLiteral("addButton"),
                      tr("Add an account by hand"), this);
    auto *addMenu = new QMenu(m_add);
    const std::pair<AccountKind, QString> kinds[] = {{AccountKind::Aws, tr("&AWS…")},
                                                     {AccountKind::Azure, tr("A&zure…")},
                                                     {AccountKind::Gcp, tr("&Google Cloud…")}};
    for (const auto &[kind, text] : kinds) {
        QAction *action = addMenu->addAction(text);
        action->setObjectName(QStringLiteral("add_%1_action").arg(accountKindId(kind)));
        connect(action, &QAction::triggered, this, [this, k = kind] { Q_EMIT addRequested(k); });
    }
    m_add->setMenu(addMenu);
    m_accounts = bigButton(tr("A&ccounts…"), QStringLiteral("accountsButton"), tr("Open the accounts"), this);
    m_demo = bigButton(tr("Open the &demo"), QStringLiteral("openDemoButton"), tr("Open the demo"), this);
    m_demo->setToolTip(
        tr("Simulated AWS, Azure and Google Cloud accounts on this computer, with all five workflow stages"));
    auto *quit = new QPushButton(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quitButton"));
    connect(new QShortcut(QKeySequence::Quit, this), &QShortcut::activated, this,
            &WelcomePage::quitRequested);

    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    connect(m_accounts, &QPushButton::clicked, this, &WelcomePage::accountsRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(quit, &QPushButton::clicked, this, &WelcomePage::quitRequested);

    auto *note = new QLabel(tr("Secrets are kept only in %1; MLWatch writes them nowhere else.")
                                .arg(CredentialStore::keychainName()),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *actions = new QVBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_import);
    actions->addWidget(m_found);
    actions->addWidget(m_add);
    actions->addWidget(m_accounts);
    actions->addWidget(m_demo);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(note, 1);
    bottom->addWidget(quit);

    auto *text = new QVBoxLayout;
    text->setSpacing(12);
    text->addWidget(m_heading);
    text->addWidget(m_message);
    text->addLayout(actions);
    text->addStretch(1);
    text->addLayout(bottom);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(16);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    resize(680, 420);
    showFirstStart(0, 0);
}

void WelcomePage::showFirstStart(int importable, int notImportable) {
    m_mode = Mode::FirstStart;
    setAccessibleName(tr("Welcome to MLWatch"));
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(48, 48));
    m_heading->setText(tr("Welcome to MLWatch"));
    m_message->setText(tr("MLWatch needs a cloud account to watch. Import the credentials this computer "
                          "already has, add an account by hand, or look around in the demo."));
    const QLocale locale;
    QString found;
    if (importable == 0 && notImportable == 0)
        found = tr("Nothing found in ~/.aws, the AWS_* and AZURE_* variables or gcloud's application-default "
                   "credentials.");
    else if (notImportable == 0)
        found = tr("Found: %1 ready to import.").arg(locale.toString(importable));
    else
        found = tr("Found: %1 ready to import, %2 that MLWatch cannot use yet (the import shows why).")
                    .arg(locale.toString(importable), locale.toString(notImportable));
    m_found->setText(found);
    m_import->setEnabled(importable + notImportable > 0);
    m_import->setDefault(importable > 0);
    m_demo->setDefault(importable == 0);
    for (QWidget *w :
         {static_cast<QWidget *>(m_import), static_cast<QWidget *>(m_found), static_cast<QWidget *>(m_add)})
        w->show();
    m_accounts->hide();
}

void WelcomePage::showProblem(const QString &heading, const QString &message) {
    m_mode = Mode::Problem;
    setAccessibleName(heading);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    m_heading->setText(heading);
    m_message->setText(message);
    for (QWidget *w :
         {static_cast<QWidget *>(m_import), static_cast<QWidget *>(m_found), static_cast<QWidget *>(m_add)})
        w->hide();
    m_accounts->show();
    m_accounts->setDefault(true);
    m_demo->setDefault(false);
}

} // namespace mlwatch
