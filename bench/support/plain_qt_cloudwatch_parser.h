#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>

namespace mlwatch::bench {

struct PlainQtSeries {
    QString id;
    QVector<qint64> timestampsMs;
    QVector<double> values;
};

// The baseline for every parse benchmark: what a Qt developer writes first. QJsonDocument::
// fromJson over the whole body, then a walk of each MetricDataResults entry's Timestamps and
// Values arrays into reserved QVectors (epoch seconds → ms). Returns an empty list and sets
// `error` when the body is not a GetMetricData answer.
class PlainQtCloudWatchParser {
public:
    static QList<PlainQtSeries> parse(const QByteArray &body, QString *error = nullptr);
};

} // namespace mlwatch::bench
