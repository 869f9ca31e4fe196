// Extra CA certificates for corporate TLS-inspecting proxies: a throw-away CA and server
// certificate made with the openssl CLI at test time, an HTTPS server on 127.0.0.1 (QSslServer),
// and HttpClient with and without the bundle. Verification is never switched off: without the
// bundle the request fails on the certificate; with it, it succeeds.
#include "core/net/http_client.h"

#include <QFile>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;

Q_DECLARE_METATYPE(mlwatch::ErrorCode)

namespace {

constexpr int kTimeoutMs = 20000;

// Answers every request on a TLS connection with one fixed response, then closes.
class FixedHttpsServer : public QObject {
public:
    bool start(const QSslCertificate &certificate, const QSslKey &key) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients bring no certificate
        m_server.setSslConfiguration(configuration);
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].contains("\r\n\r\n"))
                        return;
                    ++m_served;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n"
                                  "Connection: close\r\n\r\nhello tls");
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    int served() const { return m_served; }

private:
    QSslServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_served = 0;
};

} // namespace

class TestHttpClientCaBundle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutBundleTheCertificateIsRefused();
    void withBundleTheRequestSucceeds();
    void bundleIsAddedToTheSystemCas();
    void emptyListRestoresTheDefault();
    void loadErrors_data();
    void loadErrors();

private:
    // Sends GET https://127.0.0.1:PORT/ and waits for the callback.
    Result<HttpResponse> get(HttpClient &client);
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    void writeFile(const char *name, const QByteArray &content);

    QTemporaryDir m_dir;
    FixedHttpsServer m_server;
};

void TestHttpClientCaBundle::writeFile(const char *name, const QByteArray &content) {
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void TestHttpClientCaBundle::initTestCase() {
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid());
    // A CA and a server certificate for 127.0.0.1 signed by it; EC keys, because they are quick.
    writeFile("server.ext", "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n"
                            "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n");
    const QList<QStringList> steps = {
        {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
         "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=MLWatch throw-away test CA", "-addext",
         "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"},
        {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
         "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"},
        {"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
         "server.pem", "-days", "2", "-extfile", "server.ext"},
    };
    for (const QStringList &arguments : steps) {
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.path());
        openssl.start(QStringLiteral("openssl"), arguments);
        QVERIFY2(openssl.waitForFinished(60000), "openssl did not finish");
        QVERIFY2(openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0,
                 openssl.readAllStandardError().constData());
    }

    QFile certificateFile(path("server.pem"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    QFile keyFile(path("server.key"));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QVERIFY(!key.isNull());
    QVERIFY(m_server.start(certificate, key));
}

Result<HttpResponse> TestHttpClientCaBundle::get(HttpClient &client) {
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server.port()));
    request.callName = QStringLiteral("TestCall");
    std::optional<Result<HttpResponse>> outcome;
    client.send(request, this, [&outcome](Result<HttpResponse> result) { outcome = std::move(result); });
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, kTimeoutMs))
        return Error{ErrorCode::Timeout, QStringLiteral("the test's request got no answer"), QString()};
    return *outcome;
}

void TestHttpClientCaBundle::withoutBundleTheCertificateIsRefused() {
    HttpClient client;
    const int servedBefore = m_server.served();
    const Result<HttpResponse> result = get(client);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().code), int(ErrorCode::Network));
    QVERIFY2(result.error().message.contains(QLatin1String("certificate")),
             qPrintable(result.error().message));
    QCOMPARE(m_server.served(), servedBefore); // nothing was sent over the unverified connection
}

void TestHttpClientCaBundle::withBundleTheRequestSucceeds() {
    const Result<QList<QSslCertificate>> bundle = HttpClient::loadCaBundle(path("ca.pem"));
    QVERIFY2(bundle.has_value(), qPrintable(bundle ? QString() : bundle.error().message));
    QCOMPARE(bundle->size(), 1);
    HttpClient client;
    client.setExtraCaCertificates(*bundle);
    const Result<HttpResponse> result = get(client);
    QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->status, 200);
    QCOMPARE(result->body, QByteArray("hello tls"));
}

void TestHttpClientCaBundle::bundleIsAddedToTheSystemCas() {
    const Result<QList<QSslCertificate>> bundle = HttpClient::loadCaBundle(path("ca.pem"));
    QVERIFY(bundle.has_value());
    HttpClient client;
    client.setExtraCaCertificates(*bundle);
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server.port()));
    bool done = false;
    QNetworkReply *reply = client.send(request, this, [&done](const Result<HttpResponse> &) { done = true; });
    QVERIFY(reply);
    const QSslConfiguration used = reply->sslConfiguration();
    QVERIFY(used.caCertificates().contains(bundle->constFirst()));
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate &certificate : system) // added to, not instead of
        QVERIFY(used.caCertificates().contains(certificate));
    QVERIFY(used.peerVerifyMode() != QSslSocket::VerifyNone);
    QVERIFY(used.peerVerifyMode() != QSslSocket::QueryPeer);
    QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
}

void TestHttpClientCaBundle::emptyListRestoresTheDefault() {
    const Result<QList<QSslCertificate>> bundle = HttpClient::loadCaBundle(path("ca.pem"));
    QVERIFY(bundle.has_value());
    HttpClient client;
    client.setExtraCaCertificates(*bundle);
    client.setExtraCaCertificates({});
    QVERIFY(client.extraCaCertificates().isEmpty());
    const Result<HttpResponse> result = get(client);
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(QLatin1String("certificate")),
             qPrintable(result.error().message));
}

void TestHttpClientCaBundle::loadErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content"); // not written when empty
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("missing_file") << "absent.pem" << QByteArray() << ErrorCode::Io << "was not found";
    QTest::newRow("garbage") << "garbage.pem" << QByteArray("this is not a certificate\n\x01\x02\x03")
                             << ErrorCode::BadArgument << "no PEM certificate";
    QTest::newRow("damaged_block_among_good_ones")
        << "damaged.pem"
        << QByteArray("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
        << ErrorCode::BadArgument << "could be read";
    QTest::newRow("private_key_is_not_a_certificate")
        << "key-only.pem" << QByteArray() << ErrorCode::BadArgument << "no PEM certificate";
}

void TestHttpClientCaBundle::loadErrors() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(ErrorCode, code);
    QFETCH(QString, messageContains);

    QString target = m_dir.filePath(file);
    if (file == QLatin1String("key-only.pem")) {
        target = path("server.key");
    } else if (file == QLatin1String("damaged.pem")) {
        // One good CA and one damaged block: the damage is reported, not skipped silently.
        QFile ca(path("ca.pem"));
        QVERIFY(ca.open(QIODevice::ReadOnly));
        QFile out(target);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(ca.readAll() + content);
    } else if (!content.isEmpty()) {
        QFile out(target);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    const Result<QList<QSslCertificate>> result = HttpClient::loadCaBundle(target);
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().code), int(code));
    QVERIFY2(result.error().message.contains(target), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(messageContains), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestHttpClientCaBundle)
#include "tst_http_client_ca_bundle.moc"
