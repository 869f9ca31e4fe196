#pragma once

#include "core/model/series_data.h"

#include <QHash>
#include <QObject>

#include <limits>

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
    // Folds a freshly fetched tail into what is stored (an incremental refresh): stored points
    // at timestamps from data's first to its last are replaced by data's (the last bucket of
    // the previous fetch may have been partial, and clouds publish late), newer stored points
    // are kept, and points older than `keepFromMs` are dropped (the window slid past them).
    // `data` must be ascending. An unknown series is stored as `data` (trimmed). The arrays
    // are stored without growth slack (16 bytes a point). Always announces the key.
    void merge(SeriesData data, qint64 keepFromMs = std::numeric_limits<qint64>::min());
    SeriesData series(const QString &seriesKey) const { return m_series.value(seriesKey); }
    bool contains(const QString &seriesKey) const { return m_series.contains(seriesKey); }
    void clear();

Q_SIGNALS:
    void seriesChanged(const QString &seriesKey);

private:
    QHash<QString, SeriesData> m_series;
};

} // namespace mlwatch
