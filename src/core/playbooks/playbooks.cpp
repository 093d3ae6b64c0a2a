#include "playbooks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace idesk::playbooks {

namespace {

constexpr char kReasonContext[] = "idesk::PlaybookMatch";

QString markToString(StepMark m)
{
    switch (m) {
    case StepMark::Passed:
        return QStringLiteral("passed");
    case StepMark::Failed:
        return QStringLiteral("failed");
    case StepMark::Ticked:
        break;
    }
    return QStringLiteral("ticked");
}

std::optional<StepMark> markFromString(QStringView s)
{
    if (s == u"passed")
        return StepMark::Passed;
    if (s == u"failed")
        return StepMark::Failed;
    if (s == u"ticked")
        return StepMark::Ticked;
    return std::nullopt;
}

bool mentions(const QString &text, const QString &keyword)
{
    if (text.isEmpty())
        return false;
    // Whole words only: "down" is an outage, "slowdown" is not.
    const QRegularExpression re(
        QStringLiteral("(^|\\W)%1($|\\W)").arg(QRegularExpression::escape(keyword.trimmed())),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

} // namespace

std::vector<Playbook> effectivePlaybooks(const Profile &profile,
                                         const std::vector<Playbook> &builtins)
{
    std::vector<Playbook> out;
    for (Playbook pb : builtins) {
        if (profile.playbook(pb.id))
            continue; // replaced below, in the profile's order
        for (PlaybookStep &s : pb.steps) {
            if (s.kind == PlaybookStep::Kind::Manual)
                continue;
            const DiagnosticCheck *c = profile.diagnostic(s.check);
            const bool fits = c && c->destructive == (s.kind == PlaybookStep::Kind::Mitigation);
            if (!fits) {
                if (s.title.isEmpty())
                    s.title = s.check;
                s.kind = PlaybookStep::Kind::Manual;
                s.check.clear();
            }
        }
        out.push_back(std::move(pb));
    }
    // The profile's own come after the built-ins they do not replace; one that replaces a
    // built-in takes its place so the list keeps the runbook's order.
    for (const Playbook &own : profile.playbooks) {
        const auto it = std::find_if(builtins.begin(), builtins.end(),
                                     [&own](const Playbook &b) { return b.id == own.id; });
        if (it == builtins.end()) {
            out.push_back(own);
            continue;
        }
        // Insert before the first kept built-in that comes after it in the built-in order.
        auto at = out.end();
        for (auto b = std::next(it); b != builtins.end(); ++b) {
            const auto found = std::find_if(out.begin(), out.end(),
                                            [&b](const Playbook &p) { return p.id == b->id; });
            if (found != out.end()) {
                at = found;
                break;
            }
        }
        out.insert(at, own);
    }
    return out;
}

QString stepTitle(const PlaybookStep &step, const Profile &profile)
{
    if (!step.title.isEmpty())
        return step.title;
    if (const DiagnosticCheck *c = profile.diagnostic(step.check))
        return c->title;
    return step.check;
}

QString stepStateText(StepState s)
{
    switch (s) {
    case StepState::Done:
        return QStringLiteral("Done");
    case StepState::Failed:
        return QStringLiteral("Failed");
    case StepState::NotYet:
        break;
    }
    return QStringLiteral("Not yet");
}

QString stepSource(const QString &playbookId, const QString &stepId, StepMark mark)
{
    return QString::fromUtf16(kSourcePrefix) + playbookId + QLatin1Char(':') + stepId +
           QLatin1Char(':') + markToString(mark);
}

std::optional<StepRecord> parseStepSource(QStringView source)
{
    if (!source.startsWith(QStringView(kSourcePrefix)))
        return std::nullopt;
    const auto parts = source.mid(QStringView(kSourcePrefix).size()).split(u':');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const auto mark = markFromString(parts[2]);
    if (!mark)
        return std::nullopt;
    return StepRecord{parts[0].toString(), parts[1].toString(), *mark};
}

PlaybookProgress progress(const Playbook &playbook, const std::vector<TimelineEvent> &events)
{
    PlaybookProgress p;
    p.steps.resize(playbook.steps.size());
    std::vector<const TimelineEvent *> latest(playbook.steps.size(), nullptr);
    for (const TimelineEvent &e : events) {
        if (e.deleted)
            continue;
        const auto rec = parseStepSource(e.source);
        if (!rec || rec->playbookId != playbook.id)
            continue;
        const auto it = std::find_if(playbook.steps.begin(), playbook.steps.end(),
                                     [&rec](const PlaybookStep &s) { return s.id == rec->stepId; });
        if (it == playbook.steps.end())
            continue;
        const auto i = static_cast<std::size_t>(it - playbook.steps.begin());
        const TimelineEvent *&cur = latest[i];
        if (!cur ||
            std::tie(e.occurredAt, e.recordedAt) >= std::tie(cur->occurredAt, cur->recordedAt))
            cur = &e;
    }
    for (std::size_t i = 0; i < latest.size(); ++i) {
        const TimelineEvent *e = latest[i];
        if (!e)
            continue;
        const StepMark mark = parseStepSource(e->source)->mark;
        StepProgress &s = p.steps[i];
        s.state = mark == StepMark::Failed ? StepState::Failed : StepState::Done;
        s.ticked = mark == StepMark::Ticked;
        s.eventId = e->eventId;
        s.at = e->occurredAt;
        s.author = e->author;
        if (s.state == StepState::Done)
            ++p.done;
        else
            ++p.failed;
    }
    return p;
}

QString stepEventText(const Playbook &playbook, const PlaybookStep &step, const QString &title,
                      StepMark mark, const QString &detail)
{
    const auto it = std::find_if(playbook.steps.begin(), playbook.steps.end(),
                                 [&step](const PlaybookStep &s) { return s.id == step.id; });
    const auto n = it == playbook.steps.end() ? 0 : (it - playbook.steps.begin()) + 1;
    QString outcome;
    switch (mark) {
    case StepMark::Passed:
        outcome = QStringLiteral("passed");
        break;
    case StepMark::Failed:
        outcome = QStringLiteral("failed");
        break;
    case StepMark::Ticked:
        outcome = QStringLiteral("done");
        break;
    }
    QString text = QStringLiteral("Playbook %1, step %2 of %3: %4 — %5")
                       .arg(playbook.title)
                       .arg(n)
                       .arg(playbook.steps.size())
                       .arg(title, outcome);
    if (!detail.isEmpty())
        text += QStringLiteral("\n") + detail;
    return text;
}

std::optional<Suggestion> suggest(const Incident &incident, const std::vector<Playbook> &playbooks)
{
    std::optional<Suggestion> best;
    const QString impactText =
        incident.impact.userImpact + QLatin1Char('\n') + incident.impact.businessImpact;
    for (const Playbook &pb : playbooks) {
        Suggestion s;
        s.playbookId = pb.id;
        QStringList inTitle, inSummary, inImpact, reasons;
        for (const QString &k : pb.match.keywords) {
            const QString quoted = QStringLiteral("“%1”").arg(k);
            if (mentions(incident.title, k)) {
                s.score += 3;
                inTitle << quoted;
            } else if (mentions(incident.summary, k)) {
                s.score += 2;
                inSummary << quoted;
            } else if (mentions(impactText, k)) {
                s.score += 1;
                inImpact << quoted;
            }
        }
        // The reason is shown, not recorded: worded in the installed catalogue's language.
        const auto words = [&reasons](const char *text, const QStringList &found) {
            if (!found.isEmpty())
                reasons << QCoreApplication::translate(kReasonContext, text)
                               .arg(found.join(QStringLiteral(", ")));
        };
        words(QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "title mentions %1"), inTitle);
        words(QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "summary mentions %1"), inSummary);
        words(QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "impact mentions %1"), inImpact);
        const auto level = [&](const std::optional<double> &v, double atLeast, const char *text) {
            if (atLeast < 0 || !v || *v < atLeast)
                return;
            s.score += 3;
            reasons << QCoreApplication::translate(kReasonContext, text)
                           .arg(number(*v), number(atLeast));
        };
        level(incident.impact.errorRatePercent, pb.match.errorRatePercentAtLeast,
              QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "error rate %1% ≥ %2%"));
        level(incident.impact.responseTimeMs, pb.match.responseTimeMsAtLeast,
              QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "response time %1 ms ≥ %2 ms"));
        level(incident.impact.affectedUsersPercent, pb.match.affectedUsersPercentAtLeast,
              QT_TRANSLATE_NOOP("idesk::PlaybookMatch", "users affected %1% ≥ %2%"));
        if (s.score == 0)
            continue;
        s.reason = reasons.join(QStringLiteral("; "));
        if (!best || s.score > best->score)
            best = s;
    }
    return best;
}

} // namespace idesk::playbooks
