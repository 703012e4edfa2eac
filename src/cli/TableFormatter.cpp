#include "TableFormatter.h"

#include "AgentModel.h"
#include "CampaignFilterModel.h"
#include "CampaignModel.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace swarmwatch {

namespace {

// The server's order: newest created first, the higher id first among equals.
bool newerFirst(const CampaignRow &a, const CampaignRow &b)
{
    if (a.campaign.createdAt != b.campaign.createdAt)
        return a.campaign.createdAt > b.campaign.createdAt;
    return a.campaign.id > b.campaign.id;
}

using Less = std::function<bool(const CampaignRow &, const CampaignRow &)>;

// Rows without a value sort last, whichever the direction.
template <typename Value>
std::optional<bool> byOptional(const std::optional<Value> &a, const std::optional<Value> &b, bool reversed)
{
    if (a.has_value() != b.has_value())
        return a.has_value();
    if (!a || *a == *b)
        return std::nullopt;
    return reversed ? *b < *a : *a < *b;
}

template <typename Value>
std::optional<bool> byValue(const Value &a, const Value &b, bool reversed)
{
    if (a == b)
        return std::nullopt;
    return reversed ? b < a : a < b;
}

std::optional<double> progressOf(const CampaignRow &row)
{
    return row.metrics ? std::optional<double>(row.metrics->progressPercent) : std::nullopt;
}

std::optional<qint64> finishOf(const CampaignRow &row)
{
    if (!row.etaSeconds)
        return std::nullopt;
    return row.etaAt ? row.etaAt->addSecs(*row.etaSeconds).toSecsSinceEpoch() : *row.etaSeconds;
}

std::optional<qint64> crackedOf(const CampaignRow &row)
{
    return row.metrics ? std::optional<qint64>(row.metrics->crackedHashes) : std::nullopt;
}

// A key's comparison, or nullopt when the two are equal under it (the server's order then decides).
std::optional<bool> compareBy(const QString &key, const CampaignRow &a, const CampaignRow &b, bool reversed)
{
    if (key == QLatin1String("name"))
        return byValue(QString::localeAwareCompare(a.campaign.name, b.campaign.name), 0, reversed);
    if (key == QLatin1String("state"))
        return byValue(a.campaign.state, b.campaign.state, reversed);
    if (key == QLatin1String("progress"))
        return byOptional(progressOf(a), progressOf(b), reversed);
    if (key == QLatin1String("eta"))
        return byOptional(finishOf(a), finishOf(b), reversed);
    if (key == QLatin1String("speed"))
        return byOptional(a.hashesPerSecond, b.hashesPerSecond, reversed);
    if (key == QLatin1String("cracked"))
        return byOptional(crackedOf(a), crackedOf(b), reversed);
    if (key == QLatin1String("updated"))
        return byValue(a.campaign.updatedAt, b.campaign.updatedAt, reversed);
    if (key == QLatin1String("id"))
        return byValue(a.campaign.id, b.campaign.id, reversed);
    return std::nullopt; // "newest": the server's order
}

// One column of a printed table: a model column (or the row's id, which the models keep out of their columns)
// and how the column looks and gives way on a narrow terminal.
struct ColumnSpec {
    int modelColumn; // kIdColumn: the row's id
    TextTable::Column look;
};
constexpr int kIdColumn = -1;

TextTable tableOf(const QAbstractItemModel &model, int idRole, const QList<ColumnSpec> &specs,
                  const QList<int> &rows)
{
    QList<TextTable::Column> columns;
    for (const ColumnSpec &spec : specs)
        columns.append(spec.look);
    TextTable table(columns);
    for (const int r : rows) {
        QStringList cells;
        for (const ColumnSpec &spec : specs) {
            const QModelIndex index = model.index(r, std::max(0, spec.modelColumn));
            cells.append(spec.modelColumn == kIdColumn ? model.data(index, idRole).toString()
                                                       : model.data(index).toString());
        }
        table.addRow(cells);
    }
    return table;
}

} // namespace

QStringList TableFormatter::sortKeys()
{
    return {QStringLiteral("newest"),   QStringLiteral("name"),    QStringLiteral("state"),
            QStringLiteral("progress"), QStringLiteral("eta"),     QStringLiteral("speed"),
            QStringLiteral("cracked"),  QStringLiteral("updated"), QStringLiteral("id")};
}

