#include "AbortReply.h"

#include <QNetworkReply>

namespace swarmwatch {

void abortReply(QNetworkReply *reply)
{
    if (reply && reply->isRunning() && reply->error() == QNetworkReply::NoError)
        reply->abort();
}

} // namespace swarmwatch
