#pragma once

#include <QString>

namespace swarmwatch {

// "Start at login" as the desktops read it (the XDG autostart spec): an entry in
// $XDG_CONFIG_HOME/autostart/swarmwatch.desktop that starts SwarmWatch minimised, present or not.
class Autostart
{
public:
    // `configDirectory`: $XDG_CONFIG_HOME in production; `executable`: the path the entry starts.
    Autostart(const QString &configDirectory, const QString &executable);

    static QString defaultConfigDirectory();

    QString entryPath() const { return m_entryPath; }
    bool isEnabled() const;
    // Writes or removes the entry; false (and `error` says why) when that failed.
    bool setEnabled(bool enabled, QString *error = nullptr);

private:
    QString m_entryPath;
    QString m_executable;
};

} // namespace swarmwatch
