#include "Icons.h"

#include "CampaignFilterModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

// The resources live in this static library: register them before the first icon is read.
static void registerIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace swarmwatch {

namespace {

// Draws a one-colour shape in the application palette's button text colour, read when the icon is drawn: an
// action's icon is then as readable as its label in a light and in a dark palette, and follows a change of
// the palette while the application runs (a fixed colour was faint on dark buttons).
class PaletteTintedIconEngine final : public QIconEngine
{
public:
    explicit PaletteTintedIconEngine(QIcon shape)
        : m_shape(std::move(shape))
    {}

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = mode == QIcon::Disabled
                                  ? palette.color(QPalette::Disabled, QPalette::ButtonText)
                                  : palette.color(QPalette::Active, QPalette::ButtonText);
        // Device pixels: the caller has already scaled the size for the screen.
        QPixmap pixmap = m_shape.pixmap(size, 1.0, QIcon::Normal, state);
        if (pixmap.isNull())
            return pixmap;
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), colour);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap tinted = pixmap(rect.size() * scale, mode, state);
        tinted.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, tinted);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return m_shape.actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_shape.availableSizes(mode, state);
    }

    QIconEngine *clone() const override { return new PaletteTintedIconEngine(m_shape); }
    QString key() const override { return QStringLiteral("PaletteTintedIconEngine"); }
    bool isNull() override { return m_shape.isNull(); }

private:
    QIcon m_shape;
};

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
    static QHash<QString, QIcon> tinted;
    auto it = tinted.find(name);
    if (it == tinted.end())
        it = tinted.insert(
            name, QIcon(new PaletteTintedIconEngine(load(QStringLiteral(":/action/%1.svg").arg(name)))));
    return *it;
}

QIcon Icons::withBadge(const QIcon &icon, int count)
{
    if (count <= 0)
        return icon;
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QIcon badged;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = icon.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal diameter = size * 0.62;
        const QRectF badge(size - diameter, 0, diameter, diameter);
        // A white ring keeps the badge apart from the icon under it, whatever the panel's colour.
        painter.setPen(QPen(Qt::white, std::max(1.0, size / 24.0)));
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(std::max(6, static_cast<int>(diameter * (text.size() > 1 ? 0.5 : 0.7))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

} // namespace swarmwatch
