#pragma once

#include <QString>

namespace swarmwatch {

// Decodes UTF-8 as the WHATWG Encoding Standard's "UTF-8 decode without BOM" does: one U+FFFD per maximal
// invalid subpart, surrogates and overlong forms rejected. QString::fromUtf8 is not specified to replace
// exactly that way, and the SSE parser must match browsers byte for byte.
QString decodeUtf8Whatwg(const char *bytes, qsizetype size);

// The same, into out, reusing its buffer when no one else shares it: a parser that hands out one event at a
// time then allocates nothing per event unless a listener keeps the text.
void decodeUtf8Whatwg(const char *bytes, qsizetype size, QString &out);

} // namespace swarmwatch
