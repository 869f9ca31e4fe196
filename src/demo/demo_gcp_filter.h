#pragma once

#include "demo/demo_gcp_wire.h"

#include <functional>
#include <memory>

namespace mlwatch::demo {

// A Cloud Monitoring filter (cloud-apis.md §3.2), parsed and matched against one time series or
// metric descriptor. Supported:
//  - comparisons FIELD = VALUE, FIELD != VALUE and FIELD : VALUE (has-substring), where FIELD is
//    metric.type, resource.type, project, metric.labels.KEY / metric.label.KEY or
//    resource.labels.KEY / resource.label.KEY (both spellings appear in Google's and Grafana's
//    code; they are the same field), and VALUE is a double-quoted string (backslash escapes), a
//    bare word (123, true, us-central1) or one of the functions starts_with("…"),
//    ends_with("…"), has_substring("…"), one_of("a", "b", …) and
//    monitoring.regex.full_match("…");
//  - AND, OR, NOT and parentheses. As in Google's filter language OR binds tighter than AND
//    ("a AND b OR c" is "a AND (b OR c)"), and comparisons side by side are ANDed.
// Label values compare case-sensitively. A comparison on a label the series does not have is
// false (and != is true).
class DemoGcpFilter {
public:
    // The value of a field of the thing being matched ("metric.labels.x" spelled with "labels"),
    // nullopt when it has no such field.
    using Lookup = std::function<std::optional<QString>(const QString &field)>;

    // INVALID_ARGUMENT "Field <fieldName> had an invalid value of "<text>": …" when malformed.
    static DemoGcpOutcome<DemoGcpFilter> parse(const QString &text,
                                               const QString &fieldName = QStringLiteral("filter"));

    bool matches(const Lookup &lookup) const;

    // The values of top-level (ANDed) `metric.type = "literal"` comparisons, and how many
    // comparisons name metric.type anywhere: timeSeries.list wants exactly one of each.
    QStringList metricTypeEqualities() const;
    int metricTypeReferences() const;
    bool isEmpty() const { return !m_root; }

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

} // namespace mlwatch::demo
