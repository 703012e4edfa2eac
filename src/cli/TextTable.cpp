#include "TextTable.h"

#include <algorithm>
#include <numeric>

namespace swarmwatch {

namespace {

constexpr qsizetype kGap = 2;
constexpr qsizetype kComfortableWidth = 24;

// Columns a code point takes on a terminal: East Asian wide and emoji take two, combining marks none. A
// table of ranges rather than wcwidth(), which answers -1 for all of them in the C locale.
int codePointWidth(char32_t c)
{
    if (c == 0x200B || (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F))
        return 0;
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
                      || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
                      || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                      || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                      || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

} // namespace

qsizetype TextTable::displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (const char32_t c : text.toUcs4())
        width += codePointWidth(c);
    return width;
}

QString TextTable::elide(const QString &text, qsizetype width)
{
    if (displayWidth(text) <= width)
        return text;
    QString out;
    qsizetype used = 0;
    const qsizetype room = std::max<qsizetype>(0, width - 1); // the ellipsis takes one
    for (const char32_t c : text.toUcs4()) {
        const int w = codePointWidth(c);
        if (used + w > room)
            break;
        out += QString::fromUcs4(&c, 1);
        used += w;
    }
    return width >= 1 ? out + QChar(0x2026) : out;
}

namespace {

QString padded(const QString &text, qsizetype width, bool right)
{
    const QString fill(std::max<qsizetype>(0, width - TextTable::displayWidth(text)), QLatin1Char(' '));
    return right ? fill + text : text + fill;
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
            widest = std::max(widest, displayWidth(row.value(c)));
        widths[c] = std::max(widest, displayWidth(m_columns[c].header));
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
        // Names give way to a comfortable width first (a name cut at 24 still says what it is), then the
        // least useful columns go, then names shrink to their minimum.
        const auto shrinkElastic = [&](qsizetype comfortable) {
            for (qsizetype c = 0; c < count && total() > width; ++c) {
                if (!shown[c] || !m_columns[c].elastic)
                    continue;
                const qsizetype floor = std::max(
                    {comfortable, qsizetype(m_columns[c].minWidth), displayWidth(m_columns[c].header)});
                widths[c] = std::max(std::min(widths[c], floor), widths[c] - (total() - width));
            }
        };
        shrinkElastic(kComfortableWidth);
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
        shrinkElastic(0);
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
            const QString cell = elide(cells.value(c), widths[c]);
            out += c == last && !m_columns[c].alignRight ? cell
                                                         : padded(cell, widths[c], m_columns[c].alignRight);
            if (c != last)
                out += QString(kGap, QLatin1Char(' '));
        }
        while (out.endsWith(QLatin1Char(' ')))
            out.chop(1);
        if (width > 0)
            out = elide(out, width); // columns that cannot give way any more: cut the line, never wrap it
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
