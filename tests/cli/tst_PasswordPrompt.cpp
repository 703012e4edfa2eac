// swarmwatch-cli login's password prompt on a real pseudo-terminal: echo off before the prompt shows, given
// back to the shell on Ctrl-Z, off again after `fg`, restored on Ctrl-C, and the password never echoed.
//
// The child runs in a session of its own (forkpty), so its process group is orphaned: the kernel discards a
// stop there, and this test plays the shell's part by hand. It sends SIGTSTP (the prompt must give the
// terminal back as it found it), turns echo on as a shell does when it takes the terminal back, then sends
// SIGCONT, as `fg` does.
#include "SimServer.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace swarmwatch::sim;

namespace {

constexpr int kWaitMs = 30000; // generous: a sanitizer build on two busy cores

} // namespace

class TestPasswordPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SimServer::Options options;
        options.world.campaigns = 3;
        options.ticksPerSecond = 0;
        m_sim = std::make_unique<SimServer>(options);
        QVERIFY(m_sim->start());
        m_output.clear();
        m_status.reset();
    }
    void cleanup()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
        if (m_master >= 0)
            ::close(m_master);
        m_master = -1;
        m_sim.reset();
    }

    void echoStaysOffAcrossCtrlZAndFg();
    void ctrlCGivesEchoBack();

private:
    void startLogin()
    {
        const QByteArray program = SWARMWATCH_CLI;
        const QByteArray server = m_sim->url().toString().toUtf8();
        // Everything the child needs is prepared before the fork: after it, only exec.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        environment.remove(QStringLiteral("SWARMWATCH_TOKEN"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        QList<QByteArray> variables;
        for (const QString &entry : environment.toStringList())
            variables.append(entry.toLocal8Bit());
        std::vector<char *> envp;
        for (QByteArray &variable : variables)
            envp.push_back(variable.data());
        envp.push_back(nullptr);
        QList<QByteArray> arguments{program, "login", "--server", server, "--email", SimWorld::kDemoEmail};
        std::vector<char *> argv;
        for (QByteArray &argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);

        m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
        QVERIFY2(m_pid >= 0, "forkpty failed");
        if (m_pid == 0) {
            ::execve(program.constData(), argv.data(), envp.data());
            ::_exit(127);
        }
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    }
    // What the child wrote so far (non-blocking; QTRY_* calls it while the simulator's events run).
    const QByteArray &output()
    {
        char buffer[4096];
        for (ssize_t n; (n = ::read(m_master, buffer, sizeof buffer)) > 0;)
            m_output.append(buffer, n);
        return m_output;
    }
    bool echoOn() const
    {
        termios mode{};
        ::tcgetattr(m_master, &mode);
        return (mode.c_lflag & ECHO) != 0;
    }
    void setEcho(bool on)
    {
        termios mode{};
        ::tcgetattr(m_master, &mode);
        if (on)
            mode.c_lflag |= ECHO;
        else
            mode.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(m_master, TCSANOW, &mode);
    }
    // Reaps the child once; QTRY_* evaluates its condition more than once, so the status is kept.
    bool exited()
    {
        int status = 0;
        if (!m_status && m_pid > 0 && ::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_status = status;
            m_pid = -1;
        }
        return m_status.has_value();
    }

    std::unique_ptr<SimServer> m_sim;
    QTemporaryDir m_config;
    pid_t m_pid = -1;
    int m_master = -1;
    QByteArray m_output;
    std::optional<int> m_status;
};

void TestPasswordPrompt::echoStaysOffAcrossCtrlZAndFg()
{
    startLogin();
    QTRY_VERIFY2_WITH_TIMEOUT(output().contains("Password: "), output().constData(), kWaitMs);
    QVERIFY2(!echoOn(), "the prompt showed with echo on");

    // Ctrl-Z: the shell gets its terminal back as it was, echo on.
    ::kill(m_pid, SIGTSTP);
    QTRY_VERIFY2_WITH_TIMEOUT(echoOn(), "echo still off after Ctrl-Z", kWaitMs);
    // `fg`: the shell hands the terminal over with its own settings (echo on) and continues the job.
    setEcho(true);
    ::kill(m_pid, SIGCONT);
    QTRY_VERIFY2_WITH_TIMEOUT(!echoOn(), "echo left on after fg", kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(output().count("Password: "), 2, kWaitMs); // asked again

    const QByteArray password = SimWorld::kDemoPassword;
    QCOMPARE(::write(m_master, password.constData(), static_cast<size_t>(password.size())),
             static_cast<ssize_t>(password.size()));
    QCOMPARE(::write(m_master, "\n", 1), ssize_t(1));
    QTRY_VERIFY2_WITH_TIMEOUT(output().contains("Logged in to"), output().constData(), kWaitMs);
    QVERIFY2(!output().contains(QByteArray("Password: " + password)), "the password was echoed");
    QTRY_VERIFY_WITH_TIMEOUT(exited(), kWaitMs);
    QVERIFY(WIFEXITED(*m_status));
    QCOMPARE(WEXITSTATUS(*m_status), 0);
    QVERIFY(echoOn()); // and the terminal is left as it was found
}

void TestPasswordPrompt::ctrlCGivesEchoBack()
{
    startLogin();
    QTRY_VERIFY2_WITH_TIMEOUT(output().contains("Password: "), output().constData(), kWaitMs);
    QVERIFY(!echoOn());
    ::kill(m_pid, SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(exited(), kWaitMs);
    QVERIFY2(WIFSIGNALED(*m_status), "Ctrl-C at the prompt must end it as Ctrl-C does");
    QCOMPARE(WTERMSIG(*m_status), SIGINT);
    QVERIFY2(echoOn(), "Ctrl-C at the prompt left echo off");
}

QTEST_GUILESS_MAIN(TestPasswordPrompt)
#include "tst_PasswordPrompt.moc"
