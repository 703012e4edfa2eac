#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace swarmwatch {

class ActivityView;
class AgentDetails;
class AgentDetailsView;
class AgentsView;
class CampaignDetails;
class CampaignDetailsView;
class CampaignsView;
class ConnectionDiagnosticsDialog;
class ConnectionIndicators;
class ConsoleSession;
class ConsoleSettings;
class Journal;
class JournalView;
class LoginDialog;
class StatusPresenter;

// The console's window: a header (server, user, project, the connection and Reconnect now), the Campaigns,
// Agents and Activity views, and a status bar with one indicator per feed. It shows what the ConsoleSession
// holds and asks it to act; it owns no connection of its own, so that closing it loses nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ConsoleSession *console, ConsoleSettings *settings, StatusPresenter *presenter,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    CampaignsView *campaignsView() const { return m_campaigns; }
    CampaignDetails *campaignDetails() const { return m_details; }
    CampaignDetailsView *campaignDetailsView() const { return m_detailsView; }
    AgentsView *agentsView() const { return m_agents; }
    AgentDetails *agentDetails() const { return m_agentDetails; }
    AgentDetailsView *agentDetailsView() const { return m_agentDetailsView; }
    ActivityView *activityView() const { return m_activity; }
    ConnectionIndicators *indicators() const { return m_indicators; }
    LoginDialog *loginDialog();
    ConnectionDiagnosticsDialog *diagnosticsDialog();

    // The login dialog, prefilled; the tables stay as they are (marked stale) until the new login.
    void askForCredentials(const QUrl &server, const QString &email, const QString &reason);
    // Adds the Journal view (searchable history) beside Activity.
    void setJournal(Journal *journal);
    JournalView *journalView() const { return m_journal; }
    // The File menu's "Pause notifications" follows the notifier.
    void setNotificationsPaused(bool paused);

Q_SIGNALS:
    // File > Quit, when someone (the desktop integration) is there to quit the application.
    void quitRequested();
    void settingsRequested();
    void pauseNotificationsRequested(bool pause);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateIdentity();
    void updateConnection();
    void saveState();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ConsoleSession *m_console;
    ConsoleSettings *m_settings;
    StatusPresenter *m_presenter;
    CampaignsView *m_campaigns;
    CampaignDetails *m_details;
    CampaignDetailsView *m_detailsView;
    AgentsView *m_agents;
    AgentDetails *m_agentDetails;
    AgentDetailsView *m_agentDetailsView;
    ActivityView *m_activity;
    ConnectionIndicators *m_indicators;
    JournalView *m_journal = nullptr;
    QLabel *m_staleBanner;
    LoginDialog *m_login = nullptr;
    ConnectionDiagnosticsDialog *m_diagnostics = nullptr;
};

} // namespace swarmwatch
