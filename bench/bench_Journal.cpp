// The journal's cost: how long recording an event takes on the caller's thread (queueing), how long a batch
// write takes (one transaction a second, on the journal writer's thread in the app; flush() waits for it),
// and how many bytes an event and a campaign-day take on disk.
//   bench_Journal [--events 200000] [--campaigns 100] [--batch 1000]
#include "BenchSupport.h"
#include "Journal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace swarmwatch;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int events = bench::option(arguments, "--events", QStringLiteral("200000")).toInt();
    const int campaigns = bench::option(arguments, "--campaigns", QStringLiteral("100")).toInt();
    const int batch = bench::option(arguments, "--batch", QStringLiteral("1000")).toInt();

    QTemporaryDir dir;
    JournalRetention unlimited;
    unlimited.maxBytes = 1LL << 40;
    unlimited.maxAgeDays = 100000;
    Journal journal(dir.filePath(QStringLiteral("bench.sqlite")), unlimited);
    if (!journal.open()) {
        std::fprintf(stderr, "bench_Journal: %s\n", qPrintable(journal.problem()));
        return 1;
    }
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    qint64 recordNs = 0;
    qint64 flushNs = 0;
    qint64 longestFlushNs = 0;
    QElapsedTimer timer;
    for (int i = 0; i < events; ++i) {
        // Progress samples as the recorder writes them: one per campaign per minute of a simulated day.
        JournalEntry entry;
        entry.kind = JournalEntry::Kind::Sample;
        entry.at = start.addSecs(60LL * (i / campaigns));
        entry.server = QStringLiteral("https://cipherswarm.example");
        entry.projectId = 1;
        entry.campaignId = 1 + i % campaigns;
        entry.text = QStringLiteral("Campaign %1 of the night shift").arg(1 + i % campaigns);
        entry.progress = (i % 1000) / 10.0;
        entry.cracked = i / campaigns;
        timer.start();
        journal.record(entry);
        recordNs += timer.nsecsElapsed();
        if ((i + 1) % batch == 0) {
            timer.start();
            journal.flush();
            const qint64 ns = timer.nsecsElapsed();
            flushNs += ns;
            longestFlushNs = std::max(longestFlushNs, ns);
        }
    }
    timer.start();
    journal.flush();
    flushNs += timer.nsecsElapsed();
    journal.applyRetention(); // checkpoints the WAL into the file, so that its size is the data's
    const double bytesPerEvent = double(journal.fileBytes()) / events;

    JournalQuery query;
    query.kinds = {JournalEntry::Kind::Sample};
    query.campaignId = 7;
    query.newestFirst = false;
    query.limit = 5000;
    timer.start();
    const qsizetype chartPoints = journal.read(query).size();
    const double chartMs = timer.nsecsElapsed() / 1e6;

    std::printf("journal: %d events (%d campaigns), batches of %d\n", events, campaigns, batch);
    std::printf("| measure | value |\n|---|---|\n");
    std::printf("| record() on the caller's thread, per event | %.2f us |\n", recordNs / 1e3 / events);
    std::printf("| batch write, per event | %.2f us |\n", flushNs / 1e3 / events);
    std::printf("| longest batch of %d events | %.1f ms |\n", batch, longestFlushNs / 1e6);
    std::printf("| file size per event | %.0f bytes |\n", bytesPerEvent);
    std::printf("| a campaign-day, one sample a minute (active, quiet) | %.0f KB |\n",
                bytesPerEvent * 1440 / 1024);
    std::printf("| a campaign-day, one sample per 10 s (moving all day) | %.0f KB |\n",
                bytesPerEvent * 8640 / 1024);
    std::printf("| read one campaign's %lld chart points | %.1f ms |\n", static_cast<long long>(chartPoints),
                chartMs);
    std::printf("| peak RSS | %.1f MB |\n", bench::peakRssKiB() / 1024.0);
    return 0;
}
