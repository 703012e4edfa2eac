#pragma once

#include "ConsoleSettings.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace swarmwatch {

class Autostart;

// The console's settings, applied as they are changed (no OK to forget): notifications per kind and their
// grace periods, crack plaintext (off), quiet hours, start at login (the autostart entry) and minimised, and
// the connection's watchdog, resync interval, REST budget and extra CA bundle. It follows changes made
// elsewhere, so two places never disagree.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(ConsoleSettings *settings, Autostart *autostart, QWidget *parent = nullptr);
    ~SettingsDialog() override;

private:
    struct Binding {
        ConsoleSettings::Key key;
        std::function<void()> load; // setting -> widget
    };
    void bindCheck(const char *name, ConsoleSettings::Key key);
    void bindSpin(const char *name, ConsoleSettings::Key key, double scale = 1.0);
    void bindTime(const char *name, ConsoleSettings::Key key);
    void updateEnabled();
    void checkCaBundle();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    ConsoleSettings *m_settings;
    Autostart *m_autostart;
    QList<Binding> m_bindings;
};

} // namespace swarmwatch
