#include "core/net/http_client.h"
#include "notify/webhook_notifier.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

// Webhooks against a real HTTP server on loopback (QHttpServer), including one that fails.

using namespace mlwatch;

namespace {

constexpr int kWaitMs = 10000;
const qint64 kPeriodMs = QDateTime(QDate(2026, 11, 20), QTime(12, 5), Qt::UTC).toMSecsSinceEpoch();

NotificationItem latencyItem(NotificationItem::Kind kind = NotificationItem::Kind::Fired) {
    NotificationItem i;
    i.kind = kind;
    i.ruleId = QStringLiteral("default:latency");
    i.ruleName = QStringLiteral("Endpoint latency");
    i.unit = QStringLiteral("ms");
    i.unitSymbol = QStringLiteral("ms");
    i.level = AlertLevel::Critical;
    i.state = kind == NotificationItem::Kind::Resolved ? AlertState{AlertStateKind::Ok, AlertLevel::None}
              : kind == NotificationItem::Kind::NoData
                  ? AlertState{AlertStateKind::NoData, AlertLevel::None}
                  : AlertState{AlertStateKind::Firing, AlertLevel::Critical};
    i.periodMs = kPeriodMs;
    i.value = kind == NotificationItem::Kind::NoData ? std::numeric_limits<double>::quiet_NaN() : 1300.0;
    return i;
}

// A webhook receiver on 127.0.0.1 that answers the statuses it is given, in order (then 200).
class Receiver {
public:
    explicit Receiver(QList<int> statuses = {})
        : m_statuses(std::move(statuses)) {
        m_server.route(
            QStringLiteral("/hook"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
                bodies.append(req.body());
                contentTypes.append(req.value("content-type"));
                const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
                return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok"),
                                           QHttpServerResponder::StatusCode(status));
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port)); }
    bool isListening() const { return m_port != 0; }

    QList<QByteArray> bodies;
    QList<QByteArray> contentTypes;

private:
    QHttpServer m_server;
    QList<int> m_statuses;
    quint16 m_port = 0;
};

WebhookRetryPolicy fastRetries(int maxAttempts) {
    // Short delays keep the test quick; the test waits for signals, never for the clock.
    WebhookRetryPolicy p;
    p.maxAttempts = maxAttempts;
    p.firstDelay = std::chrono::milliseconds(1);
    p.multiplier = 2;
    p.maxDelay = std::chrono::milliseconds(20);
    return p;
}

} // namespace

class TestWebhookNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void urlRule_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https anywhere") << "https://hooks.slack.com/services/T0/B0/secret" << true;
        QTest::newRow("http to 127.0.0.1") << "http://127.0.0.1:8080/hook" << true;
        QTest::newRow("http to localhost") << "http://localhost/hook" << true;
        QTest::newRow("http to ::1") << "http://[::1]:9000/hook" << true;
        QTest::newRow("http to a remote host is refused") << "http://example.com/hook" << false;
        QTest::newRow("http to a LAN address is refused") << "http://10.0.0.5/hook" << false;
        QTest::newRow("other schemes are refused") << "ftp://example.com/hook" << false;
        QTest::newRow("no host is refused") << "https:///hook" << false;
        QTest::newRow("empty is refused") << "" << false;
    }
    void urlRule() {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const Result<void> checked = WebhookNotifier::checkUrl(QUrl(url));
        QCOMPARE(bool(checked), allowed);
        if (!allowed) {
            QCOMPARE(checked.error().code, ErrorCode::BadArgument);
            QVERIFY(!checked.error().message.isEmpty());
        }
    }

    void payloadFields_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("text");
        using K = NotificationItem::Kind;
        QTest::newRow("fired")
            << int(K::Fired) << "fired"
            << "firing" << QJsonValue(1300)
            << ":red_circle: *Endpoint latency* is firing (critical): 1300 ms at 2026-11-20T12:05:00Z";
        QTest::newRow("resolved")
            << int(K::Resolved) << "resolved"
            << "ok" << QJsonValue(1300)
            << ":white_check_mark: *Endpoint latency* resolved (was critical): 1300 ms at "
               "2026-11-20T12:05:00Z";
        QTest::newRow("no data: value is null") << int(K::NoData) << "nodata"
                                                << "nodata" << QJsonValue(QJsonValue::Null)
                                                << ":grey_question: *Endpoint latency* has no data since "
                                                   "2026-11-20T12:05:00Z (was firing, critical)";
    }
    void payloadFields() {
        QFETCH(int, kind);
        QFETCH(QString, event);
        QFETCH(QString, state);
        QFETCH(QJsonValue, value);
        QFETCH(QString, text);
        const QJsonObject o = WebhookNotifier::payload(latencyItem(NotificationItem::Kind(kind)));
        QCOMPARE(o.value(QStringLiteral("rule")).toString(), QStringLiteral("default:latency"));
        QCOMPARE(o.value(QStringLiteral("ruleName")).toString(), QStringLiteral("Endpoint latency"));
        QCOMPARE(o.value(QStringLiteral("event")).toString(), event);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), state);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("critical"));
        QCOMPARE(o.value(QStringLiteral("value")), value);
        QCOMPARE(o.value(QStringLiteral("unit")).toString(), QStringLiteral("ms"));
        QCOMPARE(o.value(QStringLiteral("time")).toString(), QStringLiteral("2026-11-20T12:05:00Z"));
        QCOMPARE(o.value(QStringLiteral("text")).toString(), text);
    }

    void slackTextEscapesMarkup() {
        NotificationItem i = latencyItem();
        i.ruleName = QStringLiteral("p99 <latency> & errors\nline two");
        const QString text = WebhookNotifier::payload(i).value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QLatin1String("*p99 &lt;latency&gt; &amp; errors line two*")),
                 qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\n')));
    }

    void deliversJsonToLoopback() {
        Receiver receiver;
        QVERIFY(receiver.isListening());
        HttpClient http;
        WebhookNotifier webhook(http);
        QSignalSpy delivered(&webhook, &WebhookNotifier::delivered);
        QVERIFY(webhook.post(receiver.url(), latencyItem()));
        QCOMPARE(webhook.pendingCount(), 1); // returned before anything was sent: never blocks
        QVERIFY(delivered.wait(kWaitMs));
        QCOMPARE(delivered.first().at(0).toString(), QStringLiteral("default:latency"));
        QCOMPARE(delivered.first().at(1).toInt(), 1);
        QCOMPARE(receiver.bodies.size(), 1);
        QCOMPARE(receiver.contentTypes.first(), QByteArrayLiteral("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(receiver.bodies.first()).object();
        QCOMPARE(body, WebhookNotifier::payload(latencyItem()));
        QCOMPARE(webhook.pendingCount(), 0);
    }

    void failingServerIsRetried_data() {
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<bool>("delivers");
        QTest::addColumn<int>("requests");
        QTest::newRow("500 then OK: delivered on the second attempt") << QList<int>{500} << 4 << true << 2;
        QTest::newRow("429 and 503 then OK: third attempt") << QList<int>{429, 503} << 4 << true << 3;
        QTest::newRow("always 500: gives up after the bounded attempts")
            << QList<int>{500, 500, 500, 500} << 3 << false << 3;
        QTest::newRow("404 is permanent: not retried") << QList<int>{404} << 4 << false << 1;
    }
    void failingServerIsRetried() {
        QFETCH(QList<int>, statuses);
        QFETCH(int, maxAttempts);
        QFETCH(bool, delivers);
        QFETCH(int, requests);
        Receiver receiver(statuses);
        HttpClient http;
        WebhookNotifier webhook(http);
        webhook.setRetryPolicy(fastRetries(maxAttempts));
        QSignalSpy delivered(&webhook, &WebhookNotifier::delivered);
        QSignalSpy failed(&webhook, &WebhookNotifier::failed);
        QVERIFY(webhook.post(receiver.url(), latencyItem()));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size() + failed.size(), 1, kWaitMs);
        QCOMPARE(delivered.size(), delivers ? 1 : 0);
        QCOMPARE(receiver.bodies.size(), requests);
        QCOMPARE(int(http.requestCount()), requests);
        if (delivers) {
            QCOMPARE(delivered.first().at(1).toInt(), requests);
        } else {
            const Error error = failed.first().at(1).value<Error>();
            QVERIFY2(error.message.contains(QString::number(receiver.bodies.size() == 1 ? 404 : 500)),
                     qPrintable(error.message));
            QVERIFY2(!error.message.contains(QLatin1String("/hook")), qPrintable(error.message)); // host only
        }
        QCOMPARE(webhook.pendingCount(), 0);
    }

    void unreachableServerIsRetriedThenReported() {
        quint16 port = 0;
        {
            QTcpServer probe; // a port that was free a moment ago and now has no listener
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        HttpClient http;
        WebhookNotifier webhook(http);
        webhook.setRetryPolicy(fastRetries(3));
        QSignalSpy failed(&webhook, &WebhookNotifier::failed);
        QVERIFY(webhook.post(QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(port)), latencyItem()));
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(int(http.requestCount()), 3);
        const Error error = failed.first().at(1).value<Error>();
        QCOMPARE(error.code, ErrorCode::Network);
        QVERIFY2(error.message.contains(QLatin1String("(attempts: 3)")), qPrintable(error.message));
    }

    void plainHttpToARemoteHostIsRefusedBeforeConnecting() {
        HttpClient http;
        WebhookNotifier webhook(http);
        QSignalSpy failed(&webhook, &WebhookNotifier::failed);
        NotificationItem i = latencyItem();
        const Result<void> posted =
            webhook.post(QUrl(QStringLiteral("http://example.com/services/secret-token")), i);
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ErrorCode::BadArgument);
        QVERIFY2(posted.error().message.contains(QLatin1String("Endpoint latency")),
                 qPrintable(posted.error().message));
        QVERIFY2(posted.error().message.contains(QLatin1String("https://")),
                 qPrintable(posted.error().message));
        QVERIFY(!posted.error().message.contains(QLatin1String("secret-token")));
        QCOMPARE(failed.size(), 1);        // reported at once, like every other failure
        QCOMPARE(http.requestCount(), 0u); // nothing left the machine
        QCOMPARE(webhook.pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebhookNotifier)
#include "tst_webhook_notifier.moc"
