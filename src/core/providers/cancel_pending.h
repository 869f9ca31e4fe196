#pragma once

#include "core/common/error.h"
#include "core/providers/metric_provider.h"

#include <QList>

#include <memory>
#include <utility>

namespace mlwatch {

// MetricProvider::cancelAll() for providers that keep their unfinished fetches and discoveries as
// shared state with a `finished` flag and a `done` callback: answers each one still waiting exactly
// once, with ErrorCode::Cancelled and the provider's (translated) message, and forgets them all.
template <typename Fetch, typename Discovery>
void cancelPending(QList<std::shared_ptr<Fetch>> &fetches, QList<std::shared_ptr<Discovery>> &discoveries,
                   const QString &fetchCancelled, const QString &discoveryCancelled) {
    for (const std::shared_ptr<Fetch> &fetch : std::exchange(fetches, {})) {
        if (fetch->finished)
            continue;
        fetch->finished = true;
        FetchReport report;
        report.errors.append(Error{ErrorCode::Cancelled, fetchCancelled, QString()});
        fetch->done(std::move(report));
    }
    for (const std::shared_ptr<Discovery> &discovery : std::exchange(discoveries, {})) {
        if (discovery->finished)
            continue;
        discovery->finished = true;
        discovery->done(Error{ErrorCode::Cancelled, discoveryCancelled, QString()});
    }
}

} // namespace mlwatch
