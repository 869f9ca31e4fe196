#include "azure_test_client.h"

#include "demo/demo_azure_cloud.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace mlwatch;
using namespace mlwatch::test;
using demo::DemoAzureCloud;
using demo::DemoAzureFault;

Q_DECLARE_METATYPE(demo::DemoAzureFault)

using namespace mlwatch::test::azure_ids;

class TstDemoAzureCloud : public QObject {
    Q_OBJECT

private:
    AzureReply metrics(const QString &resource, const QString &query, const QByteArray &token = {}) {
        return m_session->metrics(resource, query, token);
    }
    AzureReply batch(const QStringList &ids, const QByteArray &token = {}) {
        return m_session->batchRequestsPerMinute(ids, token);
    }
    QList<QJsonObject> listAll(const QString &path, const QString &query, int *pages) {
        return m_session->listAll(path, query, pages);
    }
    QByteArray token(const QString &scope) { return m_session->token(scope); }

    std::unique_ptr<DemoAzureCloud> m_cloud;
    std::unique_ptr<AzureTestSession> m_session;
    QNetworkAccessManager m_nam;
    QByteArray m_arm;
    QByteArray m_batch;

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<DemoAzureCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        QVERIFY(m_cloud->armEndpoint().toString().startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(m_cloud->batchEndpoint() != m_cloud->armEndpoint());
        m_session = std::make_unique<AzureTestSession>(*m_cloud);
        m_arm = m_session->armToken();
        m_batch = m_session->batchToken();
        QVERIFY(!m_arm.isEmpty() && !m_batch.isEmpty() && m_arm != m_batch);
    }

