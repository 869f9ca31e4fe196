// Workspace endpoint safety in the CLI: a workspace file (which people share) that points an
// account at a host this machine never trusted must be refused before any connection is made,
// and plain http must never carry credentials to a non-loopback host, trusted or not.
// A QTcpServer listens on every IPv4 address of this machine and the workspace points at the
// machine's own non-loopback address, so "no connection" is observed, not assumed; a trusted
// https endpoint reaching the listener is the control that shows the probe would see one.
#include "cli_runner.h"
#include "core/common/error.h"
#include "demo/demo_cloud.h"

#include <QDir>
#include <QFile>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwatch;
using namespace mlwatch::test;

class TestCliEndpointSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void foreignEndpointIsRefusedBeforeAnyConnection_data();
    void foreignEndpointIsRefusedBeforeAnyConnection();
    void trustedHostStillGetsNoCredentialsOverPlainHttp_data();
    void trustedHostStillGetsNoCredentialsOverPlainHttp();
    void trustedHostOverHttpsIsContacted();
    void untrustHostRefusesItAgain();
    void trustHostRefusesSomethingThatIsNoHost();

private:
    QProcessEnvironment baseEnv() const;
    QString writeWorkspace(const QString &scheme) const;
    QStringList commandLine(const QString &command, const QString &workspace) const;
    CliRun accounts(const QString &action, const QString &host) const;
    int connectionsSeen();

    QString m_ip; // a non-loopback IPv4 address of this machine
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTcpServer> m_probe;
    int m_connections = 0;
};

void TestCliEndpointSafety::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(MLWATCH_CLI_PATH)), MLWATCH_CLI_PATH);
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            m_ip = address.toString();
            break;
        }
    if (m_ip.isEmpty())
        QSKIP("this machine has no non-loopback IPv4 address");
}

void TestCliEndpointSafety::init() {
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_connections = 0;
    m_probe = std::make_unique<QTcpServer>();
    QVERIFY(m_probe->listen(QHostAddress::AnyIPv4));
    connect(m_probe.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_probe->nextPendingConnection()) {
            ++m_connections;
            socket->abort(); // the client fails fast instead of waiting for a TLS answer
            socket->deleteLater();
        }
    });
}

void TestCliEndpointSafety::cleanup() {
    m_probe.reset();
}

int TestCliEndpointSafety::connectionsSeen() {
    // A connection still in the listen backlog counts too.
    m_probe->waitForNewConnection(0);
    return m_connections + (m_probe->hasPendingConnections() ? 1 : 0);
}

QProcessEnvironment TestCliEndpointSafety::baseEnv() const {
    // Credentials the chain would happily use: only the endpoint check stands in the way.
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), demo::DemoCloud::credentials().accessKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), demo::DemoCloud::credentials().secretAccessKey);
    return env;
}

QString TestCliEndpointSafety::writeWorkspace(const QString &scheme) const {
    const QByteArray endpoint =
        QStringLiteral("%1://%2:%3/").arg(scheme, m_ip).arg(m_probe->serverPort()).toUtf8();
    const QByteArray json = R"({"format": "mlwatch-workspace", "version": 1,
      "accounts": [{"id": "shared-team", "kind": "aws", "region": "us-east-1", "endpointUrl": ")" +
                            endpoint + R"("}],
      "rules": [{"id": "traffic", "series": {"namespace": "AWS/SageMaker", "metric": "Invocations",
        "dimensions": {"EndpointName": "churn-model-prod", "VariantName": "AllTraffic"}, "stat": "Sum"},
        "comparison": "above", "critical": 1e9, "unit": "count", "evaluationDelay": 0}]})";
    const QString path = m_home->filePath(QStringLiteral("shared-workspace.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        qFatal("cannot write the workspace");
    return path;
}

QStringList TestCliEndpointSafety::commandLine(const QString &command, const QString &workspace) const {
    if (command == QLatin1String("report"))
        return {QStringLiteral("report"), QStringLiteral("--workspace"), workspace, QStringLiteral("--out"),
                m_home->filePath(QStringLiteral("review"))};
    return {QStringLiteral("check"), QStringLiteral("--workspace"), workspace};
}

CliRun TestCliEndpointSafety::accounts(const QString &action, const QString &host) const {
    return runCli({QStringLiteral("accounts"), action, host}, baseEnv());
}

void TestCliEndpointSafety::foreignEndpointIsRefusedBeforeAnyConnection_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("report, https") << QStringLiteral("report") << QStringLiteral("https");
    QTest::newRow("report, http") << QStringLiteral("report") << QStringLiteral("http");
    QTest::newRow("check, https") << QStringLiteral("check") << QStringLiteral("https");
    QTest::newRow("check, http") << QStringLiteral("check") << QStringLiteral("http");
}

