#pragma once

#include "gui/chart_exporter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace mlwatch {

class MetricChartView;

// The export menu of a group of charts (one stage tab): adds to each chart's menu (context menu
// and the chart's menu button)
//   Export PNG…, Export PNG at 2×…, Copy image (Ctrl+C while the chart has focus),
//   Export CSV…, Export all charts in this tab…
// and runs them: file dialogs that open in the last folder used (SettingsKeys::
// kExportLastFolder), the options dialog, and a message box naming the file and the reason when
// a write fails (the file written through QSaveFile is left as it was). The writing itself is
// ChartExporter's.
class ChartExportController : public QObject {
    Q_OBJECT
public:
    // Dialogs and message boxes are parented to `dialogParent` (also this object's parent).
    explicit ChartExportController(QWidget *dialogParent);

    // Replaces the group: adds the actions to every chart (charts may die with their tab; they
    // are held by QPointer). `groupTitle` names the group in dialogs ("Training").
    void setCharts(const QList<MetricChartView *> &charts, const QString &groupTitle);
    QList<MetricChartView *> charts() const;

    // The interactive commands behind the actions (dialogs; nothing is written on Cancel).
    void exportPng(MetricChartView *chart, qreal scale);
    void exportCsv(MetricChartView *chart);
    void exportAll();
    // Puts the chart's image on the clipboard at the screen's pixel ratio (sharp on HiDPI).
    void copyImage(MetricChartView *chart);

    // The folder export dialogs open in, and remembering a new one (the folder of `path`).
    static QString lastFolder();
    static void rememberFolderOf(const QString &path);
    static ChartExportOptions savedOptions();
    static void saveOptions(const ChartExportOptions &options);

Q_SIGNALS:
    // Something was written (absolute paths) or copied (empty list): for a status-bar message.
    void exported(const QStringList &files);

private:
    void attach(MetricChartView *chart);
    void showErrors(const QList<Error> &errors);

    QWidget *m_dialogParent = nullptr;
    QList<QPointer<MetricChartView>> m_charts;
    QString m_groupTitle;
};

} // namespace mlwatch
