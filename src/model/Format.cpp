#include "Format.h"

#include "LocalClock.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace swarmwatch {

QString Format::duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString Format::eta(const QDateTime &finishAt, const QDateTime &now)
{
    if (!finishAt.isValid())
        return {};
    const qint64 left = std::max<qint64>(0, now.secsTo(finishAt));
    return tr("%1 · %2").arg(duration(left), timeOfDay(finishAt, now).section(QLatin1Char(':'), 0, -2));
}

QString Format::rate(double hashesPerSecond)
{
    static const char *const units[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};
    if (!std::isfinite(hashesPerSecond) || hashesPerSecond < 0)
        return {};
    int unit = 0;
    double value = hashesPerSecond;
    while (value >= 1000 && unit < 6) {
        value /= 1000;
        ++unit;
    }
    const int decimals = unit == 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', decimals), QLatin1String(units[unit]));
}

QString Format::ago(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = when.secsTo(now);
    if (seconds < -5)
        return tr("in the future");
    if (seconds < 5)
        return tr("just now");
    if (seconds < 60)
        return tr("%1 s ago").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h ago").arg(seconds / 3600);
    return tr("%1 d ago").arg(seconds / 86400);
}

QString Format::timeOfDay(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const LocalClock::WallClock local = LocalClock::at(when);
    const QDate today = LocalClock::at(now).date;
    const QString time = local.time.toString(QStringLiteral("HH:mm:ss"));
    if (local.date == today)
        return time;
    // Within a week the day's name says enough; further away, the date.
    const qint64 days = std::abs(today.daysTo(local.date));
    const QString day = days < 7 ? QLocale().toString(local.date, QStringLiteral("ddd"))
                                 : QLocale().toString(local.date, QLocale::ShortFormat);
    return tr("%1 %2").arg(day, time);
}

QString Format::percent(double value, int decimals)
{
    return tr("%1 %").arg(QLocale().toString(value, 'f', decimals));
}

} // namespace swarmwatch
