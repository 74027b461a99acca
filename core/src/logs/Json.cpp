#include "core/logs/Json.h"

#include "core/logs/CsvText.h"
#include "core/logs/LogError.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace cl::logs {

namespace {

class Parser {
public:
    Parser(std::string_view text, const std::string& path, long firstLine, const JsonOptions& options = {})
        : s_(text), path_(path), line_(firstLine), options_(options)
    {
    }

    JsonValue document()
    {
        skipSpace();
        JsonValue v = value(0);
        skipSpace();
        if (i_ < s_.size()) fail("unexpected text after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw LogError({path_, line_, column(), {}}, message); }
    long column() const { return static_cast<long>(i_ - lineStart_) + 1; }

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
        JsonValue v;
        v.line = line_;
        v.column = column();
        const char c = s_[i_];
        if (options_.nonFiniteLiterals && nonFiniteLiteral(v)) return v;
        if (c == '{') object(v, depth);
        else if (c == '[') array(v, depth);
        else if (c == '"') { v.type = JsonValue::Type::String; v.text = string(); }
        else if (c == '-' || (c >= '0' && c <= '9')) number(v);
        else if (literal("true")) { v.type = JsonValue::Type::Bool; v.boolean = true; }
        else if (literal("false")) v.type = JsonValue::Type::Bool;
        else if (literal("null")) v.type = JsonValue::Type::Null;
        else fail(std::string("unexpected character '") + c + "'");
        return v;
    }

    bool literal(std::string_view word)
    {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }

    // Python's NaN / Infinity / -Infinity, accepted only when the options ask for them.
    bool nonFiniteLiteral(JsonValue& v)
    {
        for (const char* word : {"NaN", "Infinity", "-Infinity"}) {
            if (!literal(word)) continue;
            v.type = JsonValue::Type::Number;
            v.text = word;
            v.number = word[0] == 'N' ? std::numeric_limits<double>::quiet_NaN()
                       : word[0] == '-' ? -std::numeric_limits<double>::infinity()
                                        : std::numeric_limits<double>::infinity();
            return true;
        }
        return false;
    }

    void number(JsonValue& v)
    {
        const std::size_t start = i_;
        while (i_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[i_]) != std::string_view::npos) ++i_;
        v.type = JsonValue::Type::Number;
        v.text = std::string(s_.substr(start, i_ - start));
        const auto [ptr, ec] = std::from_chars(s_.data() + start, s_.data() + i_, v.number);
        if (ec != std::errc() || ptr != s_.data() + i_) {
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
            const char c = s_[i_++];
            if (c == '"') return out;
            if (c == '\n') { --i_; fail("line break inside a string"); }
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
            default: --i_; fail(std::string("unknown escape '\\") + e + "'");
            }
        }
        endOfFile("string", openLine, openColumn);
    }

    void unicode(std::string& out)
    {
        auto hex4 = [&]() {
            if (i_ + 4 > s_.size()) fail("truncated \\u escape");
            unsigned code = 0;
            const auto [ptr, ec] = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, code, 16);
            if (ec != std::errc() || ptr != s_.data() + i_ + 4) fail("bad \\u escape");
            i_ += 4;
            return code;
        };
        unsigned code = hex4();
        if (code >= 0xd800 && code < 0xdc00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            const unsigned low = hex4();
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        }
        if (code < 0x80) out += static_cast<char>(code);
        else if (code < 0x800) { out += static_cast<char>(0xc0 | (code >> 6)); out += static_cast<char>(0x80 | (code & 0x3f)); }
        else if (code < 0x10000) {
            out += static_cast<char>(0xe0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
        }
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
            if (s_[i_] != ',') fail("expected ',' or ']'");
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
        for (;;) {
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] != '"') fail("expected a key in quotes");
            const long keyLine = line_, keyColumn = column();
            std::string key = string();
            for (const auto& m : v.members)
                if (options_.refuseRepeatedKeys && m.first == key) throw LogError({path_, keyLine, keyColumn, key}, "key repeated in one object");
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] != ':') fail("expected ':' after the key");
            ++i_;
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            v.members.emplace_back(std::move(key), value(depth + 1));
            skipSpace();
            if (i_ >= s_.size()) endOfFile("object", openLine, openColumn);
            if (s_[i_] == '}') { ++i_; return; }
            if (s_[i_] != ',') fail("expected ',' or '}'");
            ++i_;
        }
    }

    std::string_view s_;
    const std::string& path_;
    std::size_t i_ = 0, lineStart_ = 0;
    long line_;
    JsonOptions options_;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const
{
    for (const auto& m : members)
        if (m.first == key) return &m.second;
    return nullptr;
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
    return Parser(text, path, firstLine).document();
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
