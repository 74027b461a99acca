#include "ui/SaveFileName.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>

namespace cl::ui {

QString withSuffixOfFilter(const QString& path, const QString& selectedFilter, const QString& fallbackSuffix)
{
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty()) return path;
    static const QRegularExpression firstPattern(R"(\*\.([A-Za-z0-9]+))");
    const QRegularExpressionMatch match = firstPattern.match(selectedFilter);
    return path + (match.hasMatch() ? "." + match.captured(1) : fallbackSuffix);
}

QString askSaveFileName(QWidget* parent, const QString& caption, const QString& start, const QString& filter,
                        const QString& fallbackSuffix)
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(parent, caption, start, filter, &selected);
    return withSuffixOfFilter(path, selected, fallbackSuffix);
}

}  // namespace cl::ui
