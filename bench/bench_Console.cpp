// The desktop console on a busy server: the real MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise)
// against swarmwatch-sim in its own process, signed in as --demo does (token in memory).
//
//   bench_Console [--campaigns N] [--sim-rate R] [--rate T] [--seconds S] [--ids K] [--idle-seconds I]
//   [--no-sort] [--trace-stalls] [--sim-nice N]
//
// Measures, in order:
//   - start to first painted rows: from before the window is built (the simulator already running) to the
//     first paint of the campaign table with rows in it, and to the whole snapshot;
//   - idle: the process's CPU time over I seconds while nothing is announced (--sim-rate 0
//   makes
//     the server quiet; with the default 1 the demo's life goes on);
//   - a page's paint on its own: 200 pages of the table, each painted at once, the GUI thread's CPU time;
//   - a storm of T task reports/s for S seconds over K campaigns (every one a trigger and a refetch) while a
//     timer scrolls the table every 100 ms and flips its sort every second: the GUI thread's longest stall (a
//     2 ms timer's longest gap), how many stalls were longer than a 60 Hz frame, paints of the table (how
//     many, and how long each took), CPU;
//   - the journal's lines (it records as the app's does), and peak RSS.
// --sim-nice N runs the simulator at nice N (every thread of it): on an operator's desktop the server is
// elsewhere, and here it shares the 2 cores with the console; with it the stalls say more of the console's
// own work and less of the scheduler's.
// --trace-stalls lists on stderr every gap over 12 ms with its CLOCK_MONOTONIC start, for a profile taken
// with `perf record -k CLOCK_MONOTONIC` to say what ran in it. Every figure in docs/benchmarks.md's console
// section comes from a command here.
#include "BenchSupport.h"
#include "CampaignModel.h"
#include "CampaignsView.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "CredentialStore.h"
#include "Journal.h"
#include "JournalRecorder.h"
#include "LiveSync.h"
#include "LoginSettings.h"
#include "MainWindow.h"
#include "SettingsFile.h"
#include "SimControl.h"
#include "SimProcess.h"
#include "StatusPresenter.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace swarmwatch;

