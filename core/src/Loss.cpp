#include "core/Loss.h"

#include <stdexcept>

namespace cl {

Vector Loss::hessianVectorProduct(const Vector& theta, const Vector& v) const
{
    return hessian(theta) * v;
}

namespace {

// The fallback for 2-D losses without a batch path: one virtual call per point and derivative.
class PointwiseRowEvaluator final : public PlanarRowEvaluator {
public:
    PointwiseRowEvaluator(const Loss& loss, std::vector<double> xs) : loss_(loss), xs_(std::move(xs)) {}

    void evaluateRow(double y, const PlanarJetRow& out) override
    {
        Vector theta(2);
        for (std::size_t i = 0; i < xs_.size(); ++i) {
            theta << xs_[i], y;
            const Vector g = loss_.gradient(theta);
            const Matrix h = loss_.hessian(theta);
            out.value[i] = loss_.value(theta);
            out.dx[i] = g[0];
            out.dy[i] = g[1];
            out.dxx[i] = h(0, 0);
            out.dxy[i] = h(0, 1);
            out.dyy[i] = h(1, 1);
        }
    }

private:
    const Loss& loss_;
    std::vector<double> xs_;
};

}  // namespace

std::size_t Loss::planarRowEvaluatorBytes(std::size_t width) const
{
    return width * sizeof(double) + 256;
}

std::unique_ptr<PlanarRowEvaluator> Loss::planarRowEvaluator(std::vector<double> xs) const
{
    if (dimension() != 2)
        throw std::invalid_argument("a planar row evaluator needs a 2-D loss, this one has dimension " +
                                    std::to_string(dimension()));
    return std::make_unique<PointwiseRowEvaluator>(*this, std::move(xs));
}

}  // namespace cl
