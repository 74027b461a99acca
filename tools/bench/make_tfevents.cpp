// Writes the TensorBoard benchmark file for tools/bench_tfevents.sh: N scalar events (default
// 20 M) round-robin over 8 tags, ~1 GB. Tags 0-3 use the old simple_value, 4-5 a DT_FLOAT tensor
// (float_val), 6-7 a DT_DOUBLE tensor (double_val), as a mix of TF1 and TF2 writers would.
// Protobuf bytes are written by hand here (field numbers from tensorflow's event.proto,
// summary.proto, tensor.proto); CRCs with core's crc32c.
// usage: make_tfevents OUT [EVENTS]

#include "core/logs/Crc32c.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
void varint(std::string& out, std::uint64_t v)
{
    for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7F) | 0x80);
    out += static_cast<char>(v);
}

void little(std::string& out, std::uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

template <class T>
std::uint64_t bitsOf(T v)
{
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    return bits;
}

void lengthDelimited(std::string& out, int field, const std::string& body)
{
    varint(out, (std::uint64_t(field) << 3) | 2);
    varint(out, body.size());
    out += body;
}
}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_tfevents OUT [EVENTS]\n");
        return 2;
    }
    const long long events = argc > 2 ? std::atoll(argv[2]) : 20000000LL;
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    std::string chunk, event, value, summary, tensor, frame;
    for (long long i = 0; i < events; ++i) {
        const int tag = static_cast<int>(i % 8);
        const long long step = i / 8;
        const double v = 3.0 * std::exp(-1e-6 * step) + 0.01 * tag + 1e-3 * std::sin(0.1 * i);
        value.clear();
        lengthDelimited(value, 1, "loss/domain_" + std::to_string(tag));
        if (tag < 4) {
            varint(value, (2 << 3) | 5);  // simple_value, fixed32
            little(value, bitsOf(static_cast<float>(v)), 4);
        } else {
            tensor.clear();
            varint(tensor, 1 << 3);  // dtype
            varint(tensor, tag < 6 ? 1 : 2);
            std::string packed;
            if (tag < 6)
                little(packed, bitsOf(static_cast<float>(v)), 4);
            else
                little(packed, bitsOf(v), 8);
            lengthDelimited(tensor, tag < 6 ? 5 : 6, packed);
            lengthDelimited(value, 8, tensor);
        }
        summary.clear();
        lengthDelimited(summary, 1, value);
        event.clear();
        varint(event, (1 << 3) | 1);  // wall_time, fixed64
        little(event, bitsOf(1.7e9 + 0.01 * i), 8);
        varint(event, 2 << 3);  // step
        varint(event, static_cast<std::uint64_t>(step));
        lengthDelimited(event, 5, summary);
        std::string length;
        little(length, event.size(), 8);
        chunk += length;
        little(chunk, cl::logs::maskedCrc32c(length.data(), 8), 4);
        chunk += event;
        little(chunk, cl::logs::maskedCrc32c(event.data(), event.size()), 4);
        if (chunk.size() > (8u << 20) || i + 1 == events) {
            if (std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size()) {
                std::perror(argv[1]);
                return 1;
            }
            chunk.clear();
        }
    }
    return std::fclose(out) == 0 ? 0 : 1;
}
