#pragma once

#include <QWidget>

#include <memory>

class QListView;

namespace Ui {
class ActivityView;
}

namespace swarmwatch {

class ActivityModel;

// Toasts and connection events, newest first. A crack's plaintext stays hidden until the user reveals that
// one row (and hides it again the same way); nothing reveals them all.
class ActivityView : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityView(ActivityModel *activity, QWidget *parent = nullptr);
    ~ActivityView() override;

    QListView *list() const;

private:
    void updateRevealButton();

    std::unique_ptr<Ui::ActivityView> m_ui;
    ActivityModel *m_activity;
};

} // namespace swarmwatch
