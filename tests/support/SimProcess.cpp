#include "SimProcess.h"

#include <QDeadlineTimer>

SimProcess::SimProcess()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

SimProcess::~SimProcess()
{
    stop();
}

QString SimProcess::program()
{
    return QStringLiteral(SWARMWATCH_SIM);
}

bool SimProcess::start(const QStringList &arguments, QString *error, int timeoutMs)
{
    QStringList all{QStringLiteral("--port"), QStringLiteral("0")};
    if (!arguments.contains(QStringLiteral("--rate")))
        all += QStringList{QStringLiteral("--rate"), QStringLiteral("0")};
    m_process.start(program(), all + arguments);
    const QDeadlineTimer deadline(timeoutMs);
    if (!m_process.waitForStarted(static_cast<int>(deadline.remainingTime()))) {
        *error = QStringLiteral("swarmwatch-sim did not start: ") + m_process.errorString();
        return false;
    }
    // Its first line is "Simulated CipherSwarm at http://127.0.0.1:PORT".
    while (!m_process.canReadLine() && m_process.state() == QProcess::Running && !deadline.hasExpired())
        m_process.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    if (!m_process.canReadLine()) {
        *error = m_process.state() == QProcess::Running
                     ? QStringLiteral("swarmwatch-sim printed no address within %1 s").arg(timeoutMs / 1000)
                     : QStringLiteral("swarmwatch-sim exited with code %1 before printing its address")
                           .arg(m_process.exitCode());
        return false;
    }
    const QByteArray banner = m_process.readLine();
    m_url = QUrl(QString::fromLatin1(banner.mid(banner.indexOf("http")).trimmed()));
    if (!m_url.isValid() || m_url.port() <= 0) {
        *error = QStringLiteral("swarmwatch-sim printed no address: ") + QString::fromLatin1(banner);
        return false;
    }
    return true;
}

void SimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(30000);
}
