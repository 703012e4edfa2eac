#pragma once

#include <QObject>
#include <QVariant>

#include <chrono>

class QSettings;

namespace swarmwatch {

struct LiveSyncSettings;

// The console's own settings, typed, over a QSettings that the owner passes in (tests give a file of their
// own; nothing here is global). Every key is in one table with its default; changes are signalled, so that
// whatever shows or uses a setting follows it live. Logins and trusted certificates are LoginSettings'.
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

    explicit ConsoleSettings(QSettings *settings, QObject *parent = nullptr);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value); // signals changed() when the value changes
    void reset(Key key);
    static QVariant defaultValue(Key key);
    static QString name(Key key); // the key in the file, e.g. "connection/requestsPerSecond"

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
    QSettings *m_settings;
};

} // namespace swarmwatch
