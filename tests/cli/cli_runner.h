#pragma once
// Helpers of tst_cli: run the mlwatch-cli binary without blocking the event loop, and read
// its RFC 4180 output. MLWATCH_CLI_PATH (a compile definition of tst_cli) names the binary.

#include <QDateTime>
#include <QEventLoop>
#include <QList>
#include <QProcess>
#include <QTimer>

#include <optional>

namespace mlwatch::test {

struct CliRun {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> errLines() const {
        QList<QByteArray> lines = err.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
};

inline QString iso(const QDateTime &utc) {
    return utc.toString(Qt::ISODate); // "2026-11-20T09:00:00Z" for a UTC QDateTime
}

inline QDateTime floorHour(const QDateTime &utc) {
    return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
}

// Runs the binary without blocking this thread's event loop: the in-process DemoCloud must
// keep answering while the child talks to it. With `input`, that is the child's standard input
// (then closed); without, standard input is a pipe that stays open and empty.
inline CliRun runCli(const QStringList &args, const QProcessEnvironment &env,
                     const std::optional<QByteArray> &input = std::nullopt) {
    QProcess process;
    process.setProgram(QStringLiteral(MLWATCH_CLI_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a guard against hangs, not a timing
    process.start();
    if (input) { // written as the child reads; closing after it makes the child see EOF
        process.write(*input);
        process.closeWriteChannel();
    }
    loop.exec();
    CliRun run;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

struct CsvRow {
    QByteArray timestamp, series, value, unit;
};

// Reads RFC 4180 CSV (quoted fields with doubled quotes, '\n' line ends) into rows of fields.
inline QList<QList<QByteArray>> parseCsv(const QByteArray &csv) {
    QList<QList<QByteArray>> rows;
    QList<QByteArray> row;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.append(field);
            field.clear();
        } else if (c == '\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

// The data rows of the CLI's CSV (after the header); a malformed row keeps its field count.
inline QList<CsvRow> csvRows(const QByteArray &csv) {
    QList<CsvRow> rows;
    const QList<QList<QByteArray>> all = parseCsv(csv);
    for (qsizetype i = 1; i < all.size(); ++i) {
        const QList<QByteArray> &f = all[i];
        rows.append(f.size() == 4 ? CsvRow{f[0], f[1], f[2], f[3]} : CsvRow{"malformed", {}, {}, {}});
    }
    return rows;
}

inline qint64 msOf(const QByteArray &isoText) {
    return QDateTime::fromString(QString::fromLatin1(isoText), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace mlwatch::test
