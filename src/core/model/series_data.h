#pragma once

#include <QString>
#include <QVector>

namespace mlwatch {

// Datapoints of one series as the cloud returned them: ascending timestamps (ms since the
// epoch, UTC), values index-paired with them, in the cloud's raw unit. A period without data
// is simply absent: never zero-filled.
struct SeriesData {
    QString seriesKey; // MetricQuery::seriesKey()
    QVector<qint64> timestampsMs;
    QVector<double> values;

    qsizetype size() const { return timestampsMs.size(); }
};

} // namespace mlwatch
