#include "core/WeightedSumLoss.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace cl {

WeightedSumLoss::WeightedSumLoss(std::vector<LossPtr> terms, std::vector<double> weights)
    : terms_(std::move(terms)), weights_(std::move(weights))
{
    if (terms_.empty()) throw std::invalid_argument("weighted sum: needs at least one loss");
    if (terms_.size() != weights_.size())
        throw std::invalid_argument("weighted sum: " + std::to_string(terms_.size()) + " losses but " +
                                    std::to_string(weights_.size()) + " weights");
    for (std::size_t k = 0; k < terms_.size(); ++k) {
        if (!terms_[k]) throw std::invalid_argument("weighted sum: loss " + std::to_string(k + 1) + " is missing");
        if (!std::isfinite(weights_[k]))
            throw std::invalid_argument("weighted sum: weight " + std::to_string(k + 1) + " is not finite");
        if (terms_[k]->dimension() != terms_[0]->dimension())
            throw std::invalid_argument("weighted sum: loss " + std::to_string(k + 1) + " has dimension " +
                                        std::to_string(terms_[k]->dimension()) + ", loss 1 has " +
                                        std::to_string(terms_[0]->dimension()));
    }
}

int WeightedSumLoss::dimension() const { return terms_[0]->dimension(); }

double WeightedSumLoss::value(const Vector& theta) const
{
    double sum = 0;
    for (std::size_t k = 0; k < terms_.size(); ++k) sum += weights_[k] * terms_[k]->value(theta);
    return sum;
}

Vector WeightedSumLoss::gradient(const Vector& theta) const
{
    Vector sum = Vector::Zero(dimension());
    for (std::size_t k = 0; k < terms_.size(); ++k) sum += weights_[k] * terms_[k]->gradient(theta);
    return sum;
}

Matrix WeightedSumLoss::hessian(const Vector& theta) const
{
    Matrix sum = Matrix::Zero(dimension(), dimension());
    for (std::size_t k = 0; k < terms_.size(); ++k) sum += weights_[k] * terms_[k]->hessian(theta);
    return sum;
}

Vector WeightedSumLoss::hessianVectorProduct(const Vector& theta, const Vector& v) const
{
    Vector sum = Vector::Zero(dimension());
    for (std::size_t k = 0; k < terms_.size(); ++k) sum += weights_[k] * terms_[k]->hessianVectorProduct(theta, v);
    return sum;
}

namespace {

// Evaluates every term into scratch rows and accumulates, so each term keeps its fast path.
class WeightedRowEvaluator final : public PlanarRowEvaluator {
public:
    WeightedRowEvaluator(const WeightedSumLoss& loss, const std::vector<double>& xs)
        : weights_(loss.weights()), n_(xs.size()), scratch_(6 * xs.size())
    {
        for (const auto& term : loss.terms()) parts_.push_back(term->planarRowEvaluator(xs));
    }

    void evaluateRow(double y, const PlanarJetRow& out) override
    {
        double* s = scratch_.data();
        const PlanarJetRow part{s, s + n_, s + 2 * n_, s + 3 * n_, s + 4 * n_, s + 5 * n_};
        double* dst[6] = {out.value, out.dx, out.dy, out.dxx, out.dxy, out.dyy};
        for (auto* d : dst) std::fill(d, d + n_, 0.0);
        for (std::size_t k = 0; k < parts_.size(); ++k) {
            parts_[k]->evaluateRow(y, part);
            const double w = weights_[k];
            for (int c = 0; c < 6; ++c)
                for (std::size_t i = 0; i < n_; ++i) dst[c][i] += w * s[c * n_ + i];
        }
    }

private:
    std::vector<double> weights_;
    std::size_t n_;
    std::vector<double> scratch_;
    std::vector<std::unique_ptr<PlanarRowEvaluator>> parts_;
};

}  // namespace

std::size_t WeightedSumLoss::planarRowEvaluatorBytes(std::size_t width) const
{
    std::size_t bytes = 6 * width * sizeof(double);  // the scratch rows of WeightedRowEvaluator
    for (const auto& term : terms_) bytes += term->planarRowEvaluatorBytes(width);
    return bytes;
}

std::unique_ptr<PlanarRowEvaluator> WeightedSumLoss::planarRowEvaluator(std::vector<double> xs) const
{
    if (dimension() != 2)
        throw std::invalid_argument("a planar row evaluator needs a 2-D loss, this one has dimension " +
                                    std::to_string(dimension()));
    return std::make_unique<WeightedRowEvaluator>(*this, xs);
}

}  // namespace cl
