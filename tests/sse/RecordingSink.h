#pragma once

#include "SseEventSink.h"

#include <QStringList>

namespace swarmwatch::test {

// Writes what a parser reports as one line each: "type|data|lastEventId" or "retry N".
class RecordingSink : public SseEventSink
{
public:
    void sseEvent(const SseEvent &event) override
    {
        records.append(event.type + QLatin1Char('|') + event.data + QLatin1Char('|') + event.lastEventId);
    }
    void sseRetry(qint64 milliseconds) override
    {
        records.append(QStringLiteral("retry %1").arg(milliseconds));
    }

    QStringList records;
};

} // namespace swarmwatch::test
