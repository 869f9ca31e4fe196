// Pins the long-form CSV that mlwatch-cli writes and scripts read: RFC 4180 quoting, ISO 8601
// UTC timestamps, shortest round-trip doubles, the NaN/inf policy and locale independence.
#include "core/export/csv_writer.h"
#include "core/model/series_data.h"

#include <QBuffer>
#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

#include <clocale>
#include <cmath>
#include <limits>

using namespace mlwatch;

namespace {
qint64 utcMs(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

QByteArray iso(qint64 ms) {
    char buf[CsvWriter::kMaxIsoChars];
    return QByteArray(buf, CsvWriter::formatIsoUtc(ms, buf));
}

QByteArray number(double v) {
    char buf[CsvWriter::kMaxDoubleChars];
    return QByteArray(buf, CsvWriter::formatDouble(v, buf));
}

SeriesData series(QVector<qint64> t, QVector<double> v) {
    SeriesData d;
    d.timestampsMs = std::move(t);
    d.values = std::move(v);
    return d;
}

QByteArray write(const QList<CsvSeries> &list) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter w(buffer);
        w.writeHeader();
        w.writeSeries(list);
        const Result<void> r = w.finish();
        if (!r)
            qWarning("%s", qPrintable(r.error().toString()));
    }
    return out;
}
} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isoTimestamp_data();
    void isoTimestamp();
    void isoMatchesQDateTimeOverManyDays();
    void shortestDouble_data();
    void shortestDouble();
    void shortestDoubleRoundTrips();
    void fieldQuoting_data();
    void fieldQuoting();
    void writesHeaderAndRows();
    void quotesSeriesAndUnitInRows();
    void nanRowsAreLeftOutAndInfinityIsWritten();
    void mergesSeriesInTimestampOrder();
    void emptySeriesWritesHeaderOnly();
    void sameBytesUnderGermanLocale();
    void longSeriesNameLargerThanBuffer();
    void reportsWriteErrors();
};

void TestCsvWriter::isoTimestamp_data() {
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00Z");
    QTest::newRow("one-ms-before-epoch") << qint64(-1) << QByteArray("1969-12-31T23:59:59.999Z");
    QTest::newRow("one-second-before-epoch") << qint64(-1000) << QByteArray("1969-12-31T23:59:59Z");
    QTest::newRow("whole-seconds-have-no-fraction")
        << utcMs(2026, 11, 20, 12) << QByteArray("2026-11-20T12:00:00Z");
    QTest::newRow("milliseconds-three-digits")
        << utcMs(2026, 11, 20, 12, 0, 0, 7) << QByteArray("2026-11-20T12:00:00.007Z");
    QTest::newRow("milliseconds-999")
        << utcMs(2026, 11, 20, 23, 59, 59, 999) << QByteArray("2026-11-20T23:59:59.999Z");
    QTest::newRow("leap-day") << utcMs(2028, 2, 29, 1, 2, 3) << QByteArray("2028-02-29T01:02:03Z");
    QTest::newRow("year-2000-leap") << utcMs(2000, 2, 29) << QByteArray("2000-02-29T00:00:00Z");
    QTest::newRow("new-year") << utcMs(2027, 1, 1) << QByteArray("2027-01-01T00:00:00Z");
    QTest::newRow("year-9999") << utcMs(9999, 12, 31, 23, 59, 59) << QByteArray("9999-12-31T23:59:59Z");
    QTest::newRow("year-0001") << utcMs(1, 1, 1) << QByteArray("0001-01-01T00:00:00Z");
}

void TestCsvWriter::isoTimestamp() {
    QFETCH(qint64, ms);
    QFETCH(QByteArray, expected);
    QCOMPARE(iso(ms), expected);
}

void TestCsvWriter::isoMatchesQDateTimeOverManyDays() {
    // Every 7 h 13 min 17.3 s over ~60 years: the hand-written calendar agrees with Qt's.
    const qint64 step = ((7 * 60 + 13) * 60 + 17) * 1000 + 300;
    for (qint64 ms = utcMs(1965, 1, 1); ms < utcMs(2030, 1, 1); ms += step) {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const QString format = dt.time().msec() ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                                : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ");
        const QByteArray expected = dt.toString(format).toLatin1();
        if (iso(ms) != expected)
            QFAIL(qPrintable(
                QStringLiteral("%1: %2 != %3").arg(ms).arg(QLatin1String(iso(ms)), QLatin1String(expected))));
    }
}

