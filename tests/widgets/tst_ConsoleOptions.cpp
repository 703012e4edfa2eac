// swarmwatch's command line: parsed before any window system is touched, so that --help and --version work
// over SSH without a display, and a mistake is one line and exit status 2. The binary itself is run too.
#include "ConsoleOptions.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmwatch;

namespace {

ConsoleOptions parse(const QStringList &arguments)
{
    return ConsoleOptions::parse(QStringList{QStringLiteral("swarmwatch")} + arguments,
                                 QStringLiteral("1.2.3"));
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The real binary with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
Run runWithoutDisplay(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SWARMWATCH_GUI_BINARY), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestConsoleOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsRun()
    {
        const ConsoleOptions options = parse({});
        QCOMPARE(options.action, ConsoleOptions::Action::Run);
        QVERIFY(!options.demo && !options.minimized && options.server.isEmpty());
    }
    void optionsAreRead()
    {
        ConsoleOptions options = parse({QStringLiteral("--demo"), QStringLiteral("--demo-campaigns"),
                                        QStringLiteral("500"), QStringLiteral("--minimized")});
        QCOMPARE(options.action, ConsoleOptions::Action::Run);
        QVERIFY(options.demo && options.minimized);
        QCOMPARE(options.demoCampaigns, 500);
        options = parse({QStringLiteral("--server=https://cs.example:8443")});
        QCOMPARE(options.server, QUrl(QStringLiteral("https://cs.example:8443")));
        // Qt's own options pass through to QApplication.
        options = parse({QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--demo")});
        QCOMPARE(options.action, ConsoleOptions::Action::Run);
        QVERIFY(options.demo);
    }
    void helpAndVersionExitZero()
    {
        ConsoleOptions options = parse({QStringLiteral("--help")});
        QCOMPARE(options.action, ConsoleOptions::Action::Exit);
        QCOMPARE(options.exitCode, 0);
        QVERIFY(options.output.startsWith(QStringLiteral("Usage: swarmwatch [options]")));
        for (const char *option : {"--server", "--demo", "--demo-campaigns", "--minimized", "--version"})
            QVERIFY2(options.output.contains(QLatin1String(option)), option);
        options = parse({QStringLiteral("-v")});
        QCOMPARE(options.output, QStringLiteral("swarmwatch 1.2.3\n"));
    }
    void mistakesAreOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")}
                                    << QStringLiteral("unexpected argument");
        QTest::newRow("bad url") << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://x")}
                                 << QStringLiteral("http(s) URL");
        QTest::newRow("bad count") << QStringList{QStringLiteral("--demo"),
                                                  QStringLiteral("--demo-campaigns"), QStringLiteral("lots")}
                                   << QStringLiteral("--demo-campaigns");
        QTest::newRow("both") << QStringList{QStringLiteral("--demo"), QStringLiteral("--server"),
                                             QStringLiteral("https://x.example")}
                              << QStringLiteral("exclude each other");
    }
    void mistakesAreOneLineAndExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const ConsoleOptions options = parse(arguments);
        QCOMPARE(options.action, ConsoleOptions::Action::Exit);
        QCOMPARE(options.exitCode, 2);
        QVERIFY2(options.output.startsWith(QStringLiteral("swarmwatch: ")), qPrintable(options.output));
        QVERIFY2(options.output.contains(message), qPrintable(options.output));
        QCOMPARE(options.output.count(QLatin1Char('\n')), 1);
    }
    void theBinaryAnswersWithoutADisplay()
    {
        const Run help = runWithoutDisplay({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: swarmwatch [options]"));
        QCOMPARE(help.err, QByteArray());
        const Run version = runWithoutDisplay({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("swarmwatch " SWARMWATCH_VERSION "\n"));
        // Starting the window without one: a line that says so, not Qt's abort.
        const Run window = runWithoutDisplay({});
        QCOMPARE(window.exitCode, 1);
        QVERIFY2(window.err.startsWith("swarmwatch: no display") && window.err.contains("swarmwatch-cli")
                     && window.err.count('\n') == 1,
                 window.err.constData());
        const Run wrong = runWithoutDisplay({QStringLiteral("--bogus")});
        QCOMPARE(wrong.exitCode, 2);
        QCOMPARE(wrong.out, QByteArray());
        QCOMPARE(wrong.err, QByteArray("swarmwatch: Unknown option 'bogus'. (see --help)\n"));
    }
    void theDemoGoesLiveByItself()
    {
        // swarmwatch --demo as ./scripts/demo starts it (offscreen here): its own simulator, no sign-in,
        // live.
        QTemporaryDir config;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("swarmwatch.model.info=true"));
        process.setProcessEnvironment(environment);
        QByteArray log;
        connect(&process, &QProcess::readyReadStandardError, this,
                [&process, &log] { log += process.readAllStandardError(); });
        process.start(QStringLiteral(SWARMWATCH_GUI_BINARY), {QStringLiteral("--demo")});
        QVERIFY(process.waitForStarted(30000));
        const bool live = QTest::qWaitFor([&log] { return log.contains("status: live"); }, 30000);
        process.terminate();
        if (!process.waitForFinished(30000))
            process.kill();
        QVERIFY2(live, log.right(2000).constData());
        QVERIFY2(log.contains("console: swarmwatch::ConsoleSession::State::SignedIn"),
                 log.right(2000).constData());
    }
};

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_ConsoleOptions.moc"
