// Pins Azure's retry rules (cloud-apis.md §2.5, §4.21): 429 waits at least Retry-After (and gives
// up, naming the wait, when it is beyond the cap), 408/5xx back off exponentially with bounded
// jitter, attempts are capped, and a low remaining-reads budget paces later calls. Randomness and
// the length of a Retry-After second are injected, so nothing waits.
#include "core/providers/azure/azure_retry_policy.h"

#include <QTest>

using namespace mlwatch;
using namespace mlwatch::azure;
using std::chrono::milliseconds;
using std::chrono::seconds;

Q_DECLARE_METATYPE(mlwatch::azure::AzureFailureKind)

namespace {

AzureRetryPolicy policyWithRandom(double r) {
    AzureRetryPolicy policy;
    policy.random = [r] { return r; };
    return policy;
}

const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

} // namespace

class TestAzureRetryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<AzureFailureKind>("kind");
        QTest::newRow("429 is a throttle") << 429 << AzureFailureKind::Throttle;
        for (int s : {408, 500, 502, 503, 504})
            QTest::newRow(qPrintable(QStringLiteral("%1 is transient").arg(s)))
                << s << AzureFailureKind::Transient;
        QTest::newRow("no answer (network, timeout) is transient") << 0 << AzureFailureKind::Transient;
        QTest::newRow("401 is for the token refresh, not the policy")
            << 401 << AzureFailureKind::Unauthorized;
        for (int s : {400, 403, 404, 409, 501})
            QTest::newRow(qPrintable(QStringLiteral("%1 is permanent").arg(s)))
                << s << AzureFailureKind::Permanent;
    }
    void classify() {
        QFETCH(int, status);
        QFETCH(AzureFailureKind, kind);
        QCOMPARE(classifyAzureStatus(status), kind);
        if (kind == AzureFailureKind::Unauthorized || kind == AzureFailureKind::Permanent)
            QVERIFY(!AzureRetryPolicy{}.decide(status, {}, 1).retry);
    }

    void retryAfterIsHonoured_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("retry");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<qint64>("askedSeconds"); // -1 = no Retry-After understood
        QTest::addColumn<bool>("tooLong");
        QTest::newRow("Retry-After: 2 waits 2 s")
            << QByteArray("2") << 1 << true << qint64(2000) << qint64(2) << false;
        QTest::newRow("Retry-After with spaces")
            << QByteArray(" 5 ") << 2 << true << qint64(5000) << qint64(5) << false;
        QTest::newRow("Retry-After: 0 retries at once")
            << QByteArray("0") << 1 << true << qint64(0) << qint64(0) << false;
        QTest::newRow("exactly the cap is still waited")
            << QByteArray("60") << 1 << true << qint64(60000) << qint64(60) << false;
        QTest::newRow("beyond the cap: give up at once, naming the wait")
            << QByteArray("61") << 1 << false << qint64(0) << qint64(61) << true;
        QTest::newRow("HTTP date 30 s ahead") << QByteArray("Wed, 01 May 2024 12:00:30 GMT") << 1 << true
                                              << qint64(30000) << qint64(30) << false;
        QTest::newRow("HTTP date in the past: no wait")
            << QByteArray("Wed, 01 May 2024 11:00:00 GMT") << 1 << true << qint64(0) << qint64(0) << false;
        QTest::newRow("no header: throttle backoff (2 s base, random 0 → half)")
            << QByteArray() << 1 << true << qint64(1000) << qint64(-1) << false;
        QTest::newRow("unreadable header: throttle backoff")
            << QByteArray("soon") << 2 << true << qint64(2000) << qint64(-1) << false;
        QTest::newRow("attempts used up: no retry even with a short wait")
            << QByteArray("1") << 4 << false << qint64(0) << qint64(1) << false;
    }
    void retryAfterIsHonoured() {
        QFETCH(QByteArray, header);
        QFETCH(int, attempt);
        QFETCH(bool, retry);
        QFETCH(qint64, delayMs);
        QFETCH(qint64, askedSeconds);
        QFETCH(bool, tooLong);
        const AzureRetryDecision d = policyWithRandom(0.0).decide(429, header, attempt, kNow);
        QCOMPARE(d.retry, retry);
        QCOMPARE(d.waitTooLong, tooLong);
        if (retry)
            QCOMPARE(qint64(d.delay.count()), delayMs);
        if (askedSeconds < 0)
            QVERIFY(!d.retryAfter);
        else
            QCOMPARE(qint64(d.retryAfter.value_or(seconds(-1)).count()), askedSeconds);
        // Jitter never shortens a Retry-After wait.
        if (retry && askedSeconds >= 0)
            QCOMPARE(qint64(policyWithRandom(0.99).decide(429, header, attempt, kNow).delay.count()),
                     delayMs);
    }

    void retryAfterUnitShrinksTheWaitForTests() {
        AzureRetryPolicy policy;
        policy.retryAfterUnit = milliseconds(1);
        const AzureRetryDecision d = policy.decide(429, "2", 1);
        QVERIFY(d.retry);
        QCOMPARE(d.delay, milliseconds(2));
        QCOMPARE(d.retryAfter, std::optional(seconds(2)));
    }

    void transientBackoffIsBoundedAndJittered_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<qint64>("ceilingMs");
        for (int s : {500, 502, 503, 504, 0}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 attempt 1: ≤ 500 ms").arg(s)))
                << s << 1 << qint64(500);
            QTest::newRow(qPrintable(QStringLiteral("%1 attempt 3: ≤ 2 s").arg(s))) << s << 3 << qint64(2000);
        }
        QTest::newRow("attempt 2 doubles") << 503 << 2 << qint64(1000);
    }
    void transientBackoffIsBoundedAndJittered() {
        QFETCH(int, status);
        QFETCH(int, attempt);
        QFETCH(qint64, ceilingMs);
        const qint64 low = policyWithRandom(0.0).decide(status, {}, attempt).delay.count();
        const qint64 mid = policyWithRandom(0.5).decide(status, {}, attempt).delay.count();
        const qint64 high = policyWithRandom(1.0).decide(status, {}, attempt).delay.count();
        QCOMPARE(low, ceilingMs / 2);
        QCOMPARE(high, ceilingMs);
        QVERIFY(low < mid && mid < high); // the jitter moves the delay
        QVERIFY(policyWithRandom(0.5).decide(status, {}, attempt).retry);
    }

    void backoffIsCapped() {
        AzureRetryPolicy policy = policyWithRandom(1.0);
        policy.maxAttempts = 100;
        for (int attempt = 1; attempt < 60; ++attempt) {
            const AzureRetryDecision d = policy.decide(503, {}, attempt);
            QVERIFY(d.retry);
            QVERIFY(d.delay <= policy.maxBackoff);
            QVERIFY(d.delay >= milliseconds(0));
        }
        QCOMPARE(policy.decide(503, {}, 59).delay, policy.maxBackoff);
    }

    void defaultRandomStaysInBounds() {
        const AzureRetryPolicy policy; // QRandomGenerator
        for (int i = 0; i < 200; ++i) {
            const milliseconds d = policy.backoff(AzureFailureKind::Transient, 2);
            QVERIFY(d >= milliseconds(500) && d <= milliseconds(1000));
        }
    }

    void givesUpAfterMaxAttempts_data() {
        QTest::addColumn<int>("maxAttempts");
        QTest::newRow("default 4") << 4;
        QTest::newRow("1: never retry") << 1;
        QTest::newRow("6") << 6;
    }
    void givesUpAfterMaxAttempts() {
        QFETCH(int, maxAttempts);
        AzureRetryPolicy policy = policyWithRandom(0.0);
        if (maxAttempts != 4)
            policy.maxAttempts = maxAttempts;
        for (int status : {429, 500, 0}) {
            for (int attempt = 1; attempt < maxAttempts; ++attempt)
                QVERIFY(policy.decide(status, {}, attempt).retry);
            QVERIFY(!policy.decide(status, {}, maxAttempts).retry);
        }
    }

    void lowReadBudgetPacesLaterCalls_data() {
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<qint64>("delayMs");
        const auto h = [](const char *name, const char *value) {
            return HttpHeaders{{QByteArray(name), QByteArray(value)}};
        };
        QTest::newRow("no budget header: no pause") << HttpHeaders{} << qint64(0);
        QTest::newRow("plenty left: no pause")
            << h("x-ms-ratelimit-remaining-subscription-reads", "11999") << qint64(0);
        QTest::newRow("exactly the threshold: no pause")
            << h("x-ms-ratelimit-remaining-subscription-reads", "10") << qint64(0);
        QTest::newRow("9 left: one step")
            << h("x-ms-ratelimit-remaining-subscription-reads", "9") << qint64(100);
        QTest::newRow("none left: ten steps")
            << h("X-MS-RateLimit-Remaining-Subscription-Reads", "0") << qint64(1000);
        QTest::newRow("tenant budget counts too")
            << h("x-ms-ratelimit-remaining-tenant-reads", "5") << qint64(500);
        HttpHeaders both = h("x-ms-ratelimit-remaining-subscription-reads", "200");
        both.append({QByteArray("x-ms-ratelimit-remaining-subscription-global-reads"), QByteArray("2")});
        QTest::newRow("the lowest budget wins") << both << qint64(800);
        QTest::newRow("garbage: no pause")
            << h("x-ms-ratelimit-remaining-subscription-reads", "lots") << qint64(0);
    }
    void lowReadBudgetPacesLaterCalls() {
        QFETCH(HttpHeaders, headers);
        QFETCH(qint64, delayMs);
        QCOMPARE(qint64(AzureRetryPolicy{}.paceDelay(headers).count()), delayMs);
    }
};

QTEST_GUILESS_MAIN(TestAzureRetryPolicy)
#include "tst_azure_retry_policy.moc"
