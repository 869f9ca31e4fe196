// mlwatch-cli: MLWatch's engine for scripts, cron jobs and CI. The contract (options, output
// formats, exit statuses) is in CliOptions::helpText(); other tools script against it.
#include "cli/cli_options.h"
#include "cli/query_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

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

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mlwatch-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLWATCH_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("MLWatch"));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_LOGGING_RULES")))
        qInstallMessageHandler(quietMessageHandler);
    installTranslations(app);

    const mlwatch::Result<mlwatch::cli::CliCommand> command =
        mlwatch::cli::CliOptions::parse(QCoreApplication::arguments());
    if (!command) {
        printError(command.error());
        return mlwatch::exitStatusFor(command.error().code);
    }
    if (command->action != mlwatch::cli::CliCommand::Action::Query) {
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
    mlwatch::cli::QueryCommand query(command->query, env, QDir::homePath(), out);
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
    app.exec();
    return status;
}
