#include "core/expr/TapeRowEvaluator.h"

#include "core/expr/JetAlgebra.h"
#include "core/expr/RowKernels.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace cl::expr {
namespace {

/// x-only ± y-only or x-only * y-only: cheap enough to recompute in each user from the x
/// arrays and the y jet, which saves storing and reloading six arrays per point.
bool isSeparable(const Tape& tape, const TapeNode& node)
{
    if (node.op != Op::Add && node.op != Op::Sub && node.op != Op::Mul) return false;
    const Dependence a = tape.dependenceOf(node.a), b = tape.dependenceOf(node.b);
    return (a == Dependence::X && b == Dependence::Y) || (a == Dependence::Y && b == Dependence::X);
}

/// Copies an x-only result to the caller's row, poisoning derivatives where the value is not
/// finite. Restrict-qualified outputs (the caller's arrays never overlap ours) let the
/// compiler vectorise.
void finishLanes(std::size_t n, const double* v, const double* dx, const double* dy, const double* dxx,
                 const double* dxy, const double* dyy, double* __restrict ov, double* __restrict odx,
                 double* __restrict ody, double* __restrict odxx, double* __restrict odxy,
                 double* __restrict odyy)
{
    for (std::size_t i = 0; i < n; ++i) {
        const double value = v[i];
        ov[i] = value;
        odx[i] = poisoned(dx[i], value);
        ody[i] = poisoned(dy[i], value);
        odxx[i] = poisoned(dxx[i], value);
        odxy[i] = poisoned(dxy[i], value);
        odyy[i] = poisoned(dyy[i], value);
    }
}

}  // namespace

namespace {

constexpr std::size_t kPad = 16;

/// x-only ± y-only or x-only * y-only XY node, other than the result: computed by its users.
bool isLazy(const Tape& tape, std::size_t i)
{
    return i + 1 != tape.nodes.size() && tape.nodes[i].dependence == Dependence::XY && isSeparable(tape, tape.nodes[i]);
}

std::size_t countX(const Tape& tape)
{
    std::size_t xNodes = 0;
    for (const TapeNode& node : tape.nodes) xNodes += node.dependence == Dependence::X;
    return xNodes;
}

bool useBlockMode(const Tape& tape, std::size_t width)
{
    return 3 * (width + kPad) * countX(tape) * sizeof(double) > TapeRowEvaluator::kWholeRowXBytes;
}

/// Which pooled chunk buffer each stored node writes: XY nodes (not lazy), and in block mode
/// x-only nodes other than x itself. A buffer is reused once its node has been read for the
/// last time (a lazy node's reads count as reads of its x part), so only the peak number of
/// nodes alive at once costs memory - not the tape length.
struct BufferPlan {
    std::vector<int> slot;  // per node; -1 when the node has no pooled buffer
    std::size_t slots = 0;
};

BufferPlan planBuffers(const Tape& tape, bool blockMode)
{
    const std::vector<TapeNode>& nodes = tape.nodes;
    const std::size_t count = nodes.size();
    std::vector<int> lastUse(count, -1);
    for (std::size_t i = 0; i < count; ++i) {
        if (nodes[i].a >= 0) lastUse[static_cast<std::size_t>(nodes[i].a)] = static_cast<int>(i);
        if (nodes[i].b >= 0) lastUse[static_cast<std::size_t>(nodes[i].b)] = static_cast<int>(i);
    }
    for (std::size_t i = count; i-- > 0;)
        if (isLazy(tape, i))
            for (int operand : {nodes[i].a, nodes[i].b})
                lastUse[static_cast<std::size_t>(operand)] =
                    std::max(lastUse[static_cast<std::size_t>(operand)], lastUse[i]);
    BufferPlan plan;
    plan.slot.assign(count, -1);
    auto stored = [&](std::size_t i) {
        const TapeNode& node = nodes[i];
        if (node.dependence == Dependence::XY) return !isLazy(tape, i);
        return blockMode && node.dependence == Dependence::X && node.op != Op::X;
    };
    std::vector<int> freeSlots;
    std::vector<int> released;
    for (std::size_t i = 0; i < count; ++i) {
        if (!stored(i)) continue;
        if (freeSlots.empty()) freeSlots.push_back(static_cast<int>(plan.slots++));
        plan.slot[i] = freeSlots.back();
        freeSlots.pop_back();
        // Release what this node read for the last time (after taking its own buffer, so a
        // step never writes the buffer it reads).
        released.clear();
        auto release = [&](int operand) {
            if (operand < 0) return;
            const std::size_t o = static_cast<std::size_t>(operand);
            if (plan.slot[o] >= 0 && lastUse[o] == static_cast<int>(i) &&
                std::find(released.begin(), released.end(), operand) == released.end()) {
                freeSlots.push_back(plan.slot[o]);
                released.push_back(operand);
            }
        };
        for (int operand : {nodes[i].a, nodes[i].b}) {
            release(operand);
            if (operand >= 0 && isLazy(tape, static_cast<std::size_t>(operand))) {
                release(nodes[static_cast<std::size_t>(operand)].a);
                release(nodes[static_cast<std::size_t>(operand)].b);
            }
        }
    }
    return plan;
}

}  // namespace

