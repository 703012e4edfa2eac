#include "Utf8.h"

#include <cstdint>
#include <cstring>

namespace swarmwatch {

namespace {

bool isAscii(const char *bytes, qsizetype size) {
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, sizeof word);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < size; ++i) {
        if (static_cast<unsigned char>(bytes[i]) & 0x80)
            return false;
    }
    return true;
}

} // namespace

QString decodeUtf8Whatwg(const char *bytes, qsizetype size) {
    if (size == 0)
        return {};
    // The common case on CipherSwarm's feeds is pure ASCII JSON; Latin-1 decoding is the same there and
    // is vectorised by Qt.
    if (isAscii(bytes, size))
        return QString::fromLatin1(bytes, size);

    QString out(size, Qt::Uninitialized); // never more UTF-16 units than input bytes
    char16_t *dst = reinterpret_cast<char16_t *>(out.data());
    const auto emit = [&dst](char32_t codePoint) {
        if (codePoint < 0x10000) {
            *dst++ = static_cast<char16_t>(codePoint);
        } else {
            codePoint -= 0x10000;
            *dst++ = static_cast<char16_t>(0xD800 + (codePoint >> 10));
            *dst++ = static_cast<char16_t>(0xDC00 + (codePoint & 0x3FF));
        }
    };

    char32_t codePoint = 0;
    int bytesNeeded = 0;
    int bytesSeen = 0;
    unsigned lowerBoundary = 0x80;
    unsigned upperBoundary = 0xBF;
    qsizetype i = 0;
    while (i < size) {
        const unsigned byte = static_cast<unsigned char>(bytes[i]);
        if (bytesNeeded == 0) {
            ++i;
            if (byte <= 0x7F) {
                *dst++ = static_cast<char16_t>(byte);
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                bytesNeeded = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lowerBoundary = 0xA0;
                if (byte == 0xED)
                    upperBoundary = 0x9F;
                bytesNeeded = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lowerBoundary = 0x90;
                if (byte == 0xF4)
                    upperBoundary = 0x8F;
                bytesNeeded = 3;
                codePoint = byte & 0x7;
            } else {
                *dst++ = u'\uFFFD';
            }
            continue;
        }
        if (byte < lowerBoundary || byte > upperBoundary) {
            // The byte is not consumed: it starts the next sequence (the "prepend to stream" step).
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            *dst++ = u'\uFFFD';
            continue;
        }
        ++i;
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++bytesSeen != bytesNeeded)
            continue;
        emit(codePoint);
        codePoint = 0;
        bytesNeeded = 0;
        bytesSeen = 0;
    }
    if (bytesNeeded != 0)
        *dst++ = u'\uFFFD';
    out.truncate(dst - reinterpret_cast<const char16_t *>(out.constData()));
    return out;
}

} // namespace swarmwatch
