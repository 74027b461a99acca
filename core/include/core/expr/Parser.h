#pragma once
// Implementation detail of Expression: recursive-descent parser from text to a Tape.
//
// Grammar (lowest precedence first):
//   expression := term (('+' | '-') term)*
//   term       := signed (('*' | '/') signed)*
//   signed     := ('-' | '+') signed | power
//   (power is right-associative; -x^2 = -(x^2), x^-1 allowed)
//   power      := operand (('^' | '**') signed)?
//   operand    := number | x | y | pi | e | name | function '(' expression (',' expression)? ')'
//                 | '(' expression ')'
// where `name` is one of the named expressions given to parseToTape (L1, L2 in a target).

#include "core/expr/Tape.h"

#include <string>
#include <utility>
#include <vector>

namespace cl::expr {

/// The names an expression may use, in the order error messages list them.
const char* knownNamesList();

/// Names that stand for other expressions, e.g. {"L1", "0.5*(x-1)^2"}: each use is parsed into
/// the same tape, so derivatives of the whole follow by the chain rule.
using NamedExpressions = std::vector<std::pair<std::string, std::string>>;

/// Throws cl::ExpressionError describing the first syntax error, or, for text whose only fault
/// is unknown names, listing every unknown name with its column. The messages (N = column):
///   empty expression
///   expected an operand at column N but found end of input | '<token>'
///   unexpected ')' at column N
///   unexpected ',' at column N (functions take one argument)
///   function 'max' takes two arguments at column N: write max(a, b)
///   L1 (used at column N) is not valid: <its own error>
///   unbalanced '(' opened at column N
///   missing operator before '<token>' at column N (implicit multiplication is not supported: write '*')
///   function 'sin' needs parentheses at column N: write sin(...)
///   invalid number '1e' at column N          number '1e999' at column N is out of range
///   unexpected character '$' at column N
///   expression nested too deeply at column N (more than 200 levels)
///   unknown name: z (column N); known: x, y, pi, …
///   unknown names: foo (column 1), z (column 7); known: x, y, pi, …
/// tests/core/test_expression_parser.cpp holds the exact texts, one case each.
Tape parseToTape(const std::string& text, const NamedExpressions& named = {});

}  // namespace cl::expr
