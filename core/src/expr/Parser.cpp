#include "core/expr/Parser.h"

#include "core/expr/ExpressionError.h"
#include "core/expr/Lexer.h"
#include "core/expr/TapeBuilder.h"

#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace cl::expr {
namespace {

using Kind = Token::Kind;

struct FunctionName {
    const char* name;
    Op op;
    int arity;  // 1 or 2 arguments
};

constexpr FunctionName kFunctions[] = {
    {"sin", Op::Sin, 1},         {"cos", Op::Cos, 1},   {"tan", Op::Tan, 1},     {"exp", Op::Exp, 1},
    {"log", Op::Log, 1},         {"sqrt", Op::Sqrt, 1}, {"abs", Op::Abs, 1},     {"tanh", Op::Tanh, 1},
    {"sinh", Op::Sinh, 1},       {"cosh", Op::Cosh, 1}, {"asinh", Op::Asinh, 1}, {"softplus", Op::Softplus, 1},
    {"sigmoid", Op::Sigmoid, 1}, {"min", Op::Min, 2},   {"max", Op::Max, 2},     {"atan2", Op::Atan2, 2},
};

const FunctionName* findFunction(const std::string& name)
{
    for (const FunctionName& f : kFunctions)
        if (name == f.name) return &f;
    return nullptr;
}

std::string at(int column)
{
    return " at column " + std::to_string(column);
}

std::string describe(const Token& token)
{
    return token.kind == Kind::End ? "end of input" : "'" + token.text + "'";
}

bool startsOperand(Kind kind)
{
    return kind == Kind::Number || kind == Kind::Name || kind == Kind::LeftParen;
}

class Parser {
public:
    Parser(const std::string& text, TapeBuilder& builder, const NamedExpressions& named)
        : tokens_(tokenize(text)), builder_(builder), named_(named)
    {
    }

    /// The root node of the whole text in the builder.
    int run()
    {
        if (peek().kind == Kind::End) throw ExpressionError("empty expression", 1);
        const int root = expression();
        if (peek().kind != Kind::End) throw unexpected(peek());  // only ')' or ',' can be left here
        if (!unknown_.empty()) throw unknownNames();
        return root;
    }

private:
    const Token& peek() const { return tokens_[position_]; }
    const Token& next() { return tokens_[position_++]; }

    int expression()
    {
        int left = term();
        while (peek().kind == Kind::Plus || peek().kind == Kind::Minus) {
            const Op op = next().kind == Kind::Plus ? Op::Add : Op::Sub;
            left = builder_.binary(op, left, term());
        }
        return left;
    }

    int term()
    {
        int left = signedPower();
        while (peek().kind == Kind::Star || peek().kind == Kind::Slash) {
            const Op op = next().kind == Kind::Star ? Op::Mul : Op::Div;
            left = builder_.binary(op, left, signedPower());
        }
        return left;
    }

    int signedPower()
    {
        // Every level of parentheses, unary sign or exponent passes through here: bounding the
        // depth keeps pathological input ("((((…") from overflowing the stack.
        if (++depth_ > kMaxDepth)
            throw ExpressionError("expression nested too deeply" + at(peek().column) + " (more than " +
                                      std::to_string(kMaxDepth) + " levels)",
                                  peek().column);
        const int result = signedPowerAtThisDepth();
        --depth_;
        return result;
    }

    int signedPowerAtThisDepth()
    {
        if (peek().kind == Kind::Minus) {
            next();
            return builder_.unary(Op::Neg, signedPower());
        }
        if (peek().kind == Kind::Plus) {
            next();
            return signedPower();
        }
        return power();
    }

    int power()
    {
        const int base = operand();
        if (startsOperand(peek().kind)) throw missingOperator(peek());
        if (peek().kind != Kind::Caret) return base;
        next();
        return builder_.power(base, signedPower());
    }

    int operand()
    {
        const Token& token = next();
        switch (token.kind) {
            case Kind::Number:
                return builder_.constant(token.number);
            case Kind::LeftParen:
                return parenthesised(token);
            case Kind::Name:
                return name(token);
            default:
                throw ExpressionError("expected an operand" + at(token.column) + " but found " + describe(token),
                                      token.column);
        }
    }

    /// The expression after an opening parenthesis, and the closing one.
    int parenthesised(const Token& open)
    {
        const int inside = expression();
        const Token& close = next();
        if (close.kind == Kind::RightParen) return inside;
        if (close.kind == Kind::End) throw ExpressionError("unbalanced '(' opened" + at(open.column), open.column);
        if (close.kind == Kind::Comma)
            throw ExpressionError("unexpected ','" + at(close.column) + " (functions take one argument)", close.column);
        throw unexpected(close);
    }

