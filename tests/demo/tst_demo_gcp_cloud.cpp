#include "gcp_test_client.h"

#include "demo/demo_gcp_cloud.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwatch;
using namespace mlwatch::test::gcp;
using demo::DemoGoogleCloud;
using demo::DemoGoogleFault;

Q_DECLARE_METATYPE(demo::DemoGoogleFault)

namespace {

const QString kMonitoringRead = QStringLiteral("https://www.googleapis.com/auth/monitoring.read");
const QString kCloudPlatform = QStringLiteral("https://www.googleapis.com/auth/cloud-platform");

QString typeIs(const QString &type) {
    return QStringLiteral("metric.type = \"%1\"").arg(type);
}

QString vertex(const char *path) {
    return QStringLiteral("aiplatform.googleapis.com/prediction/online/") + QLatin1String(path);
}

// Runs the openssl command line; its exit code (-1 when it could not run).
int openssl(const QStringList &arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

} // namespace

// The simulated Google Cloud over real loopback HTTP: the token endpoint (JWT verification with
// the demo key's public half, the refresh grant), bearer checks, Vertex AI discovery, faults
// and determinism. timeSeries.list is pinned in tst_demo_gcp_monitoring.
class TstDemoGcpCloud : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<DemoGoogleCloud> m_cloud;
    std::unique_ptr<Session> m_session;
    QNetworkAccessManager m_nam;

