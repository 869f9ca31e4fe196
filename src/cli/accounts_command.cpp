#include "cli/accounts_command.h"

#include "cli/cli_error.h"
#include "cli/machine_config.h"
#include "cli/secret_input.h"
#include "core/auth/account_connection_tester.h"
#include "core/auth/account_store.h"
#include "core/auth/credential_import.h"
#include "core/auth/credential_store.h"
#include "core/common/clock.h"
#include "core/model/time_spec.h"
#include "core/net/http_client.h"
#include "core/providers/aws/aws_ini_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace mlwatch::cli {

namespace {

QString iso(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODate); // "2026-11-20T12:00:00Z"
}

QJsonArray toArray(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

// What `accounts list --format json` prints for one account: its metadata, never a secret (the
// access key id neither; its hint is enough to recognise it).
QJsonObject listJson(const Account &a, const QDateTime &now) {
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("kind"), accountKindId(a.kind)},
                  {QStringLiteral("label"), a.displayName()},
                  {QStringLiteral("scopes"), toArray(a.scopes())},
                  {QStringLiteral("source"), a.source},
                  {QStringLiteral("endpointUrl"), a.endpointUrl}};
    switch (a.kind) {
    case AccountKind::Aws:
        o.insert(QStringLiteral("regions"), toArray(a.regions));
        o.insert(QStringLiteral("accessKeyHint"), a.accessKeyHint);
        o.insert(QStringLiteral("protocol"), a.protocol.isEmpty() ? QStringLiteral("json") : a.protocol);
        break;
    case AccountKind::Azure:
        o.insert(QStringLiteral("subscriptions"), toArray(a.subscriptionIds));
        o.insert(QStringLiteral("tenantId"), a.tenantId);
        o.insert(QStringLiteral("clientId"), a.clientId);
        o.insert(QStringLiteral("authorityHost"), a.authorityHost);
        break;
    case AccountKind::Gcp:
        o.insert(QStringLiteral("projects"), toArray(a.projectIds));
        o.insert(QStringLiteral("credentialType"), a.gcpCredentialType);
        o.insert(QStringLiteral("clientEmail"), a.clientEmail);
        break;
    }
    o.insert(QStringLiteral("expiresAt"),
             a.expiresAt.isValid() ? QJsonValue(iso(a.expiresAt)) : QJsonValue());
    o.insert(QStringLiteral("expired"), a.expiresAt.isValid() && a.expiresAt <= now);
    return o;
}

// Columns padded to their widest cell; the last column is not padded.
QString table(const QList<QStringList> &rows) {
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths[c] + 2) : row.at(c);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

bool candidateIsProfile(const ImportCandidate &candidate, const QString &profile) {
    // The importer proposes the profile's name as the id and names the profile in `source`
    // ("~/.aws/credentials [prod]") and `origin` ("…, profile “prod”").
    return candidate.account.id == profile ||
           candidate.account.source.endsWith(QLatin1Char('[') + profile + QLatin1Char(']')) ||
           candidate.origin.contains(QStringLiteral("“") + profile + QStringLiteral("”"));
}

// "(eu-west-1, us-east-1)" or "" for an account without scopes.
QString scopesInParentheses(const Account &account) {
    const QStringList scopes = account.scopes();
    return scopes.isEmpty() ? QString()
                            : QStringLiteral(" (") + scopes.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// A trusted host from "HOST", "HOST:PORT" or a URL: the lower-cased host name alone.
Result<QString> hostOf(const QString &text) {
    const QString input = text.trimmed();
    const QUrl url(input.contains(QStringLiteral("://")) ? input : QStringLiteral("https://") + input,
                   QUrl::StrictMode);
    const QString host = url.host().toLower();
    if (!url.isValid() || host.isEmpty() || host.contains(QLatin1Char('*')) ||
        (!input.contains(QStringLiteral("://")) && url.path().size() > 1))
        return badArgument(AccountsCommand::tr("“%1” is not a host name or address (e.g. metrics.example.com "
                                               "or 10.0.0.5).")
                               .arg(input));
    return host;
}

} // namespace

