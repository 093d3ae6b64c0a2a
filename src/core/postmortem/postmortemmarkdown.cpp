#include "postmortemmarkdown.h"

#include "core/triage/messages.h"
#include "core/triage/triageformat.h"
#include "evidence.h"
#include "markdown.h"
#include "redactor.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace idesk {

namespace {

const QString kNothing = QStringLiteral("*None recorded.*");

// "14:30 UTC" or "2024-01-15 14:30 UTC" (as triage::formatUtcMinute), built by hand: a
// format string is parsed on every call, which shows on a 10,000-event timeline.
QString timeLabel(const QDateTime &t, bool withDate)
{
    const QDateTime u = t.timeSpec() == Qt::UTC ? t : t.toUTC();
    const QDate d = u.date();
    const QTime time = u.time();
    char16_t buf[32];
    int n = 0;
    auto two = [&buf, &n](int v) {
        buf[n++] = char16_t(u'0' + v / 10 % 10);
        buf[n++] = char16_t(u'0' + v % 10);
    };
    if (withDate) {
        const int year = d.year();
        if (year < 1000 || year > 9999)
            return triage::formatUtcMinute(t);
        two(year / 100);
        two(year % 100);
        buf[n++] = u'-';
        two(d.month());
        buf[n++] = u'-';
        two(d.day());
        buf[n++] = u' ';
    }
    two(time.hour());
    buf[n++] = u':';
    two(time.minute());
    for (char16_t c : u" UTC")
        if (c)
            buf[n++] = c;
    return QString(reinterpret_cast<const QChar *>(buf), n);
}

struct EvidenceRef
{
    const TimelineEvent *event;
    DiagnosticEvidence evidence;
};

std::vector<EvidenceRef> evidenceRefs(const std::vector<TimelineEvent> &currentEvents)
{
    std::vector<EvidenceRef> out;
    for (const TimelineEvent &e : currentEvents) {
        if (e.deleted || e.kind != EventKind::Diagnostic)
            continue;
        if (auto ev = parseDiagnosticText(e.text))
            out.push_back({&e, std::move(*ev)});
    }
    auto earlier = [](const EvidenceRef &a, const EvidenceRef &b) {
        return a.event->occurredAt < b.event->occurredAt;
    };
    if (!std::is_sorted(out.begin(), out.end(), earlier))
        std::stable_sort(out.begin(), out.end(), earlier);
    return out;
}

QString ownerLabel(const QString &owner)
{
    return md::escapeInline(triage::commanderHandle(owner));
}

QString nonBlankLines(const QStringList &items, bool numbered)
{
    QString out;
    int n = 0;
    for (const QString &item : items) {
        if (item.trimmed().isEmpty())
            continue;
        ++n;
        out += (numbered ? QString::number(n) + QStringLiteral(". ") : QStringLiteral("- ")) +
               md::escapeInline(item, true) + QLatin1Char('\n');
    }
    return out.isEmpty() ? kNothing + QLatin1Char('\n') : out;
}

QString paragraph(const QString &text, const QString &whenEmpty = kNothing)
{
    const QString body = md::escapeBlock(text);
    return (body.isEmpty() ? whenEmpty : body) + QLatin1Char('\n');
}

QString eventLine(const TimelineEvent &e)
{
    if (e.kind == EventKind::Diagnostic) {
        if (const auto ev = parseDiagnosticText(e.text)) {
            QString s = QStringLiteral("Ran ") + md::codeSpan(ev->command);
            if (ev->exitCode)
                s += QStringLiteral(" (exit code %1)").arg(*ev->exitCode);
            return s;
        }
    }
    return md::escapeInline(e.text);
}

bool spansDays(const PostmortemInput &in, const std::vector<const TimelineEvent *> &timeline)
{
    QDate first;
    auto differs = [&first](const QDateTime &t) {
        if (!t.isValid())
            return false;
        const QDate d = t.toUTC().date();
        if (!first.isValid())
            first = d;
        return d != first;
    };
    if (differs(in.incident.startedAt) || differs(in.incident.resolvedAt))
        return true;
    for (const TimelineEvent *e : timeline)
        if (differs(e->occurredAt))
            return true;
    return false;
}

// Whole amounts as the triage messages write them; cents always with two digits ("$1,250.50").
QString money(double amount, const QString &currency)
{
    const double cents = std::round(amount * 100.0);
    if (std::fmod(cents, 100.0) == 0.0)
        return triage::formatMoney(cents / 100.0, currency);
    return currency +
           QLocale(QLocale::English, QLocale::UnitedStates).toString(cents / 100.0, 'f', 2);
}

QString impactLine(const EffectiveSummary &s, const QString &currency)
{
    QStringList parts;
    if (!s.impactDescription.isEmpty())
        parts << md::escapeInline(s.impactDescription);
    if (s.usersAffected)
        parts << triage::formatNumber(double(*s.usersAffected), 0) +
                     (*s.usersAffected == 1 ? QStringLiteral(" user affected")
                                            : QStringLiteral(" users affected"));
    if (s.revenueImpact)
        parts << md::escapeInline(money(*s.revenueImpact, currency)) +
                     QStringLiteral(" revenue impact");
    return parts.isEmpty() ? QStringLiteral("Not assessed") : parts.join(QStringLiteral(", "));
}

QString evidenceSection(const std::vector<EvidenceRef> &refs, bool withDate)
{
    QString out;
    int n = 0;
    for (const EvidenceRef &ref : refs) {
        const TimelineEvent &e = *ref.event;
        const DiagnosticEvidence *ev = &ref.evidence;
        ++n;
        out += QStringLiteral("\n#### %1. ").arg(n) + md::codeSpan(ev->command) + QLatin1Char('\n');
        out += QStringLiteral("- **Run at**: ") + timeLabel(e.occurredAt, withDate) +
               QLatin1Char('\n');
        out += QStringLiteral("- **Exit code**: ") +
               (ev->exitCode ? QString::number(*ev->exitCode) : QStringLiteral("unknown")) +
               QLatin1Char('\n');
        if (ev->durationMs)
            out += QStringLiteral("- **Duration**: %1 ms\n").arg(*ev->durationMs);
        const QString excerpt = outputExcerpt(md::stripControl(ev->output));
        if (!excerpt.trimmed().isEmpty())
            out += QLatin1Char('\n') + md::fencedBlock(excerpt, u"text");
    }
    return n ? QStringLiteral("\n### Evidence\n") + out : QString();
}

} // namespace

