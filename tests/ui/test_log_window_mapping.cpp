// The log window's series -> domains mapping (issue 11): the mapping dialog lists every series and
// its choice changes the domains of every run with those series; the choice lives in the session
// (and survives reloads) and is written only to a mapping file the user chose (File ▸ Save mapping
// as…), whose content core reads back as the dialog's mapping; File ▸ Load mapping file… maps the
// runs as the file says; opening, reloading and mapping a folder write nothing in it.

#include "ThrowawaySettings.h"
#include "ui/VtkOpenGLHost.h"
#include "ui/logs/LogWindow.h"
#include "ui/logs/MappingDialog.h"
#include "ui/logs/ParetoView.h"

#include "core/logs/MappingFile.h"

#include "LogWindowFiles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QPixmap>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace cl::ui::logs;
using namespace logtest;

namespace {

// Every file and folder below `root` with its size and modification time: what "nothing was
// written here" is checked against.
QStringList listing(const QString& root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        entries << QDir(root).relativeFilePath(info.filePath()) + " " + QString::number(info.size()) + " " +
                       info.lastModified().toString(Qt::ISODateWithMs);
    }
    entries.sort();
    return entries;
}

// Three runs of one script (the same series, r1..r3) and one with other series (z-other).
QStringList writeFourRuns(const QTemporaryDir& dir)
{
    QStringList paths;
    for (const char* name : {"r1", "r2", "r3"}) {
        QDir().mkpath(dir.filePath(name));
        paths << dir.filePath(QString(name) + "/metrics.csv");
        writeFile(paths.back(), metricsCsv());
    }
    QDir().mkpath(dir.filePath("z-other"));
    writeFile(dir.filePath("z-other/metrics.csv"), "step,eval_a_loss,eval_b_loss\n1,2,3\n2,1.5,2.5\n");
    return paths;
}

using Domains = std::vector<std::pair<std::string, std::string>>;

}  // namespace

class TestLogWindowMapping : public QObject {
    Q_OBJECT

    cl::testing::ThrowawaySettings settings_;

private slots:
    void initTestCase()
    {
        // Recent files go to a throw-away settings file, not the user's.
        settings_.redirect();
    }

    void mappingDialogChoiceAppliesToAllRunsForTheSession()
    {
        QTemporaryDir dir;
        writeFourRuns(dir);
        const QStringList before = listing(dir.path());
        LogWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(window.openLog(dir.path()));
        QCOMPARE(listing(dir.path()), before);  // opening writes nothing
        QCOMPARE(window.runs().size(), std::size_t(4));
        const ShownRun& run = window.runs().front();
        QVERIFY(run.series);
        QVERIFY(!run.remembered);
        const std::vector<std::string> guess = run.log->domains;
        QVERIFY(guess != (std::vector<std::string>{"train", "code"}));
        MappingDialog* dialog = window.openMappingDialog();
        QVERIFY(dialog);
        // Every series with its count, step range and a sparkline.
        QTableWidget* table = dialog->seriesTable();
        QCOMPARE(table->rowCount(), static_cast<int>(run.series->series.size()));
        for (int row = 0; row < table->rowCount(); ++row) {
            const auto& s = run.series->series[row];
            QCOMPARE(table->item(row, MappingDialog::SeriesColumn)->text(), QString::fromStdString(s.name));
            QCOMPARE(table->item(row, MappingDialog::PointsColumn)->text().toInt(), static_cast<int>(s.size()));
            QVERIFY(table->item(row, MappingDialog::StepsColumn)->text().contains("…"));
            const auto shape = table->item(row, MappingDialog::ShapeColumn)->data(Qt::DecorationRole);
            QVERIFY(!shape.value<QPixmap>().isNull());
        }
        // By hand: train loss as domain "train" and the code eval loss as "code", nothing else.
        for (int row = 0; row < table->rowCount(); ++row)
            dialog->choose(table->item(row, MappingDialog::SeriesColumn)->text(), false);
        QVERIFY(dialog->choose("train_loss", true, "train"));
        QVERIFY(dialog->choose("val_loss_code", true, "code"));
        dialog->accept();
        QCoreApplication::processEvents();
        // Chosen once, it maps every run that has those series; the other run keeps its guess.
        auto checkMapped = [&] {
            for (int i = 0; i < 3; ++i) {
                const ShownRun& r = window.runs()[i];
                QCOMPARE(r.log->domains, (std::vector<std::string>{"train", "code"}));
                QVERIFY(r.remembered);
                QVERIFY(r.report.file.empty());  // in the session, no file
                // The values are the CSV's cells (metricsCsv: train 4/i at step 10 i, code 1.5 - 0.02 i).
                QCOMPARE(r.log->checkpoints.step[2], 30.0);
                QCOMPARE(r.log->checkpoints.loss[0][2], QByteArray::number(4.0 / 3).toDouble());
                QCOMPARE(r.log->checkpoints.loss[1][2], QByteArray::number(1.5 - 0.02 * 3).toDouble());
            }
            QCOMPARE(window.runs()[3].log->domains, (std::vector<std::string>{"a", "b"}));
            QVERIFY(!window.runs()[3].remembered);
        };
        checkMapped();
        QVERIFY(window.infoArea()->text().contains("lives in this session"));
        QVERIFY(window.mappingFile().isEmpty());
        // The views follow: the Pareto axes are the new domains.
        QCOMPARE(window.paretoView()->data().xName, std::string("train"));
        // A reload (a log still being written) keeps the session's choice.
        QVERIFY(window.reload());
        checkMapped();
        QCOMPARE(listing(dir.path()), before);  // mapping and reloading wrote nothing either
        // A new window on the same folder starts from the guess: nothing was kept on disk.
        LogWindow again;
        QVERIFY(again.openLog(dir.path()));
        QCOMPARE(again.runs()[0].log->domains, guess);
        QVERIFY(!again.runs()[0].remembered);
    }

