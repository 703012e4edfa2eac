// The campaign table's text cache: draws what the style would (aligned, elided to the cell), and lays a text
// out once per width.
#include "CellTextCache.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace swarmwatch;

namespace {

// The smallest rectangle holding every pixel that is not the background.
QRect inkOf(const QImage &image)
{
    QRect ink;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != qRgb(255, 255, 255))
                ink |= QRect(x, y, 1, 1);
        }
    }
    return ink;
}

QImage canvas()
{
    QImage image(400, 40, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

} // namespace

class TestCellTextCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsWhereTheStyleWould_data()
    {
        QTest::addColumn<int>("alignment");
        QTest::newRow("left") << int(Qt::AlignLeft | Qt::AlignVCenter);
        QTest::newRow("right") << int(Qt::AlignRight | Qt::AlignVCenter);
        QTest::newRow("centre") << int(Qt::AlignCenter);
    }
    void drawsWhereTheStyleWould()
    {
        QFETCH(int, alignment);
        const QRect cell(10, 5, 300, 30);
        const QString text = QStringLiteral("2 h 10 min · 14:35");
        CellTextCache cache;
        QImage cached = canvas();
        {
            QPainter painter(&cached);
            cache.draw(&painter, cell, Qt::Alignment(alignment), Qt::LeftToRight, text, Qt::ElideRight);
        }
        QImage plain = canvas();
        {
            QPainter painter(&plain);
            painter.drawText(cell, alignment, text);
        }
        const QRect expected = inkOf(plain);
        const QRect drawn = inkOf(cached);
        QVERIFY(!expected.isEmpty());
        // Within a pixel: the cache places a text on whole pixels, as the style's item views do.
        QVERIFY2(std::abs(drawn.left() - expected.left()) <= 1 && std::abs(drawn.top() - expected.top()) <= 1
                     && std::abs(drawn.width() - expected.width()) <= 1,
                 qPrintable(QStringLiteral("drawn at %1,%2 %3 wide; drawText at %4,%5 %6 wide")
                                .arg(drawn.left())
                                .arg(drawn.top())
                                .arg(drawn.width())
                                .arg(expected.left())
                                .arg(expected.top())
                                .arg(expected.width())));
    }

    void elidesToTheCell()
    {
        const QRect cell(10, 5, 80, 30);
        const QString text = QStringLiteral("A campaign name far too long for its column");
        CellTextCache cache;
        QImage image = canvas();
        {
            QPainter painter(&image);
            cache.draw(&painter, cell, Qt::AlignLeft | Qt::AlignVCenter, Qt::LeftToRight, text,
                       Qt::ElideRight);
        }
        const QRect ink = inkOf(image);
        QVERIFY(!ink.isEmpty());
        QVERIFY2(ink.right() <= cell.right(), qPrintable(QString::number(ink.right())));
        // What fits is what the font metrics' elision keeps, ellipsis and all.
        const QString elided =
            QFontMetrics(QApplication::font()).elidedText(text, Qt::ElideRight, cell.width());
        QVERIFY(elided.size() < text.size());
        QImage plain = canvas();
        {
            QPainter painter(&plain);
            painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, elided);
        }
        QVERIFY(std::abs(inkOf(plain).width() - ink.width()) <= 1);
    }

    void laysATextOutOncePerWidthAndFont()
    {
        CellTextCache cache;
        QImage image = canvas();
        QPainter painter(&image);
        const QString text = QStringLiteral("1.70 MH/s");
        for (int i = 0; i < 3; ++i)
            cache.draw(&painter, QRect(0, 0, 100, 20), Qt::AlignRight, Qt::LeftToRight, text, Qt::ElideRight);
        QCOMPARE(cache.size(), 1);
        cache.draw(&painter, QRect(0, 0, 60, 20), Qt::AlignRight, Qt::LeftToRight, text, Qt::ElideRight);
        QCOMPARE(cache.size(), 2);
        cache.draw(&painter, QRect(0, 0, 100, 20), Qt::AlignRight, Qt::LeftToRight,
                   QStringLiteral("2.10 MH/s"), Qt::ElideRight);
        QCOMPARE(cache.size(), 3);
        // Another font: what was laid out in the old one is of no use.
        QFont bigger = painter.font();
        if (bigger.pointSizeF() > 0)
            bigger.setPointSizeF(bigger.pointSizeF() * 2);
        else
            bigger.setPixelSize(bigger.pixelSize() * 2);
        painter.setFont(bigger);
        cache.draw(&painter, QRect(0, 0, 100, 20), Qt::AlignRight, Qt::LeftToRight, text, Qt::ElideRight);
        QCOMPARE(cache.size(), 1);
    }

    void leavesSeveralLinesToTheStyle()
    {
        QVERIFY(CellTextCache::canDraw(QStringLiteral("one line")));
        QVERIFY(!CellTextCache::canDraw(QStringLiteral("two\nlines")));
        QVERIFY(
            !CellTextCache::canDraw(QStringLiteral("two") + QChar::LineSeparator + QStringLiteral("lines")));
    }
};

QTEST_MAIN(TestCellTextCache)
#include "tst_CellTextCache.moc"