std::vector<TimelineEvent> evidenceEvents(const std::vector<TimelineEvent> &currentEvents)
{
    std::vector<TimelineEvent> out;
    for (const EvidenceRef &ref : evidenceRefs(currentEvents))
        out.push_back(*ref.event);
    return out;
}

QString renderPostmortemMarkdown(const PostmortemInput &in)
{
    const PostmortemDoc &d = in.doc;
    const EffectiveSummary s = effectiveSummary(in.incident, d.summary);
    const std::vector<const TimelineEvent *> timeline = keyEventRefs(d, in.events);
    const bool withDate = spansDays(in, timeline);

    QString md;
    md.reserve(4096 + qsizetype(timeline.size()) * 96);
    const QString title = in.incident.title.trimmed().isEmpty()
                              ? QStringLiteral("Untitled incident")
                              : in.incident.title;
    md += QStringLiteral("# Post-Mortem: ") + md::escapeHeading(title) + QLatin1Char('\n');

    md += QStringLiteral("\n## Incident Summary\n");
    QString date = s.date.isValid() ? s.date.toString(Qt::ISODate) : QStringLiteral("Unknown");
    if (s.endDate.isValid())
        date += QStringLiteral(" to ") + s.endDate.toString(Qt::ISODate);
    md += QStringLiteral("- **Date**: ") + date + QLatin1Char('\n');
    md += QStringLiteral("- **Duration**: ") +
          (s.durationMinutes ? triage::formatDuration(*s.durationMinutes * 60)
                             : QStringLiteral("Ongoing")) +
          QLatin1Char('\n');
    md += QStringLiteral("- **Severity**: ") + severityToString(s.severity) + QLatin1Char('\n');
    md += QStringLiteral("- **Impact**: ") + impactLine(s, in.currency) + QLatin1Char('\n');
    if (!in.incident.commander.trimmed().isEmpty())
        md += QStringLiteral("- **Incident Commander**: ") + ownerLabel(in.incident.commander) +
              QLatin1Char('\n');
    if (!in.incident.channel.trimmed().isEmpty())
        md += QStringLiteral("- **Channel**: ") + md::escapeInline(in.incident.channel) +
              QLatin1Char('\n');
    if (d.reviewAt.isValid())
        md += QStringLiteral("- **Post-Mortem Review**: ") + timeLabel(d.reviewAt, true) +
              QLatin1Char('\n');

    md += QStringLiteral("\n## Timeline\n");
    if (timeline.empty())
        md += QStringLiteral("*No key events selected.*\n");
    for (const TimelineEvent *e : timeline) {
        md += QStringLiteral("- **");
        md += timeLabel(e->occurredAt, withDate);
        md += QStringLiteral("**: ");
        md += eventLine(*e);
        md += QLatin1Char('\n');
    }

    md += QStringLiteral("\n## Root Cause\n") +
          paragraph(d.rootCause, QStringLiteral("*Not yet determined.*"));
    md +=
        QStringLiteral("\n## Contributing Factors\n") + nonBlankLines(d.contributingFactors, true);
    md += QStringLiteral("\n## What Went Well\n") + nonBlankLines(d.wentWell, false);
    md += QStringLiteral("\n## What Could Be Improved\n") + nonBlankLines(d.couldBeImproved, false);

    md += QStringLiteral("\n## Action Items\n");
    int n = 0;
    for (const ActionItem &a : in.actions) {
        if (a.deleted)
            continue;
        ++n;
        md +=
            QString::number(n) +
            (a.status == ActionStatus::Done ? QStringLiteral(". [x] ") : QStringLiteral(". [ ] ")) +
            md::escapeInline(a.description) + QStringLiteral(" (Owner: ") + ownerLabel(a.owner) +
            QStringLiteral(", Due: ") +
            (a.due.isValid() ? a.due.toString(Qt::ISODate) : QStringLiteral("not set")) +
            (a.status == ActionStatus::InProgress ? QStringLiteral(", in progress") : QString()) +
            QStringLiteral(")\n");
    }
    if (n == 0)
        md += QStringLiteral("*No action items.*\n");

    md += QStringLiteral("\n## Lessons Learned\n") + nonBlankLines(d.lessonsLearned, false);

    auto optionalParagraph = [&md](const char *heading, const QString &text) {
        if (!text.trimmed().isEmpty())
            md += QStringLiteral("\n## ") + QLatin1String(heading) + QLatin1Char('\n') +
                  paragraph(text);
    };
    optionalParagraph("Trigger", d.trigger);
    optionalParagraph("Detection", d.detection);
    optionalParagraph("Resolution", d.resolution);
    const bool lucky = std::any_of(d.whereWeGotLucky.cbegin(), d.whereWeGotLucky.cend(),
                                   [](const QString &l) { return !l.trimmed().isEmpty(); });
    if (lucky)
        md += QStringLiteral("\n## Where We Got Lucky\n") + nonBlankLines(d.whereWeGotLucky, false);

    const QString evidence =
        d.includeEvidence ? evidenceSection(evidenceRefs(in.events), withDate) : QString();
    if (!d.supportingInformation.trimmed().isEmpty() || !evidence.isEmpty()) {
        md += QStringLiteral("\n## Supporting Information\n");
        if (!d.supportingInformation.trimmed().isEmpty())
            md += paragraph(d.supportingInformation);
        md += evidence;
    }
    return md;
}

