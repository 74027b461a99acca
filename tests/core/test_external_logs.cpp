// Logs of other tools read as the README of ../shared/external-logs states them (counts, step
// ranges, refusals), cross-checked against an independent JSON reader (Qt's QJsonDocument) for
// trainer_state.json; then synthetic files for what the samples do not hold (bare NaN, W&B
// exports, cut tails, malformed cells with their located messages).

#include "core/logs/DomainMapping.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogSources.h"
#include "core/logs/ParetoFront.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace cl;
using namespace cl::logs;

namespace {

// ../shared from the worktree; core tests get no environment, so find it from this file.
QString sharedLogs()
{
    return QFileInfo(QStringLiteral(__FILE__)).dir().absoluteFilePath(QStringLiteral("../../../shared/external-logs"));
}

#define REQUIRE_SHARED()                                                                                          \
    do {                                                                                                          \
        if (!QFileInfo(sharedLogs()).isDir()) QSKIP("../shared/external-logs is absent: real-log tests skipped"); \
    } while (0)

std::string sample(const char* relative)
{
    return (sharedLogs() + "/" + relative).toStdString();
}

const ScalarSeries& series(const ScalarRun& run, const std::string& name, const std::string& axis = {})
{
    const int i = run.seriesIndex(name, axis);
    if (i < 0) throw std::runtime_error("no series " + name);
    return run.series[static_cast<std::size_t>(i)];
}

ScalarRun only(const std::vector<ScalarRun>& runs)
{
    if (runs.size() != 1) throw std::runtime_error("expected one run, got " + std::to_string(runs.size()));
    return runs.front();
}

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
    f.write(content);
    return path.toStdString();
}

std::vector<std::string> domainNames(const DomainMapping& m)
{
    std::vector<std::string> out;
    for (const auto& d : m.domains) out.push_back(d.first);
    return out;
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const LogError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// Every numeric key of log_history through Qt's JSON reader: count and sum per key.
std::map<std::string, std::pair<std::size_t, double>> qtSeriesTotals(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::ReadOnly);
    const QJsonArray rows = QJsonDocument::fromJson(f.readAll()).object()["log_history"].toArray();
    std::map<std::string, std::pair<std::size_t, double>> totals;
    for (const auto& row : rows) {
        const QJsonObject o = row.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != "step" && it.value().isDouble()) {
                auto& t = totals[it.key().toStdString()];
                ++t.first;
                t.second += it.value().toDouble();
            }
    }
    return totals;
}

void compareWithQt(const ScalarRun& run, const std::string& path)
{
    const auto totals = qtSeriesTotals(path);
    QCOMPARE(run.series.size(), totals.size());
    for (const auto& s : run.series) {
        const auto it = totals.find(s.name);
        QVERIFY2(it != totals.end(), s.name.c_str());
        QCOMPARE(s.size(), it->second.first);
        double sum = 0;
        for (double v : s.values) sum += v;
        QCOMPARE(sum, it->second.second);  // same values, same order of summation
    }
}

}  // namespace

class TestExternalLogs : public QObject {
    Q_OBJECT

private slots:
    void hfSixEvalSets()
    {
        REQUIRE_SHARED();
        const std::string path = sample("hf-trainer-state/aigoncharov--trainer_state_viz/trainer_state.json");
        QCOMPARE(QString::fromStdString(detectSourceFormat(path)), QString("hf-trainer-state"));
        const ScalarRun run = only(readScalarRuns(path));
        QCOMPARE(QString::fromStdString(run.format), QString("hf-trainer-state"));
        compareWithQt(run, path);
        for (int g = 0; g < 6; ++g) {
            const auto& s = series(run, "eval_g" + std::to_string(g) + "_loss", "step");
            QCOMPARE(s.size(), std::size_t(31));
            QCOMPARE(s.steps.front(), 0.0);  // evaluated before training
            QCOMPARE(s.steps.back(), 12030.0);
        }
        QCOMPARE(series(run, "loss").size(), std::size_t(30));
        QCOMPARE(series(run, "loss").steps.front(), 401.0);

        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(domainNames(guess), (std::vector<std::string>{"g0", "g1", "g2", "g3", "g4", "g5"}));
        QCOMPARE(guess.domains[3].second, std::string("eval_g3_loss"));
        QCOMPARE(QString::fromStdString(guess.axis), QString("step"));
        MappingReport report;
        const RunLog log = runLogFromSeries(run, guess, &report);
        QCOMPARE(log.checkpoints.size(), std::size_t(31));
        QCOMPARE(log.checkpoints.step.front(), 0.0);
        for (int g = 0; g < 6; ++g)
            QCOMPARE(log.checkpoints.loss[g][0], series(run, "eval_g" + std::to_string(g) + "_loss").values[0]);
        QCOMPARE(report.mapped.size(), std::size_t(6));
        QCOMPARE(report.mapped[0], std::string("g0 <- eval_g0_loss (step, 31 points)"));
        QCOMPARE(report.ignored.size(), std::size_t(34 - 6));
    }

