// SwarmWatch's own icons: every one loads, and the action icons take the palette's colours as they are drawn.
#include "Icons.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QTest>

namespace swarmwatch {

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void everyIconLoads();
    void actionIconsTakeTheButtonTextColour_data();
    void actionIconsTakeTheButtonTextColour();
    void actionIconsFollowAPaletteChange();
    void actionIconsAreSharpAtHighDensity();

private:
    static QPalette darkPalette();
    // The distinct colours of a pixmap's opaque pixels, alpha dropped (edges are antialiased in alpha only).
    static QSet<QRgb> opaqueColours(const QPixmap &pixmap);

    const QPalette m_startPalette = QApplication::palette();
};

QPalette TestIcons::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::Active, QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Inactive, QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return dark;
}

QSet<QRgb> TestIcons::opaqueColours(const QPixmap &pixmap)
{
    QSet<QRgb> colours;
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) == 255)
                colours.insert(pixel & 0xffffffu);
        }
    }
    return colours;
}

void TestIcons::cleanup()
{
    QApplication::setPalette(m_startPalette);
}

void TestIcons::everyIconLoads()
{
    QVERIFY(!Icons::application().pixmap(64, 64).isNull());
    for (const QString &state : {QStringLiteral("active"), QStringLiteral("draft"), QStringLiteral("paused"),
                                 QStringLiteral("completed"), QStringLiteral("archived"),
                                 QStringLiteral("error"), QStringLiteral("no such state")})
        QVERIFY2(!Icons::campaignState(state).pixmap(16, 16).isNull(), qPrintable(state));
    for (const auto look : {StatusPresenter::Look::Live, StatusPresenter::Look::Connecting,
                            StatusPresenter::Look::Reconnecting, StatusPresenter::Look::Disconnected,
                            StatusPresenter::Look::Unauthorized, StatusPresenter::Look::SignedOut})
        QVERIFY(!Icons::connection(look).pixmap(16, 16).isNull());
    for (const QString &name : {QStringLiteral("reveal"), QStringLiteral("reconnect"),
                                QStringLiteral("sign-out"), QStringLiteral("filter")}) {
        QVERIFY2(!Icons::action(name).isNull(), qPrintable(name));
        QVERIFY2(!opaqueColours(Icons::action(name).pixmap(24, 24)).isEmpty(), qPrintable(name));
    }
}

void TestIcons::actionIconsTakeTheButtonTextColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("name");
    for (const bool dark : {false, true}) {
        for (const char *name : {"reveal", "reconnect", "sign-out", "filter"})
            QTest::addRow("%s %s", dark ? "dark" : "light", name) << dark << QString::fromLatin1(name);
    }
}

void TestIcons::actionIconsTakeTheButtonTextColour()
{
    QFETCH(bool, dark);
    QFETCH(QString, name);
    if (dark)
        QApplication::setPalette(darkPalette());
    const QPalette palette = QApplication::palette();

    const QIcon icon = Icons::action(name);
    const QSet<QRgb> normal = opaqueColours(icon.pixmap(QSize(24, 24), 1.0, QIcon::Normal));
    QCOMPARE(normal, QSet<QRgb>{palette.color(QPalette::Active, QPalette::ButtonText).rgb() & 0xffffffu});
    const QSet<QRgb> disabled = opaqueColours(icon.pixmap(QSize(24, 24), 1.0, QIcon::Disabled));
    QCOMPARE(disabled, QSet<QRgb>{palette.color(QPalette::Disabled, QPalette::ButtonText).rgb() & 0xffffffu});

    // Drawn with a painter (menus, tool buttons), too.
    QPixmap canvas(24, 24);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    icon.paint(&painter, canvas.rect());
    painter.end();
    QCOMPARE(opaqueColours(canvas), normal);
}

void TestIcons::actionIconsFollowAPaletteChange()
{
    const QIcon icon = Icons::action(QStringLiteral("reconnect")); // one object, kept across the change
    const QSet<QRgb> before = opaqueColours(icon.pixmap(QSize(24, 24), 1.0));
    QApplication::setPalette(darkPalette());
    const QSet<QRgb> after = opaqueColours(icon.pixmap(QSize(24, 24), 1.0));
    QCOMPARE(after, QSet<QRgb>{0xeeeeeeu});
    QVERIFY(before != after);
}

void TestIcons::actionIconsAreSharpAtHighDensity()
{
    const QPixmap pixmap = Icons::action(QStringLiteral("filter")).pixmap(QSize(16, 16), 2.0);
    QCOMPARE(pixmap.size(), QSize(32, 32)); // rendered for 32 device pixels, not 16 scaled up
    QCOMPARE(pixmap.devicePixelRatio(), 2.0);
}

} // namespace swarmwatch

QTEST_MAIN(swarmwatch::TestIcons)
#include "tst_Icons.moc"
