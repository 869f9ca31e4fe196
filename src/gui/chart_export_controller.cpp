#include "gui/chart_export_controller.h"

#include "charts/metric_chart_view.h"
#include "gui/chart_export_options_dialog.h"
#include "gui/settings_keys.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace mlwatch {

namespace {

// The path with `suffix` ("png") appended unless it already ends with it (dialogs on some
// platforms do not add it).
QString withSuffix(const QString &path, const QString &suffix) {
    return QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) == 0
               ? path
               : path + QLatin1Char('.') + suffix;
}

} // namespace

ChartExportController::ChartExportController(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent) {}

void ChartExportController::setCharts(const QList<MetricChartView *> &charts, const QString &groupTitle) {
    m_charts.clear();
    m_groupTitle = groupTitle;
    for (MetricChartView *chart : charts) {
        m_charts.append(chart);
        attach(chart);
    }
}

QList<MetricChartView *> ChartExportController::charts() const {
    QList<MetricChartView *> out;
    for (const QPointer<MetricChartView> &chart : m_charts)
        if (chart)
            out.append(chart);
    return out;
}

void ChartExportController::attach(MetricChartView *chart) {
    QPointer<MetricChartView> guarded(chart);
    auto add = [&](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, chart);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, [this, guarded, slot] {
            if (guarded)
                slot(guarded.data());
        });
        chart->addAction(action);
        return action;
    };
    auto *separator = new QAction(chart);
    separator->setSeparator(true);
    chart->addAction(separator);
    add(tr("Export PNG…"), "exportPngAction", [this](MetricChartView *c) { exportPng(c, 1.0); });
    add(tr("Export PNG at 2×…"), "exportPng2xAction", [this](MetricChartView *c) { exportPng(c, 2.0); });
    QAction *copy = add(tr("Copy image"), "copyImageAction", [this](MetricChartView *c) { copyImage(c); });
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut); // only while this chart has focus
    add(tr("Export CSV…"), "exportCsvAction", [this](MetricChartView *c) { exportCsv(c); });
    add(tr("Export all charts in this tab…"), "exportTabAction", [this](MetricChartView *) { exportAll(); });
}

QString ChartExportController::lastFolder() {
    const QString folder = QSettings().value(SettingsKeys::kExportLastFolder).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : SettingsKeys::exportLastFolderDefault();
}

