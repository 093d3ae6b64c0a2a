#pragma once

#include "core/profile.h"
#include "core/triage/impact.h"
#include "core/types.h"

#include <QCoreApplication>
#include <QStringList>

namespace idesk {

// The window's wording of what the core layer computes. The core keeps its fixed English forms
// for what is recorded or sent (timeline text, Slack messages, exports); these say the same in
// the language of the window, with numbers in its locale.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(idesk::DisplayText)

public:
    // "1 Stunde 15 Minuten", "45 minutes", "0 minutes"; seconds are dropped as in the record.
    static QString duration(qint64 secs);
    // A number in the window's locale with at most two decimals, trailing zeros dropped.
    static QString number(double v);
    static QString status(IncidentStatus s);
    // A timeline event's kind as the window names it; the record keeps eventKindToString's.
    static QString eventKind(EventKind k);
    static QString userImpact(triage::UserImpact u);
    static QString businessImpact(triage::BusinessImpact b);
    // One sentence per dimension and one saying which dimension decided the suggestion.
    static QStringList impactReasons(const Impact &impact, const ImpactThresholds &t);
    // A timeline parser's message (core/timeline/timelinetext.h) in the window's language, its
    // values kept; any other text comes back as it is.
    static QString timelineMessage(const QString &english);
};

} // namespace idesk
