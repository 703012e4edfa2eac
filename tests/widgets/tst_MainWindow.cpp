// The main window against the simulated CipherSwarm: the live table, the indicators through an outage, the
// filter and layout that survive a restart, what a screen reader and a keyboard user get.
#include "ActivityModel.h"
#include "ActivityView.h"
#include "AgentsView.h"
#include "CampaignModel.h"
#include "CampaignTableModel.h"
#include "CampaignsView.h"
#include "ConnectionDiagnosticsDialog.h"
#include "ConnectionIndicators.h"
#include "ConsoleFixture.h"
#include "FeedIndicator.h"
#include "LiveSync.h"
#include "Session.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMultiHash>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace swarmwatch;
using namespace swarmwatch::test;
using namespace std::chrono_literals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<ConsoleFixture>();
        QVERIFY(m_fixture->config.isValid());
        QVERIFY(m_fixture->startSim());
        m_fixture->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_fixture->window.get()));
    }
    void cleanup()
    {
        m_fixture->close();
        m_fixture.reset();
    }

    void showsTheLiveCampaignTable();
    void followsChangesAndMarksThem();
    void indicatorsFollowAnOutage();
    void filterSortAndLayoutSurviveARestart();
    void projectPickerSwitchesTheTable();
    void diagnosticsShowEachFeedAndACurlCommand();
    void activityHidesPlaintext();
    void everyControlHasAnAccessibleName();
    void keyboardReachesEverything();
    void screenshots();

private:
    ConsoleFixture &f() { return *m_fixture; }
    CampaignsView *campaigns() { return f().window->campaignsView(); }
    QTableView *table() { return campaigns()->table(); }
    FeedIndicator *indicator(const char *name)
    {
        return f().window->findChild<FeedIndicator *>(QString::fromLatin1(name));
    }
    int rowOf(const QString &name)
    {
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, CampaignModel::Name).data().toString() == name)
                return row;
        }
        return -1;
    }

    std::unique_ptr<ConsoleFixture> m_fixture;
};

void TestMainWindow::showsTheLiveCampaignTable()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(indicator("overallIndicator")->indicator().look, StatusPresenter::Look::Live,
                              kWaitMs);
    QCOMPARE(indicator("overallIndicator")->text(), QStringLiteral("Live"));
    QCOMPARE(indicator("campaignsFeedIndicator")->text(), QStringLiteral("Campaigns: Live"));
    QCOMPARE(indicator("agentsFeedIndicator")->text(), QStringLiteral("Agents: Live"));
    QCOMPARE(indicator("toastsFeedIndicator")->text(), QStringLiteral("Notifications: Live"));
    QVERIFY(f().window->findChild<QLabel *>(QStringLiteral("serverLabel"))
                ->text()
                .endsWith(QStringLiteral("(demo)")));
    QCOMPARE(f().window->findChild<QLabel *>(QStringLiteral("userLabel"))->text(),
             QStringLiteral("Signed in as admin@swarmwatch.example"));
    QCOMPARE(f().window->findChild<QLabel *>(QStringLiteral("overallLabel"))->text(), QStringLiteral("Live"));
    QCOMPARE(f().window->windowTitle(), QStringLiteral("Demo")); // " — SwarmWatch" is the platform's
    QVERIFY(!f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))->isVisible());

    // The columns an operator reads, in this order.
    const QHeaderView *header = table()->horizontalHeader();
    const QList<int> order{CampaignModel::Name,         CampaignModel::State,  CampaignModel::Progress,
                           CampaignModel::Cracked,      CampaignModel::Speed,  CampaignModel::Eta,
                           CampaignModel::ActiveAgents, CampaignModel::Updated};
    for (int visual = 0; visual < order.size(); ++visual)
        QCOMPARE(header->logicalIndex(visual), order.at(visual));

    // Archived campaigns are hidden by default; the rest show with words and numbers.
    const QAbstractItemModel *model = table()->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(0, CampaignModel::Progress).data().toString().endsWith(QStringLiteral(" %")), kWaitMs);
    const QStringList words{QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("paused"),
                            QStringLiteral("completed"), QStringLiteral("error")};
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString state = model->index(row, CampaignModel::State).data().toString();
        QVERIFY2(words.contains(state), qPrintable(state));
        QVERIFY(!model->index(row, CampaignModel::State).data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    QCOMPARE(campaigns()->findChild<QLabel *>(QStringLiteral("countLabel"))->text(),
             QStringLiteral("Campaigns: %1").arg(f().listed(1)));
}

