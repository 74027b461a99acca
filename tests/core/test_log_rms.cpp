// The probe's per-tensor RMS records (docs/log-format.md, "rms"): read from JSON Lines as the
// Python LogWriter writes them, every value bit for bit through JSON and JSON Lines round trips
// (NaN kept, missing kept), and bad records refused with file, line, column and field.

#include "core/logs/JsonLogs.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <sstream>

using namespace cl::logs;
using cl::LogError;

namespace {

std::uint64_t bits(double x)
{
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

const std::string kRunLine =
    "{\"type\": \"run\", \"format\": \"commutelab-log\", \"version\": 1, \"domains\": [\"waves\", \"ridges\", "
    "\"dunes\"], \"learning_rate\": 0.05, \"p_units\": \"raw\", \"target\": \"mean\", \"metadata\": {\"writer\": "
    "\"commutelab_probe 0.1.0\"}}\n";

}  // namespace

class TestLogRms : public QObject {
    Q_OBJECT

private slots:
    void readsProbeRecords()
    {
        // Text as commutelab_probe.LogWriter writes it (Python's shortest round-trip floats).
        const std::string text =
            kRunLine +
            "{\"type\": \"rms\", \"step\": 100, \"pair\": [\"ridges\", \"waves\"], \"tensor\": \"0.weight\", "
            "\"bracket_rms\": 0.07204482669460913, \"grad_rms\": 0.015506911500301304}\n"
            "{\"type\": \"rms\", \"step\": 100, \"pair\": [\"dunes\", \"waves\"], \"tensor\": "
            "\"blocks.0.attn.weight\", "
            "\"bracket_rms\": 1.5e-300, \"grad_rms\": \"NaN\"}\n"
            "{\"type\": \"rms\", \"step\": 200, \"pair\": \"32\", \"tensor\": \"2.bias\", \"bracket_rms\": null, "
            "\"grad_rms\": 3}\n";
        const RunLog log = readJsonLines(text, "probe.jsonl");
        QCOMPARE(log.rms.size(), std::size_t(3));
        QCOMPARE(log.rms.tensor[1], std::string("blocks.0.attn.weight"));
        QCOMPARE(log.rms.step[2], 200.0);
        QVERIFY(log.rms.pair(0) == (DomainPair{1, 0}));
        QVERIFY(log.rms.pair(1) == (DomainPair{2, 0}));
        QVERIFY(log.rms.pair(2) == (DomainPair{2, 1}));
        // Values equal the decimal text's nearest double, as strtod reads it independently.
        QCOMPARE(bits(log.rms.bracketRms[0]), bits(std::strtod("0.07204482669460913", nullptr)));
        QCOMPARE(bits(log.rms.gradRms[0]), bits(std::strtod("0.015506911500301304", nullptr)));
        QCOMPARE(bits(log.rms.bracketRms[1]), bits(std::strtod("1.5e-300", nullptr)));
        QVERIFY(std::isnan(log.rms.gradRms[1]) && !isMissing(log.rms.gradRms[1]));
        QVERIFY(isMissing(log.rms.bracketRms[2]));
        QCOMPARE(log.warningCount, std::size_t(1));  // the recorded NaN
        QVERIFY(log.warnings[0].text().find("grad_rms") != std::string::npos);
    }

    void roundTripsBitForBit()
    {
        RunLog log;
        log.setDomains({"en", "ru", "de"});
        std::mt19937_64 rng(12);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const char* names[] = {"embed.weight", "blocks.0.mlp.fc1.weight", "head.bias"};
        for (int r = 0; r < 60; ++r) {
            const DomainPair pair{r % 3, (r + 1 + r / 3 % 2) % 3};
            double bracket = std::ldexp(unit(rng), -int(rng() % 40));
            if (r == 7) bracket = std::nan("");
            if (r == 8) bracket = missing();
            log.rms.add(100.0 * (r / 6), pair, names[r % 3], bracket, unit(rng) * 1e-3);
        }
        for (int form = 0; form < 2; ++form) {
            std::ostringstream out;
            form ? writeJsonLines(log, out) : writeJsonLog(log, out);
            const RunLog back = form ? readJsonLines(out.str(), "r.jsonl") : readJsonLog(out.str(), "r.json");
            QCOMPARE(back.rms.size(), log.rms.size());
            for (std::size_t r = 0; r < log.rms.size(); ++r) {
                QVERIFY(back.rms.pair(r) == log.rms.pair(r));
                QCOMPARE(back.rms.tensor[r], log.rms.tensor[r]);
                QCOMPARE(bits(back.rms.step[r]), bits(log.rms.step[r]));
                QCOMPARE(isMissing(back.rms.bracketRms[r]), isMissing(log.rms.bracketRms[r]));
                if (!std::isnan(log.rms.bracketRms[r]))
                    QCOMPARE(bits(back.rms.bracketRms[r]), bits(log.rms.bracketRms[r]));
                else
                    QVERIFY(std::isnan(back.rms.bracketRms[r]));
                QCOMPARE(bits(back.rms.gradRms[r]), bits(log.rms.gradRms[r]));
            }
        }
    }

    void refusesBadRecords_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no tensor")
            << R"({"type": "rms", "step": 1, "pair": ["ridges", "waves"], "bracket_rms": 1, "grad_rms": 1})"
            << "r.jsonl:2:1: field 'tensor': missing required field";
        QTest::newRow("tensor not text")
            << R"({"type": "rms", "step": 1, "pair": ["ridges", "waves"], "tensor": 3, "bracket_rms": 1, "grad_rms": 1})"
            << "r.jsonl:2:67: field 'tensor': expected a tensor name, found a number";
        QTest::newRow("negative")
            << R"({"type": "rms", "step": 1, "pair": [2, 1], "tensor": "w", "bracket_rms": -0.5, "grad_rms": 1})"
            << "r.jsonl:2:74: field 'bracket_rms': an RMS cannot be negative";
        QTest::newRow("unknown domain")
            << R"({"type": "rms", "step": 1, "pair": ["ridges", "fr"], "tensor": "w", "bracket_rms": 1, "grad_rms": 1})"
            << "r.jsonl:2:47: field 'pair': unknown domain 'fr'";
        QTest::newRow("no grad_rms") << R"({"type": "rms", "step": 1, "pair": "12", "tensor": "w", "bracket_rms": 1})"
                                     << "r.jsonl:2:1: field 'grad_rms': missing required field";
    }

    void refusesBadRecords()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        try {
            readJsonLines(kRunLine + line.toStdString() + "\n", "r.jsonl");
            QFAIL("accepted a bad rms record");
        } catch (const LogError& e) {
            const std::string what = e.what();
            QVERIFY2(what.rfind(expected.toStdString(), 0) == 0, what.c_str());
        }
    }

    void refusesRmsListOfWrongType()
    {
        try {
            readJsonLog(R"({"domains": ["en", "ru"], "rms": {"step": 1}})", "r.json");
            QFAIL("accepted rms as an object");
        } catch (const LogError& e) {
            QCOMPARE(std::string(e.what()), std::string("r.json:1:34: field 'rms': expected an array"));
        }
    }
};

QTEST_APPLESS_MAIN(TestLogRms)
#include "test_log_rms.moc"
