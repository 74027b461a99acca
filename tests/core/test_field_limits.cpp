// Issue #16, classes 5 and 6: the field sampler knows its memory before allocating and refuses a
// request above its documented limits with a message; a range whose width overflows is refused
// even though both ends are finite.

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

#include <stdexcept>
#include <string>

using namespace cl;

namespace {

FieldRequest request(const std::string& l1, const std::string& l2, int n)
{
    FieldRequest r;
    r.l1 = ExpressionLoss::fromText(l1);
    r.l2 = ExpressionLoss::fromText(l2);
    r.grid = GridSpec{-3, 3, -3, 3, n};
    return r;
}

std::string refusal(const FieldRequest& r)
{
    try {
        FieldGrid grid;
        sampleFields(r, grid, nullptr, 2);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestFieldLimits : public QObject {
    Q_OBJECT

private slots:
    void outputSizeIsKnownUpFront()
    {
        // 9 doubles and one region byte per point: the FieldGrid the sampler fills.
        const SamplerMemory m = estimateSamplerMemory(request("x^2", "y^2", 1000), 2);
        QCOMPARE(m.outputBytes, std::size_t(1000) * 1000 * 73);
        QCOMPARE(m.workers, 2);
        QVERIFY(m.workingBytes > 2 * 12 * 1000 * sizeof(double));  // at least the scratch rows
    }

    void gridAboveTheMemoryLimitIsRefusedBeforeAllocating()
    {
        // 8192^2 points x 73 bytes = 4.6 GiB > kMaxFieldGridBytes: refused at once (no allocation).
        QCOMPARE(QString::fromStdString(refusal(request("x^2", "y^2", 8192))),
                 QStringLiteral("fields: a 8192x8192 grid needs 4672 MiB for its fields, above the limit of 2048 MiB; "
                                "use a smaller grid"));
    }

    void workingMemoryOfLongExpressionsDoesNotGrowWithTheGrid()
    {
        std::string text;
        for (int k = 1; k <= 3000; ++k) text += (k > 1 ? " + " : "") + ("sin(" + std::to_string(k) + "e-3*x)*y");
        const SamplerMemory small = estimateSamplerMemory(request(text, "x*y", 512), 2);
        const SamplerMemory large = estimateSamplerMemory(request(text, "x*y", 4096), 2);
        qInfo("%zu-character expression: working memory %.1f MiB at 512^2, %.1f MiB at 4096^2", text.size(),
              small.workingBytes / 1048576.0, large.workingBytes / 1048576.0);
        // Only the per-thread scratch rows (a few doubles per abscissa) grow with the width.
        QVERIFY(large.workingBytes - small.workingBytes < 2 * 40 * sizeof(double) * (4096 - 512));
        QVERIFY(large.workingBytes < kMaxSamplerWorkingBytes);
    }

    void rangeWidthOverflowIsRefused()
    {
        FieldRequest r = request("x^2", "y^2", 16);
        r.grid = GridSpec{-1e308, 1e308, -1, 1, 16};
        QCOMPARE(QString::fromStdString(refusal(r)),
                 QStringLiteral("grid: x range is too wide (xmax - xmin overflows)"));
        r.grid = GridSpec{-1, 1, -1.7e308, 1.7e308, 16};
        QCOMPARE(QString::fromStdString(refusal(r)),
                 QStringLiteral("grid: y range is too wide (ymax - ymin overflows)"));
        // Finite width, but x(i) multiplies it by i = 15 first: refused too.
        r.grid = GridSpec{-8e307, 8e307, -1, 1, 16};
        QCOMPARE(QString::fromStdString(refusal(r)),
                 QStringLiteral("grid: x range is too wide (xmax - xmin overflows)"));
        // A wide range that does not overflow is sampled: every abscissa is finite.
        r.grid = GridSpec{-5e306, 5e306, -1, 1, 16};
        FieldGrid grid;
        sampleFields(r, grid, nullptr, 1);
        for (int i = 0; i < 16; ++i) QVERIFY(std::isfinite(r.grid.x(i)));
    }
};

QTEST_APPLESS_MAIN(TestFieldLimits)
#include "test_field_limits.moc"
