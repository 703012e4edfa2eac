// The campaign table's delegate beside the style's own: its cells (icon and text, left and right to left,
// selected, with focus, elided) look as QStyledItemDelegate paints them, though it draws its texts from a
// cache.
#include "CampaignDelegate.h"
#include "CampaignModel.h"
#include "Icons.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

using namespace swarmwatch;

namespace {

// A table view whose option for a cell the test can ask for (QAbstractItemView keeps it protected).
class CellView : public QTableView
{
public:
    QStyleOptionViewItem optionFor(const QModelIndex &index)
    {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.rect = visualRect(index);
        return option;
    }
};

// The style's own delegate, whose option for a cell the test can ask for.
class StyleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::initStyleOption;
};

// The bounding box of the pixels at which `wanted(x, y)` holds.
template <typename Wanted>
QRect boundingBox(const QImage &image, Wanted wanted)
{
    QRect found;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (wanted(x, y))
                found |= QRect(x, y, 1, 1);
        }
    }
    return found;
}

// The pixels in which two images differ.
QRect differenceOf(const QImage &a, const QImage &b)
{
    return boundingBox(a, [&](int x, int y) { return a.pixel(x, y) != b.pixel(x, y); });
}

// Every pixel of one colour.
QRect pixelsOf(const QImage &image, QRgb colour)
{
    return boundingBox(image, [&](int x, int y) { return image.pixel(x, y) == colour; });
}

// Every pixel unlike `background`, in device pixels.
QRect inkOf(const QImage &image, QRgb background)
{
    return boundingBox(image, [&](int x, int y) { return image.pixel(x, y) != background; });
}

QString describe(const QRect &rect)
{
    return rect.isEmpty() ? QStringLiteral("nothing")
                          : QStringLiteral("%1x%2 at %3,%4")
                                .arg(rect.width())
                                .arg(rect.height())
                                .arg(rect.left())
                                .arg(rect.top());
}

} // namespace

