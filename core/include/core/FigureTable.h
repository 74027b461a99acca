#pragma once
// The numbers behind a figure, written as CSV next to it (GUI export, `render --data`): one row
// per plotted point or cell, a text column naming the series, then numeric columns.

#include <iosfwd>
#include <string>
#include <vector>

namespace cl {

struct FigureTable {
    std::string labelColumn = "series";
    std::vector<std::string> columns;  // numeric column names
    struct Row {
        std::string label;
        std::vector<double> values;  // one per column; NaN is written as an empty field
    };
    std::vector<Row> rows;

    void add(std::string label, std::vector<double> values) { rows.push_back({std::move(label), std::move(values)}); }
};

/// RFC 4180 CSV: a header line, fields quoted when they hold a comma, quote or line break;
/// numbers with 17 significant digits so they read back exactly.
void writeFigureTableCsv(const FigureTable& table, std::ostream& out);

}  // namespace cl
