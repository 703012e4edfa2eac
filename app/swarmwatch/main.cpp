#include "MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SwarmWatch"));
    QApplication::setApplicationName(QStringLiteral("swarmwatch"));
    QApplication::setApplicationVersion(QStringLiteral(SWARMWATCH_VERSION));
    swarmwatch::MainWindow window;
    window.show();
    return QApplication::exec();
}
