#pragma once
// Files for the log window's widget tests (test_log_window_runs, test_log_window_mapping): the
// source root, writing and reading a file's bytes, a Lightning-style metrics CSV, closing the
// window's message boxes.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QString>
#include <QtTest>

namespace logtest {

inline QString sourceDir()
{
    const QByteArray env = qgetenv("COMMUTELAB_SOURCE_DIR");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QFileInfo(QStringLiteral(COMMUTELAB_SOURCE_ROOT "/tests/ui/this.cpp"))
        .dir()
        .absoluteFilePath(QStringLiteral("../.."));
}

inline void writeFile(const QString& path, const QByteArray& bytes, bool append = false)
{
    QFile f(path);
    QVERIFY(f.open(append ? QIODevice::Append : QIODevice::WriteOnly));
    f.write(bytes);
}

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A Lightning-style metrics CSV: a train row and a val row per step, three eval losses.
inline QByteArray metricsCsv()
{
    QByteArray text = "step,train_loss,val_loss_en,val_loss_ru,val_loss_code\n";
    for (int i = 1; i <= 6; ++i) {
        const QByteArray s = QByteArray::number(10 * i);
        text += s + "," + QByteArray::number(4.0 / i) + ",,,\n";
        text += s + ",," + QByteArray::number(3.0 - 0.1 * i) + "," + QByteArray::number(2.5 - 0.05 * i) + "," +
                QByteArray::number(1.5 - 0.02 * i) + "\n";
    }
    return text;
}

inline void closeDialogs(QWidget* window)
{
    for (auto* box : window->findChildren<QMessageBox*>()) box->close();
    QCoreApplication::processEvents();
}

}  // namespace logtest
