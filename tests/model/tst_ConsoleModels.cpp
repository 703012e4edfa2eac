// The desktop console's headless parts: formatting, typed settings, the campaign filter, the activity log
// with its hidden plaintexts, the campaign table's speed/ETA/changed columns, and the diagnostics' curl line.
#include "ActivityModel.h"
#include "CampaignFilterModel.h"
#include "CampaignModel.h"
#include "ConnectionDiagnostics.h"
#include "ConsoleSettings.h"
#include "Format.h"
#include "LiveSyncSettings.h"
#include "LocalClock.h"
#include "LoginSettings.h"
#include "SettingsFile.h"
#include "Toast.h"

#include <QFile>
#include <QLockFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>
#include <future>
#include <thread>

using namespace swarmwatch;

class TestConsoleModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations();
    void etaHasTimeLeftAndFinishTime();
    void localClockAgreesWithTheCLibrary();
    void rates();
    void ago();
    void settingsHaveDefaultsSignalAndPersist();
    void settingsRejectNonsense();
    void settingsAreWrittenBesideTheCallersThread();
    void filterHidesArchivedByDefault();
    void filterByTextAndUnknownStates();
    void sortsNamesAsReadAndFollowsRenames();
    void typedSortAgreesWithTheSortRole();
    void activityHidesPlaintextUntilRevealed();
    void activityIsBoundedNewestFirst();
    void campaignRowsShowSpeedEtaAndWhenTheyChanged();
    void curlCommandHidesTheToken();
};

void TestConsoleModels::durations()
{
    QCOMPARE(Format::duration(45), QStringLiteral("45 s"));
    QCOMPARE(Format::duration(12 * 60 + 5), QStringLiteral("12 min"));
    QCOMPARE(Format::duration(2 * 3600 + 10 * 60), QStringLiteral("2 h 10 min"));
    QCOMPARE(Format::duration(3 * 86400 + 4 * 3600), QStringLiteral("3 d 4 h"));
    QCOMPARE(Format::duration(-5), QStringLiteral("0 s"));
}

void TestConsoleModels::etaHasTimeLeftAndFinishTime()
{
    const QDateTime now = QDateTime(QDate(2026, 12, 3), QTime(12, 25, 0)).toUTC();
    const QDateTime finish = now.addSecs(2 * 3600 + 10 * 60);
    const QString expected =
        QStringLiteral("2 h 10 min · %1").arg(finish.toLocalTime().toString(QStringLiteral("HH:mm")));
    QCOMPARE(Format::eta(finish, now), expected);
    // Not today: the day's name.
    const QString later = Format::eta(now.addDays(3), now);
    QVERIFY2(later.startsWith(QStringLiteral("3 d 0 h · ")), qPrintable(later));
    QVERIFY2(later.contains(QLocale().toString(now.addDays(3).toLocalTime().date(), QStringLiteral("ddd"))),
             qPrintable(later));
    QVERIFY(Format::eta(QDateTime(), now).isEmpty());
}

