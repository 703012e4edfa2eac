#pragma once

#include "TextTable.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace swarmwatch {

class AgentModel;
class CampaignModel;

// The tables `campaigns`, `agents` and `watch` print, in one place so that they show the same columns in the
// same words (the desktop console's cell texts: relative times, rates, ETAs).
class TableFormatter
{
    Q_DECLARE_TR_FUNCTIONS(TableFormatter)

public:
    // Which campaigns, in which order: the server's (newest first) unless sorted; "-" before a key reverses.
    struct CampaignSelection {
        QString sort;       // empty, or one of sortKeys(), optionally prefixed with "-"
        QStringList states; // empty: every state
        int limit = 0;      // 0: all
    };
    static QStringList sortKeys();
    // An empty string when the selection is valid, else what is wrong with it.
    static QString check(const CampaignSelection &selection);
    static QList<int> campaignRows(const CampaignModel &model, const CampaignSelection &selection);

    static TextTable campaigns(const CampaignModel &model, const QList<int> &rows);
    static TextTable agents(const AgentModel &model);
};

} // namespace swarmwatch
