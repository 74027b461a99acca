#pragma once
// Ordered key/value results printed either as "key: value" lines or as one JSON object.

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace cl::cli {

class Report {
public:
    void add(const std::string& key, double value);
    void add(const std::string& key, long long value);
    void add(const std::string& key, const std::string& value);
    /// A value already in JSON form (an array or object); printed as is in both formats.
    void addRaw(const std::string& key, const std::string& json);
    void print(std::ostream& out, bool json) const;

private:
    struct Entry {
        std::string key;
        std::string text;  // for key: value lines
        std::string json;  // for the JSON object
    };
    std::vector<Entry> entries_;
};

/// Shortest round-tripping decimal form; non-finite values print as null in JSON, nan/inf in text.
std::string formatNumber(double value);
std::string jsonNumber(double value);
std::string jsonString(const std::string& text);

}  // namespace cl::cli
