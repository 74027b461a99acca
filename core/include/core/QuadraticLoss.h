#pragma once
// L(θ) = ½ (θ-b)ᵀ A (θ-b): the paper's toy domains (§3.1, App. D).

#include "core/Loss.h"

namespace cl {

class QuadraticLoss final : public Loss {
public:
    /// A must be square, symmetric (checked to 1e-10 relative) and match b; throws std::invalid_argument.
    QuadraticLoss(Matrix A, Vector b);

    int dimension() const override { return static_cast<int>(b_.size()); }
    double value(const Vector& theta) const override;
    Vector gradient(const Vector& theta) const override;
    Matrix hessian(const Vector& theta) const override;
    Vector hessianVectorProduct(const Vector& theta, const Vector& v) const override;

    const Matrix& A() const { return A_; }
    const Vector& b() const { return b_; }

private:
    Matrix A_;
    Vector b_;
};

}  // namespace cl
