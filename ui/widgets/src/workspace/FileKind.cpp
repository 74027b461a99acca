#include "ui/workspace/FileKind.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace cl::ui {

FileKind fileKindOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return FileKind::Missing;
    constexpr qint64 largestSession = 16 << 20;
    if (file.size() > largestSession) return FileKind::Log;
    const QByteArray head = file.read(largestSession);
    // A JSON log is an object too, but never one with a session's "version" and "l1" side by side.
    if (!head.trimmed().startsWith('{')) return FileKind::Log;
    const QJsonDocument document = QJsonDocument::fromJson(head);
    if (document.isObject() && document.object().value("format").toString() == "commutelab-lab") return FileKind::Lab;
    const bool session =
        document.isObject() && document.object().contains("l1") && document.object().contains("version");
    return session ? FileKind::Session : FileKind::Log;
}

}  // namespace cl::ui
