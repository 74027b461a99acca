// Hugging Face Trainer's trainer_state.json (issue 11, format 2). `log_history` is a list of
// heterogeneous rows: train rows (loss, learning_rate or lr, grad_norm, ...), one eval row per
// eval set (eval_<set>_loss, ...), a final summary row (train_loss, train_runtime, ...); several
// rows share a step. Every numeric key becomes a series on axis "step", in first-seen order.

#include "SeriesBuilder.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogText.h"

#include <cmath>

namespace cl::logs {

namespace {
std::string fieldName(std::size_t row, const std::string& key)
{
    return "log_history[" + std::to_string(row) + "]" + (key.empty() ? "" : "." + key);
}
}  // namespace

ScalarRun hfTrainerStateFromJson(const JsonValue& root, const std::string& path)
{
    if (root.type != JsonValue::Type::Object)
        throw LogError({path, root.line, root.column, {}}, std::string("expected an object, found ") + root.typeName());
    const JsonValue* history = root.find("log_history");
    if (!history) throw LogError({path, root.line, root.column, "log_history"}, "missing required field");
    if (history->type != JsonValue::Type::Array)
        throw LogError({path, history->line, history->column, "log_history"},
                       std::string("expected an array, found ") + history->typeName());

    ScalarRun run;
    run.source = path;
    run.format = "hf-trainer-state";
    for (const auto& [key, value] : root.members)
        if (value.type == JsonValue::Type::Number || value.type == JsonValue::Type::String ||
            value.type == JsonValue::Type::Bool)
            run.metadata.emplace_back(
                key, value.type == JsonValue::Type::Bool ? (value.boolean ? "true" : "false") : value.text);

    SeriesBuilder builder(run);
    for (std::size_t r = 0; r < history->items.size(); ++r) {
        const JsonValue& row = history->items[r];
        if (row.type != JsonValue::Type::Object)
            throw LogError({path, row.line, row.column, fieldName(r, {})},
                           std::string("expected an object, found ") + row.typeName());
        const JsonValue* step = row.find("step");
        if (!step) throw LogError({path, row.line, row.column, fieldName(r, "step")}, "missing required field");
        if (step->type != JsonValue::Type::Number || !std::isfinite(step->number))
            throw LogError({path, step->line, step->column, fieldName(r, "step")},
                           "expected a finite number, found " +
                               (step->type == JsonValue::Type::Number ? step->text : std::string(step->typeName())));
        for (const auto& [key, value] : row.members) {
            if (key == "step") continue;
            if (value.type != JsonValue::Type::Number) {
                ++run.skippedRecords;  // remaining_time strings, booleans, nulls, nested objects
                continue;
            }
            if (!std::isfinite(value.number))
                builder.warn({path, value.line, value.column, fieldName(r, key)},
                             "non-finite value " + value.text + " kept");
            builder.add(builder.series(key, "step"), step->number, value.number);
        }
    }
    builder.finish();
    return run;
}

ScalarRun readHfTrainerState(const std::string& path)
{
    JsonOptions options;
    options.nonFiniteLiterals = true;
    return hfTrainerStateFromJson(parseJson(readTextFile(path), path, 1, options), path);
}

}  // namespace cl::logs
