// Pins the wide-form CSV (one timestamp column, one column per series) that chart exports
// write for spreadsheets: the union of timestamps, empty cells for missing points, the NaN
// policy, quoting, and the same bytes whatever the locale — and that it parses back to the
// input.
#include "core/export/csv_wide_writer.h"
#include "core/export/csv_writer.h"
#include "core/model/series_data.h"

#include <QBuffer>
#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

#include <clocale>
#include <cmath>
#include <limits>
#include <random>

using namespace mlwatch;

namespace {

constexpr qint64 kT0 = 1'763'366'400'000; // 2025-11-17T08:00:00Z
constexpr qint64 kMinuteMs = 60'000;

SeriesData series(QVector<qint64> t, QVector<double> v) {
    SeriesData d;
    d.timestampsMs = std::move(t);
    d.values = std::move(v);
    return d;
}

QByteArray write(const QList<CsvColumn> &columns) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    CsvWideWriter w(buffer);
    const Result<void> r = w.write(columns);
    if (!r)
        qWarning("%s", qPrintable(r.error().toString()));
    return out;
}

QByteArray iso(qint64 ms) {
    char buf[CsvWriter::kMaxIsoChars];
    return QByteArray(buf, CsvWriter::formatIsoUtc(ms, buf));
}

// A minimal RFC 4180 line splitter (the writer never puts line breaks inside fields here).
QStringList splitFields(const QString &line) {
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    fields.append(current);
    return fields;
}

} // namespace

class TestCsvWideWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void missingPointsAreEmptyCells_data();
    void missingPointsAreEmptyCells();
    void nanIsNoDatapoint();
    void repeatedTimestampInOneColumnKeepsBothPoints();
    void headerFieldsAreQuotedWhenNeeded();
    void noColumnsOrNoPointsWritesHeaderOnly();
    void nullDataIsAnEmptyColumn();
    void sameBytesUnderGermanLocaleAndOnRepeat();
    void parsesBackToTheInput();
    void reportsWriteErrors();
};

void TestCsvWideWriter::missingPointsAreEmptyCells_data() {
    QTest::addColumn<QVector<qint64>>("aTimes");
    QTest::addColumn<QVector<qint64>>("bTimes");
    QTest::addColumn<QByteArray>("expectedBody");

    const qint64 t0 = kT0, t1 = kT0 + kMinuteMs, t2 = kT0 + 2 * kMinuteMs;
    const QByteArray r0 = iso(t0), r1 = iso(t1), r2 = iso(t2);
    QTest::newRow("aligned series fill every cell")
        << QVector<qint64>{t0, t1} << QVector<qint64>{t0, t1} << QByteArray(r0 + ",1,10\n" + r1 + ",2,20\n");
    QTest::newRow("second series missing a point leaves its cell empty")
        << QVector<qint64>{t0, t1, t2} << QVector<qint64>{t0, t2}
        << QByteArray(r0 + ",1,10\n" + r1 + ",2,\n" + r2 + ",3,20\n");
    QTest::newRow("first series missing a point leaves its cell empty")
        << QVector<qint64>{t0, t2} << QVector<qint64>{t0, t1, t2}
        << QByteArray(r0 + ",1,10\n" + r1 + ",,20\n" + r2 + ",2,30\n");
    QTest::newRow("disjoint times interleave in ascending order")
        << QVector<qint64>{t0, t2} << QVector<qint64>{t1}
        << QByteArray(r0 + ",1,\n" + r1 + ",,10\n" + r2 + ",2,\n");
    QTest::newRow("one series empty")
        << QVector<qint64>{t0, t1} << QVector<qint64>{} << QByteArray(r0 + ",1,\n" + r1 + ",2,\n");
}

void TestCsvWideWriter::missingPointsAreEmptyCells() {
    QFETCH(QVector<qint64>, aTimes);
    QFETCH(QVector<qint64>, bTimes);
    QFETCH(QByteArray, expectedBody);
    QVector<double> aValues, bValues;
    for (qsizetype i = 0; i < aTimes.size(); ++i)
        aValues.append(double(i + 1));
    for (qsizetype i = 0; i < bTimes.size(); ++i)
        bValues.append(double(10 * (i + 1)));
    const SeriesData a = series(aTimes, aValues);
    const SeriesData b = series(bTimes, bValues);
    const QByteArray out = write({CsvColumn{QStringLiteral("a"), &a}, CsvColumn{QStringLiteral("b"), &b}});
    QCOMPARE(out, QByteArray("timestamp,a,b\n") + expectedBody);
}

void TestCsvWideWriter::nanIsNoDatapoint() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const SeriesData a = series({kT0, kT0 + kMinuteMs, kT0 + 2 * kMinuteMs}, {nan, nan, -inf});
    const SeriesData b = series({kT0, kT0 + 2 * kMinuteMs}, {1.5, inf});
    // kT0 + 1 min has only a NaN: no row. kT0: a's NaN is an empty cell.
    QCOMPARE(write({CsvColumn{QStringLiteral("a"), &a}, CsvColumn{QStringLiteral("b"), &b}}),
             QByteArray("timestamp,a,b\n" + iso(kT0) + ",,1.5\n" + iso(kT0 + 2 * kMinuteMs) + ",-inf,inf\n"));
}

