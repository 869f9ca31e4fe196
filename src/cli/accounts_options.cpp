#include "cli/accounts_options.h"

#include "cli/cli_error.h"
#include "core/model/time_spec.h"
#include "core/providers/aws/aws_environment.h"

#include <QCommandLineParser>
#include <QUrl>

#include <map>

namespace mlwatch::cli {

namespace {

struct Options {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            AccountsOptionsParser::tr("Show this help and exit.")};
    QCommandLineOption format{QStringLiteral("format"),
                              AccountsOptionsParser::tr("list: text (default) or json."),
                              QStringLiteral("text|json")};
    QCommandLineOption id{
        QStringLiteral("id"),
        AccountsOptionsParser::tr("The account's id on this machine (import: default from the profile or "
                                  "source)."),
        QStringLiteral("ID")};
    QCommandLineOption label{QStringLiteral("label"),
                             AccountsOptionsParser::tr("A name for people (default: the id)."),
                             QStringLiteral("TEXT")};
    QCommandLineOption profile{
        QStringLiteral("profile"),
        AccountsOptionsParser::tr("import aws: this profile of ~/.aws/credentials and ~/.aws/config."),
        QStringLiteral("NAME")};
    QCommandLineOption keyFile{
        QStringLiteral("key-file"),
        AccountsOptionsParser::tr("import gcp: a service-account key or authorized-user JSON file."),
        QStringLiteral("FILE")};
    QCommandLineOption region{
        QStringLiteral("region"),
        AccountsOptionsParser::tr("AWS region; repeat for more (the first is the default)."),
        QStringLiteral("REGION")};
    QCommandLineOption subscription{QStringLiteral("subscription"),
                                    AccountsOptionsParser::tr("Azure subscription id; repeat for more."),
                                    QStringLiteral("ID")};
    QCommandLineOption project{QStringLiteral("project"),
                               AccountsOptionsParser::tr("Google Cloud project id; repeat for more."),
                               QStringLiteral("ID")};
    QCommandLineOption tenant{QStringLiteral("tenant"),
                              AccountsOptionsParser::tr("add azure: the Entra ID tenant id."),
                              QStringLiteral("ID")};
    QCommandLineOption clientId{QStringLiteral("client-id"),
                                AccountsOptionsParser::tr("add azure: the application (client) id."),
                                QStringLiteral("ID")};
    QCommandLineOption endpointUrl{
        QStringLiteral("endpoint-url"),
        AccountsOptionsParser::tr("add: a metrics endpoint instead of the cloud's (https, or http "
                                  "on loopback; other hosts need accounts trust-host first)."),
        QStringLiteral("URL")};
    QCommandLineOption protocol{
        QStringLiteral("protocol"),
        AccountsOptionsParser::tr("add aws: CloudWatch wire protocol, json (default) or query."),
        QStringLiteral("json|query")};
    QCommandLineOption expires{
        QStringLiteral("expires"),
        AccountsOptionsParser::tr("add aws: when the session token expires (ISO 8601 with a zone)."),
        QStringLiteral("TIME")};

    QList<const QCommandLineOption *> all() const {
        return {&format,  &id,     &label,    &profile,     &keyFile,  &region, &subscription,
                &project, &tenant, &clientId, &endpointUrl, &protocol, &expires};
    }
    void addTo(QCommandLineParser &parser) const {
        parser.addOption(help);
        for (const QCommandLineOption *option : all())
            parser.addOption(*option);
    }
};

QString name(const QCommandLineOption &option) {
    return option.names().constLast();
}

// The command's words, for messages: "accounts import azure".
QString commandWords(const QStringList &positional, qsizetype count) {
    return positional.mid(0, count).join(QLatin1Char(' '));
}

Result<void> checkRegions(const QStringList &regions) {
    for (const QString &region : regions)
        if (!aws::isValidAwsRegion(region))
            return badArgument(
                AccountsOptionsParser::tr("--region “%1” is not an AWS region name such as us-east-1.")
                    .arg(region));
    return {};
}

Result<void> checkId(const QString &id) {
    if (!isValidAccountId(id)) // not echoed: a mistaken paste could be a secret
        return badArgument(AccountsOptionsParser::tr(
            "That is not an account id: use 1 to 64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."));
    return {};
}

} // namespace

