#include "core/model/stage.h"

namespace mlwatch {

QString stageId(Stage stage)
{
    switch (stage) {
    case Stage::DataPreparation: return QStringLiteral("data-preparation");
    case Stage::Training: return QStringLiteral("training");
    case Stage::Evaluation: return QStringLiteral("evaluation");
    case Stage::Deployment: return QStringLiteral("deployment");
    case Stage::Monitoring: return QStringLiteral("monitoring");
    }
    return {};
}

} // namespace mlwatch
