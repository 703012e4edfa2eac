#include "Icons.h"

#include "CampaignFilterModel.h"

#include <QHash>

// The resources live in this static library: register them before the first icon is read.
static void registerIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace swarmwatch {

namespace {

QIcon load(const QString &path)
{
    static const bool registered = [] {
        registerIconResources();
        return true;
    }();
    Q_UNUSED(registered)
    static QHash<QString, QIcon> cache; // QIcon shares its data; one SVG parse per icon
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return *it;
}

} // namespace

QIcon Icons::application()
{
    return load(QStringLiteral(":/swarmwatch.svg"));
}

QIcon Icons::campaignState(const QString &state)
{
    const QString known =
        CampaignFilterModel::knownStates().contains(state) ? state : QStringLiteral("other");
    return load(QStringLiteral(":/state/%1.svg").arg(known));
}

QIcon Icons::connection(StatusPresenter::Look look)
{
    switch (look) {
    case StatusPresenter::Look::Live:
        return load(QStringLiteral(":/connection/live.svg"));
    case StatusPresenter::Look::Connecting:
        return load(QStringLiteral(":/connection/connecting.svg"));
    case StatusPresenter::Look::Reconnecting:
        return load(QStringLiteral(":/connection/reconnecting.svg"));
    case StatusPresenter::Look::Disconnected:
        return load(QStringLiteral(":/connection/disconnected.svg"));
    case StatusPresenter::Look::Unauthorized:
        return load(QStringLiteral(":/connection/unauthorized.svg"));
    case StatusPresenter::Look::SignedOut:
        return load(QStringLiteral(":/connection/signed-out.svg"));
    }
    return {};
}

QIcon Icons::action(const QString &name)
{
    return load(QStringLiteral(":/action/%1.svg").arg(name));
}

} // namespace swarmwatch
