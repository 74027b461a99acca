#pragma once
// Every problem found in an experiment log names where it is: file, line, column and field,
// printed like a compiler message ("run.csv:17:5: field 'L_en': not a number: 'abc'"), so a
// user can open the file at that spot. Errors stop the import; warnings (non-finite values)
// are collected and the value is kept.

#include <stdexcept>
#include <string>

namespace cl {

struct LogLocation {
    std::string file;   // the path as the user gave it
    long line = 0;      // 1-based; 0 when the problem concerns the whole file
    long column = 0;    // 1-based byte column; 0 when unknown
    std::string field;  // column name or JSON key; empty when none applies
};

/// "file:line:column: field 'x': message", leaving out the parts that are unknown.
std::string formatLocated(const LogLocation& where, const std::string& message);

/// Thrown by the log readers and writers for any input they refuse.
class LogError : public std::runtime_error {
public:
    LogError(LogLocation where, std::string message);
    const std::string& file() const { return where_.file; }
    long line() const { return where_.line; }
    long column() const { return where_.column; }
    const std::string& field() const { return where_.field; }
    /// The message without its location.
    const std::string& message() const { return message_; }
    const LogLocation& location() const { return where_; }

private:
    LogLocation where_;
    std::string message_;
};

/// A value that was kept but deserves attention (NaN or infinity in a measurement).
struct LogWarning {
    LogLocation where;
    std::string message;
    std::string text() const { return formatLocated(where, message); }
};

}  // namespace cl
