#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace swarmwatch::sim {

// The simulator's own JSON writer. It shares nothing with the client's decoding on purpose, and writes keys
// in the order given, compact, as CipherSwarm (FastAPI/Starlette) does: {"a":1,"b":null}.
class SimJson
{
public:
    SimJson &beginObject();
    SimJson &endObject();
    SimJson &beginArray(const char *key = nullptr);
    SimJson &endArray();
    SimJson &key(const char *name);
    SimJson &value(const QString &text);
    SimJson &value(const char *text);
    SimJson &value(qint64 number);
    SimJson &value(int number) { return value(static_cast<qint64>(number)); }
    SimJson &value(double number);
    SimJson &value(bool flag);
    SimJson &null();
    SimJson &time(const QDateTime &when); // ISO 8601 UTC with microseconds, "Z"; fraction omitted when zero
    SimJson &raw(const QByteArray &json);
    template <typename T>
    SimJson &field(const char *name, const T &v)
    {
        return key(name).value(v);
    }
    template <typename T>
    SimJson &field(const char *name, const std::optional<T> &v)
    {
        key(name);
        return v ? value(*v) : null();
    }
    SimJson &timeField(const char *name, const QDateTime &when)
    {
        key(name);
        return when.isValid() ? time(when) : null();
    }

    QByteArray take() { return std::move(m_out); }
    const QByteArray &bytes() const { return m_out; }

    static QByteArray quote(const QString &text);
    static QByteArray formatTime(const QDateTime &when);

private:
    void separate();

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace swarmwatch::sim
