#include "ui/logs/LogWindow.h"

#include "ui/logs/AdviceView.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"
#include "ui/logs/RmsView.h"
#include "ui/schedule/TaskBar.h"

#include "LogWatcher.h"
#include "RunInfo.h"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cl::ui::logs {

namespace {
const char* const kRecentKey = "logs/recentFiles";

QSettings settings()
{
    return QSettings(QSettings::UserScope, QStringLiteral("CommuteLab"), QStringLiteral("CommuteLab"));
}

// Waits for `signal` of `window` with the event loop running, so the window stays responsive.
template <typename Signal>
void waitFor(LogWindow* window, Signal signal)
{
    QEventLoop loop;
    QObject::connect(window, signal, &loop, &QEventLoop::quit);
    loop.exec();
}
}  // namespace

LogWindow::LogWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName("logWindow");
    setWindowTitle(tr("CommuteLab — experiment logs"));
    setAcceptDrops(true);
    resize(1500, 900);

    auto* central = new QWidget(this);
    error_ = new QLabel(central);
    error_->setObjectName("logErrorArea");
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; border: 1px solid #d9534f; padding: 6px; }"));
    error_->hide();
    info_ = new QLabel(tr("Open logs (File ▸ Open logs… or Open folder…) or drop files or folders here: CommuteLab "
                          "logs, TensorBoard event files, trainer_state.json, metrics CSV, W&B exports."),
                       central);
    info_->setObjectName("logInfo");
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    baseBox_ = new QComboBox(central);
    baseBox_->setObjectName("baseRunBox");
    baseBox_->setToolTip(tr("The run whose interventions are shown and which the other runs are compared with"));
    baseBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    mappingButton_ = new QPushButton(tr("Series → domains…"), central);
    mappingButton_->setObjectName("mappingButton");
    mappingButton_->setEnabled(false);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Base run"), central));
    runRow->addWidget(baseBox_);
    runRow->addWidget(mappingButton_);
    runRow->addStretch(1);

    tabs_ = new QTabWidget(central);
    tabs_->setObjectName("logTabs");
    pareto_ = new ParetoView(tabs_);
    prediction_ = new PredictionView(tabs_);
    advice_ = new AdviceView(tabs_);
    rms_ = new RmsView(tabs_);
    tabs_->addTab(pareto_, tr("Pareto (Figs. 2, 3)"));
    tabs_->addTab(prediction_, tr("Prediction vs observation"));
    tabs_->addTab(advice_, tr("Order advice"));
    tabs_->addTab(rms_, tr("Bracket vs gradient RMS"));
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(error_);
    layout->addWidget(info_);
    layout->addLayout(runRow);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    statusBar()->setObjectName("logStatus");
    tasks_ = new schedule::TaskBar(QStringLiteral("logLoad"), this);
    statusBar()->addWidget(tasks_, 1);

    watcher_ = new LogWatcher(this);
    connect(watcher_, &LogWatcher::changed, this, &LogWindow::reloadInBackground);
    connect(baseBox_, qOverload<int>(&QComboBox::currentIndexChanged), this, &LogWindow::setBaseRun);
    connect(mappingButton_, &QPushButton::clicked, this, &LogWindow::openMappingDialog);
    buildMenus();
}

LogWindow::~LogWindow() = default;

void LogWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open logs…"), this, [this] {
        const QString start = paths_.isEmpty() ? QString() : QFileInfo(paths_.front()).absolutePath();
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Open experiment logs"), start,
            tr("Training logs (*.json *.jsonl *.ndjson *.csv *.txt events.out.tfevents.*);;All files (*)"));
        if (!paths.isEmpty()) openLogs(paths);
    });
    open->setShortcut(QKeySequence::Open);
    open->setObjectName("openLogAction");
    QAction* folder = file->addAction(tr("Open &folder…"), this, [this] {
        const QString start = paths_.isEmpty() ? QString() : QFileInfo(paths_.front()).absolutePath();
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of logs"), start);
        if (!path.isEmpty()) openLogs({path});
    });
    folder->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    folder->setObjectName("openFolderAction");
    recentMenu_ = file->addMenu(tr("Open &recent"));
    recentMenu_->setObjectName("recentLogsMenu");
    QAction* again = file->addAction(tr("&Reload"), this, [this] { reload(); });
    again->setShortcut(QKeySequence::Refresh);
    again->setObjectName("reloadLogAction");
    file->addSeparator();
    buildMappingMenu(file);
    file->addSeparator();
    file->addAction(tr("&Close"), this, &QWidget::close)->setShortcut(QKeySequence::Close);
    rebuildRecentMenu();
}

