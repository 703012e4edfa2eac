#pragma once

#include "ApiError.h"

#include <QDialog>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

namespace Ui {
class LoginDialog;
}

namespace swarmwatch {

class ConsoleSession;

// Signs in: server, email, password and "remember the password" (keychain only). Errors are shown inline and
// say what to do; a certificate the system does not trust is shown (subject, issuer, validity, SHA-256) with
// an explicit "trust this certificate" that pins exactly that one for this server. After the login, a
// project picker when the user has more than one project.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(ConsoleSession *console, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Prefills the form (and the remembered password, from the keychain); `reason` says why it is shown.
    void prefill(const QUrl &server, const QString &email, const QString &reason);
    QString errorText() const;

    // The words for a failed sign-in, for a person: specific, short, never a page of HTML.
    static QString describe(const ApiError &error, const QUrl &server);
    static QString describeCertificate(const QSslCertificate &certificate);

private:
    void submit();
    void finished(const ApiError &error);
    void showError(const QString &text);
    void setBusy(bool busy);
    void showProjects();
    std::optional<QUrl> serverUrl() const;

    std::unique_ptr<Ui::LoginDialog> m_ui;
    ConsoleSession *m_console;
    QSslCertificate m_certificate; // the one shown for trusting
    QUrl m_certificateServer;
    bool m_choosingProject = false;
    QPointer<QWidget> m_focusBeforeBusy;
    bool m_askProject = true; // this login is the first on its server: pick a project after it
};

} // namespace swarmwatch