// LocalClock remembers UTC offsets per minute; it must say what the C library says, across daylight-saving
// transitions (forwards and back, whole hours and half hours) and in zones a quarter hour off, and follow a
// change of TZ at once.
void TestConsoleModels::localClockAgreesWithTheCLibrary()
{
    const QByteArray tzBefore = qgetenv("TZ");
    const bool tzWasSet = qEnvironmentVariableIsSet("TZ");
    const auto restore = qScopeGuard([&] {
        if (tzWasSet)
            qputenv("TZ", tzBefore);
        else
            qunsetenv("TZ");
        tzset();
    });
    const qint64 from = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2028, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const auto check = [](qint64 msecs) {
        const QDateTime expected = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toLocalTime();
        const LocalClock::WallClock local = LocalClock::at(msecs);
        if (local.date == expected.date() && local.time == expected.time())
            return true;
        qWarning("%s: %lld is %s locally, LocalClock says %s %s", qgetenv("TZ").constData(),
                 static_cast<long long>(msecs), qPrintable(expected.toString(Qt::ISODateWithMs)),
                 qPrintable(local.date.toString(Qt::ISODate)),
                 qPrintable(local.time.toString(Qt::ISODateWithMs)));
        return false;
    };
    const QList<QByteArray> zones{
        "Europe/Berlin",  "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
        "Asia/Kathmandu", "America/St_Johns", "America/Santiago",    "UTC"};
    for (const QByteArray &zone : zones) {
        qputenv("TZ", ":" + zone);
        tzset();
        // Two years, every 37 min 11.5 s: every minute-of-hour and second, both sides of each transition.
        for (qint64 msecs = from; msecs < to; msecs += 37 * 60'000 + 11'500)
            QVERIFY2(check(msecs), zone.constData());
        // Each transition, second by second from 3 minutes before to 3 minutes after.
        const QTimeZone timeZone(zone);
        QVERIFY2(timeZone.isValid(), zone.constData());
        const auto transitions = timeZone.transitions(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
                                                      QDateTime::fromMSecsSinceEpoch(to, Qt::UTC));
        if (zone != "UTC" && zone != "Asia/Kathmandu")
            QVERIFY2(transitions.size() >= 2, zone.constData());
        for (const QTimeZone::OffsetData &transition : transitions) {
            const qint64 at = transition.atUtc.toMSecsSinceEpoch();
            for (qint64 msecs = at - 180'000; msecs <= at + 180'000; msecs += 1000)
                QVERIFY2(check(msecs), zone.constData());
            QVERIFY2(check(at - 1), zone.constData());
        }
    }
    // A change of TZ shows at once: the same instant, remembered a moment ago under UTC.
    const qint64 noon = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    qputenv("TZ", ":UTC");
    tzset();
    QCOMPARE(LocalClock::at(noon).time, QTime(12, 0));
    qputenv("TZ", ":Asia/Kolkata");
    tzset();
    QCOMPARE(LocalClock::at(noon).time, QTime(17, 30));
    QCOMPARE(LocalClock::offsetFromUtc(noon), 5 * 3600 + 30 * 60);
    QCOMPARE(Format::timeOfDay(QDateTime::fromMSecsSinceEpoch(noon, Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(noon, Qt::UTC)),
             QStringLiteral("17:30:00"));
}

void TestConsoleModels::rates()
{
    QCOMPARE(Format::rate(950), QStringLiteral("950 H/s"));
    QCOMPARE(Format::rate(12.3e6), QStringLiteral("12.3 MH/s"));
    QCOMPARE(Format::rate(1.02e12), QStringLiteral("1.02 TH/s"));
    QVERIFY(Format::rate(-1).isEmpty());
    QVERIFY(Format::rate(std::numeric_limits<double>::quiet_NaN()).isEmpty());
}

void TestConsoleModels::ago()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(Format::ago(now.addSecs(-2), now), QStringLiteral("just now"));
    QCOMPARE(Format::ago(now.addSecs(-40), now), QStringLiteral("40 s ago"));
    QCOMPARE(Format::ago(now.addSecs(-300), now), QStringLiteral("5 min ago"));
    QCOMPARE(Format::ago(now.addSecs(-3 * 3600), now), QStringLiteral("3 h ago"));
    QCOMPARE(Format::ago(now.addSecs(600), now), QStringLiteral("in the future"));
}

void TestConsoleModels::settingsHaveDefaultsSignalAndPersist()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.conf"));
    {
        SettingsFile settingsFile(file, QSettings::IniFormat);
        ConsoleSettings settings(&settingsFile);
        QCOMPARE(settings.number(ConsoleSettings::Key::RequestsPerSecond), 100.0);
        QVERIFY(!settings.list(ConsoleSettings::Key::CampaignsStates).contains(QStringLiteral("archived")));
        QSignalSpy changed(&settings, &ConsoleSettings::changed);
        settings.setValue(ConsoleSettings::Key::RequestsPerSecond, 40.0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<ConsoleSettings::Key>(),
                 ConsoleSettings::Key::RequestsPerSecond);
        settings.setValue(ConsoleSettings::Key::RequestsPerSecond, 40.0); // the same: no signal
        QCOMPARE(changed.size(), 1);
        settings.setValue(ConsoleSettings::Key::CampaignsFilterText, QStringLiteral("rockyou"));
        QCOMPARE(settings.liveSyncSettings().requestsPerSecond, 40.0);
    }
    SettingsFile again(file, QSettings::IniFormat);
    ConsoleSettings settings(&again);
    QCOMPARE(settings.number(ConsoleSettings::Key::RequestsPerSecond), 40.0);
    QCOMPARE(settings.text(ConsoleSettings::Key::CampaignsFilterText), QStringLiteral("rockyou"));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("requestsPerSecond=40"));
    QSignalSpy changed(&settings, &ConsoleSettings::changed);
    settings.reset(ConsoleSettings::Key::RequestsPerSecond);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(settings.number(ConsoleSettings::Key::RequestsPerSecond), 100.0);
}