std::size_t TapeRowEvaluator::workingBytes(const Tape& tape, std::size_t width)
{
    const bool blockMode = useBlockMode(tape, width);
    const std::size_t count = tape.nodes.size();
    const std::size_t chunkStride = kChunk + kPad;
    std::size_t bytes = planBuffers(tape, blockMode).slots * 6 * chunkStride * sizeof(double);
    bytes += count * (sizeof(Jet6) + sizeof(std::array<double*, 6>) + sizeof(Kind) + sizeof(Step) + 2 * sizeof(int));
    if (!blockMode)
        bytes += 3 * (width + kPad) * countX(tape) * sizeof(double) + 3 * std::max(width, kChunk) * sizeof(double);
    return bytes + 6 * kChunk * sizeof(double) + width * sizeof(double);
}

TapeRowEvaluator::TapeRowEvaluator(std::shared_ptr<const Tape> tape, std::vector<double> xs)
    : tape_(std::move(tape)), xs_(std::move(xs))
{
    const std::vector<TapeNode>& nodes = tape_->nodes;
    const std::size_t count = nodes.size();
    const std::size_t n = xs_.size();
    slots_.assign(count, Jet6{});
    where_.assign(count, {});
    kinds_.assign(count, Kind::Constant);
    blockMode_ = useBlockMode(*tape_, n);
    scratchCapacity_ = blockMode_ ? kChunk : std::max(n, kChunk);

    // Arrays are padded so that no two start at the same offset modulo 4 KiB: loads and
    // stores that differ by a multiple of 4 KiB falsely depend on each other ("4K aliasing"),
    // which made the copy loops about twice as slow.
    const std::size_t xStride = n + kPad, chunkStride = kChunk + kPad;
    const BufferPlan plan = planBuffers(*tape_, blockMode_);
    xStore_.assign(blockMode_ ? 0 : 3 * xStride * countX(*tape_), 0.0);
    chunkStore_.assign(6 * chunkStride * plan.slots, 0.0);
    scratch_.assign(3 * scratchCapacity_, 0.0);
    zeros_.assign(kChunk, 0.0);
    if (blockMode_) {
        xChunk_.assign(kChunk, 0.0);
        ones_.assign(kChunk, 1.0);
    }
    auto buffer = [&](std::size_t i) {
        return chunkStore_.data() + 6 * chunkStride * static_cast<std::size_t>(plan.slot[i]);
    };

    double* nextX = xStore_.data();
    for (std::size_t i = 0; i < count; ++i) {
        const TapeNode& node = nodes[i];
        const int index = static_cast<int>(i);
        switch (node.dependence) {
        case Dependence::None: slots_[i] = {node.constant, 0, 0, 0, 0, 0}; break;
        case Dependence::Y:
            kinds_[i] = Kind::Y;
            yNodes_.push_back(index);
            break;
        case Dependence::X: {
            kinds_[i] = Kind::X;
            // Components dy, dxy, dyy of x-only nodes are never read: they are typed Zero.
            if (blockMode_) {
                if (node.op == Op::X) {  // every x leaf reads the chunk's abscissae, filled per chunk
                    where_[i] = {xChunk_.data(), ones_.data(), nullptr, zeros_.data(), nullptr, nullptr};
                } else {
                    double* b = buffer(i);
                    where_[i] = {b, b + chunkStride, nullptr, b + 3 * chunkStride, nullptr, nullptr};
                    xySteps_.push_back(makeStep(index, Target::XArrays, where_[i].data()));
                }
                break;
            }
            where_[i] = {nextX, nextX + xStride, nullptr, nextX + 2 * xStride, nullptr, nullptr};
            nextX += 3 * xStride;
            if (node.op == Op::X) {
                std::copy(xs_.begin(), xs_.end(), where_[i][0]);
                std::fill(where_[i][1], where_[i][1] + n, 1.0);
                std::fill(where_[i][3], where_[i][3] + n, 0.0);
            } else {
                const Step step = makeStep(index, Target::XArrays, where_[i].data());
                step.run(step, 0, n);
            }
            break;
        }
        case Dependence::XY: {
            const bool result = i + 1 == count;
            if (isLazy(*tape_, i)) {
                kinds_[i] = node.op == Op::Mul ? Kind::Product : Kind::Sum;
                break;  // computed on the fly by its users: no buffer, no step
            }
            kinds_[i] = Kind::Full;
            double* b = buffer(i);
            for (std::size_t c = 0; c < 6; ++c) where_[i][c] = b + c * chunkStride;
            xySteps_.push_back(makeStep(index, result ? Target::CallerRow : Target::Chunk, where_[i].data()));
            break;
        }
        }
    }
}

