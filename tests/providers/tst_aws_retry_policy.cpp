// Pins the AWS failure classification (cloud-apis.md §1.3, §1.7; botocore standard retry mode)
// and the backoff arithmetic with injected randomness, so no test waits.

#include "core/providers/aws/aws_retry_policy.h"

#include <QTest>

using namespace mlwatch;
using namespace mlwatch::aws;
using std::chrono::milliseconds;

Q_DECLARE_METATYPE(mlwatch::aws::FailureKind)

namespace {

AwsRetryPolicy policyWithRandom(double r) {
    AwsRetryPolicy policy;
    policy.random = [r] { return r; };
    return policy;
}

} // namespace

class TestAwsRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<FailureKind>("kind");

        const auto row = [](const char *name, int status, const char *code, const char *message,
                            FailureKind kind) {
            QTest::newRow(name) << status << QString::fromUtf8(code) << QString::fromUtf8(message) << kind;
        };
        // Throttles arrive as HTTP 400: the code decides, not the status.
        for (const char *code :
             {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
              "TooManyRequestsException", "ProvisionedThroughputExceededException",
              "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
              "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
              "EC2ThrottledException"})
            row(qPrintable(QStringLiteral("throttle %1 at 400").arg(QLatin1StringView(code))), 400, code,
                "Rate exceeded", FailureKind::Throttle);
        row("HTTP 429 without a code is a throttle", 429, "", "", FailureKind::Throttle);

        row("RequestTimeout is transient", 400, "RequestTimeout", "", FailureKind::Transient);
        row("RequestTimeoutException is transient", 400, "RequestTimeoutException", "",
            FailureKind::Transient);
        row("HTTP 500 InternalServiceError is transient", 500, "InternalServiceError", "",
            FailureKind::Transient);
        row("HTTP 500 without a code is transient", 500, "", "", FailureKind::Transient);
        row("HTTP 502 is transient", 502, "", "", FailureKind::Transient);
        row("HTTP 503 is transient", 503, "ServiceUnavailable", "", FailureKind::Transient);
        row("HTTP 504 is transient", 504, "", "", FailureKind::Transient);
        row("HTTP 501 is permanent", 501, "", "", FailureKind::Permanent);

        row("SignatureDoesNotMatch: signature expired is clock skew", 403, "SignatureDoesNotMatch",
            "Signature expired: 20240501T120000Z is now earlier than 20240501T121600Z (20240501T122100Z - 5 "
            "min.)",
            FailureKind::ClockSkew);
        row("SignatureDoesNotMatch: in the future is clock skew", 403, "SignatureDoesNotMatch",
            "Signature not yet current: 20240501T123000Z is still later than 20240501T122000Z; date is in "
            "the future",
            FailureKind::ClockSkew);
        row("InvalidSignatureException: signature expired is clock skew", 400, "InvalidSignatureException",
            "Signature expired: 20240501T120000Z is now earlier than 20240501T121600Z",
            FailureKind::ClockSkew);
        row("RequestTimeTooSkewed is clock skew", 403, "RequestTimeTooSkewed", "", FailureKind::ClockSkew);
        row("RequestExpired is clock skew", 400, "RequestExpired", "", FailureKind::ClockSkew);
        row("RequestInTheFuture is clock skew", 400, "RequestInTheFuture", "", FailureKind::ClockSkew);

        row("SignatureDoesNotMatch: a wrong signature is auth", 403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
            FailureKind::Auth);
        row("InvalidSignatureException: a wrong signature is auth", 400, "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.",
            FailureKind::Auth);
        for (const char *code :
             {"InvalidClientTokenId", "UnrecognizedClientException", "AccessDenied", "AccessDeniedException",
              "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "IncompleteSignature"})
            row(qPrintable(QStringLiteral("auth %1").arg(QLatin1StringView(code))), 403, code,
                "The security token included in the request is expired", FailureKind::Auth);
        row("HTTP 403 without a code is auth", 403, "", "", FailureKind::Auth);

        row("InvalidParameterValue is permanent", 400, "InvalidParameterValue", "", FailureKind::Permanent);
        row("InvalidNextToken is permanent", 400, "InvalidNextToken", "", FailureKind::Permanent);
        row("LimitExceeded (not the Exception) is permanent", 400, "LimitExceeded", "",
            FailureKind::Permanent);
        row("MissingParameter is permanent", 400, "MissingParameter", "", FailureKind::Permanent);
    }

    void classify() {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(FailureKind, kind);
        QCOMPARE(classifyAwsError(AwsError{status, code, message}), kind);
    }

    void attemptCap_data() {
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("retry");
        QTest::newRow("throttle after attempt 1") << FailureKind::Throttle << 1 << true;
        QTest::newRow("throttle after attempt 2") << FailureKind::Throttle << 2 << true;
        QTest::newRow("throttle after attempt 3: cap of 3 reached") << FailureKind::Throttle << 3 << false;
        QTest::newRow("transient after attempt 2") << FailureKind::Transient << 2 << true;
        QTest::newRow("transient after attempt 3") << FailureKind::Transient << 3 << false;
        QTest::newRow("clock skew after attempt 1") << FailureKind::ClockSkew << 1 << true;
        QTest::newRow("auth is never retried") << FailureKind::Auth << 1 << false;
        QTest::newRow("permanent is never retried") << FailureKind::Permanent << 1 << false;
    }

    void attemptCap() {
        QFETCH(FailureKind, kind);
        QFETCH(int, attempt);
        QFETCH(bool, retry);
        QCOMPARE(AwsRetryPolicy().shouldRetry(kind, attempt), retry);
    }

    void maxAttemptsIsConfigurable() {
        AwsRetryPolicy policy;
        policy.maxAttempts = 5;
        QVERIFY(policy.shouldRetry(FailureKind::Throttle, 4));
        QVERIFY(!policy.shouldRetry(FailureKind::Throttle, 5));
        policy.maxAttempts = 1;
        QVERIFY(!policy.shouldRetry(FailureKind::Transient, 1));
    }

    void delay_data() {
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("random");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("expectedMs");

        QTest::newRow("random 0 gives no delay")
            << FailureKind::Throttle << 3 << 0.0 << QByteArray() << qint64(0);
        QTest::newRow("throttle attempt 1: up to 1 s")
            << FailureKind::Throttle << 1 << 0.999 << QByteArray() << qint64(999);
        QTest::newRow("throttle attempt 2: up to 2 s")
            << FailureKind::Throttle << 2 << 0.999 << QByteArray() << qint64(1998);
        QTest::newRow("throttle attempt 3: up to 4 s")
            << FailureKind::Throttle << 3 << 0.999 << QByteArray() << qint64(3996);
        QTest::newRow("throttle attempt 10: capped at 20 s")
            << FailureKind::Throttle << 10 << 0.999 << QByteArray() << qint64(19980);
        QTest::newRow("throttle attempt 1000: capped, no overflow")
            << FailureKind::Throttle << 1000 << 0.999 << QByteArray() << qint64(19980);
        QTest::newRow("transient attempt 1: up to 50 ms")
            << FailureKind::Transient << 1 << 0.999 << QByteArray() << qint64(49);
        QTest::newRow("transient attempt 3: up to 200 ms")
            << FailureKind::Transient << 3 << 0.999 << QByteArray() << qint64(199);
        QTest::newRow("clock skew uses the 50 ms scale")
            << FailureKind::ClockSkew << 1 << 0.5 << QByteArray() << qint64(25);
        QTest::newRow("x-amz-retry-after is honoured")
            << FailureKind::Throttle << 1 << 0.0 << QByteArrayLiteral("1500") << qint64(1500);
        QTest::newRow("x-amz-retry-after above 20 s is capped")
            << FailureKind::Throttle << 1 << 0.999 << QByteArrayLiteral("600000") << qint64(20000);
        QTest::newRow("unreadable x-amz-retry-after is ignored")
            << FailureKind::Throttle << 1 << 0.5 << QByteArrayLiteral("soon") << qint64(500);
        QTest::newRow("negative x-amz-retry-after is ignored")
            << FailureKind::Throttle << 1 << 0.5 << QByteArrayLiteral("-5") << qint64(500);
    }

    void delay() {
        QFETCH(FailureKind, kind);
        QFETCH(int, attempt);
        QFETCH(double, random);
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, expectedMs);
        QCOMPARE(policyWithRandom(random).delayBeforeRetry(kind, attempt, retryAfter).count(), expectedMs);
    }

    void defaultRandomStaysWithinBounds() {
        const AwsRetryPolicy policy; // QRandomGenerator
        for (int i = 0; i < 200; ++i) {
            const milliseconds d = policy.delayBeforeRetry(FailureKind::Throttle, 2);
            QVERIFY(d.count() >= 0);
            QVERIFY(d.count() < 2000);
        }
    }

    void scalesAreInjectable() {
        AwsRetryPolicy policy = policyWithRandom(0.5);
        policy.throttleScale = milliseconds(10);
        policy.transientScale = milliseconds(2);
        policy.cap = milliseconds(30);
        QCOMPARE(policy.delayBeforeRetry(FailureKind::Throttle, 2).count(), 10);
        QCOMPARE(policy.delayBeforeRetry(FailureKind::Transient, 3).count(), 4);
        QCOMPARE(policy.delayBeforeRetry(FailureKind::Throttle, 8).count(), 15); // 0.5 × cap
    }
};

QTEST_GUILESS_MAIN(TestAwsRetryPolicy)
#include "tst_aws_retry_policy.moc"