void TestConsoleModels::settingsRejectNonsense()
{
    QTemporaryDir dir;
    SettingsFile file(dir.filePath(QStringLiteral("s.conf")), QSettings::IniFormat);
    file.edit([](QSettings &hand) {
        hand.setValue(QStringLiteral("connection/requestsPerSecond"), QStringLiteral("lots"));
        hand.setValue(QStringLiteral("connection/resyncSeconds"), -3);
        hand.setValue(QStringLiteral("connection/watchdogSeconds"), 1);
    });
    ConsoleSettings settings(&file);
    QCOMPARE(settings.number(ConsoleSettings::Key::RequestsPerSecond), 100.0);
    QCOMPARE(settings.number(ConsoleSettings::Key::ResyncSeconds), 60.0);
    // A watchdog of one second would drop every healthy feed: at least 5 s.
    QCOMPARE(settings.liveSyncSettings().feed.idleTimeout, std::chrono::milliseconds(5000));
}

// The file is written on a thread of its own: a QSettings syncs under a lock file it fsyncs, which on the GUI
// thread cost a stall per change. Here the test holds that lock (as another SwarmWatch or the CLI might): the
// caller goes on changing settings and logins and reading them back, its event loop turns, and the file is
// written once the lock is free. With either written through a QSettings on the caller's thread, or read
// through one while the writer waits for the lock, the caller would wait for the lock (until it went stale,
// 30 s) and the file would already hold the change.
void TestConsoleModels::settingsAreWrittenBesideTheCallersThread()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.conf"));
    const auto fileText = [&file] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    SettingsFile settingsFile(file, QSettings::IniFormat);
    ConsoleSettings settings(&settingsFile);
    LoginSettings logins(&settingsFile);
    QLockFile lock(file + QStringLiteral(".lock"));
    QVERIFY(lock.tryLock(0));
    // Released when the test says so, or after 20 s: a caller that waits for it then fails the test below
    // instead of hanging it.
    std::promise<void> release;
    std::thread releaser([&lock, told = release.get_future()] {
        told.wait_for(std::chrono::seconds(20));
        lock.unlock();
    });
    bool released = false;
    const auto releaseLock = [&] {
        if (!std::exchange(released, true)) {
            release.set_value();
            releaser.join();
        }
    };
    const auto cleanup = qScopeGuard(releaseLock);
    QSignalSpy changed(&settings, &ConsoleSettings::changed);
    settings.setValue(ConsoleSettings::Key::CampaignsFilterText, QStringLiteral("rockyou"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(settings.text(ConsoleSettings::Key::CampaignsFilterText), QStringLiteral("rockyou"));
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    // Signing in and trusting a certificate while the writer waits for the lock.
    const QUrl server(QStringLiteral("https://cipherswarm.example"));
    LoginSettings::Login login;
    login.server = server;
    login.email = QStringLiteral("op@example.com");
    logins.saveLogin(login);
    logins.pinCertificate(server, "00ff");
    QCOMPARE(logins.defaultServer(), server);
    QCOMPARE(logins.pinnedCertificates(server), QList<QByteArray>{"00ff"});
    settings.setValue(ConsoleSettings::Key::RequestsPerSecond, 40.0);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY2(!fileText().contains(QStringLiteral("rockyou")), qPrintable(fileText()));
    QVERIFY2(!fileText().contains(QStringLiteral("op@example.com")), qPrintable(fileText()));
    releaseLock();
    settings.flush();
    QString text = fileText();
    QVERIFY2(text.contains(QStringLiteral("filter=rockyou")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("requestsPerSecond=40")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("email=op@example.com")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("pinnedCertificates=00ff")), qPrintable(text));

    // Removed from the file too, and the logins stay beside it.
    settings.reset(ConsoleSettings::Key::CampaignsFilterText);
    settings.flush();
    text = fileText();
    QVERIFY2(!text.contains(QStringLiteral("rockyou")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("server=https://cipherswarm.example")), qPrintable(text));
}

namespace {

Campaign campaign(qint64 id, const QString &name, const QString &state)
{
    Campaign c;
    c.id = id;
    c.name = name;
    c.state = state;
    c.projectId = 1;
    c.updatedAt = QDateTime::currentDateTimeUtc();
    return c;
}

} // namespace

void TestConsoleModels::filterHidesArchivedByDefault()
{
    CampaignModel model;
    model.replaceAll({campaign(1, QStringLiteral("one"), QStringLiteral("active")),
                      campaign(2, QStringLiteral("two"), QStringLiteral("archived")),
                      campaign(3, QStringLiteral("three"), QStringLiteral("completed"))});
    CampaignFilterModel filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 2);
    QSet<QString> states = filter.states();
    states.insert(QStringLiteral("archived"));
    QSignalSpy changed(&filter, &CampaignFilterModel::filterChanged);
    filter.setStates(states);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(filter.rowCount(), 3);
}

