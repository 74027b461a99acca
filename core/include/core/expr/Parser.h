#pragma once
// Implementation detail of Expression: recursive-descent parser from text to a Tape.
//
// Grammar (lowest precedence first):
//   expression := term (('+' | '-') term)*
//   term       := signed (('*' | '/') signed)*
//   signed     := ('-' | '+') signed | power
//   power      := operand ('^' signed)?        right-associative; -x^2 = -(x^2), x^-1 allowed
//   operand    := number | x | y | pi | e | function '(' expression ')' | '(' expression ')'

#include "core/expr/Tape.h"

#include <string>

namespace cl::expr {

/// The names an expression may use, in the order error messages list them.
const char* knownNamesList();

/// Throws cl::ExpressionError describing the first syntax error, or, for text whose only fault
/// is unknown names, listing every unknown name with its column.
Tape parseToTape(const std::string& text);

}  // namespace cl::expr
