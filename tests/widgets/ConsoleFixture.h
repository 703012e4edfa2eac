#pragma once

// The desktop console as the app builds it (settings over a file of the test's own, the real keychain under a
// test service name, ConsoleSession, StatusPresenter, MainWindow) against the simulated CipherSwarm on
// 127.0.0.1. Widgets run offscreen; screenshots go to the build folder.
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "CredentialStore.h"
#include "LoginSettings.h"
#include "MainWindow.h"
#include "SettingsFile.h"
#include "SimServer.h"
#include "StatusPresenter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace swarmwatch::test {

constexpr int kWaitMs = 30000; // generous: 2 busy cores under load

struct ConsoleFixture {
    std::unique_ptr<sim::SimServer> sim;
    QTemporaryDir config;
    std::unique_ptr<SettingsFile> settingsFile;
    std::unique_ptr<ConsoleSettings> settings;
    std::unique_ptr<LoginSettings> logins;
    std::unique_ptr<CredentialStore> credentials;
    std::unique_ptr<ConsoleSession> console;
    std::unique_ptr<StatusPresenter> presenter;
    std::unique_ptr<MainWindow> window;

    bool startSim(int campaigns = 30)
    {
        sim::SimServer::Options options;
        options.world.campaigns = campaigns;
        options.world.agents = 5;
        options.ticksPerSecond = 0; // the test moves the world
        options.pingInterval = std::chrono::milliseconds(1000);
        sim = std::make_unique<sim::SimServer>(options);
        return sim->start();
    }
    void open()
    {
        settingsFile = std::make_unique<SettingsFile>(config.filePath(QStringLiteral("swarmwatch.conf")),
                                                      QSettings::IniFormat);
        settings = std::make_unique<ConsoleSettings>(settingsFile.get());
        logins = std::make_unique<LoginSettings>(settingsFile.get());
        credentials = std::make_unique<CredentialStore>(QStringLiteral("SwarmWatchTest"));
        console = std::make_unique<ConsoleSession>(settings.get(), logins.get(), credentials.get(), nullptr);
        presenter = std::make_unique<StatusPresenter>(console.get());
        openWindow();
    }
    void openWindow()
    {
        window = std::make_unique<MainWindow>(console.get(), settings.get(), presenter.get());
        window->show();
    }
    void closeWindow()
    {
        if (window)
            window->close(); // saves its state, as a user's close does
        window.reset();
    }
    void close()
    {
        closeWindow();
        presenter.reset();
        console.reset();
        credentials.reset();
        logins.reset();
        settings.reset();
        settingsFile.reset();
    }
    bool signInDemo()
    {
        std::optional<ApiError> result;
        console->signInDemo(sim->url(), QString::fromLatin1(sim::SimWorld::kDemoEmail),
                            QString::fromLatin1(sim::SimWorld::kDemoPassword),
                            [&result](const ApiError &e) { result = e; });
        return QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs) && !result->isError();
    }
    int listed(int projectId) const
    {
        return static_cast<int>(sim->world().listedCampaigns(projectId).size());
    }

    // For a person to look at: build/.../tests/widgets/screenshots/<name>.png
    static void screenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots");
        QDir().mkpath(folder);
        // A text changed since the event loop last ran is laid out only when the posted layout requests run;
        // without this a label that just grew is drawn clipped ("Recc").
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
};

} // namespace swarmwatch::test
