#include "DesktopIntegration.h"

#include "Autostart.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "DesktopNotifications.h"
#include "Icons.h"
#include "LiveSync.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "SleepWatcher.h"
#include "StatusPresenter.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QUrl>

namespace swarmwatch {

namespace {
// How often to look for a tray that was not there (a panel started after SwarmWatch, an extension enabled).
constexpr int kTrayPollMs = 5000;
} // namespace

DesktopIntegration::DesktopIntegration(ConsoleSession *console, ConsoleSettings *settings,
                                       StatusPresenter *presenter, MainWindow *window, Autostart *autostart,
                                       Notifier::Clock clock, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_settings(settings)
    , m_presenter(presenter)
    , m_window(window)
    , m_autostart(autostart)
    , m_notifier(std::make_unique<Notifier>(settings, std::move(clock)))
    , m_notifications(std::make_unique<DesktopNotifications>())
    , m_sleep(std::make_unique<SleepWatcher>())
    , m_trayPoll(new QTimer(this))
{
    m_notifier->watch(console);
    connect(m_notifier.get(), &Notifier::show, this, &DesktopIntegration::present);
    connect(m_notifier.get(), &Notifier::withdraw, m_notifications.get(), &DesktopNotifications::withdraw);
    connect(m_notifier.get(), &Notifier::unseenCracksChanged, this, &DesktopIntegration::updateTray);
    connect(m_notifier.get(), &Notifier::pausedChanged, this, &DesktopIntegration::updateTray);
    connect(m_notifications.get(), &DesktopNotifications::actionInvoked, this, &DesktopIntegration::onAction);
    connect(m_sleep.get(), &SleepWatcher::sleeping, m_notifier.get(), &Notifier::systemSleeping);
    connect(m_sleep.get(), &SleepWatcher::resumed, m_notifier.get(), &Notifier::systemResumed);
    // No notification service: the tray's balloon, where there is a tray.
    m_notifications->setFallback([this](const Notification &notification) {
        if (m_tray && m_tray->isVisible())
            m_tray->showMessage(notification.summary, notification.body,
                                notification.urgent ? QSystemTrayIcon::Warning
                                                    : QSystemTrayIcon::Information);
    });

    m_menu = std::make_unique<QMenu>();
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_showAction = m_menu->addAction(tr("&Show SwarmWatch"), this, &DesktopIntegration::toggleWindow);
    m_showAction->setObjectName(QStringLiteral("trayShowAction"));
    QAction *reconnect = m_menu->addAction(Icons::action(QStringLiteral("reconnect")), tr("&Reconnect now"),
                                           this, [this] { m_console->sync()->reconnectNow(); });
    reconnect->setObjectName(QStringLiteral("trayReconnectAction"));
    QMenu *pause = m_menu->addMenu(tr("&Pause notifications"));
    pause->setObjectName(QStringLiteral("trayPauseMenu"));
    m_pauseHourAction =
        pause->addAction(tr("For &1 hour"), this, [this] { m_notifier->pauseFor(std::chrono::hours(1)); });
    m_pauseHourAction->setObjectName(QStringLiteral("trayPauseHourAction"));
    m_pauseAction = pause->addAction(tr("&Until resumed"), this, [this] { m_notifier->pauseUntilResumed(); });
    m_pauseAction->setObjectName(QStringLiteral("trayPauseAction"));
    m_resumeAction = pause->addAction(tr("&Resume notifications"), this, [this] { m_notifier->resume(); });
    m_resumeAction->setObjectName(QStringLiteral("trayResumeAction"));
    m_menu->addSeparator();
    QAction *settingsAction = m_menu->addAction(tr("S&ettings…"), this, [this] {
        showWindow();
        settingsDialog()->open();
    });
    settingsAction->setObjectName(QStringLiteral("traySettingsAction"));
    QAction *signOut = m_menu->addAction(Icons::action(QStringLiteral("sign-out")), tr("Sign &out"), this,
                                         [this] { m_console->signOut(); });
    signOut->setObjectName(QStringLiteral("traySignOutAction"));
    connect(m_console, &ConsoleSession::stateChanged, signOut, [this, signOut] {
        signOut->setEnabled(m_console->state() != ConsoleSession::State::SignedOut && !m_console->isDemo());
    });
    QAction *quitAction = m_menu->addAction(tr("&Quit"), this, &DesktopIntegration::quit);
    quitAction->setObjectName(QStringLiteral("trayQuitAction"));

    connect(presenter, &StatusPresenter::changed, this, &DesktopIntegration::updateTray);
    if (m_window) {
        m_window->installEventFilter(this);
        connect(m_window, &MainWindow::quitRequested, this, &DesktopIntegration::quit);
        connect(m_window, &MainWindow::settingsRequested, this, [this] { settingsDialog()->open(); });
        connect(m_window, &MainWindow::pauseNotificationsRequested, this, [this](bool pause) {
            if (pause)
                m_notifier->pauseUntilResumed();
            else
                m_notifier->resume();
        });
        connect(m_notifier.get(), &Notifier::pausedChanged, m_window, &MainWindow::setNotificationsPaused);
    }
    m_trayPoll->setInterval(kTrayPollMs);
    connect(m_trayPoll, &QTimer::timeout, this, &DesktopIntegration::updateTrayPresence);
    m_trayPoll->start();
    updateTrayPresence();
    updateTray();
}

DesktopIntegration::~DesktopIntegration()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

SettingsDialog *DesktopIntegration::settingsDialog()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, m_autostart, m_window);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    return m_settingsDialog;
}

