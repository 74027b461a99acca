// Issue #16 at the command line: numeric options that overflow are refused with the option's
// name, and a long expression on a large grid under a virtual-memory ulimit gets the documented
// up-front refusal (exit 1, a message) instead of an allocation failure or a crash.

#include <QProcess>
#include "CommandRun.h"

#include <QtTest>

namespace {

// Through bash so the child can get a ulimit; `limitKiB` 0 means none.
Run runCommutelab(const QStringList& args, long limitKiB = 0)
{
    QStringList quoted;
    for (const QString& a : args) quoted << "'" + QString(a).replace("'", "'\\''") + "'";
    const QString script =
        (limitKiB > 0 ? QString("ulimit -v %1; ").arg(limitKiB) : QString()) + "exec \"$0\" " + quoted.join(' ');
    return runProgram("bash", {"-c", script, qEnvironmentVariable("COMMUTELAB_BINARY")});
}

// About 65 KB: 3,500 terms sin(k e-3 x) * y, each an x-only part of an xy product.
QString longExpression()
{
    QString text;
    for (int k = 1; k <= 3500; ++k) text += (k > 1 ? " + " : "") + QString("sin(%1e-3*x)*y").arg(k);
    return text;
}

}  // namespace

class TestCliLimits : public QObject {
    Q_OBJECT

private slots:
    void rangeWidthOverflowIsRefused()
    {
        const Run run =
            runCommutelab({"fields", "--l1", "x^2", "--l2", "y^2", "--range", "-1e308,1e308,-1,1", "--grid", "8"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("commutelab fields: error: grid: x range is too wide (xmax - xmin overflows)"));
    }

    void numericOptionsRefuseOverflowAndNonFinite_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList base = {"fields", "--l1", "x^2", "--l2", "y^2"};
        QTest::newRow("double overflow") << (base + QStringList{"--range", "-1e400,1,-1,1"})
                                         << "--range: '-1e400' is out of range of a double";
        QTest::newRow("inf") << (base + QStringList{"--range", "-inf,1,-1,1"})
                             << "--range: '-inf' is not a finite number";
        QTest::newRow("nan") << (base + QStringList{"--range", "nan,1,-1,1"})
                             << "--range: 'nan' is not a finite number";
        QTest::newRow("int overflow") << (base + QStringList{"--grid", "99999999999"})
                                      << "--grid: '99999999999' is out of range (at most 2147483647)";
    }
    void numericOptionsRefuseOverflowAndNonFinite()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runCommutelab(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void largeExpressionOnLargeGridIsRefusedUpFrontUnderUlimit()
    {
        const QString expression = longExpression();
        QVERIFY(expression.size() > 60000);
        // 1.5 GiB of address space: the 8192^2 grid alone would need 4.6 GiB.
        const Run run = runCommutelab({"fields", "--l1", expression, "--l2", "x*y", "--grid", "8192"}, 1536 * 1024);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("commutelab fields: error: fields: a 8192x8192 grid needs 4672 MiB for its "
                                "fields, above the limit of 2048 MiB; use a smaller grid"));
        // The same expression within the limits runs under the same ulimit: its working memory
        // is bounded by the tape, not the grid (the old evaluator needed ~1.7 GB at --grid 1024).
        const Run fits =
            runCommutelab({"fields", "--l1", expression, "--l2", "x*y", "--grid", "96", "--json"}, 1536 * 1024);
        QVERIFY2(fits.exitCode == 0, qPrintable(fits.err));
        QVERIFY(fits.out.contains("\"green_fraction\""));
    }
};

QTEST_GUILESS_MAIN(TestCliLimits)
#include "test_cli_limits.moc"
