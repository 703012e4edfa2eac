#include "LoginDialog.h"

#include "ConsoleSession.h"
#include "HttpUrl.h"
#include "Icons.h"
#include "ui_LoginDialog.h"

#include <QLocale>
#include <QPushButton>

namespace swarmwatch {

LoginDialog::LoginDialog(ConsoleSession *console, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
    , m_console(console)
{
    m_ui->setupUi(this);
    setWindowIcon(Icons::application());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("signInButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->reasonLabel->hide();
    m_ui->errorLabel->hide();
    m_ui->certificateBox->hide();
    m_ui->projectBox->hide();
    QPalette errorPalette = m_ui->errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28)); // with an "Error:" prefix too
    m_ui->errorLabel->setPalette(errorPalette);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->trustButton, &QPushButton::clicked, this, [this] {
        if (m_certificate.isNull())
            return;
        m_console->trustCertificate(m_certificateServer, m_certificate);
        m_ui->certificateBox->hide();
        m_certificate = QSslCertificate();
        submit(); // and try again with that certificate pinned
    });
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::prefill(const QUrl &server, const QString &email, const QString &reason)
{
    m_choosingProject = false;
    m_ui->projectBox->hide();
    m_ui->certificateBox->hide();
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    setBusy(false);
    if (!server.isEmpty())
        m_ui->serverEdit->setText(server.toString());
    if (!email.isEmpty())
        m_ui->emailEdit->setText(email);
    m_ui->passwordEdit->clear();
    m_ui->reasonLabel->setText(reason);
    m_ui->reasonLabel->setVisible(!reason.isEmpty());
    // Focus where typing starts.
    if (m_ui->serverEdit->text().isEmpty())
        m_ui->serverEdit->setFocus();
    else if (m_ui->emailEdit->text().isEmpty())
        m_ui->emailEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
    if (!server.isEmpty() && !email.isEmpty()) {
        QPointer<LoginDialog> alive(this);
        m_console->readRememberedPassword(server, email, [alive](const QString &password) {
            if (!alive || password.isEmpty() || !alive->m_ui->passwordEdit->text().isEmpty())
                return;
            alive->m_ui->passwordEdit->setText(password);
            alive->m_ui->rememberCheck->setChecked(true);
        });
    }
}

QString LoginDialog::errorText() const
{
    return m_ui->errorLabel->isVisible() ? m_ui->errorLabel->text() : QString();
}

std::optional<QUrl> LoginDialog::serverUrl() const
{
    QString text = m_ui->serverEdit->text().trimmed();
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!isHttpUrl(url))
        return std::nullopt;
    return url;
}

void LoginDialog::submit()
{
    if (m_choosingProject) {
        const QVariant id = m_ui->projectCombo->currentData();
        if (id.isValid())
            m_console->selectProject(id.toLongLong());
        accept();
        return;
    }
    const std::optional<QUrl> server = serverUrl();
    if (!server) {
        showError(tr("“%1” is not a server address: use https://host or http://host:port.")
                      .arg(m_ui->serverEdit->text().trimmed()));
        m_ui->serverEdit->setFocus();
        return;
    }
    if (m_ui->emailEdit->text().trimmed().isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        showError(tr("Enter your email and password."));
        (m_ui->emailEdit->text().trimmed().isEmpty() ? m_ui->emailEdit : m_ui->passwordEdit)->setFocus();
        return;
    }
    m_ui->errorLabel->hide();
    m_ui->certificateBox->hide();
    // Ask for a project only where none was chosen before (not again after an expired session, say).
    m_askProject = !m_console->remembersProject(*server);
    setBusy(true);
    QPointer<LoginDialog> alive(this);
    m_console->signIn(*server, m_ui->emailEdit->text().trimmed(), m_ui->passwordEdit->text(),
                      m_ui->rememberCheck->isChecked(), [alive](const ApiError &error) {
                          if (alive)
                              alive->finished(error);
                      });
}