void TestConsoleModels::filterByTextAndUnknownStates()
{
    CampaignModel model;
    model.replaceAll({campaign(1, QStringLiteral("RockYou sweep"), QStringLiteral("active")),
                      campaign(2, QStringLiteral("ntlm masks"), QStringLiteral("frozen")),
                      campaign(3, QStringLiteral("rockyou rules"), QStringLiteral("paused"))});
    CampaignFilterModel filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), 3); // "frozen" is unknown: it counts as "other", shown by default
    filter.setText(QStringLiteral("ROCKYOU"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setText({});
    QSet<QString> states = filter.states();
    states.remove(CampaignFilterModel::otherState());
    filter.setStates(states);
    QCOMPARE(filter.rowCount(), 2);
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, 0).data().toString() != QStringLiteral("ntlm masks"));
    // Sorted by the sort role: progress numerically, not as text.
    CampaignRow a = *model.row(1);
    a.metrics = CampaignMetrics{10, 1, 9, 10.0, 9.5};
    model.upsert(a);
    CampaignRow c = *model.row(3);
    c.metrics = CampaignMetrics{10, 1, 9, 10.0, 10.5};
    model.upsert(c);
    filter.sort(CampaignModel::Progress, Qt::DescendingOrder);
    QCOMPARE(filter.index(0, CampaignModel::Name).data().toString(), QStringLiteral("rockyou rules"));
}

static QStringList namesInOrder(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, CampaignModel::Name).data().toString());
    return names;
}

