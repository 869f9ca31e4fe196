#include "gui/credential_expiry_watcher.h"

#include "core/common/clock.h"
#include "gui/account_texts.h"
#include "gui/alert_texts.h"

namespace mlwatch {

CredentialExpiryWatcher::CredentialExpiryWatcher(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock) {
    m_timer.setObjectName(QStringLiteral("credentialExpiryTimer"));
    m_timer.setInterval(kRecheckMs);
    connect(&m_timer, &QTimer::timeout, this, &CredentialExpiryWatcher::check);
}

void CredentialExpiryWatcher::watch(const QString &accountName, const QDateTime &expiresAtUtc) {
    m_accountName = accountName;
    m_expiresAtUtc = expiresAtUtc;
    if (expiresAtUtc.isValid())
        m_timer.start();
    else
        m_timer.stop();
    check();
}

void CredentialExpiryWatcher::check() {
    const QDateTime now = m_clock.nowUtc();
    State state = State::None;
    QString shortText;
    QString fullText;
    if (m_expiresAtUtc.isValid()) {
        const QString when = AlertTexts::localTimeWithZone(m_expiresAtUtc.toMSecsSinceEpoch());
        const qint64 left = now.secsTo(m_expiresAtUtc);
        if (left <= 0) {
            state = State::Expired;
            shortText = tr("Credentials expired at %1").arg(when);
            fullText =
                tr("The temporary credentials of “%1” expired at %2: the cloud refuses them from now on. "
                   "Get new ones and enter them with File → Accounts… → Edit…, then restart MLWatch.")
                    .arg(m_accountName, when);
            m_timer.stop(); // nothing changes any more
        } else if (left <= AccountTexts::kExpiryWarningSeconds) {
            state = State::Soon;
            shortText = tr("Credentials expire at %1").arg(when);
            fullText = tr("The temporary credentials of “%1” expire at %2 (in %3). Get new ones before then "
                          "and enter them with File → Accounts… → Edit….")
                           .arg(m_accountName, when, AlertTexts::duration(left * 1000));
        }
    }
    if (state == m_state && shortText == m_short && fullText == m_full)
        return;
    m_state = state;
    m_short = shortText;
    m_full = fullText;
    Q_EMIT changed();
}

QString CredentialExpiryWatcher::shortText() const {
    return m_short;
}

QString CredentialExpiryWatcher::fullText() const {
    return m_full;
}

} // namespace mlwatch
