#pragma once
// The one exception a malformed expression produces: what is wrong and where (1-based column).

#include <stdexcept>
#include <string>

namespace cl {

/// Thrown by Expression::parse for text that is not a valid expression. what() is a complete
/// sentence fragment such as "unexpected ')' at column 14"; column() is the same position as a
/// number so that editors can put the cursor there.
class ExpressionError : public std::runtime_error {
public:
    ExpressionError(const std::string& message, int column) : std::runtime_error(message), column_(column) {}
    /// 1-based character position the message refers to (text length + 1 for "end of input").
    int column() const { return column_; }

private:
    int column_;
};

}  // namespace cl
