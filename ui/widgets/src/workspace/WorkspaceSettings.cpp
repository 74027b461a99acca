#include "ui/workspace/WorkspaceSettings.h"

#include <QSettings>

#include <algorithm>

namespace cl::ui {

namespace {

QSettings store()
{
    return QSettings(QSettings::UserScope, QStringLiteral("CommuteLab"), QStringLiteral("CommuteLab"));
}

}  // namespace

WorkspaceSettings WorkspaceSettings::load()
{
    WorkspaceSettings w;
    QSettings s = store();
    s.beginGroup("landscape");
    LandscapeOptions& o = w.options;
    o.arrowDensity = std::clamp(s.value("arrowDensity", o.arrowDensity).toInt(), 2, 200);
    o.arrowScaling = LandscapeOptions::ArrowScaling(std::clamp(s.value("arrowScaling", int(o.arrowScaling)).toInt(), 0,
                                                               int(LandscapeOptions::ArrowScaling::Normalised)));
    o.contourCount = std::clamp(s.value("contourCount", o.contourCount).toInt(), 0, 50);
    o.colorMap = s.value("colorMap", QString::fromStdString(o.colorMap)).toString().toStdString();
    o.divergingMap = s.value("divergingMap", QString::fromStdString(o.divergingMap)).toString().toStdString();
    o.colorBlindRegions = s.value("colorBlindRegions", o.colorBlindRegions).toBool();
    o.pScale.limits = s.value("pLimits", "robust").toString() == "manual" ? ColorScaleSpec::Limits::Manual
                                                                          : ColorScaleSpec::Limits::Robust;
    o.pScale.manualLimit = std::max(1e-300, s.value("pManualLimit", o.pScale.manualLimit).toDouble());
    o.pScale.symLog = s.value("pSymLog", o.pScale.symLog).toBool();
    w.gridSize = std::clamp(s.value("gridSize", w.gridSize).toInt(), minGridSize, maxGridSize);
    w.dt = std::clamp(s.value("dt", w.dt).toDouble(), 1e-4, 10.0);
    w.layout = s.value("layout", w.layout).toString();
    w.recentSessions = s.value("recentSessions").toStringList().mid(0, maxRecent);
    return w;
}

void WorkspaceSettings::save() const
{
    QSettings s = store();
    s.beginGroup("landscape");
    s.setValue("arrowDensity", options.arrowDensity);
    s.setValue("arrowScaling", int(options.arrowScaling));
    s.setValue("contourCount", options.contourCount);
    s.setValue("colorMap", QString::fromStdString(options.colorMap));
    s.setValue("divergingMap", QString::fromStdString(options.divergingMap));
    s.setValue("colorBlindRegions", options.colorBlindRegions);
    s.setValue("pLimits", options.pScale.limits == ColorScaleSpec::Limits::Manual ? "manual" : "robust");
    s.setValue("pManualLimit", options.pScale.manualLimit);
    s.setValue("pSymLog", options.pScale.symLog);
    s.setValue("gridSize", gridSize);
    s.setValue("dt", dt);
    s.setValue("layout", layout);
    s.setValue("recentSessions", recentSessions);
    s.sync();
}

void WorkspaceSettings::remember(const QString& path)
{
    recentSessions.removeAll(path);
    recentSessions.prepend(path);
    while (recentSessions.size() > maxRecent) recentSessions.removeLast();
}

}  // namespace cl::ui
