#pragma once

#include "Notifier.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace swarmwatch {

class Autostart;
class ConsoleSession;
class ConsoleSettings;
class DesktopNotifications;
class MainWindow;
class SettingsDialog;
class SleepWatcher;
class StatusPresenter;

// Everything between SwarmWatch and the desktop, owned by the application rather than the window, so that
// closing the window never loses the alert path: the Notifier and the notifications it decides, the tray icon
// and its menu, sleep and wake, a second start handing over to this one, closing to the tray, the settings
// dialog. Without a tray (a bare X server, GNOME without extensions) SwarmWatch is a plain window
// application: the window stays, closing it quits, notifications still arrive; a tray that appears later gets
// the icon.
class DesktopIntegration : public QObject
{
    Q_OBJECT

public:
    DesktopIntegration(ConsoleSession *console, ConsoleSettings *settings, StatusPresenter *presenter,
                       MainWindow *window, Autostart *autostart, Notifier::Clock clock = {},
                       QObject *parent = nullptr);
    ~DesktopIntegration() override;

    Notifier *notifier() const { return m_notifier.get(); }
    DesktopNotifications *notifications() const { return m_notifications.get(); }
    QSystemTrayIcon *tray() const { return m_tray.get(); } // null without a tray
    QMenu *trayMenu() const { return m_menu.get(); }
    SettingsDialog *settingsDialog();

    // Shows the window as it starts: hidden in the tray, or minimised where there is none.
    void start(bool minimized);
    void showWindow();
    void toggleWindow();
    void quit();
    // A later start's arguments, handed over by SingleInstance.
    void activate(const QStringList &arguments);

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void trayChanged(bool present);

private:
    void updateTrayPresence();
    void createTray();
    void updateTray();
    void present(const Notification &notification);
    void onAction(const QString &key, const QString &action);

    ConsoleSession *m_console;
    ConsoleSettings *m_settings;
    StatusPresenter *m_presenter;
    QPointer<MainWindow> m_window;
    Autostart *m_autostart;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<DesktopNotifications> m_notifications;
    std::unique_ptr<SleepWatcher> m_sleep;
    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    QTimer *m_trayPoll;
    QAction *m_showAction = nullptr;
    QAction *m_pauseHourAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    bool m_quitting = false;
};

} // namespace swarmwatch
