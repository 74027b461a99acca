// The encodings of a NumberColumn and the moves between them (see the header for why).
#include "core/logs/NumberColumn.h"

#include <algorithm>

namespace cl::logs {

NumberColumn::NumberColumn(std::initializer_list<double> numbers)
{
    for (double x : numbers) push_back(x);
}

NumberColumn::NumberColumn(const std::vector<double>& numbers)
{
    reserve(numbers.size());
    for (double x : numbers) push_back(x);
}

void NumberColumn::widen(double x)
{
    if (encoding_ == Encoding::WholeOffsets) {
        // Floats when every whole number so far and x are exactly floats, else doubles.
        bool allFloats = true;
        std::vector<std::uint32_t> floats;
        floats.reserve(std::max(narrow_.capacity(), size_ + 1));
        encoding_ = Encoding::Floats;
        std::uint32_t word;
        for (std::size_t i = 0; i < size_ && allFloats; ++i) {
            allFloats = fitsNarrow(base_ + double(std::int32_t(narrow_[i])), word);
            floats.push_back(word);
        }
        allFloats = allFloats && fitsNarrow(x, word);
        encoding_ = Encoding::WholeOffsets;
        if (allFloats) {
            narrow_.swap(floats);
            encoding_ = Encoding::Floats;
            return;
        }
    }
    std::vector<double> wide;
    wide.reserve(std::max(narrow_.capacity(), size_ + 1));
    for (std::size_t i = 0; i < size_; ++i) wide.push_back((*this)[i]);
    wide_.swap(wide);
    std::vector<std::uint32_t>().swap(narrow_);
    encoding_ = Encoding::Doubles;
}

void NumberColumn::append(const NumberColumn& other)
{
    reserve(size_ + other.size_);
    for (double x : other) push_back(x);
}

void NumberColumn::reserve(std::size_t n)
{
    if (encoding_ == Encoding::Doubles)
        wide_.reserve(n);
    else
        narrow_.reserve(n);
}

void NumberColumn::clear()
{
    *this = NumberColumn();
}

std::vector<double> NumberColumn::toVector() const
{
    return std::vector<double>(begin(), end());
}

std::pair<void*, std::size_t> NumberColumn::spareCapacity()
{
    if (encoding_ == Encoding::Doubles) return {wide_.data() + wide_.size(), 8 * (wide_.capacity() - wide_.size())};
    return {narrow_.data() + narrow_.size(), 4 * (narrow_.capacity() - narrow_.size())};
}

bool operator==(const NumberColumn& a, const NumberColumn& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i])) return false;
    return true;
}

}  // namespace cl::logs