TapeRowEvaluator::Operand TapeRowEvaluator::operandOf(int index) const
{
    Operand operand;
    if (index < 0) return operand;
    const std::size_t i = static_cast<std::size_t>(index);
    operand.kind = kinds_[i];
    operand.constant = slots_[i].v;
    for (std::size_t c = 0; c < 6; ++c) operand.component[c] = where_[i][c];
    operand.yJet = &slots_[i];
    if (operand.kind == Kind::Sum || operand.kind == Kind::Product) {
        const TapeNode& node = tape_->nodes[i];
        const bool xFirst = tape_->dependenceOf(node.a) == Dependence::X;
        const std::size_t xPart = static_cast<std::size_t>(xFirst ? node.a : node.b);
        const std::size_t yPart = static_cast<std::size_t>(xFirst ? node.b : node.a);
        for (std::size_t c = 0; c < 6; ++c) operand.component[c] = where_[xPart][c];
        operand.yJet = &slots_[yPart];
        if (node.op == Op::Sub) (xFirst ? operand.ySign : operand.xSign) = -1.0;
    }
    return operand;
}

TapeRowEvaluator::Step TapeRowEvaluator::makeStep(int index, Target target, double* const out[6])
{
    Step step;
    step.node = &tape_->nodes[static_cast<std::size_t>(index)];
    step.a = operandOf(step.node->a);
    step.b = operandOf(step.node->b);
    std::copy(out, out + 6, step.out);
    step.capacity = scratchCapacity_;
    step.scratch = scratch_.data();
    const Kind a = step.a.kind, b = step.b.kind;
    switch (target) {
    case Target::XArrays: step.run = rowkernels::pickKernel<rowkernels::XOut>(*step.node, a, b); break;
    case Target::Chunk: step.run = rowkernels::pickKernel<rowkernels::FullOut>(*step.node, a, b); break;
    case Target::CallerRow: step.run = rowkernels::pickKernel<rowkernels::FinalOut>(*step.node, a, b); break;
    }
    if (!step.run) throw std::logic_error("TapeRowEvaluator: no kernel for a tape node");
    return step;
}

