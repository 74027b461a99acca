#pragma once
// Closed-form training flows for quadratic domains (paper §3.1, App. D). At fixed weights w the
// mixed loss Σ w_k L_k is itself quadratic with Hessian A = Σ w_k A_k = V diag(λ) Vᵀ, and
//   Φ(s)θ = b + V e^{-sΛ} Vᵀ (θ - b),  b = A⁻¹ Σ w_k A_k b_k.
// We evaluate the same map in the equivalent form
//   Φ(s)θ = θ - V diag((1 - e^{-sλ_j}) / λ_j) Vᵀ ∇L_w(θ),
// which never forms b: in the App. D model A has eigenvalues down to 0.7^99 ≈ 5e-16, so A⁻¹ is
// numerically meaningless while (1 - e^{-sλ})/λ → s stays exact (computed with expm1).

#include "core/QuadraticLoss.h"
#include "core/flow/FlowIntegrator.h"

#include <map>
#include <memory>
#include <mutex>

namespace cl {

/// A = V diag(λ) Vᵀ with orthonormal V (columns are eigenvectors).
struct SpectralDecomposition {
    Matrix eigenvectors;
    Vector eigenvalues;
};

class ExactQuadraticFlow final : public FlowIntegrator {
public:
    /// Every domain must be a cl::QuadraticLoss; throws std::invalid_argument naming the first
    /// domain that is not.
    explicit ExactQuadraticFlow(std::vector<LossPtr> domains);
    /// Also takes known decompositions of each domain's A_k (the random model builds A_k from
    /// one), which then serve the single-domain weights e_k without a new eigen-decomposition.
    ExactQuadraticFlow(std::vector<LossPtr> domains, std::vector<SpectralDecomposition> known);

    Vector flow(const Schedule& schedule, const Vector& theta0, double t0, double t1) const override;
    std::string name() const override { return "exact"; }

    /// The flow of Σ w_k L_k for time s >= 0 from theta (weights need not come from a schedule).
    Vector flowAtWeights(const std::vector<double>& weights, const Vector& theta, double s) const;

    /// How many distinct weight vectors have been decomposed (one eigen-decomposition each).
    std::size_t cachedDecompositions() const;

    /// The cache is emptied when a new weight vector would exceed this many entries.
    static constexpr std::size_t kMaxCachedWeightVectors = 64;

private:
    struct Mixed {
        SpectralDecomposition spectrum;
        Matrix A;  // Σ w_k A_k
        Vector c;  // Σ w_k A_k b_k, so that ∇L_w(θ) = Aθ - c
    };
    std::shared_ptr<const Mixed> mixed(const std::vector<double>& weights) const;

    std::vector<std::shared_ptr<const QuadraticLoss>> quadratics_;
    std::vector<SpectralDecomposition> known_;
    mutable std::mutex mutex_;
    mutable std::map<std::vector<double>, std::shared_ptr<const Mixed>> cache_;
};

}  // namespace cl
