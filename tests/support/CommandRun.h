#pragma once
// The command-line tests run the real `commutelab` binary (CTest passes its path in
// COMMUTELAB_BINARY) and look at its exit code, standard output and standard error.

#include <QProcess>
#include <QString>
#include <QStringList>

/// What one run of a program gave; exitCode -1: it did not finish in time, -2: it crashed.
struct Run {
    int exitCode = -1;
    QString out, err;
};

inline Run runProgram(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    Run run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
