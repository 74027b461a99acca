#include "core/logs/Crc32c.h"

#include <algorithm>
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

void crc32cOfFour(const unsigned char* const data[4], const std::size_t size[4], std::uint32_t crc[4])
{
    Crc32cEngine a, b, c, d;
    const std::size_t common = std::min(std::min(size[0], size[1]), std::min(size[2], size[3]));
    for (std::size_t i = 0; i < common; ++i) {
        a.process_byte(data[0][i]);
        b.process_byte(data[1][i]);
        c.process_byte(data[2][i]);
        d.process_byte(data[3][i]);
    }
    a.process_bytes(data[0] + common, size[0] - common);
    b.process_bytes(data[1] + common, size[1] - common);
    c.process_bytes(data[2] + common, size[2] - common);
    d.process_bytes(data[3] + common, size[3] - common);
    crc[0] = a.checksum(), crc[1] = b.checksum(), crc[2] = c.checksum(), crc[3] = d.checksum();
}

std::uint32_t maskCrc32c(std::uint32_t crc)
{
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

}  // namespace cl::logs
