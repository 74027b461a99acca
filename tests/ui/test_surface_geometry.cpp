// The 3-D surface's geometry, without a window: heights map back to core's loss values (two
// quadratics with a closed form), the scale makes the height range half the larger side, level
// curves lie on the surface, grids finer than 256² are strided, the target is w1·L1 + w2·L2 or
// the typed loss, and undefined points leave holes without spoiling the range.

#include "SurfaceFixture.h"

#include "ui/SurfaceGeometry.h"
#include "ui/SurfaceSamples.h"

#include <vtkDataArray.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace cl;
using namespace cl::ui;
using cl::testing::near;
using cl::testing::sampledQuadratics;

namespace {

const cl::testing::Quadratic& q1 = cl::testing::surfaceQ1;
const cl::testing::Quadratic& q2 = cl::testing::surfaceQ2;

double pointZ(const SurfaceGeometry& g, std::size_t node)
{
    return g.surface->GetPoint(g.nodePoint[node])[2];
}

}  // namespace

class TestSurfaceGeometry : public QObject {
    Q_OBJECT

private slots:
    void heightsAreScaledLossValues()
    {
        const FieldGrid grid = sampledQuadratics(41);
        const SurfaceSamples s = surfaceSamples(grid, SurfaceField::L1);
        QCOMPARE(s.spec.n, 41);
        const SurfaceGeometry g = buildSurfaceGeometry(s, 0.5);
        // The range over the nodes, from the closed form.
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (int j = 0; j < 41; ++j)
            for (int i = 0; i < 41; ++i) {
                lo = std::min(lo, q1(s.spec.x(i), s.spec.y(j)));
                hi = std::max(hi, q1(s.spec.x(i), s.spec.y(j)));
            }
        QVERIFY(near(g.valueMin, lo));
        QVERIFY(near(g.valueMax, hi));
        QVERIFY(near(g.heightScale * (hi - lo), 0.5 * 5.0));  // half the larger side (θ₁: −2…3)
        QCOMPARE(g.surface->GetNumberOfPoints(), vtkIdType(41 * 41));
        QCOMPARE(g.surface->GetNumberOfPolys(), vtkIdType(2 * 40 * 40));
        for (auto [i, j] : {std::pair{0, 0}, {40, 40}, {17, 5}, {3, 29}, {40, 0}}) {
            const std::size_t node = std::size_t(j) * 41 + i;
            const double x = -2 + 5.0 * i / 40, y = -1 + 3.0 * j / 40;
            const double* p = g.surface->GetPoint(g.nodePoint[node]);
            QVERIFY(near(p[0], x));
            QVERIFY(near(p[1], y));
            QVERIFY2(near(p[2], g.heightScale * (q1(x, y) - lo)),
                     qPrintable(QString("node (%1, %2): z %3").arg(i).arg(j).arg(p[2])));
            QVERIFY(near(g.surface->GetPointData()->GetScalars()->GetTuple1(g.nodePoint[node]), q1(x, y)));
        }
        double bounds[6];
        g.surface->GetBounds(bounds);
        QVERIFY(near(bounds[0], -2) && near(bounds[1], 3) && near(bounds[2], -1) && near(bounds[3], 2));
        QVERIFY(near(bounds[4], 0) && near(bounds[5], 2.5));

        // The level curves lie on the surface at their level's height.
        const auto curves = buildSurfaceContours(s, g, {lo + 0.2 * (hi - lo), lo + 0.6 * (hi - lo)});
        QVERIFY(curves->GetNumberOfPoints() > 20);
        for (vtkIdType k = 0; k < curves->GetNumberOfPoints(); ++k) {
            const double z = curves->GetPoint(k)[2];
            QVERIFY(near(z, g.height(lo + 0.2 * (hi - lo))) || near(z, g.height(lo + 0.6 * (hi - lo))));
        }
    }

    void targetAndStride()
    {
        const FieldGrid grid = sampledQuadratics(600);  // > 256 a side: every third node (200 a side)
        const SurfaceSamples l2 = surfaceSamples(grid, SurfaceField::L2);
        QCOMPARE(l2.spec.n, 200);
        QVERIFY(near(l2.spec.xmax, grid.spec.x(597)) && near(l2.spec.ymax, grid.spec.y(597)));
        QVERIFY(near(l2.values[std::size_t(7) * 200 + 11], q2(grid.spec.x(33), grid.spec.y(21))));

        const SurfaceSamples mix = surfaceSamples(grid, SurfaceField::Target, Target::weighted({0.25, 0.75}), 256);
        const SurfaceSamples custom = surfaceSamples(grid, SurfaceField::Target, Target::loss(q2.loss(), "q2"), 256);
        for (auto [i, j] : {std::pair{0, 0}, {199, 199}, {50, 120}}) {
            const double x = grid.spec.x(3 * i), y = grid.spec.y(3 * j);
            const std::size_t k = std::size_t(j) * 200 + i;
            QVERIFY(near(mix.values[k], 0.25 * q1(x, y) + 0.75 * q2(x, y)));
            QVERIFY(near(custom.values[k], q2(x, y)));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 surfaceSamples(grid, SurfaceField::Target, Target::weighted({1, 1, 1})));
    }

    void undefinedPointsLeaveHoles()
    {
        SurfaceSamples s = surfaceSamples(sampledQuadratics(21), SurfaceField::L2);
        const std::size_t hole = std::size_t(10) * 21 + 10, edge = 4, infinite = std::size_t(20) * 21 + 20;
        s.values[hole] = std::nan("");
        s.values[edge] = std::numeric_limits<double>::infinity();
        s.values[infinite] = -std::numeric_limits<double>::infinity();
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : s.values)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        const SurfaceGeometry g = buildSurfaceGeometry(s, 0.5);
        QCOMPARE(g.undefinedCount, std::size_t(3));
        QCOMPARE(g.nodePoint[hole], -1LL);
        QCOMPARE(g.nodePoint[edge], -1LL);
        QCOMPARE(g.surface->GetNumberOfPoints(), vtkIdType(21 * 21 - 3));
        QVERIFY(near(g.valueMin, lo) && near(g.valueMax, hi));
        double bounds[6];
        g.surface->GetBounds(bounds);
        for (double b : bounds) QVERIFY(std::isfinite(b));
        QVERIFY(near(bounds[5], g.top()) && near(g.top(), 0.5 * 5.0));
        // An interior hole drops 4 of its 8 triangles and keeps one of three corners per cell; an
        // edge node 2 (of 4) cells, a corner 1 cell: each of those cells keeps one triangle.
        QCOMPARE(g.surface->GetNumberOfPolys(), vtkIdType(2 * 20 * 20 - 4 - 2 - 1));
        for (vtkIdType k = 0; k < g.surface->GetNumberOfPoints(); ++k)
            QVERIFY(std::isfinite(g.surface->GetPoint(k)[2]));
        // A neighbour of the hole keeps its exact height.
        QVERIFY(near(pointZ(g, hole + 1), g.heightScale * (s.values[hole + 1] - lo)));

        // Nothing defined, or a constant: no crash, a flat surface.
        std::fill(s.values.begin(), s.values.end(), std::nan(""));
        QCOMPARE(buildSurfaceGeometry(s).surface->GetNumberOfPoints(), vtkIdType(0));
        std::fill(s.values.begin(), s.values.end(), 3.5);
        const SurfaceGeometry flat = buildSurfaceGeometry(s);
        QCOMPARE(flat.top(), 0.0);
        QCOMPARE(flat.valueMin, 3.5);
    }
};

QTEST_GUILESS_MAIN(TestSurfaceGeometry)
#include "test_surface_geometry.moc"
