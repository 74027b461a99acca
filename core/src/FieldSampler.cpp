#include "core/FieldSampler.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cl {

namespace {

void validate(const FieldRequest& r)
{
    if (!r.l1 || !r.l2) throw std::invalid_argument("fields: both losses are required");
    if (r.l1->dimension() != 2) throw std::invalid_argument("fields: L1 must be a 2-D loss");
    if (r.l2->dimension() != 2) throw std::invalid_argument("fields: L2 must be a 2-D loss");
    if (r.target.custom) {
        if (r.target.custom->dimension() != 2) throw std::invalid_argument("fields: the target must be a 2-D loss");
    } else if (r.target.mix.size() != 2) {
        throw std::invalid_argument("fields: a mixed target needs 2 weights, got " +
                                    std::to_string(r.target.mix.size()));
    }
    r.grid.validate();
}

// Six scratch rows (value and five derivatives) for one loss.
struct JetRows {
    explicit JetRows(std::size_t n) : storage(6 * n), n(n) {}
    PlanarJetRow view()
    {
        double* s = storage.data();
        return {s, s + n, s + 2 * n, s + 3 * n, s + 4 * n, s + 5 * n};
    }
    std::vector<double> storage;
    std::size_t n;
};

// One worker's evaluators and scratch; rows are handed out through an atomic counter.
class RowWorker {
public:
    RowWorker(const FieldRequest& r, const std::vector<double>& xs)
        : e1_(r.l1->planarRowEvaluator(xs)), e2_(r.l2->planarRowEvaluator(xs)),
          eT_(r.target.custom ? r.target.custom->planarRowEvaluator(xs) : nullptr), j1_(xs.size()), j2_(xs.size()),
          jT_(eT_ ? xs.size() : 0), mix_(r.target.mix)
    {
    }

    void fillRow(int j, double y, FieldGrid& g)
    {
        const PlanarJetRow a = j1_.view(), b = j2_.view();
        e1_->evaluateRow(y, a);
        e2_->evaluateRow(y, b);
        const double* tx = nullptr;
        const double* ty = nullptr;
        if (eT_) {
            const PlanarJetRow t = jT_.view();
            eT_->evaluateRow(y, t);
            tx = t.dx;
            ty = t.dy;
        }
        const int n = g.spec.n;
        const std::size_t base = g.index(0, j);
        const double w1 = mix_.empty() ? 0.0 : mix_[0], w2 = mix_.empty() ? 0.0 : mix_[1];
        for (int i = 0; i < n; ++i) {
            const double g1x = a.dx[i], g1y = a.dy[i], g2x = b.dx[i], g2y = b.dy[i];
            // R = H2 g1 − H1 g2 (paper eq. 6).
            const double rx = b.dxx[i] * g1x + b.dxy[i] * g1y - (a.dxx[i] * g2x + a.dxy[i] * g2y);
            const double ry = b.dxy[i] * g1x + b.dyy[i] * g1y - (a.dxy[i] * g2x + a.dyy[i] * g2y);
            const double gtx = tx ? tx[i] : w1 * g1x + w2 * g2x;
            const double gty = ty ? ty[i] : w1 * g1y + w2 * g2y;
            const std::size_t k = base + i;
            g.l1[k] = a.value[i];
            g.l2[k] = b.value[i];
            g.g1x[k] = g1x;
            g.g1y[k] = g1y;
            g.g2x[k] = g2x;
            g.g2y[k] = g2y;
            g.rx[k] = rx;
            g.ry[k] = ry;
            g.p[k] = rx * gtx + ry * gty;
            Region region = classifyRegion2(rx, ry, g1x, g1y, g2x, g2y);
            // A point where a loss value itself is undefined is undefined whatever its derivatives say.
            if (!std::isfinite(a.value[i]) || !std::isfinite(b.value[i])) region = Region::Undefined;
            g.region[k] = region;
        }
    }

private:
    std::unique_ptr<PlanarRowEvaluator> e1_, e2_, eT_;
    JetRows j1_, j2_, jT_;
    std::vector<double> mix_;
};

}  // namespace

void sampleFields(const FieldRequest& request, FieldGrid& out, ProgressSink* progress, int threads)
{
    validate(request);
    const GridSpec spec = request.grid;
    out.resize(spec);
    std::vector<double> xs(spec.n);
    for (int i = 0; i < spec.n; ++i) xs[i] = spec.x(i);

    const int workerCount =
        std::max(1, std::min(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), spec.n));
    std::atomic<int> nextRow{0};
    std::atomic<int> rowsDone{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;

    auto work = [&](bool reportsProgress) {
        try {
            RowWorker worker(request, xs);
            for (int j = nextRow++; j < spec.n && !stop.load(std::memory_order_relaxed); j = nextRow++) {
                if (progress && progress->cancelRequested()) {
                    stop = true;
                    break;
                }
                worker.fillRow(j, spec.y(j), out);
                const int done = ++rowsDone;
                if (progress && reportsProgress && (done & 15) == 0)
                    progress->setProgress(static_cast<double>(done) / spec.n);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(failureMutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };

    std::vector<std::thread> pool;
    for (int t = 1; t < workerCount; ++t) pool.emplace_back(work, false);
    work(true);
    for (auto& thread : pool) thread.join();

    if (failure) std::rethrow_exception(failure);
    if (progress && progress->cancelRequested()) throw Cancelled();
    if (progress) progress->setProgress(1.0);
}

}  // namespace cl