QString AccountsOptionsParser::helpText() {
    QCommandLineParser parser;
    Options options;
    options.addTo(parser);
    parser.setApplicationDescription(
        tr("Manages this machine's cloud accounts. Secrets live only in the OS keychain (Secret "
           "Service on Linux, Keychain on macOS, Credential Manager on Windows); the account list "
           "beside the app's settings holds none.\n\n"
           "  mlwatch-cli accounts list [--format text|json]\n"
           "  mlwatch-cli accounts import aws [--profile NAME] [--id ID] [--region R]...\n"
           "              (the AWS_* variables when set and no --profile, else AWS_PROFILE or \"default\")\n"
           "  mlwatch-cli accounts import azure [--id ID] [--subscription ID]...\n"
           "              (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_SUBSCRIPTION_ID)\n"
           "  mlwatch-cli accounts import gcp [--key-file FILE] [--id ID] [--project ID]...\n"
           "              (else GOOGLE_APPLICATION_CREDENTIALS, else gcloud's application-default file)\n"
           "  mlwatch-cli accounts add aws --id ID [--region R]... [--endpoint-url URL]\n"
           "              [--protocol json|query] [--expires TIME] < keys\n"
           "              (standard input: the access key id, the secret access key and optionally\n"
           "              the session token, one per line)\n"
           "  mlwatch-cli accounts add azure --id ID --tenant T --client-id C [--subscription S]...\n"
           "              [--endpoint-url URL] < secret   (standard input: the client secret)\n"
           "  mlwatch-cli accounts remove ID      the account and its keychain entry\n"
           "  mlwatch-cli accounts test ID        one cheap read call: exit 0 when it works\n"
           "  mlwatch-cli accounts trust-host HOST     allow credentials to go to HOST over https\n"
           "  mlwatch-cli accounts untrust-host HOST\n\n"
           "Secrets are never taken as arguments. Endpoints in workspace files are used only on the\n"
           "clouds' own domains, loopback, or hosts trusted here."));
    QString help = parser.helpText();
    help.replace(0, help.indexOf(QLatin1Char('\n')), tr("Usage: mlwatch-cli accounts COMMAND [options]"));
    return help;
}

