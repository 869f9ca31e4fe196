#include "core/alerts/notification_policy.h"
#include "support/manual_clock.h"

#include <QTest>

#include <memory>

using namespace mlwatch;
using mlwatch::test::ManualClock;

// Each row is a script of steps at minute offsets from 12:00 UTC (13:00 local: the policy judges
// quiet hours in a fixed UTC+01:00 zone, so local time differs from UTC on purpose):
//   "M pass a:ok>firing/critical b:firing/warning>ok"  one evaluation pass with these transitions
//   "M tick"                                            the reminder timer (all rules firing now)
//   "M snooze a 65" / "M silence a 65"                  mute rule a until minute 65
//   "M ack a"                                           acknowledge rule a
//   "M restart"                                         a fresh policy; rule states survive
// Every notification is written as "M a:kind/level b:kind/level" (its lines in order).
namespace {

const QDateTime kBase(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

std::optional<AlertState> parseState(const QString &text) {
    const QStringList parts = text.split(QLatin1Char('/'));
    const std::optional<AlertStateKind> kind = alertStateFromName(parts.value(0));
    if (!kind)
        return std::nullopt;
    AlertState state;
    state.kind = *kind;
    if (parts.size() > 1) {
        const std::optional<AlertLevel> level = alertLevelFromName(parts[1]);
        if (!level)
            return std::nullopt;
        state.level = *level;
    }
    return state;
}

class Script {
public:
    Script(int repeatMinutes, const QuietHours &quiet)
        : m_repeatMinutes(repeatMinutes)
        , m_quiet(quiet) {
        restart();
    }

    void restart() {
        m_policy = std::make_unique<NotificationPolicy>(m_clock, QTimeZone(3600));
        m_policy->setQuietHours(m_quiet);
    }

    bool run(const QString &step) {
        const QStringList words = step.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2)
            return false;
        m_minute = words[0].toInt();
        m_clock.set(kBase.addSecs(qint64(m_minute) * 60));
        const QString verb = words[1];
        if (verb == QLatin1String("pass"))
            return pass(words.mid(2));
        if (verb == QLatin1String("tick")) {
            QList<NotificationSubject> firing;
            for (auto it = m_status.cbegin(); it != m_status.cend(); ++it) {
                if (it->state.isFiring())
                    firing.append(subject(it.key()));
            }
            record(m_policy->decideReminders(firing));
            return true;
        }
        if (verb == QLatin1String("restart")) {
            restart();
            return true;
        }
        if ((verb == QLatin1String("snooze") || verb == QLatin1String("silence")) && words.size() == 4) {
            const qint64 until = kBase.addSecs(words[3].toLongLong() * 60).toMSecsSinceEpoch();
            (verb == QLatin1String("snooze") ? m_status[words[2]].snoozedUntilMs
                                             : m_status[words[2]].silencedUntilMs) = until;
            return true;
        }
        if (verb == QLatin1String("ack") && words.size() == 3) {
            m_status[words[2]].acknowledged = true;
            return true;
        }
        return false;
    }

    QStringList notifications;

private:
    bool pass(const QStringList &specs) {
        QList<AlertTransition> transitions;
        for (const QString &spec : specs) {
            // "a:ok>firing/critical"
            const qsizetype colon = spec.indexOf(QLatin1Char(':'));
            const QStringList fromTo = spec.mid(colon + 1).split(QLatin1Char('>'));
            const std::optional<AlertState> from = parseState(fromTo.value(0));
            const std::optional<AlertState> to = parseState(fromTo.value(1));
            if (colon <= 0 || !from || !to)
                return false;
            AlertTransition t;
            t.ruleId = spec.left(colon);
            t.timeMs = m_clock.nowMs();
            t.recordedAtMs = m_clock.nowMs();
            t.from = *from;
            t.to = *to;
            t.value = 1300;
            transitions.append(t);
            // What the engine does to the status, including clearing the acknowledgement.
            AlertRuleStatus &status = m_status[t.ruleId];
            status.state = t.to;
            status.sinceMs = t.timeMs;
            status.lastPeriodMs = t.timeMs;
            status.lastValue = t.value;
            if (t.to.kind == AlertStateKind::Ok || t.to.kind == AlertStateKind::NoData)
                status.acknowledged = false;
        }
        record(m_policy->decideTransitions(
            transitions,
            [this](const QString &id) -> std::optional<NotificationSubject> { return subject(id); }));
        return true;
    }

    NotificationSubject subject(const QString &id) const {
        NotificationSubject s;
        s.ruleId = id;
        s.ruleName = QStringLiteral("Rule ") + id;
        s.unitSymbol = QStringLiteral("ms");
        s.repeatIntervalSeconds = m_repeatMinutes * 60;
        s.status = m_status.value(id);
        return s;
    }

    void record(const std::optional<AlertNotification> &n) {
        if (!n)
            return;
        QStringList line{QString::number(m_minute)};
        for (const NotificationItem &item : n->items)
            line.append(item.ruleId + QLatin1Char(':') + notificationKindName(item.kind) + QLatin1Char('/') +
                        alertLevelName(item.level));
        notifications.append(line.join(QLatin1Char(' ')));
    }

    ManualClock m_clock{kBase};
    int m_repeatMinutes;
    QuietHours m_quiet;
    std::unique_ptr<NotificationPolicy> m_policy;
    QHash<QString, AlertRuleStatus> m_status;
    int m_minute = 0;
};

QuietHours quiet(const QString &window, bool criticalBreaksThrough = true) {
    QuietHours q;
    if (window.isEmpty())
        return q;
    const QStringList ends = window.split(QLatin1Char('-'));
    q.enabled = true;
    q.start = QTime::fromString(ends.value(0), QStringLiteral("HH:mm"));
    q.end = QTime::fromString(ends.value(1), QStringLiteral("HH:mm"));
    q.criticalBreaksThrough = criticalBreaksThrough;
    return q;
}

} // namespace

class TestNotificationPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void script_data() {
        QTest::addColumn<int>("repeatMinutes");
        QTest::addColumn<QuietHours>("quietHours");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected");
        const QuietHours none;
        const QuietHours halfPast = quiet(QStringLiteral("13:30-14:00"));
        using L = QStringList;

        // --- one per transition, never a storm ---------------------------------------------------
        QTest::newRow("one transition, one notification")
            << 0 << none << L{"0 pass a:ok>firing/critical"} << L{"0 a:fired/critical"};
        QTest::newRow("transitions of one pass coalesce into one notification, most severe first")
            << 0 << none << L{"0 pass a:ok>firing/warning b:ok>firing/critical c:firing/warning>ok"}
            << L{"0 b:fired/critical a:fired/warning c:resolved/warning"};
        QTest::newRow("catch-up within one pass folds to the last transition")
            << 0 << none << L{"0 pass a:ok>pending/critical a:pending/critical>firing/critical"}
            << L{"0 a:fired/critical"};
        QTest::newRow("a hundred rules firing at once make one notification")
            << 0 << none
            << L{QStringLiteral("0 pass ") +
                 [] {
                     QStringList specs;
                     for (int i = 0; i < 100; ++i)
                         specs.append(QStringLiteral("r%1:ok>firing/warning").arg(i));
                     return specs.join(QLatin1Char(' '));
                 }()}
            << L{QStringLiteral("0 ") + [] {
                   QStringList lines;
                   for (int i = 0; i < 100; ++i)
                       lines.append(QStringLiteral("r%1:fired/warning").arg(i));
                   return lines.join(QLatin1Char(' '));
               }()};
        QTest::newRow("pending and its reset are not notified")
            << 0 << none << L{"0 pass a:ok>pending/warning", "1 pass a:pending/warning>ok"} << L{};
        QTest::newRow("fired and resolved within one pass: nothing")
            << 0 << none << L{"0 pass a:ok>firing/critical a:firing/critical>ok"} << L{};
        QTest::newRow("separate passes: one notification per transition")
            << 0 << none
            << L{"0 pass a:ok>firing/warning", "5 pass a:firing/warning>firing/critical",
                 "7 pass a:firing/critical>firing/warning", "10 pass a:firing/warning>ok"}
            << L{"0 a:fired/warning", "5 a:escalated/critical", "7 a:deescalated/warning",
                 "10 a:resolved/warning"};
        QTest::newRow("firing to nodata is told")
            << 0 << none << L{"0 pass a:ok>firing/critical", "5 pass a:firing/critical>nodata"}
            << L{"0 a:fired/critical", "5 a:nodata/critical"};
        QTest::newRow("ok to nodata and back is not told")
            << 0 << none << L{"0 pass a:ok>nodata", "5 pass a:nodata>ok"} << L{};

