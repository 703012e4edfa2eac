// libFuzzer target for SseParser. Properties checked on every input:
//  - chunking invariance: whole, byte by byte, and cut at input-derived points give the same events,
//    retries, error state and last event ID;
//  - bounds: no dispatched event carries more data than the limit allows, no type longer than a line.
// The first byte picks the limits (small ones reach the error paths), the second seeds the cut points.
#include "RecordingSink.h"
#include "SseParser.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace swarmwatch;

namespace {

struct BoundedSink : test::RecordingSink {
    SseParser::Limits limits;
    void sseEvent(const SseEvent &event) override
    {
        // Decoding never makes text longer in UTF-16 units than its UTF-8 bytes. A type other than the
        // default came from one `event:` line, so it fits in a line.
        if (event.data.size() > limits.maxEventDataBytes)
            std::abort();
        if (event.type != QLatin1String("message") && event.type.size() > limits.maxLineBytes)
            std::abort();
        RecordingSink::sseEvent(event);
    }
};

struct Outcome {
    QStringList records;
    bool failed;
    QString lastEventId;
    bool operator==(const Outcome &) const = default;
};

Outcome run(const uint8_t *data, size_t size, const std::vector<size_t> &cuts, SseParser::Limits limits)
{
    BoundedSink sink;
    sink.limits = limits;
    SseParser parser(&sink, limits);
    size_t start = 0;
    bool ok = true;
    // Every piece in its own short-lived heap buffer, so a parser that kept pointing into a chunk reads freed
    // memory and AddressSanitizer stops it.
    const auto feedPiece = [&parser, data](size_t from, size_t to) {
        const std::vector<char> piece(data + from, data + to);
        return parser.feed(piece.data(), static_cast<qsizetype>(piece.size()));
    };
    for (size_t cut : cuts) {
        ok = feedPiece(start, cut) && ok;
        start = cut;
    }
    ok = feedPiece(start, size) && ok;
    parser.finish();
    return {sink.records, !ok || parser.hasError(), parser.lastEventId()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t limitsByte = data[0];
    uint32_t seed = data[1] | 1u;
    data += 2;
    size -= 2;

    SseParser::Limits limits;
    if (limitsByte & 0x80) {
        limits.maxLineBytes = 1 + (limitsByte & 0x3F);
        limits.maxEventDataBytes = 1 + ((limitsByte * 7) & 0x3F);
    }

    const Outcome whole = run(data, size, {}, limits);

    std::vector<size_t> everyByte;
    for (size_t i = 1; i < size; ++i)
        everyByte.push_back(i);
    if (run(data, size, everyByte, limits) != whole)
        std::abort();

    std::vector<size_t> cuts;
    for (size_t at = 0; at < size;) {
        seed = seed * 1103515245u + 12345u;
        at += 1 + (seed >> 16) % 17;
        if (at < size)
            cuts.push_back(at);
    }
    if (run(data, size, cuts, limits) != whole)
        std::abort();
    return 0;
}
