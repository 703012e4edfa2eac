#pragma once

#include <QDialog>
#include <QTimer>

class QPlainTextEdit;

namespace swarmwatch {

class ConsoleSession;

// Help > Connection diagnostics: each feed's URL, last HTTP status and content type, delay to the first byte,
// bytes, events, reconnects and last error, and a curl command per feed with $SWARMWATCH_TOKEN in place of
// the token. Follows the connection while it is open; "Copy" puts all of it on the clipboard.
class ConnectionDiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDiagnosticsDialog(ConsoleSession *console, QWidget *parent = nullptr);

    QString text() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();

    ConsoleSession *m_console;
    QPlainTextEdit *m_report;
    QTimer m_refresh;
};

} // namespace swarmwatch
