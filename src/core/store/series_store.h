#pragma once

#include "core/model/series_data.h"

#include <QHash>
#include <QObject>

namespace mlwatch {

// The loaded datapoints of every series, keyed by MetricQuery::seriesKey(). Columnar (sorted
// timestamps + values, 16 bytes a point). Announces what changed; listeners pull the data.
// QVector is implicitly shared, so series() hands out a cheap read-only snapshot.
class SeriesStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Replaces everything known about a series with a freshly fetched window.
    void replace(SeriesData data);
    SeriesData series(const QString &seriesKey) const { return m_series.value(seriesKey); }
    bool contains(const QString &seriesKey) const { return m_series.contains(seriesKey); }
    void clear();

Q_SIGNALS:
    void seriesChanged(const QString &seriesKey);

private:
    QHash<QString, SeriesData> m_series;
};

} // namespace mlwatch
