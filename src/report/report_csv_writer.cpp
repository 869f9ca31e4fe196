#include "report/report_csv_writer.h"

#include "core/alerts/alert_history.h"
#include "core/export/chart_csv_writer.h"
#include "core/export/csv_writer.h"
#include "core/export/series_naming.h"
#include "report/report_data.h"
#include "report/report_statistics.h"

#include <QSaveFile>

namespace mlwatch {

namespace {

Error ioError(const QString &path, const QString &detail) {
    return Error{ErrorCode::Io, ReportCsvWriter::tr("Could not write %1.").arg(path), detail};
}

QByteArray isoUtc(qint64 ms) {
    char text[CsvWriter::kMaxIsoChars];
    return QByteArray(text, CsvWriter::formatIsoUtc(ms, text));
}

QByteArray number(double v) {
    char text[CsvWriter::kMaxDoubleChars];
    return QByteArray(text, CsvWriter::formatDouble(v, text));
}

// Builds summary.csv in memory; it is small.
class SummaryRows {
public:
    SummaryRows() { m_bytes = "section,chart,subject,measure,value,unit\n"; }

    void add(const char *section, const QString &chart, const QString &subject, const char *measure,
             const QByteArray &value, const QString &unit = QString()) {
        m_bytes += QByteArray(section) + ',' + CsvWriter::field(chart) + ',' + CsvWriter::field(subject) +
                   ',' + QByteArray(measure) + ',' + value + ',' + CsvWriter::field(unit) + '\n';
    }
    void addText(const char *section, const QString &subject, const char *measure, const QString &text) {
        add(section, QString(), subject, measure, CsvWriter::field(text));
    }
    void addCount(const char *section, const QString &subject, const char *measure, qint64 count) {
        add(section, QString(), subject, measure, QByteArray::number(count), QStringLiteral("count"));
    }
    void addSeconds(const char *section, const QString &subject, const char *measure, qint64 ms) {
        add(section, QString(), subject, measure, QByteArray::number(ms / 1000), QStringLiteral("s"));
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

Result<void> save(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return ioError(path, file.errorString());
    return {};
}

const char *alertSourceName(ReportAlertSource source) {
    switch (source) {
    case ReportAlertSource::None:
        return "none";
    case ReportAlertSource::History:
        return "history";
    case ReportAlertSource::Replay:
        return "replay";
    }
    return "none";
}

} // namespace

Result<void> ReportCsvWriter::writeChartData(const QString &path, const ReportChart &chart) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    // The chart export's own writer: the same bytes as "Export CSV" of this chart (long, raw).
    ChartCsvOptions options;
    options.form = ChartCsvOptions::Form::Long;
    options.units = ChartCsvOptions::Units::Raw;
    if (Result<void> r = ChartCsvWriter::write(file, chart.spec, chart.thisWeek, options); !r)
        return ioError(path, r.error().detail);
    if (!file.commit())
        return ioError(path, file.errorString());
    return {};
}

Result<void> ReportCsvWriter::writeAlerts(const QString &path, const ReportData &data) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    if (Result<void> r = AlertHistory::exportCsv(file, data.alertLog); !r)
        return ioError(path, r.error().detail);
    if (!file.commit())
        return ioError(path, file.errorString());
    return {};
}

Result<void> ReportCsvWriter::writeSummary(const QString &path, const ReportData &data) {
    SummaryRows rows;
    const ReportWeek &week = data.week;
    rows.addText("report", QStringLiteral("workspace"), "name", data.workspaceName);
    for (const QString &account : data.accountLabels)
        rows.addText("report", QStringLiteral("account"), "name", account);
    rows.addText("report", QStringLiteral("range"), "time_zone", ReportWeek::zoneId(week.zone()));
    rows.addText("report", QStringLiteral("range"), "zone_label", week.zoneText());
    if (week.isIsoWeek())
        rows.addText("report", QStringLiteral("range"), "iso_week", week.isoWeekText());
    rows.add("report", QString(), QStringLiteral("range"), "from", isoUtc(week.range().startMs));
    rows.add("report", QString(), QStringLiteral("range"), "to", isoUtc(week.range().endMs));
    rows.add("report", QString(), QStringLiteral("last_week"), "from", isoUtc(week.previousRange().startMs));
    rows.add("report", QString(), QStringLiteral("last_week"), "to", isoUtc(week.previousRange().endMs));
    rows.add("report", QString(), QStringLiteral("generated"), "at", isoUtc(data.generatedAtMs));

    rows.addCount("data", QStringLiteral("charts"), "total", data.charts.size());
    rows.addCount("data", QStringLiteral("charts"), "with_data", data.chartsWithData());
    rows.addCount("data", QStringLiteral("fetch"), "errors", data.fetchErrors.size());

    rows.add("alerts", QString(), QStringLiteral("rules"), "source", alertSourceName(data.alertSource));
    rows.addCount("alerts", QStringLiteral("rules"), "count", data.rules.size());
    rows.addCount("alerts", QStringLiteral("all"), "fired", data.alerts.fired());
    rows.addCount("alerts", QStringLiteral("warning"), "fired", data.alerts.firedWarning);
    rows.addCount("alerts", QStringLiteral("critical"), "fired", data.alerts.firedCritical);
    rows.addSeconds("alerts", QStringLiteral("all"), "time_in_alert", data.alerts.timeInAlertMs);
    rows.addCount("alerts", QStringLiteral("log"), "transitions", data.alertLog.size());
    for (const RuleWeekStats &rule : data.alerts.rules) {
        rows.addCount("rule", rule.ruleId, "fired_warning", rule.firedWarning);
        rows.addCount("rule", rule.ruleId, "fired_critical", rule.firedCritical);
        rows.addSeconds("rule", rule.ruleId, "time_in_alert", rule.timeInAlertMs);
    }

    // Week statistics in the raw unit, so they compare with data/*.csv.
    for (const ReportChart &chart : data.charts) {
        const QString unit = ChartCsvWriter::unitName(chart.spec.unit, ChartCsvOptions::Units::Raw);
        for (qsizetype i = 0; i < chart.spec.series.size(); ++i) {
            const QString name = SeriesNaming::seriesName(chart.spec.series.at(i).query);
            const std::pair<const char *, WeekStats> weeks[] = {
                {"this_week", ReportStatistics::weekStats(chart.thisWeek.value(i), 1.0, week.range())},
                {"last_week",
                 ReportStatistics::weekStats(chart.lastWeek.value(i), 1.0, week.previousRange())}};
            for (const auto &[section, stats] : weeks) {
                rows.add(section, chart.fileStem, name, "count", QByteArray::number(stats.count),
                         QStringLiteral("count"));
                if (stats.count == 0)
                    continue; // no data: no statistics rather than a made-up zero
                rows.add(section, chart.fileStem, name, "p50", number(stats.p50), unit);
                rows.add(section, chart.fileStem, name, "p95", number(stats.p95), unit);
                rows.add(section, chart.fileStem, name, "max", number(stats.max), unit);
            }
        }
    }
    return save(path, rows.bytes());
}

} // namespace mlwatch
