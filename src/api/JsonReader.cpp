#include "JsonReader.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace swarmwatch {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonReader", text);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Beyond ±(2^53 - 1) a JSON number read as a double may already be rounded, 2^53 + 1 to 2^53 included.
constexpr double kMaxExactInteger = 9007199254740992.0;

} // namespace

JsonReader::JsonReader(QJsonObject object, QString context)
    : m_object(std::move(object))
    , m_context(std::move(context))
{}

QString JsonReader::where(const char *key) const
{
    return join(m_context, QString::fromLatin1(key));
}

QString JsonReader::join(const QString &context, QStringView part)
{
    // The root context is "METHOD /path:"; nested fields are joined with dots.
    return context.endsWith(QLatin1Char(':')) ? context + QLatin1Char(' ') + part
                                              : context + QLatin1Char('.') + part;
}

void JsonReader::fail(const QString &path, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = path + QStringLiteral(": ") + problem;
}

bool JsonReader::present(const char *key, QJsonValue *value)
{
    *value = m_object.value(QLatin1String(key));
    return !value->isUndefined() && !value->isNull();
}

qint64 JsonReader::integer(const char *key)
{
    const auto value = optionalInteger(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected an integer)"));
    return value.value_or(0);
}

std::optional<qint64> JsonReader::optionalInteger(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::trunc(number) != number || std::fabs(number) >= kMaxExactInteger) {
        fail(where(key), tr("expected an integer, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

double JsonReader::number(const char *key)
{
    const auto value = optionalNumber(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected a number)"));
    return value.value_or(0.0);
}

std::optional<double> JsonReader::optionalNumber(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    if (!value.isDouble()) {
        fail(where(key), tr("expected a number, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toDouble();
}

QString JsonReader::string(const char *key)
{
    const auto value = optionalString(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected a string)"));
    return value.value_or(QString());
}

std::optional<QString> JsonReader::optionalString(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    if (!value.isString()) {
        fail(where(key), tr("expected a string, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toString();
}

bool JsonReader::boolean(const char *key)
{
    QJsonValue value;
    if (!present(key, &value)) {
        fail(where(key), tr("missing (expected a boolean)"));
        return false;
    }
    if (!value.isBool()) {
        fail(where(key), tr("expected a boolean, got %1").arg(typeName(value)));
        return false;
    }
    return value.toBool();
}

std::optional<bool> JsonReader::optionalBoolean(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    if (!value.isBool()) {
        fail(where(key), tr("expected a boolean, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toBool();
}

QDateTime JsonReader::time(const char *key)
{
    const auto value = optionalTime(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected a time)"));
    return value.value_or(QDateTime());
}

std::optional<QDateTime> JsonReader::optionalTime(const char *key)
{
    const auto text = optionalString(key);
    if (!text)
        return std::nullopt;
    const auto parsed = parseTime(*text);
    if (!parsed)
        fail(where(key), tr("expected an ISO 8601 time with a zone, got “%1”").arg(QString(*text).left(40)));
    return parsed;
}

std::optional<QDateTime> JsonReader::parseTime(const QString &text)
{
    // The API always gives a zone (Z or ±HH:MM) and 0 to 6 fractional digits. Qt keeps milliseconds.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString milliseconds = QString(match.captured(2) + QStringLiteral("000")).left(3);
    const QString zone =
        match.captured(3) == QLatin1String("Z") ? QStringLiteral("+00:00") : match.captured(3);
    const QDateTime parsed =
        QDateTime::fromString(match.captured(1) + QLatin1Char('.') + milliseconds + zone, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

QJsonArray JsonReader::array(const char *key)
{
    const auto value = optionalArray(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected an array)"));
    return value.value_or(QJsonArray());
}

std::optional<QJsonArray> JsonReader::optionalArray(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    if (!value.isArray()) {
        fail(where(key), tr("expected an array, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toArray();
}

QJsonObject JsonReader::object(const char *key)
{
    const auto value = optionalObject(key);
    if (!value && ok())
        fail(where(key), tr("missing (expected an object)"));
    return value.value_or(QJsonObject());
}

std::optional<QJsonObject> JsonReader::optionalObject(const char *key)
{
    QJsonValue value;
    if (!present(key, &value))
        return std::nullopt;
    if (!value.isObject()) {
        fail(where(key), tr("expected an object, got %1").arg(typeName(value)));
        return std::nullopt;
    }
    return value.toObject();
}

JsonReader JsonReader::child(const QJsonObject &object, const QString &path) const
{
    return JsonReader(object, join(m_context, path));
}

void JsonReader::adopt(const JsonReader &child)
{
    if (!child.ok() && m_error.isEmpty())
        m_error = child.error();
}

} // namespace swarmwatch
