// ClockSkew: reading HTTP Date headers (RFC 7231 §7.1.1.1) and the ignore threshold.
#include "core/providers/aws/clock_skew.h"

#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace mlwatch::aws;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

const QDateTime kLocal = utc(2024, 5, 1, 12, 0, 0);
constexpr qint64 kMinute = 60 * 1000;

} // namespace

class TestClockSkew : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void observe_data();
    void observe();
    void unreadableHeaderKeepsPreviousOffset();
    void smallOffsetResetsToZero();
    void correctedAddsOffset();
};

void TestClockSkew::initTestCase() {
    // The parser must not depend on the user's locale: run it under one whose names differ.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

void TestClockSkew::observe_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QDateTime>("localNow");
    QTest::addColumn<qint64>("expectedOffsetMs");

    // Readable headers, far enough off to be kept.
    QTest::newRow("imf_fixdate_server_ahead")
        << QByteArray("Wed, 01 May 2024 12:10:00 GMT") << kLocal << 10 * kMinute;
    QTest::newRow("imf_fixdate_server_behind")
        << QByteArray("Wed, 01 May 2024 11:50:00 GMT") << kLocal << -10 * kMinute;
    QTest::newRow("imf_fixdate_across_midnight")
        << QByteArray("Thu, 02 May 2024 00:05:00 GMT") << utc(2024, 5, 1, 23, 55, 0) << 10 * kMinute;
    QTest::newRow("imf_fixdate_local_millis_count") << QByteArray("Wed, 01 May 2024 12:10:00 GMT")
                                                    << utc(2024, 5, 1, 12, 0, 0, 250) << 10 * kMinute - 250;
    QTest::newRow("weekday_not_cross_checked")
        << QByteArray("Tue, 01 May 2024 12:10:00 GMT") << kLocal << 10 * kMinute;
    QTest::newRow("surrounding_whitespace_ignored")
        << QByteArray("  Wed, 01 May 2024 12:10:00 GMT \r") << kLocal << 10 * kMinute;
    QTest::newRow("rfc850_obsolete_form")
        << QByteArray("Wednesday, 01-May-24 12:10:00 GMT") << kLocal << 10 * kMinute;
    QTest::newRow("asctime_obsolete_form")
        << QByteArray("Wed May  1 12:10:00 2024") << kLocal << 10 * kMinute;
    QTest::newRow("asctime_two_digit_day")
        << QByteArray("Sat May 11 12:00:00 2024") << kLocal << 10 * 24 * 60 * kMinute;

    // The threshold: under a minute is latency and header granularity, so no correction.
    QTest::newRow("under_threshold_ignored")
        << QByteArray("Wed, 01 May 2024 12:00:59 GMT") << kLocal << qint64(0);
    QTest::newRow("under_threshold_behind_ignored")
        << QByteArray("Wed, 01 May 2024 11:59:01 GMT") << kLocal << qint64(0);
    QTest::newRow("exactly_threshold_kept")
        << QByteArray("Wed, 01 May 2024 12:01:00 GMT") << kLocal << ClockSkew::kIgnoreBelowMs;
    QTest::newRow("exactly_threshold_behind_kept")
        << QByteArray("Wed, 01 May 2024 11:59:00 GMT") << kLocal << -ClockSkew::kIgnoreBelowMs;
    QTest::newRow("just_under_threshold_by_millis")
        << QByteArray("Wed, 01 May 2024 12:01:00 GMT") << utc(2024, 5, 1, 12, 0, 0, 1) << qint64(0);

    // Unreadable headers leave the offset alone (zero for a fresh tracker).
    const qint64 none = 0;
    QTest::newRow("empty") << QByteArray() << kLocal << none;
    QTest::newRow("garbage") << QByteArray("yesterday") << kLocal << none;
    QTest::newRow("iso8601_not_http_date") << QByteArray("2024-05-01T12:10:00Z") << kLocal << none;
    QTest::newRow("numeric_zone_not_gmt") << QByteArray("Wed, 01 May 2024 12:10:00 +0000") << kLocal << none;
    QTest::newRow("utc_zone_name_not_gmt") << QByteArray("Wed, 01 May 2024 12:10:00 UTC") << kLocal << none;
    QTest::newRow("german_names_rejected") << QByteArray("Mi, 01 Mai 2024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("lowercase_month_rejected")
        << QByteArray("Wed, 01 may 2024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("day_out_of_range") << QByteArray("Wed, 32 May 2024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("february_30") << QByteArray("Fri, 30 Feb 2024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("hour_out_of_range") << QByteArray("Wed, 01 May 2024 24:10:00 GMT") << kLocal << none;
    QTest::newRow("leap_second_rejected") << QByteArray("Wed, 01 May 2024 12:10:60 GMT") << kLocal << none;
    QTest::newRow("single_digit_day_in_imf") << QByteArray("Wed, 1 May 2024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("sign_in_year") << QByteArray("Wed, 01 May -024 12:10:00 GMT") << kLocal << none;
    QTest::newRow("truncated") << QByteArray("Wed, 01 May 2024 12:10") << kLocal << none;
    QTest::newRow("invalid_local_time") << QByteArray("Wed, 01 May 2024 12:10:00 GMT") << QDateTime() << none;
}

void TestClockSkew::observe() {
    QFETCH(QByteArray, header);
    QFETCH(QDateTime, localNow);
    QFETCH(qint64, expectedOffsetMs);

    ClockSkew skew;
    skew.observe(header, localNow);
    QCOMPARE(skew.offsetMs(), expectedOffsetMs);
}

void TestClockSkew::unreadableHeaderKeepsPreviousOffset() {
    ClockSkew skew;
    skew.observe("Wed, 01 May 2024 12:10:00 GMT", kLocal);
    QCOMPARE(skew.offsetMs(), 10 * kMinute);
    skew.observe("not a date", kLocal);
    QCOMPARE(skew.offsetMs(), 10 * kMinute);
}

void TestClockSkew::smallOffsetResetsToZero() {
    // Once the local clock is fixed (or the server's answer agrees), the correction goes away.
    ClockSkew skew;
    skew.observe("Wed, 01 May 2024 12:10:00 GMT", kLocal);
    skew.observe("Wed, 01 May 2024 12:10:02 GMT", utc(2024, 5, 1, 12, 10, 0));
    QCOMPARE(skew.offsetMs(), qint64(0));
}

void TestClockSkew::correctedAddsOffset() {
    ClockSkew skew;
    skew.observe("Wed, 01 May 2024 11:53:00 GMT", kLocal);
    QCOMPARE(skew.offsetMs(), -7 * kMinute);
    QCOMPARE(skew.corrected(utc(2024, 5, 1, 12, 30, 0)), utc(2024, 5, 1, 12, 23, 0));
}

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clock_skew.moc"
