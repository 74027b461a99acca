// Logs of other tools read as the README of ../shared/external-logs states them (counts, step
// ranges, refusals): Hugging Face trainer_state.json cross-checked against an independent JSON
// reader (Qt's QJsonDocument), TensorBoard folders through the one entry point, the mapping guess,
// hand mappings and axes that must not be mixed. CSV formats: test_external_logs_csv.cpp.

#include "ExternalLogSamples.h"
#include "core/logs/DomainMapping.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/Json.h"
#include "core/logs/LogSources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <map>

using namespace cl;
using namespace cl::logs;
using namespace cl::test;

namespace {

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

    void tensorBoardFolderThroughTheEntryPoint()
    {
        REQUIRE_SHARED();
        std::vector<LogWarning> skipped;
        const auto runs = loadRuns({sample("tensorboard")}, {}, &skipped);
        // Four event files with content or none, one LFS pointer skipped with its reason.
        QCOMPARE(runs.size(), std::size_t(5));
        QCOMPARE(skipped.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(skipped[0].message).contains("Git LFS pointer"));
        std::map<std::string, const LoadedRun*> byName;
        for (const auto& r : runs) byName[r.name] = &r;
        const LoadedRun* carl = byName.at("CarlSchader--labeled-contrastive-framework/version_0");
        QCOMPARE(carl->log.domains, (std::vector<std::string>{"train", "val"}));
        QCOMPARE(series(*carl->series, "train_loss").size(), std::size_t(7738));
        QCOMPARE(series(*carl->series, "val_loss").size(), std::size_t(100));
        // Lightning's epoch aggregates pair up; the restarted batch axes (valid_loss_step/epoch_N) are not used.
        const LoadedRun* atom = byName.at("AtomScott--FractalDB/version_0");
        QCOMPARE(atom->mapping.domains, (std::vector<std::pair<std::string, std::string>>{
                                            {"valid", "valid_loss_epoch"}, {"train", "train_loss_epoch"}}));
        QCOMPARE(atom->log.checkpoints.step, (std::vector<double>{1718, 3437}));
        QVERIFY(byName.at("BioinfoMachineLearning--mintomics/version_32")->series->truncatedTail);
        QVERIFY(byName.at("BioinfoMachineLearning--mintomics/version_29")->series->series.empty());
    }
};

QTEST_APPLESS_MAIN(TestExternalLogs)
#include "test_external_logs.moc"
