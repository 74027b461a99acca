// Stale messages (issue 17, point 6 "stale status and error text"): every status and error
// message of the landscape workspace goes away or changes once its cause is fixed: loss parse
// errors (fixed text, a preset, the quadratic sliders), target errors (fixed text, another
// kind), export failures (a later export that works), session errors (a later open or save).

#include "WorkspaceHarness.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"
#include "ui/workspace/TargetSelector.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace cl;
using namespace cl::ui;

class TestWorkspaceMessages : public QObject {
    Q_OBJECT

    cl::testing::WorkspaceHarness harness_;
    std::unique_ptr<MainWindow>& window_ = harness_.window;
    QTemporaryDir files_;

    QString status() const { return window_->statusBar()->currentMessage(); }
    bool errorBoxOpen() const { return window_->errorBox() && window_->errorBox()->isVisible(); }

private slots:
    void initTestCase()
    {
        QVERIFY(harness_.open());
        QVERIFY(files_.isValid());
        window_->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
    }

    void lossErrorsGoWhenTheLossIsFixed()
    {
        LossPanel* panel = window_->lossPanel();
        harness_.typeExpression("l1Edit", "0.5*(x-1)^2 + (");
        QVERIFY2(panel->errorText().startsWith("L1: "), qPrintable(panel->errorText()));
        harness_.typeExpression("l1Edit", "0.5*(x-1)^2 + y^2");  // fixed by hand
        QCOMPARE(panel->errorText(), QString());

        harness_.typeExpression("l2Edit", "log(1 + x^2");
        QVERIFY2(panel->errorText().startsWith("L2: "), qPrintable(panel->errorText()));
        auto* presets = window_->findChild<QComboBox*>("presetCombo");
        presets->setCurrentIndex(1);
        emit presets->activated(1);  // fixed by a preset, as the user picks it
        QCOMPARE(panel->errorText(), QString());

        harness_.typeExpression("l1Edit", "sin(");
        QVERIFY(panel->errorText().startsWith("L1: "));
        auto* quadratic = window_->findChild<QToolButton*>("l1QuadraticToggle");
        quadratic->setChecked(true);  // fixed by the quadratic sliders, which take over L1
        QCOMPARE(panel->errorText(), QString());
        quadratic->setChecked(false);
    }

    void targetErrorsGoWhenTheTargetIsFixed()
    {
        TargetSelector* target = window_->lossPanel()->targetSelector();
        auto* kind = window_->findChild<QComboBox*>("targetCombo");
        auto* expression = window_->findChild<QLineEdit*>("targetExpression");
        kind->setCurrentIndex(4);  // expression
        harness_.typeExpression("targetExpression", "0.7*L1 + 0.3*L3");
        QVERIFY2(target->errorText().startsWith("target: "), qPrintable(target->errorText()));
        harness_.typeExpression("targetExpression", "0.7*L1 + 0.3*L2");
        QCOMPARE(target->errorText(), QString());
        QCOMPARE(expression->text(), QString("0.7*L1 + 0.3*L2"));

        harness_.typeExpression("targetExpression", "max(L1,");
        QVERIFY(target->errorText().startsWith("target: "));
        kind->setCurrentIndex(0);  // another kind of target: the typed text no longer matters
        QCOMPARE(target->errorText(), QString());
    }

    void exportErrorsGoAfterAnExportThatWorks()
    {
        const QString unwritable = files_.filePath("no-such-folder/fields.csv");
        QVERIFY(!window_->exportFieldsReported(unwritable));
        QVERIFY2(status().contains("no-such-folder"), qPrintable(status()));
        QVERIFY(errorBoxOpen());
        QVERIFY(window_->exportFieldsReported(files_.filePath("fields.csv")));
        QCOMPARE(status(), "wrote " + files_.filePath("fields.csv"));
        QTRY_VERIFY(!errorBoxOpen());

        QVERIFY(!window_->exportFigureReported(files_.filePath("view.bmp"), FigureOptions{}));
        QVERIFY2(status().contains(".bmp"), qPrintable(status()));
        QVERIFY(errorBoxOpen());
        QVERIFY(window_->exportFigureReported(files_.filePath("view.svg"), FigureOptions{}));
        QCOMPARE(status(), "wrote " + files_.filePath("view.svg"));
        QTRY_VERIFY(!errorBoxOpen());
    }

    void sessionErrorsGoAfterAnOpenOrSaveThatWorks()
    {
        const QString missing = files_.filePath("missing.json");
        QVERIFY(!window_->openSession(missing));
        QVERIFY2(status().contains("missing.json"), qPrintable(status()));
        QVERIFY(errorBoxOpen());
        const QString good = files_.filePath("good.json");
        QVERIFY(window_->saveSessionAs(good));
        // A save does not fix a failed open: that message stays until an open works.
        QVERIFY(errorBoxOpen());
        QVERIFY(window_->openSession(good));
        QTRY_VERIFY(!errorBoxOpen());
        QVERIFY2(!status().contains("missing.json"), qPrintable(status()));

        QVERIFY(!window_->saveSessionAs(files_.filePath("no-such-folder/s.json")));
        QVERIFY(errorBoxOpen());
        QVERIFY(window_->saveSessionAs(good));
        QTRY_VERIFY(!errorBoxOpen());
        QCOMPARE(status(), "saved " + good);
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestWorkspaceMessages)
#include "test_workspace_messages.moc"
