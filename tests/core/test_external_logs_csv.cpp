// Metrics CSV (Lightning, AlgoPerf), per-run tables joined with mixture weights (RegMix), W&B
// exports and folders of runs, read as the README of ../shared/external-logs states them, plus
// synthetic files for what the samples do not hold (cut tails, no x column, malformed cells).
// pandas cross-checks the same samples in test_external_logs_pandas.cpp.

#include "ExternalLogSamples.h"
#include "core/logs/DomainMapping.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogSources.h"
#include "core/logs/ParetoFront.h"

#include <cmath>

using namespace cl;
using namespace cl::logs;
using namespace cl::test;

class TestExternalLogsCsv : public QObject {
    Q_OBJECT

private slots:
    void lightningSparseRowsCrlf()
    {
        REQUIRE_SHARED();
        const std::string path = sample("lightning-csv/Driemann--ml-aos/version_3/metrics.csv");
        QCOMPARE(QString::fromStdString(detectSourceFormat(path)), QString("metrics-csv"));
        const ScalarRun run = only(readScalarRuns(path));
        QCOMPARE(run.series.size(), std::size_t(5));  // step is the axis
        const auto& train = series(run, "train_loss", "step");
        const auto& val = series(run, "val_loss", "step");
        QCOMPARE(train.size(), std::size_t(604));
        QCOMPARE(val.size(), std::size_t(200));
        QCOMPARE(series(run, "epoch").size(), std::size_t(804));
        QVERIFY(std::count(train.steps.begin(), train.steps.end(), 30199.0) == 1);
        QVERIFY(std::count(val.steps.begin(), val.steps.end(), 30199.0) == 1);
        QVERIFY(!run.truncatedTail);
        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(domainNames(guess), (std::vector<std::string>{"train", "val"}));
        const RunLog log = runLogFromSeries(run, guess);
        // The shared step is one checkpoint with both losses.
        const auto row =
            std::find(log.checkpoints.step.begin(), log.checkpoints.step.end(), 30199.0) - log.checkpoints.step.begin();
        QVERIFY(isRecorded(log.checkpoints.loss[0][row]) && isRecorded(log.checkpoints.loss[1][row]));
    }

    void lightningTwoCompetingLosses()
    {
        REQUIRE_SHARED();
        const ScalarRun run =
            only(readScalarRuns(sample("lightning-csv/AIRI-Institute--genrisk/version_9/metrics.csv")));
        QCOMPARE(series(run, "train_disc_loss").size(), std::size_t(320));
        QCOMPARE(series(run, "train_gen_loss").size(), std::size_t(320));
        const auto& disc = series(run, "train_disc_loss");
        QVERIFY(*std::min_element(disc.values.begin(), disc.values.end()) < 0);
        QCOMPARE(domainNames(guessDomainMapping(run)), (std::vector<std::string>{"disc", "gen"}));
    }

    void regmixRunTablesJoinedWithWeights()
    {
        REQUIRE_SHARED();
        std::vector<LogWarning> skipped;
        const auto runs = readScalarRuns(sample("multi-domain/sail-sg--regmix/data"), &skipped);
        QCOMPARE(runs.size(), std::size_t(2));  // losses of 1B (test) and 1M (train), each joined with its weights
        QVERIFY(skipped.empty());
        const ScalarRun& test = runs[0];
        const ScalarRun& train = runs[1];
        QCOMPARE(QString::fromStdString(train.format), QString("run-table"));
        QCOMPARE(train.rowLabels.size(), std::size_t(512));
        QCOMPARE(train.rowLabels.front(), std::string("1"));
        QCOMPARE(test.rowLabels.size(), std::size_t(64));
        QCOMPARE(test.rowLabels.front(), std::string("0"));
        QVERIFY(!test.truncatedTail);  // CRLF, last line complete without a newline
        for (const ScalarRun* run : {&train, &test}) {
            QCOMPARE(run->series.size(), std::size_t(13 + 17));
            std::vector<double> sums(run->rowLabels.size(), 0.0);
            std::size_t weights = 0;
            for (const auto& s : run->series) {
                QCOMPARE(s.size(), run->rowLabels.size());
                QCOMPARE(QString::fromStdString(s.axis), QString("index"));
                if (s.name.rfind("weight/", 0) != 0) continue;
                ++weights;
                for (std::size_t i = 0; i < s.size(); ++i) sums[i] += s.values[i];
            }
            QCOMPARE(weights, std::size_t(17));
            for (double sum : sums) QVERIFY2(std::fabs(sum - 1) <= 0.005, qPrintable(QString::number(sum)));
            const DomainMapping guess = guessDomainMapping(*run);
            QCOMPARE(guess.domains.size(), std::size_t(13));
            QCOMPARE(guess.domains.front(),
                     (std::pair<std::string, std::string>{"arxiv", "metric/the_pile_arxiv_val_loss"}));
            QCOMPARE(QString::fromStdString(guess.axis), QString("index"));
            const RunLog log = runLogFromSeries(*run, guess);
            QCOMPARE(log.checkpoints.size(), run->rowLabels.size());  // one point per run
        }
        QVERIFY(train.seriesIndex("weight/pile_cc") >= 0);
        // A table of weights alone stays a run of its own.
        const ScalarRun weightsOnly =
            only(readScalarRuns(sample("multi-domain/sail-sg--regmix/data/train_mixture_1m.csv")));
        QVERIFY(isMixtureTable(weightsOnly));
        QVERIFY(!isMixtureTable(train));
    }