void TestMainWindow::followsChangesAndMarksThem()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);

    // A new campaign on the server appears by itself.
    f().sim->world().createCampaign(1, QStringLiteral("Fresh from the server"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Fresh from the server")) >= 0, kWaitMs);

    // Progress on an active one moves its row and marks it as changed.
    const sim::SimCampaign *active = nullptr;
    for (const sim::SimCampaign *c : f().sim->world().listedCampaigns(1)) {
        if (c->state == QLatin1String("active")) {
            active = c;
            break;
        }
    }
    QVERIFY(active);
    const int row = rowOf(active->name);
    QVERIFY(row >= 0);
    const QString before = table()->model()->index(row, CampaignModel::Cracked).data().toString();
    const qint64 markedBefore =
        table()->model()->index(row, CampaignModel::Name).data(CampaignModel::ChangedAtRole).toLongLong();
    QVERIFY(f().sim->world().reportTaskProgress(active->id, 5));
    QTRY_VERIFY_WITH_TIMEOUT(table()->model()
                                     ->index(rowOf(active->name), CampaignModel::Name)
                                     .data(CampaignModel::ChangedAtRole)
                                     .toLongLong()
                                 > markedBefore,
                             kWaitMs);
    Q_UNUSED(before);
}

void TestMainWindow::indicatorsFollowAnOutage()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(indicator("overallIndicator")->indicator().look, StatusPresenter::Look::Live,
                              kWaitMs);
    const int rows = table()->model()->rowCount();

    f().sim->failRequests(503, 3s); // short: a long outage backs the retries off further
    f().sim->dropFeeds();
    QTRY_VERIFY_WITH_TIMEOUT(
        indicator("campaignsFeedIndicator")->text().startsWith(QStringLiteral("Campaigns: Reconnecting")),
        kWaitMs);
    QCOMPARE(indicator("campaignsFeedIndicator")->indicator().look, StatusPresenter::Look::Reconnecting);
    QVERIFY(indicator("campaignsFeedIndicator")->toolTip().contains(QStringLiteral("Attempt ")));
    QVERIFY(indicator("campaignsFeedIndicator")
                ->accessibleDescription()
                .startsWith(QStringLiteral("Campaigns feed: Reconnecting")));
    // The tables stay and say how old they are.
    QTRY_VERIFY_WITH_TIMEOUT(f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))->isVisible(),
                             kWaitMs);
    QVERIFY(f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))
                ->text()
                .contains(QStringLiteral("Data as of ")));
    QVERIFY(f().window->findChild<QLabel *>(QStringLiteral("dataAsOfLabel"))
                ->text()
                .startsWith(QStringLiteral("Data as of ")));
    QCOMPARE(table()->model()->rowCount(), rows);
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("main-window-reconnecting"));

    // Back by itself once the server answers; the retry after a failed one may be backed off for a while.
    QTRY_COMPARE_WITH_TIMEOUT(indicator("overallIndicator")->indicator().look, StatusPresenter::Look::Live,
                              2 * kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!f().window->findChild<QLabel *>(QStringLiteral("staleBanner"))->isVisible(),
                             kWaitMs);
    QCOMPARE(indicator("campaignsFeedIndicator")->text(), QStringLiteral("Campaigns: Live"));

    // The Activity view has a line per change of state, not one per feed step of the outage.
    const ActivityModel *activity = f().console->activity();
    QStringList states; // oldest first
    for (int row = activity->rowCount() - 1; row >= 0; --row) {
        if (activity->entry(row).kind == ActivityModel::Kind::Connection)
            states.append(activity->entry(row).text.section(QStringLiteral(" ("), 0, 0));
    }
    QVERIFY2(states.size() >= 3, qPrintable(states.join(u" | "))); // live, not live, live again
    for (qsizetype at = 1; at < states.size(); ++at)
        QVERIFY2(states.at(at) != states.at(at - 1), qPrintable(states.join(u" | ")));
}

