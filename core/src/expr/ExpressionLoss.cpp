#include "core/expr/ExpressionLoss.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace cl {

std::shared_ptr<const ExpressionLoss> ExpressionLoss::fromText(const std::string& text)
{
    return std::make_shared<const ExpressionLoss>(Expression::parse(text));
}

ExpressionLoss::ExpressionLoss(Expression expression) : expression_(std::move(expression)) {}

namespace {

void requirePlanar(const Vector& theta)
{
    if (theta.size() != 2)
        throw std::invalid_argument("ExpressionLoss: θ has " + std::to_string(theta.size())
                                    + " components, the loss has 2 (x, y)");
}

}  // namespace

PlanarJet ExpressionLoss::jetAt(const Vector& theta) const
{
    requirePlanar(theta);
    return expression_.jet(theta[0], theta[1]);
}

double ExpressionLoss::value(const Vector& theta) const
{
    requirePlanar(theta);
    return expression_.value(theta[0], theta[1]);
}

Vector ExpressionLoss::gradient(const Vector& theta) const
{
    const PlanarJet j = jetAt(theta);
    return Eigen::Vector2d(j.dx, j.dy);
}

Matrix ExpressionLoss::hessian(const Vector& theta) const
{
    const PlanarJet j = jetAt(theta);
    Matrix h(2, 2);
    h << j.dxx, j.dxy, j.dxy, j.dyy;
    return h;
}

Vector ExpressionLoss::hessianVectorProduct(const Vector& theta, const Vector& v) const
{
    if (v.size() != 2) throw std::invalid_argument("ExpressionLoss: v must have 2 components");
    return hessian(theta) * v;
}

std::size_t ExpressionLoss::planarRowEvaluatorBytes(std::size_t width) const
{
    return expression_.rowEvaluatorBytes(width);
}

std::unique_ptr<PlanarRowEvaluator> ExpressionLoss::planarRowEvaluator(std::vector<double> xs) const
{
    return expression_.rowEvaluator(std::move(xs));
}

}  // namespace cl