void ChartExportController::rememberFolderOf(const QString &path) {
    const QFileInfo info(path);
    QSettings().setValue(SettingsKeys::kExportLastFolder,
                         info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

ChartExportOptions ChartExportController::savedOptions() {
    const QSettings settings;
    ChartExportOptions o;
    o.csvForm = settings.value(SettingsKeys::kExportCsvForm).toString() == QLatin1String("wide")
                    ? ChartCsvOptions::Form::Wide
                    : ChartCsvOptions::Form::Long;
    o.csvUnits = settings.value(SettingsKeys::kExportCsvUnits).toString() == QLatin1String("display")
                     ? ChartCsvOptions::Units::Display
                     : ChartCsvOptions::Units::Raw;
    o.visibleRangeOnly = settings.value(SettingsKeys::kExportCsvRange).toString() != QLatin1String("whole");
    o.pngScale = settings.value(SettingsKeys::kExportPngScale).toInt() == 2 ? 2.0 : 1.0;
    return o;
}

void ChartExportController::saveOptions(const ChartExportOptions &o) {
    QSettings settings;
    settings.setValue(SettingsKeys::kExportCsvForm, o.csvForm == ChartCsvOptions::Form::Wide
                                                        ? QStringLiteral("wide")
                                                        : QStringLiteral("long"));
    settings.setValue(SettingsKeys::kExportCsvUnits, o.csvUnits == ChartCsvOptions::Units::Display
                                                         ? QStringLiteral("display")
                                                         : QStringLiteral("raw"));
    settings.setValue(SettingsKeys::kExportCsvRange,
                      o.visibleRangeOnly ? QStringLiteral("visible") : QStringLiteral("whole"));
    settings.setValue(SettingsKeys::kExportPngScale, o.pngScale >= 1.5 ? 2 : 1);
}

void ChartExportController::exportPng(MetricChartView *chart, qreal scale) {
    const QString suggested =
        QDir(lastFolder())
            .filePath(ChartExporter::fileBaseName(chart->spec().title) + QStringLiteral(".png"));
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export chart as PNG"), suggested,
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    path = withSuffix(path, QStringLiteral("png"));
    rememberFolderOf(path);
    if (const Result<void> r = ChartExporter::writePng(*chart, path, scale); !r)
        showErrors({r.error()});
    else
        Q_EMIT exported({path});
}

void ChartExportController::exportCsv(MetricChartView *chart) {
    ChartExportOptionsDialog dialog(ChartExportOptionsDialog::Mode::Csv, m_dialogParent);
    dialog.setOptions(savedOptions());
    if (dialog.exec() != QDialog::Accepted)
        return;
    ChartExportOptions options = dialog.options();
    options.pngScale = savedOptions().pngScale; // not asked here: keep the tab export's choice
    saveOptions(options);
    const QString suggested =
        QDir(lastFolder())
            .filePath(ChartExporter::fileBaseName(chart->spec().title) + QStringLiteral(".csv"));
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export chart data as CSV"), suggested,
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    path = withSuffix(path, QStringLiteral("csv"));
    rememberFolderOf(path);
    if (const Result<void> r = ChartExporter::writeCsv(*chart, path, options); !r)
        showErrors({r.error()});
    else
        Q_EMIT exported({path});
}

void ChartExportController::exportAll() {
    const QList<MetricChartView *> views = charts();
    if (views.isEmpty())
        return;
    ChartExportOptionsDialog dialog(ChartExportOptionsDialog::Mode::Tab, m_dialogParent);
    dialog.setWindowTitle(tr("Export all charts: %1").arg(m_groupTitle));
    dialog.setOptions(savedOptions());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ChartExportOptions options = dialog.options();
    saveOptions(options);
    const QString folder = QFileDialog::getExistingDirectory(
        m_dialogParent, tr("Export all charts of “%1” to a folder").arg(m_groupTitle), lastFolder());
    if (folder.isEmpty())
        return;
    rememberFolderOf(folder);

    QStringList existing;
    for (const QString &file : ChartExporter::tabFiles(views, folder))
        if (QFileInfo::exists(file))
            existing.append(QFileInfo(file).fileName());
    if (!existing.isEmpty()) {
        QMessageBox ask(QMessageBox::Question, tr("Replace files?"),
                        tr("%n file(s) in this folder will be replaced.", nullptr, int(existing.size())),
                        QMessageBox::Yes | QMessageBox::Cancel, m_dialogParent);
        ask.setDetailedText(existing.join(QLatin1Char('\n')));
        ask.button(QMessageBox::Yes)->setText(tr("Replace"));
        if (ask.exec() != QMessageBox::Yes)
            return;
    }
    const ChartExporter::TabResult result = ChartExporter::exportCharts(views, folder, options);
    if (!result.errors.isEmpty())
        showErrors(result.errors);
    if (!result.written.isEmpty())
        Q_EMIT exported(result.written);
}

void ChartExportController::copyImage(MetricChartView *chart) {
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    clipboard->setImage(ChartExporter::image(*chart, chart->devicePixelRatioF()));
    Q_EMIT exported({});
}

void ChartExportController::showErrors(const QList<Error> &errors) {
    QStringList messages;
    for (const Error &e : errors)
        messages.append(e.message);
    QMessageBox box(QMessageBox::Warning, tr("Export failed"),
                    errors.size() == 1 ? messages.first()
                                       : tr("%n file(s) could not be saved; the others were saved.", nullptr,
                                            int(errors.size())),
                    QMessageBox::Ok, m_dialogParent);
    if (errors.size() > 1)
        box.setDetailedText(messages.join(QLatin1Char('\n')));
    box.exec();
}

} // namespace mlwatch
