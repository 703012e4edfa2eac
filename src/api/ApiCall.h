#pragma once

#include <QObject>

#include <functional>

namespace swarmwatch {

// A handle on one operation against the server (which may take several HTTP requests: pages, a token refresh
// and a retry). cancel() aborts what is in flight and guarantees the callback is not called.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void cancel();
    bool isCancelled() const { return m_cancelled; }
    bool isFinished() const { return m_finished; }

    // For the layers that run the operation: what cancel() must abort right now, and the end.
    void setAbort(std::function<void()> abort) { m_abort = std::move(abort); }
    void markFinished();

Q_SIGNALS:
    void finished();

private:
    std::function<void()> m_abort;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace swarmwatch
