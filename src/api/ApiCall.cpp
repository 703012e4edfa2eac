#include "ApiCall.h"

namespace swarmwatch {

void ApiCall::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    if (auto abort = std::exchange(m_abort, {}))
        abort();
    markFinished();
}

void ApiCall::markFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    m_abort = {};
    Q_EMIT finished();
    deleteLater();
}

} // namespace swarmwatch
