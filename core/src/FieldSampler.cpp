#include "core/FieldSampler.h"

#include <algorithm>
#include <cstdint>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace cl {

namespace {

static_assert(sizeof(Region) == 1, "the sampler writes regions as bytes");

// classifyRegion2 without a call, in a form the vectoriser accepts: `guard` carries any NaN or
// infinity of the loss values into the "undefined" class.
inline Region classifyRegionFast(double d1, double d2, double guard)
{
    const bool defined = std::isfinite(d1) && std::isfinite(d2) && std::isfinite(guard);
    const int sign = static_cast<int>(d1 > 0 && d2 > 0) - static_cast<int>(d1 < 0 && d2 < 0);
    return defined ? static_cast<Region>(sign) : Region::Undefined;
}

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
        const std::size_t base = g.index(0, j);
        // Values and gradients go straight into the grid; only the Hessians need scratch.
        PlanarJetRow a = j1_.view(), b = j2_.view();
        a.value = g.l1.data() + base;
        a.dx = g.g1x.data() + base;
        a.dy = g.g1y.data() + base;
        b.value = g.l2.data() + base;
        b.dx = g.g2x.data() + base;
        b.dy = g.g2y.data() + base;
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
        const double w1 = mix_.empty() ? 0.0 : mix_[0], w2 = mix_.empty() ? 0.0 : mix_[1];
        // Plain restrict pointers so the compiler can vectorise the per-point loop: the work per
        // point is small, so the loop is bound by its output streams, not by arithmetic.
        const double* __restrict v1 = a.value;
        const double* __restrict v2 = b.value;
        const double* __restrict a1x = a.dx;
        const double* __restrict a1y = a.dy;
        const double* __restrict h1xx = a.dxx;
        const double* __restrict h1xy = a.dxy;
        const double* __restrict h1yy = a.dyy;
        const double* __restrict a2x = b.dx;
        const double* __restrict a2y = b.dy;
        const double* __restrict h2xx = b.dxx;
        const double* __restrict h2xy = b.dxy;
        const double* __restrict h2yy = b.dyy;
        double* __restrict outRx = g.rx.data() + base;
        double* __restrict outRy = g.ry.data() + base;
        double* __restrict outP = g.p.data() + base;
        std::int8_t* __restrict outRegion = reinterpret_cast<std::int8_t*>(g.region.data()) + base;
        for (int i = 0; i < n; ++i) {
            const double g1x = a1x[i], g1y = a1y[i], g2x = a2x[i], g2y = a2y[i];
            // R = H2 g1 − H1 g2 (paper eq. 6).
            const double rx = h2xx[i] * g1x + h2xy[i] * g1y - (h1xx[i] * g2x + h1xy[i] * g2y);
            const double ry = h2xy[i] * g1x + h2yy[i] * g1y - (h1xy[i] * g2x + h1yy[i] * g2y);
            const double gtx = tx ? tx[i] : w1 * g1x + w2 * g2x;
            const double gty = ty ? ty[i] : w1 * g1y + w2 * g2y;
            outRx[i] = rx;
            outRy[i] = ry;
            outP[i] = rx * gtx + ry * gty;
            // A point where a loss value itself is undefined is undefined whatever its derivatives say.
            outRegion[i] = static_cast<std::int8_t>(classifyRegionFast(rx * g1x + ry * g1y, rx * g2x + ry * g2y,
                                                                       v1[i] + v2[i]));
        }
    }

private:
    std::unique_ptr<PlanarRowEvaluator> e1_, e2_, eT_;
    JetRows j1_, j2_, jT_;
    std::vector<double> mix_;
};

int workersFor(int threads, int n)
{
    return std::max(1, std::min(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), n));
}

std::string mebibytes(std::size_t bytes)
{
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

}  // namespace

SamplerMemory estimateSamplerMemory(const FieldRequest& request, int threads)
{
    validate(request);
    const std::size_t n = static_cast<std::size_t>(request.grid.n);
    SamplerMemory m;
    m.workers = workersFor(threads, request.grid.n);
    m.outputBytes = request.grid.size() * (9 * sizeof(double) + sizeof(Region));
    std::size_t perWorker =
        request.l1->planarRowEvaluatorBytes(n) + request.l2->planarRowEvaluatorBytes(n) + 12 * n * sizeof(double);
    if (request.target.custom) perWorker += request.target.custom->planarRowEvaluatorBytes(n) + 6 * n * sizeof(double);
    m.workingBytes = perWorker * static_cast<std::size_t>(m.workers) + n * sizeof(double);
    return m;
}

void sampleFields(const FieldRequest& request, FieldGrid& out, ProgressSink* progress, int threads)
{
    const SamplerMemory memory = estimateSamplerMemory(request, threads);
    if (memory.outputBytes > kMaxFieldGridBytes)
        throw std::invalid_argument("fields: a " + std::to_string(request.grid.n) + "x" +
                                    std::to_string(request.grid.n) + " grid needs " + mebibytes(memory.outputBytes) +
                                    " for its fields, above the limit of " + mebibytes(kMaxFieldGridBytes) +
                                    "; use a smaller grid");
    if (memory.workingBytes > kMaxSamplerWorkingBytes)
        throw std::invalid_argument("fields: evaluating these expressions needs " + mebibytes(memory.workingBytes) +
                                    " of working memory (" + std::to_string(memory.workers) +
                                    " threads), above the limit of " + mebibytes(kMaxSamplerWorkingBytes) +
                                    "; use shorter expressions");
    const GridSpec spec = request.grid;
    out.resize(spec);
    std::vector<double> xs(spec.n);
    for (int i = 0; i < spec.n; ++i) xs[i] = spec.x(i);

    const int workerCount = memory.workers;
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