Result<AccountsOptions> AccountsOptionsParser::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    if (!parser.parse(arguments))
        return badArgument(parser.errorText() + QLatin1Char(' ') + tr("Try mlwatch-cli accounts --help."));
    AccountsOptions a;
    if (parser.isSet(o.help))
        return a; // Action::Help

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.first() != QLatin1String("accounts"))
        return badArgument(tr("Expected the command word “accounts”. Try mlwatch-cli accounts --help."));
    if (positional.size() < 2)
        return badArgument(tr("accounts needs a command: list, import, add, remove, test, trust-host or "
                              "untrust-host. Try mlwatch-cli accounts --help."));

    const QString action = positional.at(1);
    const std::map<QString, AccountsOptions::Action> kActions{
        {QStringLiteral("list"), AccountsOptions::Action::List},
        {QStringLiteral("import"), AccountsOptions::Action::Import},
        {QStringLiteral("add"), AccountsOptions::Action::Add},
        {QStringLiteral("remove"), AccountsOptions::Action::Remove},
        {QStringLiteral("test"), AccountsOptions::Action::Test},
        {QStringLiteral("trust-host"), AccountsOptions::Action::TrustHost},
        {QStringLiteral("untrust-host"), AccountsOptions::Action::UntrustHost}};
    const auto found = kActions.find(action);
    if (found == kActions.end())
        return badArgument(tr("Unknown accounts command “%1”. Try mlwatch-cli accounts --help.").arg(action));
    a.action = found->second;

    // The words each command takes after "accounts ACTION", and the options it accepts.
    qsizetype words = 2;
    QList<const QCommandLineOption *> allowed;
    switch (a.action) {
    case AccountsOptions::Action::List:
        allowed = {&o.format};
        break;
    case AccountsOptions::Action::Import:
    case AccountsOptions::Action::Add: {
        if (positional.size() < 3)
            return badArgument(a.action == AccountsOptions::Action::Import
                                   ? tr("accounts import needs a cloud: aws, azure or gcp.")
                                   : tr("accounts add needs a cloud: aws or azure."));
        const std::optional<AccountKind> kind = accountKindFromId(positional.at(2));
        if (!kind || (a.action == AccountsOptions::Action::Add && *kind == AccountKind::Gcp))
            return badArgument(a.action == AccountsOptions::Action::Import
                                   ? tr("Unknown cloud “%1”: use aws, azure or gcp.").arg(positional.at(2))
                                   : tr("accounts add takes aws or azure; a Google Cloud key file is "
                                        "imported with mlwatch-cli accounts import gcp --key-file FILE."));
        a.kind = *kind;
        words = 3;
        if (a.action == AccountsOptions::Action::Import) {
            if (a.kind == AccountKind::Aws)
                allowed = {&o.profile, &o.id, &o.region, &o.label};
            else if (a.kind == AccountKind::Azure)
                allowed = {&o.id, &o.subscription, &o.label};
            else
                allowed = {&o.keyFile, &o.id, &o.project, &o.label};
        } else if (a.kind == AccountKind::Aws) {
            allowed = {&o.id, &o.region, &o.endpointUrl, &o.protocol, &o.expires, &o.label};
        } else {
            allowed = {&o.id, &o.tenant, &o.clientId, &o.subscription, &o.endpointUrl, &o.label};
        }
        break;
    }
    case AccountsOptions::Action::Remove:
    case AccountsOptions::Action::Test:
        if (positional.size() < 3)
            return badArgument(tr("accounts %1 needs an account id.").arg(action));
        a.id = positional.at(2);
        words = 3;
        break;
    case AccountsOptions::Action::TrustHost:
    case AccountsOptions::Action::UntrustHost:
        if (positional.size() < 3)
            return badArgument(tr("accounts %1 needs a host name.").arg(action));
        a.host = positional.at(2);
        words = 3;
        break;
    case AccountsOptions::Action::Help:
        break;
    }
    if (positional.size() > words) // not echoed: it could be a pasted secret
        return badArgument(tr("Too many arguments after “%1”. Secrets are read from standard input, never "
                              "from arguments. Try mlwatch-cli accounts --help.")
                               .arg(commandWords(positional, words)));
    for (const QCommandLineOption *option : o.all()) {
        if (!parser.isSet(*option))
            continue;
        if (!allowed.contains(option))
            return badArgument(
                tr("--%1 does not apply to “%2”.").arg(name(*option), commandWords(positional, words)));
        const bool repeatable = option == &o.region || option == &o.subscription || option == &o.project;
        if (!repeatable && parser.values(*option).size() > 1)
            return badArgument(tr("--%1 was given more than once.").arg(name(*option)));
    }

    const QString format = parser.value(o.format);
    if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json"))
        return badArgument(tr("--format must be text or json, not “%1”.").arg(format));
    a.json = format == QLatin1String("json");
    if (a.action == AccountsOptions::Action::Remove || a.action == AccountsOptions::Action::Test) {
        if (Result<void> valid = checkId(a.id); !valid)
            return valid.error();
    }
    if (parser.isSet(o.id)) {
        a.id = parser.value(o.id);
        if (Result<void> valid = checkId(a.id); !valid)
            return valid.error();
    }
    if (a.action == AccountsOptions::Action::Add && a.id.isEmpty())
        return badArgument(tr("accounts add needs --id ID: the name the account gets on this machine."));
    a.label = parser.value(o.label).trimmed();
    a.profile = parser.value(o.profile);
    a.keyFile = parser.value(o.keyFile);
    a.regions = parser.values(o.region);
    if (Result<void> valid = checkRegions(a.regions); !valid)
        return valid.error();
    a.subscriptions = parser.values(o.subscription);
    a.projects = parser.values(o.project);
    a.tenantId = parser.value(o.tenant).trimmed();
    a.clientId = parser.value(o.clientId).trimmed();
    if (a.action == AccountsOptions::Action::Add && a.kind == AccountKind::Azure &&
        (a.tenantId.isEmpty() || a.clientId.isEmpty()))
        return badArgument(tr("accounts add azure needs --tenant ID and --client-id ID."));
    a.endpointUrl = parser.value(o.endpointUrl);
    if (!a.endpointUrl.isEmpty()) {
        const QUrl url(a.endpointUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return badArgument(tr("--endpoint-url “%1” is not an http(s) URL.").arg(a.endpointUrl));
    }
    a.protocol = parser.value(o.protocol).toLower();
    if (!a.protocol.isEmpty() && a.protocol != QLatin1String("json") && a.protocol != QLatin1String("query"))
        return badArgument(tr("--protocol must be json or query, not “%1”.").arg(parser.value(o.protocol)));
    a.expiresText = parser.value(o.expires);
    if (!a.expiresText.isEmpty()) {
        if (Result<qint64> syntax = parseTimeSpec(a.expiresText, 0); !syntax)
            return badArgument(QStringLiteral("--expires: ") + syntax.error().message);
    }
    return a;
}

} // namespace mlwatch::cli
