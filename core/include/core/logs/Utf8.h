#pragma once
// Strict UTF-8 (RFC 3629): the one check shared by the binary-file sniffer and the JSON reader,
// so "valid text" means the same everywhere. Overlong forms, UTF-16 surrogates (U+D800..U+DFFF,
// the CESU-8 encoding) and code points above U+10FFFF are invalid.

#include <cstddef>
#include <string>
#include <string_view>

namespace cl::logs {

enum class Utf8Status { Valid, Invalid, Truncated };

/// Checks the sequence starting at s[i]; `length` is its byte count when Valid. Truncated when
/// the bytes so far are a valid prefix but `s` ends first.
Utf8Status utf8Sequence(std::string_view s, std::size_t i, std::size_t& length);

/// Appends code point `code` (at most U+10FFFF, not a surrogate) as UTF-8.
void appendUtf8(std::string& out, unsigned code);

}  // namespace cl::logs
