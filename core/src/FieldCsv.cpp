#include "core/FieldCsv.h"

#include <charconv>
#include <cmath>
#include <ostream>
#include <string>

namespace cl {

namespace {

void appendNumber(std::string& line, double v)
{
    if (std::isnan(v)) {
        line += "nan";
        return;
    }
    char buffer[32];
    // Shortest text that reads back to the same double.
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    line.append(buffer, result.ptr);
}

}  // namespace

void writeFieldsCsv(const FieldGrid& grid, std::ostream& out)
{
    out << "x,y,l1,l2,g1x,g1y,g2x,g2y,rx,ry,p,region\n";
    std::string line;
    const int n = grid.spec.n;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const std::size_t k = grid.index(i, j);
            line.clear();
            for (double v : {grid.spec.x(i), grid.spec.y(j), grid.l1[k], grid.l2[k], grid.g1x[k], grid.g1y[k],
                             grid.g2x[k], grid.g2y[k], grid.rx[k], grid.ry[k], grid.p[k]}) {
                appendNumber(line, v);
                line += ',';
            }
            line += regionName(grid.region[k]);
            line += '\n';
            out << line;
        }
}

}  // namespace cl
