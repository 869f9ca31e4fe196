#pragma once

#include "core/catalog/chart_spec.h"
#include "core/common/error.h"
#include "core/providers/aws/aws_environment.h"

#include <QObject>

#include <memory>

namespace mlwatch {

class AlertEngine;
class Clock;
class FetchScheduler;
class HttpClient;
class MetricProvider;
class SeriesStore;

// The one composition root that the GUI and the CLI each build: an HTTP client, one account's
// provider, the series store and the fetch scheduler, in dependency order. start() discovers the
// account's resources, builds the five tabs' charts from the catalog and fetches them.
class MonitorSession : public QObject {
    Q_OBJECT
public:
    // `clock` must outlive the session. `accountLabel` is shown to people ("Demo cloud").
    MonitorSession(const Clock &clock, const aws::AwsResolved &account, const QString &accountLabel,
                   QObject *parent = nullptr);
    ~MonitorSession() override;

    HttpClient &http();
    MetricProvider &provider();
    SeriesStore &store();
    AlertEngine &alerts(); // the session's alert rules; start() adds the defaults for its charts
    FetchScheduler &scheduler();

    // Discovery, then charts, then the first fetch. Emits chartsReady or discoveryFailed.
    void start();
    QList<ChartSpec> charts() const { return m_charts; }

Q_SIGNALS:
    void chartsReady();
    void discoveryFailed(const mlwatch::Error &error);

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
    QList<ChartSpec> m_charts;
};

} // namespace mlwatch