void LoginDialog::finished(const ApiError &error)
{
    setBusy(false);
    if (!error.isError()) {
        m_ui->passwordEdit->clear();
        if (m_askProject && m_console->projects().size() > 1) {
            showProjects();
            return;
        }
        accept();
        return;
    }
    const QUrl server = serverUrl().value_or(QUrl());
    QString message = describe(error, server);
    const bool schemeAssumed = !m_ui->serverEdit->text().contains(QStringLiteral("://"));
    if (schemeAssumed
        && (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
            || error.kind == ApiError::Kind::Tls))
        message += QLatin1Char(' ')
                   + tr("(With no scheme given, https:// was used; for a server without TLS, type "
                        "http://%1.)")
                         .arg(server.authority());
    showError(message);
    if (error.kind == ApiError::Kind::Tls && !error.certificate.isNull()) {
        m_certificate = error.certificate;
        m_certificateServer = server;
        m_ui->certificateDetails->setText(describeCertificate(error.certificate));
        m_ui->certificateBox->show(); // trusting takes a deliberate choice: not the default, not focused
        m_ui->serverEdit->setFocus();
    } else if (error.kind == ApiError::Kind::Unauthorized) {
        m_ui->passwordEdit->selectAll();
        m_ui->passwordEdit->setFocus();
    } else {
        // Unreachable, not CipherSwarm, a server error: the address is what to look at, and the keyboard must
        // land somewhere that takes it (not on Cancel, where disabling the fields left it).
        m_ui->serverEdit->selectAll();
        m_ui->serverEdit->setFocus();
    }
}

QString LoginDialog::describe(const ApiError &error, const QUrl &server)
{
    const QString host = server.host().isEmpty() ? server.toDisplayString() : server.host();
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        if (error.httpStatus == 403)
            return tr("This account is inactive. Ask a CipherSwarm administrator to activate it.");
        return tr("Wrong email or password.");
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return tr("Cannot reach %1: %2").arg(host, error.message);
    case ApiError::Kind::Tls:
        return tr("The certificate of %1 is not trusted: %2").arg(host, error.message);
    case ApiError::Kind::Http:
        if (error.httpStatus == 422)
            return tr("The server did not accept the form: %1").arg(error.message);
        return error.message;
    case ApiError::Kind::Decode:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::None:
        return error.message;
    }
    return error.message;
}

QString LoginDialog::describeCertificate(const QSslCertificate &certificate)
{
    const auto names = [](const QStringList &commonName, const QStringList &organization) {
        QStringList parts = commonName + organization;
        parts.removeAll(QString());
        return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(", "));
    };
    const QString subject = names(certificate.subjectInfo(QSslCertificate::CommonName),
                                  certificate.subjectInfo(QSslCertificate::Organization));
    const QString issuer = names(certificate.issuerInfo(QSslCertificate::CommonName),
                                 certificate.issuerInfo(QSslCertificate::Organization));
    QString fingerprint = QString::fromLatin1(ConsoleSession::fingerprint(certificate)).toUpper();
    // AA:BB:... in two lines of 16 bytes, so that it fits and can be compared with what the admin reads out.
    for (int at = fingerprint.size() - 2; at > 0; at -= 2)
        fingerprint.insert(at, at == 32 ? QLatin1Char('\n') : QLatin1Char(':'));
    return tr("Subject: %1\nIssuer: %2\nValid from %3 to %4\nSHA-256: %5")
        .arg(subject, issuer,
             QLocale().toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
             QLocale().toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat), fingerprint);
}

void LoginDialog::showError(const QString &text)
{
    m_ui->errorLabel->setText(tr("Error: %1").arg(text));
    m_ui->errorLabel->show();
    m_ui->errorLabel->setAccessibleDescription(text);
}

void LoginDialog::setBusy(bool busy)
{
    // Disabling the focused field would move the focus to Cancel, which then takes Enter: keep where the user
    // was, and give it back afterwards with Sign in as the default button.
    if (busy && focusWidget() && focusWidget() != m_ui->buttonBox->button(QDialogButtonBox::Cancel))
        m_focusBeforeBusy = focusWidget();
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->serverEdit, m_ui->emailEdit, m_ui->passwordEdit,
                                                       m_ui->rememberCheck, m_ui->trustButton})
        w->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy)
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Signing in…"));
    else if (!m_choosingProject)
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    if (!busy) {
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true);
        if (m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
            m_focusBeforeBusy->setFocus();
    }
}

void LoginDialog::showProjects()
{
    m_choosingProject = true;
    m_ui->projectCombo->clear();
    for (const Project &project : m_console->projects())
        m_ui->projectCombo->addItem(project.name, project.id);
    const int current =
        m_ui->projectCombo->findData(QVariant::fromValue(m_console->projectId().value_or(-1)));
    m_ui->projectCombo->setCurrentIndex(std::max(0, current));
    m_ui->projectBox->show();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Open"));
    m_ui->projectCombo->setFocus();
}

} // namespace swarmwatch
