#include "core/expr/Expression.h"

#include "core/expr/Parser.h"
#include "core/expr/Tape.h"
#include "core/expr/TapeRowEvaluator.h"
#include "core/expr/TapeScalarEvaluation.h"

#include <utility>

namespace cl {

Expression::Expression(std::string text, std::shared_ptr<const expr::Tape> tape)
    : text_(std::move(text)), tape_(std::move(tape))
{
}

Expression Expression::parse(const std::string& text)
{
    return Expression(text, std::make_shared<const expr::Tape>(expr::parseToTape(text)));
}

Expression Expression::parse(const std::string& text, const std::vector<std::pair<std::string, std::string>>& named)
{
    return Expression(text, std::make_shared<const expr::Tape>(expr::parseToTape(text, named)));
}

bool Expression::dependsOnX() const
{
    return (static_cast<int>(tape_->root().dependence) & static_cast<int>(expr::Dependence::X)) != 0;
}

bool Expression::dependsOnY() const
{
    return (static_cast<int>(tape_->root().dependence) & static_cast<int>(expr::Dependence::Y)) != 0;
}

double Expression::value(double x, double y) const
{
    return expr::evaluateValue(*tape_, x, y);
}

PlanarJet Expression::jet(double x, double y) const
{
    return expr::evaluateJet(*tape_, x, y);
}

std::size_t Expression::rowEvaluatorBytes(std::size_t width) const
{
    return expr::TapeRowEvaluator::workingBytes(*tape_, width);
}

std::unique_ptr<PlanarRowEvaluator> Expression::rowEvaluator(std::vector<double> xs) const
{
    return std::make_unique<expr::TapeRowEvaluator>(tape_, std::move(xs));
}

}  // namespace cl
