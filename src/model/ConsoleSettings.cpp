#include "ConsoleSettings.h"

#include "LiveSyncSettings.h"
#include "SettingsFile.h"

#include <QSettings>
#include <QSslCertificate>
#include <QTime>

#include <array>

namespace swarmwatch {

namespace {

struct Entry {
    ConsoleSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

// Every setting: its name in the file and its default.
const std::array<Entry, 29> &table()
{
    using K = ConsoleSettings::Key;
    static const std::array<Entry, 29> entries{{
        {K::WindowGeometry, "window/geometry", QByteArray()},
        {K::WindowState, "window/state", QByteArray()},
        {K::CurrentView, "window/view", 0}, // the tab: 0 campaigns, 1 agents, 2 activity
        {K::CampaignsHeader, "campaigns/header", QByteArray()},
        {K::CampaignsFilterText, "campaigns/filter", QString()},
        // Every state but archived (the server lists no archived campaign, but one may be shown until the
        // next resync says it left).
        {K::CampaignsStates, "campaigns/states",
         QStringList{QStringLiteral("active"), QStringLiteral("paused"), QStringLiteral("draft"),
                     QStringLiteral("completed"), QStringLiteral("error"), QStringLiteral("other")}},
        {K::AgentsHeader, "agents/header", QByteArray()},
        {K::RequestsPerSecond, "connection/requestsPerSecond", 100.0},
        {K::ResyncSeconds, "connection/resyncSeconds", 60.0},
        {K::WatchdogSeconds, "connection/watchdogSeconds", 75.0},
        {K::ExtraCaBundle, "connection/extraCaBundle", QString()},
        {K::NotifyDisconnected, "notifications/disconnected", true},
        {K::NotifyBack, "notifications/back", true},
        {K::NotifySessionExpired, "notifications/sessionExpired", true},
        {K::NotifyCracks, "notifications/cracks", true},
        {K::NotifyCampaignFinished, "notifications/campaignFinished", true},
        {K::NotifyCampaignStalled, "notifications/campaignStalled", true},
        {K::NotifyAgentOffline, "notifications/agentOffline", true},
        // A wake from sleep or a blip of a few seconds is not an outage.
        {K::DisconnectGraceSeconds, "notifications/disconnectGraceSeconds", 15.0},
        // Agents miss heartbeats and come back: an agent is reported after this long offline.
        {K::AgentGraceSeconds, "notifications/agentGraceSeconds", 300.0},
        {K::StallMinutes, "notifications/stallMinutes", 30.0},
        {K::ShowCrackPlaintext, "notifications/showCrackPlaintext", false},
        {K::QuietHours, "notifications/quietHours", false},
        {K::QuietHoursFrom, "notifications/quietFrom", QStringLiteral("22:00")},
        {K::QuietHoursTo, "notifications/quietTo", QStringLiteral("07:00")},
        {K::JournalMaxAgeDays, "journal/maxAgeDays", 30.0},
        {K::JournalMaxMegabytes, "journal/maxMegabytes", 50.0},
        {K::StartMinimized, "desktop/startMinimized", false},
        {K::ClosingHidesToTrayToldOnce, "desktop/closingHidesToTrayTold", false},
    }};
    return entries;
}

const Entry &entry(ConsoleSettings::Key key)
{
    for (const Entry &e : table()) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

ConsoleSettings::ConsoleSettings(SettingsFile *file, QObject *parent)
    : QObject(parent)
    , m_file(file)
{
    m_file->read([this](QSettings &settings) {
        for (const Entry &e : table()) {
            const QString key = QString::fromLatin1(e.name);
            if (settings.contains(key))
                m_stored.insert(e.key, settings.value(key));
        }
    });
}

ConsoleSettings::~ConsoleSettings()
{
    flush();
}

void ConsoleSettings::write(Key key, const std::optional<QVariant> &value)
{
    m_file->edit([name = name(key), value](QSettings &settings) {
        if (value)
            settings.setValue(name, *value);
        else
            settings.remove(name);
    });
}

void ConsoleSettings::flush()
{
    m_file->flush();
}

QVariant ConsoleSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QString ConsoleSettings::name(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant ConsoleSettings::value(Key key) const
{
    const Entry &e = entry(key);
    const QVariant stored = m_stored.value(key, e.defaultValue);
    // A hand-edited file may hold a word where a number belongs: the default then, not a zero.
    if (e.defaultValue.typeId() == QMetaType::Double) {
        bool ok = false;
        const double number = stored.toDouble(&ok);
        return ok && number >= 0 ? QVariant(number) : e.defaultValue;
    }
    if (e.defaultValue.typeId() == QMetaType::QStringList)
        return stored.toStringList();
    if (e.defaultValue.typeId() == QMetaType::Bool)
        return stored.toBool(); // the file holds "true" and "false" as words
    if (e.key == ConsoleSettings::Key::QuietHoursFrom || e.key == ConsoleSettings::Key::QuietHoursTo)
        return QTime::fromString(stored.toString(), QStringLiteral("HH:mm")).isValid() ? stored
                                                                                       : e.defaultValue;
    return stored;
}

void ConsoleSettings::setValue(Key key, const QVariant &value)
{
    const bool same = this->value(key) == value;
    const auto stored = m_stored.constFind(key);
    if (stored == m_stored.cend() || *stored != value) { // a header's state, saved again unchanged: no write
        m_stored.insert(key, value);
        write(key, value);
    }
    if (!same)
        Q_EMIT changed(key);
}

void ConsoleSettings::reset(Key key)
{
    if (!m_stored.remove(key))
        return;
    write(key, std::nullopt);
    Q_EMIT changed(key);
}

LiveSyncSettings ConsoleSettings::liveSyncSettings() const
{
    LiveSyncSettings settings;
    settings.requestsPerSecond = number(Key::RequestsPerSecond);
    settings.resyncInterval =
        std::chrono::milliseconds(static_cast<qint64>(std::max(5.0, number(Key::ResyncSeconds)) * 1000));
    settings.feed.idleTimeout =
        std::chrono::milliseconds(static_cast<qint64>(std::max(5.0, number(Key::WatchdogSeconds)) * 1000));
    const QString bundle = text(Key::ExtraCaBundle);
    if (!bundle.isEmpty())
        settings.feed.extraCaCertificates = QSslCertificate::fromPath(bundle, QSsl::Pem);
    return settings;
}

} // namespace swarmwatch
