#include "PageAdvice.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>

namespace cl::logs {

void adviseHugePages(const void* begin, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(begin);
    const std::uintptr_t end = start + bytes;
    const std::uintptr_t first = (start + huge - 1) & ~(huge - 1);
    if (start == 0 || end < first + huge) return;
    ::madvise(reinterpret_cast<void*>(first), (end - first) & ~(huge - 1), MADV_HUGEPAGE);
#else
    (void)begin;
    (void)bytes;
#endif
}

void populateForWriting(const void* begin, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::uintptr_t page = 4096;
    const auto first = reinterpret_cast<std::uintptr_t>(begin) & ~(page - 1);
    const auto last = (reinterpret_cast<std::uintptr_t>(begin) + bytes) & ~(page - 1);
    if (last > first + 16 * page) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
#else
    (void)begin;
    (void)bytes;
#endif
}

void populateAhead(NumberColumn& column)
{
    const auto [start, bytes] = column.spareCapacity();
    populateForWriting(start, std::min(bytes, kPopulateAheadPoints * column.bytesPerNumber()));
}

}  // namespace cl::logs
