#pragma once
// A column of doubles (a series' steps or values) kept in the narrowest of three encodings that
// holds every number pushed so far exactly: whole numbers as 4-byte offsets from the first one
// (TensorBoard's int64 steps, CSV step columns), numbers that are all exactly floats as 4-byte
// floats (TensorBoard's simple_value and float_val ARE float32), anything else as doubles. The
// column moves to a wider encoding the first time a number does not fit, so what is read back is
// always bit-exact what was pushed. Issue 11's memory target (a 20 M-scalar event file in under
// 1.5 x 12 bytes a scalar) needs this: steps and values as doubles alone are 16 bytes a point.
// Reading is vector-like (size, operator[], iterators that yield doubles by value).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <utility>
#include <vector>

namespace cl::logs {

class NumberColumn {
public:
    enum class Encoding : std::uint8_t { WholeOffsets, Floats, Doubles };

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = double;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = double;

        const_iterator() = default;
        const_iterator(const NumberColumn* column, std::size_t at) : column_(column), at_(at) {}
        double operator*() const { return (*column_)[at_]; }
        double operator[](difference_type n) const { return (*column_)[at_ + std::size_t(n)]; }
        const_iterator& operator++()
        {
            ++at_;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator old = *this;
            ++at_;
            return old;
        }
        const_iterator& operator--()
        {
            --at_;
            return *this;
        }
        const_iterator operator--(int)
        {
            const_iterator old = *this;
            --at_;
            return old;
        }
        const_iterator& operator+=(difference_type n)
        {
            at_ += std::size_t(n);
            return *this;
        }
        const_iterator& operator-=(difference_type n)
        {
            at_ -= std::size_t(n);
            return *this;
        }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b)
        {
            return difference_type(a.at_) - difference_type(b.at_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.at_ == b.at_; }
        friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.at_ != b.at_; }
        friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.at_ < b.at_; }
        friend bool operator>(const const_iterator& a, const const_iterator& b) { return a.at_ > b.at_; }
        friend bool operator<=(const const_iterator& a, const const_iterator& b) { return a.at_ <= b.at_; }
        friend bool operator>=(const const_iterator& a, const const_iterator& b) { return a.at_ >= b.at_; }

    private:
        const NumberColumn* column_ = nullptr;
        std::size_t at_ = 0;
    };

    NumberColumn() = default;
    NumberColumn(std::initializer_list<double> numbers);
    NumberColumn(const std::vector<double>& numbers);  // NOLINT: implicit, a column is a list of numbers

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    double operator[](std::size_t i) const
    {
        switch (encoding_) {
            case Encoding::WholeOffsets:
                return base_ + double(std::int32_t(narrow_[i]));
            case Encoding::Floats: {
                float f;
                std::memcpy(&f, &narrow_[i], sizeof f);
                return double(f);
            }
            case Encoding::Doubles:
                break;
        }
        return wide_[i];
    }
    double front() const { return (*this)[0]; }
    double back() const { return (*this)[size_ - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

    void push_back(double x)
    {
        std::uint32_t word;
        if (encoding_ != Encoding::Doubles && fitsNarrow(x, word)) {
            narrow_.push_back(word);
        } else {
            if (encoding_ != Encoding::Doubles) widen(x);
            if (encoding_ == Encoding::Doubles)
                wide_.push_back(x);
            else if (fitsNarrow(x, word))  // widen() moved whole offsets to floats and x is a float
                narrow_.push_back(word);
        }
        ++size_;
    }
    void append(const NumberColumn& other);
    /// Room for n numbers in the current encoding (a later widening reserves again).
    void reserve(std::size_t n);
    void clear();
    std::vector<double> toVector() const;

    Encoding encoding() const { return encoding_; }
    /// Bytes a number in the current encoding: 4 or 8.
    std::size_t bytesPerNumber() const { return encoding_ == Encoding::Doubles ? 8 : 4; }
    /// The reserved but unused storage after the last number (for prefaulting pages ahead of a
    /// writer; see tensorboard/EventScalars.cpp): its start and its size in bytes.
    std::pair<void*, std::size_t> spareCapacity();

    friend bool operator==(const NumberColumn& a, const NumberColumn& b);
    friend bool operator!=(const NumberColumn& a, const NumberColumn& b) { return !(a == b); }

private:
    // Whether x is exactly representable in the current narrow encoding, and its 4-byte word.
    bool fitsNarrow(double x, std::uint32_t& word)
    {
        if (encoding_ == Encoding::WholeOffsets) {
            if (size_ == 0) {
                if (!isWhole(x)) return false;
                base_ = x;
            }
            const double offset = x - base_;  // exact: both whole and below 2^53 in magnitude
            if (!isWhole(x) || offset < -2147483648.0 || offset > 2147483647.0) return false;
            word = std::uint32_t(std::int32_t(offset));
            return true;
        }
        const float f = static_cast<float>(x);
        const double back = double(f);
        // Bit comparison, so that -0.0 and NaN payloads come back as they went in.
        if (std::memcmp(&back, &x, sizeof x) != 0) return false;
        std::memcpy(&word, &f, sizeof word);
        return true;
    }
    static bool isWhole(double x)
    {
        // -0.0 would come back as +0.0; 2^53 bounds the range where whole doubles subtract exactly.
        return x >= -9007199254740992.0 && x <= 9007199254740992.0 && x == double(std::int64_t(x)) &&
               !(x == 0 && std::signbit(x));
    }
    // Moves to the next encoding that holds every number so far and, if possible, x.
    void widen(double x);

    std::vector<std::uint32_t> narrow_;  // WholeOffsets: int32 offsets from base_; Floats: float bits
    std::vector<double> wide_;           // Doubles
    double base_ = 0;
    std::size_t size_ = 0;
    Encoding encoding_ = Encoding::WholeOffsets;
};

}  // namespace cl::logs
