#include "ServerExplanation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace swarmwatch {

namespace {

QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > 200)
        text = text.left(200) + QChar(0x2026);
    return text;
}

} // namespace

QString serverExplanation(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue detail = object.value(QLatin1String("detail"));
        if (detail.isString())
            return shortened(detail.toString());
        if (detail.isArray()) {
            QStringList problems;
            for (const QJsonValue &item : detail.toArray()) {
                const QJsonObject problem = item.toObject();
                QStringList location;
                for (const QJsonValue &part : problem.value(QLatin1String("loc")).toArray())
                    location.append(part.isString() ? part.toString() : QString::number(part.toInteger()));
                problems.append(location.join(QLatin1Char('.')) + QStringLiteral(": ")
                                + problem.value(QLatin1String("msg")).toString());
            }
            return shortened(problems.join(QStringLiteral("; ")));
        }
        for (const char *key : {"message", "title"}) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isString())
                return shortened(value.toString());
        }
        return {};
    }
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return {}; // JSON cut short, or not an object: no words worth showing
    // Starlette's unhandled errors are plain text ("Internal Server Error"); keep it short and printable.
    return shortened(QString::fromUtf8(body.left(400)));
}

} // namespace swarmwatch
