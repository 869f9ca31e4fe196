#pragma once

#include <QList>
#include <QString>

namespace mlwatch {

// The five steps of the ML workflow, in the order the tabs show them.
enum class Stage { DataPreparation, Training, Evaluation, Deployment, Monitoring };

inline const QList<Stage> &allStages() {
    static const QList<Stage> stages{Stage::DataPreparation, Stage::Training, Stage::Evaluation,
                                     Stage::Deployment, Stage::Monitoring};
    return stages;
}

// Stable identifier for files and the CLI ("data-preparation", "training", …). Not translated.
QString stageId(Stage stage);

// The stage's title as tabs and reports show it, translated ("Data preparation", …).
QString stageTitle(Stage stage);

} // namespace mlwatch
