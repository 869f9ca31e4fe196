#include "gui/missing_credentials_page.h"

#include "core/common/error.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mlwatch {

MissingCredentialsPage::MissingCredentialsPage(const Error &error, QWidget *parent)
    : QWidget(parent) {
    setWindowTitle(tr("MLWatch — no AWS credentials"));
    setAccessibleName(tr("No AWS credentials found"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("No AWS credentials found"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *reason = new QLabel(error.message, this);
    reason->setObjectName(QStringLiteral("credentialsError"));
    reason->setWordWrap(true);
    reason->setTextFormat(Qt::PlainText);
    reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *howTo = new QLabel(
        tr("MLWatch reads the same credentials as the AWS CLI: the variables AWS_ACCESS_KEY_ID and "
           "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or a profile in ~/.aws/credentials chosen with "
           "AWS_PROFILE. Set one of them up and start MLWatch again — or look around with the demo cloud, "
           "which simulates an AWS account with all five workflow stages."),
        this);
    howTo->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *demo = buttons->addButton(tr("Open the &demo"), QDialogButtonBox::AcceptRole);
    demo->setObjectName(QStringLiteral("openDemoButton"));
    demo->setDefault(true);
    QPushButton *quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    connect(demo, &QPushButton::clicked, this, &MissingCredentialsPage::demoRequested);
    connect(quit, &QPushButton::clicked, this, &MissingCredentialsPage::quitRequested);

    auto *text = new QVBoxLayout;
    text->setSpacing(12);
    text->addWidget(heading);
    text->addWidget(reason);
    text->addWidget(howTo);
    text->addStretch(1);
    text->addWidget(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(16);
    layout->addWidget(icon);
    layout->addLayout(text, 1);
    resize(640, 320);
}

} // namespace mlwatch
