// Log readers and writers: the paper samples read in every form, and a rich log survives
// canonical JSON -> wide CSV -> long CSV -> JSON Lines -> JSON with every value bit for bit
// (missing cells stay missing, recorded NaN/inf stay NaN/inf).

#include "core/logs/CsvText.h"
#include "core/logs/LogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <charconv>
#include <random>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace cl::logs;

namespace {

std::string samplePath(const char* name)
{
    // Core tests get no environment: find resources/logs from this source file's place.
    return QFileInfo(QStringLiteral(COMMUTELAB_SOURCE_ROOT "/tests/core/this.cpp")).dir().absoluteFilePath(QStringLiteral("../../resources/logs/%1").arg(name))
        .toStdString();
}

// Exact text of a double, telling missing from NaN.
std::string exact(double x)
{
    if (isMissing(x)) return "-";
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return std::isnan(x) ? "nan" : std::to_string(b);
}

// Every table as a sorted list of row texts, so logs compare whatever their row order.
std::vector<std::string> rowsOf(const RunLog& log)
{
    std::vector<std::string> rows;
    const auto& c = log.checkpoints;
    for (std::size_t r = 0; r < c.size(); ++r) {
        std::string s = "C " + exact(c.step[r]);
        for (const auto& l : c.loss) s += " " + exact(l[r]);
        s += " t" + exact(c.targetLoss.empty() ? missing() : c.targetLoss[r]);
        rows.push_back(s);
    }
    const auto& p = log.pValues;
    for (std::size_t r = 0; r < p.size(); ++r)
        rows.push_back("P " + exact(p.step[r]) + " " + std::to_string(p.first[r]) + std::to_string(p.second[r]) +
                       std::to_string(p.target[r]) + " " + exact(p.value[r]) + " " +
                       exact(p.stdError.empty() ? missing() : p.stdError[r]) + " " +
                       exact(p.samples.empty() ? missing() : p.samples[r]));
    const auto& v = log.interventions;
    for (std::size_t r = 0; r < v.size(); ++r) {
        std::string s = "I " + exact(v.start[r]) + " " + exact(v.length[r]) + " " + exact(v.deltaW[r]) + " " +
                        std::to_string(v.first[r]) + std::to_string(v.second[r]);
        for (int d = 0; d < log.domainCount(); ++d)
            s += " " + exact(InterventionTable::cell(v.excess, d, r)) + "/" + exact(InterventionTable::cell(v.loss, d, r)) +
                 "/" + exact(InterventionTable::cell(v.baseLoss, d, r));
        rows.push_back(s);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string describe(const RunLog& log)
{
    std::string s;
    for (const auto& d : log.domains) s += d + ",";
    for (double w : log.baseWeights) s += exact(w) + ",";
    s += exact(log.learningRate) + (log.pScaledByLr2 ? " lr2 " : " raw ") + log.target + "\n";
    for (const auto& [k, v] : log.metadata) s += k + "=" + v + "\n";
    for (const auto& r : rowsOf(log)) s += r + "\n";
    return s;
}

RunLog richLog()
{
    RunLog log;
    log.setDomains({"en", "ru", "code"});
    log.baseWeights = {0.5, 0.3, 0.2};
    log.learningRate = 1.5e-4;
    log.pScaledByLr2 = false;
    log.target = "mean";
    log.metadata = {{"model", "GPT-2 small"}, {"batch_size", "512"}, {"note", "commas, and: colons"}};
    const double nan = std::nan(""), inf = HUGE_VAL, none = missing();
    const double l1[] = {3.44, 3.04, 4.1}, l2[] = {3.32, nan, 3.9}, l3[] = {0.1 + 0.2, 1e-300, -inf};
    log.checkpoints.add(2000, l1, 3.5);
    log.checkpoints.add(8000, l2, none);
    log.checkpoints.add(14000, l3, inf);
    log.pValues.add(2000, {1, 0}, 0, 0.0195, 0.001, 600);
    log.pValues.add(2000, {1, 0}, 1, -0.0289, none, none);
    log.pValues.add(8000, {0, 2}, 2, nan, 2e-5, 100);
    log.pValues.add(11000, {1, 0}, 0, -1.0 / 3.0, none, none);  // a step with no checkpoint
    const double e12[] = {-0.0191, 0.0286, none}, e21[] = {0.0352, -0.0289, nan};
    const double reached[] = {3.30, 2.9, 4.0}, base[] = {3.31, 2.88, 3.95};
    log.interventions.add(2000, 4000, 0.15, {0, 1}, e12, nullptr, base);
    log.interventions.add(2000, 4000, 0.15, {1, 0}, e21, reached, base);
    log.interventions.add(8000, none, nan, {2, 0}, nullptr, reached, nullptr);
    log.interventions.add(2000, 4000, 0.3, {0, 1}, e12, nullptr, nullptr);  // a second Δw from one start
    return log;
}

}  // namespace

class TestLogFormats : public QObject {
    Q_OBJECT

private slots:
    void table2SampleInBothForms()
    {
        const RunLog json = readLog(samplePath("paper-table2.json"));
        const RunLog wide = readLog(samplePath("paper-table2.csv"));
        QCOMPARE(json.domains, (std::vector<std::string>{"en", "ru"}));
        QCOMPARE(json.checkpoints.size(), std::size_t(4));
        QCOMPARE(json.pValues.size(), std::size_t(8));
        QCOMPARE(json.interventions.size(), std::size_t(8));
        QCOMPARE(json.learningRate, 1.5e-4);
        QCOMPARE(json.warningCount, std::size_t(0));
        // The wide CSV is the same table: the same rows exactly (metadata differs only in notes).
        QCOMPARE(rowsOf(wide), rowsOf(json));
        QCOMPARE(wide.baseWeights, json.baseWeights);
        QCOMPARE(wide.learningRate, json.learningRate);
        QCOMPARE(*wide.metadataValue("batch_size"), std::string("512"));
        // Spot values straight from the paper: t = 8000, EL_1^{21} = 0.0129, P_{2,1;2} = -0.0074.
        QCOMPARE(json.interventions.excessLoss(0, 3), 0.0129);
        QCOMPARE(json.pValues.value[3], -0.0074);
        QCOMPARE(json.pValues.pair(3), (DomainPair{1, 0}));
    }

    void table3And4Samples()
    {
        const RunLog t3 = readLog(samplePath("paper-table3.json"));
        QCOMPARE(t3.baseWeights, (std::vector<double>{0.9, 0.1}));
        QCOMPARE(t3.checkpoints.loss[1][0], 3.70);
        QCOMPARE(t3.pValues.value[1], -0.1454);
        const RunLog t4 = readLog(samplePath("paper-table4.json"));
        QCOMPARE(t4.checkpoints.size(), std::size_t(0));
        QCOMPARE(t4.pValues.size(), std::size_t(24));
        QCOMPARE(t4.interventions.size(), std::size_t(0));
        QCOMPARE(t4.pValues.pair(0), (DomainPair{0, 1}));  // printed as P(L1, L2; L_i)
        QCOMPARE(t4.pValues.step[23], 24000.0);
        QCOMPARE(t4.pValues.value[23], -0.0141);
    }

    void roundTripThroughEveryForm()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const RunLog original = richLog();
        const std::string expected = describe(original);
        RunLog current = original;
        const std::pair<LogFormat, const char*> chain[] = {{LogFormat::Json, "a.json"},
                                                           {LogFormat::CsvWide, "b.csv"},
                                                           {LogFormat::CsvLong, "c.csv"},
                                                           {LogFormat::JsonLines, "d.jsonl"},
                                                           {LogFormat::Json, "e.json"}};
        for (const auto& [format, name] : chain) {
            const std::string path = dir.filePath(name).toStdString();
            saveLog(current, path, format);
            QCOMPARE(detectLogFormat(path), format);
            current = readLog(path);
            QCOMPARE(describe(current), expected);
        }
        // Non-finite values are kept and flagged, with their location.
        QVERIFY(current.warningCount > 0);
        QVERIFY(current.warnings.front().text().find("non-finite value") != std::string::npos);
    }

    void wideCsvAliasesAndLayout()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("aliases.csv").toStdString();
        std::ofstream(path, std::ios::binary)
            << "\xef\xbb\xbf# a comment line\r\n"
               "# domains: en, ru\r\n"
               "\"P(L2,L1;L1)\",  iteration ,wall_time,loss/ru,L_en,EL^{12}_ru,EL_1_12,P_21_2,\"P_2,1;1:se\"\r\n"
               "# a comment between rows\r\n"
               "0.5,100,17.0,2.5,3.5,+1e-2,-2E-2,0.25,0.01\r\n"
               "\r\n"
               ",200,18.0,2.4,3.4,,,,\r\n";
        const RunLog log = readLog(path);
        QCOMPARE(log.checkpoints.size(), std::size_t(2));
        QCOMPARE(log.checkpoints.loss[0][1], 3.4);
        QCOMPARE(log.checkpoints.loss[1][0], 2.5);
        QCOMPARE(log.pValues.size(), std::size_t(2));
        QCOMPARE(log.pValues.value[0], 0.5);
        QCOMPARE(log.pValues.stdError[0], 0.01);
        QCOMPARE(log.pValues.target[1], std::int16_t(1));
        QCOMPARE(log.interventions.size(), std::size_t(1));
        QCOMPARE(log.interventions.excessLoss(1, 0), 0.01);
        QCOMPARE(log.interventions.excessLoss(0, 0), -0.02);
        QCOMPARE(log.warningCount, std::size_t(1));  // wall_time is not a measurement
        QCOMPARE(log.warnings[0].text(), path + ":3:28: field 'wall_time': column not recognised; ignored");
    }

