#include "core/providers/gcp/gcp_error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mlwatch::gcp {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("mlwatch::gcp", text);
}
QString tr(const char *text, const char *disambiguation, int n) {
    return QCoreApplication::translate("mlwatch::gcp", text, disambiguation, n);
}

// The projects of gcloud's own OAuth clients. A SERVICE_DISABLED naming one of them as consumer
// means user credentials without a quota project: Google charged the call to gcloud's project
// (cloud-apis.md §4.29).
bool isGcloudClientProject(const QString &consumer) {
    return consumer == QLatin1String("projects/764086051850") ||
           consumer == QLatin1String("projects/32555940559");
}

QString withoutProjectsPrefix(QString name) {
    if (name.startsWith(QLatin1String("projects/")))
        name = name.mid(int(qstrlen("projects/")));
    return name.section(QLatin1Char('/'), 0, 0);
}

// The predefined role that grants a permission, named for people.
QString roleFor(const QString &permission) {
    if (permission.startsWith(QLatin1String("monitoring.")))
        return tr("Monitoring Viewer (roles/monitoring.viewer)");
    if (permission.startsWith(QLatin1String("aiplatform.")))
        return tr("Vertex AI Viewer (roles/aiplatform.viewer)");
    if (permission.startsWith(QLatin1String("serviceusage.")))
        return tr("Service Usage Consumer (roles/serviceusage.serviceUsageConsumer)");
    return tr("a role that includes it");
}

Error forbidden(const GcpError &google, const GcpCallDescription &what, const QString &detail) {
    const QString &account = what.account;
    const QString project = google.metadata.contains(QStringLiteral("resource"))
                                ? withoutProjectsPrefix(google.metadata.value(QStringLiteral("resource")))
                                : what.project;
    const QString consumer = google.metadata.value(QStringLiteral("consumer"));
    if (google.reason == QLatin1String("SERVICE_DISABLED") ||
        google.message.contains(QLatin1String("has not been used in project")) ||
        google.message.contains(QLatin1String("quota project"))) {
        if (isGcloudClientProject(consumer) || google.message.contains(QLatin1String("quota project")))
            return {ErrorCode::AuthRejected,
                    tr("%1: Google refused %2 because the credentials have no quota project (user "
                       "credentials are billed to a project of your own). Run \"gcloud auth "
                       "application-default set-quota-project %3\" and import the file again, or set the "
                       "account's quota project.")
                        .arg(account, what.call, what.project),
                    detail};
        const QString service = google.metadata.value(QStringLiteral("service"));
        const QString title = google.metadata.value(QStringLiteral("serviceTitle"), service);
        const QString inProject = consumer.isEmpty() ? what.project : withoutProjectsPrefix(consumer);
        const QString url = google.metadata.value(QStringLiteral("activationUrl"));
        return {ErrorCode::AuthRejected,
                tr("%1: %2 was refused: the %3 is not enabled in project %4. Enable it (\"gcloud services "
                   "enable %5 --project %4\"%6) and try again a few minutes later.")
                    .arg(account, what.call, title.isEmpty() ? tr("API") : title, inProject,
                         service.isEmpty() ? QStringLiteral("monitoring.googleapis.com") : service,
                         url.isEmpty() ? QString() : tr(" or open %1").arg(url)),
                detail};
    }
    if (google.reason == QLatin1String("USER_PROJECT_DENIED"))
        return {ErrorCode::AuthRejected,
                tr("%1: Google refused %2: the caller may not bill quota project %3. Grant it Service Usage "
                   "Consumer (roles/serviceusage.serviceUsageConsumer) on that project or use another "
                   "quota project.")
                    .arg(account, what.call, withoutProjectsPrefix(consumer)),
                detail};
    if (google.reason == QLatin1String("ACCESS_TOKEN_SCOPE_INSUFFICIENT") ||
        google.message.contains(QLatin1String("insufficient authentication scopes"), Qt::CaseInsensitive))
        return {ErrorCode::AuthRejected,
                tr("%1: the access token lacks the OAuth scope %2 needs (%3). Sign in with that scope.")
                    .arg(account, what.call,
                         what.listing ? QStringLiteral("https://www.googleapis.com/auth/cloud-platform")
                                      : QStringLiteral("https://www.googleapis.com/auth/monitoring.read")),
                detail};
    QString permission = google.permission();
    if (permission.isEmpty())
        permission = what.listing ? QStringLiteral("aiplatform.endpoints.list")
                                  : QStringLiteral("monitoring.timeSeries.list");
    return {ErrorCode::AuthRejected,
            tr("%1: signed in, but %2 was refused in project %3: the permission %4 is missing. Grant the "
               "account %5 on the project.")
                .arg(account, what.call, project, permission, roleFor(permission)),
            detail};
}

} // namespace

