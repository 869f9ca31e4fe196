#include "core/model/stage.h"

#include <QCoreApplication>

namespace mlwatch {

QString stageId(Stage stage) {
    switch (stage) {
    case Stage::DataPreparation:
        return QStringLiteral("data-preparation");
    case Stage::Training:
        return QStringLiteral("training");
    case Stage::Evaluation:
        return QStringLiteral("evaluation");
    case Stage::Deployment:
        return QStringLiteral("deployment");
    case Stage::Monitoring:
        return QStringLiteral("monitoring");
    }
    return {};
}

QString stageTitle(Stage stage) {
    const char *title = "";
    switch (stage) {
    case Stage::DataPreparation:
        title = QT_TRANSLATE_NOOP("mlwatch::Stage", "Data preparation");
        break;
    case Stage::Training:
        title = QT_TRANSLATE_NOOP("mlwatch::Stage", "Training");
        break;
    case Stage::Evaluation:
        title = QT_TRANSLATE_NOOP("mlwatch::Stage", "Evaluation");
        break;
    case Stage::Deployment:
        title = QT_TRANSLATE_NOOP("mlwatch::Stage", "Deployment");
        break;
    case Stage::Monitoring:
        title = QT_TRANSLATE_NOOP("mlwatch::Stage", "Monitoring");
        break;
    }
    return QCoreApplication::translate("mlwatch::Stage", title);
}

} // namespace mlwatch
