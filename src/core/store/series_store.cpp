#include "core/store/series_store.h"

namespace mlwatch {

void SeriesStore::replace(SeriesData data) {
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
