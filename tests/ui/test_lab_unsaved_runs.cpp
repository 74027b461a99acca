// Unsaved state outside the workspace (issue 17, point 4): the Schedule lab's unsaved changes
// (runs added, a new model, ...) make closing the lab, quitting the app and "Build model" (a new
// model clears the runs) ask Save / Discard / Cancel first, and Cancel keeps every run
// (tests/ui/test_lab_file_window.cpp checks Save). The log window holds nothing
// unsaved (files are only read; a chosen mapping is remembered at once), so it never asks.

#include "WorkspaceHarness.h"
#include "ui/MainWindow.h"
#include "ui/SaveFileName.h"
#include "ui/schedule/RunsPanel.h"
#include "ui/schedule/ScheduleLabWindow.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace cl;
using namespace cl::ui;

class TestLabUnsavedRuns : public QObject {
    Q_OBJECT

    cl::testing::WorkspaceHarness harness_;
    std::unique_ptr<MainWindow>& window_ = harness_.window;
    QPointer<schedule::ScheduleLabWindow> lab_;
    int asked_ = 0;

    void answer(QMessageBox::StandardButton button)
    {
        lab_->setUnsavedChangesAnswer([this, button] {
            ++asked_;
            return button;
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(harness_.open());
        window_->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
        lab_ = window_->openScheduleLab();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->model() != nullptr, 60000);
    }

    void withoutRunsNothingIsAsked()
    {
        answer(QMessageBox::Cancel);
        QVERIFY(lab_->maybeSaveChanges());
        QCOMPARE(asked_, 0);
    }

    void closingAndRebuildingAskAndCancelKeepsTheRuns()
    {
        QTest::mouseClick(lab_->findChild<QPushButton*>("addRunButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(lab_->runsPanel()->runs().size(), std::size_t(1), 60000);
        answer(QMessageBox::Cancel);
        QVERIFY(!lab_->close());
        QCOMPARE(asked_, 1);
        QVERIFY(lab_->isVisible());
        lab_->findChild<QSpinBox*>("dimensionSpin")->setValue(20);
        QTest::mouseClick(lab_->findChild<QPushButton*>("buildModelButton"), Qt::LeftButton);
        QCOMPARE(asked_, 2);
        QTest::qWait(200);
        QCOMPARE(lab_->runsPanel()->runs().size(), std::size_t(1));  // no new model, the run kept
        QCOMPARE(lab_->model()->spec.dimension, 100);

        // Quitting the app asks about the lab's runs too; Cancel keeps both windows.
        QVERIFY(!window_->close());
        QCOMPARE(asked_, 3);
        QVERIFY(window_->isVisible() && lab_->isVisible());

        answer(QMessageBox::Discard);  // Build model then goes ahead and clears the runs
        QTest::mouseClick(lab_->findChild<QPushButton*>("buildModelButton"), Qt::LeftButton);
        QCOMPARE(asked_, 4);
        QTRY_VERIFY_WITH_TIMEOUT(lab_->model()->spec.dimension == 20, 60000);
        QVERIFY(lab_->runsPanel()->runs().empty());
        QVERIFY(lab_->isModified());  // n = 20 is not what the lab started with: closing asks, Discard closes
        QVERIFY(lab_->close());
        QCOMPARE(asked_, 5);
    }

    void saveAsAddsTheChosenTypesSuffix()
    {
        QCOMPARE(withSuffixOfFilter("/tmp/fig", "SVG vector (*.svg)", ".png"), QString("/tmp/fig.svg"));
        QCOMPARE(withSuffixOfFilter("/tmp/fig", "Figures (*.pdf *.png)", ".svg"), QString("/tmp/fig.pdf"));
        QCOMPARE(withSuffixOfFilter("/tmp/fig.PNG", "SVG vector (*.svg)", ".svg"), QString("/tmp/fig.PNG"));
        QCOMPARE(withSuffixOfFilter("/tmp/session", "", ".json"), QString("/tmp/session.json"));
        QCOMPARE(withSuffixOfFilter("", "CSV (*.csv)", ".csv"), QString());
        // Every Save as… / Export… dialog goes through askSaveFileName (SaveFileName.h), which applies this.
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestLabUnsavedRuns)
#include "test_lab_unsaved_runs.moc"
