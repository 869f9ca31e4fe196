#pragma once

#include "core/providers/metric_provider.h"

namespace mlwatch::test {

// A provider that records each fetch and answers only when the test says so, so tests can
// observe what a scheduler asks for and when, without a network.
class FakeProvider final : public MetricProvider {
public:
    struct Request {
        QList<MetricQuery> queries;
        TimeRange range;
        std::function<void(FetchReport)> done;
    };

    QString accountLabel() const override { return QStringLiteral("fake"); }
    void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
               std::function<void(FetchReport)> done) override {
        requests.append(Request{queries, range, std::move(done)});
    }
    void discover(const QStringList &, std::function<void(Result<QList<MetricDescriptor>>)> done) override {
        done(QList<MetricDescriptor>{});
    }
    void cancelAll() override {
        ++cancelCount;
        for (Request &r : requests)
            if (r.done)
                std::exchange(r.done, nullptr)(FetchReport{{}, {Error{ErrorCode::Cancelled, {}, {}}}});
    }

    // Answers the oldest unanswered request with one point per query at the range start.
    void answerNext(QList<Error> errors = {}) {
        for (Request &r : requests) {
            if (!r.done)
                continue;
            FetchReport report;
            for (const MetricQuery &q : r.queries)
                report.series.append(SeriesData{q.seriesKey(), {r.range.startMs}, {1.0}});
            report.errors = std::move(errors);
            std::exchange(r.done, nullptr)(std::move(report));
            return;
        }
    }

    QList<Request> requests;
    int cancelCount = 0;
};

} // namespace mlwatch::test
