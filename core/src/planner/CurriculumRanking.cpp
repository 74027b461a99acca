#include "core/planner/CurriculumRanking.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cl {

namespace {

class CurriculumSearch {
public:
    CurriculumSearch(const FlowIntegrator& integrator, const Loss& target, double stageTime, ProgressSink* progress)
        : integrator_(integrator),
          target_(target),
          stageTime_(stageTime),
          progress_(progress),
          k_(integrator.domainCount()),
          used_(k_, false)
    {
        for (int d = 0; d < k_; ++d) {
            std::vector<double> w(k_, 0.0);
            w[d] = 1.0;
            alone_.push_back(Schedule::constant(w));
        }
        total_ = 1;
        for (int d = 2; d <= k_; ++d) total_ *= d;
    }

    void run(const Vector& theta)
    {
        if (static_cast<int>(prefix_.size()) == k_) {
            results_.push_back({prefix_, target_.value(theta)});
            if (progress_) progress_->setProgress(static_cast<double>(results_.size()) / total_);
            return;
        }
        if (progress_ && progress_->cancelRequested()) throw Cancelled();
        for (int d = 0; d < k_; ++d) {
            if (used_[d]) continue;
            used_[d] = true;
            prefix_.push_back(d);
            run(integrator_.flow(alone_[d], theta, 0.0, stageTime_));
            prefix_.pop_back();
            used_[d] = false;
        }
    }

    std::vector<RankedCurriculum> results_;

private:
    const FlowIntegrator& integrator_;
    const Loss& target_;
    double stageTime_;
    ProgressSink* progress_;
    int k_;
    std::vector<bool> used_;
    std::vector<int> prefix_;
    std::vector<Schedule> alone_;
    long total_ = 1;
};

}  // namespace

std::vector<RankedCurriculum> rankAllCurricula(const FlowIntegrator& integrator, const Loss& target,
                                               const Vector& theta0, double stageTime, ProgressSink* progress)
{
    if (integrator.domainCount() > 9)
        throw std::invalid_argument("brute force: " + std::to_string(integrator.domainCount()) +
                                    " domains means more than 9! curricula; use the planner");
    if (!(stageTime > 0)) throw std::invalid_argument("brute force: the stage time must be positive");
    CurriculumSearch search(integrator, target, stageTime, progress);
    search.run(theta0);
    std::stable_sort(search.results_.begin(), search.results_.end(),
                     [](const RankedCurriculum& a, const RankedCurriculum& b) { return a.targetLoss < b.targetLoss; });
    return std::move(search.results_);
}

double percentileOf(const std::vector<int>& order, const std::vector<RankedCurriculum>& ranking)
{
    const auto it =
        std::find_if(ranking.begin(), ranking.end(), [&](const RankedCurriculum& r) { return r.order == order; });
    if (it == ranking.end()) throw std::invalid_argument("percentile: the order is not among the ranked curricula");
    if (ranking.size() == 1) return 1.0;
    // Ties take the best place: count curricula strictly better.
    const auto better = std::count_if(ranking.begin(), ranking.end(),
                                      [&](const RankedCurriculum& r) { return r.targetLoss < it->targetLoss; });
    return 1.0 - static_cast<double>(better) / static_cast<double>(ranking.size() - 1);
}

Matrix pairwiseSwapOutcomes(const FlowIntegrator& integrator, const Loss& target, const Vector& theta0,
                            double stageTime)
{
    if (!(stageTime > 0)) throw std::invalid_argument("pairwise outcomes: the stage time must be positive");
    const int k = integrator.domainCount();
    std::vector<Schedule> alone;
    for (int d = 0; d < k; ++d) {
        std::vector<double> w(k, 0.0);
        w[d] = 1.0;
        alone.push_back(Schedule::constant(w));
    }
    auto trainedInOrder = [&](int first, int second) {
        const Vector mid = integrator.flow(alone[first], theta0, 0.0, stageTime);
        return target.value(integrator.flow(alone[second], mid, 0.0, stageTime));
    };
    Matrix d = Matrix::Zero(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = a + 1; b < k; ++b) {
            d(a, b) = trainedInOrder(a, b) - trainedInOrder(b, a);
            d(b, a) = -d(a, b);
        }
    return d;
}

double pairwiseOrderAccuracy(const std::vector<int>& order, const Matrix& outcomes)
{
    const int k = static_cast<int>(order.size());
    if (outcomes.rows() != k || outcomes.cols() != k)
        throw std::invalid_argument("pairwise accuracy: the outcome matrix does not match the order");
    std::vector<int> position(k);
    for (int p = 0; p < k; ++p) position[order[p]] = p;
    int agree = 0, pairs = 0;
    for (int a = 0; a < k; ++a)
        for (int b = a + 1; b < k; ++b) {
            agree += (position[a] < position[b]) == (outcomes(a, b) < 0);
            ++pairs;
        }
    return static_cast<double>(agree) / pairs;
}

}  // namespace cl
