#pragma once

#include <QMainWindow>

class QLabel;

namespace swarmwatch {

// The console's main window. For now it only says what is coming; the campaign table, feed indicators and
// login arrive with the desktop console issue, on top of the sse/api/model libraries.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    QLabel *m_status;
};

} // namespace swarmwatch
