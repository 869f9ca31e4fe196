#pragma once

#include "core/providers/metric_provider.h"

#include <QList>
#include <QPointer>

#include <memory>

namespace mlwatch {

// The session's providers behind one MetricProvider, so that FetchScheduler, the reports and the
// rule preview keep their one-provider interface while a session watches several accounts.
// fetch() routes every query by MetricQuery::account to the provider added for that account id
// (empty = the primary account, the AWS one whose series keys carry no account), asks every
// provider concurrently and hands back ONE FetchReport once all have answered: the series that
// arrived and every error, in the order the providers were added. A query for an account the
// router does not know is an error naming that account (BadArgument), never silently dropped.
// discover() asks the primary provider (or the first one added when there is none); the session
// discovers each account through providerFor() instead. cancelAll() cancels every provider.
// The providers are not owned and must outlive the router. Threading: one thread, as providers.
class ProviderRouter final : public MetricProvider {
    Q_OBJECT
public:
    explicit ProviderRouter(QObject *parent = nullptr);
    ~ProviderRouter() override;

    // Routes queries whose `account` is `accountId` to `provider`. An id added twice replaces
    // the earlier provider.
    void addProvider(const QString &accountId, MetricProvider *provider);
    MetricProvider *providerFor(const QString &accountId) const;
    QStringList accountIds() const; // in the order added
    bool isEmpty() const { return m_routes.isEmpty(); }

    // The accounts' labels, joined ("Demo cloud (simulated AWS), Demo Azure (fraud-ml)").
    QString accountLabel() const override;
    void fetch(const QList<MetricQuery> &queries, const TimeRange &range,
               std::function<void(FetchReport)> done) override;
    void discover(const QStringList &namespaces,
                  std::function<void(Result<QList<MetricDescriptor>>)> done) override;
    void cancelAll() override;

private:
    struct Route {
        QString accountId;
        QPointer<MetricProvider> provider;
    };
    struct Fetch;

    QList<Route> m_routes;
};

} // namespace mlwatch
