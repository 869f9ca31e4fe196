#pragma once

#include "core/catalog/chart_spec.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace mlwatch {

// The JSON form of one chart in a workspace file (docs/workspace-format.md, "Charts"):
//   {"id":…, "stage":"training", "title":…, "resource":…, "account":…, "cloud":…, "unit":"Percent",
//    "instanceType":…,
//    "series":[{"legend":…, "query":{"namespace":…, "metric":…, "dimensions":{…}, "stat":…,
//               "period":60, "resource":…, "account":…},
//               "derivation":"rate-per-second", "inputs":[{query}…]}],   (derived series only)
//    "thresholds":[{"value":80, "level":"warning"}], "explanation":…}
// Not written: accountLabel (the session names accounts) and missingReason (this machine's view).
// Dimensions are written as an object, so they read back sorted by name (CloudWatch and the
// other clouds match dimension sets, never their order).
struct ChartSpecJson {
    static QJsonObject toJson(const ChartSpec &chart);
    // Errors are ErrorCode::BadArgument naming the member under `path` ("charts[3]"):
    // "charts[3].series[0].query.metric: is required." A member that looks like a secret is
    // refused (its value never read), as everywhere in a workspace.
    static Result<ChartSpec> fromJson(const QJsonValue &value, const QString &path);
};

// Member names that would hold a secret ("secretAccessKey", "sessionToken", "password", "apiKey",
// …). A workspace is shared and committed to repositories: such a member is refused.
bool looksLikeSecretMember(const QString &key);

} // namespace mlwatch
