// `commutelab render --session FILE --view surface [--field l1|l2|target]`: the workspace's 3-D
// surface from the command line, as PDF read back by poppler. Its text names the surface as the
// window does (the target by its display name, not the session's "weighted:0.3"), every word is
// on the page and apart from the others (a long name was cut at the page's edges before), only
// embedded fonts, the fields behind it as CSV; a bad --field fails with a message.

#include "CommandRun.h"
#include "FigureFormats.h"
#include "PdfWords.h"

#include "core/landscape/LandscapeSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestRenderSurface : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString session_;

    static Run render(const QStringList& args)
    {
        return runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"), QStringList{"render"} + args);
    }

private slots:
    void initTestCase()
    {
        for (const char* tool : {"pdftotext", "pdffonts"})
            if (QStandardPaths::findExecutable(tool).isEmpty()) QSKIP("poppler-utils is not installed");
        cl::LandscapeSession s;
        s.l1 = "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
        s.l2 = "log(1 + (x+1)^2 + 3*(y+0.5)^2)";
        s.target = "weighted:0.3";
        s.grid = cl::GridSpec{-2.5, 3, -2, 2.5, 60};
        session_ = dir_.filePath("study.json");
        cl::saveSession(s, session_.toStdString());
    }

    void surfaceOfEachField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("name");    // how the figure names the height
        QTest::addColumn<QString>("inches");  // the page
        QTest::newRow("l1, default size") << "l1"
                                          << "L₁"
                                          << "";
        QTest::newRow("l2, 5 × 3.75 in") << "l2"
                                        << "L₂"
                                        << "5,3.75";
        QTest::newRow("target, default size") << "target"
                                              << "target (0.3 L₁ + 0.7 L₂)"
                                              << "";
        QTest::newRow("target, 5 × 3.75 in") << "target"
                                            << "target (0.3 L₁ + 0.7 L₂)"
                                            << "5,3.75";
    }

    void surfaceOfEachField()
    {
        QFETCH(QString, field);
        QFETCH(QString, name);
        QFETCH(QString, inches);
        const QString pdf = dir_.filePath(field + inches + ".pdf");
        QStringList args{"--session", session_, "--view", "surface", "--field", field, "--out", pdf, "--data"};
        if (!inches.isEmpty())
            args << "--inches" << inches << "--dpi"
                 << "150";
        const Run t = render(args);
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));

        const figtest::PdfWords page = figtest::pdfWords(pdf);
        QVERIFY(page.ok);
        const QStringList problems = figtest::textLayoutProblems(page);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
        const QString text = figtest::pdfText(pdf);
        QVERIFY2(text.contains("Surface of " + name) || text.contains(name), qPrintable(text));
        QVERIFY2(text.contains("θ₁") && text.contains("θ₂"), qPrintable(text));
        const auto fonts = figtest::pdfFonts(pdf);
        QVERIFY(!fonts.isEmpty());
        for (auto it = fonts.begin(); it != fonts.end(); ++it) QVERIFY2(it.value(), qPrintable(it.key()));
        if (inches.isEmpty()) {
            QCOMPARE(page.pageWidth, 960 * 72.0 / 96);  // surfaceFigureDefaults: 960×720 px at 96 dpi
            QCOMPARE(page.pageHeight, 720 * 72.0 / 96);
        } else {
            QCOMPARE(page.pageWidth, 5 * 72.0);
        }

        // The numbers behind it: every field at every one of the 60² grid points.
        QFile csv(dir_.filePath(field + inches + ".csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csv.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 1 + 60 * 60);
        QVERIFY(rows.front().startsWith("x,y,l1,l2"));
    }

    void badFieldFailsWithAMessage()
    {
        const Run t =
            render({"--session", session_, "--view", "surface", "--field", "mean", "--out", dir_.filePath("bad.pdf")});
        QCOMPARE(t.exitCode, 2);
        QVERIFY2(t.err.contains("--field: unknown field 'mean' (use l1, l2 or target)"), qPrintable(t.err));
        const Run u =
            render({"--session", session_, "--view", "bracket", "--field", "l1", "--out", dir_.filePath("bad.pdf")});
        QCOMPARE(u.exitCode, 2);
        QVERIFY2(u.err.contains("--field: only with --view surface"), qPrintable(u.err));
    }
};

QTEST_MAIN(TestRenderSurface)
#include "test_render_surface.moc"
