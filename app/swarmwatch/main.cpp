#include "Autostart.h"
#include "ConsoleOptions.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "CredentialStore.h"
#include "DesktopIntegration.h"
#include "Icons.h"
#include "Journal.h"
#include "JournalRecorder.h"
#include "LoginSettings.h"
#include "MainWindow.h"
#include "SettingsFile.h"
#include "SimServer.h"
#include "SingleInstance.h"
#include "StatusPresenter.h"
#include "SystemNetworkReachability.h"

#include <QApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    using namespace swarmwatch;
    // The command line first: --help and --version must work over SSH, without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const ConsoleOptions options = ConsoleOptions::parse(arguments, QStringLiteral(SWARMWATCH_VERSION));
    if (options.action == ConsoleOptions::Action::Exit) {
        std::fputs(options.output.toLocal8Bit().constData(), options.exitCode == 0 ? stdout : stderr);
        return options.exitCode;
    }

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Without a display Qt aborts with a page about reinstalling; say what is missing, and what works over
    // SSH.
    const bool platformChosen =
        !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || arguments.contains(QStringLiteral("-platform"));
    if (!platformChosen && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fputs("swarmwatch: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); over SSH, use "
                   "swarmwatch-cli\n",
                   stderr);
        return 1;
    }
#endif

    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SwarmWatch"));
    QApplication::setApplicationName(QStringLiteral("swarmwatch"));
    QApplication::setApplicationDisplayName(QStringLiteral("SwarmWatch"));
    QApplication::setApplicationVersion(QStringLiteral(SWARMWATCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("swarmwatch"));
    QApplication::setWindowIcon(Icons::application());
    // The user's language where a translation exists (compiled in from resources/translations).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("swarmwatch"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("swarmwatch.*.debug=false\nswarmwatch.*.info=false"));

    // One SwarmWatch per user: a second start hands its --server to the first, which shows itself. The demo
    // runs beside anything (its server and token are its own).
    std::unique_ptr<SingleInstance> instance;
    if (!options.demo) {
        instance = std::make_unique<SingleInstance>(SingleInstance::defaultDirectory());
        if (instance->claim() == SingleInstance::Role::Secondary) {
            QStringList handed;
            if (options.server.isValid())
                handed << QStringLiteral("--server") << options.server.toString();
            if (options.minimized)
                handed << QStringLiteral("--minimized");
            if (instance->handOver(handed))
                return 0;
            std::fputs("swarmwatch: another SwarmWatch is running but did not answer\n", stderr);
            return 1;
        }
    }

    // Shared with swarmwatch-cli: the same settings file and keychain entries.
    SettingsFile settingsFile;
    ConsoleSettings settings(&settingsFile);
    LoginSettings logins(&settingsFile);
    CredentialStore credentials;
    SystemNetworkReachability reachability;
    ConsoleSession console(&settings, &logins, &credentials, &reachability);
    StatusPresenter presenter(&console);
    MainWindow window(&console, &settings, &presenter);
    // The journal: the operator's history on disk. The demo's goes to a folder of its own, deleted at exit.
    QTemporaryDir demoData;
    Journal journal(options.demo ? demoData.filePath(QStringLiteral("journal.sqlite"))
                                 : Journal::defaultPath());
    const auto retention = [&settings] {
        JournalRetention limits;
        limits.maxAgeDays =
            std::max<qint64>(1, qint64(settings.number(ConsoleSettings::Key::JournalMaxAgeDays)));
        limits.maxBytes =
            std::max<qint64>(1, qint64(settings.number(ConsoleSettings::Key::JournalMaxMegabytes))) * 1024
            * 1024;
        return limits;
    };
    journal.setRetention(retention());
    QObject::connect(&settings, &ConsoleSettings::changed, &journal,
                     [&journal, retention](ConsoleSettings::Key key) {
                         if (key == ConsoleSettings::Key::JournalMaxAgeDays
                             || key == ConsoleSettings::Key::JournalMaxMegabytes) {
                             journal.setRetention(retention());
                             journal.applyRetention();
                         }
                     });
    journal.open(); // a problem is shown in the Journal view; SwarmWatch runs on without one
    JournalRecorder recorder(&journal);
    recorder.watch(&console);
    window.setJournal(&journal);
    Autostart autostart(Autostart::defaultConfigDirectory(), QCoreApplication::applicationFilePath());
    // The tray, notifications and the hand-over from a second start: the application's, not the window's.
    DesktopIntegration desktop(&console, &settings, &presenter, &window, &autostart);
    if (instance)
        QObject::connect(instance.get(), &SingleInstance::activated, &desktop, &DesktopIntegration::activate);

    std::unique_ptr<sim::SimServer> demo;
    if (options.demo) {
        sim::SimServer::Options world;
        if (options.demoCampaigns > 0)
            world.world.campaigns = options.demoCampaigns;
        world.pingInterval = std::chrono::seconds(15);
        demo = std::make_unique<sim::SimServer>(world);
        if (!demo->start()) {
            std::fputs("swarmwatch: the demo server could not listen on 127.0.0.1\n", stderr);
            return 1;
        }
        console.signInDemo(
            demo->url(), QString::fromLatin1(sim::SimWorld::kDemoEmail),
            QString::fromLatin1(sim::SimWorld::kDemoPassword), [&window](const ApiError &error) {
                if (error.isError())
                    QMessageBox::warning(&window, QObject::tr("Demo"),
                                         QObject::tr("The demo could not start: %1").arg(error.message));
            });
    } else {
        console.restore(options.server);
    }
    desktop.start(options.minimized || settings.flag(ConsoleSettings::Key::StartMinimized));
    return QApplication::exec();
}
