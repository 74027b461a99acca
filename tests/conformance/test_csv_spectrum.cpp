// csv-spectrum (npm, installed at test time): every file is either split into exactly the
// records of its expected JSON, or refused where docs/log-format.md says CommuteLab departs from
// lenient CSV: a quoted cell spanning lines, and a quote inside an unquoted cell (RFC 4180 §2.5
// allows quotes only in quoted cells). The refusals are checked at their line and column.

#include "ConformanceDir.h"
#include "core/logs/CsvText.h"
#include "core/logs/Json.h"
#include "core/logs/LogError.h"
#include "core/logs/LogText.h"

#include <map>

using namespace cl::logs;

namespace {

struct Refusal {
    long line, column;
    const char* message;
};

// The documented refusals, by file: where the offending cell starts (or the quote in it).
const std::map<QString, Refusal> kRefused = {
    {"newlines.csv", {3, 1, "unterminated quote"}},
    {"newlines_crlf.csv", {3, 1, "unterminated quote"}},
    {"quotes_and_newlines.csv", {2, 3, "unterminated quote"}},
    {"location_coordinates.csv", {2, 24, "a quote inside an unquoted cell"}},
};

}  // namespace

class TestCsvSpectrum : public QObject {
    Q_OBJECT

private slots:
    void everyFileParsesToItsJsonOrIsRefusedAsDocumented()
    {
        QString why;
        const QString dir = conformance::suiteDir("node_modules/csv-spectrum", why);
        if (dir.isEmpty()) QSKIP(qPrintable(why));
        const QStringList files = QDir(dir + "/csvs").entryList({"*.csv"}, QDir::Files);
        QVERIFY(files.size() >= 12);
        int parsed = 0, refused = 0;
        for (const QString& file : files) {
            const std::string path = (dir + "/csvs/" + file).toStdString();
            LineReader reader(path);
            std::vector<std::vector<std::string>> rows;
            std::vector<CsvCell> cells;
            std::string scratch;
            CsvSyntaxError error;
            std::string_view line;
            long errorLine = 0;
            while (reader.next(line)) {
                if (!splitCsvLine(line, cells, scratch, error)) {
                    errorLine = reader.lineNumber();
                    break;
                }
                std::vector<std::string> row;
                for (const CsvCell& c : cells) row.emplace_back(c.text);
                rows.push_back(std::move(row));
            }
            const auto documented = kRefused.find(file);
            if (documented != kRefused.end()) {
                QVERIFY2(errorLine == documented->second.line && error.column == documented->second.column,
                         qPrintable(file + QString(": refused at %1:%2").arg(errorLine).arg(error.column)));
                QVERIFY2(error.message.rfind(documented->second.message, 0) == 0, qPrintable(file));
                ++refused;
                continue;
            }
            QVERIFY2(errorLine == 0, qPrintable(file + ": " + QString::fromStdString(error.message)));
            const QString jsonName = QString(file).replace(".csv", ".json");
            const JsonValue expected = parseJson(readTextFile((dir + "/json/" + jsonName).toStdString()), "expected");
            QVERIFY(expected.type == JsonValue::Type::Array);
            QCOMPARE(rows.size(), expected.items.size() + 1);  // + the header row
            const std::vector<std::string>& header = rows.front();
            for (std::size_t r = 0; r < expected.items.size(); ++r) {
                const JsonValue& record = expected.items[r];
                QCOMPARE(rows[r + 1].size(), header.size());
                QCOMPARE(record.members.size(), header.size());
                for (std::size_t c = 0; c < header.size(); ++c) {
                    const JsonValue* want = record.find(header[c]);
                    QVERIFY2(want, qPrintable(file + ": no key " + QString::fromStdString(header[c])));
                    QVERIFY2(want->text == rows[r + 1][c],
                             qPrintable(file + ": " + QString::fromStdString(rows[r + 1][c]) + " vs " +
                                        QString::fromStdString(want->text)));
                }
            }
            ++parsed;
        }
        qInfo("csv-spectrum: %d files parsed to their expected JSON, %d refused as documented, of %lld", parsed,
              refused, static_cast<long long>(files.size()));
        QCOMPARE(parsed + refused, static_cast<int>(files.size()));
        QCOMPARE(refused, static_cast<int>(kRefused.size()));
    }
};

QTEST_GUILESS_MAIN(TestCsvSpectrum)
#include "test_csv_spectrum.moc"
