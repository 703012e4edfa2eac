// Throughput of SseParser on a CipherSwarm-shaped stream, against a plain memchr line count over the same
// bytes (the practical ceiling for anything that must look at every line).
//
//   bench_SseParser [--megabytes N] [--write PATH] [--runs N]
//
// The stream follows ../shared/cipherswarm-api.md §2.3: compact JSON refresh triggers on the campaigns and
// agents feeds (project_id often null), crack toasts with emoji and arrows, and the spaced JSON ping.
#include "BenchSupport.h"
#include "SseEventSink.h"
#include "SseParser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace swarmwatch;

namespace {

class CountingSink : public SseEventSink
{
public:
    void sseEvent(const SseEvent &event) override
    {
        ++events;
        characters += static_cast<quint64>(event.data.size()); // touch the result so it is not optimised away
    }
    void sseRetry(qint64) override {}
    quint64 events = 0;
    quint64 characters = 0;
};

QByteArray timestamp(qint64 microseconds)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(1760213065000 + microseconds / 1000, Qt::UTC);
    QByteArray text = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1();
    const qint64 fraction = microseconds % 1000000;
    if (fraction != 0) // the server omits a zero fraction
        text += '.' + QByteArray::number(fraction).rightJustified(6, '0');
    return text + 'Z';
}

QByteArray makeStream(qint64 bytes, quint64 *eventCount)
{
    QRandomGenerator random(2025);
    QByteArray out;
    out.reserve(bytes + 512);
    qint64 clock = 0;
    quint64 events = 0;
    while (out.size() < bytes) {
        clock += random.bounded(1, 20000);
        const int kind = random.bounded(100);
        if (kind < 55) {
            out += "data: {\"trigger\":\"refresh\",\"timestamp\":\"" + timestamp(clock)
                   + "\",\"target\":\"agents\",\"id\":" + QByteArray::number(random.bounded(1, 500))
                   + ",\"project_id\":null}\n\n";
        } else if (kind < 90) {
            const QByteArray project =
                random.bounded(3) == 0 ? QByteArray::number(random.bounded(1, 9)) : QByteArray("null");
            out += "data: {\"trigger\":\"refresh\",\"timestamp\":\"" + timestamp(clock)
                   + "\",\"target\":\"campaigns\",\"id\":" + QByteArray::number(random.bounded(1, 10000))
                   + ",\"project_id\":" + project + "}\n\n";
        } else if (kind < 95) {
            out += "data: {\"trigger\":\"\xF0\x9F\x8E\x89 Hash cracked by gpu-node-"
                   + QByteArray::number(random.bounded(1, 64)) + ": 5f4dcc3b...\xE2\x86\x92hunter"
                   + QByteArray::number(random.bounded(1000)) + "\",\"timestamp\":\"" + timestamp(clock)
                   + "\",\"target\":\"toasts\",\"id\":null,\"project_id\":"
                   + QByteArray::number(random.bounded(1, 9)) + "}\n\n";
        } else {
            out += "data: {\"trigger\": \"ping\"}\n\n";
        }
        ++events;
    }
    *eventCount = events;
    return out;
}

quint64 memchrLineCount(const QByteArray &buffer)
{
    quint64 lines = 0;
    const char *p = buffer.constData();
    const char *const end = p + buffer.size();
    while ((p = static_cast<const char *>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
        ++lines;
        ++p;
    }
    return lines;
}

template <typename Function>
double bestSeconds(int runs, Function &&function)
{
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        function();
        best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char *name, const QString &fallback) {
        return bench::option(arguments, name, fallback);
    };
    const qint64 megabytes = option("--megabytes", QStringLiteral("128")).toLongLong();
    const int runs = option("--runs", QStringLiteral("5")).toInt();
    const QString writePath = option("--write", {});

    quint64 generatedEvents = 0;
    const QByteArray stream = makeStream(megabytes * 1024 * 1024, &generatedEvents);
    if (!writePath.isEmpty()) {
        QFile file(writePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(stream) != stream.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(writePath));
            return 2;
        }
    }

    quint64 lines = 0;
    const double memchrSeconds = bestSeconds(runs, [&] { lines = memchrLineCount(stream); });

    // Fed in 64 KiB chunks, as SseConnection reads from the network.
    constexpr qsizetype chunk = 64 * 1024;
    quint64 parsedEvents = 0;
    const double parserSeconds = bestSeconds(runs, [&] {
        CountingSink sink;
        SseParser parser(&sink);
        for (qsizetype at = 0; at < stream.size(); at += chunk)
            parser.feed(stream.constData() + at, std::min(chunk, stream.size() - at));
        parser.finish();
        parsedEvents = sink.events;
    });
    if (parsedEvents != generatedEvents || lines != 2 * generatedEvents) {
        std::fprintf(stderr, "mismatch: generated %llu events, parsed %llu, %llu lines\n",
                     static_cast<unsigned long long>(generatedEvents),
                     static_cast<unsigned long long>(parsedEvents), static_cast<unsigned long long>(lines));
        return 1;
    }

    const double mb = static_cast<double>(stream.size()) / 1e6;
    std::printf("stream: %.1f MB, %llu events (%.0f bytes/event), best of %d runs\n", mb,
                static_cast<unsigned long long>(parsedEvents),
                static_cast<double>(stream.size()) / parsedEvents, runs);
    std::printf("| what | MB/s | events/s |\n|---|---:|---:|\n");
    std::printf("| memchr line count (ceiling) | %.0f | %.0f |\n", mb / memchrSeconds,
                parsedEvents / memchrSeconds);
    std::printf("| SseParser (64 KiB chunks, decoded to QString) | %.0f | %.0f |\n", mb / parserSeconds,
                parsedEvents / parserSeconds);
    std::printf("parser / memchr = %.2f\n", memchrSeconds / parserSeconds);
    return 0;
}
