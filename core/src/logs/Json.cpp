#include "core/logs/Json.h"

#include "core/logs/CsvText.h"
#include "core/logs/LogError.h"
#include "core/logs/Utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

namespace cl::logs {

namespace {

// Objects up to this size are searched by a scan; larger ones get a sorted key index.
constexpr std::size_t kScanMembers = 16;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string shown(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02x", u);
    return buf;
}

class Parser {
public:
    Parser(std::string_view text, const std::string& path, long firstLine, const JsonOptions& options)
        : s_(text), path_(path), options_(options), line_(firstLine)
    {
    }

    JsonValue document()
    {
        skipSpace();
        JsonValue v = value(0);
        skipSpace();
        if (i_ < s_.size()) fail("unexpected text after the JSON value: " + shown(s_[i_]));
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw LogError({path_, line_, column(), {}}, message); }
    long column() const { return static_cast<long>(i_ - lineStart_) + 1; }

    // RFC 8259 §2: whitespace is space, tab, LF and CR only.
    void skipSpace()
    {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\n') { ++line_; lineStart_ = ++i_; }
            else if (c == ' ' || c == '\t' || c == '\r') ++i_;
            else break;
        }
    }

    [[noreturn]] void endOfFile(const char* what, long openLine, long openColumn) const
    {
        throw LogError({path_, line_, column(), {}}, std::string("unexpected end of file: unterminated ") + what +
                                                         " (opened at line " + std::to_string(openLine) + ", column " +
                                                         std::to_string(openColumn) + ")");
    }

    JsonValue value(int depth)
    {
        if (depth > 64) fail("nesting deeper than 64 levels");
        if (i_ >= s_.size()) fail("unexpected end of file: expected a value");
        if (++values_ > kMaxJsonValues)
            fail("more than " + std::to_string(kMaxJsonValues) + " values in one document (the documented limit)");
        JsonValue v;
        v.line = line_;
        v.column = column();
        const char c = s_[i_];
        if (c == '{') object(v, depth);
        else if (c == '[') array(v, depth);
        else if (c == '"') { v.type = JsonValue::Type::String; v.text = string();
        } else if (options_.nonFiniteLiterals && nonFinite(v)) {
        } else if (c == '-' || isDigit(c))
            number(v);
        else if (literal("true")) { v.type = JsonValue::Type::Bool; v.boolean = true; }
        else if (literal("false")) v.type = JsonValue::Type::Bool;
        else if (literal("null")) v.type = JsonValue::Type::Null;
        else
            fail("unexpected character " + shown(c) + ": expected a value");
        return v;
    }

    bool literal(std::string_view word)
    {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }

    // Python's json module writes NaN, Infinity and -Infinity bare (JsonOptions::nonFiniteLiterals).
    bool nonFinite(JsonValue& v)
    {
        for (const char* word : {"NaN", "Infinity", "-Infinity"}) {
            if (!literal(word)) continue;
            v.type = JsonValue::Type::Number;
            v.text = word;
            v.number = word[0] == 'N' ? std::nan("") : word[0] == '-' ? -HUGE_VAL : HUGE_VAL;
            return true;
        }
        return false;
    }

    // RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    void number(JsonValue& v)
    {
        const std::size_t start = i_;
        auto digits = [&](const char* what) {
            if (i_ >= s_.size() || !isDigit(s_[i_])) fail(std::string("not a number: expected a digit ") + what);
            while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
        };
        if (s_[i_] == '-') ++i_;
        if (i_ < s_.size() && s_[i_] == '0') {
            ++i_;
            if (i_ < s_.size() && isDigit(s_[i_])) fail("not a number: a leading zero is not allowed");
        } else {
            digits("after '-'");
        }
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            digits("after the decimal point");
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            digits("in the exponent");
        }
        v.type = JsonValue::Type::Number;
        v.text = std::string(s_.substr(start, i_ - start));
        const auto [ptr, ec] = std::from_chars(s_.data() + start, s_.data() + i_, v.number);
        if (ec == std::errc::result_out_of_range) {
            // from_chars reports both overflow and underflow; strtod tells them apart.
            v.number = std::strtod(v.text.c_str(), nullptr);
            if (std::isinf(v.number)) {
                i_ = start;
                fail("number too large for a double: '" + v.text + "'");
            }
        } else if (ec != std::errc() || ptr != s_.data() + i_) {
            i_ = start;
            fail("not a number: '" + v.text + "'");
        }
    }

