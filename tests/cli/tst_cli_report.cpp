// End to end: `mlwatch-cli report` (the weekly review) as a QProcess on --demo with a pinned
// anchor, and on a workspace whose account is a DemoCloud served from this test on loopback.
// Pins: the folder's files (report.pdf, charts/*.png, data/*.csv, alerts.csv, summary.csv); the
// PDF's text through Debian's pdftotext (poppler-utils) — section titles, the zone on every page,
// the alert counts summary.csv states; PNGs that decode at the documented size; CSVs that parse
// and are byte-identical on a second run; an empty range that says so; the --out safety rule
// (non-empty refused, --force allowed, nothing else touched); nothing written outside --out;
// bad arguments exit 2 with one stderr line.
#include "cli_runner.h"
#include "core/common/error.h"
#include "demo/demo_cloud.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;
using namespace mlwatch::test;

namespace {

const QString kAnchor = QStringLiteral("2026-11-20T12:00:00Z"); // a Friday: W46 is the last complete week
const QString kZone = QStringLiteral("Europe/Berlin");
const QString kZoneText = QStringLiteral("Europe/Berlin (UTC+01:00)");
const QStringList kSections = {QStringLiteral("Summary"),        QStringLiteral("Data preparation"),
                               QStringLiteral("Training"),       QStringLiteral("Evaluation"),
                               QStringLiteral("Deployment"),     QStringLiteral("Monitoring"),
                               QStringLiteral("Week over week"), QStringLiteral("Alert log")};

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file under `dir`, relative, sorted.
QStringList filesUnder(const QString &dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

// pdftotext's text, one entry per page (it ends each page with a form feed).
QStringList pdfPages(const QString &pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    // NFKC: the PDF's text uses the font's ligatures ("ﬁred"); search for what people read.
    QStringList pages = QString::fromUtf8(p.readAllStandardOutput())
                            .normalized(QString::NormalizationForm_KC)
                            .split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// summary.csv's value for (section, subject, measure); empty when absent.
QByteArray summaryValue(const QByteArray &csv, const QByteArray &section, const QByteArray &subject,
                        const QByteArray &measure) {
    for (const QList<QByteArray> &row : parseCsv(csv))
        if (row.size() == 6 && row[0] == section && row[2] == subject && row[3] == measure)
            return row[4];
    return {};
}

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void folderHoldsEveryFile();
    void pdfHasSectionsZoneOnEveryPageAndAlertCounts();
    void pngsDecodeAtTheDocumentedSize();
    void csvsParseAndAreByteIdenticalOnASecondRun();
    void summaryNamesTheZoneAndTheWeek();
    void nothingIsWrittenOutsideOut();
    void emptyRangeSaysSo();
    void nonEmptyOutIsRefusedUnlessForced();
    void workspaceReportsOnItsAccounts();
    void badArgumentsExitTwoWithOneLine_data();
    void badArgumentsExitTwoWithOneLine();

private:
    QProcessEnvironment env() const;
    CliRun run(const QStringList &args, const QString &workingDir = QString()) const;

    QTemporaryDir m_root;
    QString m_home;   // the child's HOME and XDG folders: must stay empty
    QString m_cwd;    // the child's working folder: must stay empty
    QString m_first;  // the full report, first run
    QString m_second; // CSVs only, second run
    CliRun m_firstRun;
};

QProcessEnvironment TestCliReport::env() const {
    // Nothing from the developer's or CI's environment; no display: the CLI must go offscreen.
    QProcessEnvironment e;
    e.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    e.insert(QStringLiteral("HOME"), m_home);
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/.config"));
    e.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/.local/share"));
    e.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/.cache"));
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    e.insert(QStringLiteral("TZ"), QStringLiteral("America/New_York")); // the report's zone must win
    e.insert(QStringLiteral("MLWATCH_DEMO_NOW"), kAnchor);
    return e;
}

CliRun TestCliReport::run(const QStringList &args, const QString &workingDir) const {
    // cli_runner's runCli() with a working folder: the report must not write into it.
    QProcess process;
    process.setProgram(QStringLiteral(MLWATCH_CLI_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(env());
    process.setWorkingDirectory(workingDir.isEmpty() ? m_cwd : workingDir);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(240000, &loop, &QEventLoop::quit); // a guard against hangs, not a timing
    process.start();
    loop.exec();
    CliRun result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliReport::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext not found: install poppler-utils (scripts/install-deps.sh)");
    QVERIFY(m_root.isValid());
    QDir root(m_root.path());
    QVERIFY(root.mkdir(QStringLiteral("home")) && root.mkdir(QStringLiteral("cwd")) &&
            root.mkdir(QStringLiteral("out")));
    m_home = root.filePath(QStringLiteral("home"));
    m_cwd = root.filePath(QStringLiteral("cwd"));
    m_first = root.filePath(QStringLiteral("out/first")); // does not exist yet: the CLI creates it
    m_second = root.filePath(QStringLiteral("out/second"));

    m_firstRun = run({QStringLiteral("report"), QStringLiteral("--demo"), QStringLiteral("--week"),
                      QStringLiteral("2026-W46"), QStringLiteral("--timezone"), kZone,
                      QStringLiteral("--out"), m_first});
    QVERIFY2(m_firstRun.finished && m_firstRun.exitCode == 0, m_firstRun.err.constData());
    QVERIFY2(m_firstRun.err.isEmpty(), m_firstRun.err.constData());
}

void TestCliReport::folderHoldsEveryFile() {
    const QStringList files = filesUnder(m_first);
    QVERIFY(files.contains(QStringLiteral("report.pdf")));
    QVERIFY(files.contains(QStringLiteral("summary.csv")));
    QVERIFY(files.contains(QStringLiteral("alerts.csv")));
    const QStringList pngs = QDir(m_first + QStringLiteral("/charts")).entryList({QStringLiteral("*.png")});
    const QStringList csvs = QDir(m_first + QStringLiteral("/data")).entryList({QStringLiteral("*.csv")});
    const QByteArray charts =
        summaryValue(readAll(m_first + QStringLiteral("/summary.csv")), "data", "charts", "total");
    QVERIFY(charts.toInt() > 0);
    QCOMPARE(pngs.size(), charts.toInt());
    QCOMPARE(csvs.size(), charts.toInt());
    // One PNG and one CSV per chart, with the same name, and nothing else.
    for (QString png : pngs)
        QVERIFY2(csvs.contains(png.replace(QStringLiteral(".png"), QStringLiteral(".csv"))), qPrintable(png));
    QCOMPARE(files.size(), 3 + pngs.size() + csvs.size());
    QVERIFY(m_firstRun.out.contains("2026-W46"));
}

void TestCliReport::pdfHasSectionsZoneOnEveryPageAndAlertCounts() {
    const QStringList pages = pdfPages(m_first + QStringLiteral("/report.pdf"));
    QVERIFY2(pages.size() >= 2 + 5 + 2, qPrintable(QString::number(pages.size())));
    const QString all = pages.join(QLatin1Char('\n'));
    for (const QString &section : kSections)
        QVERIFY2(all.contains(section), qPrintable(section));
    QVERIFY(pages.first().contains(QStringLiteral("Weekly review")));
    QVERIFY(pages.first().contains(QStringLiteral("2026-W46")));
    for (int i = 0; i < pages.size(); ++i) {
        QVERIFY2(pages.at(i).contains(QStringLiteral("Times in ") + kZoneText),
                 qPrintable(QString::number(i + 1)));
        QVERIFY2(pages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())),
                 qPrintable(pages.at(i).right(200)));
    }
    // The counts the summary page states are the ones summary.csv holds.
    const QByteArray summary = readAll(m_first + QStringLiteral("/summary.csv"));
    const QByteArray fired = summaryValue(summary, "alerts", "all", "fired");
    const QByteArray critical = summaryValue(summary, "alerts", "critical", "fired");
    const QByteArray warning = summaryValue(summary, "alerts", "warning", "fired");
    QVERIFY(!fired.isEmpty() && !critical.isEmpty() && !warning.isEmpty());
    QCOMPARE(fired.toInt(), critical.toInt() + warning.toInt());
    QVERIFY(fired.toInt() > 0); // the demo's week has breaches: an all-zero report would hide a bug
    const QString line =
        QStringLiteral("Alerts fired: %1 (critical %2, warning %3)")
            .arg(QString::fromLatin1(fired), QString::fromLatin1(critical), QString::fromLatin1(warning));
    QVERIFY2(pages.at(1).contains(line), qPrintable(pages.at(1)));
    // Every transition of alerts.csv is a row of the log.
    const qsizetype transitions = parseCsv(readAll(m_first + QStringLiteral("/alerts.csv"))).size() - 1;
    QCOMPARE(summaryValue(summary, "alerts", "log", "transitions").toLongLong(), transitions);
}

void TestCliReport::pngsDecodeAtTheDocumentedSize() {
    const QDir charts(m_first + QStringLiteral("/charts"));
    const QStringList pngs = charts.entryList({QStringLiteral("*.png")});
    QVERIFY(!pngs.isEmpty());
    for (const QString &name : pngs) {
        const QImage image(charts.filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QCOMPARE(image.size(), QSize(1280, 600));
    }
}

void TestCliReport::csvsParseAndAreByteIdenticalOnASecondRun() {
    const CliRun second =
        run({QStringLiteral("report"), QStringLiteral("--demo"), QStringLiteral("--week"),
             QStringLiteral("2026-W46"), QStringLiteral("--timezone"), kZone, QStringLiteral("--out"),
             m_second, QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(second.finished && second.exitCode == 0, second.err.constData());
    QVERIFY(!QFile::exists(m_second + QStringLiteral("/report.pdf"))); // --format csv: no PDF, no PNGs
    QVERIFY(!QDir(m_second + QStringLiteral("/charts")).exists());

    const QStringList csvs = filesUnder(m_second);
    QVERIFY(csvs.size() > 2);
    qsizetype dataRows = 0;
    for (const QString &name : csvs) {
        QVERIFY2(name.endsWith(QStringLiteral(".csv")), qPrintable(name));
        const QByteArray bytes = readAll(m_second + QLatin1Char('/') + name);
        QCOMPARE(bytes, readAll(m_first + QLatin1Char('/') + name)); // byte for byte
        const QList<QList<QByteArray>> rows = parseCsv(bytes);
        QVERIFY2(!rows.isEmpty(), qPrintable(name));
        for (const QList<QByteArray> &row : rows)
            QCOMPARE(row.size(), rows.first().size());
        if (name.startsWith(QStringLiteral("data/"))) {
            QCOMPARE(rows.first(), (QList<QByteArray>{"timestamp", "series", "value", "unit"}));
            for (qsizetype i = 1; i < rows.size(); ++i) {
                // ISO 8601 UTC, inside the week; dot decimals whatever the locale.
                QVERIFY(rows[i][0].endsWith('Z'));
                const qint64 t = msOf(rows[i][0]);
                QVERIFY(t >= msOf("2026-11-08T23:00:00Z") && t < msOf("2026-11-15T23:00:00Z"));
                QVERIFY(!rows[i][2].contains(','));
                ++dataRows;
            }
        }
    }
    QVERIFY(dataRows > 1000);
}

void TestCliReport::summaryNamesTheZoneAndTheWeek() {
    const QByteArray summary = readAll(m_first + QStringLiteral("/summary.csv"));
    QCOMPARE(summaryValue(summary, "report", "range", "time_zone"), kZone.toUtf8());
    QCOMPARE(summaryValue(summary, "report", "range", "zone_label"), kZoneText.toUtf8());
    QCOMPARE(summaryValue(summary, "report", "range", "iso_week"), QByteArray("2026-W46"));
    QCOMPARE(summaryValue(summary, "report", "range", "from"), QByteArray("2026-11-08T23:00:00Z"));
    QCOMPARE(summaryValue(summary, "report", "range", "to"), QByteArray("2026-11-15T23:00:00Z"));
    QCOMPARE(summaryValue(summary, "report", "generated", "at"), kAnchor.toUtf8());
    QCOMPARE(summaryValue(summary, "alerts", "rules", "source"), QByteArray("replay"));
}

void TestCliReport::nothingIsWrittenOutsideOut() {
    // After the runs above: HOME (with its XDG folders) and the working folder are untouched, and
    // the out folder holds only the reports asked for.
    QCOMPARE(filesUnder(m_home), QStringList());
    QCOMPARE(QDir(m_home).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    QCOMPARE(QDir(m_cwd).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    const QStringList outs =
        QDir(m_root.path() + QStringLiteral("/out")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QVERIFY(outs.size() <= 2 && outs.contains(QStringLiteral("first")));
}

void TestCliReport::emptyRangeSaysSo() {
    // Years before the demo's history: every chart is empty, and the report says so in words.
    const QString out = m_root.path() + QStringLiteral("/empty");
    const CliRun r = run({QStringLiteral("report"), QStringLiteral("--demo"), QStringLiteral("--from"),
                          QStringLiteral("2020-01-06T00:00:00Z"), QStringLiteral("--to"),
                          QStringLiteral("2020-01-13T00:00:00Z"), QStringLiteral("--timezone"),
                          QStringLiteral("UTC"), QStringLiteral("--out"), out});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const QStringList pages = pdfPages(out + QStringLiteral("/report.pdf"));
    QVERIFY(!pages.isEmpty());
    const QString all = pages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("No data in this range")), qPrintable(all.left(2000)));
    for (const QString &page : pages)
        QVERIFY(page.contains(QStringLiteral("Times in UTC")));
    const QByteArray summary = readAll(out + QStringLiteral("/summary.csv"));
    QCOMPARE(summaryValue(summary, "data", "charts", "with_data"), QByteArray("0"));
    QVERIFY(summaryValue(summary, "report", "range", "iso_week").isEmpty()); // a from/to range
    const QDir data(out + QStringLiteral("/data"));
    for (const QString &name : data.entryList({QStringLiteral("*.csv")}))
        QCOMPARE(readAll(data.filePath(name)), QByteArray("timestamp,series,value,unit\n"));
}

void TestCliReport::nonEmptyOutIsRefusedUnlessForced() {
    const QString out = m_root.path() + QStringLiteral("/busy");
    QVERIFY(QDir().mkdir(out));
    {
        QFile keep(out + QStringLiteral("/keep.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("someone's notes\n");
    }
    const QStringList args = {QStringLiteral("report"),     QStringLiteral("--demo"),
                              QStringLiteral("--timezone"), kZone,
                              QStringLiteral("--out"),      out,
                              QStringLiteral("--format"),   QStringLiteral("csv")};
    const CliRun refused = run(args);
    QVERIFY(refused.finished);
    QCOMPARE(refused.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(refused.errLines().size(), 1);
    QVERIFY(refused.err.contains("--force"));
    QCOMPARE(filesUnder(out), QStringList{QStringLiteral("keep.txt")});

    const CliRun forced = run(args + QStringList{QStringLiteral("--force")});
    QVERIFY2(forced.finished && forced.exitCode == 0, forced.err.constData());
    QVERIFY(QFile::exists(out + QStringLiteral("/summary.csv")));
    QCOMPARE(readAll(out + QStringLiteral("/keep.txt")), QByteArray("someone's notes\n"));
}

void TestCliReport::workspaceReportsOnItsAccounts() {
    // A workspace whose one account is a simulated cloud on loopback; keys from the environment.
    demo::DemoCloud cloud;
    QVERIFY(cloud.start());
    const QString workspace = m_root.path() + QStringLiteral("/team.mlwatch.json");
    {
        QFile f(workspace);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "{\"format\":\"mlwatch-workspace\",\"version\":1,\"accounts\":[{\"id\":\"staging\","
                    "\"kind\":\"aws\",\"region\":\"%1\",\"endpointUrl\":\"%2\"}],\"rules\":[]}\n")
                    .arg(demo::DemoCloud::region(), cloud.endpoint().toString())
                    .toUtf8());
    }
    QProcessEnvironment e = env();
    e.remove(QStringLiteral("MLWATCH_DEMO_NOW"));
    const aws::AwsCredentials keys = demo::DemoCloud::credentials();
    e.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), keys.accessKeyId);
    e.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), keys.secretAccessKey);
    QProcess process;
    process.setProgram(QStringLiteral(MLWATCH_CLI_PATH));
    const QString out = m_root.path() + QStringLiteral("/workspace");
    process.setArguments({QStringLiteral("report"), QStringLiteral("--workspace"), workspace,
                          QStringLiteral("--out"), out, QStringLiteral("--format"), QStringLiteral("csv")});
    process.setProcessEnvironment(e);
    process.setWorkingDirectory(m_cwd);
    // The in-process cloud must keep answering: wait with an event loop, not waitForFinished().
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(240000, &loop, &QEventLoop::quit);
    process.start();
    loop.exec();
    QCOMPARE(process.state(), QProcess::NotRunning);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QByteArray summary = readAll(out + QStringLiteral("/summary.csv"));
    QCOMPARE(summaryValue(summary, "report", "workspace", "name"), QByteArray("team.mlwatch"));
    QVERIFY(summaryValue(summary, "data", "charts", "with_data").toInt() > 0);
    QVERIFY(!summary.contains(keys.secretAccessKey.toUtf8()));
}

void TestCliReport::badArgumentsExitTwoWithOneLine_data() {
    QTest::addColumn<QStringList>("args");
    const QString out = QStringLiteral("/nonexistent-parent-for-mlwatch-test/out");
    QTest::newRow("no-week-53-in-2021")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--week"), QStringLiteral("2021-W53"),
                       QStringLiteral("--out"), QStringLiteral("OUT")};
    QTest::newRow("missing-out") << QStringList{QStringLiteral("--demo")};
    QTest::newRow("demo-and-workspace")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--workspace"), QStringLiteral("w.json"),
                       QStringLiteral("--out"), QStringLiteral("OUT")};
    QTest::newRow("neither-demo-nor-workspace")
        << QStringList{QStringLiteral("--out"), QStringLiteral("OUT")};
    QTest::newRow("unknown-zone") << QStringList{QStringLiteral("--demo"), QStringLiteral("--timezone"),
                                                 QStringLiteral("Mars/Olympus_Mons"), QStringLiteral("--out"),
                                                 QStringLiteral("OUT")};
    QTest::newRow("unknown-format") << QStringList{QStringLiteral("--demo"), QStringLiteral("--format"),
                                                   QStringLiteral("pdf,docx"), QStringLiteral("--out"),
                                                   QStringLiteral("OUT")};
    QTest::newRow("week-and-range") << QStringList{
        QStringLiteral("--demo"), QStringLiteral("--week"), QStringLiteral("2026-W46"),
        QStringLiteral("--from"), QStringLiteral("-7d"),    QStringLiteral("--to"),
        QStringLiteral("now"),    QStringLiteral("--out"),  QStringLiteral("OUT")};
    QTest::newRow("from-without-to") << QStringList{QStringLiteral("--demo"), QStringLiteral("--from"),
                                                    QStringLiteral("-7d"), QStringLiteral("--out"),
                                                    QStringLiteral("OUT")};
    QTest::newRow("out-parent-missing")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--out"), out};
    QTest::newRow("missing-workspace-file")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("/nonexistent/w.json"),
                       QStringLiteral("--out"), QStringLiteral("OUT")};
}

void TestCliReport::badArgumentsExitTwoWithOneLine() {
    QFETCH(QStringList, args);
    const QString out = m_root.path() + QStringLiteral("/never-written");
    args.replaceInStrings(QStringLiteral("OUT"), out);
    const CliRun r = run(QStringList{QStringLiteral("report")} + args);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == exitStatusFor(ErrorCode::BadArgument) ||
                 r.exitCode == exitStatusFor(ErrorCode::Io),
             r.err.constData());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFileInfo::exists(out));
}

QTEST_MAIN(TestCliReport)
#include "tst_cli_report.moc"
