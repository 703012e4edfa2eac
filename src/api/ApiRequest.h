#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace swarmwatch {

struct ApiRequest {
    // The transport starts higher priorities first (in order within one): what a person waits for and list
    // pages before trigger refetches, and those before background resync work.
    enum class Priority { High, Normal, Low };
    static constexpr int kPriorities = 3;

    QByteArray method = "GET";
    QString path; // canonical, no trailing slash: /api/v1/web/campaigns
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    Priority priority = Priority::Normal;

    QString describe() const { return QString::fromLatin1(method) + QLatin1Char(' ') + path; }
};

struct ApiResponse {
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;
    ApiError error; // network-level failure only; HTTP statuses are for the caller to judge
};

} // namespace swarmwatch
