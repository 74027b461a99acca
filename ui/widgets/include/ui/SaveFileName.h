#pragma once
// "Save as" everywhere in the app: a name typed without a suffix gets the one of the file type
// chosen in the dialog (the first pattern of the selected filter, "*.svg" → ".svg"), so what is
// written can be found and opened again by its suffix.

#include <QString>

class QWidget;

namespace cl::ui {

/// `path` unchanged when it has a suffix; else `path` + the first "*.ext" of `selectedFilter`
/// ("PNG image (*.png)" → ".png"), or + `fallbackSuffix` (".json") when the filter names none.
QString withSuffixOfFilter(const QString& path, const QString& selectedFilter, const QString& fallbackSuffix);

/// QFileDialog::getSaveFileName, then withSuffixOfFilter. Empty when the user cancelled.
QString askSaveFileName(QWidget* parent, const QString& caption, const QString& start, const QString& filter,
                        const QString& fallbackSuffix);

}  // namespace cl::ui
