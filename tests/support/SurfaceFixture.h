#pragma once
// Two quadratics L(θ) = ½ (θ − b)ᵀ A (θ − b) written out in closed form, and their FieldGrid
// sampled by core over [−2, 3] × [−1, 2]: the numbers the 3-D surface tests check against.

#include "Approx.h"

#include "core/FieldSampler.h"
#include "core/QuadraticLoss.h"

#include <memory>

namespace cl::testing {

struct Quadratic {
    double a11, a12, a22, b1, b2;
    double operator()(double x, double y) const
    {
        const double u = x - b1, v = y - b2;
        return 0.5 * (a11 * u * u + 2 * a12 * u * v + a22 * v * v);
    }
    LossPtr loss() const
    {
        Matrix A(2, 2);
        A << a11, a12, a12, a22;
        Vector b(2);
        b << b1, b2;
        return std::make_shared<QuadraticLoss>(A, b);
    }
};

inline const Quadratic surfaceQ1{2.0, 0.6, 0.5, 0.4, -0.3};
inline const Quadratic surfaceQ2{0.3, -0.2, 4.0, -1.0, 0.8};

/// L1 = surfaceQ1, L2 = surfaceQ2 on an n × n lattice over [−2, 3] × [−1, 2].
inline FieldGrid sampledQuadratics(int n)
{
    FieldRequest request;
    request.l1 = surfaceQ1.loss();
    request.l2 = surfaceQ2.loss();
    request.grid = GridSpec{-2, 3, -1, 2, n};
    FieldGrid grid;
    sampleFields(request, grid, nullptr, 1);
    return grid;
}

/// Equal to 1e-9 relative (absolute near 0).
inline bool near(double a, double b, double tolerance = 1e-9)
{
    return approxEqual(a, b, tolerance, tolerance);
}

}  // namespace cl::testing
