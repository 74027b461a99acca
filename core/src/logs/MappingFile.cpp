// Mapping files (issue 11, "Series -> domains"): the mapping a user chose, in a JSON file beside
// the logs that people can read, diff and share. Read with the project's JSON reader so every
// refusal names file, line, column and field like any other log error.

#include "core/logs/MappingFile.h"

#include "core/logs/ColumnNames.h"
#include "core/logs/Json.h"
#include "core/logs/LogText.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace cl::logs {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "commutelab-mapping";
constexpr std::uint64_t kMaxMappingFileBytes = 16u << 20;  // a mapping is a few lines; refuse a huge file early

[[noreturn]] void fail(const std::string& path, const JsonValue& at, const std::string& field, const std::string& why)
{
    throw LogError({path, at.line, at.column, field}, why);
}

const JsonValue& member(const std::string& path, const JsonValue& object, const char* key, JsonValue::Type type)
{
    const JsonValue* v = object.find(key);
    if (!v) fail(path, object, key, "missing required field");
    if (v->type != type)
        fail(path, *v, key,
             std::string("expected ") + (type == JsonValue::Type::Object ? "an object" : "a string") + ", got " +
                 v->typeName());
    return *v;
}

}  // namespace

std::string sidecarPathFor(const std::string& logPath)
{
    std::error_code ec;
    const fs::path p(logPath);
    const fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
    return (folder / kMappingFileName).string();
}

std::optional<std::string> findSidecar(const std::string& logPath)
{
    const std::string path = sidecarPathFor(logPath);
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    return std::nullopt;
}

DomainMapping readMappingFile(const std::string& path)
{
    const std::string text = readTextFile(path, kMaxMappingFileBytes);
    const JsonValue root = parseJson(text, path);
    if (root.type != JsonValue::Type::Object) fail(path, root, {}, "a mapping file is one JSON object");
    const JsonValue& format = member(path, root, "format", JsonValue::Type::String);
    if (format.text != kFormat)
        fail(path, format, "format", "expected \"" + std::string(kFormat) + "\", got \"" + format.text + "\"");
    if (const JsonValue* version = root.find("version");
        version && (version->type != JsonValue::Type::Number || version->number != 1))
        fail(path, *version, "version", "only version 1 is known");
    DomainMapping mapping;
    if (const JsonValue* axis = root.find("axis"); axis && axis->type != JsonValue::Type::Null) {
        if (axis->type != JsonValue::Type::String) fail(path, *axis, "axis", "expected a string or null");
        mapping.axis = axis->text;
    }
    const JsonValue& domains = member(path, root, "domains", JsonValue::Type::Object);
    if (domains.members.size() < 2)
        fail(path, domains, "domains",
             "a plane needs two domains, the file maps " + std::to_string(domains.members.size()));
    for (const auto& [domain, series] : domains.members) {
        const std::string field = "domains." + domain;
        if (series.type != JsonValue::Type::String || series.text.empty())
            fail(path, series, field, "expected the series name as a non-empty string");
        // The one rule for domain names, applied to this name alone (paired with a sibling that
        // differs from it, so only its own characters can be the problem; repeats are refused
        // by the JSON reader).
        if (const std::string problem = checkDomainNames({domain, domain + "#2"}); !problem.empty())
            fail(path, series, field, problem);
        mapping.domains.emplace_back(domain, series.text);
    }
    for (const auto& [key, value] : root.members)
        if (key != "format" && key != "version" && key != "axis" && key != "domains")
            fail(path, value, key, "unknown field (a mapping file has format, version, axis, domains)");
    return mapping;
}

std::string mappingFileText(const DomainMapping& mapping)
{
    std::string text = "{\n  \"format\": \"" + std::string(kFormat) + "\",\n  \"version\": 1,\n  \"axis\": ";
    text += mapping.axis.empty() ? std::string("null") : jsonQuote(mapping.axis);
    text += ",\n  \"domains\": {";
    for (std::size_t i = 0; i < mapping.domains.size(); ++i)
        text += (i ? ",\n    " : "\n    ") + jsonQuote(mapping.domains[i].first) + ": " +
                jsonQuote(mapping.domains[i].second);
    return text + "\n  }\n}\n";
}

void writeMappingFile(const std::string& path, const DomainMapping& mapping)
{
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw LogError({path, 0, 0, {}}, "cannot write the mapping file here (folder read-only?)");
        out << mappingFileText(mapping);
        out.close();
        if (!out) {
            std::remove(temporary.c_str());
            throw LogError({path, 0, 0, {}}, "cannot write the mapping file (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        std::remove(temporary.c_str());
        throw LogError({path, 0, 0, {}}, "cannot write the mapping file: " + ec.message());
    }
}

bool mappingFits(const ScalarRun& run, const DomainMapping& mapping)
{
    if (mapping.empty()) return false;
    std::string axis = mapping.axis;
    for (const auto& entry : mapping.domains) {
        int found = -1, count = 0;
        for (std::size_t i = 0; i < run.series.size(); ++i)
            if (run.series[i].name == entry.second && (axis.empty() || run.series[i].axis == axis))
                found = static_cast<int>(i), ++count;
        if (count != 1) return false;  // absent, or on several axes with none chosen
        if (axis.empty()) axis = run.series[static_cast<std::size_t>(found)].axis;
    }
    return true;
}

}  // namespace cl::logs
