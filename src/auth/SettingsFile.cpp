#include "SettingsFile.h"

namespace swarmwatch {

namespace {

QString defaultFileName()
{
    // A default QSettings knows the path (organization, application, XDG_CONFIG_HOME, setPath()); making one
    // reads the file once more at startup, which is cheap next to getting the path wrong.
    const QSettings defaults;
    return defaults.fileName();
}

} // namespace

SettingsFile::SettingsFile()
    : SettingsFile(defaultFileName(), QSettings::NativeFormat)
{}

SettingsFile::SettingsFile(const QString &fileName, QSettings::Format format)
    : m_fileName(fileName)
    , m_settings(std::make_unique<QSettings>(fileName, format))
{
    m_thread.setObjectName(QStringLiteral("settings writer"));
    m_settings->moveToThread(&m_thread);
    m_thread.start();
}

SettingsFile::~SettingsFile()
{
    flush();
    m_thread.quit();
    m_thread.wait();
    m_settings.reset(); // its thread has finished: nothing of it runs now
}

void SettingsFile::read(const std::function<void(QSettings &)> &read)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QSettings *settings = m_settings.get();
    QMetaObject::invokeMethod(
        settings, [settings, &read] { read(*settings); }, Qt::BlockingQueuedConnection);
}

void SettingsFile::edit(std::function<void(QSettings &)> edit)
{
    // Queued: the QSettings asks for a sync after a change and gets it after the edits queued by then, so a
    // burst of changes (a column dragged) costs a few syncs, not one each.
    QSettings *settings = m_settings.get();
    QMetaObject::invokeMethod(
        settings, [settings, edit = std::move(edit)] { edit(*settings); }, Qt::QueuedConnection);
}

void SettingsFile::flush()
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QSettings *settings = m_settings.get();
    QMetaObject::invokeMethod(
        settings, [settings] { settings->sync(); }, Qt::BlockingQueuedConnection);
}

} // namespace swarmwatch
