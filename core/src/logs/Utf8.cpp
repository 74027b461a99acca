#include "core/logs/Utf8.h"

namespace cl::logs {

Utf8Status utf8Sequence(std::string_view s, std::size_t i, std::size_t& length)
{
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        length = 1;
        return Utf8Status::Valid;
    }
    // Lead byte: sequence length and the allowed range of the second byte (Unicode Table 3-7),
    // which is where overlongs (E0 80.., F0 80..), surrogates (ED A0..) and > U+10FFFF (F4 90..) fall out.
    unsigned lo = 0x80, hi = 0xbf;
    std::size_t n;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c == 0xe0) {
        n = 3;
        lo = 0xa0;
    } else if (c >= 0xe1 && c <= 0xec)
        n = 3;
    else if (c == 0xed) {
        n = 3;
        hi = 0x9f;
    } else if (c >= 0xee && c <= 0xef)
        n = 3;
    else if (c == 0xf0) {
        n = 4;
        lo = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3)
        n = 4;
    else if (c == 0xf4) {
        n = 4;
        hi = 0x8f;
    } else
        return Utf8Status::Invalid;
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) return Utf8Status::Truncated;
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b & 0xc0) != 0x80) return Utf8Status::Invalid;
    }
    length = n;
    return Utf8Status::Valid;
}

void appendUtf8(std::string& out, unsigned code)
{
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800) {
        out += static_cast<char>(0xc0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
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

}  // namespace cl::logs
