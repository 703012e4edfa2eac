#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace swarmwatch {

// How SwarmWatch writes durations, rates and times for people, in one place for the GUI and the CLI: short,
// translated, and the same everywhere.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(swarmwatch::Format)

public:
    // "45 s", "12 min", "2 h 10 min", "3 d 4 h".
    static QString duration(qint64 seconds);
    // The time left and the finish time in local time: "2 h 10 min · 14:35" (with the date when it is not
    // today: "3 d 4 h · Fri 09:10").
    static QString eta(const QDateTime &finishAt, const QDateTime &now);
    // Hash rates: "950 H/s", "12.3 MH/s", "1.02 TH/s".
    static QString rate(double hashesPerSecond);
    // "just now", "40 s ago", "5 min ago", "3 h ago", "2 d ago"; "in the future" when the clocks disagree.
    static QString ago(const QDateTime &when, const QDateTime &now);
    // Local time of day "14:02:11", with the date when it is not today.
    static QString timeOfDay(const QDateTime &when, const QDateTime &now);
    // "42.0 %"
    static QString percent(double value, int decimals = 1);
};

} // namespace swarmwatch
