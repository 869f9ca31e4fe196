#pragma once

#include "core/providers/aws/cloudwatch_response.h"

#include <QStringView>

#include <optional>

// The query protocol's XML answers (cloud-apis.md §1.4–1.6), read with QXmlStreamReader:
// element order does not matter, text nodes are trimmed (moto indents them), unknown elements
// are skipped. Internal to the AWS provider: callers use cloudwatch_response.h, which also
// checks the results' Id and Timestamps/Values pairing for both protocols.
namespace mlwatch::aws {

Result<GetMetricDataPage> parseQueryGetMetricData(const QByteArray &body);
Result<ListMetricsPage> parseQueryListMetrics(const QByteArray &body);

// Fills code and message from <Error><Code/><Message/></Error>, found under <ErrorResponse>,
// <Response><Errors> or <Errors>. False when the body has no such element with a code.
bool readQueryError(const QByteArray &body, AwsError &out);

// "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM|±HHMM)" → UTC ms since the epoch; nullopt for anything
// else, including a time without a zone. Surrounding whitespace is ignored.
std::optional<qint64> parseIso8601Ms(QStringView text);

} // namespace mlwatch::aws
