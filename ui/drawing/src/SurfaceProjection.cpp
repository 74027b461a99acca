#include "ui/SurfaceProjection.h"

#include <vtkCamera.h>
#include <vtkMatrix4x4.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cl::ui {

SurfaceProjection surfaceProjection(vtkCamera* camera, int width, int height)
{
    SurfaceProjection out;
    out.width = std::max(width, 1);
    out.height = std::max(height, 1);
    // What vtkRenderer uses: the aspect of its viewport in pixels, depth mapped to [−1, 1].
    vtkMatrix4x4* m = camera->GetCompositeProjectionTransformMatrix(out.width / out.height, -1, 1);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) out.composite[std::size_t(4 * r + c)] = m->GetElement(r, c);
    camera->GetPosition(out.eye.data());
    camera->GetDirectionOfProjection(out.direction.data());
    return out;
}

ProjectedPoint projectPoint(const SurfaceProjection& p, const std::array<double, 3>& world)
{
    const auto& m = p.composite;
    double ndc[4];
    for (int r = 0; r < 4; ++r)
        ndc[r] = m[std::size_t(4 * r)] * world[0] + m[std::size_t(4 * r + 1)] * world[1] +
                 m[std::size_t(4 * r + 2)] * world[2] + m[std::size_t(4 * r + 3)];
    ProjectedPoint out;
    out.x = (ndc[0] / ndc[3] + 1) / 2 * p.width;
    out.y = (1 - ndc[1] / ndc[3]) / 2 * p.height;
    out.depth = (world[0] - p.eye[0]) * p.direction[0] + (world[1] - p.eye[1]) * p.direction[1] +
                (world[2] - p.eye[2]) * p.direction[2];
    return out;
}

std::vector<std::size_t> backToFront(const std::vector<double>& depths)
{
    std::vector<std::size_t> order(depths.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return depths[a] > depths[b]; });
    return order;
}

std::vector<int> keptNodes(int n, int maxSide)
{
    std::vector<int> out;
    if (n <= 0) return out;
    const int m = std::min(n, std::max(2, maxSide));
    if (n == 1) return {0};
    for (int k = 0; k < m; ++k) out.push_back(int(std::lround(double(k) * (n - 1) / (m - 1))));
    return out;
}

}  // namespace cl::ui
