#pragma once
// Implementation detail of Expression: splits expression text into tokens with their columns.

#include <string>
#include <vector>

namespace cl::expr {

struct Token {
    enum class Kind { Number, Name, Plus, Minus, Star, Slash, Caret, LeftParen, RightParen, Comma, End };
    Kind kind = Kind::End;
    std::string text;   // as written ("end of input" tokens have none)
    double number = 0;  // value of a Number
    int column = 1;     // 1-based column of the first character
};

/// Tokens of `text`, ending with one End token whose column is text.size() + 1.
/// Throws cl::ExpressionError for an invalid number or an unexpected character.
std::vector<Token> tokenize(const std::string& text);

}  // namespace cl::expr
