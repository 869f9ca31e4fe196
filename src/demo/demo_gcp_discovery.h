#pragma once

#include "demo/demo_gcp_story.h"
#include "demo/demo_gcp_wire.h"

namespace mlwatch::demo {

// The list calls that discover the simulated project's resources (cloud-apis.md §3.5):
//  - Vertex AI REST: GET /v1/projects/{p}/locations/{l}/endpoints, …/customJobs and
//    …/trainingPipelines answer {"endpoints": […], "nextPageToken": …} and so on, at most
//    pageSize items a page and never more than the server's page size (default 2, so paging is
//    always exercised; Google may also return fewer items than asked). An empty list, another
//    location included, is `{}`. Resource names carry the project NUMBER, as Vertex's do.
//    filter, readMask and orderBy are ignored.
//  - Cloud Monitoring: GET /v3/projects/{p}/metricDescriptors?filter=… (a monitoring filter on
//    metric.type, e.g. metric.type = starts_with("aiplatform.googleapis.com/")), all
//    descriptors unless pageSize is given.
// Page tokens are bound to the collection they page.
class DemoGcpDiscovery {
public:
    explicit DemoGcpDiscovery(const DemoGcpWorld &world);

    void setPageSize(int items) { m_pageSize = std::max(1, items); }

    // `collection` is "endpoints", "customJobs" or "trainingPipelines".
    DemoGcpReply vertexList(const QString &collection, const QString &location,
                            const DemoGcpParams &params) const;
    DemoGcpReply metricDescriptors(const QString &project, const DemoGcpParams &params) const;

private:
    const DemoGcpWorld &m_world;
    int m_pageSize = 2;
};

} // namespace mlwatch::demo
