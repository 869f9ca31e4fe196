#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

namespace mlwatch {

class Clock;

// Watches when the shown account's temporary credentials lapse and says so in words: nothing
// until AccountTexts::kExpiryWarningSeconds (15 min) before, then a warning with the local time
// and zone, then "expired". A QTimer re-checks every kRecheckMs against the injected Clock; tests
// drive the clock by hand and call check() (or fire the timer).
class CredentialExpiryWatcher : public QObject {
    Q_OBJECT
public:
    enum class State { None, Soon, Expired };
    static constexpr int kRecheckMs = 30'000;

    // `clock` must outlive the watcher.
    explicit CredentialExpiryWatcher(const Clock &clock, QObject *parent = nullptr);

    // The account (its name for the text) and when its credentials expire (invalid: never, and
    // the watcher stays quiet). Checks at once and starts the timer.
    void watch(const QString &accountName, const QDateTime &expiresAtUtc);
    void check();

    State state() const { return m_state; }
    // Short, for the status bar: "Credentials expire at 13:05 (UTC)"; empty in State::None.
    QString shortText() const;
    // Full, for the tooltip: what lapses, when (local time and zone) and what to do.
    QString fullText() const;
    QTimer *timer() { return &m_timer; }

Q_SIGNALS:
    // The state or its text changed (the remaining minutes count down).
    void changed();

private:
    const Clock &m_clock;
    QTimer m_timer;
    QString m_accountName;
    QDateTime m_expiresAtUtc;
    State m_state = State::None;
    QString m_short;
    QString m_full;
};

} // namespace mlwatch
