#pragma once
// CRC-32C (Castagnoli), the checksum of TFRecord frames in TensorBoard event files, and the
// "masked" form TFRecord stores: a CRC computed over data that itself holds CRCs is weak, so the
// writer rotates it and adds a constant. Computed with Boost.CRC.

#include <cstddef>
#include <cstdint>

namespace cl::logs {

/// CRC-32C of `size` bytes (polynomial 0x1EDC6F41, reflected, init and final xor 0xFFFFFFFF);
/// the check value of "123456789" is 0xE3069283.
std::uint32_t crc32c(const void* data, std::size_t size);

/// TFRecord's masked CRC: ((crc >> 15) | (crc << 17)) + 0xA282EAD8.
std::uint32_t maskCrc32c(std::uint32_t crc);

/// maskCrc32c(crc32c(data, size)).
inline std::uint32_t maskedCrc32c(const void* data, std::size_t size)
{
    return maskCrc32c(crc32c(data, size));
}

}  // namespace cl::logs
