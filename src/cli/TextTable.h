#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace swarmwatch {

// A plain-text table for a terminal: columns padded to their widest cell, two spaces apart, numbers to the
// right. Given a width, it fits: the least useful columns go first, then the elastic ones (names) are cut
// short with "…". Width 0 (a pipe or a file) keeps every row whole.
class TextTable
{
public:
    struct Column {
        QString header;
        bool alignRight = false;
        int dropRank = 0;     // 0: always shown; otherwise dropped to fit, the highest rank first
        bool elastic = false; // cut short to fit, down to minWidth
        int minWidth = 10;
    };

    explicit TextTable(QList<Column> columns);

    void addRow(QStringList cells);
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    // Every line ends with '\n'; the header first.
    QString render(int width = 0) const;

    // Columns the text takes on a terminal (wide characters two, combining marks none).
    static qsizetype displayWidth(const QString &text);
    // The text cut to at most `width` columns, "…" marking the cut.
    static QString elide(const QString &text, qsizetype width);

private:
    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace swarmwatch
