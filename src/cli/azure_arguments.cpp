#include "cli/azure_arguments.h"

#include "cli/cli_error.h"
#include "core/providers/azure/azure_metrics_request.h"

#include <QStringList>

#include <optional>

namespace mlwatch::cli {

namespace {

// The segments of an ARM id and where its last "providers" segment is; nullopt when the id is
// not "/subscriptions/{sub}/…/providers/{Namespace}/{type}/{name}[/{type}/{name}]…".
struct ArmId {
    QStringList segments;
    qsizetype providers = -1;
};

std::optional<ArmId> splitArmId(const QString &id) {
    // Characters that would leave the URL path, and empty segments, are not part of any ARM id.
    if (!id.startsWith(QLatin1Char('/')) || id.contains(QLatin1String("//")) ||
        id.contains(QLatin1Char('?')) || id.contains(QLatin1Char('#')) || id.contains(QLatin1Char('\\')))
        return std::nullopt;
    ArmId arm;
    arm.segments = id.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (arm.segments.size() < 2 ||
        arm.segments.first().compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    for (qsizetype i = arm.segments.size() - 1; i >= 0; --i) {
        if (arm.segments.at(i).compare(QLatin1String("providers"), Qt::CaseInsensitive) == 0) {
            arm.providers = i;
            break;
        }
    }
    // After "providers": the namespace ("Microsoft.X"), then type/name pairs, at least one.
    const qsizetype rest = arm.segments.size() - arm.providers - 2;
    if (arm.providers < 2 || rest < 2 || rest % 2 != 0 ||
        !arm.segments.at(arm.providers + 1).contains(QLatin1Char('.')))
        return std::nullopt;
    return arm;
}

} // namespace

Result<QString> AzureArguments::resource(const QString &text) {
    QString id = text.trimmed();
    while (id.size() > 1 && id.endsWith(QLatin1Char('/')))
        id.chop(1);
    if (id.isEmpty())
        return badArgument(
            tr("Missing --resource RESOURCE_ID (the full ARM id, e.g. /subscriptions/…/"
               "providers/Microsoft.MachineLearningServices/workspaces/WS/onlineEndpoints/EP)."));
    if (!splitArmId(id))
        return badArgument(tr("--resource \"%1\" is not an ARM resource id: write it as /subscriptions/SUB/"
                              "resourceGroups/RG/providers/Microsoft.NAMESPACE/TYPE/NAME (the id the Azure "
                              "portal shows under \"JSON View\").")
                               .arg(id));
    return id;
}

QString AzureArguments::resourceType(const QString &resourceId) {
    const std::optional<ArmId> arm = splitArmId(resourceId);
    if (!arm)
        return QString();
    QStringList type{arm->segments.at(arm->providers + 1)};
    for (qsizetype i = arm->providers + 2; i < arm->segments.size(); i += 2)
        type.append(arm->segments.at(i));
    return type.join(QLatin1Char('/'));
}

Result<QString> AzureArguments::aggregation(const QString &text) {
    // Azure's five only: CloudWatch's "Sum" or "p99" would be guesses here.
    static const QStringList kAggregations{QStringLiteral("Average"), QStringLiteral("Minimum"),
                                           QStringLiteral("Maximum"), QStringLiteral("Total"),
                                           QStringLiteral("Count")};
    for (const QString &a : kAggregations)
        if (a.compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return a;
    return badArgument(tr("--aggregation \"%1\" is not an Azure Monitor aggregation: use Average, Minimum, "
                          "Maximum, Total or Count.")
                           .arg(text));
}

Result<int> AzureArguments::interval(const QString &text) {
    const std::optional<int> seconds = azure::parseIsoDuration(text);
    // Azure answers any other grain with a 400 (cloud-apis.md §4.18): refused here, before any call.
    if (!seconds || azure::supportedIntervalSeconds(*seconds) != *seconds)
        return badArgument(tr("--interval \"%1\" is not a time grain Azure Monitor accepts: use PT1M, PT5M, "
                              "PT15M, PT30M, PT1H, PT6H, PT12H or P1D.")
                               .arg(text));
    return *seconds;
}

Result<QList<Dimension>> AzureArguments::filter(const QString &text) {
    Result<QList<Dimension>> dimensions = azure::parseFilterExpression(text);
    if (!dimensions)
        return badArgument(QStringLiteral("--filter: ") + dimensions.error().message);
    if (dimensions->isEmpty())
        return badArgument(tr("--filter is empty: write name eq 'value', or leave the option out."));
    for (qsizetype i = 0; i < dimensions->size(); ++i)
        for (qsizetype j = 0; j < i; ++j)
            if (dimensions->at(i).name.compare(dimensions->at(j).name, Qt::CaseInsensitive) == 0)
                return badArgument(tr("--filter names the dimension %1 twice: MLWatch charts one value (or "
                                      "'*') per dimension.")
                                       .arg(dimensions->at(i).name));
    return dimensions;
}

} // namespace mlwatch::cli