        // --- repeat while firing -------------------------------------------------------------------
        QTest::newRow("repeat every interval while firing")
            << 30 << none << L{"0 pass a:ok>firing/critical", "29 tick", "30 tick", "45 tick", "60 tick"}
            << L{"0 a:fired/critical", "30 a:reminder/critical", "60 a:reminder/critical"};
        QTest::newRow("repeat interval 0 never repeats")
            << 0 << none << L{"0 pass a:ok>firing/critical", "600 tick"} << L{"0 a:fired/critical"};
        QTest::newRow("a level change restarts the repeat clock")
            << 30 << none
            << L{"0 pass a:ok>firing/warning", "20 pass a:firing/warning>firing/critical", "30 tick",
                 "50 tick"}
            << L{"0 a:fired/warning", "20 a:escalated/critical", "50 a:reminder/critical"};
        QTest::newRow("no reminders after resolution")
            << 30 << none << L{"0 pass a:ok>firing/critical", "10 pass a:firing/critical>ok", "40 tick"}
            << L{"0 a:fired/critical", "10 a:resolved/critical"};
        QTest::newRow("reminders of several rules coalesce")
            << 30 << none << L{"0 pass a:ok>firing/warning b:ok>firing/critical", "30 tick"}
            << L{"0 b:fired/critical a:fired/warning", "30 b:reminder/critical a:reminder/warning"};

        // --- quiet hours (local time; 12:00 UTC is 13:00 local) --------------------------------------
        QTest::newRow("outside quiet hours nothing is held")
            << 0 << halfPast << L{"0 pass a:ok>firing/warning"} << L{"0 a:fired/warning"};
        QTest::newRow("quiet hours hold a warning; reminded when they end")
            << 0 << halfPast << L{"30 pass a:ok>firing/warning", "45 tick", "59 tick", "60 tick", "61 tick"}
            << L{"60 a:reminder/warning"};
        QTest::newRow("critical breaks through quiet hours when allowed")
            << 0 << halfPast << L{"30 pass a:ok>firing/critical", "60 tick"} << L{"30 a:fired/critical"};
        QTest::newRow("critical is held too when break-through is off")
            << 0 << quiet(QStringLiteral("13:30-14:00"), false)
            << L{"30 pass a:ok>firing/critical", "60 tick"} << L{"60 a:reminder/critical"};
        QTest::newRow("fired and resolved inside quiet hours: nothing at all")
            << 0 << halfPast << L{"30 pass a:ok>firing/warning", "40 pass a:firing/warning>ok", "60 tick"}
            << L{};
        QTest::newRow("a repeat due in quiet hours waits for their end")
            << 20 << halfPast << L{"0 pass a:ok>firing/warning", "20 tick", "40 tick", "59 tick", "60 tick"}
            << L{"0 a:fired/warning", "20 a:reminder/warning", "60 a:reminder/warning"};
        QTest::newRow("quiet window wrapping midnight (22:00-07:00 local)")
            << 0 << quiet(QStringLiteral("22:00-07:00"))
            << L{"539 pass a:ok>firing/warning", "540 pass b:ok>firing/warning", "1079 tick", "1080 tick"}
            << L{"539 a:fired/warning", "1080 b:reminder/warning"};

        // --- snooze, acknowledge, silence -------------------------------------------------------------
        QTest::newRow("snoozed rule is not notified; reminded when the snooze ends")
            << 0 << none
            << L{"0 pass a:ok>firing/warning",
                 "5 snooze a 65",
                 "10 pass a:firing/warning>firing/critical",
                 "30 tick",
                 "64 tick",
                 "65 tick",
                 "66 tick"}
            << L{"0 a:fired/warning", "65 a:reminder/critical"};
        QTest::newRow("snoozed rule that resolves meanwhile: nothing more")
            << 0 << none
            << L{"0 pass a:ok>firing/warning", "5 snooze a 65", "10 pass a:firing/warning>ok", "65 tick"}
            << L{"0 a:fired/warning"};
        QTest::newRow("acknowledged rule gets no reminders and no level changes, but its resolution")
            << 30 << none << L{"0 pass a:ok>firing/warning",
                               "5 ack a",
                               "10 pass a:firing/warning>firing/critical",
                               "30 tick",
                               "60 tick",
                               "70 pass a:firing/critical>ok"}
            << L{"0 a:fired/warning", "70 a:resolved/critical"};
        QTest::newRow("acknowledgement ends with the episode")
            << 0 << none
            << L{"0 pass a:ok>firing/warning", "5 ack a", "10 pass a:firing/warning>ok",
                 "20 pass a:ok>firing/warning"}
            << L{"0 a:fired/warning", "10 a:resolved/warning", "20 a:fired/warning"};
        QTest::newRow("silenced rule is not notified until the silence ends")
            << 0 << none << L{"0 silence a 120", "10 pass a:ok>firing/critical", "60 tick", "120 tick"}
            << L{"120 a:reminder/critical"};
        QTest::newRow("only the muted rule is held in a coalesced pass")
            << 0 << none << L{"0 snooze a 60", "10 pass a:ok>firing/critical b:ok>firing/warning"}
            << L{"10 b:fired/warning"};

