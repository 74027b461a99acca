#include "core/expr/Lexer.h"

#include "core/expr/ExpressionError.h"

#include <charconv>
#include <system_error>

namespace cl::expr {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isNameChar(char c)
{
    return isNameStart(c) || isDigit(c);
}

std::string quoted(const std::string& s)
{
    return "'" + s + "'";
}

/// Reads the number that starts at `start`: digits with at most one '.', then an optional
/// exponent. An 'e' directly followed by a letter is not an exponent ("2exp(x)" is a number
/// and a name, which the parser reports as a missing operator).
Token readNumber(const std::string& text, std::size_t start)
{
    std::size_t end = start;
    int dots = 0;
    while (end < text.size() && (isDigit(text[end]) || text[end] == '.')) {
        if (text[end] == '.') ++dots;
        ++end;
    }
    bool exponentWithoutDigits = false;
    if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
        std::size_t p = end + 1;
        if (p < text.size() && (text[p] == '+' || text[p] == '-')) ++p;
        const bool hasDigits = p < text.size() && isDigit(text[p]);
        const bool nameFollows = end + 1 < text.size() && isNameStart(text[end + 1]);
        if (!nameFollows) {
            while (p < text.size() && isDigit(text[p])) ++p;
            end = p;
            exponentWithoutDigits = !hasDigits;
        }
    }
    Token token;
    token.kind = Token::Kind::Number;
    token.text = text.substr(start, end - start);
    token.column = static_cast<int>(start) + 1;
    const std::size_t mantissaDigits = token.text.find_first_of("0123456789");
    const bool mantissaOk =
        dots <= 1 && mantissaDigits != std::string::npos &&
        (token.text.find_first_of("eE") == std::string::npos || mantissaDigits < token.text.find_first_of("eE"));
    if (!mantissaOk || exponentWithoutDigits)
        throw ExpressionError("invalid number " + quoted(token.text) + " at column " + std::to_string(token.column),
                              token.column);
    const auto [ptr, ec] = std::from_chars(token.text.data(), token.text.data() + token.text.size(), token.number);
    if (ec == std::errc::result_out_of_range)
        throw ExpressionError(
            "number " + quoted(token.text) + " at column " + std::to_string(token.column) + " is out of range",
            token.column);
    if (ec != std::errc() || ptr != token.text.data() + token.text.size())
        throw ExpressionError("invalid number " + quoted(token.text) + " at column " + std::to_string(token.column),
                              token.column);
    return token;
}

Token::Kind punctuation(char c)
{
    switch (c) {
        case '+':
            return Token::Kind::Plus;
        case '-':
            return Token::Kind::Minus;
        case '*':
            return Token::Kind::Star;
        case '/':
            return Token::Kind::Slash;
        case '^':
            return Token::Kind::Caret;
        case '(':
            return Token::Kind::LeftParen;
        case ')':
            return Token::Kind::RightParen;
        case ',':
            return Token::Kind::Comma;
        default:
            return Token::Kind::End;
    }
}

}  // namespace

std::vector<Token> tokenize(const std::string& text)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (isDigit(c) || c == '.') {
            tokens.push_back(readNumber(text, i));
            i += tokens.back().text.size();
        } else if (isNameStart(c)) {
            std::size_t end = i;
            while (end < text.size() && isNameChar(text[end])) ++end;
            Token token;
            token.kind = Token::Kind::Name;
            token.text = text.substr(i, end - i);
            token.column = static_cast<int>(i) + 1;
            tokens.push_back(token);
            i = end;
        } else if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            Token token;  // "**" is a synonym of '^' (as in Python)
            token.kind = Token::Kind::Caret;
            token.text = "**";
            token.column = static_cast<int>(i) + 1;
            tokens.push_back(token);
            i += 2;
        } else if (punctuation(c) != Token::Kind::End) {
            Token token;
            token.kind = punctuation(c);
            token.text = std::string(1, c);
            token.column = static_cast<int>(i) + 1;
            tokens.push_back(token);
            ++i;
        } else {
            const int column = static_cast<int>(i) + 1;
            const bool printable = static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
            const std::string shown =
                printable ? quoted(std::string(1, c)) : "(byte " + std::to_string(static_cast<unsigned char>(c)) + ")";
            throw ExpressionError("unexpected character " + shown + " at column " + std::to_string(column), column);
        }
    }
    Token end;
    end.column = static_cast<int>(text.size()) + 1;
    tokens.push_back(end);
    return tokens;
}

}  // namespace cl::expr
