// Pins the TIME grammar of mlwatch-cli (--from / --to): ISO 8601 with a stated zone, relative
// offsets from "now", and clear refusals for everything else.
#include "core/model/time_spec.h"

#include <QDateTime>
#include <QTest>

using namespace mlwatch;

namespace {
// 2026-11-20T12:00:00Z, the anchor the tests' ManualClock uses too.
const qint64 kNow = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

qint64 utcMs(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestTimeSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void refusalIsBadArgumentNamingTheText();
    void isLocaleIndependent();
};

void TestTimeSpec::accepted_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("iso-utc-seconds") << "2026-11-20T12:00:00Z" << utcMs(2026, 11, 20, 12);
    QTest::newRow("iso-utc-minutes-only") << "2026-11-20T12:34Z" << utcMs(2026, 11, 20, 12, 34);
    QTest::newRow("iso-milliseconds") << "2026-11-20T12:00:00.250Z" << utcMs(2026, 11, 20, 12, 0, 0, 250);
    QTest::newRow("iso-one-fraction-digit") << "2026-11-20T12:00:00.5Z" << utcMs(2026, 11, 20, 12, 0, 0, 500);
    QTest::newRow("iso-nanoseconds-truncate-to-ms")
        << "2026-11-20T12:00:00.123456789Z" << utcMs(2026, 11, 20, 12, 0, 0, 123);
    QTest::newRow("iso-positive-offset-colon") << "2026-11-20T13:00:00+01:00" << utcMs(2026, 11, 20, 12);
    QTest::newRow("iso-negative-offset-compact") << "2026-11-20T07:30:00-0430" << utcMs(2026, 11, 20, 12);
    QTest::newRow("iso-offset-hours-only") << "2026-11-20T14:00:00+02" << utcMs(2026, 11, 20, 12);
    QTest::newRow("iso-offset-crosses-midnight") << "2026-11-21T01:00:00+02:00" << utcMs(2026, 11, 20, 23);
    QTest::newRow("iso-lowercase-letters") << "2026-11-20t12:00:00z" << utcMs(2026, 11, 20, 12);
    QTest::newRow("iso-space-separator") << "2026-11-20 12:00:00Z" << utcMs(2026, 11, 20, 12);
    QTest::newRow("bare-date-is-midnight-utc") << "2026-11-20" << utcMs(2026, 11, 20);
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("before-epoch") << "1969-12-31T23:59:59.999Z" << qint64(-1);
    QTest::newRow("leap-day") << "2028-02-29T00:00:00Z" << utcMs(2028, 2, 29);
    QTest::newRow("leap-day-400-rule") << "2000-02-29T00:00:00Z" << utcMs(2000, 2, 29);
    QTest::newRow("surrounding-spaces-ignored") << "  2026-11-20T12:00:00Z " << utcMs(2026, 11, 20, 12);

    QTest::newRow("now") << "now" << kNow;
    QTest::newRow("now-uppercase") << "NOW" << kNow;
    QTest::newRow("minus-30-seconds") << "-30s" << kNow - 30 * 1000;
    QTest::newRow("minus-30-minutes") << "-30m" << kNow - 30 * 60 * 1000;
    QTest::newRow("minus-1-hour") << "-1h" << kNow - 3600 * 1000;
    QTest::newRow("minus-7-days") << "-7d" << kNow - qint64(7) * 86400 * 1000;
    QTest::newRow("minus-2-weeks") << "-2w" << kNow - qint64(14) * 86400 * 1000;
    QTest::newRow("minus-zero-is-now") << "-0h" << kNow;
    QTest::newRow("unit-uppercase") << "-1H" << kNow - 3600 * 1000;
}

void TestTimeSpec::accepted() {
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const Result<qint64> r = parseTimeSpec(text, kNow);
    QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(*r, expected);
}

void TestTimeSpec::refused_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("no-zone-is-not-guessed") << "2026-11-20T12:00:00";
    QTest::newRow("month-13") << "2026-13-01T00:00:00Z";
    QTest::newRow("month-0") << "2026-00-01T00:00:00Z";
    QTest::newRow("day-0") << "2026-11-00T00:00:00Z";
    QTest::newRow("february-30") << "2026-02-30T00:00:00Z";
    QTest::newRow("february-29-not-leap") << "2026-02-29T00:00:00Z";
    QTest::newRow("february-29-century-not-leap") << "2100-02-29T00:00:00Z";
    QTest::newRow("hour-24") << "2026-11-20T24:00:00Z";
    QTest::newRow("minute-60") << "2026-11-20T12:60:00Z";
    QTest::newRow("second-60") << "2026-11-20T12:00:60Z";
    QTest::newRow("short-year") << "26-11-20T12:00:00Z";
    QTest::newRow("slashes") << "2026/11/20T12:00:00Z";
    QTest::newRow("trailing-garbage") << "2026-11-20T12:00:00Zx";
    QTest::newRow("empty-fraction") << "2026-11-20T12:00:00.Z";
    QTest::newRow("too-many-fraction-digits") << "2026-11-20T12:00:00.1234567890Z";
    QTest::newRow("offset-out-of-range") << "2026-11-20T12:00:00+24:00";
    QTest::newRow("offset-minutes-missing") << "2026-11-20T12:00:00+01:";
    QTest::newRow("relative-without-unit") << "-5";
    QTest::newRow("relative-unknown-unit") << "-5y";
    QTest::newRow("relative-without-number") << "-h";
    QTest::newRow("relative-fraction") << "-1.5h";
    QTest::newRow("relative-positive") << "+1h";
    QTest::newRow("relative-trailing") << "-1hx";
    QTest::newRow("relative-too-large") << "-9999999999999w";
    QTest::newRow("word") << "yesterday";
    QTest::newRow("epoch-number") << "1763640000";
    QTest::newRow("arabic-indic-digits") << QString::fromUtf8("-\u0661h");
}

void TestTimeSpec::refused() {
    QFETCH(QString, text);
    const Result<qint64> r = parseTimeSpec(text, kNow);
    QVERIFY2(!r.has_value(), qPrintable(QStringLiteral("accepted as %1").arg(r ? *r : 0)));
    QCOMPARE(r.error().code, ErrorCode::BadArgument);
    QVERIFY(!r.error().detail.isEmpty());
}

void TestTimeSpec::refusalIsBadArgumentNamingTheText() {
    const Result<qint64> r = parseTimeSpec(QStringLiteral("2026-11-20T12:00:00"), kNow);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QLatin1String("2026-11-20T12:00:00")));
    // The message shows the accepted forms, so a person can fix the argument.
    QVERIFY(r.error().message.contains(QLatin1String("-1h")));
    QVERIFY(r.error().detail.contains(QLatin1String("zone")));
}

void TestTimeSpec::isLocaleIndependent() {
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Egypt));
    const Result<qint64> r = parseTimeSpec(QStringLiteral("2026-11-20T12:00:00.5Z"), kNow);
    QLocale::setDefault(previous);
    QVERIFY(r);
    QCOMPARE(*r, utcMs(2026, 11, 20, 12, 0, 0, 500));
}

QTEST_GUILESS_MAIN(TestTimeSpec)
#include "tst_time_spec.moc"