AccountsCommand::AccountsCommand(AccountsOptions options, QProcessEnvironment env, QString home,
                                 QIODevice &out, Warn warn)
    : m_options(std::move(options))
    , m_env(std::move(env))
    , m_home(std::move(home))
    , m_out(out)
    , m_warn(std::move(warn)) {}

AccountsCommand::~AccountsCommand() {
    m_store.reset(); // refers to the credential store
}

void AccountsCommand::write(const QString &text) {
    m_out.write(text.toUtf8());
}

Result<void> AccountsCommand::openStore() {
    m_credentials = std::make_unique<CredentialStore>(MachineConfig::keychainService(m_env));
    m_store = std::make_unique<AccountStore>(MachineConfig::accountListPath(), *m_credentials);
    return m_store->load();
}

Result<void> AccountsCommand::run() {
    using Action = AccountsOptions::Action;
    switch (m_options.action) {
    case Action::Help:
        write(AccountsOptionsParser::helpText());
        return {};
    case Action::TrustHost:
        return trustHost(true);
    case Action::UntrustHost:
        return trustHost(false);
    default:
        break;
    }
    if (Result<void> opened = openStore(); !opened)
        return opened;
    switch (m_options.action) {
    case Action::List:
        return list();
    case Action::Import:
        return importAccount();
    case Action::Add:
        return add();
    case Action::Remove:
        return remove();
    case Action::Test:
        return test();
    default:
        return {};
    }
}

Result<void> AccountsCommand::list() {
    const QList<Account> accounts = m_store->accounts();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_options.json) {
        QJsonArray array;
        for (const Account &a : accounts)
            array.append(listJson(a, now));
        write(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("accounts"), array}}).toJson(QJsonDocument::Indented)));
        return {};
    }
    if (accounts.isEmpty()) {
        write(
            tr("No accounts yet: import one with mlwatch-cli accounts import aws|azure|gcp, or add one with "
               "mlwatch-cli accounts add aws|azure.\n"));
        return {};
    }
    QList<QStringList> rows{{tr("ID"), tr("KIND"), tr("LABEL"), tr("REGIONS/SUBSCRIPTIONS/PROJECTS"),
                             tr("EXPIRES (UTC)"), tr("SOURCE")}};
    for (const Account &a : accounts) {
        QString expires = QStringLiteral("-");
        if (a.expiresAt.isValid())
            expires = iso(a.expiresAt) + (a.expiresAt <= now ? tr(" (expired)") : QString());
        const QStringList scopes = a.scopes();
        rows.append({a.id, accountKindId(a.kind), a.label.isEmpty() ? QStringLiteral("-") : a.label,
                     scopes.isEmpty() ? QStringLiteral("-") : scopes.join(QLatin1Char(',')), expires,
                     a.source.isEmpty() ? QStringLiteral("-") : a.source});
    }
    write(table(rows));
    return {};
}

Result<qsizetype> AccountsCommand::pickCandidate(const QList<ImportCandidate> &candidates) const {
    if (m_options.kind != AccountKind::Aws || candidates.isEmpty())
        return candidates.isEmpty() ? qsizetype(-1) : qsizetype(0);
    // As botocore: the AWS_* variables when no profile was asked for (half a pair is their
    // candidate's reason, as botocore's PartialCredentialsError), else the profile named by
    // --profile, AWS_PROFILE (AWS_DEFAULT_PROFILE) or "default". The scan lists the environment's
    // candidate first when either key variable is set.
    const bool environment = !m_env.value(QStringLiteral("AWS_ACCESS_KEY_ID")).trimmed().isEmpty() ||
                             !m_env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY")).trimmed().isEmpty();
    if (m_options.profile.isEmpty() && environment)
        return qsizetype(0);
    QString profile = m_options.profile;
    if (profile.isEmpty())
        profile =
            m_env.value(QStringLiteral("AWS_PROFILE"), m_env.value(QStringLiteral("AWS_DEFAULT_PROFILE")));
    if (profile.isEmpty())
        profile = QStringLiteral("default");
    for (qsizetype i = environment ? 1 : 0; i < candidates.size(); ++i)
        if (candidateIsProfile(candidates.at(i), profile))
            return i;
    const QString credentials = QDir::toNativeSeparators(aws::awsCredentialsFilePath(m_env, m_home));
    const QString config = QDir::toNativeSeparators(aws::awsConfigFilePath(m_env, m_home));
    return Error{ErrorCode::NoCredentials,
                 tr("No AWS profile “%1” in %2 or %3.").arg(profile, credentials, config), QString()};
}

