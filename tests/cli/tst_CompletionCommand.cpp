// `swarmwatch-cli completion bash|zsh` through the real binary: valid scripts that offer every command the
// CLI's own help lists (so the two cannot drift apart), and one clear line for an unknown shell.
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestCompletionCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bashScriptIsValidAndComplete();
    void zshScriptListsEveryCommand();
    void everyOptionIsOffered();
    void unknownShellIsOneLine();

private:
    struct Result {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(SWARMWATCH_CLI), arguments);
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }
    // The commands `swarmwatch-cli --help` lists.
    static QStringList helpCommands()
    {
        const QString help = QString::fromUtf8(run({QStringLiteral("--help")}).out);
        const QString section =
            help.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        QStringList commands;
        static const QRegularExpression line(QStringLiteral("^  ([a-z-]+) "),
                                             QRegularExpression::MultilineOption);
        for (const QRegularExpressionMatch &match : line.globalMatch(section))
            commands.append(match.captured(1));
        return commands;
    }
};

void TestCompletionCommand::bashScriptIsValidAndComplete()
{
    const Result result = run({QStringLiteral("completion"), QStringLiteral("bash")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("complete -F _swarmwatch_cli swarmwatch-cli"));
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-n")});
    QVERIFY(bash.waitForStarted());
    bash.write(result.out);
    bash.closeWriteChannel();
    QVERIFY(bash.waitForFinished(30000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    const QStringList commands = helpCommands();
    QVERIFY2(commands.size() >= 12, qPrintable(commands.join(QLatin1Char(' '))));
    const QString offered = QString::fromUtf8(result.out)
                                .section(QStringLiteral("local commands=\""), 1)
                                .section(QLatin1Char('"'), 0, 0);
    for (const QString &command : commands)
        QVERIFY2(offered.split(QLatin1Char(' ')).contains(command), qPrintable(command));
}

void TestCompletionCommand::zshScriptListsEveryCommand()
{
    const Result result = run({QStringLiteral("completion"), QStringLiteral("zsh")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("#compdef swarmwatch-cli\n"));
    for (const QString &command : helpCommands())
        QVERIFY2(result.out.contains(QStringLiteral("'%1:").arg(command).toUtf8()), qPrintable(command));
}

void TestCompletionCommand::everyOptionIsOffered()
{
    // Each command's own --help is the truth; both scripts must offer each of its long options.
    const QByteArray bash = run({QStringLiteral("completion"), QStringLiteral("bash")}).out;
    const QByteArray zsh = run({QStringLiteral("completion"), QStringLiteral("zsh")}).out;
    static const QRegularExpression option(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z-]+)"),
                                           QRegularExpression::MultilineOption);
    int checked = 0;
    for (const QString &command : helpCommands()) {
        if (command == QLatin1String("help"))
            continue;
        const Result help = run({command, QStringLiteral("--help")});
        QVERIFY2(help.exitCode == 0, qPrintable(command));
        for (const QRegularExpressionMatch &match : option.globalMatch(QString::fromUtf8(help.out))) {
            const QByteArray name = match.captured(1).toUtf8();
            if (name == "--help-all")
                continue;
            QVERIFY2(
                bash.contains(QByteArray(name + ' ')) || bash.contains(QByteArray(name + '"'))
                    || bash.contains(QByteArray(name + ')')),
                qPrintable(command + QLatin1Char(' ') + QString::fromUtf8(name) + QStringLiteral(" (bash)")));
            QVERIFY2(
                zsh.contains(QByteArray("'" + name)),
                qPrintable(command + QLatin1Char(' ') + QString::fromUtf8(name) + QStringLiteral(" (zsh)")));
            ++checked;
        }
    }
    QVERIFY2(checked > 30, qPrintable(QString::number(checked)));

    // And the values --sort takes, as `campaigns --help` lists them.
    const QString help =
        QString::fromUtf8(run({QStringLiteral("campaigns"), QStringLiteral("--help")}).out).simplified();
    const QStringList keys = help.section(QStringLiteral("Order by one of "), 1)
                                 .section(QLatin1Char(';'), 0, 0)
                                 .split(QStringLiteral(", "));
    QVERIFY2(keys.size() >= 8, qPrintable(help));
    for (const QString &key : keys) {
        QVERIFY2(bash.contains(key.toUtf8()), qPrintable(key));
        QVERIFY2(zsh.contains(key.toUtf8()), qPrintable(key));
    }
}

void TestCompletionCommand::unknownShellIsOneLine()
{
    for (const QStringList &arguments : {QStringList{QStringLiteral("completion")},
                                         QStringList{QStringLiteral("completion"), QStringLiteral("fish")}}) {
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(result.err.contains("bash or zsh"));
    }
    const Result help = run({QStringLiteral("completion"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith("Usage: swarmwatch-cli completion"));
}

QTEST_GUILESS_MAIN(TestCompletionCommand)
#include "tst_CompletionCommand.moc"
