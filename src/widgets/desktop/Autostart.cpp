#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace swarmwatch {

namespace {

// The Exec key's quoting (desktop entry spec): the path in double quotes, with ", `, $ and \ escaped.
QString quotedForExec(const QString &path)
{
    QString quoted;
    for (const QChar c : path) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

Autostart::Autostart(const QString &configDirectory, const QString &executable)
    : m_entryPath(QDir(configDirectory).filePath(QStringLiteral("autostart/swarmwatch.desktop")))
    , m_executable(executable)
{}

QString Autostart::defaultConfigDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
}

bool Autostart::isEnabled() const
{
    return QFileInfo::exists(m_entryPath);
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
    if (!enabled) {
        if (!QFileInfo::exists(m_entryPath) || QFile::remove(m_entryPath))
            return true;
        if (error)
            *error = QCoreApplication::translate("Autostart", "Could not remove %1.").arg(m_entryPath);
        return false;
    }
    QDir().mkpath(QFileInfo(m_entryPath).absolutePath());
    QSaveFile file(m_entryPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Could not write %1: %2")
                         .arg(m_entryPath, file.errorString());
        return false;
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=SwarmWatch\n"
                                         "Comment=CipherSwarm operator console, started at login\n"
                                         "Exec=%1 --minimized\n"
                                         "Icon=swarmwatch\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(quotedForExec(m_executable));
    file.write(entry.toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Autostart", "Could not write %1: %2")
                         .arg(m_entryPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace swarmwatch