QString GcpError::permission() const {
    const QString fromMetadata = metadata.value(QStringLiteral("permission"));
    if (!fromMetadata.isEmpty())
        return fromMetadata;
    // "Permission monitoring.timeSeries.list denied (or the resource may not exist)."
    // "Permission 'aiplatform.endpoints.list' denied on resource '//aiplatform.googleapis.com/…'"
    static const QRegularExpression re(QStringLiteral("Permission '?([A-Za-z0-9_.]+)'? denied"));
    const QRegularExpressionMatch m = re.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

std::optional<GcpError> parseGcpError(const HttpResponse &response) {
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue error = doc.object().value(QLatin1String("error"));
    if (!error.isObject())
        return std::nullopt;
    const QJsonObject e = error.toObject();
    GcpError out;
    out.httpStatus = response.status;
    out.code = e.value(QLatin1String("code")).toInt();
    out.status = e.value(QLatin1String("status")).toString();
    out.message = e.value(QLatin1String("message")).toString();
    for (const QJsonValue &detail : e.value(QLatin1String("details")).toArray()) {
        const QJsonObject d = detail.toObject();
        if (!d.value(QLatin1String("@type")).toString().endsWith(QLatin1String("google.rpc.ErrorInfo")))
            continue;
        out.reason = d.value(QLatin1String("reason")).toString();
        out.domain = d.value(QLatin1String("domain")).toString();
        const QJsonObject metadata = d.value(QLatin1String("metadata")).toObject();
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
            out.metadata.insert(it.key(), it.value().toString());
        break;
    }
    if (out.status.isEmpty() && out.message.isEmpty() && out.code == 0)
        return std::nullopt;
    return out;
}

bool isResourceExhausted(const HttpResponse &response) {
    if (response.status == 429)
        return true;
    const std::optional<GcpError> google = parseGcpError(response);
    return google && google->status == QLatin1String("RESOURCE_EXHAUSTED");
}

Error gcpHttpError(const HttpResponse &response, const GcpCallDescription &what, int attempts,
                   qint64 maxWaitSeconds) {
    const std::optional<GcpError> google = parseGcpError(response);
    const QString status =
        google && !google->status.isEmpty() ? google->status : QStringLiteral("HTTP %1").arg(response.status);
    const QString message = google ? google->message : QString();
    QString detail = QStringLiteral("HTTP %1 %2").arg(response.status).arg(status);
    if (google && !google->reason.isEmpty())
        detail += QLatin1Char(' ') + google->reason;
    if (!message.isEmpty())
        detail += QStringLiteral(": ") + message;
    const QString &account = what.account;

    if (isResourceExhausted(response)) {
        const QString quotaMetric =
            google ? google->metadata.value(QStringLiteral("quota_metric")) : QString();
        bool numeric = false;
        const qint64 asked = response.header("Retry-After").trimmed().toLongLong(&numeric);
        if (numeric && maxWaitSeconds > 0 && asked > maxWaitSeconds)
            return {
                ErrorCode::Throttled,
                tr("%1: %2 is over Google's quota (RESOURCE_EXHAUSTED), and Google asked to wait %3 s: "
                   "longer than the %4 s MLWatch waits for one call. Try again later, refresh less often or "
                   "chart fewer series.")
                    .arg(account, what.call)
                    .arg(asked)
                    .arg(maxWaitSeconds),
                detail};
        return {
            ErrorCode::Throttled,
            tr("%1: %2 is over Google's quota (RESOURCE_EXHAUSTED%3) even after %n attempts. Refresh less "
               "often or chart fewer series, or ask for a higher quota, then try again.",
               nullptr, attempts)
                .arg(account, what.call,
                     quotaMetric.isEmpty() ? QString() : QStringLiteral(", ") + quotaMetric),
            detail};
    }
    switch (response.status) {
    case 401:
        return {
            ErrorCode::AuthRejected,
            tr("%1: Google rejected the access token for %2, even a freshly fetched one (UNAUTHENTICATED). "
               "Import the key file again (it may have been deleted or disabled) or, for user credentials, "
               "run \"gcloud auth application-default login\" again.")
                .arg(account, what.call),
            detail};
    case 403:
        if (google)
            return forbidden(*google, what, detail);
        return {ErrorCode::AuthRejected,
                tr("%1: Google refused %2 (HTTP 403). Check that the account may read project %3.")
                    .arg(account, what.call, what.project),
                detail};
    case 404:
        return {
            ErrorCode::ServiceError,
            tr("%1: %2: not found (%3). Check the project id %4 and the location; the resource may have been "
               "deleted.")
                .arg(account, what.call, message.isEmpty() ? status : message, what.project),
            detail};
    default:
        break;
    }
    if (response.status == 400 && google)
        return {ErrorCode::BadArgument,
                tr("%1: Google refused %2 as invalid: %3")
                    .arg(account, what.call, message.isEmpty() ? status : message),
                detail};
    if (response.status >= 500)
        return {
            ErrorCode::ServiceError,
            tr("%1: %2 failed on Google's side (%3) after %n attempts. Try again later.", nullptr, attempts)
                .arg(account, what.call, status),
            detail};
    if (google)
        return {ErrorCode::ServiceError,
                tr("%1: Google refused %2: %3 (%4).").arg(account, what.call, message, status), detail};
    return {ErrorCode::BadResponse,
            tr("%1: %2 failed with HTTP status %3 and no Google error details.")
                .arg(account, what.call)
                .arg(response.status),
            detail};
}

} // namespace mlwatch::gcp
