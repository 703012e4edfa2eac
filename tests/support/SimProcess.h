#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

// swarmwatch-sim in a process of its own, for worlds too large to serve from a test's own thread and for
// benchmarks, where the server's work must not be counted as the client's.
class SimProcess
{
public:
    SimProcess();
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // Starts it on a free port with `arguments` after "--port 0" (a frozen world unless they say "--rate");
    // waits up to `timeoutMs` for its address. On failure `error` says why.
    bool start(const QStringList &arguments, QString *error, int timeoutMs = 30000);
    void stop();
    QUrl url() const { return m_url; }
    qint64 processId() const { return m_process.processId(); }
    static QString program();

private:
    QProcess m_process;
    QUrl m_url;
};
