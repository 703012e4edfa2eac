#include "JournalCommand.h"

#include "ExitCode.h"
#include "Journal.h"

#include <QCommandLineParser>
#include <QLocale>
#include <QRegularExpression>

namespace swarmwatch {

JournalCommand::JournalCommand(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{}

int JournalCommand::usageError(const QString &message)
{
    std::fputs(QStringLiteral("swarmwatch-cli journal: %1\n").arg(message).toUtf8().constData(), m_err);
    return ExitUsage;
}

std::optional<QDateTime> JournalCommand::parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d{1,6})([smhd])$"));
    const QRegularExpressionMatch match = relative.match(text.trimmed());
    if (match.hasMatch()) {
        const qint64 count = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('s')   ? count
                               : unit == QLatin1Char('m') ? count * 60
                               : unit == QLatin1Char('h') ? count * 3600
                                                          : count * 86400;
        return now.addSecs(-seconds);
    }
    QDateTime absolute = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!absolute.isValid())
        return std::nullopt;
    return absolute.toUTC();
}

int JournalCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Read the journal that swarmwatch writes while it runs: connection changes, toasts as they were "
           "shown "
           "(never a plaintext), campaign state changes and progress samples. Newest first."));
    parser.addHelpOption();
    const QCommandLineOption since(QStringLiteral("since"),
                                   tr("Only what happened since then: 2h, 30m, 7d, or an "
                                      "ISO date and time."),
                                   QStringLiteral("when"));
    const QCommandLineOption kind(
        QStringLiteral("kind"), tr("Only these kinds, comma-separated: connection, toast, campaign, sample."),
        QStringLiteral("kinds"));
    const QCommandLineOption campaign(QStringLiteral("campaign"), tr("Only this campaign."),
                                      QStringLiteral("id"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    tr("Only lines whose text contains this (case "
                                       "ignored)."),
                                    QStringLiteral("text"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most this many lines (default 100)."),
                                   QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print a JSON array."));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Print CSV."));
    const QCommandLineOption file(QStringLiteral("journal"),
                                  tr("Read this file instead of %1.").arg(Journal::defaultPath()),
                                  QStringLiteral("path"));
    parser.addOptions({since, kind, campaign, search, limit, json, csv, file});
    QStringList args = arguments;
    args.removeAt(1); // "journal"
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        QString help = parser.helpText();
        help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: swarmwatch-cli journal"));
        std::fputs(help.toUtf8().constData(), m_out);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected arguments: %1 (see --help)")
                              .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (parser.isSet(json) && parser.isSet(csv))
        return usageError(tr("--json and --csv: choose one"));

    JournalQuery query;
    if (parser.isSet(since)) {
        const std::optional<QDateTime> from =
            parseSince(parser.value(since), QDateTime::currentDateTimeUtc());
        if (!from)
            return usageError(
                tr("“%1” is not a time: use 2h, 30m, 7d or an ISO date and time").arg(parser.value(since)));
        query.since = *from;
    }
    if (parser.isSet(kind)) {
        for (const QString &name : parser.value(kind).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<JournalEntry::Kind> k = JournalEntry::kindFromName(name.trimmed().toLower());
            if (!k)
                return usageError(
                    tr("unknown kind “%1”: connection, toast, campaign or sample").arg(name.trimmed()));
            query.kinds.insert(*k);
        }
    }
    if (parser.isSet(campaign)) {
        bool ok = false;
        const qint64 id = parser.value(campaign).toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(tr("“%1” is not a campaign id").arg(parser.value(campaign)));
        query.campaignId = id;
    }
    query.search = parser.value(search);
    bool limitOk = false;
    query.limit = parser.value(limit).toInt(&limitOk);
    if (!limitOk || query.limit <= 0)
        return usageError(tr("--limit takes a positive number"));

    Journal journal(parser.isSet(file) ? parser.value(file) : Journal::defaultPath());
    if (!journal.openReadOnly()) {
        std::fputs(QStringLiteral("swarmwatch-cli journal: %1\n").arg(journal.problem()).toUtf8().constData(),
                   m_err);
        return ExitUsage;
    }
    const QList<JournalEntry> entries = journal.read(query);
    if (!journal.problem().isEmpty()) {
        std::fputs(QStringLiteral("swarmwatch-cli journal: %1\n").arg(journal.problem()).toUtf8().constData(),
                   m_err);
        return ExitUsage;
    }
    if (parser.isSet(json)) {
        std::fputs(Journal::toJson(entries).constData(), m_out);
        return ExitOk;
    }
    if (parser.isSet(csv)) {
        std::fputs(Journal::toCsv(entries).constData(), m_out);
        return ExitOk;
    }
    // The table: local time with its zone, the kind, what happened.
    for (const JournalEntry &entry : entries) {
        QString what = entry.text;
        if (entry.kind == JournalEntry::Kind::Sample) {
            what = tr("campaign %1%2: %3 %, %4 cracked")
                       .arg(entry.campaignId.value_or(0))
                       .arg(entry.text.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(entry.text))
                       .arg(entry.progress ? QString::number(*entry.progress, 'f', 1) : QStringLiteral("?"))
                       .arg(entry.cracked ? QString::number(*entry.cracked) : QStringLiteral("?"));
        }
        const QString line =
            QStringLiteral("%1  %2  %3\n")
                .arg(entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")),
                     JournalEntry::kindName(entry.kind).leftJustified(10), what);
        std::fputs(line.toUtf8().constData(), m_out);
    }
    if (entries.isEmpty())
        std::fputs(tr("(nothing in the journal matches)\n").toUtf8().constData(), m_err);
    return ExitOk;
}

} // namespace swarmwatch
