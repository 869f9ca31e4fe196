#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace mlwatch {

struct ReportChart;
struct ReportData;

// The weekly review's CSV files. Locale-independent (dot decimals, ISO 8601 UTC with 'Z',
// RFC 4180, '\n', UTF-8) and a pure function of the data: the same ReportData gives the same
// bytes, so two runs over the same pinned demo compare equal.
class ReportCsvWriter {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::ReportCsvWriter)
public:
    // data/<stem>.csv: the chart's series over the report's range, in the long form of
    // `mlwatch-cli query` (timestamp,series,value,unit; raw values, CloudWatch unit names).
    static Result<void> writeChartData(const QString &path, const ReportChart &chart);

    // alerts.csv: the range's alert transitions in AlertHistory's export format
    // (timestamp,rule,from,from_level,to,level,value,recorded_at).
    static Result<void> writeAlerts(const QString &path, const ReportData &data);

    // summary.csv, one fact per row:
    //   section,chart,subject,measure,value,unit
    //   report,,range,time_zone,Europe/Berlin,
    //   report,,range,from,2026-11-15T23:00:00Z,
    //   alerts,,critical,fired,2,count
    //   rule,,default:monitoring/latency/…,time_in_alert,1200,s
    //   this_week,monitoring-latency-…,AWS/SageMaker:ModelLatency{…}:Average,p95,1.2e+06,Microseconds
    // Week statistics are in the raw unit the data CSVs use; durations in seconds.
    static Result<void> writeSummary(const QString &path, const ReportData &data);
};

} // namespace mlwatch
