#pragma once
// A test-only TensorBoard event writer, written from the format's description and nothing of
// core/: protobuf wire encoding by hand with TensorFlow's field numbers (Event.wall_time 1,
// step 2, file_version 3, summary 5; Summary.value 1; Value.tag 1, simple_value 2, tensor 8,
// metadata 9; TensorProto.dtype 1, tensor_shape 2, tensor_content 4, float_val 5, double_val 6)
// and a bit-at-a-time CRC-32C, so a wrong field number in core's .proto or a wrong table in the
// reader's CRC fails the round trip instead of cancelling out.

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace cl::testing::tfwriter {

/// CRC-32C bit by bit from the reflected polynomial 0x82F63B78 (the reverse of 0x1EDC6F41).
inline std::uint32_t bitwiseCrc32c(const std::string& bytes)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : bytes) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

inline std::uint32_t masked(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

inline void putVarint(std::string& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

inline void putLittle(std::string& out, std::uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline void putKey(std::string& out, int field, int wireType)
{
    putVarint(out, (std::uint64_t(field) << 3) | wireType);
}

inline void putBytes(std::string& out, int field, const std::string& bytes)
{
    putKey(out, field, 2);
    putVarint(out, bytes.size());
    out += bytes;
}

inline void putDouble(std::string& out, int field, double v)
{
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    putKey(out, field, 1);
    putLittle(out, bits, 8);
}

inline void putFloat(std::string& out, int field, float v)
{
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    putKey(out, field, 5);
    putLittle(out, bits, 4);
}

inline std::string floatBytes(float v)
{
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    std::string s;
    putLittle(s, bits, 4);
    return s;
}

inline std::string doubleBytes(double v)
{
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    std::string s;
    putLittle(s, bits, 8);
    return s;
}

/// How a scalar is written: the old simple_value, or a one-element tensor in one of its forms.
enum class Encoding { SimpleValue, FloatVal, DoubleVal, FloatContent, DoubleContent, HalfContent, Bfloat16Content };

/// A TensorProto (dtype 1 DT_FLOAT, 2 DT_DOUBLE, 19 DT_HALF, 14 DT_BFLOAT16) with optional shape.
inline std::string tensor(int dtype, const std::vector<long>& shape, const std::string& rest)
{
    std::string t;
    putKey(t, 1, 0);
    putVarint(t, dtype);
    if (!shape.empty()) {
        std::string s;
        for (long size : shape) {
            std::string dim;
            putKey(dim, 1, 0);
            putVarint(dim, static_cast<std::uint64_t>(size));
            putBytes(s, 2, dim);
        }
        putBytes(t, 2, s);
    }
    return t + rest;
}

/// Summary.Value{tag, ...} for a scalar `v` in `encoding` (`bits16`: the raw half/bfloat16 bits).
inline std::string scalarValue(const std::string& tag, double v, Encoding encoding, std::uint16_t bits16 = 0)
{
    std::string value;
    putBytes(value, 1, tag);
    std::string rest;
    switch (encoding) {
        case Encoding::SimpleValue:
            putFloat(value, 2, static_cast<float>(v));
            return value;
        case Encoding::FloatVal: {
            putBytes(rest, 5, floatBytes(static_cast<float>(v)));  // packed repeated float, one element
            putBytes(value, 8, tensor(1, {}, rest));
            return value;
        }
        case Encoding::DoubleVal: {
            putBytes(rest, 6, doubleBytes(v));
            putBytes(value, 8, tensor(2, {}, rest));
            return value;
        }
        case Encoding::FloatContent:
            putBytes(rest, 4, floatBytes(static_cast<float>(v)));
            break;
        case Encoding::DoubleContent:
            putBytes(rest, 4, doubleBytes(v));
            break;
        case Encoding::HalfContent:
        case Encoding::Bfloat16Content: {
            std::string raw;
            putLittle(raw, bits16, 2);
            putBytes(rest, 4, raw);
            break;
        }
    }
    const int dtype = encoding == Encoding::FloatContent    ? 1
                      : encoding == Encoding::DoubleContent ? 2
                      : encoding == Encoding::HalfContent   ? 19
                                                            : 14;
    putBytes(value, 8, tensor(dtype, {}, rest));
    return value;
}

/// The bytes of Event.summary (field 5) holding `values`: an event with nothing else, or the tail
/// of summaryEvent.
inline std::string summaryField(const std::vector<std::string>& values)
{
    std::string summary;
    for (const auto& v : values) putBytes(summary, 1, v);
    std::string field;
    putBytes(field, 5, summary);
    return field;
}

/// Event{wall_time, step, summary{values...}}.
inline std::string summaryEvent(double wallTime, std::int64_t step, const std::vector<std::string>& values)
{
    std::string event;
    putDouble(event, 1, wallTime);
    putKey(event, 2, 0);
    putVarint(event, static_cast<std::uint64_t>(step));
    return event + summaryField(values);
}

inline std::string fileVersionEvent(double wallTime)
{
    std::string event;
    putDouble(event, 1, wallTime);
    putBytes(event, 3, "brain.Event:2");
    return event;
}

/// One TFRecord frame: length, masked CRC of the length, data, masked CRC of the data.
inline std::string frame(const std::string& data)
{
    std::string length;
    putLittle(length, data.size(), 8);
    std::string out = length;
    putLittle(out, masked(bitwiseCrc32c(length)), 4);
    out += data;
    putLittle(out, masked(bitwiseCrc32c(data)), 4);
    return out;
}

/// A frame header claiming `length` bytes, with a correct length CRC, and nothing after it.
inline std::string headerOnly(std::uint64_t length)
{
    std::string bytes;
    putLittle(bytes, length, 8);
    std::string out = bytes;
    putLittle(out, masked(bitwiseCrc32c(bytes)), 4);
    return out;
}

inline void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace cl::testing::tfwriter
