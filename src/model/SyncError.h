#pragma once

#include "ApiError.h"

#include <QMetaType>
#include <QString>

namespace swarmwatch {

// A REST failure LiveSync reports: what kind, which endpoint (ids folded to {id}, so that one failing
// endpoint over a thousand campaigns is one error), the first message, and how often it happened.
struct SyncError {
    ApiError::Kind kind = ApiError::Kind::None;
    int httpStatus = 0;
    QString endpoint;      // "GET /api/v1/web/campaigns/{id}/metrics"
    QString message;       // the first occurrence's, with its own id
    int count = 1;         // occurrences so far in this episode
    bool repeated = false; // a summary of repeats of an error reported before
    bool htmlBody = false; // an HTML page answered (see ApiError)

    QString describe() const;
    static QString kindName(ApiError::Kind kind);
    static QString endpointTemplate(const QString &endpoint);
};

} // namespace swarmwatch

Q_DECLARE_METATYPE(swarmwatch::SyncError)
