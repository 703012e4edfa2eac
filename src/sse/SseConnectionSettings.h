#pragma once

#include "SseParser.h"

#include <QList>
#include <QSslCertificate>

#include <chrono>
#include <optional>

namespace swarmwatch {

// Tunables of an SseConnection. The defaults suit CipherSwarm: it pings after 30 s of silence, so 75 s
// without a byte means the connection is dead.
struct SseConnectionSettings {
    std::chrono::milliseconds initialRetryDelay{1000}; // until the server sends `retry:`
    std::chrono::milliseconds maxRetryDelay{30000};
    std::chrono::milliseconds idleTimeout{75000};
    std::chrono::milliseconds healthyAfter{60000};    // live this long, and the attempt count starts over
    std::chrono::milliseconds maxRetryAfter{3600000}; // a Retry-After beyond this is clamped
    int maxRedirects = 5;
    SseParser::Limits limits;
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system store
    QList<QByteArray> pinnedCertificates; // SHA-256 fingerprints the user chose to trust (CertificatePins)
    std::optional<quint32> jitterSeed;    // fixed only in tests
};

} // namespace swarmwatch
