#include "MainWindow.h"

#include "ActivityView.h"
#include "AgentDetails.h"
#include "AgentDetailsView.h"
#include "AgentsView.h"
#include "CampaignDetails.h"
#include "CampaignDetailsView.h"
#include "CampaignsView.h"
#include "ConnectionDiagnosticsDialog.h"
#include "ConnectionIndicators.h"
#include "ConsoleSession.h"
#include "ConsoleSettings.h"
#include "Icons.h"
#include "JournalView.h"
#include "LiveSync.h"
#include "LoginDialog.h"
#include "StatusPresenter.h"
#include "ui_MainWindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMetaMethod>
#include <QStatusBar>
#include <QTableView>

namespace swarmwatch {

MainWindow::MainWindow(ConsoleSession *console, ConsoleSettings *settings, StatusPresenter *presenter,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_console(console)
    , m_settings(settings)
    , m_presenter(presenter)
{
    m_ui->setupUi(this);
    setWindowIcon(Icons::application());

    m_campaigns = new CampaignsView(console->campaigns(), settings, this);
    m_campaigns->setObjectName(QStringLiteral("campaignsView"));
    m_details = new CampaignDetails(console->client(), console->campaigns(), this);
    m_detailsView = new CampaignDetailsView(m_details, m_campaigns);
    m_detailsView->setObjectName(QStringLiteral("campaignDetailsView"));
    m_campaigns->setDetails(m_detailsView);
    connect(m_campaigns, &CampaignsView::currentCampaignChanged, m_details, &CampaignDetails::select);
    m_agents = new AgentsView(console->agents(), settings, this);
    m_agents->setObjectName(QStringLiteral("agentsView"));
    m_agentDetails = new AgentDetails(console->client(), console->agents(), this);
    m_agentDetailsView = new AgentDetailsView(m_agentDetails, m_agents);
    m_agentDetailsView->setObjectName(QStringLiteral("agentDetailsView"));
    m_agents->setDetails(m_agentDetailsView);
    connect(m_agents, &AgentsView::currentAgentChanged, m_agentDetails, &AgentDetails::select);
    m_activity = new ActivityView(console->activity(), this);
    m_activity->setObjectName(QStringLiteral("activityView"));
    m_ui->viewTabs->addTab(m_campaigns, tr("&Campaigns"));
    m_ui->viewTabs->addTab(m_agents, tr("A&gents"));
    m_ui->viewTabs->addTab(m_activity, tr("Ac&tivity"));
    m_ui->viewTabs->setCurrentIndex(
        std::clamp(static_cast<int>(settings->number(ConsoleSettings::Key::CurrentView)), 0, 2));
    connect(m_ui->viewTabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_settings->setValue(ConsoleSettings::Key::CurrentView, index); });

    m_staleBanner = new QLabel(this);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setAutoFillBackground(true);
    m_staleBanner->setMargin(6);
    // Roles, not colours copied once: the banner follows a palette changed while the console runs.
    m_staleBanner->setBackgroundRole(QPalette::ToolTipBase);
    m_staleBanner->setForegroundRole(QPalette::ToolTipText);
    m_staleBanner->hide();
    m_ui->centralLayout->insertWidget(1, m_staleBanner);

    m_indicators = new ConnectionIndicators(presenter, this);
    statusBar()->addPermanentWidget(m_indicators);

    m_ui->reconnectButton->setDefaultAction(m_ui->reconnectAction);
    m_ui->reconnectAction->setIcon(Icons::action(QStringLiteral("reconnect")));
    m_ui->signOutAction->setIcon(Icons::action(QStringLiteral("sign-out")));
    if (!QKeySequence::keyBindings(QKeySequence::Quit)
             .isEmpty()) // the platform's own, else the form's Ctrl+Q
        m_ui->quitAction->setShortcut(QKeySequence::Quit);

    connect(m_ui->reconnectAction, &QAction::triggered, this, [this] {
        if (m_console->state() == ConsoleSession::State::SignedIn)
            m_console->sync()->reconnectNow();
        else
            m_console->restore(m_console->server());
    });
    connect(m_ui->resyncAction, &QAction::triggered, this, [this] { m_console->sync()->resyncNow(); });
    connect(m_ui->signOutAction, &QAction::triggered, this, [this] { m_console->signOut(); });
    connect(m_ui->signInAction, &QAction::triggered, this,
            [this] { askForCredentials(m_console->server(), m_console->email(), QString()); });
    // Quitting is the application's (the window may only hide to the tray); alone, the window just closes.
    connect(m_ui->quitAction, &QAction::triggered, this, [this] {
        if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::quitRequested)))
            Q_EMIT quitRequested();
        else
            close();
    });
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->pauseNotificationsAction, &QAction::triggered, this,
            &MainWindow::pauseNotificationsRequested);
    connect(m_ui->diagnosticsAction, &QAction::triggered, this, [this] {
        ConnectionDiagnosticsDialog *dialog = diagnosticsDialog();
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About SwarmWatch"),
                           tr("<h3>SwarmWatch %1</h3><p>A native operator console for CipherSwarm.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
    connect(m_ui->projectCombo, &QComboBox::activated, this, [this](int index) {
        const QVariant id = m_ui->projectCombo->itemData(index);
        if (id.isValid())
            m_console->selectProject(id.toLongLong());
    });

    connect(console, &ConsoleSession::identityChanged, this, &MainWindow::updateIdentity);
    connect(console, &ConsoleSession::stateChanged, this, &MainWindow::updateIdentity);
    connect(console, &ConsoleSession::credentialsNeeded, this, &MainWindow::askForCredentials);
    connect(console, &ConsoleSession::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(presenter, &StatusPresenter::changed, this, &MainWindow::updateConnection);

    const QByteArray geometry = settings->bytes(ConsoleSettings::Key::WindowGeometry);
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1180, 680);
    restoreState(settings->bytes(ConsoleSettings::Key::WindowState));
    updateIdentity();
    updateConnection();
}

MainWindow::~MainWindow() = default;

LoginDialog *MainWindow::loginDialog()
{
    if (!m_login) {
        m_login = new LoginDialog(m_console, this);
        m_login->setObjectName(QStringLiteral("loginDialog"));
        m_login->setWindowModality(Qt::WindowModal);
    }
    return m_login;
}

ConnectionDiagnosticsDialog *MainWindow::diagnosticsDialog()
{
    if (!m_diagnostics)
        m_diagnostics = new ConnectionDiagnosticsDialog(m_console, this);
    return m_diagnostics;
}

void MainWindow::askForCredentials(const QUrl &server, const QString &email, const QString &reason)
{
    if (m_console->isDemo())
        return; // the demo's token lives in memory: there is nothing to sign in to again
    LoginDialog *dialog = loginDialog();
    dialog->prefill(server, email, reason);
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::updateIdentity()
{
    const bool signedIn = m_console->state() == ConsoleSession::State::SignedIn
                          || m_console->state() == ConsoleSession::State::Expired;
    const QString server =
        m_console->server().isEmpty() ? tr("No server") : m_console->server().toDisplayString();
    m_ui->serverLabel->setText(m_console->isDemo() ? tr("%1 (demo)").arg(server) : server);
    const QString email = m_console->user().email;
    m_ui->userLabel->setText(email.isEmpty() || !signedIn ? tr("Not signed in")
                             : m_console->state() == ConsoleSession::State::Expired
                                 ? tr("Session expired for %1").arg(email)
                                 : tr("Signed in as %1").arg(email));
    // The platform adds " — SwarmWatch" (the application's display name); the port tells two servers on one
    // host apart.
    const QUrl shown = m_console->server();
    setWindowTitle(m_console->isDemo() ? tr("Demo")
                   : shown.isEmpty()   ? QString()
                   : shown.port() < 0  ? shown.host()
                                       : QStringLiteral("%1:%2").arg(shown.host()).arg(shown.port()));

    QComboBox *projects = m_ui->projectCombo;
    const QSignalBlocker quiet(projects);
    projects->clear();
    for (const Project &project : m_console->projects())
        projects->addItem(project.name, project.id);
    if (const std::optional<qint64> id = m_console->projectId())
        projects->setCurrentIndex(projects->findData(QVariant::fromValue(*id)));
    projects->setEnabled(projects->count() > 1);
    m_ui->signOutAction->setEnabled(signedIn && !m_console->isDemo());
    m_ui->signInAction->setEnabled(!m_console->isDemo());
    m_ui->resyncAction->setEnabled(m_console->state() == ConsoleSession::State::SignedIn);
}

void MainWindow::updateConnection()
{
    const StatusPresenter::Indicator overall = m_presenter->overall();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->overallIcon->setPixmap(Icons::connection(overall.look).pixmap(size, size));
    m_ui->overallIcon->setAccessibleName(StatusPresenter::lookName(overall.look));
    m_ui->overallLabel->setText(overall.text);
    m_ui->overallLabel->setToolTip(overall.toolTip);
    m_ui->overallLabel->setAccessibleDescription(overall.accessibleText);
    const QString asOf = m_presenter->dataAsOf();
    m_staleBanner->setText(asOf.isEmpty() ? QString() : tr("Not live: %1. %2").arg(asOf, overall.text));
    m_staleBanner->setVisible(!asOf.isEmpty());
}

void MainWindow::saveState()
{
    m_settings->setValue(ConsoleSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(ConsoleSettings::Key::WindowState, QMainWindow::saveState());
    m_campaigns->saveState();
}

void MainWindow::setJournal(Journal *journal)
{
    if (m_journal || !journal)
        return;
    m_detailsView->setJournal(journal);
    m_journal = new JournalView(journal, this);
    m_journal->setObjectName(QStringLiteral("journalView"));
    const int activity = m_ui->viewTabs->indexOf(m_activity);
    m_ui->viewTabs->insertTab(activity + 1, m_journal, tr("&Journal"));
}

void MainWindow::setNotificationsPaused(bool paused)
{
    m_ui->pauseNotificationsAction->setChecked(paused);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace swarmwatch
