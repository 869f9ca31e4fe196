// ReportWeek: the ISO week maths of the weekly review, in a chosen zone. Pins week 1 and week 53
// at year ends, weeks that last 167 or 169 hours across daylight-saving changes, the zone deciding
// which week is "the last complete one", last week's range and the wall-clock overlay shift, and
// the zone text the PDF prints on every page. Also pins ScopedLocalZone, which the chart axes
// rely on to speak the report's zone.
#include "report/report_week.h"
#include "report/scoped_local_zone.h"

#include <QDateTime>
#include <QTest>

using namespace mlwatch;

namespace {

qint64 ms(const char *isoUtc) {
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch();
}

QTimeZone zone(const char *id) {
    return QTimeZone(QByteArray(id));
}

} // namespace

class TestReportWeek : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isoWeekRange_data();
    void isoWeekRange();
    void rejectsWhatIsNotAnIsoWeek_data();
    void rejectsWhatIsNotAnIsoWeek();
    void weeksInYear_data();
    void weeksInYear();
    void lastCompleteWeek_data();
    void lastCompleteWeek();
    void lastWeekIsSevenLocalDaysEarlier_data();
    void lastWeekIsSevenLocalDaysEarlier();
    void overlayKeepsTheWallClockAcrossADaylightSavingChange();
    void rangeNeedsStartBeforeEnd();
    void zoneText_data();
    void zoneText();
    void scopedLocalZoneAppliesAndRestores();
};

void TestReportWeek::isoWeekRange_data() {
    QTest::addColumn<QString>("week");
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("hours");

    QTest::newRow("utc-week-47") << "2026-W47" << QByteArray("UTC") << ms("2026-11-16T00:00:00Z")
                                 << ms("2026-11-23T00:00:00Z") << 168;
    QTest::newRow("berlin-week-starts-at-local-midnight")
        << "2026-W47" << QByteArray("Europe/Berlin") << ms("2026-11-15T23:00:00Z")
        << ms("2026-11-22T23:00:00Z") << 168;
    QTest::newRow("lower-case-w-accepted")
        << "2026-w47" << QByteArray("UTC") << ms("2026-11-16T00:00:00Z") << ms("2026-11-23T00:00:00Z") << 168;
    QTest::newRow("week-1-starts-in-the-previous-year")
        << "2026-W01" << QByteArray("UTC") << ms("2025-12-29T00:00:00Z") << ms("2026-01-05T00:00:00Z") << 168;
    QTest::newRow("week-1-starts-on-4-january")
        << "2021-W01" << QByteArray("UTC") << ms("2021-01-04T00:00:00Z") << ms("2021-01-11T00:00:00Z") << 168;
    QTest::newRow("week-53-crosses-new-year")
        << "2020-W53" << QByteArray("UTC") << ms("2020-12-28T00:00:00Z") << ms("2021-01-04T00:00:00Z") << 168;
    QTest::newRow("week-53-of-2026-exists")
        << "2026-W53" << QByteArray("UTC") << ms("2026-12-28T00:00:00Z") << ms("2027-01-04T00:00:00Z") << 168;
    QTest::newRow("spring-forward-week-lasts-167-hours")
        << "2026-W13" << QByteArray("Europe/Berlin") << ms("2026-03-22T23:00:00Z")
        << ms("2026-03-29T22:00:00Z") << 167;
    QTest::newRow("fall-back-week-lasts-169-hours")
        << "2026-W43" << QByteArray("Europe/Berlin") << ms("2026-10-18T22:00:00Z")
        << ms("2026-10-25T23:00:00Z") << 169;
    QTest::newRow("midnight-skipped-on-sunday-in-santiago")
        << "2026-W36" << QByteArray("America/Santiago") << ms("2026-08-31T04:00:00Z")
        << ms("2026-09-07T03:00:00Z") << 167;
    QTest::newRow("first-zone-to-start-the-week")
        << "2026-W47" << QByteArray("Pacific/Kiritimati") << ms("2026-11-15T10:00:00Z")
        << ms("2026-11-22T10:00:00Z") << 168;
    QTest::newRow("last-zone-to-start-the-week")
        << "2026-W47" << QByteArray("Pacific/Pago_Pago") << ms("2026-11-16T11:00:00Z")
        << ms("2026-11-23T11:00:00Z") << 168;
}

