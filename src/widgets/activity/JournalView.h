#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QTableView;

namespace Ui {
class JournalView;
}

namespace swarmwatch {

class Journal;
class JournalTableModel;

// The journal, searchable: text, kind, time span and campaign, newest first; exports what it shows as CSV or
// JSON. Says so when the journal has a problem (a damaged file set aside, a folder that cannot be written).
class JournalView : public QWidget
{
    Q_OBJECT

public:
    explicit JournalView(Journal *journal, QWidget *parent = nullptr);
    ~JournalView() override;

    QTableView *table() const;
    JournalTableModel *model() const { return m_model.get(); }
    // Writes what the filters find (all of it, not only the rows loaded) to `path`; false and `error` on
    // failure.
    enum class Format { Csv, Json };
    bool exportTo(const QString &path, Format format, QString *error = nullptr);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyFilters();
    void showProblem(const QString &problem);
    void updateCount();

    std::unique_ptr<Ui::JournalView> m_ui;
    Journal *m_journal;
    std::unique_ptr<JournalTableModel> m_model;
    QTimer m_typing; // search as you type, once typing pauses
};

} // namespace swarmwatch