    void plainDecimalsReadLikeFromChars()
    {
        // readNumber's fast path (Clinger) must give the very double std::from_chars gives.
        std::mt19937_64 engine(7);
        for (int i = 0; i < 200000; ++i) {
            std::string text = engine() % 2 ? "-" : "";
            const int whole = int(engine() % 8), fraction = int(engine() % 18);
            for (int d = 0; d < whole; ++d) text += char('0' + engine() % 10);
            if (whole == 0 || engine() % 4) text += '.';
            for (int d = 0; d < fraction; ++d) text += char('0' + engine() % 10);
            double fast = 0, reference = 0;
            const auto status = readNumber(text, fast);
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), reference);
            if (ec != std::errc() || ptr != text.data() + text.size()) {
                QCOMPARE(int(status), int(NumberRead::Bad));
                continue;
            }
            QCOMPARE(int(status), int(NumberRead::Ok));
            QVERIFY2(exact(fast) == exact(reference), text.c_str());
        }
    }

    void longCsvWithTrackerTags()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("tracker.csv").toStdString();
        std::ofstream(path) << "wall_time,step,tag,value\n"
                               "1.0,100,L_en,3.5\n"
                               "1.0,100,L_ru,2.5\n"
                               "1.0,100,lr,0.0001\n"
                               "2.0,200,loss/en,3.4\n"
                               "2.0,200,loss/ru,2.4\n"
                               "2.0,200,\"P_2,1;1\",0.003\n"
                               "2.0,200,P_21;ru,-0.004\n";
        const RunLog log = readLog(path);
        QCOMPARE(log.domains, (std::vector<std::string>{"en", "ru"}));
        QCOMPARE(log.checkpoints.size(), std::size_t(2));
        QCOMPARE(log.checkpoints.loss[1][1], 2.4);
        QCOMPARE(log.pValues.size(), std::size_t(2));
        QCOMPARE(log.pValues.value[1], -0.004);
        QCOMPARE(log.warningCount, std::size_t(2));  // the wall_time column, and the lr metric once
    }
};

QTEST_APPLESS_MAIN(TestLogFormats)
#include "test_log_formats.moc"
