#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mlwatch::cli {

// The option values of `mlwatch-cli query gcp` that are Google's own, read and checked. Every
// failure is a BadArgument whose message names the option and says what to write instead.
class GcpArguments {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::GcpArguments)
public:
    // What --filter adds to the metric.type clause the provider writes: a resource type (the
    // query's namespace) and label equalities (its dimensions, canonical "metric.labels.X" /
    // "resource.labels.X" names), or the whole expression as one gcp::kUserFilterDimension.
    struct Filter {
        QString resourceType;
        QList<Dimension> labels;
    };

    // --project: a project id ("my-proj"), a project number, or "projects/ID"; "projects/ID" back.
    static Result<QString> project(const QString &text);
    // --metric-type: the full metric type, "aiplatform.googleapis.com/prediction/online/…".
    static Result<QString> metricType(const QString &text);
    // --aligner and --reducer as MetricQuery::stat, "ALIGNER[|REDUCER]" in Google's upper-case
    // names; no aligner is "ALIGN_NONE" (the raw points). A reducer needs an aligner.
    static Result<QString> aggregation(const QString &aligner, const QString &reducer);
    // --period: the alignment period in whole seconds, at least 60 (Google's minimum).
    static Result<int> period(const QString &text);
    // --filter: any Cloud Monitoring filter. Clauses joined by AND, each `resource.type = "T"`,
    // `metric.labels.K = "V"` or `resource.labels.K = "V"` (values quoted, '\' escaping '"' and
    // '\'), become the query's namespace and label equalities (so --group-by can check them);
    // in such a list, metric.type, a label given twice or a "*" value are refused with what to
    // write instead. Anything else (OR, NOT, parentheses, !=, starts_with(), one_of() …) is kept
    // as written in `labels` as the gcp::kUserFilterDimension, which the provider ANDs in
    // parentheses to the metric type: Google judges it (400 INVALID_ARGUMENT when it cannot).
    static Result<Filter> filter(const QString &text);
    // --group-by: label names ("resource.labels.endpoint_id"), each kept as a split ('*').
    static Result<QList<Dimension>> groupBy(const QStringList &fields, const QList<Dimension> &filtered);

private:
    // `trimmed` read as AND-joined equalities. On failure *sendAsIs is false when the text is such
    // a list with a mistake in it (the Error says so), true when it is some other filter.
    static Result<Filter> equalities(const QString &trimmed, bool *sendAsIs);
};

} // namespace mlwatch::cli
