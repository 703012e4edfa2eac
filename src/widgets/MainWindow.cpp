#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>

namespace swarmwatch {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("SwarmWatch"));
    auto *placeholder = new QLabel(tr("SwarmWatch: the CipherSwarm operator console.\n"
                                      "Campaigns and agents will appear here once a server is connected."),
                                   this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    m_status->setText(tr("Not connected"));
    statusBar()->addWidget(m_status);
    resize(900, 600);
}

} // namespace swarmwatch
