#include "ConnectionDiagnosticsDialog.h"

#include "ConnectionDiagnostics.h"
#include "ConsoleSession.h"

#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace swarmwatch {

ConnectionDiagnosticsDialog::ConnectionDiagnosticsDialog(ConsoleSession *console, QWidget *parent)
    : QDialog(parent)
    , m_console(console)
    , m_report(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("connectionDiagnosticsDialog"));
    setWindowTitle(tr("Connection diagnostics"));
    resize(760, 560);
    auto *layout = new QVBoxLayout(this);
    auto *hint =
        new QLabel(tr("Each feed as SwarmWatch sees it. The curl commands reproduce a feed outside "
                      "SwarmWatch; they never contain your token: set SWARMWATCH_TOKEN to it first."),
                   this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_report->setObjectName(QStringLiteral("diagnosticsText"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setAccessibleName(tr("Connection diagnostics"));
    layout->addWidget(m_report);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDiagnosticsButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, &ConnectionDiagnosticsDialog::refresh);
    refresh();
}

QString ConnectionDiagnosticsDialog::text() const
{
    return m_report->toPlainText();
}

void ConnectionDiagnosticsDialog::refresh()
{
    const QString report = ConnectionDiagnostics::report(*m_console, QDateTime::currentDateTimeUtc());
    if (report == m_report->toPlainText())
        return;
    const int scroll = m_report->verticalScrollBar()->value();
    m_report->setPlainText(report);
    m_report->verticalScrollBar()->setValue(scroll);
}

void ConnectionDiagnosticsDialog::showEvent(QShowEvent *event)
{
    refresh();
    m_refresh.start();
    QDialog::showEvent(event);
}

void ConnectionDiagnosticsDialog::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    QDialog::hideEvent(event);
}

} // namespace swarmwatch