void TestReportWeek::isoWeekRange() {
    QFETCH(QString, week);
    QFETCH(QByteArray, zoneId);
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(int, hours);
    QVERIFY2(QTimeZone::isTimeZoneIdAvailable(zoneId), zoneId.constData());
    const Result<ReportWeek> parsed = ReportWeek::fromIsoWeekText(week, QTimeZone(zoneId));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(parsed->isIsoWeek());
    QCOMPARE(parsed->isoWeekText(), week.toUpper());
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(parsed->range().startMs, Qt::UTC),
             QDateTime::fromMSecsSinceEpoch(start, Qt::UTC));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(parsed->range().endMs, Qt::UTC),
             QDateTime::fromMSecsSinceEpoch(end, Qt::UTC));
    QCOMPARE(parsed->range().durationMs(), qint64(hours) * 3600 * 1000);
    QCOMPARE(parsed->firstDay().dayOfWeek(), 1); // Monday
    QCOMPARE(parsed->lastDay().dayOfWeek(), 7);  // Sunday, inclusive
}

void TestReportWeek::rejectsWhatIsNotAnIsoWeek_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("no-week-53-in-a-52-week-year") << "2021-W53";
    QTest::newRow("week-zero") << "2026-W00";
    QTest::newRow("week-54") << "2026-W54";
    QTest::newRow("missing-dash") << "2026W47";
    QTest::newRow("two-digit-year") << "26-W47";
    QTest::newRow("missing-w") << "2026-47";
    QTest::newRow("a-date") << "2026-11-16";
    QTest::newRow("empty") << "";
}

