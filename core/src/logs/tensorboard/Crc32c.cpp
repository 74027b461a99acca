#include "core/logs/Crc32c.h"

#include <boost/crc.hpp>

namespace cl::logs {

namespace {
// Castagnoli polynomial, reflected in and out, as iSCSI and TFRecord use it.
using Crc32cEngine = boost::crc_optimal<32, 0x1EDC6F41, 0xFFFFFFFF, 0xFFFFFFFF, true, true>;
}  // namespace

std::uint32_t crc32c(const void* data, std::size_t size)
{
    Crc32cEngine engine;
    engine.process_bytes(data, size);
    return engine.checksum();
}

std::uint32_t maskCrc32c(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

}  // namespace cl::logs
