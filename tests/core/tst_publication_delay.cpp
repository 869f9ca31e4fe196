// Pins the "not yet published" window of each cloud (publication_delay.h): one period for the
// bucket still filling plus the cloud's ingest latency, with the figures of the reference
// (anchors.md §4.4/§5, cloud-apis.md §4 pitfall 28).
#include "core/model/publication_delay.h"

#include <QTest>

using namespace mlwatch;

class TestPublicationDelay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void delayPerCloud_data();
    void delayPerCloud();
    void serviceNamePerCloud_data();
    void serviceNamePerCloud();
};

void TestPublicationDelay::delayPerCloud_data() {
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<int>("periodSeconds");
    QTest::addColumn<int>("delaySeconds");

    QTest::newRow("CloudWatch 1-minute metrics: 2 min") << "aws" << 60 << 120;
    QTest::newRow("CloudWatch 5-minute metrics: the open bucket + 1 min") << "aws" << 300 << 360;
    QTest::newRow("CloudWatch daily metrics: the whole day still open") << "aws" << 86400 << 86460;
    QTest::newRow("empty cloud is CloudWatch (ChartSpec default)") << "" << 60 << 120;
    QTest::newRow("Azure Monitor at a 1-minute grain: 5 min") << "azure" << 60 << 300;
    QTest::newRow("Azure Monitor at 5 minutes: 9 min") << "azure" << 300 << 540;
    QTest::newRow("Cloud Monitoring at 60 s alignment: 6 min (Vertex)") << "gcp" << 60 << 360;
    QTest::newRow("Cloud Monitoring at 5 minutes: 10 min") << "gcp" << 300 << 600;
    QTest::newRow("unknown cloud gets the longest latency") << "oci" << 60 << 360;
    QTest::newRow("a period of 0 counts as a minute") << "aws" << 0 << 120;
}

void TestPublicationDelay::delayPerCloud() {
    QFETCH(QString, cloud);
    QFETCH(int, periodSeconds);
    QFETCH(int, delaySeconds);
    QCOMPARE(PublicationDelay::seconds(cloud, periodSeconds), delaySeconds);
}

void TestPublicationDelay::serviceNamePerCloud_data() {
    QTest::addColumn<QString>("cloud");
    QTest::addColumn<QString>("service");
    QTest::newRow("aws") << "aws"
                         << "CloudWatch";
    QTest::newRow("empty is aws") << ""
                                  << "CloudWatch";
    QTest::newRow("azure") << "azure"
                           << "Azure Monitor";
    QTest::newRow("gcp") << "gcp"
                         << "Cloud Monitoring";
    QTest::newRow("unknown keeps its id") << "oci"
                                          << "oci";
}

void TestPublicationDelay::serviceNamePerCloud() {
    QFETCH(QString, cloud);
    QFETCH(QString, service);
    QCOMPARE(PublicationDelay::serviceName(cloud), service);
}

QTEST_GUILESS_MAIN(TestPublicationDelay)
#include "tst_publication_delay.moc"
