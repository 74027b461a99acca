#include "EventScalars.h"

#include "../PageAdvice.h"
#include "ProtobufDiagnosis.h"
#include "core/logs/TensorBoardReader.h"
#include "proto/tensorboard_event.pb.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cl::logs::tfevents {

namespace {
// TensorFlow's DataType numbers (tensorflow/core/framework/types.proto).
constexpr int kFloat = 1, kDouble = 2, kBfloat16 = 14, kHalf = 19;

bool oneElement(const cl::tfevents::TensorProto& tensor)
{
    if (!tensor.has_tensor_shape()) return true;  // no shape: a 0-d tensor
    for (const auto& dim : tensor.tensor_shape().dim())
        if (dim.size() != 1) return false;
    return true;
}

// Little-endian bytes, as every TensorFlow writer on x86 and ARM puts them in tensor_content.
std::uint64_t littleEndian(const std::string& bytes)
{
    std::uint64_t v = 0;
    for (std::size_t i = bytes.size(); i-- > 0;) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
    return v;
}

double fromHalf(std::uint16_t h)
{
    const int exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
    const double sign = (h & 0x8000) ? -1.0 : 1.0;
    if (exponent == 0) return sign * std::ldexp(mantissa, -24);  // subnormal
    if (exponent == 31) return mantissa ? std::nan("") : sign * INFINITY;
    return sign * std::ldexp(mantissa + 1024, exponent - 25);
}

double fromBfloat16(std::uint16_t b)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(b) << 16;  // bfloat16 is a float's top half
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

// The value of a scalar summary in any of its encodings; false for anything else.
bool scalarValue(const cl::tfevents::Summary::Value& value, double& out)
{
    if (value.has_simple_value()) {
        out = value.simple_value();
        return true;
    }
    if (!value.has_tensor()) return false;  // histo, image, audio, hparams metadata, ...
    const auto& t = value.tensor();
    if (!oneElement(t)) return false;
    const std::string& content = t.tensor_content();
    switch (t.dtype()) {
        case kFloat:
            if (t.float_val_size() == 1 && content.empty()) {
                out = t.float_val(0);
                return true;
            }
            if (content.size() == 4 && t.float_val_size() == 0) {
                const auto bits = static_cast<std::uint32_t>(littleEndian(content));
                float f;
                std::memcpy(&f, &bits, sizeof f);
                out = f;
                return true;
            }
            return false;
        case kDouble:
            if (t.double_val_size() == 1 && content.empty()) {
                out = t.double_val(0);
                return true;
            }
            if (content.size() == 8 && t.double_val_size() == 0) {
                const std::uint64_t bits = littleEndian(content);
                std::memcpy(&out, &bits, sizeof out);
                return true;
            }
            return false;
        case kHalf:
        case kBfloat16:
            if (content.size() != 2) return false;
            out = t.dtype() == kHalf ? fromHalf(static_cast<std::uint16_t>(littleEndian(content)))
                                     : fromBfloat16(static_cast<std::uint16_t>(littleEndian(content)));
            return true;
        default:
            return false;  // strings (text plugin), integers, ...
    }
}
// Columns of a large file are reserved ahead (reserveForRest) and then written front to back;
// the next stretch of their spare capacity is mapped in one call (PageAdvice.h: one trip
// through the hypervisor per 64 pages instead of one per page, about 15 % of the benchmark).
void prefaultAhead(NumberColumn& column)
{
    populateAhead(column);
}

void prefaultAhead(std::vector<float>& column)
{
    const std::size_t spare = sizeof(float) * (column.capacity() - column.size());
    populateForWriting(column.data() + column.size(), std::min(spare, kPopulateAheadPoints * sizeof(float)));
}
}  // namespace

EventScalarDecoder::EventScalarDecoder(bool wallTimes)
    : event_(std::make_unique<cl::tfevents::Event>()), wallTimes_(wallTimes)
{
}

EventScalarDecoder::~EventScalarDecoder() = default;

void EventScalarDecoder::decode(const FramedRecord& record, const std::string& path, ScalarRun& run, SeriesIndex& index)
{
    cl::tfevents::Event& event = *event_;
    if (!event.ParseFromArray(record.data.data(), static_cast<int>(record.data.size()))) {
        const std::uint64_t payload = record.offset + 12;
        const ProtobufProblem p =
            diagnoseProtobuf(*cl::tfevents::Event::descriptor(), record.data.data(), record.data.size(), payload);
        if (p.found)
            throw EventFileError(path, record.index, p.offset,
                                 "malformed Event protobuf" + (p.fieldPath.empty() ? "" : " in " + p.fieldPath) + ": " +
                                     p.problem + " (record starts at byte offset " + std::to_string(record.offset) +
                                     ")");
        throw EventFileError(path, record.index, record.offset, "the record does not decode as a TensorBoard Event");
    }
    if (event.has_file_version() && run.metadata.empty())
        run.metadata.emplace_back("file_version", event.file_version());
    if (!event.has_summary()) return;  // file_version, graphs, session logs, source metadata
    const double step = static_cast<double>(event.step());
    for (const auto& value : event.summary().value()) {
        double v;
        if (!scalarValue(value, v)) {
            ++run.skippedRecords;
            continue;
        }
        const auto [it, added] = index.try_emplace(value.tag(), run.series.size());
        if (added) {
            ScalarSeries series;
            series.name = value.tag();
            series.axis = "step";
            run.series.push_back(std::move(series));
        }
        ScalarSeries& series = run.series[it->second];
        if (series.steps.size() % kPopulateAheadPoints == 0) {
            prefaultAhead(series.steps);
            prefaultAhead(series.values);
            if (wallTimes_) prefaultAhead(series.wallTimes);
        }
        series.steps.push_back(step);
        series.values.push_back(v);
        if (wallTimes_) series.addWallTime(event.wall_time());
    }
}

void reserveForRest(ScalarRun& run, const std::vector<std::size_t>& sizesAtStart, double fractionRead, bool wallTimes)
{
    if (fractionRead <= 0 || fractionRead >= 1) return;
    for (std::size_t i = 0; i < run.series.size(); ++i) {
        ScalarSeries& s = run.series[i];
        const std::size_t before = i < sizesAtStart.size() ? sizesAtStart[i] : 0;
        const double gained = static_cast<double>(s.size() - before);
        const auto expected =
            s.size() + static_cast<std::size_t>(gained * (1 - fractionRead) / fractionRead * 1.1) + 1024;
        s.steps.reserve(expected);
        s.values.reserve(expected);
        if (wallTimes) s.wallTimes.reserve(expected);
    }
}

}  // namespace cl::logs::tfevents
