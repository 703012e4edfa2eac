#include "Utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace swarmwatch {

namespace {

// Widens the leading ASCII run of [src, src + size) into dst; returns how many bytes it took.
qsizetype widenAsciiPrefix(const char *src, qsizetype size, char16_t *dst)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= size; i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src + i));
        if (_mm_movemask_epi8(chunk) != 0)
            break;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + i), _mm_unpacklo_epi8(chunk, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + i + 8), _mm_unpackhi_epi8(chunk, zero));
    }
#endif
    for (; i < size && static_cast<unsigned char>(src[i]) < 0x80; ++i)
        dst[i] = static_cast<char16_t>(src[i]);
    return i;
}

} // namespace

QString decodeUtf8Whatwg(const char *bytes, qsizetype size)
{
    QString out;
    decodeUtf8Whatwg(bytes, size, out);
    return out;
}

void decodeUtf8Whatwg(const char *bytes, qsizetype size, QString &out)
{
    // Never more UTF-16 units than input bytes. resize() reuses an unshared buffer's capacity.
    out.resize(size);
    char16_t *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *dst = begin;

    qsizetype i = widenAsciiPrefix(bytes, size, dst);
    if (i == size)
        return; // all ASCII: the size is already right
    dst += i;

    char32_t codePoint = 0;
    int bytesNeeded = 0;
    int bytesSeen = 0;
    unsigned lowerBoundary = 0x80;
    unsigned upperBoundary = 0xBF;
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
        if (codePoint < 0x10000) {
            *dst++ = static_cast<char16_t>(codePoint);
        } else {
            codePoint -= 0x10000;
            *dst++ = static_cast<char16_t>(0xD800 + (codePoint >> 10));
            *dst++ = static_cast<char16_t>(0xDC00 + (codePoint & 0x3FF));
        }
        codePoint = 0;
        bytesNeeded = 0;
        bytesSeen = 0;
    }
    if (bytesNeeded != 0)
        *dst++ = u'\uFFFD';
    out.resize(dst - begin);
}

} // namespace swarmwatch
