#pragma once
// Reading the fields of one JSON object (from core's located JSON reader) for the files the app
// saves (landscape sessions, lab files): each field is named by its dotted path in errors
// ("grid.n", "runs[2].segments"), each refusal is located at the offending value, and fields
// nobody asked about are refused (a typo should not pass silently). `Error` is the file's
// LogError subclass (SessionError, LabFileError).

#include "core/logs/Json.h"
#include "core/logs/LogError.h"

#include <cmath>
#include <set>
#include <string>

namespace cl::logs {

template <class Error>
class JsonObjectReader {
public:
    JsonObjectReader(const JsonValue& object, std::string path, const std::string& file)
        : object_(object), path_(std::move(path)), file_(file)
    {
    }

    /// Located at the field's value when it is present, at the object otherwise.
    [[noreturn]] void fail(const std::string& key, const std::string& detail) const
    {
        const JsonValue* value = object_.find(key);
        const JsonValue& at = value ? *value : object_;
        throw Error({file_, at.line, at.column, name(key)}, detail);
    }
    std::string name(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    const std::string& file() const { return file_; }

    const JsonValue& required(const std::string& key)
    {
        seen_.insert(key);
        const JsonValue* value = object_.find(key);
        if (!value) fail(key, "missing");
        return *value;
    }
    const JsonValue* optional(const std::string& key)
    {
        seen_.insert(key);
        return object_.find(key);
    }

    double number(const std::string& key, const JsonValue& v) const
    {
        if (v.type != JsonValue::Type::Number || !std::isfinite(v.number)) fail(key, "must be a finite number");
        return v.number;
    }
    int integer(const std::string& key, const JsonValue& v, int lo, int hi) const
    {
        const double d = v.type == JsonValue::Type::Number ? v.number : NAN;
        if (!(d >= lo && d <= hi) || d != std::floor(d))
            fail(key, "must be an integer between " + std::to_string(lo) + " and " + std::to_string(hi));
        return int(d);
    }
    std::string string(const std::string& key, const JsonValue& v) const
    {
        if (v.type != JsonValue::Type::String) fail(key, "must be a string");
        return v.text;
    }
    bool boolean(const std::string& key, const JsonValue& v) const
    {
        if (v.type != JsonValue::Type::Bool) fail(key, "must be true or false");
        return v.boolean;
    }
    JsonObjectReader object(const std::string& key, const JsonValue& v) const
    {
        if (v.type != JsonValue::Type::Object) fail(key, "must be an object");
        return JsonObjectReader(v, name(key), file_);
    }

    void rejectUnknown() const
    {
        for (const auto& member : object_.members)
            if (!seen_.count(member.first)) fail(member.first, "unknown field");
    }

private:
    const JsonValue& object_;
    std::string path_;
    const std::string& file_;
    std::set<std::string> seen_;
};

}  // namespace cl::logs