void TestMainWindow::filterSortAndLayoutSurviveARestart()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    const sim::SimCampaign *first = f().sim->world().listedCampaigns(1).first();

    // A text filter typed by the user.
    auto *filter = campaigns()->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QTest::keyClicks(filter, first->name);
    QTRY_VERIFY_WITH_TIMEOUT(
        table()->model()->rowCount() >= 1 && table()->model()->rowCount() < f().listed(1), kWaitMs);
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        QVERIFY(table()
                    ->model()
                    ->index(row, CampaignModel::Name)
                    .data()
                    .toString()
                    .contains(first->name, Qt::CaseInsensitive));
    filter->clear();
    QCOMPARE(table()->model()->rowCount(), f().listed(1));
    // A filter that matches nothing says so in the table, and the words go with the filter.
    auto *noMatch = campaigns()->findChild<QLabel *>(QStringLiteral("noMatchLabel"));
    QVERIFY(!noMatch->isVisible());
    QTest::keyClicks(filter, QStringLiteral("no campaign is called this"));
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 0, kWaitMs);
    QVERIFY(noMatch->isVisible());
    QCOMPARE(noMatch->text(), QStringLiteral("No campaign matches the filter."));
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("campaigns-no-match"));
    filter->clear();
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    QVERIFY(!noMatch->isVisible());

    // The state filter: drafts off.
    int drafts = 0;
    for (const sim::SimCampaign *c : f().sim->world().listedCampaigns(1))
        drafts += c->state == QLatin1String("draft") ? 1 : 0;
    QVERIFY(drafts > 0);
    auto *draftAction = campaigns()->findChild<QAction *>(QStringLiteral("stateFilter_draft"));
    QVERIFY(draftAction);
    QVERIFY(draftAction->isChecked());
    QVERIFY(!campaigns()->findChild<QAction *>(QStringLiteral("stateFilter_archived"))->isChecked());
    draftAction->trigger();
    QCOMPARE(table()->model()->rowCount(), f().listed(1) - drafts);
    QTest::keyClicks(filter, QStringLiteral("e"));

    // Sort by name with a click on its header, and move the Speed column first.
    QHeaderView *header = table()->horizontalHeader();
    const int nameX =
        header->sectionViewportPosition(CampaignModel::Name) + header->sectionSize(CampaignModel::Name) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(nameX, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), static_cast<int>(CampaignModel::Name));
    const Qt::SortOrder order = header->sortIndicatorOrder();
    header->moveSection(header->visualIndex(CampaignModel::Speed), 0);
    header->resizeSection(CampaignModel::Eta, 222);
    const int shown = table()->model()->rowCount();

    // Close the window and the app; start again on the same settings.
    f().close();
    f().open();
    QVERIFY(QTest::qWaitForWindowExposed(f().window.get()));
    QVERIFY(f().signInDemo());
    header = table()->horizontalHeader();
    QCOMPARE(campaigns()->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->text(), QStringLiteral("e"));
    QVERIFY(!campaigns()->findChild<QAction *>(QStringLiteral("stateFilter_draft"))->isChecked());
    QCOMPARE(header->sortIndicatorSection(), static_cast<int>(CampaignModel::Name));
    QCOMPARE(header->sortIndicatorOrder(), order);
    QCOMPARE(header->logicalIndex(0), static_cast<int>(CampaignModel::Speed));
    QCOMPARE(header->sectionSize(CampaignModel::Eta), 222);
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), shown, kWaitMs);
    // And the rows are in that order.
    QStringList names;
    for (int row = 0; row < table()->model()->rowCount(); ++row)
        names.append(table()->model()->index(row, CampaignModel::Name).data().toString());
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    if (order == Qt::DescendingOrder)
        std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(names, sorted);
}

void TestMainWindow::projectPickerSwitchesTheTable()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    auto *picker = f().window->findChild<QComboBox *>(QStringLiteral("projectCombo"));
    QCOMPARE(picker->count(), 2);
    QVERIFY(picker->isEnabled());
    QCOMPARE(picker->currentText(), QStringLiteral("Default"));
    // The keyboard way: focus the picker and choose the next entry.
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Down);
    QCOMPARE(picker->currentText(), QStringLiteral("Red Team"));
    QTRY_COMPARE_WITH_TIMEOUT(f().console->projectId(), std::optional<qint64>(2), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(2), kWaitMs);
}

