#pragma once
// A small JSON reader that remembers where every value starts, so log errors can say
// "run.json:12:17: field 'checkpoints[3].loss': ...". Enough for log files: objects keep
// their key order, numbers are doubles, nesting is limited to 64 levels.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cl::logs {

struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;  // the string's content; for a number its source text
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;
    long line = 0, column = 0;

    const JsonValue* find(std::string_view key) const;
    const char* typeName() const;
};

/// Reading choices; the defaults are strict RFC 8259 plus a refusal of repeated keys.
struct JsonOptions {
    /// Accept Python's bare NaN, Infinity and -Infinity as numbers (json.dumps writes them, e.g.
    /// Hugging Face trainer_state.json). Off by default: they are not JSON.
    bool nonFiniteLiterals = false;
    /// Refuse a key repeated in one object, with its location (a log must say one thing). When
    /// false every member is kept and find() returns the first.
    bool refuseRepeatedKeys = true;
};

/// Parses one value filling `text` (surrounding whitespace allowed). `firstLine` numbers the
/// text's first line (for JSON Lines). Throws LogError with the location of the problem.
JsonValue parseJson(std::string_view text, const std::string& path, long firstLine = 1);
JsonValue parseJson(std::string_view text, const std::string& path, long firstLine, const JsonOptions& options);

/// The text as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);
/// A number as JSON: null for missing(), "NaN" / "Infinity" / "-Infinity" strings otherwise
/// non-finite (JSON has no literal for them; the readers accept these strings back).
std::string jsonNumber(double value);

}  // namespace cl::logs
