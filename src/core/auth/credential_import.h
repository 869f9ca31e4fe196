#pragma once

#include "core/auth/account.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace mlwatch {

// One thing found on this machine that could become an account, for the import preview
// (GUI) and `mlwatch-cli accounts import`. A candidate that cannot be imported still appears,
// with the reason, so nothing is silently skipped.
struct ImportCandidate {
    Account account;      // id proposed from the profile / source ("default", "prod", "azure-env" …)
    AccountSecret secret; // empty unless importable
    QString origin; // for people, never a secret: "~/.aws/credentials, profile “prod”", "AZURE_* variables"
    bool importable = false;
    QString reason; // translated; why not importable ("uses AWS SSO (sso_start_url), which MLWatch does not
                    // support yet")
};

// Problems met while reading, reported beside the candidates; one bad file or section does not
// stop the rest. The message names the file and the line or field, never the content.
struct ImportScan {
    QList<ImportCandidate> candidates;
    QStringList problems; // translated, e.g. "/home/u/.aws/credentials, line 7: expected …"
};

// AWS: the AWS_* variables (one candidate "aws-env" when AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is
// set; half a pair is listed as not importable), then every
// profile of the shared credentials and config files (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE
// or ~/.aws/…; `home` is "~"). Static keys (with optional aws_session_token and its
// expiration/aws_expiration) are importable; profiles with sso_*, credential_process, role_arn,
// web_identity_token_file or source_profile are listed as not importable with the key that makes
// them so (in botocore's order: role_arn, web identity and sso_* win over static keys; static keys
// in the credentials file win over credential_process, as the AWS CLI uses them). Ids are the
// profile names made valid and unique within the scan. Region from the profile (or AWS_REGION /
// AWS_DEFAULT_REGION for the environment). A malformed line is a problem; the sections before and
// after it still import.
ImportScan scanAwsCredentials(const QProcessEnvironment &env, const QString &home);

// Azure: AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET (+ AZURE_SUBSCRIPTION_ID,
// AZURE_AUTHORITY_HOST). Some but not all of the three is a not-importable candidate naming the
// missing variables; none of them is an empty scan.
ImportScan scanAzureEnvironment(const QProcessEnvironment &env);

// Google Cloud: `keyFile` when given, else GOOGLE_APPLICATION_CREDENTIALS, else the gcloud ADC file
// (CLOUDSDK_CONFIG or ~/.config/gcloud, application_default_credentials.json). A service-account
// key (type, project_id, private_key, client_email, token_uri) or an authorized-user file
// (type, client_id, client_secret, refresh_token, quota_project_id) is importable; other types
// (external_account, impersonated_service_account …) are listed with the reason. A malformed
// file is a problem naming the file and the JSON error offset or the missing/mistyped field.
ImportScan scanGoogleCredentials(const QProcessEnvironment &env, const QString &home,
                                 const QString &keyFile = QString());

} // namespace mlwatch
