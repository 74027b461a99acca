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

TapeRowEvaluator::TapeRowEvaluator(std::shared_ptr<const Tape> tape, std::vector<double> xs)
    : tape_(std::move(tape)), xs_(std::move(xs))
{
    const std::vector<TapeNode>& nodes = tape_->nodes;
    const std::size_t count = nodes.size();
    const std::size_t n = xs_.size();
    slots_.assign(count, Jet6{});
    where_.assign(count, {});
    kinds_.assign(count, Kind::Constant);

    std::size_t xNodes = 0, xyNodes = 0;
    for (const TapeNode& node : nodes) {
        xNodes += node.dependence == Dependence::X;
        xyNodes += node.dependence == Dependence::XY;
    }
    // Arrays are padded so that no two start at the same offset modulo 4 KiB: loads and
    // stores that differ by a multiple of 4 KiB falsely depend on each other ("4K aliasing"),
    // which made the copy loops about twice as slow.
    constexpr std::size_t kPad = 16;
    const std::size_t xStride = n + kPad, chunkStride = kChunk + kPad;
    xStore_.assign(3 * xStride * xNodes, 0.0);
    chunkStore_.assign(6 * chunkStride * xyNodes, 0.0);
    scratch_.assign(3 * std::max(n, kChunk), 0.0);
    zeros_.assign(kChunk, 0.0);

    // XY buffers are reused once their node has been read for the last time, which keeps the
    // chunk's working set small (cache) without changing any result.
    std::vector<int> lastUse(count, -1);
    for (std::size_t i = 0; i < count; ++i) {
        if (nodes[i].a >= 0) lastUse[static_cast<std::size_t>(nodes[i].a)] = static_cast<int>(i);
        if (nodes[i].b >= 0) lastUse[static_cast<std::size_t>(nodes[i].b)] = static_cast<int>(i);
    }
    std::vector<double*> freeBuffers;
    for (std::size_t k = xyNodes; k-- > 0;) freeBuffers.push_back(chunkStore_.data() + 6 * chunkStride * k);

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
            if (!result && isSeparable(*tape_, node)) {
                kinds_[i] = node.op == Op::Mul ? Kind::Product : Kind::Sum;
                break;  // computed on the fly by its users: no buffer, no step
            }
            kinds_[i] = Kind::Full;
            double* buffer = freeBuffers.back();
            freeBuffers.pop_back();
            for (std::size_t c = 0; c < 6; ++c) where_[i][c] = buffer + c * chunkStride;
            xySteps_.push_back(makeStep(index, result ? Target::CallerRow : Target::Chunk, where_[i].data()));
            const auto release = [&](int operand) {
                if (operand >= 0 && kinds_[static_cast<std::size_t>(operand)] == Kind::Full && lastUse[static_cast<std::size_t>(operand)] == index)
                    freeBuffers.push_back(where_[static_cast<std::size_t>(operand)][0]);
            };
            release(node.a);
            if (node.b != node.a) release(node.b);
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
    step.capacity = std::max(xs_.size(), kChunk);
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
    switch (tape_->nodes[last].dependence) {
    case Dependence::None:
    case Dependence::Y: fillRowFromScalars(slots_[last], out); return;
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
    case Dependence::XY: break;
    }
    Step& result = xySteps_.back();
    double* const row[6] = {out.value, out.dx, out.dy, out.dxx, out.dxy, out.dyy};
    std::copy(row, row + 6, result.out);
    for (std::size_t start = 0; start < xs_.size(); start += kChunk) {
        const std::size_t n = std::min(kChunk, xs_.size() - start);
        for (const Step& step : xySteps_) step.run(step, start, n);
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
