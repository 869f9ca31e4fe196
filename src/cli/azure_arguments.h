#pragma once

#include "core/common/result.h"
#include "core/model/metric_query.h"

#include <QCoreApplication>
#include <QString>

namespace mlwatch::cli {

// The option values of `mlwatch-cli query azure` that are Azure's own, read and checked. Every
// failure is a BadArgument whose message names the option and says what to write instead.
class AzureArguments {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::AzureArguments)
public:
    // --resource: a full ARM id, "/subscriptions/{sub}/resourceGroups/{rg}/providers/
    // {Namespace}/{type}/{name}[/{type}/{name}]…"; trailing slashes dropped.
    static Result<QString> resource(const QString &text);
    // The resource type of an ARM id ("Microsoft.MachineLearningServices/workspaces/
    // onlineEndpoints"): Azure's default metric namespace for it. Empty when `resourceId` is not
    // one resource() accepts.
    static QString resourceType(const QString &resourceId);
    // --aggregation: Average, Minimum, Maximum, Total or Count, in any capitalisation.
    static Result<QString> aggregation(const QString &text);
    // --interval: an ISO 8601 duration Azure Monitor accepts as a time grain (PT1M, PT5M,
    // PT15M, PT30M, PT1H, PT6H, PT12H, P1D; "PT60M" is PT1H), in seconds.
    static Result<int> interval(const QString &text);
    // --filter: OData equalities joined by "and" ("statusCodeClass eq '*' and deployment eq
    // 'blue'"); '*' splits the answer into one series per value of that dimension.
    static Result<QList<Dimension>> filter(const QString &text);
};

} // namespace mlwatch::cli
