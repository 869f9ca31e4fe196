// SigV4Signer against an independent oracle: Debian's botocore (SigV4Auth) behind a loopback HTTP
// server (tests/support/sigv4_oracle_server.py). Requests go through the real HttpClient, so the
// oracle sees exactly what Qt puts on the wire: Host with port, Qt's path normalisation, its own
// extra headers (which must stay unsigned).
#include "core/net/http_client.h"
#include "core/providers/aws/sigv4_signer.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace mlwatch;
using namespace mlwatch::aws;

Q_DECLARE_METATYPE(mlwatch::HttpHeaders)

namespace {

// Must equal the constants in sigv4_oracle_server.py (AWS documentation examples, not secrets).
const QString kAccessKey = QStringLiteral("AKIDEXAMPLE");
const QString kSecretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kToken = QStringLiteral("FQoGZXIvYXdzEXAMPLETOKEN");
const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, with python3-botocore
constexpr int kBotocoreMissingExit = 3;                     // the script's "cannot import botocore"
constexpr int kTimeoutMs = 20000;

} // namespace

class TestSigV4Oracle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void botocoreAgrees_data();
    void botocoreAgrees();

private:
    QProcess m_oracle;
    quint16 m_port = 0;
};

void TestSigV4Oracle::initTestCase() {
    if (!QFileInfo(kPython).isExecutable())
        QSKIP("/usr/bin/python3 is missing: install python3 and python3-botocore to run the botocore oracle");
    const QString script = QStringLiteral(MLWATCH_TESTS_DIR "/support/sigv4_oracle_server.py");
    QVERIFY2(QFileInfo::exists(script), qPrintable(script));

    m_oracle.setProgram(kPython);
    m_oracle.setArguments({script});
    m_oracle.setProcessChannelMode(QProcess::SeparateChannels);
    m_oracle.start();
    QVERIFY2(m_oracle.waitForStarted(kTimeoutMs), qPrintable(m_oracle.errorString()));

    // The first stdout line is the port; an early exit with status 3 means botocore is missing.
    QTRY_VERIFY_WITH_TIMEOUT(m_oracle.canReadLine() || m_oracle.state() == QProcess::NotRunning, kTimeoutMs);
    if (m_oracle.state() == QProcess::NotRunning && !m_oracle.canReadLine()) {
        const QByteArray stderrText = m_oracle.readAllStandardError();
        if (m_oracle.exitCode() == kBotocoreMissingExit)
            QSKIP(qPrintable(QStringLiteral("python3-botocore is not importable by /usr/bin/python3: %1")
                                 .arg(QString::fromUtf8(stderrText.trimmed()))));
        QFAIL(qPrintable(QStringLiteral("the oracle exited early (%1): %2")
                             .arg(m_oracle.exitCode())
                             .arg(QString::fromUtf8(stderrText))));
    }
    bool ok = false;
    m_port = m_oracle.readLine().trimmed().toUShort(&ok);
    QVERIFY2(ok && m_port != 0, "the oracle did not print its port");
}

void TestSigV4Oracle::cleanupTestCase() {
    if (m_oracle.state() == QProcess::NotRunning)
        return;
    // Closing stdin is the oracle's signal to exit; kill only if it does not.
    m_oracle.closeWriteChannel();
    if (!m_oracle.waitForFinished(kTimeoutMs))
        m_oracle.kill();
    m_oracle.waitForFinished(kTimeoutMs);
}