    QByteArray tokenFor(const QString &scope) {
        Claims c;
        c.scope = scope;
        return jwtGrant(m_nam, m_cloud->tokenUri(), assertion(m_cloud->serviceAccountKeyJson(), kAnchor, c))
            .json()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }
    QByteArray userToken() {
        return refreshGrant(m_nam, m_cloud->tokenUri(),
                            QStringLiteral("764086051850-mlwatchdemo.apps.googleusercontent.com"),
                            QStringLiteral("d-MLWATCH-DEMO-NotASecret"),
                            QStringLiteral("1//mlwatch-demo-NotARefreshToken"))
            .json()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }
    QUrl vertexUrl(const QString &collection, const QString &project = DemoGoogleCloud::projectId(),
                   const QString &location = DemoGoogleCloud::region(), const QString &query = {}) {
        return urlOf(m_cloud->aiplatformEndpoint(),
                     QStringLiteral("/v1/projects/%1/locations/%2/%3").arg(project, location, collection),
                     query);
    }
    QString replicasQuery() {
        return QStringLiteral("filter=") + enc(typeIs(vertex("replicas"))) +
               QStringLiteral("&interval.startTime=") + at(1) + QStringLiteral("&interval.endTime=") + at(0);
    }

private Q_SLOTS:
    void initTestCase() {
        m_cloud = std::make_unique<DemoGoogleCloud>();
        QVERIFY(m_cloud->start(kAnchor));
        QVERIFY(m_cloud->tokenUri().toString().startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(m_cloud->tokenUri().toString().endsWith(QLatin1String("/token")));
        m_session = std::make_unique<Session>(*m_cloud);
        QVERIFY(!m_session->token().isEmpty());
    }

    void keyFilesPointAtThisServer() {
        const QJsonObject key = QJsonDocument::fromJson(m_cloud->serviceAccountKeyJson()).object();
        QCOMPARE(key.value(QStringLiteral("type")).toString(), QStringLiteral("service_account"));
        QCOMPARE(key.value(QStringLiteral("token_uri")).toString(), m_cloud->tokenUri().toString());
        QCOMPARE(key.value(QStringLiteral("project_id")).toString(), DemoGoogleCloud::projectId());
        QCOMPARE(key.value(QStringLiteral("client_email")).toString(),
                 DemoGoogleCloud::serviceAccountEmail());
        QVERIFY(key.value(QStringLiteral("private_key"))
                    .toString()
                    .startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----\n")));
        QCOMPARE(key.value(QStringLiteral("private_key_id")).toString().size(), 40);
        const QJsonObject user = QJsonDocument::fromJson(m_cloud->authorizedUserJson()).object();
        QCOMPARE(user.value(QStringLiteral("type")).toString(), QStringLiteral("authorized_user"));
        QCOMPARE(user.value(QStringLiteral("quota_project_id")).toString(), DemoGoogleCloud::projectId());
        QCOMPARE(user.value(QStringLiteral("token_uri")).toString(), m_cloud->tokenUri().toString());
    }

    void jwtBearerGrant_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");       // OAuth error; empty on success
        QTest::addColumn<QString>("description"); // a part of error_description
        QTest::newRow("signed with the demo key: a token") << "none" << 200 << ""
                                                           << "";
        QTest::newRow("iat 4 min ahead is within the skew") << "iat+240" << 200 << ""
                                                            << "";
        QTest::newRow("cloud-platform scope: a token") << "cloud-platform" << 200 << ""
                                                       << "";
        QTest::newRow("signed by another key: bad signature") << "other-key" << 400 << "invalid_grant"
                                                              << "Invalid JWT Signature.";
        QTest::newRow("kid of another key: bad signature") << "kid" << 400 << "invalid_grant"
                                                           << "Invalid JWT Signature.";
        QTest::newRow("aud = token_uri instead of Google's constant") << "aud" << 400 << "invalid_grant"
                                                                      << "Failed audience check";
        QTest::newRow("unknown iss: account not found") << "iss" << 400 << "invalid_grant"
                                                        << "account not found";
        QTest::newRow("exp more than an hour after iat") << "lifetime" << 400 << "invalid_grant"
                                                         << "short-lived";
        QTest::newRow("iat ten minutes in the future") << "iat+600" << 400 << "invalid_grant"
                                                       << "Check your iat and exp";
        QTest::newRow("expired an hour ago") << "iat-7200" << 400 << "invalid_grant"
                                             << "Check your iat and exp";
        QTest::newRow("alg HS256 in the header") << "alg" << 400 << "invalid_grant"
                                                 << "RS256";
        QTest::newRow("no scope: invalid_scope") << "scope" << 400 << "invalid_scope"
                                                 << "Invalid OAuth scope";
    }
    void jwtBearerGrant() {
        QFETCH(QString, change);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(QString, description);
        Claims c;
        QByteArray signingKey;
        if (change == QLatin1String("iat+240"))
            c.iatOffset = 240;
        else if (change == QLatin1String("iat+600"))
            c.iatOffset = 600;
        else if (change == QLatin1String("iat-7200"))
            c.iatOffset = -7200;
        else if (change == QLatin1String("cloud-platform"))
            c.scope = kCloudPlatform;
        else if (change == QLatin1String("other-key"))
            signingKey = otherRsaKeyPem();
        else if (change == QLatin1String("kid"))
            c.kid = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        else if (change == QLatin1String("aud"))
            c.aud = m_cloud->tokenUri().toString();
        else if (change == QLatin1String("iss"))
            c.iss = QStringLiteral("someone-else@mlwatch-demo-gcp.iam.gserviceaccount.com");
        else if (change == QLatin1String("lifetime"))
            c.lifetime = 3601;
        else if (change == QLatin1String("alg"))
            c.alg = QStringLiteral("HS256");
        else if (change == QLatin1String("scope"))
            c.scope.clear();
        const QByteArray jwt = assertion(m_cloud->serviceAccountKeyJson(), kAnchor, c, signingKey);
        QVERIFY(!jwt.isEmpty());
        const Reply r = jwtGrant(m_nam, m_cloud->tokenUri(), jwt);
        QCOMPARE(r.status, status);
        const QJsonObject json = r.json();
        if (status == 200) {
            QVERIFY(json.value(QStringLiteral("access_token")).toString().startsWith(QLatin1String("ya29.")));
            QVERIFY(json.value(QStringLiteral("expires_in")).isDouble());
            QCOMPARE(json.value(QStringLiteral("expires_in")).toInt(), 3599);
            QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
            return;
        }
        QCOMPARE(r.oauthError(), error);
        QVERIFY2(json.value(QStringLiteral("error_description")).toString().contains(description),
                 qPrintable(json.value(QStringLiteral("error_description")).toString()));
        QVERIFY(!r.body.contains(jwt)); // never echoes the assertion
    }

    // The claims are changed after signing: the signature no longer covers them.
    void tamperedClaimsBreakTheSignature() {
        const QByteArray jwt = assertion(m_cloud->serviceAccountKeyJson(), kAnchor);
        QList<QByteArray> parts = jwt.split('.');
        QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
        claims.insert(QStringLiteral("scope"), kCloudPlatform);
        parts[1] = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        const Reply r = jwtGrant(m_nam, m_cloud->tokenUri(), parts.join('.'));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error_description")).toString(),
                 QStringLiteral("Invalid JWT Signature."));
    }

