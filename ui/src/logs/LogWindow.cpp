#include "ui/logs/LogWindow.h"

#include "ui/logs/AdviceView.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"

#include "core/logs/LogFile.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QFutureWatcher>
#include <QVBoxLayout>

namespace cl::ui::logs {

namespace {
const char* const kRecentKey = "logs/recentFiles";

QSettings settings()
{
    return QSettings(QSettings::UserScope, QStringLiteral("CommuteLab"), QStringLiteral("CommuteLab"));
}
}  // namespace

LogWindow::LogWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName("logWindow");
    setWindowTitle(tr("CommuteLab — experiment log"));
    setAcceptDrops(true);
    resize(1500, 900);

    auto* central = new QWidget(this);
    error_ = new QLabel(central);
    error_->setObjectName("logErrorArea");
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; border: 1px solid #d9534f; padding: 6px; }"));
    error_->hide();
    info_ = new QLabel(tr("Open a log (File ▸ Open log…) or drop a .json, .jsonl or .csv file here."), central);
    info_->setObjectName("logInfo");
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tabs_ = new QTabWidget(central);
    tabs_->setObjectName("logTabs");
    pareto_ = new ParetoView(tabs_);
    prediction_ = new PredictionView(tabs_);
    advice_ = new AdviceView(tabs_);
    tabs_->addTab(pareto_, tr("Pareto (Figs. 2, 3)"));
    tabs_->addTab(prediction_, tr("Prediction vs observation"));
    tabs_->addTab(advice_, tr("Order advice"));
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(error_);
    layout->addWidget(info_);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    statusBar()->setObjectName("logStatus");

    watcher_ = new QFileSystemWatcher(this);
    reloadTimer_ = new QTimer(this);
    reloadTimer_->setSingleShot(true);
    reloadTimer_->setInterval(400);  // a growing log fires many changes: read once it settles
    connect(watcher_, &QFileSystemWatcher::fileChanged, reloadTimer_, qOverload<>(&QTimer::start));
    connect(reloadTimer_, &QTimer::timeout, this, &LogWindow::reloadInBackground);
    buildMenus();
}

LogWindow::~LogWindow() = default;

void LogWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open log…"), this, [this] {
        const QString start = path_.isEmpty() ? QString() : QFileInfo(path_).absolutePath();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open experiment log"), start,
            tr("Experiment logs (*.json *.jsonl *.ndjson *.csv *.txt);;All files (*)"));
        if (!path.isEmpty()) openLog(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setObjectName("openLogAction");
    recentMenu_ = file->addMenu(tr("Open &recent"));
    recentMenu_->setObjectName("recentLogsMenu");
    QAction* again = file->addAction(tr("&Reload"), this, [this] { reload(); });
    again->setShortcut(QKeySequence::Refresh);
    again->setObjectName("reloadLogAction");
    file->addSeparator();
    file->addAction(tr("&Close"), this, &QWidget::close)->setShortcut(QKeySequence::Close);
    rebuildRecentMenu();
}

QStringList LogWindow::recentFiles()
{
    return settings().value(kRecentKey).toStringList();
}

void LogWindow::rememberRecent(const QString& path)
{
    QStringList list = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
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
                               [this, path] { openLog(path); });
    if (list.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear list"), this, [this] {
        settings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

std::shared_ptr<const cl::logs::RunLog> LogWindow::read(const QString& path, QString& error)
{
    // The readers throw LogError with a located message for bad input; anything else (out of
    // memory on a huge file, say) must not take the window down either.
    try {
        return std::make_shared<const cl::logs::RunLog>(cl::logs::readLog(path.toStdString()));
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
    } catch (...) {
        error = tr("%1: could not be read").arg(path);
    }
    return nullptr;
}

bool LogWindow::openLog(const QString& path)
{
    QString error;
    auto log = read(path, error);
    if (!log) {
        showError(error);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open log"), error, QMessageBox::Ok, this);
        box->setObjectName("logErrorDialog");
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();  // window-modal but non-blocking: the window stays scriptable and usable
        return false;
    }
    ++generation_;
    showLog(std::move(log), path);
    rememberRecent(path);
    watch(path);
    return true;
}

bool LogWindow::reload()
{
    if (path_.isEmpty()) return false;
    watch(path_);  // editors and writers that replace the file drop it from the watcher
    QString error;
    auto log = read(path_, error);
    applyReload(log, error);
    return log != nullptr;
}

void LogWindow::applyReload(std::shared_ptr<const cl::logs::RunLog> log, const QString& error)
{
    if (!log)
        showError(tr("Reload failed, still showing the previous version: %1").arg(error));
    else
        showLog(std::move(log), path_);
}

void LogWindow::reloadInBackground()
{
    if (path_.isEmpty()) return;
    if (reading_) {
        readAgain_ = true;
        return;
    }
    watch(path_);
    reading_ = true;
    struct Result {
        std::shared_ptr<const cl::logs::RunLog> log;
        QString error;
    };
    const QString path = path_;
    const unsigned generation = generation_;
    auto* done = new QFutureWatcher<Result>(this);
    connect(done, &QFutureWatcher<Result>::finished, this, [this, done, generation] {
        const Result r = done->result();
        done->deleteLater();
        reading_ = false;
        if (generation == generation_) applyReload(r.log, r.error);  // else another file was opened
        if (readAgain_) {
            readAgain_ = false;
            reloadInBackground();
        }
    });
    done->setFuture(QtConcurrent::run([path] {
        Result r;
        r.log = read(path, r.error);
        return r;
    }));
}

void LogWindow::watch(const QString& path)
{
    if (!watcher_->files().isEmpty()) watcher_->removePaths(watcher_->files());
    if (QFileInfo::exists(path)) watcher_->addPath(path);
}

void LogWindow::showError(const QString& message)
{
    error_->setText(message);
    error_->show();
}

void LogWindow::showLog(std::shared_ptr<const cl::logs::RunLog> log, const QString& path)
{
    log_ = std::move(log);
    path_ = path;
    error_->hide();
    error_->clear();
    const auto& l = *log_;
    QStringList domains;
    for (const auto& d : l.domains) domains << QString::fromStdString(d);
    QString info = tr("<b>%1</b> — domains %2; %3 checkpoints, %4 P-values, %5 interventions")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped(), domains.join(QStringLiteral(", ")).toHtmlEscaped())
                       .arg(l.checkpoints.size())
                       .arg(l.pValues.size())
                       .arg(l.interventions.size());
    if (const std::string* source = l.metadataValue("source"))
        info += QStringLiteral("<br>") + QString::fromStdString(*source).toHtmlEscaped();
    if (l.metadataValue("toy"))
        info += tr("<br><b>Toy log</b>: made by CommuteLab's quadratic model, not by a training run.");
    if (l.warningCount > 0)
        info += tr("<br>%1 warning(s), first: %2")
                    .arg(l.warningCount)
                    .arg(QString::fromStdString(l.warnings.front().text()).toHtmlEscaped());
    info_->setText(info);
    setWindowTitle(tr("%1 — CommuteLab log").arg(QFileInfo(path).fileName()));
    pareto_->setLog(log_);
    prediction_->setLog(log_);
    advice_->setLog(log_);
    emit logLoaded(path);
}

void LogWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) event->acceptProposedAction();
}

void LogWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile()) return;
    event->acceptProposedAction();
    openLog(urls.front().toLocalFile());
}

}  // namespace cl::ui::logs
