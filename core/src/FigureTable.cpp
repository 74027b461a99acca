#include "core/FigureTable.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace cl {

namespace {

void writeField(std::ostream& out, const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out << text;
        return;
    }
    out << '"';
    for (char c : text) out << (c == '"' ? "\"\"" : std::string(1, c));
    out << '"';
}

}  // namespace

void writeFigureTableCsv(const FigureTable& table, std::ostream& out)
{
    writeField(out, table.labelColumn);
    for (const std::string& column : table.columns) {
        out << ',';
        writeField(out, column);
    }
    out << '\n';
    char number[32];
    for (const FigureTable::Row& row : table.rows) {
        writeField(out, row.label);
        for (std::size_t k = 0; k < table.columns.size(); ++k) {
            out << ',';
            const double v = k < row.values.size() ? row.values[k] : NAN;
            if (std::isfinite(v)) {
                std::snprintf(number, sizeof number, "%.17g", v);
                out << number;
            }
        }
        out << '\n';
    }
}

}  // namespace cl
