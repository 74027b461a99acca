#pragma once
// CSV export of the log views' tables: the header row, then the cells as shown (numbers keep
// the precision the table shows them with). Written through QSaveFile, so a failed export
// never leaves half a file.

#include <QString>

class QTableWidget;

namespace cl::ui::logs {

/// Writes `table` as CSV (RFC 4180 quoting); false with `error` set when the file cannot be written.
bool writeTableCsv(const QTableWidget* table, const QString& path, QString* error = nullptr);

/// Asks for a file name, writes the CSV and reports a failure in a message box.
void exportTableWithDialog(QTableWidget* table, const QString& suggestedName);

}  // namespace cl::ui::logs
