#pragma once

#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>

namespace swarmwatch {

class CampaignModel;

// The campaign table as a view shows it: sorted by each column's SortRole and filtered by name and by state.
// States it does not know by name (the server may add some) count as "other".
class CampaignFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CampaignFilterModel(QObject *parent = nullptr);

    static QStringList knownStates(); // draft, active, paused, completed, error, archived
    static QString otherState() { return QStringLiteral("other"); }

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStates(const QSet<QString> &states);
    QSet<QString> states() const { return m_states; }

    void setSourceModel(QAbstractItemModel *model) override;

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<CampaignModel> m_campaigns; // the source when it is one: sorts without QVariant
    QString m_text;
    QSet<QString> m_states;
};

} // namespace swarmwatch