    std::string string()
    {
        const long openLine = line_, openColumn = column();
        ++i_;
        std::string out;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++i_;
                return out;
            }
            if (u < 0x20)
                fail(c == '\n' ? "line break inside a string"
                               : "control character " + shown(c) + " inside a string (write it as an escape)");
            if (u >= 0x80) {
                std::size_t n = 0;
                if (utf8Sequence(s_, i_, n) != Utf8Status::Valid) fail("invalid UTF-8 inside a string");
                out.append(s_.data() + i_, n);
                i_ += n;
                continue;
            }
            ++i_;
            if (c != '\\') { out += c; continue; }
            if (i_ >= s_.size()) break;
            const char e = s_[i_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': unicode(out); break;
            default:
                --i_;
                fail("unknown escape '\\" + std::string(1, e) + "'");
            }
        }
        endOfFile("string", openLine, openColumn);
    }

    unsigned hex4()
    {
        if (i_ + 4 > s_.size()) fail("truncated \\u escape");
        unsigned code = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[i_ + static_cast<std::size_t>(k)];
            const int d = isDigit(h)               ? h - '0'
                          : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                          : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                                   : -1;
            if (d < 0) fail("bad \\u escape: expected 4 hex digits");
            code = code * 16 + static_cast<unsigned>(d);
        }
        i_ += 4;
        return code;
    }

    // \uXXXX; a UTF-16 surrogate pair (\uD83D\uDE00) makes one code point. A lone surrogate
    // has no UTF-8 form and is refused rather than written as CESU bytes.
    void unicode(std::string& out)
    {
        const std::size_t escape = i_ - 2;  // errors point at the backslash of the (first) escape
        auto refuse = [&](const char* message) {
            i_ = escape;
            fail(message);
        };
        unsigned code = hex4();
        if (code >= 0xdc00 && code < 0xe000) refuse("lone low surrogate in a \\u escape");
        if (code >= 0xd800 && code < 0xdc00) {
            if (s_.substr(i_, 2) != "\\u") refuse("high surrogate not followed by a low surrogate escape");
            i_ += 2;
            const unsigned low = hex4();
            if (low < 0xdc00 || low >= 0xe000) refuse("high surrogate not followed by a low surrogate escape");
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        }
        appendUtf8(out, code);
    }

    void array(JsonValue& v, int depth)
    {
        v.type = JsonValue::Type::Array;
        const long openLine = line_, openColumn = column();
        ++i_;
        skipSpace();
        if (i_ < s_.size() && s_[i_] == ']') { ++i_; return; }
        for (;;) {
            skipSpace();
            if (i_ >= s_.size()) endOfFile("array", openLine, openColumn);
            v.items.push_back(value(depth + 1));
            skipSpace();
            if (i_ >= s_.size()) endOfFile("array", openLine, openColumn);
            if (s_[i_] == ']') { ++i_; return; }
            if (s_[i_] != ',') fail("expected ',' or ']', found " + shown(s_[i_]));
            ++i_;
        }
    }

    void object(JsonValue& v, int depth)
    {
        v.type = JsonValue::Type::Object;
        const long openLine = line_, openColumn = column();
        ++i_;
        skipSpace();
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; return; }
        std::unordered_set<std::string> seen;  // filled only once the object outgrows a scan
        for (;;) {
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] != '"') fail("expected a key in quotes, found " + shown(s_[i_]));
            const long keyLine = line_, keyColumn = column();
            std::string key = string();
            if (options_.refuseRepeatedKeys && repeated(v, seen, key))
                throw LogError({path_, keyLine, keyColumn, key}, "key repeated in one object");
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] != ':') fail("expected ':' after the key");
            ++i_;
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            v.members.emplace_back(std::move(key), value(depth + 1));
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] == '}') {
                ++i_;
                break;
            }
            if (s_[i_] != ',') fail("expected ',' or '}', found " + shown(s_[i_]));
            ++i_;
        }
        if (v.members.size() > kScanMembers) {
            v.sortedKeys.resize(v.members.size());
            for (std::uint32_t k = 0; k < v.sortedKeys.size(); ++k) v.sortedKeys[k] = k;
            std::stable_sort(v.sortedKeys.begin(), v.sortedKeys.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return v.members[a].first < v.members[b].first; });
        }
    }

    // A scan while the object is small, a hash set after: linear time in the number of keys.
    static bool repeated(const JsonValue& v, std::unordered_set<std::string>& seen, const std::string& key)
    {
        if (v.members.size() < kScanMembers) {
            for (const auto& m : v.members)
                if (m.first == key) return true;
            return false;
        }
        if (seen.empty())
            for (const auto& m : v.members) seen.insert(m.first);
        return !seen.insert(key).second;
    }

    std::string_view s_;
    const std::string& path_;
    const JsonOptions& options_;
    std::size_t i_ = 0, lineStart_ = 0;
    std::size_t values_ = 0;
    long line_;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const
{
    if (sortedKeys.empty()) {
        for (const auto& m : members)
            if (m.first == key) return &m.second;
        return nullptr;
    }
    const auto it = std::lower_bound(sortedKeys.begin(), sortedKeys.end(), key,
                                     [&](std::uint32_t k, std::string_view x) { return members[k].first < x; });
    if (it == sortedKeys.end() || members[*it].first != key) return nullptr;
    return &members[*it].second;
}

const char* JsonValue::typeName() const
{
    switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "a boolean";
    case Type::Number: return "a number";
    case Type::String: return "a string";
    case Type::Array: return "an array";
    case Type::Object: return "an object";
    }
    return "?";
}

JsonValue parseJson(std::string_view text, const std::string& path, long firstLine)
{
    return parseJson(text, path, firstLine, JsonOptions{});
}

JsonValue parseJson(std::string_view text, const std::string& path, long firstLine, const JsonOptions& options)
{
    return Parser(text, path, firstLine, options).document();
}

std::string jsonQuote(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

std::string jsonNumber(double value)
{
    if (isMissing(value)) return "null";
    if (std::isnan(value)) return "\"NaN\"";
    if (std::isinf(value)) return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return formatNumber(value);
}

}  // namespace cl::logs
