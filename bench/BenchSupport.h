#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStringList>
#include <QTimer>

#include <algorithm>

#include <functional>

// What every benchmark here needs: its command-line options, and waiting on the event loop for a condition.
namespace bench {

// The value after `--name` on the command line, or `fallback`.
inline QString option(const QStringList &arguments, const char *name, const QString &fallback)
{
    const qsizetype at = arguments.indexOf(QLatin1String(name));
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

// Turns the event loop until `condition` holds (true) or `timeoutMs` have passed (false). It sleeps between
// events (a spinning wait would take a core from the client and the simulator it measures); conditions change
// only through events, and a timer wakes it now and then so that time is checked too.
inline bool waitFor(const std::function<bool()> &condition, qint64 timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(static_cast<int>(std::clamp<qint64>(timeoutMs, 1, 20)));
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Times every event the main thread delivers: their sum is the main thread's busy time, their maximum the
// longest stretch during which the event loop could not turn (a frozen UI, in the GUI). Base is
// QCoreApplication or QApplication.
template <typename Base>
class TimedApplication : public Base
{
public:
    using Base::Base;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_measuring)
            return Base::notify(receiver, event);
        if (m_depth++ > 0) { // nested delivery: counted in the outer one
            const bool result = Base::notify(receiver, event);
            --m_depth;
            return result;
        }
        QElapsedTimer timer;
        timer.start();
        const bool result = Base::notify(receiver, event);
        const qint64 ns = timer.nsecsElapsed();
        --m_depth;
        m_busyNs += ns;
        ++m_events;
        if (ns > 16'000'000)
            ++m_over16ms;
        m_longestNs = std::max(m_longestNs, ns);
        return result;
    }
    void measure(bool on)
    {
        m_measuring = on;
        if (on)
            m_busyNs = m_longestNs = 0, m_events = m_over16ms = 0;
    }
    qint64 busyNs() const { return m_busyNs; }
    qint64 longestNs() const { return m_longestNs; }
    quint64 events() const { return m_events; }
    quint64 over16ms() const { return m_over16ms; } // deliveries longer than one 60 Hz frame

private:
    bool m_measuring = false;
    int m_depth = 0;
    qint64 m_busyNs = 0;
    qint64 m_longestNs = 0;
    quint64 m_events = 0;
    quint64 m_over16ms = 0;
};

// The process's peak resident set (VmHWM), in KiB; -1 where /proc is not there.
inline qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace bench