    void hfHandMappingOverridesTheGuess()
    {
        REQUIRE_SHARED();
        const std::string path = sample("hf-trainer-state/aigoncharov--trainer_state_viz/trainer_state.json");
        LoadOptions options;
        options.mapping.domains = {{"en", "eval_g1_loss"}, {"ru", "eval_g4_loss"}};
        options.mapping.axis = "step";
        const auto runs = loadRuns({path}, options);
        QCOMPARE(runs.size(), std::size_t(1));
        const LoadedRun& run = runs.front();
        QCOMPARE(run.log.domains, (std::vector<std::string>{"en", "ru"}));
        QVERIFY(!run.report.guessed);
        const auto& g4 = series(*run.series, "eval_g4_loss");
        QCOMPARE(run.log.checkpoints.size(), g4.size());
        for (std::size_t i = 0; i < g4.size(); ++i) QCOMPARE(run.log.checkpoints.loss[1][i], g4.values[i]);
        // A series that does not exist, or on another axis, is named in the error.
        options.mapping.domains = {{"en", "eval_g9_loss"}};
        QVERIFY(errorOf([&] { loadRuns({path}, options); }).contains("no series 'eval_g9_loss'"));
        options.mapping.domains = {{"en", "eval_g1_loss"}};
        options.mapping.axis = "epoch";
        QVERIFY(errorOf([&] { loadRuns({path}, options); }).contains("it exists on axis 'step'"));
    }

    void hfPerHeadLossesAndStrings()
    {
        REQUIRE_SHARED();
        const std::string path = sample("hf-trainer-state/HangerYang--Star/trainer_state.json");
        const ScalarRun run = only(readScalarRuns(path));
        compareWithQt(run, path);
        for (int h = 0; h < 7; ++h) {
            const auto& s = series(run, "train/ploss_" + std::to_string(h));
            QCOMPARE(s.size(), std::size_t(2000));
            QCOMPARE(s.steps.front(), 20.0);
            QCOMPARE(s.steps.back(), 40000.0);
        }
        QCOMPARE(series(run, "lr").size(), std::size_t(2000));
        QCOMPARE(run.seriesIndex("remaining_time"), -1);
        QCOMPARE(run.skippedRecords, std::size_t(2000));  // one remaining_time string per row
        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(domainNames(guess), (std::vector<std::string>{"ploss_0", "ploss_1", "ploss_2", "ploss_3", "ploss_4",
                                                               "ploss_5", "ploss_6"}));
    }

    void hfSummaryRowAndLastCheckpoint()
    {
        REQUIRE_SHARED();
        const std::string full =
            sample("hf-trainer-state/P4P4N1CK--whisper-large-v2-japanese-5k-steps/trainer_state.json");
        const std::string last =
            sample("hf-trainer-state/P4P4N1CK--whisper-large-v2-japanese-5k-steps/last-checkpoint/trainer_state.json");
        const ScalarRun run = only(readScalarRuns(full));
        compareWithQt(run, full);
        const auto& loss = series(run, "loss");
        QCOMPARE(loss.size(), std::size_t(200));
        for (std::size_t i = 0; i < loss.size(); ++i) QCOMPARE(loss.steps[i], 25.0 * double(i + 1));
        QCOMPARE(series(run, "eval_loss").size(), std::size_t(5));
        const auto& epoch = series(run, "epoch");  // every row has one: 200 train + 5 eval + 1 summary
        QCOMPARE(epoch.size(), std::size_t(206));
        QCOMPARE(std::count(epoch.steps.begin(), epoch.steps.end(), 5000.0), 3L);
        QCOMPARE(series(run, "train_loss").size(), std::size_t(1));
        const ScalarRun cut = only(readScalarRuns(last));
        compareWithQt(cut, last);
        QCOMPARE(cut.seriesIndex("train_loss"), -1);
        QCOMPARE(series(cut, "epoch").size(), std::size_t(205));
        // One eval set: the guess pairs it with the training loss (the one-point summary is left out).
        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(guess.domains,
                 (std::vector<std::pair<std::string, std::string>>{{"train", "loss"}, {"eval", "eval_loss"}}));
        const RunLog log = runLogFromSeries(run, guess);
        QCOMPARE(log.checkpoints.size(), std::size_t(200));  // eval steps are multiples of 25
    }