Result<void> AccountsCommand::checkIdFree(const QString &id) const {
    if (m_store->account(id))
        return badArgument(
            tr("An account “%1” already exists: choose another id with --id, or remove it first "
               "(mlwatch-cli accounts remove %1).")
                .arg(id));
    return {};
}

Result<void> AccountsCommand::importAccount() {
    ImportScan scan;
    switch (m_options.kind) {
    case AccountKind::Aws:
        scan = scanAwsCredentials(m_env, m_home);
        break;
    case AccountKind::Azure:
        scan = scanAzureEnvironment(m_env);
        break;
    case AccountKind::Gcp:
        scan = scanGoogleCredentials(m_env, m_home, m_options.keyFile);
        break;
    }
    // On failure the problems may be why: the first one rides along in the error's detail (the
    // failure stays one stderr line).
    const QString firstProblem = scan.problems.isEmpty() ? QString() : scan.problems.first();
    Result<qsizetype> picked = pickCandidate(scan.candidates);
    if (!picked)
        return Error{picked.error().code, picked.error().message, firstProblem};
    if (*picked < 0) {
        const QString message =
            m_options.kind == AccountKind::Azure
                ? tr("No Azure credentials in the environment: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                     "AZURE_CLIENT_SECRET (and AZURE_SUBSCRIPTION_ID).")
            : m_options.kind == AccountKind::Gcp
                ? tr("No Google Cloud credentials found: pass --key-file FILE, set "
                     "GOOGLE_APPLICATION_CREDENTIALS, or run gcloud auth application-default login.")
                : tr("No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass "
                     "--profile NAME.");
        return Error{ErrorCode::NoCredentials, message, firstProblem};
    }
    const ImportCandidate &candidate = scan.candidates.at(*picked);
    if (!candidate.importable)
        return Error{ErrorCode::NoCredentials,
                     tr("%1 cannot be imported: %2").arg(candidate.origin, candidate.reason), firstProblem};

    Account account = candidate.account;
    if (!m_options.id.isEmpty())
        account.id = m_options.id;
    if (!m_options.label.isEmpty())
        account.label = m_options.label;
    if (!m_options.regions.isEmpty())
        account.regions = m_options.regions;
    if (!m_options.subscriptions.isEmpty())
        account.subscriptionIds = m_options.subscriptions;
    if (!m_options.projects.isEmpty())
        account.projectIds = m_options.projects;
    if (!isValidAccountId(account.id))
        return badArgument(
            tr("The proposed id “%1” is not a valid account id: pass --id ID.").arg(account.id));
    if (Result<void> free = checkIdFree(account.id); !free)
        return free;

    QDir().mkpath(QFileInfo(m_store->listPath()).absolutePath());
    if (Result<void> added = m_store->addAndWait(account, candidate.secret); !added)
        return added;

    for (const QString &problem : std::as_const(scan.problems))
        m_warn(tr("Warning: %1").arg(problem));
    if (Result<void> allowed = MachineConfig::endpointPolicy().checkAccount(account); !allowed)
        m_warn(tr("Warning: %1").arg(allowed.error().message));
    if (account.kind == AccountKind::Aws && account.regions.isEmpty())
        m_warn(tr("Warning: account “%1” has no region: pass --region when you query it.").arg(account.id));
    QString text =
        tr("Imported %1 account “%2”%3 from %4.\n")
            .arg(accountKindTitle(account.kind), account.id, scopesInParentheses(account), candidate.origin);
    if (account.expiresAt.isValid())
        text += tr("Temporary credentials: they expire at %1 (UTC).\n").arg(iso(account.expiresAt));
    text += tr("Secret stored in %1 (service “%2”); the account list %3 holds no secret.\n")
                .arg(CredentialStore::keychainName(), m_credentials->service(),
                     QDir::toNativeSeparators(m_store->listPath()));
    write(text);
    return {};
}

Result<void> AccountsCommand::add() {
    Account account;
    account.id = m_options.id;
    account.label = m_options.label;
    account.kind = m_options.kind;
    account.endpointUrl = m_options.endpointUrl;
    account.source = tr("added with mlwatch-cli");
    if (account.kind == AccountKind::Aws) {
        account.regions = m_options.regions;
        account.protocol = m_options.protocol;
    } else {
        account.tenantId = m_options.tenantId;
        account.clientId = m_options.clientId;
        account.subscriptionIds = m_options.subscriptions;
    }
    // Everything that can be refused is refused before anyone types a secret.
    if (Result<void> free = checkIdFree(account.id); !free)
        return free;
    if (Result<void> allowed = MachineConfig::checkEndpoint(MachineConfig::endpointPolicy(), account.kind,
                                                            account.id, account.endpointUrl);
        !allowed)
        return allowed;
    if (!m_options.expiresText.isEmpty()) {
        const Result<qint64> expires =
            parseTimeSpec(m_options.expiresText, QDateTime::currentMSecsSinceEpoch());
        if (!expires)
            return badArgument(QStringLiteral("--expires: ") + expires.error().message);
        account.expiresAt = QDateTime::fromSecsSinceEpoch(*expires / 1000, Qt::UTC); // whole seconds, as AWS
    }

    AccountSecret secret;
    if (account.kind == AccountKind::Aws) {
        Result<QStringList> lines = SecretInput::read(
            {tr("Access key id: "), tr("Secret access key: "), tr("Session token (empty for none): ")}, 2,
            tr("the access key id, the secret access key and optionally the session token"));
        if (!lines)
            return lines.error();
        secret.accessKeyId = lines->at(0);
        secret.secretAccessKey = lines->at(1);
        secret.sessionToken = lines->size() > 2 ? lines->at(2) : QString();
        if (secret.accessKeyId.contains(QLatin1Char(' ')) ||
            secret.secretAccessKey.contains(QLatin1Char(' ')))
            return badArgument(tr("The access key id and the secret access key contain no spaces: check the "
                                  "lines on standard input."));
        if (account.expiresAt.isValid() && secret.sessionToken.isEmpty())
            return badArgument(tr("--expires applies to temporary credentials: give the session token as the "
                                  "third line on standard input."));
        account.accessKeyHint = accessKeyHintFor(secret.accessKeyId);
    } else {
        Result<QStringList> lines = SecretInput::read({tr("Client secret: ")}, 1, tr("the client secret"));
        if (!lines)
            return lines.error();
        secret.clientSecret = lines->at(0);
    }

    QDir().mkpath(QFileInfo(m_store->listPath()).absolutePath());
    if (Result<void> added = m_store->addAndWait(account, secret); !added)
        return added;
    write(tr("Added %1 account “%2”%3.\nSecret stored in %4 (service “%5”); the account list %6 holds no "
             "secret.\n")
              .arg(accountKindTitle(account.kind), account.id, scopesInParentheses(account),
                   CredentialStore::keychainName(), m_credentials->service(),
                   QDir::toNativeSeparators(m_store->listPath())));
    return {};
}

Result<void> AccountsCommand::remove() {
    if (!m_store->account(m_options.id))
        return Error{
            ErrorCode::NoCredentials,
            tr("No account “%1” on this machine: mlwatch-cli accounts list shows them.").arg(m_options.id),
            QString()};
    if (Result<void> removed = m_store->removeAndWait(m_options.id); !removed)
        return removed;
    write(tr("Removed account “%1” and its secret from %2.\n")
              .arg(m_options.id, CredentialStore::keychainName()));
    return {};
}

Result<void> AccountsCommand::test() {
    const std::optional<Account> account = m_store->account(m_options.id);
    if (!account)
        return Error{
            ErrorCode::NoCredentials,
            tr("No account “%1” on this machine: mlwatch-cli accounts list shows them.").arg(m_options.id),
            QString()};
    // The endpoints first: a refused one costs no keychain access and makes no connection.
    const EndpointPolicy policy = MachineConfig::endpointPolicy();
    if (Result<void> allowed = policy.checkAccount(*account); !allowed)
        return allowed;
    if (Result<void> allowed =
            MachineConfig::checkEndpoint(policy, account->kind, account->id, account->endpointUrl);
        !allowed)
        return allowed;
    Result<AccountSecret> secret = m_store->readSecretAndWait(account->id);
    if (!secret)
        return secret.error();
    HttpClient http;
    if (Result<void> configured = MachineConfig::configureHttp(http, m_env); !configured)
        return configured;
    const SystemClock clock;
    AccountConnectionTester tester(http, clock);
    const ConnectionReport report = tester.testAndWait(*account, *secret, policy);
    // stdout: the summary when it worked, then one line per check; on failure the summary is the
    // one stderr line, and a lone detail that only repeats it is not printed twice.
    QString text;
    if (report.ok())
        text += report.summary + QLatin1Char('\n');
    if (report.ok() || report.details.size() > 1 ||
        (report.details.size() == 1 && report.details.first() != report.summary))
        for (const QString &line : report.details)
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
    write(text);
    if (report.ok())
        return {};
    // Not signed in, or signed in but not allowed (exit 4). ConnectionReport does not tell a
    // network failure from a refusal, so an unreachable cloud exits 4 too; its summary says which.
    const QString summary = report.summary.isEmpty()
                                ? tr("The connection test of account “%1” failed.").arg(account->id)
                                : report.summary;
    return Error{ErrorCode::AuthRejected, summary, QString()};
}

Result<void> AccountsCommand::trustHost(bool trust) {
    const Result<QString> host = hostOf(m_options.host);
    if (!host)
        return host.error();
    std::unique_ptr<QSettings> settings = MachineConfig::settings();
    EndpointPolicy policy = EndpointPolicy::fromSettings(*settings);
    QSet<QString> hosts = policy.trustedHosts();
    QString text;
    if (trust) {
        policy.trust(*host);
        text = tr("Trusted %1: accounts on this machine may send credentials there over https (plain http "
                  "only ever goes to loopback).\n")
                   .arg(*host);
    } else if (hosts.remove(*host)) {
        policy = EndpointPolicy(hosts);
        text = tr("%1 is no longer trusted.\n").arg(*host);
    } else {
        write(tr("%1 was not trusted; nothing changed.\n").arg(*host));
        return {};
    }
    policy.saveTo(*settings);
    settings->sync();
    if (settings->status() != QSettings::NoError)
        return Error{ErrorCode::Io, tr("Could not save the settings file %1.").arg(settings->fileName()),
                     QString()};
    write(text);
    return {};
}

int AccountsCommand::main(const QStringList &arguments, const QProcessEnvironment &env, const QString &home) {
    auto printLine = [](const QString &line) {
        std::fputs(line.simplified().toUtf8().constData(), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
    };
    auto fail = [&](const Error &error) {
        const QString line = error.toString().simplified();
        printLine(line.isEmpty() ? errorCodeName(error.code) : line);
        return exitStatusFor(error.code);
    };
    const Result<AccountsOptions> options = AccountsOptionsParser::parse(arguments);
    if (!options)
        return fail(options.error());
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(Error{ErrorCode::Io, tr("Cannot write to stdout."), out.errorString()});
    AccountsCommand command(*options, env, home, out, [&](const QString &line) {
        out.flush(); // keep stdout and stderr in order on a terminal
        printLine(line);
    });
    const Result<void> result = command.run();
    out.flush();
    return result ? 0 : fail(result.error());
}

} // namespace mlwatch::cli
