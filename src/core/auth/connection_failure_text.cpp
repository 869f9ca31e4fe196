#include "core/auth/connection_failure_text.h"

#include "core/auth/account_connection_tester.h"
#include "core/providers/aws/aws_retry_policy.h"
#include "core/providers/aws/cloudwatch_response.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace mlwatch {

namespace {

// ARM {"error":{"code","message"}} and Google {"error":{"code":403,"status","message",
// "details":[{"reason"}]}} envelopes: the code/status and the reasons, for the line and matching.
struct CloudError {
    QString code;        // ARM "AuthorizationFailed", Google "PERMISSION_DENIED"
    QString message;     // the cloud's text
    QStringList reasons; // Google ErrorInfo reasons ("SERVICE_DISABLED")
};

CloudError readCloudError(const HttpResponse &response) {
    CloudError out;
    const QJsonObject error =
        QJsonDocument::fromJson(response.body).object().value(QLatin1StringView("error")).toObject();
    const QJsonValue status = error.value(QLatin1StringView("status"));
    out.code = status.isString() ? status.toString() : error.value(QLatin1StringView("code")).toString();
    out.message = error.value(QLatin1StringView("message")).toString();
    const QJsonArray details = error.value(QLatin1StringView("details")).toArray();
    for (const QJsonValue &detail : details) {
        const QString reason = detail.toObject().value(QLatin1StringView("reason")).toString();
        if (!reason.isEmpty())
            out.reasons.append(reason);
    }
    if (out.code.isEmpty())
        out.code = QStringLiteral("HTTP %1").arg(response.status);
    return out;
}

} // namespace

ConnectionCheckLine ConnectionFailureText::aws(const QString &region, const QString &accessKeyHint,
                                               const HttpResponse &response) {
    const std::optional<aws::AwsError> error = aws::parseAwsError(response);
    if (!error) {
        if (response.status >= 500)
            return {
                false, false,
                AccountConnectionTester::tr("CloudWatch in %1 failed with HTTP status %2. Try again later.")
                    .arg(region)
                    .arg(response.status)};
        return {
            false, false,
            AccountConnectionTester::tr(
                "The endpoint for %1 answered HTTP status %2 without an AWS error. Check the endpoint URL.")
                .arg(region)
                .arg(response.status)};
    }
    const QString code = error->code;
    const QString &key = accessKeyHint;
    switch (aws::classifyAwsError(*error)) {
    case aws::FailureKind::Auth:
        if (code.startsWith(QLatin1String("AccessDenied")))
            return {true, false,
                    AccountConnectionTester::tr(
                        "Signed in, but not allowed to call cloudwatch:GetMetricData in %1.")
                        .arg(region)};
        if (code.startsWith(QLatin1String("ExpiredToken")))
            return {
                false, false,
                AccountConnectionTester::tr(
                    "Not signed in (%1): the temporary credentials have expired (%2). Get new ones and store "
                    "them in the Accounts dialog.")
                    .arg(region, code)};
        if (code == QLatin1String("InvalidClientTokenId") ||
            code == QLatin1String("UnrecognizedClientException"))
            return {
                false, false,
                AccountConnectionTester::tr(
                    "Not signed in (%1): AWS does not know the access key %2 (%3). Check the access key id; "
                    "the key may have been deleted or deactivated.")
                    .arg(region, key, code)};
        if (code == QLatin1String("SignatureDoesNotMatch") ||
            code == QLatin1String("InvalidSignatureException"))
            return {false, false,
                    AccountConnectionTester::tr("Not signed in (%1): the secret access key does not belong "
                                                "to the access key %2 (%3). Enter "
                                                "the secret access key again.")
                        .arg(region, key, code)};
        return {false, false,
                AccountConnectionTester::tr("Not signed in (%1): AWS rejected the credentials (%2).")
                    .arg(region, code)};
    case aws::FailureKind::ClockSkew:
        return {
            false, false,
            AccountConnectionTester::tr(
                "Not signed in (%1): AWS says this computer's clock is off (%2). Set the clock automatically "
                "(NTP) and try again.")
                .arg(region, code)};
    case aws::FailureKind::Throttle:
        return {false, false,
                AccountConnectionTester::tr(
                    "CloudWatch in %1 is throttling requests (%2). Test again in a minute.")
                    .arg(region, code)};
    case aws::FailureKind::Transient:
        return {false, false,
                AccountConnectionTester::tr("CloudWatch in %1 failed on the AWS side (%2). Try again later.")
                    .arg(region, code)};
    case aws::FailureKind::Permanent:
        break;
    }
    // Validation errors come after authentication: the credentials were accepted.
    return {true, false,
            AccountConnectionTester::tr("Signed in, but CloudWatch in %1 refused the test call: %2 (%3).")
                .arg(region, error->message, code)};
}

