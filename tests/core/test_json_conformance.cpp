// The JSON reader against RFC 8259 on inputs written here (issue #16, class 8): the cases the
// old reader got wrong (leading zeros, "2.", "-.123", raw control characters, invalid surrogate
// pairs decoded to wrong characters, CESU bytes, code points beyond U+10FFFF), strict UTF-8 on
// raw bytes, the opt-in Python literals, and the located messages. JSONTestSuite itself runs in
// tests/conformance/test_json_test_suite.cpp.

#include "core/logs/Json.h"
#include "core/logs/LogError.h"

#include <QtTest>

#include <cmath>

using namespace cl::logs;

namespace {

// "line:column: message" of the refusal, or "" when accepted.
std::string refusal(const std::string& text, const JsonOptions& options = {})
{
    try {
        parseJson(text, "t.json", 1, options);
    } catch (const cl::LogError& e) {
        return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.message();
    }
    return {};
}

}  // namespace

class TestJsonConformance : public QObject {
    Q_OBJECT

private slots:
    void refusesWhatRfc8259Refuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* tag, const std::string& text, const char* expected) {
            QTest::newRow(tag) << QByteArray(text.data(), int(text.size())) << expected;
        };
        row("leading zero", "[012]", "1:3: not a number: a leading zero is not allowed");
        row("negative leading zero", "[-01]", "1:4: not a number: a leading zero is not allowed");
        row("no fraction digits", "[2.]", "1:4: not a number: expected a digit after the decimal point");
        row("no integer digits", "[-.123]", "1:3: not a number: expected a digit after '-'");
        row("no exponent digits", "[1e+]", "1:5: not a number: expected a digit in the exponent");
        row("plus sign", "[+1]", "1:2: unexpected character '+': expected a value");
        row("hex", "[0x1]", "1:3: expected ',' or ']', found 'x'");
        row("raw tab in string", "[\"a\tb\"]",
            "1:4: control character byte 0x09 inside a string (write it as an escape)");
        row("raw newline in string", "[\"a\nb\"]", "1:4: line break inside a string");
        row("lone high surrogate", R"(["\uD800"])", "1:3: high surrogate not followed by a low surrogate escape");
        row("high then non-surrogate", R"(["\uD800\u0041"])",
            "1:3: high surrogate not followed by a low surrogate escape");
        row("lone low surrogate", R"(["\uDC00"])", "1:3: lone low surrogate in a \\u escape");
        row("CESU-8 bytes", "[\"\xed\xa0\xbd\xed\xb8\x80\"]", "1:3: invalid UTF-8 inside a string");
        row("beyond U+10FFFF", "[\"\xf4\x90\x80\x80\"]", "1:3: invalid UTF-8 inside a string");
        row("overlong", "[\"\xc0\xaf\"]", "1:3: invalid UTF-8 inside a string");
        row("truncated sequence", "[\"\xe2\x82\"]", "1:3: invalid UTF-8 inside a string");
        row("bad escape", R"(["\x41"])", "1:4: unknown escape '\\x'");
        row("short unicode escape", R"(["\u12G4"])", "1:5: bad \\u escape: expected 4 hex digits");
        row("trailing comma", "[1,]", "1:4: unexpected character ']': expected a value");
        row("bare NaN by default", "[NaN]", "1:2: unexpected character 'N': expected a value");
        row("form feed is not space", "[\f1]", "1:2: unexpected character byte 0x0c: expected a value");
        row("text after value", "{} x", "1:4: unexpected text after the JSON value: 'x'");
        row("overflow", "[1e999]", "1:2: number too large for a double: '1e999'");
        row("repeated key", "{\"a\": 1,\n \"a\": 2}", "2:2: key repeated in one object");
        row("unterminated", "[1,\n[2", "2:3: unexpected end of file: unterminated array (opened at line 2, column 1)");
        row("too deep", std::string(66, '[') + std::string(66, ']'), "1:66: nesting deeper than 64 levels");
    }
    void refusesWhatRfc8259Refuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(refusal(text.toStdString())), expected);
    }

    void readsWhatRfc8259Allows()
    {
        const JsonValue v = parseJson(
            R"([-0, 0.5e-3, 1E+2, 123456789012345678901234567890, 1e-400, "\u00e9\uD834\uDD1E\/\u0000", "\t"])", "t");
        QCOMPARE(v.items.size(), std::size_t(7));
        QVERIFY(std::signbit(v.items[0].number));
        QCOMPARE(v.items[1].number, 0.5e-3);
        QCOMPARE(v.items[2].number, 100.0);
        QCOMPARE(v.items[3].number, 1.2345678901234568e29);
        QCOMPARE(v.items[4].number, 0.0);  // underflow reads as 0 (documented)
        QCOMPARE(v.items[5].text, std::string("\xc3\xa9\xf0\x9d\x84\x9e/") + std::string(1, '\0'));  // é, U+1D11E
        QCOMPARE(v.items[6].text, std::string("\t"));
        // Valid multi-byte UTF-8 straight through, up to U+10FFFF.
        QCOMPARE(parseJson("\"\xf4\x8f\xbf\xbf\xe2\x82\xac\"", "t").text, std::string("\xf4\x8f\xbf\xbf\xe2\x82\xac"));
    }

    void pythonLiteralsOnlyWhenAskedFor()
    {
        JsonOptions python;
        python.nonFiniteLiterals = true;
        const JsonValue v = parseJson("[NaN, Infinity, -Infinity, -1]", "t", 1, python);
        QVERIFY(std::isnan(v.items[0].number));
        QCOMPARE(v.items[1].number, HUGE_VAL);
        QCOMPARE(v.items[2].number, -HUGE_VAL);
        QCOMPARE(v.items[3].number, -1.0);
        QCOMPARE(v.items[1].text, std::string("Infinity"));
        QCOMPARE(QString::fromStdString(refusal("[-Infinity]")),
                 QStringLiteral("1:3: not a number: expected a digit after '-'"));
        QCOMPARE(QString::fromStdString(refusal("[nan]", python)),
                 QStringLiteral("1:2: unexpected character 'n': expected a value"));
    }

    void repeatedKeysKeptWhenAskedFor()
    {
        JsonOptions keep;
        keep.refuseRepeatedKeys = false;
        const JsonValue v = parseJson(R"({"a": 1, "a": 2})", "t", 1, keep);
        QCOMPARE(v.members.size(), std::size_t(2));
        QCOMPARE(v.find("a")->number, 1.0);  // the first
    }

    void largeObjectsFindEveryKey()
    {
        std::string text = "{";
        for (int k = 999; k >= 0; --k)
            text += "\"k" + std::to_string(k) + "\": " + std::to_string(k) + (k ? ", " : "}");
        const JsonValue v = parseJson(text, "t");
        QVERIFY(!v.sortedKeys.empty());
        for (int k = 0; k < 1000; ++k) QCOMPARE(v.find("k" + std::to_string(k))->number, double(k));
        QVERIFY(!v.find("k1000"));
        QVERIFY(!v.find(""));
        // A repeat in a large object (found through the hash set) is located at its key.
        const std::string repeated = text.substr(0, text.size() - 1) + ", \"k500\": 1}";
        QCOMPARE(refusal(repeated),
                 "1:" + std::to_string(repeated.rfind("\"k500\"") + 1) + ": key repeated in one object");
    }
};

QTEST_APPLESS_MAIN(TestJsonConformance)
#include "test_json_conformance.moc"
