#include "core/logs/CurriculumAdvice.h"

#include <cmath>
#include <map>

namespace cl::logs {

namespace {

// The P-values of one (step, target), gathered into e by antisymmetry: sum and count per entry.
class OrderMatrixBuilder {
public:
    explicit OrderMatrixBuilder(int k) : sum_(Matrix::Zero(k, k)), count_(Eigen::MatrixXi::Zero(k, k)) {}

    void add(DomainPair pair, double scaledP)
    {
        if (pair.first == pair.second || !std::isfinite(scaledP)) return;  // P(L_a, L_a; ·) = 0 says nothing
        sum_(pair.first, pair.second) += scaledP;
        sum_(pair.second, pair.first) -= scaledP;
        ++count_(pair.first, pair.second);
        ++count_(pair.second, pair.first);
    }

    bool complete() const
    {
        for (Eigen::Index a = 0; a < count_.rows(); ++a)
            for (Eigen::Index b = 0; b < count_.cols(); ++b)
                if (a != b && count_(a, b) == 0) return false;
        return true;
    }

    Matrix matrix() const
    {
        Matrix e = Matrix::Zero(sum_.rows(), sum_.cols());
        for (Eigen::Index a = 0; a < e.rows(); ++a)
            for (Eigen::Index b = 0; b < e.cols(); ++b)
                if (a != b) e(a, b) = sum_(a, b) / count_(a, b);
        return e;
    }

private:
    Matrix sum_;
    Eigen::MatrixXi count_;
};

bool validPair(const RunLog& log, std::size_t row)
{
    const int k = log.domainCount();
    const DomainPair p = log.pValues.pair(row);
    return p.first >= 0 && p.first < k && p.second >= 0 && p.second < k && log.pValues.target[row] >= 0 &&
           log.pValues.target[row] < k;
}

}  // namespace

bool orderMatrixAt(const RunLog& log, double step, int target, Matrix& e)
{
    const int k = log.domainCount();
    if (k < 2) return false;
    OrderMatrixBuilder builder(k);
    for (std::size_t r = 0; r < log.pValues.size(); ++r)
        if (log.pValues.step[r] == step && log.pValues.target[r] == target && validPair(log, r))
            builder.add(log.pValues.pair(r), log.scaledP(r));
    if (!builder.complete()) return false;
    e = builder.matrix();
    return true;
}

std::vector<CheckpointCurricula> planCurriculaFromLog(const RunLog& log, OrderingMethod method)
{
    const int k = log.domainCount();
    std::vector<CheckpointCurricula> out;
    if (k < 2) return out;
    std::map<double, std::map<int, OrderMatrixBuilder>> byStep;
    for (std::size_t r = 0; r < log.pValues.size(); ++r) {
        if (!validPair(log, r)) continue;
        auto& targets = byStep[log.pValues.step[r]];
        auto it = targets.try_emplace(log.pValues.target[r], k).first;
        it->second.add(log.pValues.pair(r), log.scaledP(r));
    }
    for (const auto& [step, targets] : byStep) {
        CheckpointCurricula entry;
        entry.step = step;
        for (const auto& [target, builder] : targets) {
            if (!builder.complete()) continue;
            // W = ½ e: the same orders and order differences as the unlogged c (see the header).
            entry.targets.push_back({target, solveLinearOrdering(0.5 * builder.matrix(), method)});
        }
        if (!entry.targets.empty()) out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace cl::logs
