#pragma once

#include "Journal.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace swarmwatch {

class ConsoleSession;

// Writes what happens in a console session to the journal: connection changes, toasts (redacted, as shown),
// campaign state changes, and progress/crack samples, downsampled: a point when something moved (at most one
// per campaign every 10 s, the latest value kept), and for active campaigns one a minute when nothing did, so
// that a stalled campaign's curve is a flat line and a restart does not lose it.
class JournalRecorder : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMovedSampleMs = 10'000;
    static constexpr qint64 kQuietSampleMs = 60'000;

    JournalRecorder(Journal *journal, Journal::Clock clock = {}, QObject *parent = nullptr);

    void watch(ConsoleSession *console);

    // Inputs (watch() connects them; tests call them).
    void setContext(const QString &server, std::optional<qint64> projectId);
    void connectionChanged(const QString &text);
    // Whether the data is live (signed in, every feed live): the quiet minute's points are written only then.
    void setLive(bool live);
    void toast(const QString &redactedText);
    void campaignSeen(qint64 id, const QString &name, const QString &state, std::optional<double> progress,
                      std::optional<qint64> cracked);
    // Time passes: held samples are written, quiet active campaigns get their minute's point.
    void tick();

private:
    struct Track {
        QString name;
        QString state;
        std::optional<double> progress;
        std::optional<qint64> cracked;
        qint64 lastSampleMs = -1;
        bool held = false; // moved since the last sample, within the 10 s limit
    };
    void sample(qint64 id, Track &track, qint64 nowMs);
    JournalEntry entry(JournalEntry::Kind kind, const QString &text) const;

    Journal *m_journal;
    Journal::Clock m_clock;
    QTimer m_tick;
    QString m_server;
    std::optional<qint64> m_projectId;
    QHash<qint64, Track> m_campaigns;
    bool m_live = true;
};

} // namespace swarmwatch