void TestConsoleModels::sortsNamesAsReadAndFollowsRenames()
{
    CampaignModel model;
    model.replaceAll({campaign(1, QStringLiteral("Campaign 10"), QStringLiteral("active")),
                      campaign(2, QStringLiteral("campaign 9"), QStringLiteral("active")),
                      campaign(3, QStringLiteral("Beta"), QStringLiteral("active")),
                      campaign(4, QStringLiteral("alpha"), QStringLiteral("active"))});
    CampaignFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(CampaignModel::Name, Qt::AscendingOrder);
    // Case ignored, numbers as numbers.
    QCOMPARE(namesInOrder(filter),
             (QStringList{QStringLiteral("alpha"), QStringLiteral("Beta"), QStringLiteral("campaign 9"),
                          QStringLiteral("Campaign 10")}));
    // A rename re-keys its row, and the live sort follows it.
    model.upsertCampaign(campaign(4, QStringLiteral("zulu"), QStringLiteral("active")));
    QCOMPARE(namesInOrder(filter).constLast(), QStringLiteral("zulu"));
    filter.sort(CampaignModel::Name, Qt::DescendingOrder);
    QCOMPARE(namesInOrder(filter).constFirst(), QStringLiteral("zulu"));
    QCOMPARE(namesInOrder(filter).constLast(), QStringLiteral("Beta"));
    // The names' ranks follow rows that leave and come, and equal names rank equal.
    model.replaceAll({campaign(1, QStringLiteral("Campaign 10"), QStringLiteral("active")),
                      campaign(3, QStringLiteral("Beta"), QStringLiteral("active")),
                      campaign(5, QStringLiteral("beta"), QStringLiteral("active")),
                      campaign(6, QStringLiteral("Campaign 2"), QStringLiteral("active"))});
    filter.sort(CampaignModel::Name, Qt::AscendingOrder);
    const QStringList order = namesInOrder(filter);
    QCOMPARE(order.size(), 4);
    QCOMPARE(order.mid(2), (QStringList{QStringLiteral("Campaign 2"), QStringLiteral("Campaign 10")}));
    QVERIFY(order.mid(0, 2).contains(QStringLiteral("Beta"))
            && order.mid(0, 2).contains(QStringLiteral("beta")));
    QVERIFY(!model.rowLessThan(0, 0, CampaignModel::Name).value_or(true)); // never less than itself
}

void TestConsoleModels::typedSortAgreesWithTheSortRole()
{
    // The fast comparison must order every column as a plain proxy over the SortRole does (ties aside).
    CampaignModel model;
    QList<Campaign> campaigns;
    for (int id = 1; id <= 40; ++id) {
        Campaign c = campaign(id, QStringLiteral("c%1").arg((id * 7) % 40),
                              id % 3 ? QStringLiteral("active") : QStringLiteral("paused"));
        c.priority = (id * 5) % 11;
        c.updatedAt = QDateTime::fromSecsSinceEpoch(1'700'000'000 + (id * 13) % 40, Qt::UTC);
        campaigns.append(c);
    }
    model.replaceAll(campaigns);
    for (int id = 1; id <= 40; id += 2) { // half the rows without metrics: they sort first
        CampaignRow row = *model.row(id);
        row.metrics = CampaignMetrics{100, (id * 3) % 17, 100 - (id * 3) % 17, (id * 3) % 17 * 1.0,
                                      double((id * 11) % 37)};
        model.upsert(row);
    }
    CampaignFilterModel fast;
    fast.setSourceModel(&model);
    QSortFilterProxyModel plain;
    plain.setSortRole(CampaignModel::SortRole);
    plain.setSourceModel(&model);
    for (const int column :
         {CampaignModel::State, CampaignModel::Progress, CampaignModel::Cracked,
          CampaignModel::PercentCracked, CampaignModel::Priority, CampaignModel::Updated}) {
        fast.sort(column);
        plain.sort(column);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY2(fast.index(row, column).data(CampaignModel::SortRole)
                         == plain.index(row, column).data(CampaignModel::SortRole),
                     qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
    }
}

void TestConsoleModels::activityHidesPlaintextUntilRevealed()
{
    ActivityModel activity;
    const Toast toast = Toast::fromTrigger(QStringLiteral("🎉 Hash cracked by gpu-01: 5f4dcc3b...→hunter2"));
    QCOMPARE(toast.plaintext, QStringLiteral("hunter2"));
    activity.addToast(toast);
    activity.add(ActivityModel::Kind::Connection, QStringLiteral("Connection: live"));
    QCOMPARE(activity.rowCount(), 2);
    const QModelIndex crack = activity.index(1);
    for (const int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole), int(Qt::ToolTipRole),
                           int(ActivityModel::PlaintextRole)})
        QVERIFY2(!crack.data(role).toString().contains(QStringLiteral("hunter2")),
                 qPrintable(QString::number(role)));
    QVERIFY(crack.data(ActivityModel::CanRevealRole).toBool());
    QVERIFY(!activity.index(0).data(ActivityModel::CanRevealRole).toBool());
    QVERIFY(!activity.setData(activity.index(0), true, ActivityModel::RevealedRole)); // nothing to reveal

    QSignalSpy changed(&activity, &QAbstractItemModel::dataChanged);
    QVERIFY(activity.setData(crack, true, ActivityModel::RevealedRole));
    QCOMPARE(changed.size(), 1);
    QVERIFY(crack.data(Qt::DisplayRole).toString().contains(QStringLiteral("hunter2")));
    QCOMPARE(crack.data(ActivityModel::PlaintextRole).toString(), QStringLiteral("hunter2"));
    QVERIFY(activity.setData(crack, false, ActivityModel::RevealedRole));
    QVERIFY(!crack.data(Qt::DisplayRole).toString().contains(QStringLiteral("hunter2")));
}

