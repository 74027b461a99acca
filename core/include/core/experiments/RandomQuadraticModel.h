#pragma once
// The random quadratic model of paper §4.1 / App. D: K domains L_i = ½ (θ-b_i)ᵀ A_i (θ-b_i) with
// A_i = C_iᵀ diag(λ) C_i, λ_j = q^j (j = 0..n-1), C_i Haar-random orthogonal, b_i ~ N(0, I),
// and a start point θ0 ~ N(0, I).
//
// Reproducible across standard libraries: bits come from std::mt19937_64 (fully specified by the
// standard) and normals from our own Marsaglia polar sampler, never from std:: distributions,
// whose algorithms differ between libstdc++, libc++ and MSVC.

#include "core/QuadraticLoss.h"
#include "core/flow/ExactQuadraticFlow.h"

#include <cstdint>
#include <random>

namespace cl {

/// Standard normal samples from std::mt19937_64 through the Marsaglia polar method on 53-bit
/// uniforms. The same seed gives the same numbers on every platform with IEEE doubles.
class NormalSampler {
public:
    explicit NormalSampler(std::uint64_t seed) : engine_(seed) {}
    double next();
    /// A uniform double in [0, 1) with 53 random bits.
    double uniform();
    Vector vector(Eigen::Index n);
    /// Filled column by column.
    Matrix matrix(Eigen::Index rows, Eigen::Index cols);

private:
    std::mt19937_64 engine_;
    bool hasSpare_ = false;
    double spare_ = 0;
};

/// A Haar-distributed n×n orthogonal matrix: QR of a Gaussian matrix with the signs of R's
/// diagonal moved into Q (without that correction QR output is not Haar).
Matrix haarOrthogonal(Eigen::Index n, NormalSampler& sampler);

/// A seed for trial `index` derived from `seed` (SplitMix64), so results do not depend on how
/// trials are spread over threads.
std::uint64_t trialSeed(std::uint64_t seed, std::uint64_t index);

struct RandomQuadraticSpec {
    int dimension = 100;
    int domains = 2;
    double q = 0.7;  // spectrum λ_j = q^j
    std::uint64_t seed = 1;
};

struct QuadraticModel {
    std::vector<std::shared_ptr<const QuadraticLoss>> domains;
    /// domains[i]->A() = V_i diag(spectrum) V_iᵀ with V_i = C_iᵀ.
    std::vector<SpectralDecomposition> decompositions;
    Vector spectrum;
    Vector theta0;

    std::vector<LossPtr> losses() const { return {domains.begin(), domains.end()}; }
    /// The closed-form flow, reusing the known decompositions of the A_i.
    ExactQuadraticFlow exactFlow() const { return ExactQuadraticFlow(losses(), decompositions); }
};

/// Draws, in this order, C_1..C_K, then b_1..b_K, then θ0, all from one NormalSampler(seed).
/// Throws std::invalid_argument for dimension < 1, domains < 1 or q outside (0, 1].
QuadraticModel sampleQuadraticModel(const RandomQuadraticSpec& spec);

}  // namespace cl