ConnectionCheckLine ConnectionFailureText::azureSubscription(const QString &subscription,
                                                             const QString &tenant,
                                                             const HttpResponse &response) {
    const CloudError error = readCloudError(response);
    switch (response.status) {
    case 403:
        return {
            true, false,
            AccountConnectionTester::tr(
                "Signed in, but not allowed to read subscription %1 (%2). Ask for the Monitoring Reader role "
                "on it.")
                .arg(subscription, error.code)};
    case 404:
        return {
            true, false,
            AccountConnectionTester::tr(
                "Signed in, but subscription %1 was not found (%2). Check the id and that the subscription "
                "belongs to tenant %3.")
                .arg(subscription, error.code, tenant)};
    case 401:
        return {
            true, false,
            AccountConnectionTester::tr(
                "Signed in, but Azure Resource Manager did not accept the token for subscription %1 (%2). "
                "Check that the subscription belongs to tenant %3.")
                .arg(subscription, error.code, tenant)};
    case 429:
        return {
            true, false,
            AccountConnectionTester::tr(
                "Signed in, but Azure Resource Manager is throttling requests (%1). Test again in a minute.")
                .arg(error.code)};
    default:
        return {true, false,
                AccountConnectionTester::tr(
                    "Signed in, but reading subscription %1 failed with HTTP status %2 (%3).")
                    .arg(subscription)
                    .arg(response.status)
                    .arg(error.code)};
    }
}

ConnectionCheckLine ConnectionFailureText::googleProject(const QString &project,
                                                         const HttpResponse &response) {
    const CloudError error = readCloudError(response);
    switch (response.status) {
    case 403:
        if (error.reasons.contains(QLatin1String("SERVICE_DISABLED")) ||
            error.message.contains(QLatin1String("has not been used in project")) ||
            error.message.contains(QLatin1String("it is disabled")))
            return {true, false,
                    AccountConnectionTester::tr(
                        "Signed in, but the Cloud Monitoring API is not enabled in project %1. Enable "
                        "monitoring.googleapis.com in that project.")
                        .arg(project)};
        if (error.message.contains(QLatin1String("quota project"), Qt::CaseInsensitive))
            return {true, false,
                    AccountConnectionTester::tr("Signed in, but Google wants a quota project for these user "
                                                "credentials (project %1). Run "
                                                "\"gcloud auth application-default set-quota-project "
                                                "PROJECT\" and import the file again.")
                        .arg(project)};
        return {true, false,
                AccountConnectionTester::tr("Signed in, but not allowed to read metrics of project %1 (%2). "
                                            "Ask for the Monitoring Viewer "
                                            "role on it.")
                    .arg(project, error.code)};
    case 404:
        return {true, false,
                AccountConnectionTester::tr("Signed in, but project %1 was not found (%2).")
                    .arg(project, error.code)};
    case 401:
        return {true, false,
                AccountConnectionTester::tr(
                    "Signed in, but Cloud Monitoring did not accept the token for project %1 (%2).")
                    .arg(project, error.code)};
    case 429:
        return {true, false,
                AccountConnectionTester::tr(
                    "Signed in, but Cloud Monitoring is throttling requests (%1). Test again in a minute.")
                    .arg(error.code)};
    default:
        return {
            true, false,
            AccountConnectionTester::tr("Signed in, but reading project %1 failed with HTTP status %2 (%3).")
                .arg(project)
                .arg(response.status)
                .arg(error.code)};
    }
}

} // namespace mlwatch
