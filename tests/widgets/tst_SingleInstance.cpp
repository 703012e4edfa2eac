// One SwarmWatch per user, through the real binary (offscreen): a second start hands its --server to the
// first and exits 0; a lock left by a killed instance is taken over.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int kWaitMs = 30000;
}

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartHandsOverAndStaleLockIsTaken();

private:
    std::unique_ptr<QProcess> start(const QStringList &arguments);
    QTemporaryDir m_home;
    QTemporaryDir m_runtime;
};

std::unique_ptr<QProcess> TestSingleInstance::start(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("swarmwatch.instance.info=true"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(SWARMWATCH_GUI_BINARY), arguments);
    return process;
}

void TestSingleInstance::secondStartHandsOverAndStaleLockIsTaken()
{
    QFile::setPermissions(m_runtime.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString socket = QDir(m_runtime.path()).filePath(QStringLiteral("swarmwatch.socket"));
    QByteArray firstLog;

    std::unique_ptr<QProcess> first = start({});
    QVERIFY(first->waitForStarted(kWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT((firstLog += first->readAllStandardError()).contains("the first instance"),
                             kWaitMs);
    QVERIFY(QFile::exists(socket));

    std::unique_ptr<QProcess> second =
        start({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9/")});
    QVERIFY(second->waitForFinished(kWaitMs));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
    QTRY_VERIFY_WITH_TIMEOUT((firstLog += first->readAllStandardError())
                                 .contains("activated by a later start: --server http://127.0.0.1:9/"),
                             kWaitMs);
    QCOMPARE(first->state(), QProcess::Running);

    // Killed without a chance to clean up: its lock and socket stay behind, and the next start takes over.
    first->kill();
    QVERIFY(first->waitForFinished(kWaitMs));
    QVERIFY(QFile::exists(socket));
    std::unique_ptr<QProcess> third = start({});
    QByteArray thirdLog;
    QTRY_VERIFY_WITH_TIMEOUT((thirdLog += third->readAllStandardError()).contains("the first instance"),
                             kWaitMs);
    std::unique_ptr<QProcess> fourth = start({QStringLiteral("--minimized")});
    QVERIFY(fourth->waitForFinished(kWaitMs));
    QCOMPARE(fourth->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        (thirdLog += third->readAllStandardError()).contains("activated by a later start"), kWaitMs);
    third->terminate();
    QVERIFY(third->waitForFinished(kWaitMs));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_SingleInstance.moc"