QStringList LogWindow::recentFiles()
{
    return settings().value(kRecentKey).toStringList();
}

void LogWindow::rememberRecent(const QStringList& paths)
{
    QStringList list = recentFiles();
    for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
        const QString absolute = QFileInfo(*it).absoluteFilePath();
        list.removeAll(absolute);
        list.prepend(absolute);
    }
    while (list.size() > kMaxRecentFiles) list.removeLast();
    settings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void LogWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList list = recentFiles();
    for (const QString& path : list)
        recentMenu_->addAction(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path, this,
                               [this, path] { openLogs({path}); });
    if (list.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear list"), this, [this] {
        settings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

std::shared_ptr<const cl::logs::RunLog> LogWindow::log() const
{
    return runs_.empty() ? nullptr : runs_[base_].log;
}

void LogWindow::openLogs(const QStringList& paths)
{
    if (paths.isEmpty()) return;
    struct Loaded {
        std::vector<ShownRun> runs;
        QStringList skipped;
    };
    auto result = std::make_shared<Loaded>();
    // A reader of its own: it becomes the window's (for live reloads) only if this open succeeds.
    auto reader = std::make_shared<RunReader>(paths);
    const QString label = paths.size() == 1 ? tr("Reading %1").arg(QFileInfo(paths.front()).fileName())
                                            : tr("Reading %1 logs").arg(paths.size());
    // A new open makes any reload in flight stale.
    ++generation_;
    tasks_->run(
        label, [reader, result](CancelFlag& flag) { result->runs = reader->read(&flag, &result->skipped); },
        [this, paths, result, reader] {
            if (result->runs.empty()) {
                if (!result->skipped.isEmpty()) {
                    failOpen(tr("No training logs found: %1").arg(result->skipped.join(QStringLiteral("; "))));
                    return;
                }
                failOpen(tr("%1: no training logs found").arg(paths.join(QStringLiteral(", "))));
                return;
            }
            reader_ = reader;
            showRuns(std::move(result->runs), paths, result->skipped);
            rememberRecent(paths);
            watcher_->watch(paths_);
            emit loadFinished(true);
        },
        [this](const QString& error) { failOpen(error); });
    // A cancelled task never calls back: finish the open for whoever waits on it.
    connect(
        tasks_, &schedule::TaskBar::busyChanged, this,
        [this](bool busy) {
            if (!busy && tasks_->statusText().endsWith(tr(": cancelled"))) emit loadFinished(false);
        },
        Qt::SingleShotConnection);
}

void LogWindow::failOpen(const QString& message)
{
    showError(message);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open log"), message, QMessageBox::Ok, this);
    box->setObjectName("logErrorDialog");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal but non-blocking: the window stays scriptable and usable
    emit loadFinished(false);
}

bool LogWindow::openLog(const QString& path)
{
    bool ok = false;
    QEventLoop loop;
    const auto done = connect(this, &LogWindow::loadFinished, &loop, [&](bool success) {
        ok = success;
        loop.quit();
    });
    openLogs({path});
    if (tasks_->isRunning()) loop.exec();
    disconnect(done);
    return ok;
}

bool LogWindow::reload()
{
    if (paths_.isEmpty()) return false;
    const unsigned generation = generation_;
    reloadInBackground();
    if (reading_) waitFor(this, &LogWindow::reloaded);
    return generation == generation_ && error_->isHidden();
}

void LogWindow::reloadInBackground()
{
    if (paths_.isEmpty() || !reader_ || tasks_->isRunning()) return;  // an open in flight reads afresh anyway
    if (reading_) {
        readAgain_ = true;
        return;
    }
    reading_ = true;
    struct Result {
        std::vector<ShownRun> runs;
        QStringList skipped;
        QString error;
    };
    const QStringList paths = paths_;
    const unsigned generation = generation_;
    std::shared_ptr<RunReader> reader = reader_;
    auto* done = new QFutureWatcher<Result>(this);
    connect(done, &QFutureWatcher<Result>::finished, this, [this, done, generation, paths] {
        Result r = done->result();
        done->deleteLater();
        reading_ = false;
        if (generation == generation_) {  // else another log was opened meanwhile
            watcher_->watch(paths);       // writers that replace files drop out of the watch
            if (!r.error.isEmpty())
                showError(tr("Reload failed, still showing the previous version: %1").arg(r.error));
            else if (r.runs.empty())
                showError(tr("Reload found no logs, still showing the previous version."));
            else
                showRuns(std::move(r.runs), paths, r.skipped);
        }
        emit reloaded();
        if (readAgain_) {
            readAgain_ = false;
            reloadInBackground();
        }
    });
    done->setFuture(QtConcurrent::run([paths, reader] {
        Result r;
        try {
            r.runs = reader->read(nullptr, &r.skipped);
        } catch (const std::exception& e) {
            r.error = QString::fromStdString(e.what());
        } catch (...) {
            r.error = tr("%1: could not be read").arg(paths.join(QStringLiteral(", ")));
        }
        return r;
    }));
}

void LogWindow::showError(const QString& message)
{
    error_->setText(message);
    error_->show();
}

void LogWindow::showRuns(std::vector<ShownRun> runs, const QStringList& paths, const QStringList& skipped)
{
    skipped_ = skipped;
    // The base run is kept by name across reloads; a new set of files starts at its first run.
    const QString baseName = paths == paths_ && !runs_.empty() ? runs_[base_].name : QString();
    if (paths != paths_) {  // other logs: the last ones' hand mappings and mapping file do not apply
        sessionMappings_.clear();
        mappingFile_.clear();
    }
    runs_ = std::move(runs);
    paths_ = paths;
    base_ = 0;
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i)
        if (runs_[i].name == baseName) base_ = i;
    reapplySessionMappings();
    error_->hide();
    error_->clear();
    {
        const QSignalBlocker block(baseBox_);
        baseBox_->clear();
        for (const ShownRun& r : runs_) baseBox_->addItem(r.name);
        baseBox_->setCurrentIndex(base_);
    }
    baseBox_->setEnabled(runs_.size() > 1);
    const QString title = runs_.size() == 1
                              ? QFileInfo(paths_.front()).fileName()
                              : tr("%1 runs from %2").arg(runs_.size()).arg(QFileInfo(paths_.front()).fileName());
    setWindowTitle(tr("%1 — CommuteLab log").arg(title));
    showBase();
    emit logLoaded(paths_.front());
}

void LogWindow::showBase()
{
    info_->setText(runInfoHtml(runs_, base_, skipped_));
    const ShownRun& base = runs_[base_];
    mappingButton_->setEnabled(base.series != nullptr);
    mappingButton_->setToolTip(base.series ? tr("Choose which series of %1 are the domain losses").arg(base.name)
                                           : tr("A CommuteLab log names its domains itself"));
    std::vector<ParetoRunInput> inputs;
    for (const ShownRun& r : runs_)
        inputs.push_back({r.name, r.log, r.format == QStringLiteral("run-table"),
                          r.series ? r.series->rowLabels : std::vector<std::string>{}});
    pareto_->setRuns(std::move(inputs), base_);
    prediction_->setLog(base.log);
    advice_->setLog(base.log);
    rms_->setLog(base.log);
}

void LogWindow::setBaseRun(int index)
{
    if (index < 0 || index >= static_cast<int>(runs_.size()) || index == base_) return;
    base_ = index;
    if (baseBox_->currentIndex() != index) {
        const QSignalBlocker block(baseBox_);
        baseBox_->setCurrentIndex(index);
    }
    showBase();
}

void LogWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) event->acceptProposedAction();
}

void LogWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    openLogs(paths);
}

}  // namespace cl::ui::logs