void TestCsvWriter::shortestDouble_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("integer-without-point") << 42.0 << QByteArray("42");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative-zero-kept") << -0.0 << QByteArray("-0");
    QTest::newRow("one-tenth-not-0.1000000000000000055") << 0.1 << QByteArray("0.1");
    QTest::newRow("sum-shows-binary-truth") << (0.1 + 0.2) << QByteArray("0.30000000000000004");
    QTest::newRow("latency-microseconds") << 1234.5 << QByteArray("1234.5");
    QTest::newRow("percent") << 87.25 << QByteArray("87.25");
    QTest::newRow("negative") << -3.75 << QByteArray("-3.75");
    QTest::newRow("large-uses-exponent") << 1e21 << QByteArray("1e+21");
    QTest::newRow("bytes-exact") << 123456789012.0 << QByteArray("123456789012");
    QTest::newRow("tiny-uses-exponent") << 1e-7 << QByteArray("1e-07");
    QTest::newRow("max-double") << std::numeric_limits<double>::max()
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("denormal-min") << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
    QTest::newRow("plus-infinity") << std::numeric_limits<double>::infinity() << QByteArray("inf");
    QTest::newRow("minus-infinity") << -std::numeric_limits<double>::infinity() << QByteArray("-inf");
}

void TestCsvWriter::shortestDouble() {
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(number(value), expected);
}

void TestCsvWriter::shortestDoubleRoundTrips() {
    // Values as the cloud returns them must read back bit for bit.
    double v = 1.0 / 3.0;
    for (int i = 0; i < 2000; ++i) {
        v = v * 1.618033988749895 + 0.000123;
        if (v > 1e12)
            v /= 7.3e11;
        bool ok = false;
        const double back = QByteArray(number(v)).toDouble(&ok);
        QVERIFY(ok);
        QCOMPARE(back, v);
    }
}

void TestCsvWriter::fieldQuoting_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain-not-quoted")
        << "AWS/SageMaker:Invocations:Sum" << QByteArray("AWS/SageMaker:Invocations:Sum");
    QTest::newRow("braces-and-equals-not-quoted") << "m{A=b}" << QByteArray("m{A=b}");
    QTest::newRow("empty-not-quoted") << "" << QByteArray("");
    QTest::newRow("comma-quoted") << "a,b" << QByteArray("\"a,b\"");
    QTest::newRow("quote-doubled") << "say \"hi\"" << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline-quoted") << "line1\nline2" << QByteArray("\"line1\nline2\"");
    QTest::newRow("carriage-return-quoted") << "a\rb" << QByteArray("\"a\rb\"");
    QTest::newRow("only-a-quote") << "\"" << QByteArray("\"\"\"\"");
    QTest::newRow("utf8-kept") << QString::fromUtf8("Modell-Größe")
                               << QString::fromUtf8("Modell-Größe").toUtf8();
    QTest::newRow("spaces-kept-unquoted") << " a b " << QByteArray(" a b ");
}

void TestCsvWriter::fieldQuoting() {
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvWriter::field(text), expected);
}

void TestCsvWriter::writesHeaderAndRows() {
    const SeriesData d = series({utcMs(2026, 11, 20, 12), utcMs(2026, 11, 20, 12, 1)}, {42, 0.5});
    const QByteArray out = write({CsvSeries{
        QStringLiteral("AWS/SageMaker:Invocations{EndpointName=churn}:Sum"), QStringLiteral("None"), &d}});
    QCOMPARE(out,
             QByteArray("timestamp,series,value,unit\n"
                        "2026-11-20T12:00:00Z,AWS/SageMaker:Invocations{EndpointName=churn}:Sum,42,None\n"
                        "2026-11-20T12:01:00Z,AWS/SageMaker:Invocations{EndpointName=churn}:Sum,0.5,None\n"));
}