void TestCliEndpointSafety::foreignEndpointIsRefusedBeforeAnyConnection() {
    QFETCH(QString, command);
    QFETCH(QString, scheme);
    const CliRun run = runCli(commandLine(command, writeWorkspace(scheme)), baseEnv());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    // The message names the account, the host and the remedy.
    QVERIFY2(run.err.contains("shared-team"), run.err.constData());
    QVERIFY2(run.err.contains(m_ip.toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains(QByteArray("mlwatch-cli accounts trust-host " + m_ip.toUtf8())),
             run.err.constData());
    QCOMPARE(connectionsSeen(), 0);
    QVERIFY(!QDir(m_home->filePath(QStringLiteral("review"))).exists()); // nothing written either
}

void TestCliEndpointSafety::trustedHostStillGetsNoCredentialsOverPlainHttp_data() {
    QTest::addColumn<QString>("command");
    QTest::newRow("report") << QStringLiteral("report");
    QTest::newRow("check") << QStringLiteral("check");
}

void TestCliEndpointSafety::trustedHostStillGetsNoCredentialsOverPlainHttp() {
    QFETCH(QString, command);
    const CliRun trusted = accounts(QStringLiteral("trust-host"), m_ip);
    QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
    QVERIFY2(trusted.out.contains(m_ip.toUtf8()), trusted.out.constData());

    const CliRun run = runCli(commandLine(command, writeWorkspace(QStringLiteral("http"))), baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
    // Now the refusal is about plain http off loopback, not about trust.
    QVERIFY2(run.err.contains("plain http") && run.err.contains(m_ip.toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains("shared-team"), run.err.constData());
    QVERIFY2(!run.err.contains("trust-host"), run.err.constData());
    QCOMPARE(connectionsSeen(), 0);
}

void TestCliEndpointSafety::trustedHostOverHttpsIsContacted() {
    // The control: once the person trusted the host, https goes there, and the probe sees it.
    QVERIFY(accounts(QStringLiteral("trust-host"), m_ip).exitCode == 0);
    const CliRun run =
        runCli(commandLine(QStringLiteral("check"), writeWorkspace(QStringLiteral("https"))), baseEnv());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode != 0, run.out.constData()); // the probe speaks no TLS
    QVERIFY(connectionsSeen() > 0);
}

void TestCliEndpointSafety::untrustHostRefusesItAgain() {
    QVERIFY(accounts(QStringLiteral("trust-host"), m_ip).exitCode == 0);
    const CliRun untrusted = accounts(QStringLiteral("untrust-host"), m_ip);
    QVERIFY2(untrusted.exitCode == 0, untrusted.err.constData());
    const CliRun run =
        runCli(commandLine(QStringLiteral("check"), writeWorkspace(QStringLiteral("https"))), baseEnv());
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QVERIFY2(run.err.contains(QByteArray("mlwatch-cli accounts trust-host " + m_ip.toUtf8())),
             run.err.constData());
    QCOMPARE(connectionsSeen(), 0);
}

void TestCliEndpointSafety::trustHostRefusesSomethingThatIsNoHost() {
    const CliRun run = accounts(QStringLiteral("trust-host"), QStringLiteral("https://"));
    QCOMPARE(run.exitCode, exitStatusFor(ErrorCode::BadArgument));
    QCOMPARE(run.errLines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCliEndpointSafety)
#include "tst_cli_endpoint_safety.moc"
