#include "CliApplication.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SwarmWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("swarmwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWARMWATCH_VERSION));
    return swarmwatch::CliApplication(stdout, stderr).run(QCoreApplication::arguments());
}
