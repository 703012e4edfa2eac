#include "TextTable.h"

#include <algorithm>
#include <numeric>

namespace swarmwatch {

namespace {

constexpr qsizetype kGap = 2;

QString cut(const QString &text, qsizetype width)
{
    if (text.size() <= width)
        return text;
    return width <= 1 ? text.left(width) : text.left(width - 1) + QChar(0x2026);
}

} // namespace

TextTable::TextTable(QList<Column> columns)
    : m_columns(std::move(columns))
{}

void TextTable::addRow(QStringList cells)
{
    // A cell is one line, whatever the server put in it.
    for (QString &cell : cells)
        cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_rows.append(std::move(cells));
}

QString TextTable::render(int width) const
{
    const qsizetype count = m_columns.size();
    QList<qsizetype> widths(count, 0);
    QList<bool> shown(count, true);
    for (qsizetype c = 0; c < count; ++c) {
        qsizetype widest = 0;
        for (const QStringList &row : m_rows)
            widest = std::max(widest, row.value(c).size());
        widths[c] = std::max(widest, m_columns[c].header.size());
        // A column nobody has a value for (no speeds reported yet) is only a header: leave it out.
        if (widest == 0 && !m_rows.isEmpty() && m_columns[c].dropRank > 0)
            shown[c] = false;
    }
    const auto total = [&] {
        qsizetype sum = 0;
        qsizetype visible = 0;
        for (qsizetype c = 0; c < count; ++c) {
            if (shown[c]) {
                sum += widths[c];
                ++visible;
            }
        }
        return sum + kGap * std::max<qsizetype>(0, visible - 1);
    };
    if (width > 0) {
        // First the least useful columns, then the elastic ones shrink, widest first.
        while (total() > width) {
            qsizetype drop = -1;
            for (qsizetype c = 0; c < count; ++c) {
                if (shown[c] && m_columns[c].dropRank > 0
                    && (drop < 0 || m_columns[c].dropRank > m_columns[drop].dropRank))
                    drop = c;
            }
            if (drop < 0)
                break;
            shown[drop] = false;
        }
        for (qsizetype c = 0; c < count && total() > width; ++c) {
            if (!shown[c] || !m_columns[c].elastic)
                continue;
            const qsizetype floor = std::max<qsizetype>(m_columns[c].minWidth, m_columns[c].header.size());
            widths[c] = std::max(floor, widths[c] - (total() - width));
        }
    }

    QString text;
    const auto line = [&](const QStringList &cells) {
        QString out;
        qsizetype last = -1;
        for (qsizetype c = 0; c < count; ++c) {
            if (shown[c])
                last = c;
        }
        for (qsizetype c = 0; c < count; ++c) {
            if (!shown[c])
                continue;
            const QString cell = cut(cells.value(c), widths[c]);
            if (m_columns[c].alignRight)
                out += cell.rightJustified(widths[c]);
            else
                out += c == last ? cell : cell.leftJustified(widths[c]);
            if (c != last)
                out += QString(kGap, QLatin1Char(' '));
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        text += out + QLatin1Char('\n');
    };
    QStringList headers;
    for (const Column &column : m_columns)
        headers.append(column.header);
    line(headers);
    for (const QStringList &row : m_rows)
        line(row);
    return text;
}

} // namespace swarmwatch