void TestMainWindow::diagnosticsShowEachFeedAndACurlCommand()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    f().window->findChild<QAction *>(QStringLiteral("diagnosticsAction"))->trigger();
    auto *dialog =
        f().window->findChild<ConnectionDiagnosticsDialog *>(QStringLiteral("connectionDiagnosticsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("diagnosticsText"));
    QVERIFY(text);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(QStringLiteral("Last HTTP status: 200")), kWaitMs);
    const QString report = text->toPlainText();
    for (const char *path :
         {"/api/v1/web/live/campaigns", "/api/v1/web/live/agents", "/api/v1/web/live/toasts"})
        QVERIFY2(report.contains(QLatin1String(path)), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("text/event-stream")));
    QVERIFY(report.contains(QStringLiteral("curl -N")));
    QVERIFY(report.contains(QStringLiteral("$SWARMWATCH_TOKEN")));
    QVERIFY2(!report.contains(QString::fromLatin1(f().console->session()->token())), "the token leaked");
    ConsoleFixture::screenshot(dialog, QStringLiteral("connection-diagnostics"));
}

void TestMainWindow::activityHidesPlaintext()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    // Life goes on until something is cracked; the toast reaches the activity list, plaintext hidden.
    QListView *list = f().window->activityView()->list();
    const auto crackRow = [list]() {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->model()->index(row, 0).data(ActivityModel::CanRevealRole).toBool())
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (crackRow() >= 0)
                return true;
            f().sim->world().tick();
            return false;
        }(),
        kWaitMs);
    const int row = crackRow();
    const QString hidden = list->model()->index(row, 0).data().toString();
    QVERIFY(list->model()->index(row, 0).data(ActivityModel::PlaintextRole).toString().isEmpty());
    f().window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))
        ->setCurrentWidget(f().window->activityView());
    auto *reveal = f().window->activityView()->findChild<QAbstractButton *>(QStringLiteral("revealButton"));
    list->setCurrentIndex(list->model()->index(row, 0));
    QVERIFY(reveal->isEnabled());
    QTest::mouseClick(reveal, Qt::LeftButton);
    const QString plaintext = list->model()->index(row, 0).data(ActivityModel::PlaintextRole).toString();
    QVERIFY(!plaintext.isEmpty());
    QVERIFY(list->model()->index(row, 0).data().toString().contains(plaintext));
    QVERIFY2(!hidden.contains(plaintext), qPrintable(hidden));
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(list->model()->index(row, 0).data().toString(), hidden);
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(f().console->sync()->status(), LiveSync::Status::Live, kWaitMs);
    QStringList unnamed;
    for (QWidget *widget : f().window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(f().window.get()) || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ')
                           + widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

    // The table's cells as a screen reader reads them: the state as a word, progress as a number with "%".
    QAccessibleInterface *accessibleTable = QAccessible::queryAccessibleInterface(table());
    QVERIFY(accessibleTable && accessibleTable->tableInterface());
    QAccessibleTableInterface *cells = accessibleTable->tableInterface();
    const int stateColumn = CampaignModel::State;
    const int progressColumn = CampaignModel::Progress;
    QAccessibleInterface *state = cells->cellAt(0, stateColumn);
    QVERIFY(state);
    QVERIFY2(QStringList({QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("paused"),
                          QStringLiteral("completed"), QStringLiteral("error")})
                 .contains(state->text(QAccessible::Name)),
             qPrintable(state->text(QAccessible::Name)));
    QTRY_VERIFY_WITH_TIMEOUT(
        cells->cellAt(0, progressColumn)->text(QAccessible::Name).endsWith(QStringLiteral(" %")), kWaitMs);

    // Indicators say their state in words.
    QVERIFY(indicator("overallIndicator")
                ->accessibleDescription()
                .startsWith(QStringLiteral("Connection: Live")));
    QVERIFY(indicator("agentsFeedIndicator")
                ->accessibleDescription()
                .startsWith(QStringLiteral("Agents feed: Live")));
}

