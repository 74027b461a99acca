#pragma once
// The loss interface every domain, target and experiment in CommuteLab is built on.

#include <Eigen/Dense>

#include <memory>
#include <vector>

namespace cl {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;

/// Value and exact derivatives of a 2-D loss at the points (xs[i], y) of one grid row, stored as
/// separate arrays (structure of arrays) so that batch evaluation vectorises.
struct PlanarJetRow {
    double* value;
    double* dx;
    double* dy;
    double* dxx;
    double* dxy;
    double* dyy;
};

/// Evaluates one 2-D loss row by row over a fixed set of x abscissae. Made per thread: it may
/// keep scratch space and work precomputed from the abscissae (terms that depend on x only).
class PlanarRowEvaluator {
public:
    virtual ~PlanarRowEvaluator() = default;
    /// Fills out[i] for i < number of abscissae given when this evaluator was made.
    virtual void evaluateRow(double y, const PlanarJetRow& out) = 0;
};

/// A twice-differentiable loss on R^n. Where the loss is undefined (log of a negative number,
/// division by zero) implementations return NaN rather than throw, so views can mark the point.
class Loss {
public:
    virtual ~Loss() = default;
    virtual int dimension() const = 0;
    virtual double value(const Vector& theta) const = 0;
    virtual Vector gradient(const Vector& theta) const = 0;
    virtual Matrix hessian(const Vector& theta) const = 0;
    /// H(θ)v. The default forms the Hessian; losses in high dimension override it.
    virtual Vector hessianVectorProduct(const Vector& theta, const Vector& v) const;
    /// Row evaluator for 2-D losses (dimension() == 2). The default calls value/gradient/hessian
    /// per point; losses that can do better (typed expressions) override it.
    virtual std::unique_ptr<PlanarRowEvaluator> planarRowEvaluator(std::vector<double> xs) const;
    /// Bytes one planarRowEvaluator over `width` abscissae allocates, known before making it, so
    /// sampleFields can refuse work that would not fit its memory budget up front.
    virtual std::size_t planarRowEvaluatorBytes(std::size_t width) const;
};

using LossPtr = std::shared_ptr<const Loss>;

}  // namespace cl
