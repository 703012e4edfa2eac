#include "SettingsDialog.h"

#include "Autostart.h"
#include "ui_SettingsDialog.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTimeEdit>

namespace swarmwatch {

using Key = ConsoleSettings::Key;

SettingsDialog::SettingsDialog(ConsoleSettings *settings, Autostart *autostart, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_autostart(autostart)
{
    m_ui->setupUi(this);
    bindCheck("notifyDisconnectedCheck", Key::NotifyDisconnected);
    bindSpin("disconnectGraceSpin", Key::DisconnectGraceSeconds);
    bindCheck("notifyBackCheck", Key::NotifyBack);
    bindCheck("notifyExpiredCheck", Key::NotifySessionExpired);
    bindCheck("notifyCracksCheck", Key::NotifyCracks);
    bindCheck("showPlaintextCheck", Key::ShowCrackPlaintext);
    bindCheck("notifyFinishedCheck", Key::NotifyCampaignFinished);
    bindCheck("notifyStalledCheck", Key::NotifyCampaignStalled);
    bindSpin("stallSpin", Key::StallMinutes);
    bindCheck("notifyAgentCheck", Key::NotifyAgentOffline);
    bindSpin("agentGraceSpin", Key::AgentGraceSeconds, 60.0); // shown in minutes, kept in seconds
    bindCheck("quietHoursCheck", Key::QuietHours);
    bindTime("quietFromEdit", Key::QuietHoursFrom);
    bindTime("quietToEdit", Key::QuietHoursTo);
    bindCheck("startMinimizedCheck", Key::StartMinimized);
    bindSpin("journalAgeSpin", Key::JournalMaxAgeDays);
    bindSpin("journalSizeSpin", Key::JournalMaxMegabytes);
    bindSpin("watchdogSpin", Key::WatchdogSeconds);
    bindSpin("resyncSpin", Key::ResyncSeconds);
    bindSpin("budgetSpin", Key::RequestsPerSecond);

    // The CA bundle: a path, checked when it is set (a file that holds no certificate is said at once).
    m_ui->caBundleEdit->setText(m_settings->text(Key::ExtraCaBundle));
    connect(m_ui->caBundleEdit, &QLineEdit::editingFinished, this, [this] {
        m_settings->setValue(Key::ExtraCaBundle, m_ui->caBundleEdit->text().trimmed());
        checkCaBundle();
    });
    connect(m_ui->caBundleBrowseButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Extra CA bundle"), m_ui->caBundleEdit->text(),
                                         tr("Certificates (*.pem *.crt);;All files (*)"));
        if (path.isEmpty())
            return;
        m_ui->caBundleEdit->setText(path);
        m_settings->setValue(Key::ExtraCaBundle, path);
        checkCaBundle();
    });
    m_bindings.append({Key::ExtraCaBundle, [this] {
                           m_ui->caBundleEdit->setText(m_settings->text(Key::ExtraCaBundle));
                       }});
    checkCaBundle();

    // Start at login is the autostart entry itself, not a setting: the file is the truth.
    m_ui->startAtLoginCheck->setChecked(m_autostart && m_autostart->isEnabled());
    m_ui->startAtLoginCheck->setEnabled(m_autostart != nullptr);
    connect(m_ui->startAtLoginCheck, &QCheckBox::toggled, this, [this](bool on) {
        QString error;
        if (m_autostart && !m_autostart->setEnabled(on, &error)) {
            m_ui->desktopErrorLabel->setText(error);
            const QSignalBlocker blocker(m_ui->startAtLoginCheck);
            m_ui->startAtLoginCheck->setChecked(m_autostart->isEnabled());
            return;
        }
        m_ui->desktopErrorLabel->clear();
    });

    connect(m_settings, &ConsoleSettings::changed, this, [this](Key key) {
        for (const Binding &binding : std::as_const(m_bindings)) {
            if (binding.key == key)
                binding.load();
        }
        updateEnabled();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        for (const Binding &binding : std::as_const(m_bindings))
            m_settings->reset(binding.key);
    });
    m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults)
        ->setObjectName(QStringLiteral("restoreDefaultsButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    updateEnabled();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::bindCheck(const char *name, Key key)
{
    auto *check = findChild<QCheckBox *>(QString::fromLatin1(name));
    Q_ASSERT(check);
    const auto load = [this, check, key] {
        const QSignalBlocker blocker(check);
        check->setChecked(m_settings->flag(key));
    };
    load();
    connect(check, &QCheckBox::toggled, this, [this, key](bool on) { m_settings->setValue(key, on); });
    m_bindings.append({key, load});
}

void SettingsDialog::bindSpin(const char *name, Key key, double scale)
{
    auto *spin = findChild<QSpinBox *>(QString::fromLatin1(name));
    Q_ASSERT(spin);
    const auto load = [this, spin, key, scale] {
        const QSignalBlocker blocker(spin);
        spin->setValue(static_cast<int>(m_settings->number(key) / scale));
    };
    load();
    connect(spin, &QSpinBox::valueChanged, this,
            [this, key, scale](int value) { m_settings->setValue(key, value * scale); });
    m_bindings.append({key, load});
}

void SettingsDialog::bindTime(const char *name, Key key)
{
    auto *edit = findChild<QTimeEdit *>(QString::fromLatin1(name));
    Q_ASSERT(edit);
    const auto load = [this, edit, key] {
        const QSignalBlocker blocker(edit);
        edit->setTime(QTime::fromString(m_settings->text(key), QStringLiteral("HH:mm")));
    };
    load();
    connect(edit, &QTimeEdit::timeChanged, this,
            [this, key](QTime time) { m_settings->setValue(key, time.toString(QStringLiteral("HH:mm"))); });
    m_bindings.append({key, load});
}

void SettingsDialog::updateEnabled()
{
    m_ui->disconnectGraceSpin->setEnabled(m_ui->notifyDisconnectedCheck->isChecked());
    m_ui->showPlaintextCheck->setEnabled(m_ui->notifyCracksCheck->isChecked());
    m_ui->stallSpin->setEnabled(m_ui->notifyStalledCheck->isChecked());
    m_ui->agentGraceSpin->setEnabled(m_ui->notifyAgentCheck->isChecked());
    m_ui->quietFromEdit->setEnabled(m_ui->quietHoursCheck->isChecked());
    m_ui->quietToEdit->setEnabled(m_ui->quietHoursCheck->isChecked());
}

void SettingsDialog::checkCaBundle()
{
    const QString path = m_settings->text(Key::ExtraCaBundle);
    if (path.isEmpty()) {
        m_ui->caBundleErrorLabel->clear();
        return;
    }
    if (!QFileInfo(path).isReadable())
        m_ui->caBundleErrorLabel->setText(tr("%1 cannot be read.").arg(path));
    else if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty())
        m_ui->caBundleErrorLabel->setText(tr("%1 holds no PEM certificate.").arg(path));
    else
        m_ui->caBundleErrorLabel->clear();
}

} // namespace swarmwatch
