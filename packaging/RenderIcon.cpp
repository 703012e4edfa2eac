// Renders the SVG application icon to the PNG sizes of the hicolor theme, at build time, for the packages.
//   swarmwatch-render-icon SVG OUTPUT_DIR SIZE...   writes OUTPUT_DIR/SIZExSIZE/apps/swarmwatch.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4) {
        std::fputs("usage: swarmwatch-render-icon SVG OUTPUT_DIR SIZE...\n", stderr);
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "swarmwatch-render-icon: %s is not a valid SVG\n", qPrintable(arguments.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < arguments.size(); ++i) {
        const int size = arguments.at(i).toInt();
        if (size <= 0)
            return 2;
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString folder = QDir(arguments.at(2)).filePath(QStringLiteral("%1x%1/apps").arg(size));
        QDir().mkpath(folder);
        if (!image.save(QDir(folder).filePath(QStringLiteral("swarmwatch.png")))) {
            std::fprintf(stderr, "swarmwatch-render-icon: cannot write into %s\n", qPrintable(folder));
            return 1;
        }
    }
    return 0;
}