void TestSigV4Oracle::botocoreAgrees_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<bool>("tamperAfterSigning");
    QTest::addColumn<int>("expectedStatus");

    const QByteArray form = "application/x-www-form-urlencoded; charset=utf-8";
    const HttpHeaders json = {{"Content-Type", "application/x-amz-json-1.0"},
                              {"X-Amz-Target", "GraniteServiceVersion20100801.GetMetricData"},
                              {"x-amzn-query-mode", "true"}};
    const QByteArray gmdBody =
        R"({"MetricDataQueries":[{"Id":"m0","MetricStat":{"Metric":{"Namespace":"AWS/SageMaker",)"
        R"("MetricName":"ModelLatency","Dimensions":[{"Name":"EndpointName","Value":"ep-1"},)"
        R"({"Name":"VariantName","Value":"AllTraffic"}]},"Period":60,"Stat":"Average"}}],)"
        R"("StartTime":1714564800,"EndTime":1714568400,"ScanBy":"TimestampAscending"})";

    QTest::newRow("json_get_metric_data")
        << QByteArray("POST") << QStringLiteral("/") << json << gmdBody << false << false << 200;
    QTest::newRow("json_get_metric_data_session_token")
        << QByteArray("POST") << QStringLiteral("/") << json << gmdBody << true << false << 200;
    QTest::newRow("query_form_body_with_encoded_chars")
        << QByteArray("POST") << QStringLiteral("/") << HttpHeaders{{"Content-Type", form}}
        << QByteArray(
               "Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FSageMaker"
               "&Dimensions.member.1.Name=EndpointName&Dimensions.member.1.Value=my%20end%2Bpoint%C3%BC"
               "&NextToken=abc%3D%3D%2F%2B")
        << false << false << 200;
    QTest::newRow("get_with_query_string")
        << QByteArray("GET")
        << QStringLiteral("/?Version=2010-08-01&Action=ListMetrics&Namespace=AWS/SageMaker"
                          "&MetricName=Model Latency&Tilde=~-._&Empty=&Utf8=é")
        << HttpHeaders{} << QByteArray() << false << false << 200;
    QTest::newRow("path_with_segments")
        << QByteArray("GET") << QStringLiteral("/v1/metrics/end point/ü/./x/../detail") << HttpHeaders{}
        << QByteArray() << false << false << 200;
    QTest::newRow("custom_headers_with_whitespace_runs")
        << QByteArray("POST") << QStringLiteral("/")
        << HttpHeaders{{"Content-Type", form}, {"X-Mlwatch-Note", "spaced    out \t value"}}
        << QByteArray("Action=ListMetrics&Version=2010-08-01") << true << false << 200;
    // The oracle must be able to fail: a body changed after signing is rejected.
    QTest::newRow("tampered_body_rejected")
        << QByteArray("POST") << QStringLiteral("/") << json << gmdBody << false << true << 403;
}

void TestSigV4Oracle::botocoreAgrees() {
    QFETCH(QByteArray, method);
    QFETCH(QString, pathAndQuery);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, withToken);
    QFETCH(bool, tamperAfterSigning);
    QFETCH(int, expectedStatus);

    HttpRequest request;
    request.method = method;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + pathAndQuery);
    request.headers = headers;
    request.body = body;
    request.callName = QStringLiteral("OracleCheck");

    SigV4Params params;
    params.region = QStringLiteral("us-east-1");
    params.service = QStringLiteral("monitoring");
    params.credentials.accessKeyId = kAccessKey;
    params.credentials.secretAccessKey = kSecretKey;
    if (withToken)
        params.credentials.sessionToken = kToken;
    params.timestampUtc = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 7), QTimeZone::utc());
    SigV4Signer::sign(request, params);
    if (tamperAfterSigning)
        request.body.append(' ');

    HttpClient http;
    std::optional<Result<HttpResponse>> answer;
    http.send(request, this, [&answer](Result<HttpResponse> result) { answer = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kTimeoutMs);
    if (!answer->has_value())
        QFAIL(qPrintable(answer->error().toString()));
    const HttpResponse &response = **answer;
    QVERIFY2(response.status == expectedStatus, qPrintable(QStringLiteral("status %1, oracle says:\n%2")
                                                               .arg(response.status)
                                                               .arg(QString::fromUtf8(response.body))));
}

QTEST_GUILESS_MAIN(TestSigV4Oracle)
#include "tst_sigv4_oracle.moc"
