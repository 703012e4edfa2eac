#pragma once

#include <QHash>
#include <QObject>
#include <QVariant>

#include <chrono>
#include <optional>

namespace swarmwatch {

class SettingsFile;
struct LiveSyncSettings;

// The console's own settings, typed, over a SettingsFile that the owner passes in (tests give a file of their
// own; nothing here is global). Every key is in one table with its default; changes are signalled, so that
// whatever shows or uses a setting follows it live. Logins and trusted certificates are LoginSettings'.
//
// Reads come from memory (the file is read once, here); each change goes to the file as an edit on the
// SettingsFile's thread, so that saving a column dragged or a letter typed in the filter never waits on the
// disk.
class ConsoleSettings : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        // window and views
        WindowGeometry,
        WindowState,
        CurrentView,
        CampaignsHeader,
        CampaignsFilterText,
        CampaignsStates,
        AgentsHeader,
        // connection
        RequestsPerSecond,
        ResyncSeconds,
        WatchdogSeconds,
        ExtraCaBundle,
        // notifications (see Notifier)
        NotifyDisconnected,
        NotifyBack,
        NotifySessionExpired,
        NotifyCracks,
        NotifyCampaignFinished,
        NotifyCampaignStalled,
        NotifyAgentOffline,
        DisconnectGraceSeconds,
        AgentGraceSeconds,
        StallMinutes,
        ShowCrackPlaintext,
        QuietHours,     // bool
        QuietHoursFrom, // "22:00"
        QuietHoursTo,   // "07:00"
        // journal
        JournalMaxAgeDays,
        JournalMaxMegabytes,
        // desktop
        StartMinimized,
        ClosingHidesToTrayToldOnce,
    };
    Q_ENUM(Key)

    explicit ConsoleSettings(SettingsFile *file, QObject *parent = nullptr);
    ~ConsoleSettings() override; // waits until every change is in the file

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // signals changed() when the value changes
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString name(Key key); // the key in the file, e.g. "connection/requestsPerSecond"
    // Waits until every change so far has been written (for whoever reads the file next: the CLI, a test);
    // a file that cannot be written stays as it was, as with any QSettings.
    void flush();

    QByteArray bytes(Key key) const { return value(key).toByteArray(); }
    QString text(Key key) const { return value(key).toString(); }
    QStringList list(Key key) const { return value(key).toStringList(); }
    double number(Key key) const { return value(key).toDouble(); }
    bool flag(Key key) const { return value(key).toBool(); }

    // The connection settings as LiveSync takes them.
    LiveSyncSettings liveSyncSettings() const;

Q_SIGNALS:
    void changed(swarmwatch::ConsoleSettings::Key key);

private:
    void write(Key key, const std::optional<QVariant> &value); // nullopt: remove

    SettingsFile *m_file;
    QHash<Key, QVariant> m_stored; // what the file holds, or will once the writer has written it
};

} // namespace swarmwatch
