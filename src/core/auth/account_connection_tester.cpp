#include "core/auth/account_connection_tester.h"

#include "core/auth/azure_token_source.h"
#include "core/auth/connection_failure_text.h"
#include "core/auth/endpoint_policy.h"
#include "core/auth/google_token_source.h"
#include "core/common/clock.h"
#include "core/net/http_client.h"
#include "core/providers/aws/aws_retry_policy.h"
#include "core/providers/aws/clock_skew.h"
#include "core/providers/aws/cloudwatch_request.h"
#include "core/providers/aws/cloudwatch_response.h"
#include "core/providers/aws/sigv4_signer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>

#include <memory>
#include <optional>

namespace mlwatch {

namespace {

constexpr char kArmApiVersion[] = "2022-12-01";
constexpr char kDefaultArmBase[] = "https://management.azure.com";
constexpr char kDefaultMonitoringBase[] = "https://monitoring.googleapis.com";
// The AWS test call asks for five minutes of one metric: the cheapest GetMetricData there is
// (one metric, five datapoints at most; an unknown metric simply returns no data).
constexpr qint64 kAwsWindowMs = 5 * 60 * 1000;

using Check = ConnectionCheckLine;

// `base` (which may carry a path prefix and a trailing slash) + `path` (already encoded).
QUrl joined(const QString &base, const QString &encodedPath, const QString &query = QString()) {
    QUrl url(base);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + encodedPath, QUrl::TolerantMode);
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

QString encodedSegment(const QString &segment) {
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString utcText(const QDateTime &when) {
    return QLocale().toString(when.toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC");
}

// One run of test(): holds the secret only while it runs. Kept alive by the callbacks that
// capture it; every request uses `context` (a child of the tester), so destroying the tester
// aborts the run without calling anyone.
class ConnectionCheck : public std::enable_shared_from_this<ConnectionCheck> {
public:
    ConnectionCheck(HttpClient &http, const Clock &clock, QObject *context, Account account,
                    AccountSecret secret, AccountConnectionTester::Done done)
        : m_http(http)
        , m_clock(clock)
        , m_context(context)
        , m_account(std::move(account))
        , m_secret(std::move(secret))
        , m_done(std::move(done)) {}

    void start(const EndpointPolicy &policy);

private:
    void finishWith(Check check) {
        m_checks.append(std::move(check));
        finish();
    }
    void finish();

    void startAws();
    QString accessKeyHint() const {
        return m_account.accessKeyHint.isEmpty() ? accessKeyHintFor(m_secret.accessKeyId)
                                                 : m_account.accessKeyHint;
    }
    void awsRegion(qsizetype index, bool retriedForSkew);

    void startAzure();
    void azureSubscription(qsizetype index);

    void startGoogle(GoogleTokenSource *source);
    void googleProject(qsizetype index);

    HttpClient &m_http;
    const Clock &m_clock;
    QPointer<QObject> m_context;
    Account m_account;
    AccountSecret m_secret;
    AccountConnectionTester::Done m_done;
    QList<Check> m_checks;
    QString m_successSummary;
    bool m_finished = false;

    aws::ClockSkew m_skew;
    QByteArray m_bearer; // Azure / Google access token, in memory for this run only
    QByteArray m_quotaProject;
};

void ConnectionCheck::start(const EndpointPolicy &policy) {
    // Every endpoint the account names is checked before anything is sent anywhere.
    if (const Result<void> allowed = policy.checkAccount(m_account); !allowed) {
        finishWith({false, false, allowed.error().message});
        return;
    }
    switch (m_account.kind) {
    case AccountKind::Aws:
        startAws();
        return;
    case AccountKind::Azure:
        startAzure();
        return;
    case AccountKind::Gcp: {
        if (m_secret.googleCredentialsJson.isEmpty()) {
            finishWith({false, false,
                        AccountConnectionTester::tr(
                            "No Google credentials are stored for account %1. Import the key file again in "
                            "the Accounts dialog.")
                            .arg(m_account.displayName())});
            return;
        }
        auto *source =
            new GoogleTokenSource(m_http, m_clock, m_secret.googleCredentialsJson,
                                  QString::fromLatin1(GoogleTokenSource::kMonitoringScope), m_context);
        // The account's token_uri (recorded at import; the demo and tests point it at loopback)
        // wins; otherwise the key file's own, which travels with the secret: check what is used.
        if (!m_account.tokenUri.isEmpty())
            source->setTokenUrlOverride(QUrl(m_account.tokenUri));
        if (const Result<void> allowed =
                policy.check(source->tokenUrl(), AccountKind::Gcp, m_account.id, QStringLiteral("token_uri"));
            !allowed) {
            finishWith({false, false, allowed.error().message});
            return;
        }
        startGoogle(source);
        return;
    }
    }
}

void ConnectionCheck::finish() {
    if (m_finished)
        return;
    m_finished = true;
    ConnectionReport report;
    report.canReadMetrics = !m_checks.isEmpty();
    for (const Check &check : std::as_const(m_checks)) {
        report.signedIn = report.signedIn || check.signedIn;
        report.canReadMetrics = report.canReadMetrics && check.canRead;
        report.details.append(check.line);
    }
    if (report.canReadMetrics) {
        report.summary = m_successSummary;
    } else {
        for (const Check &check : std::as_const(m_checks)) {
            if (!check.canRead) {
                report.summary = check.line;
                break;
            }
        }
    }
    // The secret and the token are dropped with this run; the context (and a token source in
    // it) goes once the callbacks on the stack have returned.
    m_secret = AccountSecret();
    m_bearer.clear();
    if (m_context)
        m_context->deleteLater();
    const AccountConnectionTester::Done done = std::exchange(m_done, {});
    if (done)
        done(std::move(report));
}

// ---- AWS ---------------------------------------------------------------------------------------

void ConnectionCheck::startAws() {
    if (m_secret.accessKeyId.isEmpty() || m_secret.secretAccessKey.isEmpty()) {
        finishWith(
            {false, false,
             AccountConnectionTester::tr(
                 "No access key is stored for account %1. Enter the access key id and secret access key "
                 "in the Accounts dialog.")
                 .arg(m_account.displayName())});
        return;
    }
    if (m_account.expiresAt.isValid() && m_account.expiresAt <= m_clock.nowUtc()) {
        finishWith(
            {false, false,
             AccountConnectionTester::tr(
                 "Not signed in: the temporary credentials of account %1 expired at %2. Get new ones and "
                 "store them in the Accounts dialog.")
                 .arg(m_account.displayName(), utcText(m_account.expiresAt))});
        return;
    }
    if (m_account.regions.isEmpty()) {
        finishWith({false, false,
                    AccountConnectionTester::tr(
                        "Account %1 names no region to test. Add a region in the Accounts dialog.")
                        .arg(m_account.displayName())});
        return;
    }
    m_successSummary = AccountConnectionTester::tr("Signed in; CloudWatch metrics can be read in %1.")
                           .arg(QLocale().createSeparatedList(m_account.regions));
    awsRegion(0, false);
}

void ConnectionCheck::awsRegion(qsizetype index, bool retriedForSkew) {
    if (index >= m_account.regions.size()) {
        finish();
        return;
    }
    const QString region = m_account.regions.at(index);
    aws::AwsEndpointConfig endpoint;
    endpoint.region = region;
    if (!m_account.endpointUrl.isEmpty())
        endpoint.endpoint = QUrl(m_account.endpointUrl);
    endpoint.protocol = m_account.protocol == QLatin1String("query") ? aws::CloudWatchProtocol::Query
                                                                     : aws::CloudWatchProtocol::Json;

    MetricQuery query;
    query.namespaceName = QStringLiteral("AWS/SageMaker");
    query.metricName = QStringLiteral("Invocations");
    query.dimensions = {{QStringLiteral("EndpointName"), QStringLiteral("mlwatch-connection-test")},
                        {QStringLiteral("VariantName"), QStringLiteral("AllTraffic")}};
    query.stat = QStringLiteral("Sum");
    query.periodSeconds = 60;
    const QDateTime now = m_skew.corrected(m_clock.nowUtc());
    const qint64 endMs = now.toMSecsSinceEpoch() / 60000 * 60000;
    aws::GetMetricDataBatch batch;
    batch.queries = {query};
    batch.ids = {QStringLiteral("m0")};
    batch.range = TimeRange{endMs - kAwsWindowMs, endMs};

    HttpRequest request = aws::buildGetMetricDataRequest(endpoint, batch, QString());
    aws::AwsCredentials credentials;
    credentials.accessKeyId = m_secret.accessKeyId;
    credentials.secretAccessKey = m_secret.secretAccessKey;
    credentials.sessionToken = m_secret.sessionToken;
    aws::SigV4Signer::sign(request, aws::SigV4Params{region, QStringLiteral("monitoring"), credentials, now});

    const aws::CloudWatchProtocol protocol = endpoint.protocol;
    auto self = shared_from_this();
    m_http.send(
        request, m_context, [self, index, retriedForSkew, region, protocol](Result<HttpResponse> result) {
            if (!result) {
                self->m_checks.append({false, false,
                                       AccountConnectionTester::tr("Could not reach CloudWatch in %1: %2")
                                           .arg(region, result.error().message)});
                self->awsRegion(index + 1, false);
                return;
            }
            self->m_skew.observe(result->header("Date"), self->m_clock.nowUtc());
            if (result->isSuccess()) {
                if (aws::parseGetMetricDataResponse(protocol, result->body))
                    self->m_checks.append(
                        {true, true,
                         AccountConnectionTester::tr("%1: signed in; GetMetricData works.").arg(region)});
                else
                    self->m_checks.append(
                        {false, false,
                         AccountConnectionTester::tr("The endpoint for %1 answered, but not like CloudWatch. "
                                                     "Check the endpoint URL.")
                             .arg(region)});
                self->awsRegion(index + 1, false);
                return;
            }
            const std::optional<aws::AwsError> error = aws::parseAwsError(*result);
            // A clock that is off is corrected from the Date header just seen, once.
            if (error && !retriedForSkew && aws::classifyAwsError(*error) == aws::FailureKind::ClockSkew &&
                self->m_skew.offsetMs() != 0) {
                self->awsRegion(index, true);
                return;
            }
            self->m_checks.append(ConnectionFailureText::aws(region, self->accessKeyHint(), *result));
            self->awsRegion(index + 1, false);
        });
}

// ---- Azure -------------------------------------------------------------------------------------

void ConnectionCheck::startAzure() {
    AzureTokenSource::Config config;
    if (!m_account.authorityHost.isEmpty())
        config.authorityHost = QUrl(m_account.authorityHost);
    config.tenantId = m_account.tenantId;
    config.clientId = m_account.clientId;
    config.clientSecret = m_secret.clientSecret;
    auto *source = new AzureTokenSource(m_http, m_clock, std::move(config), m_context);
    m_successSummary = AccountConnectionTester::tr("Signed in to tenant %1; can read subscriptions: %2.")
                           .arg(m_account.tenantId, QLocale().createSeparatedList(m_account.subscriptionIds));
    auto self = shared_from_this();
    source->token([self](Result<AccessToken> token) {
        if (!token) {
            self->finishWith({false, false, token.error().message});
            return;
        }
        self->m_bearer = token->value;
        if (self->m_account.subscriptionIds.isEmpty()) {
            self->finishWith(
                {true, false,
                 AccountConnectionTester::tr(
                     "Signed in to tenant %1, but the account names no subscription to check. Add a "
                     "subscription id in the Accounts dialog.")
                     .arg(self->m_account.tenantId)});
            return;
        }
        self->azureSubscription(0);
    });
}

void ConnectionCheck::azureSubscription(qsizetype index) {
    if (index >= m_account.subscriptionIds.size()) {
        finish();
        return;
    }
    const QString subscription = m_account.subscriptionIds.at(index);
    const QString base =
        m_account.endpointUrl.isEmpty() ? QString::fromLatin1(kDefaultArmBase) : m_account.endpointUrl;
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = joined(base, QStringLiteral("/subscriptions/") + encodedSegment(subscription),
                         QStringLiteral("api-version=") + QLatin1String(kArmApiVersion));
    request.setHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_bearer);
    request.setHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.callName = AccountConnectionTester::tr("Reading subscription %1").arg(subscription);

    auto self = shared_from_this();
    m_http.send(request, m_context, [self, index, subscription](Result<HttpResponse> result) {
        if (!result) {
            self->m_checks.append(
                {true, false,
                 AccountConnectionTester::tr("Signed in, but Azure Resource Manager could not be reached: %1")
                     .arg(result.error().message)});
        } else if (result->isSuccess()) {
            const QString name = QJsonDocument::fromJson(result->body)
                                     .object()
                                     .value(QLatin1StringView("displayName"))
                                     .toString();
            self->m_checks.append(
                {true, true,
                 name.isEmpty() ? AccountConnectionTester::tr("Subscription %1: readable.").arg(subscription)
                                : AccountConnectionTester::tr("Subscription %1 (%2): readable.")
                                      .arg(name, subscription)});
        } else {
            self->m_checks.append(
                ConnectionFailureText::azureSubscription(subscription, self->m_account.tenantId, *result));
        }
        self->azureSubscription(index + 1);
    });
}

// ---- Google ------------------------------------------------------------------------------------

void ConnectionCheck::startGoogle(GoogleTokenSource *source) {
    const QJsonObject key = QJsonDocument::fromJson(m_secret.googleCredentialsJson).object();
    QString quotaProject = m_account.quotaProjectId;
    if (quotaProject.isEmpty())
        quotaProject = key.value(QLatin1StringView("quota_project_id")).toString();
    m_quotaProject = quotaProject.toUtf8();
    QString who = m_account.clientEmail;
    if (who.isEmpty())
        who = key.value(QLatin1StringView("client_email")).toString();
    if (who.isEmpty())
        who = m_account.displayName();
    m_successSummary =
        AccountConnectionTester::tr("Signed in as %1; Cloud Monitoring can be read in projects: %2.")
            .arg(who, QLocale().createSeparatedList(m_account.projectIds));

    auto self = shared_from_this();
    source->token([self, who](Result<AccessToken> token) {
        if (!token) {
            self->finishWith({false, false, token.error().message});
            return;
        }
        self->m_bearer = token->value;
        if (self->m_account.projectIds.isEmpty()) {
            self->finishWith(
                {true, false,
                 AccountConnectionTester::tr(
                     "Signed in as %1, but the account names no project to check. Add a project id "
                     "in the Accounts dialog.")
                     .arg(who)});
            return;
        }
        self->googleProject(0);
    });
}

void ConnectionCheck::googleProject(qsizetype index) {
    if (index >= m_account.projectIds.size()) {
        finish();
        return;
    }
    const QString project = m_account.projectIds.at(index);
    const QString base =
        m_account.endpointUrl.isEmpty() ? QString::fromLatin1(kDefaultMonitoringBase) : m_account.endpointUrl;
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = joined(base,
                         QStringLiteral("/v3/projects/") + encodedSegment(project) +
                             QStringLiteral("/metricDescriptors"),
                         QStringLiteral("pageSize=1"));
    request.setHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_bearer);
    request.setHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    // User credentials bill API calls to a quota project; without one Google answers 403
    // (cloud-apis.md §4.29).
    if (!m_quotaProject.isEmpty())
        request.setHeader(QByteArrayLiteral("x-goog-user-project"), m_quotaProject);
    request.callName = AccountConnectionTester::tr("Reading metric descriptors of project %1").arg(project);

    auto self = shared_from_this();
    m_http.send(request, m_context, [self, index, project](Result<HttpResponse> result) {
        if (!result)
            self->m_checks.append(
                {true, false,
                 AccountConnectionTester::tr("Signed in, but Cloud Monitoring could not be reached: %1")
                     .arg(result.error().message)});
        else if (result->isSuccess())
            self->m_checks.append(
                {true, true,
                 AccountConnectionTester::tr("Project %1: Cloud Monitoring is readable.").arg(project)});
        else
            self->m_checks.append(ConnectionFailureText::googleProject(project, *result));
        self->googleProject(index + 1);
    });
}

} // namespace

AccountConnectionTester::AccountConnectionTester(HttpClient &http, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock) {}

// Runs still in flight die with their contexts (children of this object): their requests are
// aborted and their callers are not called.
AccountConnectionTester::~AccountConnectionTester() = default;

void AccountConnectionTester::test(const Account &account, const AccountSecret &secret,
                                   const EndpointPolicy &policy, Done done) {
    auto *context = new QObject(this);
    auto check =
        std::make_shared<ConnectionCheck>(m_http, m_clock, context, account, secret, std::move(done));
    check->start(policy);
}

ConnectionReport AccountConnectionTester::testAndWait(const Account &account, const AccountSecret &secret,
                                                      const EndpointPolicy &policy) {
    std::optional<ConnectionReport> report;
    QEventLoop loop;
    test(account, secret, policy, [&report, &loop](ConnectionReport r) {
        report = std::move(r);
        loop.quit();
    });
    // A refused endpoint or a missing secret answers at once, before the loop would start.
    if (!report)
        loop.exec();
    return report.value_or(ConnectionReport{});
}

} // namespace mlwatch
