#pragma once
// Implementation detail of Expression: evaluates a tape along one grid row at a time.
//
// Each node is evaluated as rarely as its Dependence allows: constants were folded when the
// tape was built, x-only nodes are evaluated once for all abscissae when the evaluator is made,
// y-only nodes once per row as scalars, and only XY nodes per point. XY nodes run op by op
// over chunks of kChunk points held as structure-of-arrays buffers, so each op is one simple
// loop the compiler vectorises; there is no tree walk and no virtual call per point. An XY
// node that is just x-part ± y-part or x-part * y-part is not stored at all: its users compute
// it on the fly, and the result node writes straight into the caller's row.
//
// Results equal the scalar path (TapeScalarEvaluation) bit for bit: both apply the rules of
// JetAlgebra.h to operands of the same structural sparsity in the same order.
//
// Memory is bounded independently of the grid width: chunk buffers are shared by nodes whose
// lives do not overlap (only the peak number live at once is allocated), and when the x-only
// arrays over the whole row would exceed kWholeRowXBytes (a long expression at a wide grid), the
// evaluator switches to block mode: x-only nodes are evaluated per chunk of kChunk points with
// the XY nodes, in tape order, from pooled buffers. workingBytes() is that memory, known before
// anything is allocated, so callers can refuse up front (docs/workspace.md, "Limits").

#include "core/Loss.h"
#include "core/expr/Tape.h"
#include "core/expr/TapeScalarEvaluation.h"

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace cl::expr {

class TapeRowEvaluator final : public PlanarRowEvaluator {
public:
    /// Points per chunk: small enough that a chunk's live buffers stay in L1 cache.
    static constexpr std::size_t kChunk = 128;

    /// Whole-row x-only arrays larger than this (per evaluator) switch to block mode.
    static constexpr std::size_t kWholeRowXBytes = std::size_t(4) << 20;

    TapeRowEvaluator(std::shared_ptr<const Tape> tape, std::vector<double> xs);
    void evaluateRow(double y, const PlanarJetRow& out) override;

    /// Bytes one evaluator of `tape` over `width` abscissae allocates (within a few percent).
    static std::size_t workingBytes(const Tape& tape, std::size_t width);
    /// True when x-only nodes are evaluated per chunk rather than once over the whole row.
    bool blockMode() const { return blockMode_; }

    /// How an operand of a step is read: a constant, x-only arrays over all abscissae, a y-only
    /// jet of the current row, XY chunk buffers, or - for an XY node that is the sum,
    /// difference or product of an x-only and a y-only node - computed on the fly from the
    /// x arrays and the y jet instead of being stored (Sum, Product).
    enum class Kind { Constant, X, Y, Full, Sum, Product };
    struct Operand {
        Kind kind = Kind::Constant;
        double constant = 0;
        const double* component[6] = {};  // v, dx, dy, dxx, dxy, dyy (X, Full; X part of Sum, Product)
        const Jet6* yJet = nullptr;       // Y; Y part of Sum, Product
        double xSign = 1, ySign = 1;      // Sum: a - b is a + (-b), exactly
    };
    struct Step;
    using Kernel = void (*)(const Step&, std::size_t start, std::size_t n);
    /// One node's work: the kernel for its operation and operand kinds, and where it reads and writes.
    struct Step {
        Kernel run = nullptr;
        const TapeNode* node = nullptr;
        Operand a, b;
        double* out[6] = {};        // v, dx, dy, dxx, dxy, dyy (x-only steps write v, dx, dxx;
                                    // the result's step writes the caller's row, set per row)
        double* scratch = nullptr;  // 3 * capacity doubles for f, f', f'' of unary functions
        std::size_t capacity = 0;
    };

private:
    Operand operandOf(int index) const;
    enum class Target { XArrays, Chunk, CallerRow };
    Step makeStep(int index, Target target, double* const out[6]);
    void fillRowFromScalars(const Jet6& jet, const PlanarJetRow& out) const;

    void evaluateBlocks(const PlanarJetRow& out);

    std::shared_ptr<const Tape> tape_;
    std::vector<double> xs_;
    bool blockMode_ = false;
    std::size_t scratchCapacity_ = kChunk;
    std::vector<double> xChunk_, ones_;       // block mode: x and dx/dx over the current chunk
    std::vector<Jet6> slots_;                 // constants and y-only jets (per row)
    std::vector<double> xStore_;              // v, dx, dxx over all abscissae per x-only node
    std::vector<double> chunkStore_;          // six chunk arrays per XY buffer
    std::vector<double> scratch_;
    std::vector<double> zeros_;               // kChunk zeros: y derivatives of an x-only result
    std::vector<std::array<double*, 6>> where_;  // per node: its arrays (X: global, XY: chunk)
    std::vector<Kind> kinds_;                 // per node
    std::vector<int> yNodes_;
    std::vector<Step> xySteps_;  // per point, in tape order (block mode: x-only steps too)
};

}  // namespace cl::expr