QString TableFormatter::check(const CampaignSelection &selection)
{
    QString key = selection.sort;
    if (key.startsWith(QLatin1Char('-')))
        key.remove(0, 1);
    if (!selection.sort.isEmpty() && !sortKeys().contains(key))
        return tr("--sort takes one of %1 (a leading - reverses): not “%2”")
            .arg(sortKeys().join(QStringLiteral(", ")), selection.sort);
    if (selection.limit < 0)
        return tr("--limit takes a number of rows, 0 for all");
    const QStringList known = CampaignFilterModel::knownStates();
    for (const QString &state : selection.states) {
        if (!known.contains(state, Qt::CaseInsensitive))
            return tr("--state takes states from %1: not “%2”").arg(known.join(QStringLiteral(", ")), state);
    }
    return {};
}

QList<int> TableFormatter::campaignRows(const CampaignModel &model, const CampaignSelection &selection)
{
    const QList<CampaignRow> &rows = model.rows();
    QList<int> order;
    for (int r = 0; r < rows.size(); ++r) {
        if (selection.states.isEmpty()
            || selection.states.contains(rows[r].campaign.state, Qt::CaseInsensitive))
            order.append(r);
    }
    const bool reversed = selection.sort.startsWith(QLatin1Char('-'));
    const QString key = reversed ? selection.sort.mid(1) : selection.sort;
    std::stable_sort(order.begin(), order.end(), [&](int left, int right) {
        const CampaignRow &a = rows[left];
        const CampaignRow &b = rows[right];
        // Rows without a value stay last in either direction.
        if (const std::optional<bool> less = compareBy(key, a, b, reversed))
            return *less;
        return key.isEmpty() || key == QLatin1String("newest")
                   ? (reversed ? newerFirst(b, a) : newerFirst(a, b))
                   : newerFirst(a, b);
    });
    if (selection.limit > 0 && order.size() > selection.limit)
        order.resize(selection.limit);
    return order;
}

TextTable TableFormatter::campaigns(const CampaignModel &model, const QList<int> &rows)
{
    // What an operator scans for first stays; on a narrow terminal the rest goes, least useful first.
    return tableOf(model, CampaignModel::IdRole,
                   {
                       {kIdColumn, {tr("ID"), true, 0, false, 0}},
                       {CampaignModel::Name, {tr("NAME"), false, 0, true, 12}},
                       {CampaignModel::State, {tr("STATE"), false, 0, false, 0}},
                       {CampaignModel::Progress, {tr("PROGRESS"), true, 0, false, 0}},
                       {CampaignModel::Cracked, {tr("CRACKED"), true, 3, false, 0}},
                       {CampaignModel::Speed, {tr("SPEED"), true, 4, false, 0}},
                       {CampaignModel::Eta, {tr("ETA"), false, 2, false, 0}},
                       {CampaignModel::ActiveAgents, {tr("AGENTS"), true, 6, false, 0}},
                       {CampaignModel::Updated, {tr("UPDATED"), false, 5, false, 0}},
                   },
                   rows);
}

TextTable TableFormatter::agents(const AgentModel &model)
{
    QList<int> byId(model.rowCount());
    std::iota(byId.begin(), byId.end(), 0);
    std::sort(byId.begin(), byId.end(),
              [&](int a, int b) { return model.rows().at(a).agent.id < model.rows().at(b).agent.id; });
    return tableOf(model, AgentModel::IdRole,
                   {
                       {kIdColumn, {tr("ID"), true, 0, false, 0}},
                       {AgentModel::Name, {tr("NAME"), false, 0, true, 12}},
                       {AgentModel::State, {tr("STATE"), false, 0, false, 0}},
                       {AgentModel::Online, {tr("ONLINE"), false, 0, false, 0}},
                       {AgentModel::LastSeen, {tr("LAST SEEN"), false, 3, false, 0}},
                       {AgentModel::Speed, {tr("SPEED"), true, 4, false, 0}},
                       {AgentModel::Enabled, {tr("ENABLED"), false, 6, false, 0}},
                       {AgentModel::OperatingSystem, {tr("OS"), false, 5, false, 0}},
                       {AgentModel::Devices, {tr("DEVICES"), false, 7, true, 10}},
                       {AgentModel::LatestError, {tr("LATEST ERROR"), false, 8, true, 16}},
                   },
                   byId);
}

} // namespace swarmwatch