    /// Two comma-separated arguments after an opening parenthesis, and the closing one.
    std::pair<int, int> twoArguments(const Token& open, const std::string& function)
    {
        const int first = expression();
        const Token& comma = next();
        if (comma.kind == Kind::End) throw ExpressionError("unbalanced '(' opened" + at(open.column), open.column);
        if (comma.kind == Kind::RightParen)
            throw ExpressionError(
                "function '" + function + "' takes two arguments" + at(comma.column) + ": write " + function + "(a, b)",
                comma.column);
        if (comma.kind != Kind::Comma) throw unexpected(comma);
        return {first, parenthesised(open)};
    }

    /// A named expression (L1, L2 in a target) parsed into the same tape, so that its jets are
    /// composed exactly by the chain rule. Its own text has already been checked where it was typed.
    /// Parsed once per name: the builder would give the same node again, but re-parsing a long L1
    /// for each of thousands of uses took minutes (found fuzzing session files, issue 16).
    int namedExpression(const Token& token, const std::string& name, const std::string& text)
    {
        if (const auto found = namedRoots_.find(name); found != namedRoots_.end()) return found->second;
        try {
            return namedRoots_[name] = Parser(text, builder_, {}).run();
        } catch (const ExpressionError& e) {
            throw ExpressionError(
                token.text + " (used at column " + std::to_string(token.column) + ") is not valid: " + e.what(),
                token.column);
        }
    }

    int name(const Token& token)
    {
        const std::string& n = token.text;
        if (n == "x") return builder_.variableX();
        if (n == "y") return builder_.variableY();
        if (n == "pi") return builder_.constant(3.141592653589793238);
        if (n == "e") return builder_.constant(2.718281828459045235);
        for (const auto& [name, text] : named_)
            if (n == name && peek().kind != Kind::LeftParen) return namedExpression(token, name, text);
        const FunctionName* function = findFunction(n);
        const bool called = peek().kind == Kind::LeftParen;
        if (function && !called)
            throw ExpressionError(
                "function '" + n + "' needs parentheses" + at(token.column) + ": write " + n + "(...)", token.column);
        if (!function) rememberUnknown(token);
        if (!called) return builder_.constant(kNaN());
        const Token& open = next();
        if (function && function->arity == 2) {
            const auto [a, b] = twoArguments(open, n);
            return builder_.binary(function->op, a, b);
        }
        const int argument = parenthesised(open);
        return function ? builder_.unary(function->op, argument) : builder_.constant(kNaN());
    }

    static double kNaN() { return std::nan(""); }

    void rememberUnknown(const Token& token)
    {
        for (const auto& [name, column] : unknown_)
            if (name == token.text) return;
        unknown_.emplace_back(token.text, token.column);
    }

    ExpressionError unknownNames() const
    {
        std::string list;
        for (const auto& [name, column] : unknown_)
            list += (list.empty() ? "" : ", ") + name + " (column " + std::to_string(column) + ")";
        const char* heading = unknown_.size() == 1 ? "unknown name: " : "unknown names: ";
        return ExpressionError(heading + list + "; known: " + knownNamesList(), unknown_.front().second);
    }

    static ExpressionError unexpected(const Token& token)
    {
        return ExpressionError("unexpected " + describe(token) + at(token.column), token.column);
    }

    static ExpressionError missingOperator(const Token& token)
    {
        return ExpressionError("missing operator before " + describe(token) + at(token.column) +
                                   " (implicit multiplication is not supported: write '*')",
                               token.column);
    }

    static constexpr int kMaxDepth = 200;

    std::vector<Token> tokens_;
    std::size_t position_ = 0;
    int depth_ = 0;
    TapeBuilder& builder_;
    const NamedExpressions& named_;
    std::map<std::string, int> namedRoots_;  // a named expression's node, once parsed
    std::vector<std::pair<std::string, int>> unknown_;
};

}  // namespace

const char* knownNamesList()
{
    return "x, y, pi, e, sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, asinh, softplus, sigmoid, "
           "min, max, atan2";
}

Tape parseToTape(const std::string& text, const NamedExpressions& named)
{
    TapeBuilder builder;
    const int root = Parser(text, builder, named).run();
    return builder.finish(root);
}

}  // namespace cl::expr
