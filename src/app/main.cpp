// mlwatch: the desktop app. Parses the command line, loads translations for the system
// locale and hands over to AppController.
#include "app/app_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace {

// MLWatch's own strings are embedded (:/i18n/mlwatch_<lang>.qm); Qt's own dialogs' strings come
// from the system's Qt translations when they are installed.
void installTranslators(QApplication &app) {
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("mlwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mlwatch"));
    // As mlwatch-cli does: settings in ~/.config/MLWatch/mlwatch.conf (without an organization Qt
    // writes to "Unknown Organization"), data in ~/.local/share/MLWatch/mlwatch (docs/alert-rules.md).
    QApplication::setOrganizationName(QStringLiteral("MLWatch"));
    QApplication::setApplicationDisplayName(QStringLiteral("MLWatch"));
    QApplication::setApplicationVersion(QStringLiteral(MLWATCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mlwatch"));
    QIcon icon(QStringLiteral(":/icons/mlwatch.svg"));
    icon.addFile(QStringLiteral(":/icons/mlwatch-256.png"), QSize(256, 256));
    QApplication::setWindowIcon(icon);
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "mlwatch::app",
        "Watches machine-learning workloads (AWS SageMaker) through the cloud's metrics API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("mlwatch::app",
                                    "Show simulated AWS, Azure and Google Cloud accounts side "
                                    "by side (the built-in demo clouds) instead of yours."));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QCoreApplication::translate("mlwatch::app", "Open with this stage selected: data-preparation, "
                                                    "training, evaluation, deployment or monitoring."),
        QCoreApplication::translate("mlwatch::app", "stage"));
    parser.addOption(demoOption);
    parser.addOption(tabOption);
    parser.process(app);

    mlwatch::AppController controller;
    if (parser.isSet(tabOption)) {
        const QString wanted = parser.value(tabOption);
        std::optional<mlwatch::Stage> stage;
        for (mlwatch::Stage s : mlwatch::allStages())
            if (mlwatch::stageId(s) == wanted)
                stage = s;
        if (!stage) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QCoreApplication::translate("mlwatch::app", "Unknown stage \"%1\" for --tab.")
                               .arg(wanted)));
            return 2;
        }
        controller.setInitialStage(stage);
    }

    if (parser.isSet(demoOption)) {
        if (!controller.openDemo())
            return 1;
    } else {
        controller.openAccounts();
    }
    return app.exec();
}