    void saveMappingAsWritesOnlyWhereTheUserChose()
    {
        QTemporaryDir dir;
        const QStringList paths = writeFourRuns(dir);
        const QByteArray bytes = fileBytes(paths.front());
        LogWindow window;
        QVERIFY(window.openLog(dir.path()));
        const QString sidecar = dir.filePath("commutelab-mapping.json");
        QCOMPARE(window.mappingFileSuggestion(), sidecar);  // what the Save dialog proposes
        QVERIFY(window.findChild<QAction*>("saveMappingAction"));
        QVERIFY(window.findChild<QAction*>("loadMappingAction"));
        MappingDialog* dialog = window.openMappingDialog();
        QVERIFY(dialog);
        for (int row = 0; row < dialog->seriesTable()->rowCount(); ++row)
            dialog->choose(dialog->seriesTable()->item(row, MappingDialog::SeriesColumn)->text(), false);
        QVERIFY(dialog->choose("val_loss_ru", true, "ru"));
        QVERIFY(dialog->choose("val_loss_en", true, "en"));
        const cl::logs::DomainMapping chosen = dialog->mapping();
        dialog->accept();
        QCoreApplication::processEvents();
        QVERIFY(!QFileInfo::exists(sidecar));
        QString error;
        QVERIFY2(window.saveMappingAs(sidecar, &error), qPrintable(error));
        QCOMPARE(window.mappingFile(), sidecar);
        // The file holds the dialog's mapping, as core reads it (the reader `commutelab import` uses).
        cl::logs::DomainMapping saved = cl::logs::readMappingFile(sidecar.toStdString());
        QVERIFY(saved.domains == chosen.domains);
        QCOMPARE(Domains(saved.domains.begin(), saved.domains.end()).size(), std::size_t(2));
        QVERIFY(std::is_permutation(saved.domains.begin(), saved.domains.end(),
                                    Domains{{"ru", "val_loss_ru"}, {"en", "val_loss_en"}}.begin()));
        QCOMPARE(saved.axis, chosen.axis);
        for (int i = 0; i < 3; ++i) QCOMPARE(QString::fromStdString(window.runs()[i].report.file), sidecar);
        QVERIFY(window.infoArea()->text().contains("as you mapped them (commutelab-mapping.json)"));
        // A later choice is saved there too.
        cl::logs::DomainMapping next;
        next.domains = {{"train", "train_loss"}, {"code", "val_loss_code"}};
        QVERIFY(window.applyMapping(1, next));
        saved = cl::logs::readMappingFile(sidecar.toStdString());
        QCOMPARE(saved.domains, next.domains);
        QCOMPARE(window.runs()[0].log->domains, (std::vector<std::string>{"train", "code"}));
        QCOMPARE(fileBytes(paths.front()), bytes);  // the user's logs are never written
        // Reopening the folder (a new window) reads the sidecar by itself.
        LogWindow again;
        QVERIFY(again.openLog(dir.path()));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(again.runs()[i].log->domains, (std::vector<std::string>{"train", "code"}));
            QVERIFY(again.runs()[i].remembered);
        }
        QVERIFY(!again.runs()[3].remembered);
    }

    void loadMappingFileChangesTheDomains()
    {
        QTemporaryDir dir, elsewhere;
        writeFourRuns(dir);
        const QStringList before = listing(dir.path());
        // Written by hand in the documented form (docs/log-format.md, "Mapping files").
        const QString file = elsewhere.filePath("mine.json");
        writeFile(file,
                  "{\"format\": \"commutelab-mapping\", \"version\": 1, \"axis\": \"step\",\n"
                  " \"domains\": {\"code\": \"val_loss_code\", \"en\": \"val_loss_en\"}}\n");
        const QByteArray fileBefore = fileBytes(file);
        LogWindow window;
        QVERIFY(window.openLog(dir.path()));
        QVERIFY(window.runs()[0].log->domains != (std::vector<std::string>{"code", "en"}));  // the guess
        QString error;
        QVERIFY2(window.loadMappingFile(file, &error), qPrintable(error));
        for (int i = 0; i < 3; ++i) {
            const ShownRun& r = window.runs()[i];
            QCOMPARE(r.log->domains, (std::vector<std::string>{"code", "en"}));
            QVERIFY(r.remembered);
            // metricsCsv: code 1.5 - 0.02 i, en 3.0 - 0.1 i at step 10 i.
            QCOMPARE(r.log->checkpoints.step[3], 40.0);
            QCOMPARE(r.log->checkpoints.loss[0][3], QByteArray::number(1.5 - 0.02 * 4).toDouble());
            QCOMPARE(r.log->checkpoints.loss[1][3], QByteArray::number(3.0 - 0.1 * 4).toDouble());
        }
        QCOMPARE(window.runs()[3].log->domains, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(fileBytes(file), fileBefore);    // a loaded file is only read
        QVERIFY(window.mappingFile().isEmpty());  // and not where later choices are saved
        QCOMPARE(listing(dir.path()), before);
        // A bad file says where; one whose series no run has says so; the runs keep their mapping.
        writeFile(file, "{\"format\": \"commutelab-mapping\",\n \"domains\": {\"en\": \"val_loss_en\"}}\n");
        QVERIFY(!window.loadMappingFile(file, &error));
        QVERIFY2(error.contains("mine.json:2:") && error.contains("'domains'"), qPrintable(error));
        writeFile(file, "{\"format\": \"commutelab-mapping\", \"domains\": {\"x\": \"nope\", \"y\": \"nah\"}}");
        QVERIFY(!window.loadMappingFile(file, &error));
        QVERIFY2(error.contains("no shown run has"), qPrintable(error));
        QCOMPARE(window.runs()[0].log->domains, (std::vector<std::string>{"code", "en"}));
    }

    void mappingKeptForTheSessionWhenItCannotBeSaved()
    {
        // The chosen file's place is taken by a folder (works as root too, where permissions do
        // not stop a write): the mapping is used, and the window says it was not saved.
        QTemporaryDir dir;
        writeFile(dir.filePath("metrics.csv"), metricsCsv());
        const QString blocked = dir.filePath("taken.json");
        QVERIFY(QDir().mkpath(blocked));
        LogWindow window;
        QVERIFY(window.openLog(dir.path()));
        cl::logs::DomainMapping mapping;
        mapping.domains = {{"train", "train_loss"}, {"en", "val_loss_en"}};
        QVERIFY(window.applyMapping(0, mapping));
        QString error;
        QVERIFY(!window.saveMappingAs(blocked, &error));
        QVERIFY2(error.contains("not saved"), qPrintable(error));
        QCOMPARE(window.log()->domains, (std::vector<std::string>{"train", "en"}));
        QVERIFY(window.mappingFile().isEmpty());
        QVERIFY(window.runs().front().report.file.empty());
        QVERIFY(QFileInfo(blocked).isDir());
        QVERIFY(!QFileInfo::exists(blocked + ".part"));
    }

    void mappingDialogNeverMixesAxes()
    {
        cl::logs::ScalarRun run;
        run.name = "two-axes";
        run.series.push_back({"loss/en", "step", {1, 2, 3}, {3, 2, 1}, {}});
        run.series.push_back({"loss/ru", "step", {1, 2, 3}, {4, 3, 2}, {}});
        run.series.push_back({"loss/en vs samples", "samples", {10, 20}, {3, 2}, {}});
        cl::logs::DomainMapping current;
        current.axis = "step";
        current.domains = {{"en", "loss/en"}, {"ru", "loss/ru"}};
        MappingDialog dialog(run, current);
        QCOMPARE(dialog.axisBox()->currentText(), QString("step"));
        QCOMPARE(dialog.mapping().domains, current.domains);
        QVERIFY(!dialog.choose("loss/en vs samples", true));  // another axis: cannot be ticked
        dialog.axisBox()->setCurrentText("samples");          // switching axis unticks the others
        QVERIFY(dialog.mapping().domains.empty());
        QVERIFY(dialog.choose("loss/en vs samples", true, "en"));
        const auto m = dialog.mapping();
        QCOMPARE(m.axis, std::string("samples"));
        QCOMPARE(m.domains.size(), std::size_t(1));
        // Duplicate or empty domain names are refused in the dialog.
        dialog.axisBox()->setCurrentText("step");
        dialog.choose("loss/en", true, "x");
        dialog.choose("loss/ru", true, "x");
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.findChild<QLabel*>("mappingError")->text().contains("used twice"));
    }
};

QTEST_MAIN(TestLogWindowMapping)
#include "test_log_window_mapping.moc"