    void hfBareNonFiniteNumbers()
    {
        QTemporaryDir dir;
        const std::string path =
            writeFile(dir, "trainer_state.json",
                      "{\"global_step\": 20, \"log_history\": [\n"
                      "{\"step\": 10, \"loss\": 2.5, \"grad_norm\": NaN},\n"
                      "{\"step\": 20, \"loss\": Infinity, \"grad_norm\": -Infinity, \"note\": \"x\"}\n"
                      "]}\n");
        const ScalarRun run = only(readScalarRuns(path));
        const auto& g = series(run, "grad_norm");
        QVERIFY(std::isnan(g.values[0]));
        QCOMPARE(g.values[1], -INFINITY);
        QCOMPARE(series(run, "loss").values[1], INFINITY);
        QCOMPARE(run.skippedRecords, std::size_t(1));
        QCOMPARE(run.warnings.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(run.warnings[0].text()),
                 QString::fromStdString(path) + ":2:40: field 'log_history[0].grad_norm': non-finite value NaN kept");
        // The log formats' own parsing stays strict.
        QVERIFY(errorOf([&] { parseJson("[NaN]", "x.json"); }).startsWith("x.json:1:2:"));
    }

    void hfMalformedRowsAreLocated()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "trainer_state.json",
                                           "{\"log_history\": [\n {\"step\": 1, \"loss\": 2},\n {\"loss\": 3}\n]}");
        QCOMPARE(errorOf([&] { readScalarRuns(path); }),
                 QString::fromStdString(path) + ":3:2: field 'log_history[1].step': missing required field");
        const std::string text = writeFile(dir, "b/trainer_state.json", "{\"log_history\": [{\"step\": \"ten\"}]}");
        QVERIFY(errorOf([&] {
                    readScalarRuns(text);
                }).contains(":1:27: field 'log_history[0].step': expected a finite number"));
    }

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

    void pythiaZeroShotIsRefusedWithItsReason()
    {
        REQUIRE_SHARED();
        const QString e = errorOf([&] {
            readScalarRuns(
                sample("multi-domain/EleutherAI--pythia/evals/pythia-v1/pythia-160m/zero-shot/160m_step1000.json"));
        });
        QVERIFY2(e.contains("lm-eval-harness results"), qPrintable(e));
    }

    void gitLfsPointerAndEmptyFileAreRefused()
    {
        QTemporaryDir dir;
        const std::string lfs = writeFile(dir, "trainer_state.json",
                                          "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 37748\n");
        QVERIFY(errorOf([&] { detectSourceFormat(lfs); }).contains("Git LFS pointer"));
        const std::string empty = writeFile(dir, "metrics.csv", "");
        QVERIFY(errorOf([&] { detectSourceFormat(empty); }).contains("empty file"));
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
        QCOMPARE(series(runs[0], "loss/en__MAX", "Step").values, (std::vector<double>{3.6, 3.1}));
        QCOMPARE(series(runs[1], "loss/ru", "Step").steps, (std::vector<double>{10, 20}));
        QCOMPARE(series(runs[1], "loss/ru", "Step").values, (std::vector<double>{3.0, 2.75}));
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
        QCOMPARE(series(a, "loss/ru", "row").steps, (std::vector<double>{0, 1}));
        QCOMPARE(domainNames(guessDomainMapping(a)), (std::vector<std::string>{"en", "ru"}));
        // _step, a text column, a cut last line (no newline, too few cells) kept as a truncated tail.
        const std::string cut =
            writeFile(dir, "b.csv", "_step,run,val_loss_en,val_loss_de\n1,x,3,4\n2,x,2.5,3.5\n3,x,2");
        const ScalarRun b = only(readScalarRuns(cut));
        QVERIFY(b.truncatedTail);
        QCOMPARE(series(b, "val_loss_de", "_step").values, (std::vector<double>{4, 3.5}));
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

    void seriesOnTwoAxesAreNeverMixed()
    {
        ScalarRun run;
        run.name = "megatron";
        run.series = {{"lm_loss_en", "step", {1, 2}, {3, 2}, {}},
                      {"lm_loss_en", "samples", {64, 128}, {3.1, 2.1}, {}},
                      {"lm_loss_ru", "samples", {64, 128}, {4, 3}, {}}};
        const DomainMapping guess = guessDomainMapping(run);
        QCOMPARE(QString::fromStdString(guess.axis), QString("samples"));  // the axis with both domains
        QCOMPARE(domainNames(guess), (std::vector<std::string>{"en", "ru"}));
        const RunLog log = runLogFromSeries(run, guess);
        QCOMPARE(log.checkpoints.step, (std::vector<double>{64, 128}));
        QCOMPARE(log.checkpoints.loss[0], (std::vector<double>{3.1, 2.1}));
        DomainMapping hand;
        hand.domains = {{"en", "lm_loss_en"}};
        QVERIFY(errorOf([&] { runLogFromSeries(run, hand); }).contains("exists on several axes (step, samples)"));
        hand.domains = {{"en", "lm_loss_en"}, {"ru", "lm_loss_ru"}};
        hand.axis = "step";
        QVERIFY(errorOf([&] { runLogFromSeries(run, hand); }).contains("no series 'lm_loss_ru' on axis 'step'"));
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

QTEST_APPLESS_MAIN(TestExternalLogs)
#include "test_external_logs.moc"
