#pragma once
// A 2-D domain loss L(x, y) given by an Expression: what the landscape view's text boxes make.

#include "core/Loss.h"
#include "core/expr/Expression.h"

#include <memory>
#include <string>

namespace cl {

class ExpressionLoss final : public Loss {
public:
    /// Throws ExpressionError for text that is not an expression.
    static std::shared_ptr<const ExpressionLoss> fromText(const std::string& text);
    explicit ExpressionLoss(Expression expression);

    const Expression& expression() const { return expression_; }

    int dimension() const override { return 2; }
    /// θ = (x, y); a θ of another size throws std::invalid_argument. NaN outside the domain.
    double value(const Vector& theta) const override;
    Vector gradient(const Vector& theta) const override;
    Matrix hessian(const Vector& theta) const override;
    Vector hessianVectorProduct(const Vector& theta, const Vector& v) const override;
    std::unique_ptr<PlanarRowEvaluator> planarRowEvaluator(std::vector<double> xs) const override;
    std::size_t planarRowEvaluatorBytes(std::size_t width) const override;

private:
    PlanarJet jetAt(const Vector& theta) const;

    Expression expression_;
};

}  // namespace cl
