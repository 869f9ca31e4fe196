#include "core/store/series_store.h"

#include <algorithm>

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

void SeriesStore::merge(SeriesData data, qint64 keepFromMs) {
    const QString key = data.seriesKey;
    const auto stored = m_series.constFind(key);
    const SeriesData old = stored == m_series.cend() ? SeriesData{key, {}, {}} : *stored;
    const QVector<qint64> &ot = old.timestampsMs;
    const QVector<qint64> &nt = data.timestampsMs;
    // Three runs, each contiguous in its source: old points before the new data (and not
    // older than keepFromMs), the new data, old points after it.
    const qint64 newFirst = nt.isEmpty() ? std::numeric_limits<qint64>::max() : nt.first();
    const qint64 newLast = nt.isEmpty() ? std::numeric_limits<qint64>::max() : nt.last();
    const qsizetype headBegin = std::lower_bound(ot.cbegin(), ot.cend(), keepFromMs) - ot.cbegin();
    const qsizetype headEnd =
        std::max(headBegin, qsizetype(std::lower_bound(ot.cbegin(), ot.cend(), newFirst) - ot.cbegin()));
    const qsizetype tailBegin =
        std::max(headEnd, qsizetype(std::upper_bound(ot.cbegin(), ot.cend(), newLast) - ot.cbegin()));
    const qsizetype newBegin = std::lower_bound(nt.cbegin(), nt.cend(), keepFromMs) - nt.cbegin();
    const qsizetype total = (headEnd - headBegin) + (nt.size() - newBegin) + (ot.size() - tailBegin);

    SeriesData merged{key, {}, {}};
    // reserve() allocates exactly (resize() alone may round up): no slack to squeeze later.
    merged.timestampsMs.reserve(total);
    merged.values.reserve(total);
    merged.timestampsMs.resize(total);
    merged.values.resize(total);
    qsizetype at = 0;
    const auto append = [&merged, &at](const SeriesData &from, qsizetype begin, qsizetype end) {
        if (end <= begin)
            return;
        std::copy(from.timestampsMs.cbegin() + begin, from.timestampsMs.cbegin() + end,
                  merged.timestampsMs.begin() + at);
        std::copy(from.values.cbegin() + begin, from.values.cbegin() + end, merged.values.begin() + at);
        at += end - begin;
    };
    append(old, headBegin, headEnd);
    append(data, newBegin, nt.size());
    append(old, tailBegin, ot.size());
    m_series.insert(key, std::move(merged));
    Q_EMIT seriesChanged(key);
}

void SeriesStore::clear() {
    const QStringList keys = m_series.keys();
    m_series.clear();
    for (const QString &key : keys)
        Q_EMIT seriesChanged(key);
}

} // namespace mlwatch
