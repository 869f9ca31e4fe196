#pragma once

#include "demo/demo_azure_story.h"

#include <QHash>

namespace mlwatch::demo {

// The simulated subscription's resources and metric data (see demo_azure_story.h), indexed the
// way ARM looks things up: resource ids and metric names case-insensitively. Data exists from
// 30 days before the anchor; callers clip the end to the server's "now". Immutable after
// construction.
class DemoAzureDataset {
public:
    explicit DemoAzureDataset(const QDateTime &anchorUtc);

    qint64 anchorMs() const { return m_anchorMs; }
    qint64 historyStartMs() const { return m_historyStartMs; }

    const QList<DemoAzureResource> &resources() const { return m_world.resources; }
    const DemoAzureResource *resource(const QString &id) const; // nullptr when unknown
    // Resources of `type` under `parentId` (case-insensitive), in listing order; an empty
    // parentId means every resource of that type in the subscription.
    QList<const DemoAzureResource *> children(const QString &parentId, const QString &type) const;

    // The leaves of a resource's metric; nullptr when the story publishes nothing for it.
    const QList<DemoAzureLeaf> *leaves(const QString &resourceId, const QString &metricName) const;

private:
    qint64 m_anchorMs = 0;
    qint64 m_historyStartMs = 0;
    DemoAzureWorld m_world;
    QHash<QString, qsizetype> m_resourceIndex;     // lower-case id → index
    QHash<QString, QList<DemoAzureLeaf>> m_leaves; // "lower id|lower metric" → leaves
};

} // namespace mlwatch::demo
