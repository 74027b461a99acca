#include "cli/Report.h"

#include "core/logs/Json.h"

#include <charconv>
#include <cmath>
#include <ostream>

namespace cl::cli {

std::string formatNumber(double value)
{
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string("nan");
}

std::string jsonNumber(double value) { return std::isfinite(value) ? formatNumber(value) : "null"; }

std::string jsonString(const std::string& text) { return logs::jsonQuote(text); }

void Report::add(const std::string& key, double value) { entries_.push_back({key, formatNumber(value), jsonNumber(value)}); }

void Report::add(const std::string& key, long long value)
{
    entries_.push_back({key, std::to_string(value), std::to_string(value)});
}

void Report::add(const std::string& key, const std::string& value) { entries_.push_back({key, value, jsonString(value)}); }

void Report::addRaw(const std::string& key, const std::string& json) { entries_.push_back({key, json, json}); }

void Report::print(std::ostream& out, bool json) const
{
    if (!json) {
        for (const auto& e : entries_) out << e.key << ": " << e.text << '\n';
        return;
    }
    out << '{';
    for (std::size_t k = 0; k < entries_.size(); ++k)
        out << (k ? ", " : "") << jsonString(entries_[k].key) << ": " << entries_[k].json;
    out << "}\n";
}

}  // namespace cl::cli
