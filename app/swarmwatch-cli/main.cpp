#include "CliApplication.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SwarmWatch"));
    QCoreApplication::setApplicationName(QStringLiteral("swarmwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWARMWATCH_VERSION));
    // stdout and stderr belong to the command's output; the libraries' progress notes stay quiet unless asked
    // for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("swarmwatch.*.debug=false\nswarmwatch.*.info=false"));
    return swarmwatch::CliApplication(stdout, stderr).run(QCoreApplication::arguments());
}
