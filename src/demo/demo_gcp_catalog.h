#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mlwatch::demo {

enum class DemoGcpKind { Gauge, Delta, Cumulative };
enum class DemoGcpValueType { Int64, Double, Distribution };

// A distribution's exponentialBuckets: numFiniteBuckets finite buckets, bucket i (1…N) is
// [scale·g^(i-1), scale·g^i); bucket 0 is the underflow (< scale), bucket N+1 the overflow.
struct DemoGcpBuckets {
    int numFiniteBuckets = 0;
    double growthFactor = 2.0;
    double scale = 1.0;

    int count() const { return numFiniteBuckets + 2; }
    double lowerBound(int bucket) const; // -inf for the underflow bucket
    double upperBound(int bucket) const; // +inf for the overflow bucket
};

// One Google Cloud metric type the simulated project publishes. Only types listed in
// cloud-apis.md §3.4 appear; kind, value type and unit are the reference's where it gives them
// (see the comments in demo_gcp_catalog.cpp for the ones it leaves open).
struct DemoGcpMetricType {
    QString type;         // "aiplatform.googleapis.com/prediction/online/prediction_count"
    QString resourceType; // the monitored resource written against: "aiplatform.googleapis.com/Endpoint"
    DemoGcpKind kind = DemoGcpKind::Gauge;
    DemoGcpValueType valueType = DemoGcpValueType::Double;
    QString unit;       // UCUM as Google writes it: "1", "By", "ms", "s", "10^2.%", "GBy.s"
    QStringList labels; // metric label keys
    QString displayName;
    QString description;
    DemoGcpBuckets buckets; // distributions only
};

// The simulated project's metric descriptors (projects.metricDescriptors.list answers them).
class DemoGcpCatalog {
public:
    static const QList<DemoGcpMetricType> &all();
    static const DemoGcpMetricType *find(const QString &type); // nullptr when unknown

    static QString kindName(DemoGcpKind kind);                // "GAUGE", "DELTA", "CUMULATIVE"
    static QString valueTypeName(DemoGcpValueType valueType); // "INT64", "DOUBLE", "DISTRIBUTION"
    // The MetricDescriptor JSON (name "projects/{project}/metricDescriptors/{type}").
    static QJsonObject descriptor(const DemoGcpMetricType &type, const QString &project);
    // {"exponentialBuckets":{…}} as distributionValue.bucketOptions.
    static QJsonObject bucketOptions(const DemoGcpBuckets &buckets);
};

} // namespace mlwatch::demo
