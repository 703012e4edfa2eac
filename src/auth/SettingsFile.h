#pragma once

#include <QSettings>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace swarmwatch {

// The settings file that the GUI and swarmwatch-cli share, read and written on a thread of its own.
//
// A QSettings syncs its file from the thread it lives on, under a lock file that it fsyncs, and every
// QSettings on one file in a process shares that file's state behind one mutex that a sync holds throughout.
// On the GUI thread that stalled the window for 10 ms and more per change, and a sync could land between two
// calls of a multi-key change (a login list removed and not yet rewritten) and put that half-done state on
// disk. Here one QSettings on the writer's thread does all of it: an edit runs there whole, between syncs,
// and edits run in the order they were queued. ConsoleSettings and LoginSettings keep what they need in
// memory and use this for nothing else, so the GUI thread never waits on the disk after startup.
class SettingsFile
{
public:
    // The application's file, where a default QSettings would put it; without the system-wide fallbacks
    // (/etc/xdg) that a default QSettings also reads: every setting's default is in the code.
    SettingsFile();
    SettingsFile(const QString &fileName, QSettings::Format format);
    ~SettingsFile(); // waits until every edit is in the file
    SettingsFile(const SettingsFile &) = delete;
    SettingsFile &operator=(const SettingsFile &) = delete;

    QString fileName() const { return m_fileName; }

    // Runs `read` on the writer's thread, after every edit this thread queued so far, and waits for it: for
    // startup, as it waits for a sync in progress too. `read` may also write (a migration), as an edit.
    // Neither this nor flush() may be called from the writer's thread (an edit): it would wait for itself.
    void read(const std::function<void(QSettings &)> &read);
    // Queues `edit` to run on the writer's thread, all of it before the file is next synced.
    void edit(std::function<void(QSettings &)> edit);
    // Waits until every edit this thread queued so far is in the file (for whoever reads it next: the CLI, a
    // test); a file that cannot be written stays as it was, as with any QSettings.
    void flush();

private:
    QString m_fileName;
    QThread m_thread;
    std::unique_ptr<QSettings> m_settings; // lives on m_thread
};

} // namespace swarmwatch
