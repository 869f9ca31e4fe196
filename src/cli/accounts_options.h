#pragma once

#include "core/auth/account.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace mlwatch::cli {

// `mlwatch-cli accounts …` as values:
//   accounts list [--format text|json]
//   accounts import aws [--profile NAME] [--id ID] [--region R]... [--label TEXT]
//   accounts import azure [--id ID] [--subscription ID]... [--label TEXT]
//   accounts import gcp [--key-file FILE] [--id ID] [--project ID]... [--label TEXT]
//   accounts add aws --id ID [--region R]... [--endpoint-url URL] [--protocol json|query]
//                [--expires TIME] [--label TEXT]                     (secret on standard input)
//   accounts add azure --id ID --tenant T --client-id C [--subscription S]... [--endpoint-url URL]
//                [--label TEXT]                                      (secret on standard input)
//   accounts remove ID | test ID | trust-host HOST | untrust-host HOST
// No option takes a secret; an option named like one is refused (MachineConfig::secretLikeOption).
struct AccountsOptions {
    enum class Action { Help, List, Import, Add, Remove, Test, TrustHost, UntrustHost };
    Action action = Action::Help;
    AccountKind kind = AccountKind::Aws; // import, add
    QString id;                          // --id, or the ID of remove / test
    QString host;                        // trust-host / untrust-host
    bool json = false;                   // list --format json
    QString label;                       // --label
    QString profile;                     // import aws --profile
    QString keyFile;                     // import gcp --key-file
    QStringList regions;                 // --region (AWS), first = default
    QStringList subscriptions;           // --subscription (Azure)
    QStringList projects;                // --project (Google)
    QString tenantId;                    // add azure --tenant
    QString clientId;                    // add azure --client-id
    QString endpointUrl;                 // add --endpoint-url
    QString protocol;                    // add aws --protocol: "" | "json" | "query"
    QString expiresText;                 // add aws --expires TIME (syntax checked)
};

// The parser of the `accounts` command. Never exits, never prints: errors are BadArgument with
// one translated line, which never repeats a positional argument (it could be a pasted secret).
class AccountsOptionsParser {
    Q_DECLARE_TR_FUNCTIONS(mlwatch::cli::AccountsOptionsParser)
public:
    static Result<AccountsOptions> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace mlwatch::cli