void TestMainWindow::keyboardReachesEverything()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    // Every action has a shortcut or sits in a menu reached with Alt.
    QCOMPARE(f().window->findChild<QAction *>(QStringLiteral("reconnectAction"))->shortcut(),
             QKeySequence(Qt::Key_F5));
    QVERIFY(!f().window->findChild<QAction *>(QStringLiteral("quitAction"))->shortcut().isEmpty());
    // Tab walks the filter, the state filter and into the table; the status bar's indicators are reachable
    // too.
    QList<QWidget *> chain;
    QWidget *start = campaigns()->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QWidget *w = start;
    do {
        chain.append(w);
        w = w->nextInFocusChain();
    } while (w != start && chain.size() < 200);
    const auto reachable = [&chain](QWidget *target) {
        return std::any_of(chain.cbegin(), chain.cend(),
                           [target](QWidget *c) { return c == target && (c->focusPolicy() & Qt::TabFocus); });
    };
    QVERIFY(reachable(campaigns()->findChild<QToolButton *>(QStringLiteral("stateFilterButton"))));
    QVERIFY(reachable(table()));
    QVERIFY(reachable(indicator("campaignsFeedIndicator")));
    QVERIFY(reachable(f().window->findChild<QComboBox *>(QStringLiteral("projectCombo"))));
    // The tabs carry mnemonics.
    auto *tabs = f().window->findChild<QTabWidget *>(QStringLiteral("viewTabs"));
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY2(tabs->tabText(i).contains(QLatin1Char('&')), qPrintable(tabs->tabText(i)));

    // Tab leaves the table (it does not walk its cells), both ways.
    tabs->setCurrentWidget(campaigns());
    f().window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f().window.get()));
    table()->setCurrentIndex(table()->model()->index(0, 0)); // a cell to walk from, if Tab walked cells
    table()->setFocus();
    QTRY_VERIFY(table()->hasFocus());
    QTest::keyClick(table(), Qt::Key_Tab);
    QVERIFY2(!table()->hasFocus(), "Tab moved within the campaign table instead of out of it");
    table()->setCurrentIndex(table()->model()->index(0, 1));
    table()->setFocus();
    QTRY_VERIFY(table()->hasFocus());
    QTest::keyClick(table(), Qt::Key_Backtab, Qt::ShiftModifier);
    QVERIFY2(!table()->hasFocus(), "Shift+Tab moved within the campaign table instead of out of it");

    // No two things on screen answer to the same Alt+letter (Alt+F opened the filter, not the File menu).
    const auto mnemonicOf = [](const QString &text) {
        for (qsizetype at = text.indexOf(QLatin1Char('&')); at >= 0 && at + 1 < text.size();
             at = text.indexOf(QLatin1Char('&'), at + 2)) {
            if (text.at(at + 1) != QLatin1Char('&'))
                return text.at(at + 1).toLower();
        }
        return QChar();
    };
    QMultiHash<QChar, QString> owners;
    const auto add = [&](const QString &text) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            owners.insert(letter, text);
    };
    for (const QAction *menu : f().window->menuBar()->actions())
        add(menu->text());
    for (int i = 0; i < tabs->count(); ++i)
        add(tabs->tabText(i));
    for (const QLabel *label : f().window->findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            add(label->text());
    }
    for (const QAbstractButton *button : f().window->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            add(button->text());
    }
    for (const QChar letter : owners.uniqueKeys())
        QVERIFY2(owners.count(letter) == 1, qPrintable(QStringList(owners.values(letter)).join(u", ")));
}

void TestMainWindow::screenshots()
{
    QVERIFY(f().signInDemo());
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), f().listed(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(indicator("overallIndicator")->indicator().look, StatusPresenter::Look::Live,
                              kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        table()->model()->index(0, CampaignModel::Progress).data().toString().endsWith(QStringLiteral(" %")),
        kWaitMs);
    f().window->resize(1280, 720);
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("main-window-live"));
    f().window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))
        ->setCurrentWidget(f().window->agentsView());
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("main-window-agents"));
    f().window->findChild<QTabWidget *>(QStringLiteral("viewTabs"))->setCurrentWidget(campaigns());

    // A dark palette, set for the application as a desktop's dark theme is: everything stays readable (icons
    // carry shape, not only colour; the action icons take the palette's text colour).
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ToolTipText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9e, 0x9e, 0x9e));
    QApplication::setPalette(dark);
    // The change reaches the widgets through the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(f().window->palette().color(QPalette::Window), dark.color(QPalette::Window),
                              kWaitMs);
    // The stale banner takes its colours from the palette in force, not from the one it was made under.
    const auto *banner = f().window->findChild<QLabel *>(QStringLiteral("staleBanner"));
    QTRY_COMPARE_WITH_TIMEOUT(banner->palette().color(banner->backgroundRole()),
                              dark.color(QPalette::ToolTipBase), kWaitMs);
    QCOMPARE(banner->palette().color(banner->foregroundRole()), dark.color(QPalette::ToolTipText));
    ConsoleFixture::screenshot(f().window.get(), QStringLiteral("main-window-dark"));
    QApplication::setPalette(light);
    QTRY_COMPARE_WITH_TIMEOUT(f().window->palette().color(QPalette::Window), light.color(QPalette::Window),
                              kWaitMs);
    const QImage shot = f().window->grab().toImage();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.width(), f().window->width() * static_cast<int>(shot.devicePixelRatio()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