void TestCsvWriter::quotesSeriesAndUnitInRows() {
    const SeriesData d = series({0}, {1});
    const QByteArray out = write({CsvSeries{QStringLiteral("m{A=x,y}:Sum"), QStringLiteral("a\"b"), &d}});
    QCOMPARE(out, QByteArray("timestamp,series,value,unit\n"
                             "1970-01-01T00:00:00Z,\"m{A=x,y}:Sum\",1,\"a\"\"b\"\n"));
}

void TestCsvWriter::nanRowsAreLeftOutAndInfinityIsWritten() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const SeriesData d = series({0, 60000, 120000, 180000}, {1, nan, inf, -inf});
    const QByteArray out = write({CsvSeries{QStringLiteral("s"), QString(), &d}});
    QCOMPARE(out, QByteArray("timestamp,series,value,unit\n"
                             "1970-01-01T00:00:00Z,s,1,\n"
                             "1970-01-01T00:02:00Z,s,inf,\n"
                             "1970-01-01T00:03:00Z,s,-inf,\n"));
}

void TestCsvWriter::mergesSeriesInTimestampOrder() {
    const SeriesData a = series({0, 120000, 240000}, {1, 3, 5});
    const SeriesData b = series({60000, 120000, 180000}, {2, 33, 4});
    const QByteArray out = write({CsvSeries{QStringLiteral("a"), QStringLiteral("Count"), &a},
                                  CsvSeries{QStringLiteral("b"), QStringLiteral("Percent"), &b}});
    QCOMPARE(out, QByteArray("timestamp,series,value,unit\n"
                             "1970-01-01T00:00:00Z,a,1,Count\n"
                             "1970-01-01T00:01:00Z,b,2,Percent\n"
                             "1970-01-01T00:02:00Z,a,3,Count\n"
                             "1970-01-01T00:02:00Z,b,33,Percent\n"
                             "1970-01-01T00:03:00Z,b,4,Percent\n"
                             "1970-01-01T00:04:00Z,a,5,Count\n"));
}

void TestCsvWriter::emptySeriesWritesHeaderOnly() {
    const SeriesData empty;
    QCOMPARE(write({CsvSeries{QStringLiteral("s"), QString(), &empty}}),
             QByteArray("timestamp,series,value,unit\n"));
    QCOMPARE(write({}), QByteArray("timestamp,series,value,unit\n"));
}

void TestCsvWriter::sameBytesUnderGermanLocale() {
    const SeriesData d = series({utcMs(2026, 11, 20, 12, 0, 0, 500)}, {1234567.25});
    const QList<CsvSeries> list{CsvSeries{QStringLiteral("s"), QStringLiteral("Bytes"), &d}};
    const QByteArray expected("timestamp,series,value,unit\n2026-11-20T12:00:00.500Z,s,1234567.25,Bytes\n");
    QCOMPARE(write(list), expected);

    // A German default QLocale and C locale (decimal comma, '.' grouping) change nothing.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const char *cLocale = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    const QByteArray german = write(list);
    std::setlocale(LC_NUMERIC, "C");
    QLocale::setDefault(previous);
    if (!cLocale)
        qInfo("de_DE.UTF-8 C locale not installed; checked the Qt default locale only");
    QCOMPARE(german, expected);
}

void TestCsvWriter::longSeriesNameLargerThanBuffer() {
    const QString name(400 * 1024, QLatin1Char('x'));
    const SeriesData d = series({0, 1000}, {1, 2});
    const QByteArray out = write({CsvSeries{name, QString(), &d}});
    const QByteArray row0 = "1970-01-01T00:00:00Z," + name.toLatin1() + ",1,\n";
    const QByteArray row1 = "1970-01-01T00:00:01Z," + name.toLatin1() + ",2,\n";
    QCOMPARE(out, QByteArray("timestamp,series,value,unit\n") + row0 + row1);
}

void TestCsvWriter::reportsWriteErrors() {
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    CsvWriter w(readOnly);
    w.writeHeader();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
    const Result<void> r = w.finish();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csv_writer.moc"
