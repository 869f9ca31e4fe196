#include "core/store/series_store.h"

namespace mlwatch {

void SeriesStore::replace(SeriesData data) {
    // Kept for as long as the series is loaded, so no growth slack: providers append page after
    // page, and QList grows geometrically (up to 2x). 16 bytes a point (bench
    // store.bytes_per_point); the arrays are copied only when they have slack.
    if (data.timestampsMs.capacity() > data.timestampsMs.size())
        data.timestampsMs.squeeze();
    if (data.values.capacity() > data.values.size())
        data.values.squeeze();
    const QString key = data.seriesKey;
    m_series.insert(key, std::move(data));
    Q_EMIT seriesChanged(key);
}

void SeriesStore::clear() {
    const QStringList keys = m_series.keys();
    m_series.clear();
    for (const QString &key : keys)
        Q_EMIT seriesChanged(key);
}

} // namespace mlwatch
