#include "ui/logs/MappingStore.h"

#include <QFileInfo>
#include <QSettings>
#include <QStringList>
#include <QVariantMap>

namespace cl::ui::logs {

namespace {
const char* const kMappingsKey = "logs/domainMappings";

QSettings settings()
{
    return QSettings(QSettings::UserScope, QStringLiteral("CommuteLab"), QStringLiteral("CommuteLab"));
}

// One value per run: the axis first ("x=step"), then "domain=series" in domain order. Series names
// may hold '=' (never domain names: the dialog refuses them), so split at the first one.
QStringList encode(const cl::logs::DomainMapping& mapping)
{
    QStringList list{QStringLiteral("x=") + QString::fromStdString(mapping.axis)};
    for (const auto& [domain, series] : mapping.domains)
        list << QString::fromStdString(domain) + QLatin1Char('=') + QString::fromStdString(series);
    return list;
}

std::optional<cl::logs::DomainMapping> decode(const QStringList& list)
{
    if (list.isEmpty() || !list.front().startsWith(QStringLiteral("x="))) return std::nullopt;
    cl::logs::DomainMapping mapping;
    mapping.axis = list.front().mid(2).toStdString();
    for (int i = 1; i < list.size(); ++i) {
        const int eq = list[i].indexOf(QLatin1Char('='));
        if (eq <= 0) return std::nullopt;
        mapping.domains.emplace_back(list[i].left(eq).toStdString(), list[i].mid(eq + 1).toStdString());
    }
    if (mapping.empty()) return std::nullopt;
    return mapping;
}
}  // namespace

QString mappingKey(const std::string& source, const std::string& runName)
{
    return QFileInfo(QString::fromStdString(source)).absoluteFilePath() + QLatin1Char('#') +
           QString::fromStdString(runName);
}

std::optional<cl::logs::DomainMapping> rememberedMapping(const QString& key)
{
    return decode(settings().value(kMappingsKey).toMap().value(key).toStringList());
}

void rememberMapping(const QString& key, const cl::logs::DomainMapping& mapping)
{
    QSettings s = settings();
    QVariantMap all = s.value(kMappingsKey).toMap();
    all.insert(key, encode(mapping));
    s.setValue(kMappingsKey, all);
}

void forgetMapping(const QString& key)
{
    QSettings s = settings();
    QVariantMap all = s.value(kMappingsKey).toMap();
    all.remove(key);
    s.setValue(kMappingsKey, all);
}

}  // namespace cl::ui::logs