PostmortemMarkdown buildPostmortemMarkdown(PostmortemInput in, bool redact)
{
    PostmortemMarkdown out;
    if (redact) {
        std::vector<QString *> texts;
        auto list = [&texts](QStringList &l) {
            for (QString &item : l)
                texts.push_back(&item);
        };
        texts.push_back(&in.incident.title);
        texts.push_back(&in.incident.commander);
        texts.push_back(&in.incident.channel);
        texts.push_back(&in.incident.impact.userImpact);

        PostmortemDoc &d = in.doc;
        if (d.summary.impactDescription)
            texts.push_back(&*d.summary.impactDescription);
        texts.push_back(&d.rootCause);
        list(d.contributingFactors);
        list(d.wentWell);
        list(d.couldBeImproved);
        list(d.lessonsLearned);
        texts.push_back(&d.trigger);
        texts.push_back(&d.detection);
        texts.push_back(&d.resolution);
        list(d.whereWeGotLucky);
        texts.push_back(&d.supportingInformation);
        for (ActionItem &a : in.actions) {
            if (a.deleted)
                continue;
            texts.push_back(&a.description);
            texts.push_back(&a.owner);
        }

        // Only events that reach the document, so the count matches what a reader would see.
        std::vector<bool> shown(in.events.size(), false);
        const TimelineEvent *first = in.events.data();
        for (const TimelineEvent *e : keyEventRefs(d, in.events))
            shown[std::size_t(e - first)] = true;
        if (d.includeEvidence)
            for (const EvidenceRef &ref : evidenceRefs(in.events))
                shown[std::size_t(ref.event - first)] = true;
        for (std::size_t i = 0; i < in.events.size(); ++i)
            if (shown[i])
                texts.push_back(&in.events[i].text);

        out.redactedCount = Redactor().redactAll(texts);
    }
    out.markdown = renderPostmortemMarkdown(in);
    return out;
}

} // namespace idesk
