#include "core/QuadraticLoss.h"

#include <stdexcept>
#include <string>

namespace cl {

QuadraticLoss::QuadraticLoss(Matrix A, Vector b) : A_(std::move(A)), b_(std::move(b))
{
    if (A_.rows() != A_.cols())
        throw std::invalid_argument("quadratic loss: A must be square, got " + std::to_string(A_.rows()) + "x" +
                                    std::to_string(A_.cols()));
    if (A_.rows() != b_.size())
        throw std::invalid_argument("quadratic loss: A is " + std::to_string(A_.rows()) + "x" +
                                    std::to_string(A_.cols()) + " but b has " + std::to_string(b_.size()) +
                                    " entries");
    if (b_.size() == 0) throw std::invalid_argument("quadratic loss: dimension must be at least 1");
    if (!A_.allFinite() || !b_.allFinite()) throw std::invalid_argument("quadratic loss: A and b must be finite");
    const double scale = std::max(1.0, A_.cwiseAbs().maxCoeff());
    if ((A_ - A_.transpose()).cwiseAbs().maxCoeff() > 1e-10 * scale)
        throw std::invalid_argument("quadratic loss: A must be symmetric");
    // Symmetrise exactly so that gradients and Hessian-vector products agree to the last bit.
    A_ = 0.5 * (A_ + A_.transpose()).eval();
}

double QuadraticLoss::value(const Vector& theta) const
{
    const Vector d = theta - b_;
    return 0.5 * d.dot(A_ * d);
}

Vector QuadraticLoss::gradient(const Vector& theta) const { return A_ * (theta - b_); }

Matrix QuadraticLoss::hessian(const Vector&) const { return A_; }

Vector QuadraticLoss::hessianVectorProduct(const Vector&, const Vector& v) const { return A_ * v; }

}  // namespace cl