class TestCampaignDelegate : public QObject
{
    Q_OBJECT

private:
    QImage paint(const QAbstractItemDelegate &delegate, const QStyleOptionViewItem &option,
                 const QModelIndex &index, qreal pixelRatio)
    {
        QImage image(option.rect.size() * pixelRatio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(pixelRatio);
        image.fill(option.palette.color(QPalette::Base));
        QPainter painter(&image);
        QStyleOptionViewItem cell = option;
        cell.rect.moveTo(0, 0);
        delegate.paint(&painter, cell, index);
        return image;
    }

private Q_SLOTS:
    void paintsACellAsTheStyleDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("icon");
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("state"); // added to enabled and active
        QTest::addColumn<int>("alignment");
        QTest::addColumn<int>("width");
        QTest::addColumn<qreal>("pixelRatio");

        const int none = 0;
        const int selected = QStyle::State_Selected;
        const int focus = QStyle::State_HasFocus;
        const int left = Qt::AlignLeft | Qt::AlignVCenter;
        const int right = Qt::AlignRight | Qt::AlignVCenter;
        const QString name = QStringLiteral("Quarterly NTLM audit");
        const QString hebrew = QString::fromUtf8("ביקורת NTLM רבעונית");
        QTest::newRow("text") << name << false << int(Qt::LeftToRight) << none << left << 220 << 1.0;
        QTest::newRow("text, right-aligned")
            << QStringLiteral("1.70 MH/s") << false << int(Qt::LeftToRight) << none << right << 120 << 1.0;
        QTest::newRow("icon and word")
            << QStringLiteral("Running") << true << int(Qt::LeftToRight) << none << left << 140 << 1.0;
        QTest::newRow("icon, selected, focus") << QStringLiteral("Running") << true << int(Qt::LeftToRight)
                                               << (selected | focus) << left << 140 << 1.0;
        QTest::newRow("text, focus") << name << false << int(Qt::LeftToRight) << focus << left << 220 << 1.0;
        QTest::newRow("elided") << name << false << int(Qt::LeftToRight) << none << left << 90 << 1.0;
        QTest::newRow("right to left")
            << hebrew << false << int(Qt::RightToLeft) << none << left << 220 << 1.0;
        QTest::newRow("right to left, icon")
            << QStringLiteral("Running") << true << int(Qt::RightToLeft) << none << left << 140 << 1.0;
        QTest::newRow("mixed in a left-to-right cell")
            << hebrew << false << int(Qt::LeftToRight) << none << left << 220 << 1.0;
        QTest::newRow("scaled 2x") << name << false << int(Qt::LeftToRight) << none << left << 220 << 2.0;
        QTest::newRow("scaled 2x, icon, selected")
            << QStringLiteral("Running") << true << int(Qt::LeftToRight) << selected << left << 140 << 2.0;
    }
    void paintsACellAsTheStyleDoes()
    {
        QFETCH(QString, text);
        QFETCH(bool, icon);
        QFETCH(int, direction);
        QFETCH(int, state);
        QFETCH(int, alignment);
        QFETCH(int, width);
        QFETCH(qreal, pixelRatio);

        QStandardItemModel model(1, 1);
        auto *item = new QStandardItem(text);
        item->setTextAlignment(Qt::Alignment(alignment));
        if (icon)
            item->setIcon(Icons::campaignState(QStringLiteral("active")));
        model.setItem(0, 0, item);
        CellView view;
        view.setModel(&model);
        view.setShowGrid(false); // so that the cell is the column's width
        view.setWordWrap(false); // as the campaign table: a text that does not fit is elided
        view.setLayoutDirection(Qt::LayoutDirection(direction));
        view.setColumnWidth(0, width);
        view.resize(width + 80, 120);
        const QModelIndex index = model.index(0, 0);
        QStyleOptionViewItem option = view.optionFor(index);
        option.state |= QStyle::State_Enabled | QStyle::State_Active | QStyle::StateFlag(state);
        QCOMPARE(option.direction, Qt::LayoutDirection(direction));
        QCOMPARE(option.rect.width(), width);

        const StyleDelegate style;
        const CampaignDelegate cached;
        const QImage expected = paint(style, option, index, pixelRatio);
        const QImage drawn = paint(cached, option, index, pixelRatio);
        // Drawn twice: the second time from the cache.
        const QImage again = paint(cached, option, index, pixelRatio);
        QCOMPARE(again, drawn);
        if (qEnvironmentVariableIsSet("SWARMWATCH_DELEGATE_IMAGES")) { // to look at: the style's above ours
            QImage both(expected.width(), expected.height() * 2 + 2, QImage::Format_ARGB32_Premultiplied);
            both.fill(Qt::magenta);
            QPainter painter(&both);
            painter.drawImage(0, 0, expected);
            painter.drawImage(0, expected.height() + 2, drawn);
            painter.end();
            const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), u'_');
            both.scaled(both.size() * 4).save(name + QStringLiteral(".png"));
        }

        // The same pixels: the cell's background, selection, icon and focus frame are the style's own, and
        // the cached text is laid out, ordered and placed as the style lays out its own (same fonts, same
        // platform). With focus, the style tints the cell over its text where the delegate draws its text
        // over the tint: then the pixels may differ only inside the text's own box.
        if (!(option.state & QStyle::State_HasFocus)) {
            QVERIFY2(
                drawn == expected,
                qPrintable(QStringLiteral("they differ in %1").arg(describe(differenceOf(expected, drawn)))));
            return;
        }
        const QRgb background = expected.pixel(expected.width() - 1, expected.height() / 2);
        QStyleOptionViewItem textless = option;
        textless.rect.moveTo(0, 0);
        style.initStyleOption(&textless, index);
        textless.text.clear();
        const QRect textBox =
            view.style()->subElementRect(QStyle::SE_ItemViewItemText, &textless, &view).adjusted(1, 0, -1, 0);
        const QRect textPixels(textBox.topLeft() * pixelRatio, textBox.size() * pixelRatio);
        const QRect differs = differenceOf(expected, drawn);
        QVERIFY2(textPixels.contains(differs),
                 qPrintable(QStringLiteral("they differ in %1, the text's box is %2")
                                .arg(describe(differs), describe(textPixels))));
        const QRect expectedInk = inkOf(expected, background);
        const QRect drawnInk = inkOf(drawn, background);
        QVERIFY2(expectedInk == drawnInk, qPrintable(QStringLiteral("ink: the style's %1, the delegate's %2")
                                                         .arg(describe(expectedInk), describe(drawnInk))));
    }

    // The progress cell: a bar filled as far as the campaign is, the number beside it; mirrored in a
    // right-to-left table, and with a focus frame as any other cell.
    void paintsProgressAsABar()
    {
        QStandardItemModel model(1, CampaignModel::ColumnCount);
        auto *item = new QStandardItem(QStringLiteral("25.0 %"));
        item->setData(25.0, CampaignModel::ProgressRole);
        model.setItem(0, CampaignModel::Progress, item);
        CellView view;
        view.setModel(&model);
        view.setShowGrid(false);
        view.setColumnWidth(CampaignModel::Progress, 220);
        view.resize(800, 120);
        const QModelIndex index = model.index(0, CampaignModel::Progress);
        const CampaignDelegate delegate;

        QStyleOptionViewItem option = view.optionFor(index);
        option.state |= QStyle::State_Enabled | QStyle::State_Active;
        const QImage leftToRight = paint(delegate, option, index, 1.0);
        const QRgb fill = option.palette.color(QPalette::Active, QPalette::Highlight).rgb();
        const QRect bar = pixelsOf(leftToRight, fill);
        QVERIFY2(!bar.isEmpty(), "no bar in the highlight colour");
        // A quarter of the groove (the cell less the number's room), from the left.
        const int numberRoom = option.fontMetrics.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
        const int groove = 220 - 6 - numberRoom - 4;
        QVERIFY2(std::abs(bar.width() - groove / 4) <= 1, qPrintable(describe(bar)));
        QVERIFY2(bar.left() <= 6, qPrintable(describe(bar)));
        const QRect number = inkOf(
            leftToRight.copy(bar.right() + 3, 0, leftToRight.width() - bar.right() - 3, leftToRight.height()),
            leftToRight.pixel(leftToRight.width() - 1, 1));
        QVERIFY2(!number.isEmpty(), "no number beside the bar");

        view.setLayoutDirection(Qt::RightToLeft);
        option = view.optionFor(index);
        option.state |= QStyle::State_Enabled | QStyle::State_Active;
        const QImage rightToLeft = paint(delegate, option, index, 1.0);
        const QRect mirrored = pixelsOf(rightToLeft, fill);
        QCOMPARE(mirrored.width(), bar.width());
        QCOMPARE(mirrored.right(), 220 - 1 - bar.left());
        // The number now on the left of the bar.
        QVERIFY(!inkOf(rightToLeft.copy(0, 0, mirrored.left() - 3, rightToLeft.height()),
                       rightToLeft.pixel(rightToLeft.width() - 1, 1))
                     .isEmpty());

        // With focus: the style's focus frame, as the other cells have it.
        option.state |= QStyle::State_HasFocus;
        QVERIFY(paint(delegate, option, index, 1.0) != rightToLeft);
    }

    // A row a change just touched gets an amber edge and a fading tint, unlike a selected row's colour, so
    // that many marked rows on a busy server do not look selected; a selected row is left to the selection.
    void marksAChangedRowApartFromTheSelection()
    {
        QStandardItemModel model(1, CampaignModel::ColumnCount);
        constexpr qint64 now = 1'000'000;
        auto *item = new QStandardItem(QStringLiteral("Kiosk fleet"));
        item->setData(now, CampaignModel::ChangedAtRole);
        model.setItem(0, CampaignModel::Name, item);
        CellView view;
        view.setModel(&model);
        view.resize(800, 120);
        const QModelIndex index = model.index(0, CampaignModel::Name);
        const CampaignDelegate delegate(nullptr, [] { return now; });

        QStyleOptionViewItem option = view.optionFor(index);
        option.state |= QStyle::State_Enabled | QStyle::State_Active;
        const QImage marked = paint(delegate, option, index, 1.0);
        const QRgb amber = CampaignDelegate::kChangedColour.rgb();
        QCOMPARE(marked.pixel(1, marked.height() / 2), amber);
        const QRgb tint = marked.pixel(marked.width() - 2, marked.height() / 2);
        QVERIFY2(tint != option.palette.color(QPalette::Base).rgb(), "no tint over the changed row");
        QVERIFY2(qRed(tint) > qBlue(tint), "the tint is not amber");
        QVERIFY(amber != option.palette.color(QPalette::Highlight).rgb());

        // Three seconds on, the mark is gone.
        const CampaignDelegate later(nullptr, [] { return now + CampaignDelegate::kHighlightMs; });
        const QImage faded = paint(later, option, index, 1.0);
        QCOMPARE(faded.pixel(1, faded.height() / 2), option.palette.color(QPalette::Base).rgb());

        // Selected: the selection's colour only.
        option.state |= QStyle::State_Selected;
        const QImage selected = paint(delegate, option, index, 1.0);
        QVERIFY(selected.pixel(1, selected.height() / 2) != amber);
    }
};

QTEST_MAIN(TestCampaignDelegate)
#include "tst_CampaignDelegate.moc"
