#include "core/flow/ExactQuadraticFlow.h"

#include <cmath>
#include <stdexcept>

namespace cl {
namespace {

std::vector<std::shared_ptr<const QuadraticLoss>> asQuadratics(const std::vector<LossPtr>& domains)
{
    std::vector<std::shared_ptr<const QuadraticLoss>> out;
    for (std::size_t k = 0; k < domains.size(); ++k) {
        auto q = std::dynamic_pointer_cast<const QuadraticLoss>(domains[k]);
        if (!q)
            throw std::invalid_argument("exact flow: domain " + std::to_string(k + 1) +
                                        " is not a quadratic loss; use the odeint method");
        out.push_back(std::move(q));
    }
    return out;
}

// The index k when weights are exactly e_k (training on one domain alone), else -1.
int singleDomain(const std::vector<double>& weights)
{
    int found = -1;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (weights[k] == 0) continue;
        if (weights[k] != 1 || found >= 0) return -1;
        found = static_cast<int>(k);
    }
    return found;
}

// (1 - e^{-sλ}) / λ, the flow's weight on the gradient along an eigenvector; s when λ = 0.
double phi(double s, double lambda)
{
    if (lambda == 0) return s;
    return -std::expm1(-s * lambda) / lambda;
}

}  // namespace

ExactQuadraticFlow::ExactQuadraticFlow(std::vector<LossPtr> domains)
    : FlowIntegrator(std::move(domains)), quadratics_(asQuadratics(this->domains()))
{
}

ExactQuadraticFlow::ExactQuadraticFlow(std::vector<LossPtr> domains, std::vector<SpectralDecomposition> known)
    : ExactQuadraticFlow(std::move(domains))
{
    if (known.size() != quadratics_.size())
        throw std::invalid_argument("exact flow: " + std::to_string(known.size()) + " decompositions for " +
                                    std::to_string(quadratics_.size()) + " domains");
    const Eigen::Index n = dimension();
    for (const SpectralDecomposition& d : known)
        if (d.eigenvectors.rows() != n || d.eigenvectors.cols() != n || d.eigenvalues.size() != n)
            throw std::invalid_argument("exact flow: a known decomposition does not match dimension " +
                                        std::to_string(n));
    known_ = std::move(known);
}

std::shared_ptr<const ExactQuadraticFlow::Mixed> ExactQuadraticFlow::mixed(const std::vector<double>& weights) const
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = cache_.find(weights);
        if (it != cache_.end()) return it->second;
    }
    // Decompose outside the lock; two threads racing on one new weight vector both compute it
    // and the first insert wins, which is harmless.
    auto m = std::make_shared<Mixed>();
    const Eigen::Index n = dimension();
    m->A = Matrix::Zero(n, n);
    m->c = Vector::Zero(n);
    for (std::size_t k = 0; k < quadratics_.size(); ++k) {
        if (weights[k] == 0) continue;
        m->A += weights[k] * quadratics_[k]->A();
        m->c += weights[k] * (quadratics_[k]->A() * quadratics_[k]->b());
    }
    const int k = singleDomain(weights);
    if (k >= 0 && !known_.empty()) {
        m->spectrum = known_[k];
    } else {
        Eigen::SelfAdjointEigenSolver<Matrix> solver(m->A);
        if (solver.info() != Eigen::Success) throw std::runtime_error("exact flow: eigen-decomposition failed");
        m->spectrum = {solver.eigenvectors(), solver.eigenvalues()};
    }
    std::lock_guard<std::mutex> lock(mutex_);
    // A bound on memory (each entry holds two n×n matrices) for callers that sweep weights, such
    // as a slider in the GUI: start over rather than grow without limit. Entries in use stay alive
    // through their shared_ptr.
    if (cache_.size() >= kMaxCachedWeightVectors && cache_.count(weights) == 0) cache_.clear();
    return cache_.emplace(weights, std::move(m)).first->second;
}

Vector ExactQuadraticFlow::flowAtWeights(const std::vector<double>& weights, const Vector& theta, double s) const
{
    if (weights.size() != quadratics_.size())
        throw std::invalid_argument("exact flow: " + std::to_string(weights.size()) + " weights for " +
                                    std::to_string(quadratics_.size()) + " domains");
    if (!(s >= 0)) throw std::invalid_argument("exact flow: time must be >= 0");
    if (s == 0) return theta;
    const std::shared_ptr<const Mixed> m = mixed(weights);
    const Matrix& V = m->spectrum.eigenvectors;
    const Vector& lambda = m->spectrum.eigenvalues;
    Vector coordinates = V.transpose() * (m->A * theta - m->c);  // ∇L_w(θ) in the eigenbasis
    for (Eigen::Index j = 0; j < coordinates.size(); ++j) coordinates[j] *= phi(s, lambda[j]);
    return theta - V * coordinates;
}

Vector ExactQuadraticFlow::flow(const Schedule& schedule, const Vector& theta0, double t0, double t1) const
{
    checkArguments(schedule, theta0, t0, t1);
    Vector theta = theta0;
    double a = t0;
    std::vector<double> ends = schedule.breakpointsIn(t0, t1);
    ends.push_back(t1);
    // Piecewise-constant weights: compose the closed-form flows of the pieces.
    for (double b : ends) {
        if (b > a) theta = flowAtWeights(schedule.weightsAt(a), theta, b - a);
        a = b;
    }
    return theta;
}

std::size_t ExactQuadraticFlow::cachedDecompositions() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return cache_.size();
}

}  // namespace cl
