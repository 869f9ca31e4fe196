// Temporary credentials: quiet until 15 minutes before they lapse, then a warning with the local
// time and zone, then "expired"; the timer re-checks against the injected clock.
#include "../support/manual_clock.h"
#include "gui/credential_expiry_watcher.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::CredentialExpiryWatcher::State)

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
}

class TestCredentialExpiryWatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stateFollowsTheTimeLeft_data();
    void stateFollowsTheTimeLeft();
    void timerRechecksAsTheClockMoves();
};

void TestCredentialExpiryWatcher::stateFollowsTheTimeLeft_data() {
    QTest::addColumn<qint64>("secondsLeft"); // INT64_MIN: the credentials never expire
    QTest::addColumn<CredentialExpiryWatcher::State>("state");
    QTest::addColumn<QString>("shortText");
    using S = CredentialExpiryWatcher::State;
    QTest::newRow("never expires: quiet") << std::numeric_limits<qint64>::min() << S::None << "";
    QTest::newRow("an hour left: quiet") << qint64(3600) << S::None << "";
    QTest::newRow("15 min 1 s left: still quiet") << qint64(15 * 60 + 1) << S::None << "";
    QTest::newRow("exactly 15 min left: warns") << qint64(15 * 60) << S::Soon << "Credentials expire at";
    QTest::newRow("a minute left: warns") << qint64(60) << S::Soon << "Credentials expire at";
    QTest::newRow("lapsed now: expired") << qint64(0) << S::Expired << "Credentials expired at";
    QTest::newRow("lapsed an hour ago: expired") << qint64(-3600) << S::Expired << "Credentials expired at";
}

void TestCredentialExpiryWatcher::stateFollowsTheTimeLeft() {
    QFETCH(qint64, secondsLeft);
    QFETCH(CredentialExpiryWatcher::State, state);
    QFETCH(QString, shortText);
    test::ManualClock clock(kNow);
    CredentialExpiryWatcher watcher(clock);
    const QDateTime expiry =
        secondsLeft == std::numeric_limits<qint64>::min() ? QDateTime() : kNow.addSecs(secondsLeft);
    watcher.watch(QStringLiteral("prod"), expiry);
    QCOMPARE(watcher.state(), state);
    if (shortText.isEmpty()) {
        QVERIFY(watcher.shortText().isEmpty());
        QVERIFY(watcher.fullText().isEmpty());
        return;
    }
    QVERIFY2(watcher.shortText().startsWith(shortText), qPrintable(watcher.shortText()));
    // Local time with its zone (ctest runs with TZ=UTC), and the account in the full text.
    const QString time = QLocale().toString(expiry.toLocalTime().time(), QLocale::ShortFormat);
    for (const QString &text : {watcher.shortText(), watcher.fullText()}) {
        QVERIFY2(text.contains(time), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(UTC)")), qPrintable(text));
    }
    QVERIFY(watcher.fullText().contains(QStringLiteral("“prod”")));
    QVERIFY(watcher.fullText().contains(QStringLiteral("Accounts…")));
}

void TestCredentialExpiryWatcher::timerRechecksAsTheClockMoves() {
    test::ManualClock clock(kNow);
    CredentialExpiryWatcher watcher(clock);
    QSignalSpy changed(&watcher, &CredentialExpiryWatcher::changed);
    watcher.watch(QStringLiteral("prod"), kNow.addSecs(20 * 60));
    QCOMPARE(watcher.state(), CredentialExpiryWatcher::State::None);
    QVERIFY(watcher.timer()->isActive());
    QCOMPARE(watcher.timer()->interval(), CredentialExpiryWatcher::kRecheckMs);
    QCOMPARE(changed.count(), 0);

    // (QTimer::timeout is a private signal: fired through the meta-object, as QTimer does.)
    const auto fire = [&watcher] {
        return QMetaObject::invokeMethod(watcher.timer(), "timeout", Qt::DirectConnection);
    };
    clock.advanceSeconds(6 * 60); // 14 min left
    QVERIFY(fire());
    QCOMPARE(watcher.state(), CredentialExpiryWatcher::State::Soon);
    QCOMPARE(changed.count(), 1);
    QVERIFY(watcher.fullText().contains(QStringLiteral("in 14 min")));
    clock.advanceSeconds(60); // the countdown in the text moves on
    QVERIFY(fire());
    QCOMPARE(changed.count(), 2);
    QVERIFY(watcher.fullText().contains(QStringLiteral("in 13 min")));
    clock.advanceSeconds(13 * 60);
    QVERIFY(fire());
    QCOMPARE(watcher.state(), CredentialExpiryWatcher::State::Expired);
    QCOMPARE(changed.count(), 3);
    QVERIFY(!watcher.timer()->isActive()); // nothing changes any more
}

QTEST_MAIN(TestCredentialExpiryWatcher)
#include "tst_credential_expiry_watcher.moc"