void TestReportWeek::rejectsWhatIsNotAnIsoWeek() {
    QFETCH(QString, text);
    const Result<ReportWeek> parsed = ReportWeek::fromIsoWeekText(text, zone("UTC"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::BadArgument);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestReportWeek::weeksInYear_data() {
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("weeks");
    QTest::newRow("2015-starts-on-thursday") << 2015 << 53;
    QTest::newRow("2020-leap-year-starting-wednesday") << 2020 << 53;
    QTest::newRow("2021") << 2021 << 52;
    QTest::newRow("2026-starts-on-thursday") << 2026 << 53;
    QTest::newRow("2027") << 2027 << 52;
}

void TestReportWeek::weeksInYear() {
    QFETCH(int, year);
    QFETCH(int, weeks);
    QCOMPARE(ReportWeek::weeksInYear(year), weeks);
}

void TestReportWeek::lastCompleteWeek_data() {
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QString>("week");
    QTest::newRow("midweek") << ms("2026-11-25T12:00:00Z") << QByteArray("UTC") << "2026-W47";
    QTest::newRow("the-instant-a-week-ends") << ms("2026-11-23T00:00:00Z") << QByteArray("UTC") << "2026-W47";
    QTest::newRow("last-minute-of-sunday") << ms("2026-11-22T23:59:00Z") << QByteArray("UTC") << "2026-W46";
    QTest::newRow("already-monday-in-berlin")
        << ms("2026-11-22T23:30:00Z") << QByteArray("Europe/Berlin") << "2026-W47";
    QTest::newRow("still-sunday-in-new-york")
        << ms("2026-11-23T03:00:00Z") << QByteArray("America/New_York") << "2026-W46";
    QTest::newRow("saturday-of-week-53") << ms("2027-01-02T12:00:00Z") << QByteArray("UTC") << "2026-W52";
    QTest::newRow("week-53-is-last-in-january")
        << ms("2027-01-05T12:00:00Z") << QByteArray("UTC") << "2026-W53";
    QTest::newRow("week-1-in-its-own-year") << ms("2026-01-07T12:00:00Z") << QByteArray("UTC") << "2026-W01";
    QTest::newRow("previous-year-from-week-1")
        << ms("2026-01-01T12:00:00Z") << QByteArray("UTC") << "2025-W52";
}

void TestReportWeek::lastCompleteWeek() {
    QFETCH(qint64, now);
    QFETCH(QByteArray, zoneId);
    QFETCH(QString, week);
    const ReportWeek last = ReportWeek::lastCompleteWeek(now, QTimeZone(zoneId));
    QCOMPARE(last.isoWeekText(), week);
    QVERIFY(last.range().endMs <= now); // complete: it has ended
    QVERIFY(now - last.range().endMs < 7LL * 24 * 3600 * 1000 + 3600 * 1000);
}

void TestReportWeek::lastWeekIsSevenLocalDaysEarlier_data() {
    QTest::addColumn<QString>("week");
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<qint64>("previousStart");
    QTest::addColumn<qint64>("previousEnd");
    QTest::newRow("utc") << "2026-W47" << QByteArray("UTC") << ms("2026-11-09T00:00:00Z")
                         << ms("2026-11-16T00:00:00Z");
    QTest::newRow("week-after-spring-forward") << "2026-W14" << QByteArray("Europe/Berlin")
                                               << ms("2026-03-22T23:00:00Z") << ms("2026-03-29T22:00:00Z");
    QTest::newRow("week-1-looks-back-into-the-old-year")
        << "2026-W01" << QByteArray("UTC") << ms("2025-12-22T00:00:00Z") << ms("2025-12-29T00:00:00Z");
}

void TestReportWeek::lastWeekIsSevenLocalDaysEarlier() {
    QFETCH(QString, week);
    QFETCH(QByteArray, zoneId);
    QFETCH(qint64, previousStart);
    QFETCH(qint64, previousEnd);
    const Result<ReportWeek> w = ReportWeek::fromIsoWeekText(week, QTimeZone(zoneId));
    QVERIFY(w);
    QCOMPARE(w->previousRange().startMs, previousStart);
    QCOMPARE(w->previousRange().endMs, previousEnd);
    QCOMPARE(w->previousRange().endMs, w->range().startMs); // weeks follow each other
}

void TestReportWeek::overlayKeepsTheWallClockAcrossADaylightSavingChange() {
    // Monday 09:00 of last week lies over Monday 09:00 of this week, whatever the UTC offsets.
    const Result<ReportWeek> berlin =
        ReportWeek::fromIsoWeekText(QStringLiteral("2026-W14"), zone("Europe/Berlin"));
    QVERIFY(berlin);
    QCOMPARE(berlin->toOverlayMs(ms("2026-03-23T08:00:00Z")), ms("2026-03-30T07:00:00Z"));
    // After the change inside last week, the shift is a plain seven days again.
    QCOMPARE(berlin->toOverlayMs(ms("2026-03-29T12:00:00Z")), ms("2026-04-05T12:00:00Z"));

    const Result<ReportWeek> utc = ReportWeek::fromIsoWeekText(QStringLiteral("2026-W47"), zone("UTC"));
    QVERIFY(utc);
    QCOMPARE(utc->toOverlayMs(ms("2026-11-10T13:14:15Z")), ms("2026-11-17T13:14:15Z"));
}

void TestReportWeek::rangeNeedsStartBeforeEnd() {
    QVERIFY(!ReportWeek::fromRange(TimeRange{ms("2026-11-16T00:00:00Z"), ms("2026-11-16T00:00:00Z")},
                                   zone("UTC")));
    QVERIFY(!ReportWeek::fromRange(TimeRange{ms("2026-11-17T00:00:00Z"), ms("2026-11-16T00:00:00Z")},
                                   zone("UTC")));
    const Result<ReportWeek> range =
        ReportWeek::fromRange(TimeRange{ms("2026-11-16T06:00:00Z"), ms("2026-11-18T06:00:00Z")}, zone("UTC"));
    QVERIFY(range);
    QVERIFY(!range->isIsoWeek());
    QVERIFY(range->isoWeekText().isEmpty());
    QCOMPARE(range->previousRange().startMs, ms("2026-11-09T06:00:00Z"));
    QCOMPARE(range->lastDay(), QDate(2026, 11, 18));
}

void TestReportWeek::zoneText_data() {
    QTest::addColumn<QString>("week");
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QString>("text");
    QTest::newRow("utc-is-just-utc") << "2026-W47" << QByteArray("UTC") << "UTC";
    QTest::newRow("etc-utc-reads-utc") << "2026-W47" << QByteArray("Etc/UTC") << "UTC";
    QTest::newRow("one-offset") << "2026-W47" << QByteArray("Europe/Berlin") << "Europe/Berlin (UTC+01:00)";
    QTest::newRow("both-offsets-when-they-change")
        << "2026-W13" << QByteArray("Europe/Berlin") << "Europe/Berlin (UTC+01:00 / UTC+02:00)";
    QTest::newRow("negative-and-half-hour-offsets")
        << "2026-W47" << QByteArray("America/St_Johns") << "America/St_Johns (UTC-03:30)";
}

void TestReportWeek::zoneText() {
    QFETCH(QString, week);
    QFETCH(QByteArray, zoneId);
    QFETCH(QString, text);
    const Result<ReportWeek> w = ReportWeek::fromIsoWeekText(week, QTimeZone(zoneId));
    QVERIFY(w);
    QCOMPARE(w->zoneText(), text);
}

void TestReportWeek::scopedLocalZoneAppliesAndRestores() {
    const qint64 instant = ms("2026-11-20T12:00:00Z");
    const int before = QDateTime::fromMSecsSinceEpoch(instant, Qt::LocalTime).offsetFromUtc();
    {
        const ScopedLocalZone tokyo(zone("Asia/Tokyo"));
        QVERIFY(tokyo.isApplied());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(instant, Qt::LocalTime).offsetFromUtc(), 9 * 3600);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(instant, Qt::LocalTime).time(), QTime(21, 0));
    }
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(instant, Qt::LocalTime).offsetFromUtc(), before);
    {
        // An offset id would be read by the C library with the opposite sign: refused.
        const ScopedLocalZone offset(QTimeZone(5 * 3600));
        QVERIFY(!offset.isApplied());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(instant, Qt::LocalTime).offsetFromUtc(), before);
    }
}

QTEST_GUILESS_MAIN(TestReportWeek)
#include "tst_report_week.moc"
