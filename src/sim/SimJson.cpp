#include "SimJson.h"

#include <QTimeZone>

#include <cmath>

namespace swarmwatch::sim {

void SimJson::separate()
{
    if (m_needComma)
        m_out.append(',');
    m_needComma = true;
}

SimJson &SimJson::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

SimJson &SimJson::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

SimJson &SimJson::beginArray(const char *name)
{
    if (name)
        key(name);
    else
        separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

SimJson &SimJson::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

SimJson &SimJson::key(const char *name)
{
    separate();
    m_out.append(quote(QString::fromUtf8(name)));
    m_out.append(':');
    m_needComma = false; // the value follows without a comma
    return *this;
}

SimJson &SimJson::value(const QString &text)
{
    separate();
    m_out.append(quote(text));
    return *this;
}

SimJson &SimJson::value(const char *text)
{
    return value(QString::fromUtf8(text));
}

SimJson &SimJson::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

SimJson &SimJson::value(double number)
{
    separate();
    if (!std::isfinite(number))
        number = 0;
    QByteArray text = QByteArray::number(number, 'g', 15);
    if (!text.contains('.') && !text.contains('e'))
        text.append(".0"); // Python writes floats with a point
    m_out.append(text);
    return *this;
}

SimJson &SimJson::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

SimJson &SimJson::null()
{
    separate();
    m_out.append("null");
    return *this;
}

SimJson &SimJson::time(const QDateTime &when)
{
    separate();
    m_out.append('"' + formatTime(when) + '"');
    return *this;
}

SimJson &SimJson::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

QByteArray SimJson::formatTime(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    QByteArray text = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1();
    const int milliseconds = utc.time().msec();
    if (milliseconds != 0) // microsecond precision, as Python prints it; zero fractions are omitted
        text += '.' + QByteArray::number(milliseconds * 1000).rightJustified(6, '0');
    return text + 'Z';
}

QByteArray SimJson::quote(const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (c == '\n') {
            out.append("\\n");
        } else if (byte < 0x20) {
            out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xF]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
    return out;
}

} // namespace swarmwatch::sim
