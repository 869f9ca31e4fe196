// Pins Google's retry rules (cloud-apis.md §3.3): 429 / RESOURCE_EXHAUSTED and 500/502/503/504 back
// off exponentially with bounded jitter (about 1 s, 2 s, 4 s … ≤ 32 s), a Retry-After is honoured
// when Google sends one (and gives up, naming the wait, beyond the cap), 401 is left to the token
// refresh, everything else is final, and attempts are capped. Randomness and the length of a
// second are injected, so nothing waits.
#include "core/providers/gcp/gcp_retry_policy.h"

#include <QTest>

using namespace mlwatch;
using namespace mlwatch::gcp;
using std::chrono::milliseconds;

Q_DECLARE_METATYPE(mlwatch::gcp::GcpFailureKind)

namespace {

GcpRetryPolicy policyWithRandom(double r) {
    GcpRetryPolicy policy;
    policy.random = [r] { return r; };
    return policy;
}

const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

} // namespace

class TestGcpRetryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("grpcStatus");
        QTest::addColumn<GcpFailureKind>("kind");
        QTest::newRow("429 is a throttle") << 429 << "RESOURCE_EXHAUSTED" << GcpFailureKind::Throttle;
        QTest::newRow("429 without an envelope is a throttle") << 429 << "" << GcpFailureKind::Throttle;
        QTest::newRow("RESOURCE_EXHAUSTED under 403 is a throttle")
            << 403 << "RESOURCE_EXHAUSTED" << GcpFailureKind::Throttle;
        QTest::newRow("500 INTERNAL is transient") << 500 << "INTERNAL" << GcpFailureKind::Transient;
        QTest::newRow("502 from a front end is transient") << 502 << "" << GcpFailureKind::Transient;
        QTest::newRow("503 UNAVAILABLE is transient") << 503 << "UNAVAILABLE" << GcpFailureKind::Transient;
        QTest::newRow("504 DEADLINE_EXCEEDED is transient")
            << 504 << "DEADLINE_EXCEEDED" << GcpFailureKind::Transient;
        QTest::newRow("no answer (network, timeout) is transient") << 0 << "" << GcpFailureKind::Transient;
        QTest::newRow("401 is for the token refresh, not the policy")
            << 401 << "UNAUTHENTICATED" << GcpFailureKind::Unauthorized;
        QTest::newRow("400 INVALID_ARGUMENT is final")
            << 400 << "INVALID_ARGUMENT" << GcpFailureKind::Permanent;
        QTest::newRow("403 PERMISSION_DENIED is final")
            << 403 << "PERMISSION_DENIED" << GcpFailureKind::Permanent;
        QTest::newRow("404 NOT_FOUND is final") << 404 << "NOT_FOUND" << GcpFailureKind::Permanent;
        QTest::newRow("501 Not Implemented is final") << 501 << "UNIMPLEMENTED" << GcpFailureKind::Permanent;
    }
    void classify() {
        QFETCH(int, status);
        QFETCH(QString, grpcStatus);
        QFETCH(GcpFailureKind, kind);
        QCOMPARE(classifyGcpFailure(status, grpcStatus), kind);
        const bool retried = GcpRetryPolicy{}.decide(status, grpcStatus, {}, 1).retry;
        QCOMPARE(retried, kind == GcpFailureKind::Throttle || kind == GcpFailureKind::Transient);
    }

    // Equal jitter: retry n waits in [ceiling/2, ceiling], ceiling = min(1 s × 2^(n-1), 32 s).
    void backoffGrowsWithJitterAndACap_data() {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("delayMs");
        QTest::newRow("first retry, lowest jitter: 0.5 s") << 1 << 0.0 << qint64(500);
        QTest::newRow("first retry, highest jitter: 1 s") << 1 << 1.0 << qint64(1000);
        QTest::newRow("second retry, middle: 1.5 s") << 2 << 0.5 << qint64(1500);
        QTest::newRow("third retry, highest: 4 s") << 3 << 1.0 << qint64(4000);
        QTest::newRow("sixth retry reaches the 32 s cap") << 6 << 1.0 << qint64(32000);
        QTest::newRow("tenth retry stays at the cap") << 10 << 1.0 << qint64(32000);
        QTest::newRow("huge attempt numbers do not overflow") << 1000 << 0.0 << qint64(16000);
        QTest::newRow("random out of range is clamped") << 1 << 7.0 << qint64(1000);
    }
    void backoffGrowsWithJitterAndACap() {
        QFETCH(int, attempt);
        QFETCH(double, random);
        QFETCH(qint64, delayMs);
        QCOMPARE(policyWithRandom(random).backoff(attempt).count(), delayMs);
    }

    void retriesAreCapped() {
        GcpRetryPolicy policy = policyWithRandom(0.5);
        policy.maxAttempts = 3;
        QVERIFY(policy.decide(429, QStringLiteral("RESOURCE_EXHAUSTED"), {}, 1).retry);
        QVERIFY(policy.decide(503, QStringLiteral("UNAVAILABLE"), {}, 2).retry);
        const GcpRetryDecision last = policy.decide(503, QStringLiteral("UNAVAILABLE"), {}, 3);
        QVERIFY(!last.retry);
        QVERIFY(!last.waitTooLong);
    }

    void retryAfterIsHonoured_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("retry");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<bool>("tooLong");
        QTest::newRow("Retry-After: 3 waits 3 s") << QByteArray("3") << true << qint64(3000) << false;
        QTest::newRow("Retry-After: 0 retries at once") << QByteArray("0") << true << qint64(0) << false;
        QTest::newRow("exactly the cap is still waited")
            << QByteArray("60") << true << qint64(60000) << false;
        QTest::newRow("beyond the cap: give up at once") << QByteArray("61") << false << qint64(0) << true;
        QTest::newRow("HTTP date 20 s ahead")
            << QByteArray("Wed, 01 May 2024 12:00:20 GMT") << true << qint64(20000) << false;
        QTest::newRow("no header: backoff (random 0.5 → 0.75 s)")
            << QByteArray() << true << qint64(750) << false;
        QTest::newRow("unreadable header: backoff") << QByteArray("soon") << true << qint64(750) << false;
        QTest::newRow("negative: backoff") << QByteArray("-5") << true << qint64(750) << false;
    }
    void retryAfterIsHonoured() {
        QFETCH(QByteArray, header);
        QFETCH(bool, retry);
        QFETCH(qint64, delayMs);
        QFETCH(bool, tooLong);
        const GcpRetryDecision d =
            policyWithRandom(0.5).decide(429, QStringLiteral("RESOURCE_EXHAUSTED"), header, 1, kNow);
        QCOMPARE(d.retry, retry);
        QCOMPARE(d.waitTooLong, tooLong);
        if (retry)
            QCOMPARE(qint64(d.delay.count()), delayMs);
    }

    void retryAfterOnAServerErrorIsHonouredToo() {
        const GcpRetryDecision d =
            policyWithRandom(0.0).decide(503, QStringLiteral("UNAVAILABLE"), "4", 1, kNow);
        QVERIFY(d.retry);
        QCOMPARE(d.delay, milliseconds(4000));
        QCOMPARE(d.retryAfter.value_or(std::chrono::seconds(-1)), std::chrono::seconds(4));
    }

    // Tests and the provider rig shrink every wait at once: one second becomes timeUnit.
    void timeUnitScalesEveryWait() {
        GcpRetryPolicy fast = policyWithRandom(1.0);
        fast.timeUnit = milliseconds(5);
        QCOMPARE(fast.backoff(1), milliseconds(5));
        QCOMPARE(fast.backoff(3), milliseconds(20));
        QCOMPARE(fast.backoff(20), milliseconds(160)); // the 32 s cap, scaled
        QCOMPARE(fast.decide(429, {}, "2", 1).delay, milliseconds(10));
    }
};

QTEST_GUILESS_MAIN(TestGcpRetryPolicy)
#include "tst_gcp_retry_policy.moc"
