#pragma once

#include <QList>
#include <QString>

namespace mlwatch {

// The five steps of the ML workflow, in the order the tabs show them.
enum class Stage { DataPreparation, Training, Evaluation, Deployment, Monitoring };

inline const QList<Stage> &allStages()
{
    static const QList<Stage> stages{Stage::DataPreparation, Stage::Training, Stage::Evaluation,
                                     Stage::Deployment, Stage::Monitoring};
    return stages;
}

// Stable identifier for files and the CLI ("data-preparation", "training", …). Not translated;
// the GUI has its own translated titles.
QString stageId(Stage stage);

} // namespace mlwatch