        // --- restart -----------------------------------------------------------------------------------
        QTest::newRow("restart while firing sends no duplicate")
            << 30 << none << L{"0 pass a:ok>firing/critical", "10 restart", "11 tick", "29 tick", "30 tick"}
            << L{"0 a:fired/critical", "30 a:reminder/critical"};
        QTest::newRow("restart keeps the repeat grid")
            << 30 << none
            << L{"0 pass a:ok>firing/critical", "30 tick", "45 restart", "46 tick", "59 tick", "60 tick"}
            << L{"0 a:fired/critical", "30 a:reminder/critical", "60 a:reminder/critical"};
        QTest::newRow("restart with repeat off stays quiet")
            << 0 << none << L{"0 pass a:ok>firing/critical", "10 restart", "11 tick", "900 tick"}
            << L{"0 a:fired/critical"};
        QTest::newRow("level change after a restart is told")
            << 0 << none
            << L{"0 pass a:ok>firing/warning", "10 restart", "20 pass a:firing/warning>firing/critical"}
            << L{"0 a:fired/warning", "20 a:escalated/critical"};
        QTest::newRow("resolution after a restart is told")
            << 0 << none << L{"0 pass a:ok>firing/warning", "10 restart", "20 pass a:firing/warning>ok"}
            << L{"0 a:fired/warning", "20 a:resolved/warning"};
    }

    void script() {
        QFETCH(int, repeatMinutes);
        QFETCH(QuietHours, quietHours);
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        Script script(repeatMinutes, quietHours);
        for (const QString &step : std::as_const(steps))
            QVERIFY2(script.run(step), qPrintable(QStringLiteral("bad step: ") + step));
        QCOMPARE(script.notifications, expected);
    }

    void quietWindowBounds_data() {
        QTest::addColumn<QString>("window");
        QTest::addColumn<QString>("localTime");
        QTest::addColumn<bool>("quiet");
        QTest::newRow("start is inside") << "22:00-07:00"
                                         << "22:00" << true;
        QTest::newRow("end is outside") << "22:00-07:00"
                                        << "07:00" << false;
        QTest::newRow("just after midnight is inside") << "22:00-07:00"
                                                       << "00:30" << true;
        QTest::newRow("afternoon is outside a night window") << "22:00-07:00"
                                                             << "15:00" << false;
        QTest::newRow("daytime window") << "12:00-13:00"
                                        << "12:59" << true;
        QTest::newRow("equal start and end is an empty window") << "08:00-08:00"
                                                                << "08:00" << false;
        QTest::newRow("disabled is never quiet") << ""
                                                 << "23:00" << false;
    }
    void quietWindowBounds() {
        QFETCH(QString, window);
        QFETCH(QString, localTime);
        QFETCH(bool, quiet);
        ManualClock clock;
        const QTimeZone zone(3600);
        NotificationPolicy policy(clock, zone);
        policy.setQuietHours(::quiet(window));
        const QDateTime local(QDate(2026, 11, 20), QTime::fromString(localTime, QStringLiteral("HH:mm")),
                              zone);
        QCOMPARE(policy.isQuietAt(local.toMSecsSinceEpoch()), quiet);
    }

    void notificationCarriesTheTransition() {
        ManualClock clock;
        NotificationPolicy policy(clock, QTimeZone(3600));
        AlertTransition t;
        t.ruleId = QStringLiteral("lat");
        t.timeMs = clock.nowMs() - 120000;
        t.to = {AlertStateKind::Firing, AlertLevel::Critical};
        t.value = 1234.5;
        NotificationSubject subject;
        subject.ruleId = t.ruleId;
        subject.ruleName = QStringLiteral("Endpoint latency");
        subject.unitSymbol = QStringLiteral("ms");
        subject.status.state = t.to;
        const auto n = policy.decideTransitions({t}, [&](const QString &) { return std::optional(subject); });
        QVERIFY(n);
        QCOMPARE(n->decidedAtMs, clock.nowMs());
        QCOMPARE(n->level(), AlertLevel::Critical);
        QCOMPARE(n->ruleIds(), QStringList{QStringLiteral("lat")});
        const NotificationItem &item = n->items.value(0);
        QCOMPARE(item.ruleName, QStringLiteral("Endpoint latency"));
        QCOMPARE(item.unitSymbol, QStringLiteral("ms"));
        QCOMPARE(item.value, 1234.5);
        QCOMPARE(item.periodMs, t.timeMs);
    }

    void unknownRulesAreDropped() {
        ManualClock clock;
        NotificationPolicy policy(clock);
        AlertTransition t;
        t.ruleId = QStringLiteral("gone");
        t.to = {AlertStateKind::Firing, AlertLevel::Warning};
        QVERIFY(!policy.decideTransitions(
            {t}, [](const QString &) { return std::optional<NotificationSubject>(); }));
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notification_policy.moc"
