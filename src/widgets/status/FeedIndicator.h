#pragma once

#include "StatusPresenter.h"

#include <QWidget>

class QLabel;

namespace swarmwatch {

// One feed's (or the whole connection's) state in the status bar: an icon whose shape says the state and a
// word or two beside it; the detail in the tooltip, all of it for a screen reader.
class FeedIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit FeedIndicator(const QString &name, QWidget *parent = nullptr);

    void setIndicator(const StatusPresenter::Indicator &indicator);
    const StatusPresenter::Indicator &indicator() const { return m_indicator; }
    QString text() const;

private:
    QString m_name;
    QLabel *m_icon;
    QLabel *m_text;
    StatusPresenter::Indicator m_indicator;
};

} // namespace swarmwatch