void DesktopIntegration::updateTrayPresence()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available == static_cast<bool>(m_tray))
        return;
    if (available) {
        createTray();
    } else {
        // The tray went away: the window is the only way back, so it must not stay hidden.
        m_tray.reset();
        if (m_window && !m_window->isVisible())
            showWindow();
    }
    // With a tray, closing the window hides it there; without one, closing it quits.
    QApplication::setQuitOnLastWindowClosed(!m_tray);
    Q_EMIT trayChanged(static_cast<bool>(m_tray));
}

void DesktopIntegration::createTray()
{
    m_tray = std::make_unique<QSystemTrayIcon>();
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray.get(), &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    toggleWindow();
            });
    updateTray();
    m_tray->show();
}

void DesktopIntegration::updateTray()
{
    const bool paused = m_notifier->isPaused();
    m_pauseHourAction->setVisible(!paused);
    m_pauseAction->setVisible(!paused);
    m_resumeAction->setVisible(paused);
    m_showAction->setText(m_window && m_window->isVisible() && !m_window->isMinimized()
                              ? tr("&Hide SwarmWatch")
                              : tr("&Show SwarmWatch"));
    if (!m_tray)
        return;
    const StatusPresenter::Indicator overall = m_presenter->overall();
    const int cracks = m_notifier->unseenCracks();
    m_tray->setIcon(Icons::withBadge(Icons::connection(overall.look), cracks));
    QString toolTip = m_presenter->summary();
    if (cracks > 0)
        toolTip += QLatin1Char('\n') + (cracks == 1 ? tr("1 new crack") : tr("%1 new cracks").arg(cracks));
    if (paused)
        toolTip += QLatin1Char('\n') + tr("Notifications paused");
    m_tray->setToolTip(toolTip);
}

void DesktopIntegration::present(const Notification &notification)
{
    m_notifications->show(notification);
}

void DesktopIntegration::onAction(const QString &key, const QString &action)
{
    Q_UNUSED(key)
    if (action == QLatin1String(Notification::kReconnect))
        m_console->sync()->reconnectNow();
    else
        showWindow(); // "default", "open", "sign-in": the window (the login dialog is there when due)
}

void DesktopIntegration::start(bool minimized)
{
    if (!m_window)
        return;
    if (minimized && m_tray)
        return; // in the tray: the icon is the window's way back
    if (minimized)
        m_window->showMinimized();
    else
        m_window->show();
}

void DesktopIntegration::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
    updateTray();
}

void DesktopIntegration::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized() && m_tray)
        m_window->close(); // to the tray, through the same path as the window's own close
    else
        showWindow();
    updateTray();
}

void DesktopIntegration::quit()
{
    m_quitting = true;
    if (m_window)
        m_window->close(); // saves its state
    QCoreApplication::quit();
}

void DesktopIntegration::activate(const QStringList &arguments)
{
    const qsizetype server = arguments.indexOf(QStringLiteral("--server"));
    if (server >= 0 && server + 1 < arguments.size()) {
        const QUrl url = QUrl::fromUserInput(arguments.at(server + 1));
        if (url.isValid() && url != m_console->server())
            m_console->restore(url);
    }
    if (!arguments.contains(QStringLiteral("--minimized")))
        showWindow();
}

bool DesktopIntegration::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::Close && !m_quitting && m_tray && m_tray->isVisible()) {
            // With a tray, closing hides: the alerts go on. Said once, the first time.
            event->ignore();
            m_window->hide();
            if (!m_settings->flag(ConsoleSettings::Key::ClosingHidesToTrayToldOnce)) {
                m_settings->setValue(ConsoleSettings::Key::ClosingHidesToTrayToldOnce, true);
                m_notifications->show(
                    {Notification::Kind::Back,
                     QStringLiteral("tray"),
                     tr("SwarmWatch is still running"),
                     tr("It keeps watching from the tray. Choose Quit in its menu to stop it."),
                     {},
                     false});
            }
            updateTray();
            return true;
        }
        if (event->type() == QEvent::WindowActivate) {
            m_notifier->markCracksSeen();
        }
        if (event->type() == QEvent::Show || event->type() == QEvent::Hide
            || event->type() == QEvent::WindowStateChange)
            QTimer::singleShot(0, this, &DesktopIntegration::updateTray);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace swarmwatch
