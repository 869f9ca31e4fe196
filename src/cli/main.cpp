// mlwatch-cli: MLWatch's engine for scripts, cron jobs and CI. The contract (options, output
// formats, exit statuses) is in CliOptions::helpText(); other tools script against it.
#include "cli/accounts_command.h"
#include "cli/azure_query_command.h"
#include "cli/backtest_command.h"
#include "cli/check_command.h"
#include "cli/cli_options.h"
#include "cli/gcp_query_command.h"
#include "cli/machine_config.h"
#include "cli/query_command.h"
#include "cli/report_command.h"
#include "cli/subcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

// Exactly one line on stderr: a message that spans lines would break scripts that read it.
void printError(const mlwatch::Error &error) {
    QString line = error.toString().simplified();
    if (line.isEmpty())
        line = mlwatch::errorCodeName(error.code);
    std::fputs(line.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printOut(const QString &text) {
    std::fputs(text.toUtf8().constData(), stdout);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Qt's own diagnostics would add lines to stderr; unless the user asked for logs (by setting
// QT_LOGGING_RULES), stderr carries only the one line that names the cause.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg) {
        std::fputs(message.toUtf8().constData(), stderr);
        std::fputc('\n', stderr);
    }
}

void installTranslations(QCoreApplication &app) {
    const QLocale locale;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("mlwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

// `report` draws charts (Qt Charts needs a QApplication); everything else stays GUI-free.
int runReport(const QProcessEnvironment &env) {
    const mlwatch::Result<mlwatch::cli::ReportOptions> options =
        mlwatch::cli::ReportOptionsParser::parse(QCoreApplication::arguments());
    if (!options) {
        printError(options.error());
        return mlwatch::exitStatusFor(options.error().code);
    }
    if (options->help) {
        printOut(mlwatch::cli::ReportOptionsParser::helpText());
        return 0;
    }
    mlwatch::cli::ReportCommand report(*options, env, QDir::homePath());
    int status = 0;
    QTimer::singleShot(0, &report, [&] {
        report.run([&](const mlwatch::Result<void> &result, const QString &summary) {
            if (!result) {
                printError(result.error());
                status = mlwatch::exitStatusFor(result.error().code);
            } else {
                printOut(summary);
            }
            QCoreApplication::exit(status);
        });
    });
    QCoreApplication::exec();
    return status;
}

// Runs a query command (QueryCommand, AzureQueryCommand, GcpQueryCommand) on the event loop; its exit status.
template <typename Command> int runQuery(Command &query, QFile &out) {
    int status = 0;
    QTimer::singleShot(0, &query, [&] {
        query.run([&](const mlwatch::Result<void> &result) {
            out.flush();
            if (!result) {
                printError(result.error());
                status = mlwatch::exitStatusFor(result.error().code);
            }
            QCoreApplication::exit(status);
        });
    });
    QCoreApplication::exec();
    return status;
}

} // namespace

int main(int argc, char *argv[]) {
    // The application class depends on the command, so the command word is found before any
    // application object exists. Headless (no DISPLAY, no WAYLAND_DISPLAY, no explicit platform)
    // the report draws on the offscreen platform.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    const QString subcommand = mlwatch::cli::subcommandOf(rawArguments);
    const bool report = subcommand == QLatin1String("report");
    if (report && !qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY") &&
        !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Installed before the application exists: constructing one can already print (the
    // offscreen platform warns about XDG_RUNTIME_DIR).
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_LOGGING_RULES")))
        qInstallMessageHandler(quietMessageHandler);
    std::unique_ptr<QCoreApplication> application;
    if (report)
        application = std::make_unique<QApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("mlwatch-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLWATCH_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("MLWatch"));
    installTranslations(app);
    // Before any command sees the line: an option named like a secret is refused, whichever
    // command it was meant for, with where secrets go instead.
    if (const std::optional<QString> secret = mlwatch::cli::MachineConfig::secretLikeOption(rawArguments)) {
        const mlwatch::Error refused = mlwatch::cli::MachineConfig::secretArgumentRefused(*secret);
        printError(refused);
        return mlwatch::exitStatusFor(refused.code);
    }
    if (subcommand == QLatin1String("accounts"))
        return mlwatch::cli::AccountsCommand::main(QCoreApplication::arguments(), env, QDir::homePath());
    if (subcommand == QLatin1String("backtest"))
        return mlwatch::cli::BacktestCommand::main(QCoreApplication::arguments());
    if (subcommand == QLatin1String("check"))
        return mlwatch::cli::CheckCommand::main(QCoreApplication::arguments(), env, QDir::homePath());
    if (report)
        return runReport(env);

    const mlwatch::Result<mlwatch::cli::CliCommand> command =
        mlwatch::cli::CliOptions::parse(QCoreApplication::arguments());
    if (!command) {
        printError(command.error());
        return mlwatch::exitStatusFor(command.error().code);
    }
    if (command->action != mlwatch::cli::CliCommand::Action::Query &&
        command->action != mlwatch::cli::CliCommand::Action::QueryAzure &&
        command->action != mlwatch::cli::CliCommand::Action::QueryGcp) {
        printOut(command->text);
        return 0;
    }

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        printError({mlwatch::ErrorCode::Io,
                    QCoreApplication::translate("mlwatch-cli", "Cannot write to stdout."),
                    out.errorString()});
        return mlwatch::exitStatusFor(mlwatch::ErrorCode::Io);
    }
    if (command->action == mlwatch::cli::CliCommand::Action::QueryAzure) {
        mlwatch::cli::AzureQueryCommand query(command->azureQuery, env, out);
        return runQuery(query, out);
    }
    if (command->action == mlwatch::cli::CliCommand::Action::QueryGcp) {
        mlwatch::cli::GcpQueryCommand query(command->gcpQuery, env, QDir::homePath(), out);
        return runQuery(query, out);
    }
    mlwatch::cli::QueryCommand query(command->query, env, QDir::homePath(), out);
    return runQuery(query, out);
}
