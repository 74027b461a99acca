#pragma once
// Σ w_k L_k: the mixed loss the training flow follows at fixed weights (paper eq. 2).

#include "core/Loss.h"

namespace cl {

class WeightedSumLoss final : public Loss {
public:
    /// Needs at least one term, equal dimensions and finite weights; throws std::invalid_argument.
    WeightedSumLoss(std::vector<LossPtr> terms, std::vector<double> weights);

    int dimension() const override;
    double value(const Vector& theta) const override;
    Vector gradient(const Vector& theta) const override;
    Matrix hessian(const Vector& theta) const override;
    Vector hessianVectorProduct(const Vector& theta, const Vector& v) const override;
    std::unique_ptr<PlanarRowEvaluator> planarRowEvaluator(std::vector<double> xs) const override;
    std::size_t planarRowEvaluatorBytes(std::size_t width) const override;

    const std::vector<LossPtr>& terms() const { return terms_; }
    const std::vector<double>& weights() const { return weights_; }

private:
    std::vector<LossPtr> terms_;
    std::vector<double> weights_;
};

}  // namespace cl
