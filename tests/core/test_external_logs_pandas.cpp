// Metrics CSVs and per-run tables read by CommuteLab and by pandas.read_csv (an independent
// reader): per column, the number of non-empty cells and their sum must agree.

#include "core/logs/LogSources.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cmath>

using namespace cl::logs;

namespace {

QString sharedLogs()
{
    return QFileInfo(QStringLiteral(__FILE__)).dir().absoluteFilePath(QStringLiteral("../../../shared/external-logs"));
}

// {column: [count, sum]} of every numeric column but the x column, from pandas.
const char* kPandasScript = R"(
import json, sys
import pandas as pd
frame = pd.read_csv(sys.argv[1])
x = sys.argv[2]
out = {}
for name in frame.columns:
    if name == x or not pd.api.types.is_numeric_dtype(frame[name]):
        continue
    column = frame[name].dropna()
    out[name] = [int(column.count()), float(column.sum())]
print(json.dumps(out))
)";

}  // namespace

class TestExternalLogsPandas : public QObject {
    Q_OBJECT

private slots:
    void columnsAgreeWithPandas_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("axis");
        QTest::newRow("lightning sparse CRLF") << "lightning-csv/Driemann--ml-aos/version_3/metrics.csv"
                                               << "step";
        QTest::newRow("lightning dense GAN") << "lightning-csv/AIRI-Institute--genrisk/version_9/metrics.csv"
                                             << "step";
        QTest::newRow("algoperf three shapes")
            << "algoperf/mlcommons--algorithmic-efficiency/prize_qualification_baselines/logs/external_tuning/"
               "full_budget/study_0/wmt_jax/trial_1/measurements.csv"
            << "global_step";
        QTest::newRow("regmix 512 runs") << "multi-domain/sail-sg--regmix/data/train_pile_loss_1m.csv"
                                         << "index";
        QTest::newRow("regmix 1B no final newline") << "multi-domain/sail-sg--regmix/data/test_pile_loss_1B.csv"
                                                    << "index";
    }

    void columnsAgreeWithPandas()
    {
        QFETCH(QString, file);
        QFETCH(QString, axis);
        if (!QFileInfo(sharedLogs()).isDir()) QSKIP("../shared/external-logs is absent: real-log tests skipped");
        QProcess python;
        const QString path = sharedLogs() + "/" + file;
        python.start("/usr/bin/python3", {"-c", kPandasScript, path, axis});
        if (!python.waitForStarted(10000)) QSKIP("/usr/bin/python3 is not available");
        QVERIFY(python.waitForFinished(120000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("No module named 'pandas'"))
            QSKIP("pandas is not installed (apt-get install python3-pandas)");
        QCOMPARE(python.exitCode(), 0);
        const QJsonObject reference = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        QVERIFY(!reference.isEmpty());

        const auto runs = readScalarRuns(path.toStdString());
        QCOMPARE(runs.size(), std::size_t(1));
        const ScalarRun& run = runs.front();
        QCOMPARE(run.series.size(), std::size_t(reference.size()));
        for (const auto& s : run.series) {
            QCOMPARE(QString::fromStdString(s.axis), axis);
            const auto it = reference.find(QString::fromStdString(s.name));
            QVERIFY2(it != reference.end(), s.name.c_str());
            const auto countSum = it->toArray();
            QCOMPARE(double(s.size()), countSum[0].toDouble());
            double sum = 0;
            for (double v : s.values) sum += v;
            // pandas sums pairwise; the two orders of summation differ in the last bits only.
            QVERIFY2(std::fabs(sum - countSum[1].toDouble()) <= 1e-12 * std::max(1.0, std::fabs(sum)),
                     qPrintable(QString("%1: %2 vs %3")
                                    .arg(s.name.c_str())
                                    .arg(sum, 0, 'g', 17)
                                    .arg(countSum[1].toDouble(), 0, 'g', 17)));
        }
    }
};

QTEST_APPLESS_MAIN(TestExternalLogsPandas)
#include "test_external_logs_pandas.moc"
