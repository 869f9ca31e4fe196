#include "demo/demo_azure_dataset.h"

namespace mlwatch::demo {

namespace {

constexpr qint64 kHistoryMs = qint64(30) * 24 * 3600 * 1000;

QString seriesKey(const QString &resourceId, const QString &metricName) {
    return resourceId.toLower() + QLatin1Char('|') + metricName.toLower();
}

} // namespace

DemoAzureDataset::DemoAzureDataset(const QDateTime &anchorUtc)
    : m_anchorMs(anchorUtc.toMSecsSinceEpoch())
    , m_historyStartMs(m_anchorMs - kHistoryMs)
    , m_world(DemoAzureStory::build(anchorUtc)) {
    for (qsizetype i = 0; i < m_world.resources.size(); ++i)
        m_resourceIndex.insert(m_world.resources.at(i).id.toLower(), i);
    // A story may add a metric's leaves in several steps; they are one metric to Azure.
    for (const DemoAzureSeries &s : m_world.series)
        m_leaves[seriesKey(s.resourceId, s.definition->name)].append(s.leaves);
}

const DemoAzureResource *DemoAzureDataset::resource(const QString &id) const {
    const auto it = m_resourceIndex.constFind(id.toLower());
    return it == m_resourceIndex.constEnd() ? nullptr : &m_world.resources.at(*it);
}

QList<const DemoAzureResource *> DemoAzureDataset::children(const QString &parentId,
                                                            const QString &type) const {
    QList<const DemoAzureResource *> result;
    for (const DemoAzureResource &r : m_world.resources) {
        if (r.type.compare(type, Qt::CaseInsensitive) != 0)
            continue;
        if (!parentId.isEmpty() && r.parentId.compare(parentId, Qt::CaseInsensitive) != 0)
            continue;
        result.append(&r);
    }
    return result;
}

const QList<DemoAzureLeaf> *DemoAzureDataset::leaves(const QString &resourceId,
                                                     const QString &metricName) const {
    const auto it = m_leaves.constFind(seriesKey(resourceId, metricName));
    return it == m_leaves.constEnd() ? nullptr : &*it;
}

} // namespace mlwatch::demo
