#include "core/experiments/RandomQuadraticModel.h"

#include <cmath>
#include <stdexcept>

namespace cl {

double NormalSampler::uniform()
{
    // The top 53 bits of one 64-bit draw, scaled by 2^-53: every double in [0, 1) on a 2^-53 grid.
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

double NormalSampler::next()
{
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    // Marsaglia polar method: a uniform point in the unit disc gives two independent normals.
    double u, v, s;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * factor;
    hasSpare_ = true;
    return u * factor;
}

Vector NormalSampler::vector(Eigen::Index n)
{
    Vector out(n);
    for (Eigen::Index i = 0; i < n; ++i) out[i] = next();
    return out;
}

Matrix NormalSampler::matrix(Eigen::Index rows, Eigen::Index cols)
{
    Matrix out(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) out(i, j) = next();
    return out;
}

Matrix haarOrthogonal(Eigen::Index n, NormalSampler& sampler)
{
    const Eigen::HouseholderQR<Matrix> qr(sampler.matrix(n, n));
    Matrix q = qr.householderQ();
    // Make R's diagonal positive (Mezzadri 2007): then Q is Haar-distributed.
    for (Eigen::Index j = 0; j < n; ++j)
        if (qr.matrixQR()(j, j) < 0) q.col(j) = -q.col(j);
    return q;
}

std::uint64_t trialSeed(std::uint64_t seed, std::uint64_t index)
{
    // SplitMix64 of (seed, index): nearby seeds and indices give unrelated streams.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QuadraticModel sampleQuadraticModel(const RandomQuadraticSpec& spec)
{
    if (spec.dimension < 1) throw std::invalid_argument("quadratic model: dimension must be at least 1");
    if (spec.domains < 1) throw std::invalid_argument("quadratic model: needs at least one domain");
    if (!(spec.q > 0 && spec.q <= 1)) throw std::invalid_argument("quadratic model: q must be in (0, 1]");

    const Eigen::Index n = spec.dimension;
    QuadraticModel model;
    model.spectrum.resize(n);
    for (Eigen::Index j = 0; j < n; ++j) model.spectrum[j] = std::pow(spec.q, static_cast<double>(j));

    NormalSampler sampler(spec.seed);
    std::vector<Matrix> rotations;
    for (int i = 0; i < spec.domains; ++i) rotations.push_back(haarOrthogonal(n, sampler));
    std::vector<Vector> minimizers;
    for (int i = 0; i < spec.domains; ++i) minimizers.push_back(sampler.vector(n));
    model.theta0 = sampler.vector(n);

    for (int i = 0; i < spec.domains; ++i) {
        // App. D: A_i = C_iᵀ diag(λ) C_i, so the eigenvectors are the columns of C_iᵀ.
        Matrix vt = rotations[i].transpose();
        // Formed as W Wᵀ with W = C_iᵀ diag(√λ): a symmetric rank update, half the work of a product.
        const Matrix w = vt * model.spectrum.cwiseSqrt().asDiagonal();
        Matrix a = Matrix::Zero(n, n);
        a.selfadjointView<Eigen::Lower>().rankUpdate(w);
        a.triangularView<Eigen::StrictlyUpper>() = a.transpose();
        model.domains.push_back(std::make_shared<QuadraticLoss>(std::move(a), minimizers[i]));
        model.decompositions.push_back({std::move(vt), model.spectrum});
    }
    return model;
}

}  // namespace cl