    void algoperfThreeRowShapes()
    {
        REQUIRE_SHARED();
        const std::string dir =
            "algoperf/mlcommons--algorithmic-efficiency/prize_qualification_baselines/logs/external_tuning/full_budget/"
            "study_0/wmt_jax/trial_1/";
        const ScalarRun run = only(readScalarRuns(sample((dir + "measurements.csv").c_str())));
        QCOMPARE(series(run, "loss", "global_step").size(), std::size_t(1334));
        for (const char* name : {"train/loss", "validation/loss", "test/loss"})
            QCOMPARE(series(run, name, "global_step").size(), std::size_t(57));
        QCOMPARE(run.series.size(), std::size_t(19));
        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(domainNames(guess), (std::vector<std::string>{"train", "validation", "test"}));
        const ScalarRun eval = only(readScalarRuns(sample((dir + "eval_measurements.csv").c_str())));
        QCOMPARE(series(eval, "validation/loss", "global_step").size(), std::size_t(57));
        // hparams.json is neither log: by name it is refused, in a folder it is skipped with the reason.
        QVERIFY(!errorOf([&] { detectSourceFormat(sample((dir + "hparams.json").c_str())); }).isEmpty());
        std::vector<LogWarning> skipped;
        QCOMPARE(readScalarRuns(sample(dir.c_str()), &skipped).size(), std::size_t(2));
        QCOMPARE(skipped.size(), std::size_t(1));
    }