void TestCsvWideWriter::repeatedTimestampInOneColumnKeepsBothPoints() {
    const SeriesData a = series({kT0, kT0, kT0 + kMinuteMs}, {1, 2, 3});
    const SeriesData b = series({kT0}, {9});
    QCOMPARE(write({CsvColumn{QStringLiteral("a"), &a}, CsvColumn{QStringLiteral("b"), &b}}),
             QByteArray("timestamp,a,b\n" + iso(kT0) + ",1,9\n" + iso(kT0) + ",2,\n" + iso(kT0 + kMinuteMs) +
                        ",3,\n"));
}

void TestCsvWideWriter::headerFieldsAreQuotedWhenNeeded() {
    const SeriesData a = series({kT0}, {1});
    const QByteArray out = write(
        {CsvColumn{QStringLiteral("AWS/SageMaker:ModelLatency{EndpointName=e,VariantName=v}:Average [ms]"),
                   &a},
         CsvColumn{QStringLiteral("say \"hi\""), &a}, CsvColumn{QStringLiteral("Latenz — ß"), &a}});
    QCOMPARE(out.left(out.indexOf('\n')),
             QByteArray("timestamp,\"AWS/SageMaker:ModelLatency{EndpointName=e,VariantName=v}:Average [ms]\","
                        "\"say \"\"hi\"\"\",") +
                 QStringLiteral("Latenz — ß").toUtf8());
}

void TestCsvWideWriter::noColumnsOrNoPointsWritesHeaderOnly() {
    QCOMPARE(write({}), QByteArray("timestamp\n"));
    const SeriesData empty;
    QCOMPARE(write({CsvColumn{QStringLiteral("a"), &empty}}), QByteArray("timestamp,a\n"));
}

void TestCsvWideWriter::nullDataIsAnEmptyColumn() {
    const SeriesData a = series({kT0}, {4});
    QCOMPARE(write({CsvColumn{QStringLiteral("none"), nullptr}, CsvColumn{QStringLiteral("a"), &a}}),
             QByteArray("timestamp,none,a\n" + iso(kT0) + ",,4\n"));
}

void TestCsvWideWriter::sameBytesUnderGermanLocaleAndOnRepeat() {
    const SeriesData a = series({kT0, kT0 + 500}, {1234567.25, 0.1});
    const SeriesData b = series({kT0 + 500}, {-2.5e-7});
    const QList<CsvColumn> columns{CsvColumn{QStringLiteral("a"), &a}, CsvColumn{QStringLiteral("b"), &b}};
    const QByteArray expected("timestamp,a,b\n2025-11-17T08:00:00Z,1234567.25,\n"
                              "2025-11-17T08:00:00.500Z,0.1,-2.5e-07\n");
    QCOMPARE(write(columns), expected);
    QCOMPARE(write(columns), expected);

    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const char *cLocale = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    const QByteArray german = write(columns);
    std::setlocale(LC_NUMERIC, "C");
    QLocale::setDefault(previous);
    if (!cLocale)
        qInfo("de_DE.UTF-8 C locale not installed; checked the Qt default locale only");
    QCOMPARE(german, expected);
}

void TestCsvWideWriter::parsesBackToTheInput() {
    // Three series on partly shared, partly own times with random values, larger than the
    // writer's buffer: reading the file back gives every datapoint of every series exactly.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> value(-1e6, 1e6);
    QList<SeriesData> input(3);
    for (qint64 i = 0; i < 20'000; ++i) {
        for (qsizetype s = 0; s < input.size(); ++s) {
            if ((i + s) % (s + 2) == 0)
                continue; // each series has its own holes
            input[s].timestampsMs.append(kT0 + i * 1000 + (s == 2 ? 250 : 0));
            input[s].values.append(value(rng));
        }
    }
    QList<CsvColumn> columns;
    for (qsizetype s = 0; s < input.size(); ++s)
        columns.append(CsvColumn{QStringLiteral("s%1").arg(s), &input.at(s)});
    const QByteArray out = write(columns);

    QList<SeriesData> parsed(3);
    const QList<QByteArray> lines = out.split('\n');
    QCOMPARE(lines.first(), QByteArray("timestamp,s0,s1,s2"));
    QVERIFY(lines.last().isEmpty()); // ends with a line break
    qint64 previous = std::numeric_limits<qint64>::min();
    for (qsizetype l = 1; l + 1 < lines.size(); ++l) {
        const QStringList fields = splitFields(QString::fromUtf8(lines.at(l)));
        QCOMPARE(fields.size(), 4);
        const QDateTime t = QDateTime::fromString(fields.at(0), Qt::ISODateWithMs);
        QVERIFY2(t.isValid() && t.timeSpec() == Qt::UTC, qPrintable(fields.at(0)));
        const qint64 ms = t.toMSecsSinceEpoch();
        QVERIFY(ms > previous); // one row per distinct time, ascending
        previous = ms;
        for (qsizetype s = 0; s < 3; ++s) {
            if (fields.at(s + 1).isEmpty())
                continue;
            bool ok = false;
            parsed[s].timestampsMs.append(ms);
            parsed[s].values.append(fields.at(s + 1).toDouble(&ok));
            QVERIFY(ok);
        }
    }
    for (qsizetype s = 0; s < 3; ++s) {
        QCOMPARE(parsed.at(s).timestampsMs, input.at(s).timestampsMs);
        QCOMPARE(parsed.at(s).values, input.at(s).values); // shortest round-trip text: exact
    }
}

void TestCsvWideWriter::reportsWriteErrors() {
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    CsvWideWriter w(readOnly);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
    const SeriesData a = series({kT0}, {1});
    const Result<void> r = w.write({CsvColumn{QStringLiteral("a"), &a}});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestCsvWideWriter)
#include "tst_csv_wide_writer.moc"
