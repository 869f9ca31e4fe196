// ProviderRouter: queries go to the provider of their account, one merged report comes back
// once every provider answered, and a query for an account the router does not know is an
// error naming it.
#include "../support/fake_provider.h"
#include "core/session/provider_router.h"

#include <QTest>

#include <optional>

using namespace mlwatch;

namespace {

MetricQuery query(const QString &account, const QString &metric) {
    MetricQuery q;
    q.namespaceName = QStringLiteral("ns");
    q.metricName = metric;
    q.account = account;
    if (!account.isEmpty())
        q.resource = QStringLiteral("/subscriptions/s/r/") + metric;
    return q;
}

QStringList metricsOf(const QList<MetricQuery> &queries) {
    QStringList out;
    for (const MetricQuery &q : queries)
        out.append(q.metricName);
    return out;
}

const TimeRange kRange{1'000'000, 4'600'000};

// Says which provider was asked to discover.
class LabelledProvider final : public MetricProvider {
public:
    explicit LabelledProvider(QString label)
        : m_label(std::move(label)) {}
    QString accountLabel() const override { return m_label; }
    void fetch(const QList<MetricQuery> &, const TimeRange &,
               std::function<void(FetchReport)> done) override {
        done({});
    }
    void discover(const QStringList &, std::function<void(Result<QList<MetricDescriptor>>)> done) override {
        ++discoveries;
        done(QList<MetricDescriptor>{});
    }
    void cancelAll() override {}
    int discoveries = 0;

private:
    QString m_label;
};

} // namespace

class TstProviderRouter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queriesGoToTheirAccountsProvider() {
        test::FakeProvider aws, azure;
        ProviderRouter router;
        router.addProvider(QString(), &aws);
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        std::optional<FetchReport> report;
        router.fetch({query({}, QStringLiteral("Invocations")),
                      query(QStringLiteral("demo-azure"), QStringLiteral("A")),
                      query({}, QStringLiteral("ModelLatency")),
                      query(QStringLiteral("demo-azure"), QStringLiteral("B"))},
                     kRange, [&](FetchReport r) { report = std::move(r); });
        QCOMPARE(aws.requests.size(), 1);
        QCOMPARE(azure.requests.size(), 1);
        QCOMPARE(metricsOf(aws.requests.first().queries),
                 (QStringList{QStringLiteral("Invocations"), QStringLiteral("ModelLatency")}));
        QCOMPARE(metricsOf(azure.requests.first().queries),
                 (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(azure.requests.first().range.startMs, kRange.startMs);
        QVERIFY(!report); // not before every provider answered
    }

    void oneMergedReportOnceEveryProviderAnswered_data() {
        QTest::addColumn<bool>("azureFirst");
        QTest::newRow("AWS answers first") << false;
        QTest::newRow("Azure answers first") << true;
    }

    void oneMergedReportOnceEveryProviderAnswered() {
        QFETCH(bool, azureFirst);
        test::FakeProvider aws, azure;
        ProviderRouter router;
        router.addProvider(QString(), &aws);
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        int reports = 0;
        FetchReport report;
        router.fetch({query({}, QStringLiteral("Invocations")),
                      query(QStringLiteral("demo-azure"), QStringLiteral("A"))},
                     kRange, [&](FetchReport r) {
                         ++reports;
                         report = std::move(r);
                     });
        const Error throttled{ErrorCode::Throttled, QStringLiteral("Demo Azure: throttled"), QString()};
        (azureFirst ? azure : aws).answerNext(azureFirst ? QList<Error>{throttled} : QList<Error>{});
        QCOMPARE(reports, 0);
        (azureFirst ? aws : azure).answerNext(azureFirst ? QList<Error>{} : QList<Error>{throttled});
        QCOMPARE(reports, 1);
        // Series of both, in the order the providers were added; every error kept.
        QCOMPARE(report.series.size(), 2);
        QCOMPARE(report.series.at(0).seriesKey, query({}, QStringLiteral("Invocations")).seriesKey());
        QCOMPARE(report.series.at(1).seriesKey,
                 query(QStringLiteral("demo-azure"), QStringLiteral("A")).seriesKey());
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors.first().message, throttled.message);
    }

    void onlyProvidersWithQueriesAreAsked() {
        test::FakeProvider aws, azure;
        ProviderRouter router;
        router.addProvider(QString(), &aws);
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        int reports = 0;
        router.fetch({query({}, QStringLiteral("Invocations"))}, kRange, [&](FetchReport) { ++reports; });
        QCOMPARE(azure.requests.size(), 0);
        aws.answerNext();
        QCOMPARE(reports, 1);
    }

    void unknownAccountIsAnErrorNamingIt_data() {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("named");
        QTest::newRow("an Azure account not in the session")
            << QStringLiteral("azure-gone") << QStringLiteral("azure-gone");
        QTest::newRow("no primary AWS account") << QString() << QStringLiteral("AWS");
    }

    void unknownAccountIsAnErrorNamingIt() {
        QFETCH(QString, account);
        QFETCH(QString, named);
        test::FakeProvider azure;
        ProviderRouter router;
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        std::optional<FetchReport> report;
        router.fetch({query(account, QStringLiteral("X")), query(account, QStringLiteral("Y"))}, kRange,
                     [&](FetchReport r) { report = std::move(r); });
        QVERIFY(report); // nobody to wait for
        QCOMPARE(azure.requests.size(), 0);
        QCOMPARE(report->errors.size(), 1); // once per account, not per query
        QCOMPARE(report->errors.first().code, ErrorCode::BadArgument);
        QVERIFY2(report->errors.first().message.contains(named), qPrintable(report->errors.first().message));
    }

    void cancelAllCancelsEveryProviderAndReportsOnce() {
        test::FakeProvider aws, azure;
        ProviderRouter router;
        router.addProvider(QString(), &aws);
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        int reports = 0;
        FetchReport report;
        router.fetch(
            {query({}, QStringLiteral("I")), query(QStringLiteral("demo-azure"), QStringLiteral("A"))},
            kRange, [&](FetchReport r) {
                ++reports;
                report = std::move(r);
            });
        router.cancelAll();
        QCOMPARE(aws.cancelCount, 1);
        QCOMPARE(azure.cancelCount, 1);
        QCOMPARE(reports, 1);
        QCOMPARE(report.errors.size(), 2);
        QCOMPARE(report.errors.first().code, ErrorCode::Cancelled);
    }

    void labelsAndDiscoveryGoToThePrimary() {
        LabelledProvider aws(QStringLiteral("AWS demo")), azure(QStringLiteral("Azure demo"));
        ProviderRouter router;
        router.addProvider(QStringLiteral("demo-azure"), &azure);
        router.addProvider(QString(), &aws);
        QCOMPARE(router.accountIds(), (QStringList{QStringLiteral("demo-azure"), QString()}));
        QCOMPARE(router.providerFor(QString()), &aws);
        QCOMPARE(router.providerFor(QStringLiteral("nobody")), nullptr);
        QCOMPARE(router.accountLabel(), QStringLiteral("Azure demo, AWS demo"));
        router.discover({}, [](Result<QList<MetricDescriptor>>) {});
        QCOMPARE(aws.discoveries, 1);
        QCOMPARE(azure.discoveries, 0);
    }
};

QTEST_GUILESS_MAIN(TstProviderRouter)
#include "tst_provider_router.moc"