    void wandbExportOneRunPerPrefix()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "wandb.csv",
                                           "\"Step\",\"sunny-1 - loss/en\",\"sunny-1 - loss/en__MIN\",\"sunny-1 - "
                                           "loss/en__MAX\",\"sunny-1 - loss/ru\","
                                           "\"dark-2 - loss/en\",\"dark-2 - loss/ru\"\r\n"
                                           "\"0\",\"3.5\",\"3.4\",\"3.6\",\"2.5\",\"\",\"\"\r\n"
                                           "\"10\",\"3.0\",\"2.9\",\"3.1\",\"2.0\",\"4.0\",\"3.0\"\r\n"
                                           "\"20\",\"\",\"\",\"\",\"\",\"3.5\",\"2.75\"");
        QCOMPARE(QString::fromStdString(detectSourceFormat(path)), QString("wandb-csv"));
        const auto runs = readScalarRuns(path);
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[0].name, std::string("sunny-1"));
        QCOMPARE(runs[0].series.size(), std::size_t(4));
        QCOMPARE(series(runs[0], "loss/en__MAX", "Step").values.toVector(), (std::vector<double>{3.6, 3.1}));
        QCOMPARE(series(runs[1], "loss/ru", "Step").steps.toVector(), (std::vector<double>{10, 20}));
        QCOMPARE(series(runs[1], "loss/ru", "Step").values.toVector(), (std::vector<double>{3.0, 2.75}));
        // The bands are never guessed as domains.
        QCOMPARE(guessDomainMapping(runs[0]).domains,
                 (std::vector<std::pair<std::string, std::string>>{{"en", "loss/en"}, {"ru", "loss/ru"}}));
        const std::string epoch = writeFile(dir, "e.csv", "\"epoch\",\"r - val_loss\"\n\"1\",\"0.5\"\n\"2\",\"x\"\n");
        QCOMPARE(errorOf([&] { readScalarRuns(epoch); }),
                 QString::fromStdString(epoch) + ":3:5: field 'val_loss': not a number: 'x'");
    }

    void metricsCsvShapes()
    {
        QTemporaryDir dir;
        // No x column: the axis is the 0-based row; metric-first names.
        const std::string noX = writeFile(dir, "a.csv", "loss/en,loss/ru,acc/en\n3,2,0.1\n2.5,1.5,0.2\n");
        const ScalarRun a = only(readScalarRuns(noX));
        QCOMPARE(QString::fromStdString(a.format), QString("metrics-csv"));
        QCOMPARE(series(a, "loss/ru", "row").steps.toVector(), (std::vector<double>{0, 1}));
        QCOMPARE(domainNames(guessDomainMapping(a)), (std::vector<std::string>{"en", "ru"}));
        // _step, a text column, a cut last line (no newline, too few cells) kept as a truncated tail.
        const std::string cut =
            writeFile(dir, "b.csv", "_step,run,val_loss_en,val_loss_de\n1,x,3,4\n2,x,2.5,3.5\n3,x,2");
        const ScalarRun b = only(readScalarRuns(cut));
        QVERIFY(b.truncatedTail);
        QCOMPARE(series(b, "val_loss_de", "_step").values.toVector(), (std::vector<double>{4, 3.5}));
        QCOMPARE(b.skippedRecords, std::size_t(2));
        QCOMPARE(domainNames(guessDomainMapping(b)), (std::vector<std::string>{"en", "de"}));
        // A complete last line without a newline is not a cut.
        const std::string whole = writeFile(dir, "c.csv", "step,x_loss,y_loss\r\n1,3,4\r\n2,2,3");
        const ScalarRun c = only(readScalarRuns(whole));
        QVERIFY(!c.truncatedTail);
        QCOMPARE(series(c, "y_loss").size(), std::size_t(2));
        // Malformed cells are located: file:line:column field.
        const std::string bad = writeFile(dir, "d.csv", "step,train_loss,val_loss\n1,3,4\n2,2.5,abc\n");
        QCOMPARE(errorOf([&] { readScalarRuns(bad); }),
                 QString::fromStdString(bad) + ":3:7: field 'val_loss': not a number: 'abc'");
        const std::string cells = writeFile(dir, "e.csv", "step,train_loss\n1,3,4\n");
        QCOMPARE(errorOf([&] { readScalarRuns(cells); }),
                 QString::fromStdString(cells) + ":2:5: expected 2 cells, found 3");
        const std::string noStep = writeFile(dir, "f.csv", "step,train_loss\n,3\n");
        QCOMPARE(errorOf([&] { readScalarRuns(noStep); }),
                 QString::fromStdString(noStep) + ":2:1: field 'step': missing value of the x column");
    }

    void folderOfThreeRunsAndOneFront()
    {
        QTemporaryDir dir;
        const char* names[] = {"lr-1e-3/version_0/metrics.csv", "lr-3e-4/version_0/metrics.csv",
                               "lr-1e-4/version_0/metrics.csv"};
        std::vector<Point2> all;
        for (int r = 0; r < 3; ++r) {
            QByteArray text = "step,loss/en,loss/ru,epoch\n";
            for (int s = 1; s <= 20; ++s) {
                // Trading one loss for the other, with a wiggle: a front of several points.
                const double en = 2 + 0.1 * s + 0.3 * std::cos(s * 0.7 + r),
                             ru = 4 - 0.1 * s + 0.3 * std::sin(s * 1.3 - r);
                text += QByteArray::number(s * 100) + "," + QByteArray::number(en, 'g', 17) + "," +
                        QByteArray::number(ru, 'g', 17) + ",0\n";
                all.push_back({en, ru});
            }
            writeFile(dir, names[r], text);
        }
        writeFile(dir, "README.md", "not a log");
        const auto runs = loadRuns({dir.path().toStdString()});
        QCOMPARE(runs.size(), std::size_t(3));
        std::vector<Point2> loaded;
        for (const auto& run : runs) {
            QCOMPARE(run.log.domains, (std::vector<std::string>{"en", "ru"}));
            QCOMPARE(run.log.checkpoints.size(), std::size_t(20));
            for (std::size_t i = 0; i < 20; ++i)
                loaded.push_back({run.log.checkpoints.loss[0][i], run.log.checkpoints.loss[1][i]});
        }
        QCOMPARE(runs[0].name, std::string("lr-1e-3/version_0/metrics"));
        QCOMPARE(runs[2].name, std::string("lr-3e-4/version_0/metrics"));
        // One front over every run's points, against a brute-force non-dominated filter.
        std::vector<std::size_t> brute;
        for (std::size_t i = 0; i < loaded.size(); ++i) {
            bool dominated = false;
            for (std::size_t j = 0; j < loaded.size() && !dominated; ++j)
                dominated = j != i && loaded[j].x <= loaded[i].x && loaded[j].y <= loaded[i].y &&
                            (loaded[j].x < loaded[i].x || loaded[j].y < loaded[i].y);
            if (!dominated) brute.push_back(i);
        }
        auto front = paretoFront(loaded);
        std::sort(front.begin(), front.end());
        QCOMPARE(front, brute);
        QVERIFY(front.size() >= 3);
    }
};

QTEST_APPLESS_MAIN(TestExternalLogsCsv)
#include "test_external_logs_csv.moc"