void TestConsoleModels::activityIsBoundedNewestFirst()
{
    ActivityModel activity(3);
    for (int i = 0; i < 5; ++i)
        activity.add(ActivityModel::Kind::Error, QStringLiteral("event %1").arg(i));
    QCOMPARE(activity.rowCount(), 3);
    QVERIFY(activity.index(0).data().toString().endsWith(QStringLiteral("event 4")));
    QVERIFY(activity.index(2).data().toString().endsWith(QStringLiteral("event 2")));
}

void TestConsoleModels::campaignRowsShowSpeedEtaAndWhenTheyChanged()
{
    CampaignModel model;
    model.upsertCampaign(campaign(7, QStringLiteral("seven"), QStringLiteral("active")));
    const QModelIndex name = model.index(0, CampaignModel::Name);
    QCOMPARE(name.data(CampaignModel::ChangedAtRole).toLongLong(), 0); // an insertion is not a change
    QVERIFY(!model.index(0, CampaignModel::Progress).data(CampaignModel::ProgressRole).isValid());

    CampaignRow row = *model.row(7);
    row.metrics = CampaignMetrics{100, 25, 75, 25.0, 40.5};
    row.hashesPerSecond = 12.3e6;
    row.etaSeconds = 2 * 3600 + 10 * 60;
    row.etaAt = QDateTime::currentDateTimeUtc();
    row.activeAgents = 2;
    model.upsert(row);
    QCOMPARE(name.data(CampaignModel::ChangedAtRole).toLongLong(), 0); // metrics filling in: still loading
    row.metrics->crackedHashes = 26;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    model.upsert(row);
    QVERIFY(name.data(CampaignModel::ChangedAtRole).toLongLong() >= before); // a complete row that moved
    QCOMPARE(model.index(0, CampaignModel::Speed).data().toString(), QStringLiteral("12.3 MH/s"));
    QCOMPARE(model.index(0, CampaignModel::Progress).data(CampaignModel::ProgressRole).toDouble(), 40.5);
    const QString eta = model.index(0, CampaignModel::Eta).data().toString();
    QVERIFY2(eta.startsWith(QStringLiteral("2 h 10 min · "))
                 || eta.startsWith(QStringLiteral("2 h 9 min · ")),
             qPrintable(eta));
    QCOMPARE(model.headerData(CampaignModel::Speed, Qt::Horizontal).toString(), QStringLiteral("Speed"));
    QCOMPARE(model.index(0, CampaignModel::Updated).data().toString(), QStringLiteral("just now"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshTimes();
    QCOMPARE(changed.size(), 1);
}

void TestConsoleModels::curlCommandHidesTheToken()
{
    const QByteArray token = "eyJhbGciOi.secret.token";
    const QString curl = ConnectionDiagnostics::curlCommand(
        QUrl(QStringLiteral("https://cs.example/api/v1/web/live/campaigns")),
        {{"Authorization", "Bearer " + token}, {"Cookie", "active_project_id=2"}}, token);
    QVERIFY2(!curl.contains(QString::fromLatin1(token)), qPrintable(curl));
    QCOMPARE(curl, QStringLiteral("curl -N -H 'Accept: text/event-stream' -H \"Authorization: Bearer "
                                  "$SWARMWATCH_TOKEN\" -H 'Cookie: active_project_id=2' "
                                  "'https://cs.example/api/v1/web/live/campaigns'"));
}

QTEST_GUILESS_MAIN(TestConsoleModels)
#include "tst_ConsoleModels.moc"