void TapeRowEvaluator::evaluateRow(double y, const PlanarJetRow& out)
{
    for (int index : yNodes_) evaluateNodeJet(*tape_, index, slots_.data(), 0.0, y);

    const std::size_t last = tape_->nodes.size() - 1;
    const Dependence rootDependence = tape_->nodes[last].dependence;
    if (rootDependence == Dependence::None || rootDependence == Dependence::Y) {
        fillRowFromScalars(slots_[last], out);
        return;
    }
    if (blockMode_) {
        evaluateBlocks(out);
        return;
    }
    switch (rootDependence) {
        case Dependence::None:
        case Dependence::Y:
            return;
        case Dependence::X: {
            // An x-only result: y derivatives are exactly 0 (the shared zero buffer of the chunk).
            const std::array<double*, 6>& root = where_[last];
            for (std::size_t start = 0; start < xs_.size(); start += kChunk) {
                const std::size_t n = std::min(kChunk, xs_.size() - start);
                const double* z = zeros_.data();
                finishLanes(n, root[0] + start, root[1] + start, z, root[3] + start, z, z, out.value + start,
                            out.dx + start, out.dy + start, out.dxx + start, out.dxy + start, out.dyy + start);
            }
            return;
        }
        case Dependence::XY:
            break;
    }
    Step& result = xySteps_.back();
    double* const row[6] = {out.value, out.dx, out.dy, out.dxx, out.dxy, out.dyy};
    std::copy(row, row + 6, result.out);
    for (std::size_t start = 0; start < xs_.size(); start += kChunk) {
        const std::size_t n = std::min(kChunk, xs_.size() - start);
        for (const Step& step : xySteps_) step.run(step, start, n);
    }
}

// Block mode: every step (x-only ones too) runs per chunk, writing chunk buffers from offset 0;
// the result goes to the caller's row at the chunk's offset.
void TapeRowEvaluator::evaluateBlocks(const PlanarJetRow& out)
{
    const std::size_t last = tape_->nodes.size() - 1;
    const bool xOnly = tape_->nodes[last].dependence == Dependence::X;
    Step* result = xOnly ? nullptr : &xySteps_.back();
    for (std::size_t start = 0; start < xs_.size(); start += kChunk) {
        const std::size_t n = std::min(kChunk, xs_.size() - start);
        std::copy(xs_.begin() + static_cast<std::ptrdiff_t>(start),
                  xs_.begin() + static_cast<std::ptrdiff_t>(start + n), xChunk_.begin());
        if (result) {
            double* const row[6] = {out.value + start, out.dx + start,  out.dy + start,
                                    out.dxx + start,   out.dxy + start, out.dyy + start};
            std::copy(row, row + 6, result->out);
        }
        for (const Step& step : xySteps_) step.run(step, 0, n);
        if (xOnly) {
            const std::array<double*, 6>& root = where_[last];
            const double* z = zeros_.data();
            finishLanes(n, root[0], root[1], z, root[3], z, z, out.value + start, out.dx + start, out.dy + start,
                        out.dxx + start, out.dxy + start, out.dyy + start);
        }
    }
}

void TapeRowEvaluator::fillRowFromScalars(const Jet6& jet, const PlanarJetRow& out) const
{
    const std::size_t n = xs_.size();
    std::fill(out.value, out.value + n, jet.v);
    std::fill(out.dx, out.dx + n, poisoned(jet.dx, jet.v));
    std::fill(out.dy, out.dy + n, poisoned(jet.dy, jet.v));
    std::fill(out.dxx, out.dxx + n, poisoned(jet.dxx, jet.v));
    std::fill(out.dxy, out.dxy + n, poisoned(jet.dxy, jet.v));
    std::fill(out.dyy, out.dyy + n, poisoned(jet.dyy, jet.v));
}

}  // namespace cl::expr
