#pragma once

#include "SyncError.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace swarmwatch {

// Folds repeated identical failures into one report. The first failure of a kind on an endpoint (ids
// folded) is reported at once; identical ones after it only count, and when the episode ends (no repeat
// for the quiet period) one summary with the total is reported, if there were repeats. A resync of 1,000
// campaigns that all fail with 500 is two reports, not 1,000.
class ErrorAggregator : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit ErrorAggregator(std::chrono::milliseconds quietPeriod,
                             Clock clock = &std::chrono::steady_clock::now, QObject *parent = nullptr);

    void setQuietPeriod(std::chrono::milliseconds quietPeriod) { m_quiet = quietPeriod; }
    void add(const ApiError &error);
    // Ends the episodes whose quiet period has passed (the timer calls it; tests with their own clock too).
    void expire();
    // Ends every episode now, reporting what was folded (at stop).
    void flush();
    int openEpisodes() const { return static_cast<int>(m_open.size()); }

Q_SIGNALS:
    void reported(const swarmwatch::SyncError &error);

private:
    struct Episode {
        SyncError error;
        int reportedCount = 1;
        std::chrono::steady_clock::time_point last;
        std::chrono::steady_clock::time_point lastReport;
    };
    // A failure that never stops is summarised this often, so a week-long outage is not one silent episode.
    static constexpr std::chrono::minutes kReminder{10};
    void end(const QString &key);

    std::chrono::milliseconds m_quiet;
    Clock m_clock;
    QHash<QString, Episode> m_open;
    QTimer m_timer;
};

} // namespace swarmwatch
