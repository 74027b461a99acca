// The log window's series -> domains choices (issue 11, "Series -> domains"): the mapping dialog,
// and mapping files the user loads or chooses to save to. The user's files are never written: a
// hand mapping lives in the session (applied again after every reload) unless the user saves it
// with File ▸ Save mapping as…, after which every later choice is saved to that file. A
// commutelab-mapping.json beside the logs is still read when logs are opened (RunLoading.cpp).

#include "ui/logs/LogWindow.h"
#include "ui/logs/MappingDialog.h"

#include "core/logs/MappingFile.h"

#include <QAction>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>

namespace cl::ui::logs {

void LogWindow::buildMappingMenu(QMenu* file)
{
    QAction* load = file->addAction(tr("&Load mapping file…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load a series → domains mapping"), mappingFileSuggestion(),
                                         tr("Mapping files (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !loadMappingFile(path, &error)) showError(error);
    });
    load->setObjectName("loadMappingAction");
    QAction* save = file->addAction(tr("&Save mapping as…"), this, [this] {
        // The user confirms (or changes) the place: nothing is written beside the logs unasked.
        const QString start = mappingFile_.isEmpty() ? mappingFileSuggestion() : mappingFile_;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the series → domains mapping"), start,
                                                          tr("Mapping files (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !saveMappingAs(path, &error)) showError(error);
    });
    save->setObjectName("saveMappingAction");
}

QString LogWindow::mappingFileSuggestion() const
{
    if (paths_.isEmpty()) return {};
    return QString::fromStdString(cl::logs::sidecarPathFor(paths_.front().toStdString()));
}

bool LogWindow::applyMapping(int index, const cl::logs::DomainMapping& mapping, QString* error)
{
    if (index < 0 || index >= static_cast<int>(runs_.size()) || !runs_[index].series) return false;
    try {
        runs_[index] = remapRun(runs_[index], mapping);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    sessionMappings_[runs_[index].name] = mapping;
    // Every other run with those series (a folder of runs logged by one script) follows.
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i) {
        if (i == index || !runs_[i].series || !cl::logs::mappingFits(*runs_[i].series, mapping)) continue;
        runs_[i] = remapRun(runs_[i], mapping);
        sessionMappings_[runs_[i].name] = mapping;
    }
    QString notSaved;
    if (!mappingFile_.isEmpty() && !writeMapping(mappingFile_, mapping, &notSaved)) showError(notSaved);
    reapplySessionMappings();  // the notes saying where each mapping lives
    return true;
}

bool LogWindow::loadMappingFile(const QString& path, QString* error)
{
    cl::logs::DomainMapping mapping;
    try {
        mapping = cl::logs::readMappingFile(path.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i)
        if (runs_[i].series && cl::logs::mappingFits(*runs_[i].series, mapping)) return applyMapping(i, mapping, error);
    if (error) *error = tr("%1: no shown run has the series this mapping names (or not on one axis)").arg(path);
    return false;
}

bool LogWindow::saveMappingAs(const QString& path, QString* error)
{
    if (runs_.empty() || !runs_[base_].series) {
        if (error)
            *error = tr("%1 names its domains itself: there is no mapping to save")
                         .arg(runs_.empty() ? tr("No log") : runs_[base_].name);
        return false;
    }
    const cl::logs::DomainMapping mapping = runs_[base_].mapping;
    if (!writeMapping(path, mapping, error)) return false;
    mappingFile_ = path;
    // The base run's mapping (a guess until now, perhaps) is the user's choice from here on.
    sessionMappings_[runs_[base_].name] = mapping;
    reapplySessionMappings();
    return true;
}

bool LogWindow::writeMapping(const QString& path, const cl::logs::DomainMapping& mapping, QString* error)
{
    try {
        cl::logs::writeMappingFile(path.toStdString(), mapping);
    } catch (const std::exception& e) {
        if (error)
            *error = tr("this mapping is used until the window closes but was not saved: %1")
                         .arg(QString::fromStdString(e.what()));
        return false;
    }
    savedMapping_ = mapping;
    return true;
}

void LogWindow::reapplySessionMappings()
{
    for (ShownRun& run : runs_) {
        const auto it = sessionMappings_.find(run.name);
        if (it == sessionMappings_.end() || !run.series) continue;
        const bool inFile = !mappingFile_.isEmpty() && savedMapping_.domains == it->second.domains &&
                            savedMapping_.axis == it->second.axis;
        try {
            run = remapRun(run, it->second, inFile ? mappingFile_.toStdString() : std::string());
        } catch (const std::exception& e) {  // a reload whose run lost a mapped series keeps its guess
            run.mappingNote = tr("your mapping no longer fits this run: %1").arg(QString::fromStdString(e.what()));
            continue;
        }
        if (!inFile) run.mappingNote = tr("This mapping lives in this session (File ▸ Save mapping as… keeps it).");
    }
    if (!runs_.empty()) showBase();
}

MappingDialog* LogWindow::openMappingDialog()
{
    if (runs_.empty() || !runs_[base_].series) return nullptr;
    auto* dialog = new MappingDialog(*runs_[base_].series, runs_[base_].mapping, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = runs_[base_].name;
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        for (int i = 0; i < static_cast<int>(runs_.size()); ++i) {
            if (runs_[i].name != name) continue;
            QString error;
            if (!applyMapping(i, dialog->mapping(), &error)) showError(error);
            return;
        }
    });
    dialog->open();
    return dialog;
}

}  // namespace cl::ui::logs