namespace {

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Counts paints of a widget, notes when the first one with rows in the table happened, and times each: the
// filter delivers the paint itself (the widget's own paintEvent, inside the same paint) between two clocks,
// so that a stall can be told apart into painting and the rest. Wall time counts waiting for a core too.
class PaintCounter : public QObject
{
public:
    PaintCounter(QWidget *viewport, QAbstractItemModel *rows, QElapsedTimer *clock)
        : m_rows(rows)
        , m_clock(clock)
    {
        viewport->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_delivering)
            return false;
        ++paints;
        if (firstRowsMs < 0 && m_rows->rowCount() > 0)
            firstRowsMs = m_clock->elapsed();
        m_delivering = true;
        const qint64 cpuBefore = threadCpuNs();
        QElapsedTimer wall;
        wall.start();
        QCoreApplication::sendEvent(watched, event);
        const qint64 cpu = threadCpuNs() - cpuBefore;
        times.longestWallNs = std::max(times.longestWallNs, wall.nsecsElapsed());
        times.longestCpuNs = std::max(times.longestCpuNs, cpu);
        times.totalCpuNs += cpu;
        m_delivering = false;
        return true;
    }
    struct Times {
        qint64 longestWallNs = 0;
        qint64 longestCpuNs = 0;
        qint64 totalCpuNs = 0;
    };
    quint64 paints = 0;
    qint64 firstRowsMs = -1;
    Times times;

private:
    QAbstractItemModel *m_rows;
    QElapsedTimer *m_clock;
    bool m_delivering = false;
};

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The event loop's latency, seen from inside: a 2 ms timer on the GUI thread notes the gaps between its
// ticks. A gap far above 2 ms is a stretch in which the loop could not turn: input, paints and timers waited.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 gap = now - m_last;
            m_last = now;
            longestNs = std::max(longestNs, gap);
            if (gap > 12'000'000)
                longGaps.push_back({monotonicNs() - gap, gap});
            if (gap > 16'000'000) {
                ++overFrame;
                // Whose turn was it: did a re-sort run inside this gap?
                if (lastSortAtNs > now - gap)
                    ++overFrameWithSort;
                else
                    longestWithoutSortNs = std::max(longestWithoutSortNs, gap);
            }
            ++ticks;
        });
    }
    void start()
    {
        longestNs = longestWithoutSortNs = 0;
        overFrame = overFrameWithSort = ticks = 0;
        longGaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void noteSort() { lastSortAtNs = m_clock.nsecsElapsed(); }
    qint64 longestNs = 0;
    quint64 overFrame = 0;         // gaps longer than a 60 Hz frame
    quint64 overFrameWithSort = 0; // of those, the ones in which a re-sort ran
    qint64 longestWithoutSortNs = 0;
    qint64 lastSortAtNs = -1;
    quint64 ticks = 0;
    // Gaps over 12 ms: when they began (CLOCK_MONOTONIC, as `perf record -k CLOCK_MONOTONIC` stamps samples)
    // and how long they were, so that a profile can say what ran in them.
    struct Gap {
        qint64 startNs;
        qint64 lengthNs;
    };
    std::vector<Gap> longGaps;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char *name, double fallback) {
        return bench::option(arguments, name, QString::number(fallback)).toDouble();
    };
    const int campaigns = static_cast<int>(option("--campaigns", 10000));
    const double simRate = option("--sim-rate", 1);
    const int rate = static_cast<int>(option("--rate", 5000));
    const int seconds = static_cast<int>(option("--seconds", 10));
    const int ids = static_cast<int>(option("--ids", 300));
    const int idleSeconds = static_cast<int>(option("--idle-seconds", 10));
    const bool sorting = !arguments.contains(QStringLiteral("--no-sort"));
    const int simNice = static_cast<int>(option("--sim-nice", 0));

    SimProcess sim;
    QString error;
    if (!sim.start({QStringLiteral("--campaigns"), QString::number(campaigns), QStringLiteral("--rate"),
                    QString::number(simRate)},
                   &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (simNice != 0) {
        // A nice value is per thread under Linux: each of the simulator's.
        const QString tasks = QStringLiteral("/proc/%1/task").arg(sim.processId());
        for (const QString &task : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            setpriority(PRIO_PROCESS, static_cast<id_t>(task.toInt()), simNice);
    }

    QElapsedTimer clock;
    clock.start();
    QTemporaryDir config;
    SettingsFile settingsFile(config.filePath(QStringLiteral("swarmwatch.conf")), QSettings::IniFormat);
    ConsoleSettings settings(&settingsFile);
    LoginSettings logins(&settingsFile);
    // The snapshot's details at full speed (with the default budget of 100 requests/s, 10,000 campaigns take
    // minutes to get every detail); the storm runs with the default budget again.
    settings.setValue(ConsoleSettings::Key::RequestsPerSecond, 0);
    CredentialStore credentials(QStringLiteral("SwarmWatchBench"));
    ConsoleSession console(&settings, &logins, &credentials, nullptr);
    StatusPresenter presenter(&console);
    MainWindow window(&console, &settings, &presenter);
    // The journal, as the app keeps it: every campaign's samples and state changes, written each second.
    Journal journal(config.filePath(QStringLiteral("journal.sqlite")));
    if (!journal.open()) {
        std::fprintf(stderr, "bench_Console: %s\n", qPrintable(journal.problem()));
        return 1;
    }
    JournalRecorder recorder(&journal);
    recorder.watch(&console);
    window.setJournal(&journal);
    qint64 journalLines = 0;
    QObject::connect(&journal, &Journal::written, &journal,
                     [&journalLines](int count) { journalLines += count; });
    QTableView *table = window.campaignsView()->table();
    PaintCounter painted(table->viewport(), table->model(), &clock);
    window.resize(1280, 800);
    window.show();
    const qint64 shownMs = clock.elapsed();
    bool signedIn = false;
    console.signInDemo(sim.url(), QStringLiteral("admin@swarmwatch.example"), QStringLiteral("swarmwatch"),
                       [&signedIn](const ApiError &e) { signedIn = !e.isError(); });
    if (!bench::waitFor([&] { return painted.firstRowsMs >= 0; }, 60000)) {
        std::fprintf(stderr, "no rows painted within 60 s\n");
        return 1;
    }
    if (!bench::waitFor([&] { return console.sync()->isIdle() && console.campaigns()->rowCount() > 0; },
                        600000)) {
        std::fprintf(stderr, "the snapshot did not settle\n");
        return 1;
    }
    const qint64 settledMs = clock.elapsed();
    const int rows = console.campaigns()->rowCount();

    settings.reset(ConsoleSettings::Key::RequestsPerSecond);

    // Idle: nothing to do but the status tick (and the demo's life, with --sim-rate above 0).
    const qint64 idleCpuBefore = cpuMs();
    bench::waitFor([] { return false; }, idleSeconds * 1000);
    const qint64 idleCpu = cpuMs() - idleCpuBefore;

    // A page's paint on its own: 200 pages, each painted at once (repaint), nothing else in the turn.
    const quint64 quietPaintsBefore = painted.paints;
    painted.times = {};
    for (int page = 0; page < 200; ++page) {
        QScrollBar *bar = table->verticalScrollBar();
        bar->setValue((page * bar->pageStep()) % std::max(1, bar->maximum()));
        table->viewport()->repaint();
    }
    const quint64 quietPaints = painted.paints - quietPaintsBefore;
    const PaintCounter::Times quietPaintTimes = painted.times;

    // The storm, with the user scrolling and re-sorting throughout.
    QTimer scroller;
    int step = 0;
    // Each re-sort on its own (the call, which sorts the proxy and lays the view out): by name, by progress.
    std::array<qint64, 2> longestSortNs{0, 0};
    StallProbe stalls;
    QObject::connect(&scroller, &QTimer::timeout, &window, [&] {
        QScrollBar *bar = table->verticalScrollBar();
        bar->setValue((bar->value() + bar->pageStep()) % std::max(1, bar->maximum()));
        if (++step % 10 == 0 && sorting) {
            const bool byProgress = step % 20 == 0;
            QElapsedTimer sortTimer;
            sortTimer.start();
            table->sortByColumn(byProgress ? CampaignModel::Progress : CampaignModel::Name,
                                step % 40 < 20 ? Qt::AscendingOrder : Qt::DescendingOrder);
            stalls.noteSort();
            qint64 &longest = longestSortNs[byProgress ? 1 : 0];
            longest = std::max(longest, sortTimer.nsecsElapsed());
        }
    });
    const quint64 paintsBefore = painted.paints;
    painted.times = {};
    stalls.start();
    scroller.start(100);
    const qint64 stormCpuBefore = cpuMs();
    bench::simControl(
        *console.network(), sim.url(),
        QStringLiteral("/sim/storm?rate=%1&seconds=%2&ids=%3&active=0").arg(rate).arg(seconds).arg(ids),
        true);
    bench::waitFor([] { return false; }, seconds * 1000);
    const qint64 stormCpu = cpuMs() - stormCpuBefore;
    scroller.stop();
    stalls.stop();
    const quint64 stormPaints = painted.paints - paintsBefore;
    const PaintCounter::Times stormPaintTimes = painted.times;
    // A quiet server must let the console go idle soon; a moving world (--sim-rate above 0) may never, so the
    // wait is short there.
    const int idleWaitSeconds = simRate > 0 ? 10 : 120;
    const bool idleAfter = bench::waitFor([&] { return console.sync()->isIdle(); }, idleWaitSeconds * 1000);

    std::printf("console: %d campaigns (%d in the table's project), simulator at %g steps/s, nice %d\n",
                campaigns, rows, simRate, simNice);
    std::printf("| measure | value |\n|---|---|\n");
    std::printf("| window shown, from before it was built | %lld ms |\n", static_cast<long long>(shownMs));
    std::printf("| first rows painted | %lld ms |\n", static_cast<long long>(painted.firstRowsMs));
    std::printf("| snapshot settled, no REST budget (every row with metrics and details) | %.1f s |\n",
                settledMs / 1000.0);
    std::printf("| idle %d s: process CPU | %lld ms (%.1f %%) |\n", idleSeconds,
                static_cast<long long>(idleCpu), 100.0 * idleCpu / (idleSeconds * 1000.0));
    std::printf(
        "| a page of the table painted on its own (%llu pages): mean / longest on a CPU | %.2f / %.2f ms |\n",
        static_cast<unsigned long long>(quietPaints),
        quietPaints ? quietPaintTimes.totalCpuNs / 1e6 / quietPaints : 0.0,
        quietPaintTimes.longestCpuNs / 1e6);
    std::printf(
        "| storm %d reports/s for %d s over %d campaigns: longest stall of the GUI thread | %.1f ms |\n",
        rate, seconds, ids, stalls.longestNs / 1e6);
    std::printf("| storm: stalls longer than 16 ms (one frame) | %llu |\n",
                static_cast<unsigned long long>(stalls.overFrame));
    if (sorting)
        std::printf("| storm: of those, with a re-sort in them; the longest without | %llu; %.1f ms |\n",
                    static_cast<unsigned long long>(stalls.overFrameWithSort),
                    stalls.longestWithoutSortNs / 1e6);
    std::printf("| storm: process CPU (GUI thread and Qt's network thread) | %.0f %% |\n",
                100.0 * stormCpu / (seconds * 1000.0));
    std::printf("| storm: table paints (scrolled every 100 ms, re-sorted every 1 s) | %llu |\n",
                static_cast<unsigned long long>(stormPaints));
    std::printf("| storm: a table paint, mean / longest on a CPU / longest from start to end | %.1f / %.1f / "
                "%.1f ms |\n",
                stormPaints ? stormPaintTimes.totalCpuNs / 1e6 / stormPaints : 0.0,
                stormPaintTimes.longestCpuNs / 1e6, stormPaintTimes.longestWallNs / 1e6);
    if (sorting)
        std::printf("| storm: longest re-sort call, by name / by progress | %.1f ms / %.1f ms |\n",
                    longestSortNs[0] / 1e6, longestSortNs[1] / 1e6);
    std::printf("| idle again within %d s of the storm%s | %s |\n", idleWaitSeconds,
                simRate > 0 ? " (the world keeps moving)" : "", idleAfter ? "yes" : "NO");
    std::printf("| journal lines written (the whole run) | %lld |\n", static_cast<long long>(journalLines));
    std::printf("| peak RSS | %.1f MB |\n", bench::peakRssKiB() / 1024.0);
    if (arguments.contains(QStringLiteral("--trace-stalls"))) {
        for (const StallProbe::Gap &gap : stalls.longGaps)
            std::fprintf(stderr, "stall %.6f +%.1f ms\n", gap.startNs / 1e9, gap.lengthNs / 1e6);
    }
    return signedIn ? 0 : 1;
}