    // An independent RS256 implementation (the openssl command line) signs; the server accepts.
    void jwtSignedByTheOpensslCommandLineIsAccepted() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QJsonObject key = QJsonDocument::fromJson(m_cloud->serviceAccountKeyJson()).object();
        QFile pem(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write(key.value(QStringLiteral("private_key")).toString().toLatin1());
        pem.close();
        const qint64 iat = kAnchor.toSecsSinceEpoch();
        const QByteArray input =
            base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + '.' +
            base64Url(QStringLiteral("{\"iss\":\"%1\",\"scope\":\"%2\",\"aud\":\"https://"
                                     "oauth2.googleapis.com/token\",\"iat\":%3,\"exp\":%4}")
                          .arg(DemoGoogleCloud::serviceAccountEmail(), kMonitoringRead)
                          .arg(iat)
                          .arg(iat + 3600)
                          .toUtf8());
        QFile in(dir.filePath(QStringLiteral("input")));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(input);
        in.close();
        QCOMPARE(openssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
                          pem.fileName(), QStringLiteral("-out"), dir.filePath(QStringLiteral("sig")),
                          in.fileName()}),
                 0);
        QFile sig(dir.filePath(QStringLiteral("sig")));
        QVERIFY(sig.open(QIODevice::ReadOnly));
        const Reply r = jwtGrant(m_nam, m_cloud->tokenUri(), input + '.' + base64Url(sig.readAll()));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("access_token")).toString().startsWith(QLatin1String("ya29.")));
    }

    void malformedTokenRequests_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QByteArray form = "application/x-www-form-urlencoded";
        QTest::newRow("no grant_type")
            << QByteArray("POST") << form << QByteArray("assertion=x") << 400 << "unsupported_grant_type";
        QTest::newRow("JSON body is not read")
            << QByteArray("POST") << QByteArray("application/json")
            << QByteArray("{\"grant_type\":\"refresh_token\"}") << 400 << "unsupported_grant_type";
        QTest::newRow("jwt-bearer without an assertion")
            << QByteArray("POST") << form
            << QByteArray("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer") << 400
            << "invalid_request";
        QTest::newRow("an assertion that is no JWT")
            << QByteArray("POST") << form
            << QByteArray(
                   "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=not.a.jwt")
            << 400 << "invalid_grant";
        QTest::newRow("GET /token") << QByteArray("GET") << QByteArray() << QByteArray() << 405
                                    << "invalid_request";
    }
    void malformedTokenRequests() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        const Reply r = call(m_nam, method, m_cloud->tokenUri(), {}, body, contentType);
        QCOMPARE(r.status, status);
        QCOMPARE(r.oauthError(), error);
    }

    void refreshTokenGrant_data() {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("refreshToken");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QString id = QStringLiteral("764086051850-mlwatchdemo.apps.googleusercontent.com");
        const QString secret = QStringLiteral("d-MLWATCH-DEMO-NotASecret");
        const QString refresh = QStringLiteral("1//mlwatch-demo-NotARefreshToken");
        QTest::newRow("the ADC file's grant: a cloud-platform token") << id << secret << refresh << 200 << "";
        QTest::newRow("wrong client secret")
            << id << QStringLiteral("nope") << refresh << 401 << "invalid_client";
        QTest::newRow("unknown client") << QStringLiteral("someone.apps.googleusercontent.com") << secret
                                        << refresh << 401 << "invalid_client";
        QTest::newRow("revoked refresh token")
            << id << secret << QStringLiteral("1//revoked") << 400 << "invalid_grant";
        QTest::newRow("no refresh token") << id << secret << QString() << 400 << "invalid_request";
    }
    void refreshTokenGrant() {
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, refreshToken);
        QFETCH(int, status);
        QFETCH(QString, error);
        const Reply r = refreshGrant(m_nam, m_cloud->tokenUri(), clientId, secret, refreshToken);
        QCOMPARE(r.status, status);
        QCOMPARE(r.oauthError(), error);
        if (status == 200) {
            QVERIFY(r.json()
                        .value(QStringLiteral("scope"))
                        .toString()
                        .split(QLatin1Char(' '))
                        .contains(kCloudPlatform));
            QCOMPARE(r.json().value(QStringLiteral("expires_in")).toInt(), 3599);
        } else {
            QVERIFY(!r.body.contains(secret.toUtf8()) || secret.isEmpty());
        }
    }

    void apiCallsCheckTheBearerToken_data() {
        QTest::addColumn<QString>("api"); // monitoring | vertex
        QTest::addColumn<QString>(
            "token"); // none | bogus | monitoring.read | both | user | user+project | expired
        QTest::addColumn<QString>("project");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorStatus");
        const QString p = DemoGoogleCloud::projectId();
        QTest::newRow("monitoring with a monitoring.read token") << "monitoring"
                                                                 << "monitoring.read" << p << 200 << "";
        QTest::newRow("monitoring by project number")
            << "monitoring"
            << "both" << DemoGoogleCloud::projectNumber() << 200 << "";
        QTest::newRow("monitoring without a token") << "monitoring"
                                                    << "none" << p << 401 << "UNAUTHENTICATED";
        QTest::newRow("monitoring with an unknown token") << "monitoring"
                                                          << "bogus" << p << 401 << "UNAUTHENTICATED";
        QTest::newRow("monitoring with an expired token") << "monitoring"
                                                          << "expired" << p << 401 << "UNAUTHENTICATED";
        QTest::newRow("monitoring of another project")
            << "monitoring"
            << "both" << QStringLiteral("someone-elses") << 403 << "PERMISSION_DENIED";
        QTest::newRow("vertex with a monitoring.read token: insufficient scopes")
            << "vertex"
            << "monitoring.read" << p << 403 << "PERMISSION_DENIED";
        QTest::newRow("vertex with cloud-platform") << "vertex"
                                                    << "both" << p << 200 << "";
        QTest::newRow("user token without x-goog-user-project: quota project needed")
            << "monitoring"
            << "user" << p << 403 << "PERMISSION_DENIED";
        QTest::newRow("user token with x-goog-user-project") << "monitoring"
                                                             << "user+project" << p << 200 << "";
    }
    void apiCallsCheckTheBearerToken() {
        QFETCH(QString, api);
        QFETCH(QString, token);
        QFETCH(QString, project);
        QFETCH(int, status);
        QFETCH(QString, errorStatus);
        QByteArray bearer;
        QList<QPair<QByteArray, QByteArray>> headers;
        if (token == QLatin1String("bogus"))
            bearer = "ya29.bogus";
        else if (token == QLatin1String("monitoring.read"))
            bearer = tokenFor(kMonitoringRead);
        else if (token == QLatin1String("both"))
            bearer = m_session->token();
        else if (token.startsWith(QLatin1String("user")))
            bearer = userToken();
        if (token == QLatin1String("user+project"))
            headers.append({"x-goog-user-project", DemoGoogleCloud::projectId().toLatin1()});
        if (token == QLatin1String("expired")) {
            m_cloud->setTokenLifetimeSeconds(60);
            bearer = tokenFor(kMonitoringRead);
            m_cloud->setTokenLifetimeSeconds(3599);
            m_cloud->setClockOffsetSeconds(61);
        }
        const QUrl url =
            api == QLatin1String("vertex")
                ? vertexUrl(QStringLiteral("endpoints"), project)
                : urlOf(m_cloud->monitoringEndpoint(),
                        QStringLiteral("/v3/projects/%1/timeSeries").arg(project), replicasQuery());
        const Reply r = call(m_nam, "GET", url, bearer, {}, {}, headers);
        m_cloud->setClockOffsetSeconds(0);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorStatus(), errorStatus);
        if (status == 401) {
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer realm="));
            QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
                     401);
        }
        if (token == QLatin1String("monitoring.read") && api == QLatin1String("vertex"))
            QVERIFY(r.header("WWW-Authenticate").contains("insufficient_scope"));
    }

    void vertexDiscoveryPages_data() {
        QTest::addColumn<QString>("collection");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("pages");
        QTest::addColumn<QString>("firstDisplayName");
        QTest::newRow("four endpoints, two a page") << "endpoints" << 4 << 2 << "churn-scoring";
        QTest::newRow("seven custom jobs, newest first")
            << "customJobs" << 7 << 4 << "churn-model-train-20261119-1600";
    }
    void vertexDiscoveryPages() {
        QFETCH(QString, collection);
        QFETCH(int, items);
        QFETCH(int, pages);
        QFETCH(QString, firstDisplayName);
        int seen = 0;
        const QList<QJsonObject> all = m_session->listAll(collection, &seen);
        QCOMPARE(all.size(), items);
        QCOMPARE(seen, pages);
        QCOMPARE(all.first().value(QStringLiteral("displayName")).toString(), firstDisplayName);
        const QString prefix = QStringLiteral("projects/%1/locations/us-central1/%2/")
                                   .arg(DemoGoogleCloud::projectNumber(), collection);
        for (const QJsonObject &o : all)
            QVERIFY(o.value(QStringLiteral("name")).toString().startsWith(prefix));
    }

    void vertexResourcesTellTheStory() {
        int pages = 0;
        QHash<QString, QJsonObject> byName;
        for (const QJsonObject &e : m_session->listAll(QStringLiteral("endpoints"), &pages))
            byName.insert(e.value(QStringLiteral("displayName")).toString(), e);
        const QJsonArray deployed =
            byName.value(QStringLiteral("churn-scoring")).value(QStringLiteral("deployedModels")).toArray();
        QCOMPARE(deployed.size(), 1);
        const QJsonObject v8 = deployed.first().toObject();
        QCOMPARE(v8.value(QStringLiteral("displayName")).toString(), QStringLiteral("churn-tf-v8"));
        const QJsonObject resources = v8.value(QStringLiteral("dedicatedResources")).toObject();
        QCOMPARE(resources.value(QStringLiteral("minReplicaCount")).toInt(), 2);
        QCOMPARE(resources.value(QStringLiteral("maxReplicaCount")).toInt(), 8);
        QCOMPARE(byName.value(QStringLiteral("churn-scoring"))
                     .value(QStringLiteral("trafficSplit"))
                     .toObject()
                     .value(v8.value(QStringLiteral("id")).toString())
                     .toInt(),
                 100);
        QVERIFY(!byName.value(QStringLiteral("churn-scoring-staging"))
                     .contains(QStringLiteral("deployedModels")));
        QStringList states;
        for (const QJsonObject &j : m_session->listAll(QStringLiteral("customJobs"), &pages))
            states.append(j.value(QStringLiteral("state")).toString());
        QCOMPARE(states.first(), QStringLiteral("JOB_STATE_RUNNING"));
        QCOMPARE(states.count(QStringLiteral("JOB_STATE_FAILED")), 1);
        QCOMPARE(states.count(QStringLiteral("JOB_STATE_SUCCEEDED")), 5);
    }

    void emptyListsAreEmptyObjects_data() {
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("location");
        QTest::newRow("no training pipelines") << "trainingPipelines"
                                               << "us-central1";
        QTest::newRow("no endpoints in europe-west4") << "endpoints"
                                                      << "europe-west4";
    }
    void emptyListsAreEmptyObjects() {
        QFETCH(QString, collection);
        QFETCH(QString, location);
        const Reply r = call(m_nam, "GET", vertexUrl(collection, DemoGoogleCloud::projectId(), location),
                             m_session->token());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
    }

    void metricDescriptorsAreFiltered() {
        const QUrl url = urlOf(
            m_cloud->monitoringEndpoint(), QStringLiteral("/v3/projects/mlwatch-demo-gcp/metricDescriptors"),
            QStringLiteral("filter=") +
                enc(QStringLiteral("metric.type = starts_with(\"aiplatform.googleapis.com/\")")));
        const Reply r = call(m_nam, "GET", url, m_session->token());
        QCOMPARE(r.status, 200);
        const QJsonArray all = r.json().value(QStringLiteral("metricDescriptors")).toArray();
        QCOMPARE(all.size(), 13); // 10 of online prediction, 3 of Model Monitoring
        for (const QJsonValue &v : all) {
            const QJsonObject d = v.toObject();
            QVERIFY(d.value(QStringLiteral("type"))
                        .toString()
                        .startsWith(QLatin1String("aiplatform.googleapis.com/")));
            if (d.value(QStringLiteral("type")).toString() == vertex("prediction_latencies")) {
                QCOMPARE(d.value(QStringLiteral("metricKind")).toString(), QStringLiteral("DELTA"));
                QCOMPARE(d.value(QStringLiteral("valueType")).toString(), QStringLiteral("DISTRIBUTION"));
                QCOMPARE(d.value(QStringLiteral("unit")).toString(), QStringLiteral("ms"));
            }
        }
    }

    void faultInjection_data() {
        QTest::addColumn<DemoGoogleFault>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorStatus");
        QTest::newRow("429 RESOURCE_EXHAUSTED") << DemoGoogleFault::Throttle << 429 << "RESOURCE_EXHAUSTED";
        QTest::newRow("500 INTERNAL") << DemoGoogleFault::ServerError << 500 << "INTERNAL";
        QTest::newRow("503 UNAVAILABLE") << DemoGoogleFault::Unavailable << 503 << "UNAVAILABLE";
        QTest::newRow("403 PERMISSION_DENIED")
            << DemoGoogleFault::PermissionDenied << 403 << "PERMISSION_DENIED";
        QTest::newRow("200 with a captive portal's HTML") << DemoGoogleFault::Garbage << 200 << "";
    }
    void faultInjection() {
        QFETCH(DemoGoogleFault, fault);
        QFETCH(int, status);
        QFETCH(QString, errorStatus);
        m_cloud->injectFaults(fault, 1);
        // The token endpoint is never faulted.
        QVERIFY(!tokenFor(kMonitoringRead).isEmpty());
        const Reply faulted = m_session->timeSeries(replicasQuery());
        QCOMPARE(faulted.status, status);
        QCOMPARE(faulted.errorStatus(), errorStatus);
        if (fault == DemoGoogleFault::Throttle) {
            const QJsonObject info = faulted.json()
                                         .value(QStringLiteral("error"))
                                         .toObject()
                                         .value(QStringLiteral("details"))
                                         .toArray()
                                         .first()
                                         .toObject();
            QCOMPARE(info.value(QStringLiteral("reason")).toString(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
            QVERIFY(faulted.header("Retry-After").isEmpty()); // Google sends none: back off yourself
        }
        if (fault == DemoGoogleFault::PermissionDenied)
            QVERIFY(faulted.errorMessage().contains(QLatin1String("monitoring.timeSeries.list")));
        if (fault == DemoGoogleFault::Garbage)
            QVERIFY(faulted.header("Content-Type").startsWith("text/html"));
        QCOMPARE(m_session->timeSeries(replicasQuery()).status, 200);
    }

    void receivedCallsAreRecorded() {
        const qsizetype before = m_cloud->receivedCalls().size();
        const quint64 requestsBefore = m_cloud->requestCount();
        const int tokensBefore = m_cloud->tokensIssued();
        QVERIFY(!tokenFor(kMonitoringRead).isEmpty());
        m_session->timeSeries(replicasQuery());
        m_session->timeSeries(replicasQuery(), "ya29.bogus"); // refused: not recorded
        call(m_nam, "GET", vertexUrl(QStringLiteral("customJobs")), m_session->token());
        QCOMPARE(m_cloud->receivedCalls().mid(before),
                 (QStringList{QStringLiteral("token"), QStringLiteral("timeSeries.list"),
                              QStringLiteral("customJobs.list")}));
        QCOMPARE(m_cloud->requestCount(), requestsBefore + 4); // the refused call counts as a request
        QCOMPARE(m_cloud->tokensIssued(), tokensBefore + 1);
    }

    // Two servers at the same anchor answer the same calls with the same bytes (tokens included);
    // another anchor tells the story at other instants.
    void sameAnchorSameBytes() {
        DemoGoogleCloud a, b, later;
        QVERIFY(a.start(kAnchor) && b.start(kAnchor) && later.start(kAnchor.addDays(1)));
        const auto bodies = [](DemoGoogleCloud &cloud, const QDateTime &now) {
            Session s(cloud, now);
            QList<QByteArray> out{s.token()};
            const QString query = QStringLiteral("filter=") + enc(typeIs(vertex("prediction_latencies"))) +
                                  QStringLiteral("&interval.startTime=") +
                                  enc(rfc3339(now.addSecs(-2 * 3600))) +
                                  QStringLiteral("&interval.endTime=") + enc(rfc3339(now));
            out.append(s.timeSeries(query).body);
            out.append(
                call(s.nam(), "GET",
                     urlOf(cloud.aiplatformEndpoint(),
                           QStringLiteral("/v1/projects/mlwatch-demo-gcp/locations/us-central1/endpoints")),
                     s.token())
                    .body);
            return out;
        };
        const QList<QByteArray> first = bodies(a, kAnchor);
        QCOMPARE(bodies(b, kAnchor), first);
        QVERIFY(first.at(1).size() > 1000);
        const QList<QByteArray> other = bodies(later, kAnchor.addDays(1));
        QVERIFY(!other.first().isEmpty());
        QVERIFY(other.at(2) != first.at(2)); // the endpoints' creation times follow the anchor
    }
};

QTEST_GUILESS_MAIN(TstDemoGcpCloud)
#include "tst_demo_gcp_cloud.moc"
