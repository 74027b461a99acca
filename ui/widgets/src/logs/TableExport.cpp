#include "ui/logs/TableExport.h"
#include "ui/SaveFileName.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QStringList>
#include <QTableWidget>

namespace cl::ui::logs {

namespace {
QString quote(QString cell)
{
    if (!cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"')) && !cell.contains(QLatin1Char('\n')))
        return cell;
    cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}
}  // namespace

bool writeTableCsv(const QTableWidget* table, const QString& path, QString* error)
{
    QString text;
    QStringList cells;
    for (int c = 0; c < table->columnCount(); ++c) {
        const QTableWidgetItem* h = table->horizontalHeaderItem(c);
        cells << quote(h ? h->text() : QString());
    }
    text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < table->rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < table->columnCount(); ++c) {
            const QTableWidgetItem* item = table->item(r, c);
            cells << quote(item ? item->text() : QString());
        }
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error) *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void exportTableWithDialog(QTableWidget* table, const QString& suggestedName)
{
    const QString path =
        askSaveFileName(table, QObject::tr("Export table"), suggestedName, QObject::tr("CSV (*.csv)"), ".csv");
    if (path.isEmpty()) return;
    QString error;
    if (!writeTableCsv(table, path, &error)) QMessageBox::warning(table, QObject::tr("Export failed"), error);
}

}  // namespace cl::ui::logs
