#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
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

} // namespace bench