    void tokenEndpoint_data() {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error"); // OAuth error, or "number" / "string" for expires_in
        QTest::addColumn<int>("aadsts");
        const QString t = DemoAzureCloud::tenantId();
        const QString c = DemoAzureCloud::clientId();
        const QString s = DemoAzureCloud::clientSecret();
        QTest::newRow("ARM scope: expires_in is a JSON number")
            << t << c << s << kArmScope << 200 << "number" << 0;
        QTest::newRow("batch scope: expires_in is a JSON string")
            << t << c << s << kBatchScope << 200 << "string" << 0;
        QTest::newRow("wrong secret: invalid_client AADSTS7000215")
            << t << c << QStringLiteral("not-the-secret") << kArmScope << 401 << "invalid_client" << 7000215;
        QTest::newRow("unknown tenant: AADSTS90002")
            << QStringLiteral("11111111-0000-4000-8000-000000000000") << c << s << kArmScope << 400
            << "invalid_request" << 90002;
        QTest::newRow("unknown client: AADSTS700016") << t << QStringLiteral("someone-else") << s << kArmScope
                                                      << 400 << "unauthorized_client" << 700016;
        QTest::newRow("scope of another resource: invalid_scope AADSTS70011")
            << t << c << s << QStringLiteral("https://graph.microsoft.com/.default") << 400 << "invalid_scope"
            << 70011;
    }
    void tokenEndpoint() {
        QFETCH(QString, tenant);
        QFETCH(QString, client);
        QFETCH(QString, secret);
        QFETCH(QString, scope);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, aadsts);
        const AzureReply r = requestToken(m_nam, m_cloud->authorityHost(), tenant, client, secret, scope);
        QCOMPARE(r.status, status);
        const QJsonObject json = r.json();
        if (status == 200) {
            QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
            QVERIFY(json.value(QStringLiteral("access_token")).toString().size() >= 40);
            const QJsonValue expires = json.value(QStringLiteral("expires_in"));
            QCOMPARE(error == QLatin1String("number") ? expires.isDouble() : expires.isString(), true);
            QCOMPARE(expires.toVariant().toInt(), 3599);
            return;
        }
        QCOMPARE(json.value(QStringLiteral("error")).toString(), error);
        QCOMPARE(json.value(QStringLiteral("error_codes")).toArray().first().toInt(), aadsts);
        const QString description = json.value(QStringLiteral("error_description")).toString();
        QVERIFY(description.startsWith(QStringLiteral("AADSTS%1: ").arg(aadsts)));
        QVERIFY(!description.contains(secret)); // never echo the secret
    }

    void resourceCallsCheckTheToken_data() {
        QTest::addColumn<bool>("batchHost");
        QTest::addColumn<QString>("which"); // arm | batch | none | bogus
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("ARM call with an ARM-scope token") << false << "arm" << 200 << "";
        QTest::newRow("ARM call with a batch-scope token")
            << false << "batch" << 401 << "InvalidAuthenticationTokenAudience";
        QTest::newRow("ARM call without a token") << false << "none" << 401 << "AuthenticationFailed";
        QTest::newRow("ARM call with an unknown token")
            << false << "bogus" << 401 << "InvalidAuthenticationToken";
        QTest::newRow("batch call with a batch-scope token") << true << "batch" << 200 << "";
        QTest::newRow("batch call with an ARM-scope token")
            << true << "arm" << 401 << "InvalidAuthenticationTokenAudience";
    }
    void resourceCallsCheckTheToken() {
        QFETCH(bool, batchHost);
        QFETCH(QString, which);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QByteArray bearer = which == QLatin1String("arm")     ? m_arm
                                  : which == QLatin1String("batch") ? m_batch
                                  : which == QLatin1String("bogus") ? QByteArray("eyJhbGciOiJub25lIn0.bogus")
                                                                    : QByteArray();
        AzureReply r;
        if (batchHost) {
            r = batch({kEndpoint}, bearer);
        } else {
            const QUrl url = urlOf(m_cloud->armEndpoint(), QStringLiteral("/subscriptions/") + kSub,
                                   QStringLiteral("api-version=2022-12-01"));
            r = bearer.isEmpty() ? azureCall(m_nam, "GET", url) : azureCall(m_nam, "GET", url, bearer);
        }
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (status == 401)
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer authorization_uri="));
    }

    void expiredTokenIsRejected() {
        m_cloud->setTokenLifetimeSeconds(60);
        const QByteArray shortLived = token(kArmScope);
        m_cloud->setTokenLifetimeSeconds(3599);
        const QUrl url = urlOf(m_cloud->armEndpoint(), QStringLiteral("/subscriptions/") + kSub,
                               QStringLiteral("api-version=2022-12-01"));
        QCOMPARE(azureCall(m_nam, "GET", url, shortLived).status, 200);
        m_cloud->setClockOffsetSeconds(61);
        const AzureReply expired = azureCall(m_nam, "GET", url, shortLived);
        m_cloud->setClockOffsetSeconds(0);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), QStringLiteral("ExpiredAuthenticationToken"));
        QCOMPARE(azureCall(m_nam, "GET", url, m_arm).status, 200); // the long-lived one still works
    }

    void discoveryPagesThroughNextLink_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("pages");
        QTest::addColumn<QString>("firstName");
        const QString ml = QStringLiteral("api-version=2024-04-01");
        QTest::newRow("the subscription's workspaces")
            << QStringLiteral("/subscriptions/") + kSub +
                   QStringLiteral("/providers/Microsoft.MachineLearningServices/workspaces")
            << ml << 3 << 2 << "fraud-ml";
        QTest::newRow("52 endpoints of shared-inference")
            << kShared + QStringLiteral("/onlineEndpoints") << ml << 52 << 26 << "churn-1";
        QTest::newRow("fraud-scoring's deployments")
            << kEndpoint + QStringLiteral("/deployments") << ml << 2 << 1 << "blue";
        QTest::newRow("fraud-ml's compute clusters")
            << kWorkspace + QStringLiteral("/computes") << ml << 2 << 1 << "cpu-cluster";
        QTest::newRow("storage accounts from the generic list, $filter kept across pages")
            << QStringLiteral("/subscriptions/") + kSub + QStringLiteral("/resources")
            << QStringLiteral("api-version=2021-04-01&$filter=") +
                   enc(QStringLiteral("resourceType eq 'Microsoft.Storage/storageAccounts'"))
            << 3 << 2 << "fraudmldata01";
    }
    void discoveryPagesThroughNextLink() {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, items);
        QFETCH(int, pages);
        QFETCH(QString, firstName);
        int seen = 0;
        const QList<QJsonObject> all = listAll(path, query, &seen);
        QCOMPARE(all.size(), items);
        QCOMPARE(seen, pages);
        QCOMPARE(all.first().value(QStringLiteral("name")).toString(), firstName);
        QSet<QString> ids;
        for (const QJsonObject &o : all)
            ids.insert(o.value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), items);
    }

    void workspaceNamesItsStorageAccount() {
        const QUrl url = urlOf(m_cloud->armEndpoint(), kWorkspace, QStringLiteral("api-version=2024-04-01"));
        const AzureReply ws = azureCall(m_nam, "GET", url, m_arm);
        QCOMPARE(ws.status, 200);
        const QString storage = ws.json()
                                    .value(QStringLiteral("properties"))
                                    .toObject()
                                    .value(QStringLiteral("storageAccount"))
                                    .toString();
        QCOMPARE(storage, kStorage);
        const AzureReply account = azureCall(
            m_nam, "GET", urlOf(m_cloud->armEndpoint(), storage, QStringLiteral("api-version=2023-01-01")),
            m_arm);
        QCOMPARE(account.status, 200);
        QCOMPARE(account.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("Microsoft.Storage/storageAccounts"));
        QVERIFY(m_cloud->receivedCalls().contains(QStringLiteral("get-resource")));
    }

    void armErrors_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString list = QStringLiteral("/onlineEndpoints");
        QTest::newRow("api-version missing")
            << kWorkspace + list << "" << 400 << "MissingApiVersionParameter";
        QTest::newRow("ML api-version older than 2022-05-01")
            << kWorkspace + list << "api-version=2021-01-01" << 400 << "NoRegisteredProviderFound";
        QTest::newRow("unknown subscription")
            << QStringLiteral("/subscriptions/99999999-0000-4000-8000-000000000000")
            << "api-version=2022-12-01" << 404 << "SubscriptionNotFound";
        QTest::newRow("unknown resource group")
            << kRg + QStringLiteral(
                         "rg-nope/providers/Microsoft.MachineLearningServices/workspaces/x/onlineEndpoints")
            << "api-version=2024-04-01" << 404 << "ResourceGroupNotFound";
        QTest::newRow("unknown workspace")
            << kRg + QStringLiteral(
                         "rg-fraud-ml/providers/Microsoft.MachineLearningServices/workspaces/nope/computes")
            << "api-version=2024-04-01" << 404 << "ResourceNotFound";
    }
    void armErrors() {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const AzureReply r = azureCall(m_nam, "GET", urlOf(m_cloud->armEndpoint(), path, query), m_arm);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
    }

    // The answer's shape: a grain without data is an element without the aggregation key.
    void metricsShapeWithGaps() {
        // A training run on gpu-cluster ends at 17:00 UTC on 2026-11-08: two hours with data, two without.
        const AzureReply r =
            metrics(kWorkspace,
                    QStringLiteral("metricnames=GpuUtilization&aggregation=average&interval=PT1M&timespan=") +
                        enc(QStringLiteral("2026-11-08T15:00:00Z/2026-11-08T19:00:00Z")));
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("timespan")).toString(),
                 QStringLiteral("2026-11-08T15:00:00Z/2026-11-08T19:00:00Z"));
        QCOMPARE(body.value(QStringLiteral("interval")).toString(), QStringLiteral("PT1M"));
        QCOMPARE(body.value(QStringLiteral("namespace")).toString(),
                 QStringLiteral("microsoft.machinelearningservices/workspaces"));
        QCOMPARE(body.value(QStringLiteral("resourceregion")).toString(), QStringLiteral("westeurope"));
        const QJsonObject metric = body.value(QStringLiteral("value")).toArray().first().toObject();
        QCOMPARE(metric.value(QStringLiteral("errorCode")).toString(), QStringLiteral("Success"));
        QCOMPARE(metric.value(QStringLiteral("unit")).toString(), QStringLiteral("Count"));
        QCOMPARE(metric.value(QStringLiteral("id")).toString(),
                 kWorkspace + QStringLiteral("/providers/Microsoft.Insights/metrics/GpuUtilization"));
        const QJsonArray series = metric.value(QStringLiteral("timeseries")).toArray();
        QCOMPARE(series.size(), 1);
        QVERIFY(series.first().toObject().value(QStringLiteral("metadatavalues")).toArray().isEmpty());
        const auto points = pointsOf(series.first().toObject(), QStringLiteral("average"));
        QCOMPARE(points.size(), 240);
        for (int i = 0; i < points.size(); ++i) {
            QCOMPARE(points.at(i).first,
                     QDateTime(QDate(2026, 11, 8), QTime(15, 0), QTimeZone::utc()).addSecs(60 * i));
            QCOMPARE(points.at(i).second.has_value(), i < 120);
        }
        const QJsonObject gap =
            series.first().toObject().value(QStringLiteral("data")).toArray().last().toObject();
        QCOMPARE(gap.keys(), QStringList{QStringLiteral("timeStamp")});
    }

    void splitByDimension_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<QStringList>("values"); // in the answer's order (largest total first)
        QTest::newRow("statusCodeClass eq '*' splits into 2xx, 4xx, 5xx")
            << "statusCodeClass eq '*'"
            << ""
            << "statuscodeclass" << QStringList{"2xx", "4xx", "5xx"};
        QTest::newRow("deployment eq '*' splits into blue and green")
            << "deployment eq '*'"
            << ""
            << "deployment" << QStringList{"blue", "green"};
        QTest::newRow("top=1 keeps the largest series") << "statusCodeClass eq '*'"
                                                        << "&top=1"
                                                        << "statuscodeclass" << QStringList{"2xx"};
        QTest::newRow("'or' selects values of one dimension") << "statusCode eq '400' or statusCode eq '500'"
                                                              << ""
                                                              << "statuscode" << QStringList{"400", "500"};
    }
    void splitByDimension() {
        QFETCH(QString, filter);
        QFETCH(QString, extra);
        QFETCH(QString, dimension);
        QFETCH(QStringList, values);
        const AzureReply r = metrics(
            kEndpoint,
            QStringLiteral("metricnames=RequestsPerMinute&aggregation=total&interval=PT1H&timespan=") +
                window(6, 0) + QStringLiteral("&$filter=") + enc(filter) + extra);
        QCOMPARE(r.status, 200);
        QStringList seen;
        for (const QJsonValue &s : r.json()
                                       .value(QStringLiteral("value"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("timeseries"))
                                       .toArray()) {
            const QJsonObject meta =
                s.toObject().value(QStringLiteral("metadatavalues")).toArray().first().toObject();
            QCOMPARE(meta.value(QStringLiteral("name")).toObject().value(QStringLiteral("value")).toString(),
                     dimension);
            seen.append(meta.value(QStringLiteral("value")).toString());
        }
        QCOMPARE(seen, values);
    }

    void metricNames_data() {
        QTest::addColumn<QString>("encodedNames");
        QTest::addColumn<QStringList>("errorCodes");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("spaces as %20")
            << "Active%20Cores,Quota%20Utilization%20Percentage" << QStringList{"Success", "Success"}
            << QStringList{"Active Cores", "Quota Utilization Percentage"};
        QTest::newRow("spaces as '+', form style")
            << "Idle+Cores" << QStringList{"Success"} << QStringList{"Idle Cores"};
        QTest::newRow("'%2' inside a name is a comma, not a separator")
            << "Active%20Cores%252Idle%20Cores" << QStringList{"BadRequest"}
            << QStringList{"Active Cores,Idle Cores"};
        QTest::newRow("an unknown name fails alone, inside a 200")
            << "Active%20Cores,Activ%20Cores" << QStringList{"Success", "BadRequest"}
            << QStringList{"Active Cores", "Activ Cores"};
    }
    void metricNames() {
        QFETCH(QString, encodedNames);
        QFETCH(QStringList, errorCodes);
        QFETCH(QStringList, names);
        const AzureReply r = metrics(kWorkspace, QStringLiteral("interval=PT1H&timespan=") + window(3, 0) +
                                                     QStringLiteral("&metricnames=") + encodedNames);
        QCOMPARE(r.status, 200);
        QStringList codes, seen;
        for (const QJsonValue &v : r.json().value(QStringLiteral("value")).toArray()) {
            codes.append(v.toObject().value(QStringLiteral("errorCode")).toString());
            seen.append(v.toObject()
                            .value(QStringLiteral("name"))
                            .toObject()
                            .value(QStringLiteral("value"))
                            .toString());
            if (codes.last() != QLatin1String("Success"))
                QVERIFY(v.toObject()
                            .value(QStringLiteral("errorMessage"))
                            .toString()
                            .startsWith(QLatin1String(
                                "Failed to find metric configuration for provider: "
                                "microsoft.machinelearningservices, resource Type: workspaces")));
        }
        QCOMPARE(codes, errorCodes);
        QCOMPARE(seen, names);
    }

    void badRequests_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messageStart");
        const QString rpm = QStringLiteral("metricnames=RequestsPerMinute&timespan=");
        const QString hour = enc(QStringLiteral("2026-11-20T10:00:00Z/2026-11-20T11:00:00Z"));
        QTest::newRow("timespan offset with a raw '+' (decoded as a space)")
            << kEndpoint << rpm + QStringLiteral("2026-11-20T10:00:00+00:00/2026-11-20T11:00:00+00:00") << 400
            << "Detected invalid time interval input";
        QTest::newRow("timespan offset with %2B")
            << kEndpoint << rpm + enc(QStringLiteral("2026-11-20T10:00:00+00:00/2026-11-20T11:00:00+00:00"))
            << 200 << "";
        QTest::newRow("timespan start/duration")
            << kEndpoint << rpm + enc(QStringLiteral("2026-11-20T10:00:00Z/PT1H")) << 200 << "";
        QTest::newRow("timespan ending before it starts")
            << kEndpoint << rpm + enc(QStringLiteral("2026-11-20T11:00:00Z/2026-11-20T10:00:00Z")) << 400
            << "Detected invalid time interval input";
        QTest::newRow("UsedCapacity at PT1M: hourly only")
            << kStorage << QStringLiteral("metricnames=UsedCapacity&interval=PT1M&timespan=") + hour << 400
            << "Commonly allowed time grains: 01:00:00";
        QTest::newRow("UsedCapacity at PT1M with AutoAdjustTimegrain")
            << kStorage
            << QStringLiteral("metricnames=UsedCapacity&interval=PT1M&AutoAdjustTimegrain=true&timespan=") +
                   hour
            << 200 << "";
        QTest::newRow("interval PT7M is no common grain")
            << kEndpoint << QStringLiteral("interval=PT7M&") + rpm + hour << 400
            << "Commonly allowed time grains: 00:01:00";
        QTest::newRow("filter on a dimension the metric lacks")
            << kEndpoint
            << QStringLiteral("metricnames=RequestLatency&$filter=") +
                   enc(QStringLiteral("statusCodeClass eq '*'"))
            << 400 << "Metric: RequestLatency does not support requested dimension combination";
        QTest::newRow("ValidateDimensions=false ignores it")
            << kEndpoint
            << QStringLiteral("metricnames=RequestLatency&ValidateDimensions=false&$filter=") +
                   enc(QStringLiteral("statusCodeClass eq '*'"))
            << 200 << "";
        QTest::newRow("'or' between two dimensions")
            << kEndpoint
            << rpm + hour + QStringLiteral("&$filter=") +
                   enc(QStringLiteral("deployment eq 'blue' or statusCode eq '500'"))
            << 400 << "Invalid filter";
    }
    void badRequests() {
        QFETCH(QString, resource);
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, messageStart);
        const AzureReply r = metrics(resource, query);
        QCOMPARE(r.status, status);
        if (status != 200)
            QVERIFY2(r.json()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString()
                         .startsWith(messageStart),
                     r.body.constData());
    }

    void fullIntervalAndAutoAdjustedGrainAreEchoed() {
        const AzureReply full =
            metrics(kEndpoint,
                    QStringLiteral("metricnames=RequestsPerMinute&interval=FULL&timespan=") + window(4, 0));
        QCOMPARE(full.json().value(QStringLiteral("interval")).toString(), QStringLiteral("PT4H"));
        QCOMPARE(full.json()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("timeseries"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
                 1);
        const AzureReply adjusted = metrics(
            kStorage,
            QStringLiteral("metricnames=UsedCapacity&interval=PT5M&AutoAdjustTimegrain=true&timespan=") +
                window(6, 0));
        QCOMPARE(adjusted.json().value(QStringLiteral("interval")).toString(), QStringLiteral("PT1H"));
    }

    void batchLimits_data() {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messagePart");
        int pages = 0;
        QStringList westeurope;
        for (const QString &ws : {kWorkspace, kShared})
            for (const QJsonObject &o : listAll(ws + QStringLiteral("/onlineEndpoints"),
                                                QStringLiteral("api-version=2024-04-01"), &pages))
                westeurope.append(o.value(QStringLiteral("id")).toString());
        QCOMPARE(westeurope.size(), 53);
        QTest::newRow("50 endpoints of one region: one entry each") << westeurope.mid(0, 50) << 200 << "";
        QTest::newRow("51 endpoints: 400") << westeurope.mid(0, 51) << 400 << "exceeds the maximum of 50";
        QTest::newRow("endpoints of two regions: 400")
            << QStringList{kEndpoint, kResearchEndpoint} << 400 << "same region";
        QTest::newRow("a deployment among endpoints: 400")
            << QStringList{kEndpoint, kGreen} << 400 << "metric namespace's type";
        QTest::newRow("a resource of another subscription: 400")
            << QStringList{QString(kEndpoint).replace(kSub,
                                                      QStringLiteral("99999999-0000-4000-8000-000000000000"))}
            << 400 << "must be in subscription";
        QTest::newRow("ids in another case still match") << QStringList{kEndpoint.toLower()} << 200 << "";
    }
    void batchLimits() {
        QFETCH(QStringList, ids);
        QFETCH(int, status);
        QFETCH(QString, messagePart);
        const AzureReply r = batch(ids);
        QCOMPARE(r.status, status);
        if (status != 200) {
            QCOMPARE(r.errorCode(), QStringLiteral("BadRequest"));
            QVERIFY2(r.body.contains(messagePart.toUtf8()), r.body.constData());
            return;
        }
        const QJsonArray values = r.json().value(QStringLiteral("values")).toArray();
        QCOMPARE(values.size(), ids.size());
        for (int i = 0; i < values.size(); ++i) {
            const QJsonObject v = values.at(i).toObject();
            QCOMPARE(v.value(QStringLiteral("resourceid")).toString().compare(ids.at(i), Qt::CaseInsensitive),
                     0);
            QCOMPARE(v.value(QStringLiteral("starttime")).toString(),
                     QStringLiteral("2026-11-20T06:00:00.000Z"));
            QCOMPARE(v.value(QStringLiteral("resourceregion")).toString(), QStringLiteral("westeurope"));
            const QJsonObject metric = v.value(QStringLiteral("value")).toArray().first().toObject();
            QCOMPARE(metric.value(QStringLiteral("errorCode")).toString(), QStringLiteral("Success"));
            QCOMPARE(pointsOf(metric.value(QStringLiteral("timeseries")).toArray().first().toObject(),
                              QStringLiteral("total"))
                         .size(),
                     6);
        }
    }

    void faultInjection_data() {
        QTest::addColumn<DemoAzureFault>("fault");
        QTest::addColumn<bool>("batchHost");
        QTest::addColumn<int>("status");
        QTest::newRow("429 on ARM carries Retry-After") << DemoAzureFault::Throttle << false << 429;
        QTest::newRow("429 on the batch host carries Retry-After") << DemoAzureFault::Throttle << true << 429;
        QTest::newRow("500 on ARM") << DemoAzureFault::ServerError << false << 500;
        QTest::newRow("garbage 200 on ARM") << DemoAzureFault::Garbage << false << 200;
    }
    void faultInjection() {
        QFETCH(DemoAzureFault, fault);
        QFETCH(bool, batchHost);
        QFETCH(int, status);
        const auto call = [&] {
            return batchHost ? batch({kEndpoint})
                             : metrics(kEndpoint, QStringLiteral("metricnames=RequestsPerMinute"));
        };
        m_cloud->injectFaults(fault, 1);
        const AzureReply failed = call();
        QCOMPARE(failed.status, status);
        if (fault == DemoAzureFault::Throttle) {
            QCOMPARE(failed.header("Retry-After"), QByteArray("1"));
            QCOMPARE(failed.header("x-ms-ratelimit-remaining-subscription-reads"), QByteArray("0"));
        }
        if (fault == DemoAzureFault::Garbage)
            QVERIFY(failed.json().isEmpty());
        const AzureReply next = call();
        QCOMPARE(next.status, 200);
        QVERIFY(!next.json().isEmpty());
    }

    void sameRequestSameBytes() {
        const QString query = QStringLiteral("metricnames=RequestsPerMinute,RequestLatency&aggregation="
                                             "average,maximum&interval=PT5M&timespan=") +
                              window(30, 0) + QStringLiteral("&$filter=") +
                              enc(QStringLiteral("deployment eq '*'"));
        const AzureReply first = metrics(kEndpoint, query);
        const AzureReply second = metrics(kEndpoint, query);
        DemoAzureCloud twin;
        QVERIFY(twin.start(kAnchor));
        const QByteArray twinToken =
            requestToken(m_nam, twin.authorityHost(), DemoAzureCloud::tenantId(), DemoAzureCloud::clientId(),
                         DemoAzureCloud::clientSecret(), kArmScope)
                .json()
                .value(QStringLiteral("access_token"))
                .toString()
                .toLatin1();
        const AzureReply third = azureCall(
            m_nam, "GET",
            urlOf(twin.armEndpoint(), kEndpoint + QStringLiteral("/providers/Microsoft.Insights/metrics"),
                  QStringLiteral("api-version=2023-10-01&") + query),
            twinToken);
        QCOMPARE(first.status, 200);
        QVERIFY(first.body.size() > 1000);
        QCOMPARE(second.body, first.body);
        QCOMPARE(third.body, first.body);
    }
};

QTEST_GUILESS_MAIN(TstDemoAzureCloud)
#include "tst_demo_azure_cloud.moc"
