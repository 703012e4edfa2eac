#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace swarmwatch {

// Reads fields out of a JSON object with validation. The first problem is kept, naming the field and where it
// came from (e.g. "GET /api/v1/web/agents: items[2].last_seen_at: expected a time with a zone"); later reads
// return defaults, so a decoder reads everything and checks ok() once. Unknown fields are simply not read.
// A nullable field that is absent counts as null: the API always sends them, but tolerating it costs nothing.
class JsonReader
{
public:
    JsonReader(QJsonObject object, QString context);

    qint64 integer(const char *key);
    std::optional<qint64> optionalInteger(const char *key);
    double number(const char *key);
    std::optional<double> optionalNumber(const char *key);
    QString string(const char *key);
    std::optional<QString> optionalString(const char *key);
    bool boolean(const char *key);
    std::optional<bool> optionalBoolean(const char *key);
    QDateTime time(const char *key);
    std::optional<QDateTime> optionalTime(const char *key);
    QJsonArray array(const char *key);
    std::optional<QJsonArray> optionalArray(const char *key);
    QJsonObject object(const char *key);
    std::optional<QJsonObject> optionalObject(const char *key);

    // A reader for a nested object, reporting into this one.
    JsonReader child(const QJsonObject &object, const QString &path) const;
    void adopt(const JsonReader &child);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString context() const { return m_context; }
    void fail(const QString &path, const QString &problem);

    static std::optional<QDateTime> parseTime(const QString &text);
    static QString join(const QString &context, QStringView part);

private:
    bool present(const char *key, QJsonValue *value);
    QString where(const char *key) const;

    QJsonObject m_object;
    QString m_context;
    QString m_error;
};

} // namespace swarmwatch
