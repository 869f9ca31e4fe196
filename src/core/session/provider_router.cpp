#include "core/session/provider_router.h"

#include <QSet>

#include <optional>

namespace mlwatch {

// One fetch across the providers. `pending` starts at 1 for fetch() itself, so a provider that
// answers inside its fetch() call cannot finish the whole before every provider was asked.
struct ProviderRouter::Fetch {
    std::function<void(FetchReport)> done;
    QList<std::optional<FetchReport>> parts; // per route, in the order the routes were added
    QList<Error> routingErrors;
    int pending = 1;

    void answered() {
        if (--pending > 0 || !done)
            return;
        FetchReport merged;
        for (std::optional<FetchReport> &part : parts) {
            if (!part)
                continue;
            merged.series.append(std::move(part->series));
            merged.errors.append(std::move(part->errors));
        }
        merged.errors.append(routingErrors);
        auto callback = std::move(done);
        done = nullptr;
        callback(std::move(merged));
    }
};

ProviderRouter::ProviderRouter(QObject *parent)
    : MetricProvider(parent) {}

ProviderRouter::~ProviderRouter() = default;

void ProviderRouter::addProvider(const QString &accountId, MetricProvider *provider) {
    for (Route &route : m_routes) {
        if (route.accountId == accountId) {
            route.provider = provider;
            return;
        }
    }
    m_routes.append(Route{accountId, provider});
}

MetricProvider *ProviderRouter::providerFor(const QString &accountId) const {
    for (const Route &route : m_routes)
        if (route.accountId == accountId)
            return route.provider.data();
    return nullptr;
}

QStringList ProviderRouter::accountIds() const {
    QStringList ids;
    for (const Route &route : m_routes)
        ids.append(route.accountId);
    return ids;
}

QString ProviderRouter::accountLabel() const {
    QStringList labels;
    for (const Route &route : m_routes)
        if (route.provider)
            labels.append(route.provider->accountLabel());
    return labels.join(QStringLiteral(", "));
}

void ProviderRouter::fetch(const QList<MetricQuery> &queries, const TimeRange &range,
                           std::function<void(FetchReport)> done) {
    auto fetch = std::make_shared<Fetch>();
    fetch->done = std::move(done);
    fetch->parts.resize(m_routes.size());

    QList<QList<MetricQuery>> perRoute(m_routes.size());
    QSet<QString> unknown;
    for (const MetricQuery &query : queries) {
        qsizetype route = 0;
        while (route < m_routes.size() && m_routes.at(route).accountId != query.account)
            ++route;
        if (route < m_routes.size() && m_routes.at(route).provider) {
            perRoute[route].append(query);
            continue;
        }
        if (unknown.contains(query.account))
            continue;
        unknown.insert(query.account);
        fetch->routingErrors.append(
            Error{ErrorCode::BadArgument,
                  query.account.isEmpty()
                      ? tr("No AWS account is open in this session: series without an account cannot be "
                           "fetched. Open the account, or remove the charts and rules that watch it.")
                      : tr("The account “%1” is not open in this session: its series cannot be fetched. "
                           "Open the account, or remove the charts and rules that watch it.")
                            .arg(query.account),
                  QString()});
    }

    for (qsizetype route = 0; route < m_routes.size(); ++route) {
        if (perRoute.at(route).isEmpty())
            continue;
        ++fetch->pending;
        m_routes.at(route).provider->fetch(perRoute.at(route), range, [fetch, route](FetchReport report) {
            fetch->parts[route] = std::move(report);
            fetch->answered();
        });
    }
    fetch->answered(); // fetch() itself is done asking
}

void ProviderRouter::discover(const QStringList &namespaces,
                              std::function<void(Result<QList<MetricDescriptor>>)> done) {
    MetricProvider *primary = providerFor(QString());
    for (qsizetype i = 0; !primary && i < m_routes.size(); ++i)
        primary = m_routes.at(i).provider.data();
    if (!primary) {
        done(Error{ErrorCode::NoCredentials, tr("No account is open in this session."), QString()});
        return;
    }
    primary->discover(namespaces, std::move(done));
}

void ProviderRouter::cancelAll() {
    for (const Route &route : std::as_const(m_routes))
        if (route.provider)
            route.provider->cancelAll();
}

} // namespace mlwatch
