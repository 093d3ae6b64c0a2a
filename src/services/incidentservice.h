#pragma once

#include "core/clock.h"
#include "core/profile.h"
#include "core/types.h"
#include "storage/store.h"

#include <QObject>
#include <memory>

namespace idesk {

// The use cases every face (GUI tabs, CLI) goes through. Changes that matter to the record (status,
// severity, roles, checklist ticks, escalations) land on the incident's timeline here, in the same
// Store::Transaction as the change: both commit or neither. Silent edits (updateIncident) and
// timeline edits are one store write each. Changes are announced by signals after the commit, so
// every view updates without reloading.
class IncidentService final : public QObject
{
    Q_OBJECT
public:
    IncidentService(std::unique_ptr<Store> store, Profile profile, const Clock &clock,
                    QObject *parent = nullptr);
    ~IncidentService() override;

    // How much of an existing file open() reads before trusting it. The GUI takes Structure so
    // the window paints at once, then runs integrityProblems() off the GUI thread.
    enum class Check
    {
        AllPages,
        Structure
    };
    // Opens (creating or migrating) the database at path and puts a service over it. Throws
    // Error (a StoreError) and leaves a file it cannot understand as it was.
    static std::unique_ptr<IncidentService> open(const QString &path, Profile profile,
                                                 const Clock &clock, Check check = Check::AllPages);
    // The same in the storage layer's terms, for the services and their tests.
    static std::unique_ptr<IncidentService> open(const QString &path, Profile profile,
                                                 const Clock &clock, Store::Verify verify);
    // Every page of the database at path checked on a connection of its own, so it can run on
    // any thread: empty when the file is sound, else what is wrong.
    static QString integrityProblems(const QString &path);

    // For the services layer and tests; the faces read and write through the functions below.
    Store &store() { return *m_store; }
    const Store &store() const { return *m_store; }
    QString databasePath() const { return m_store->path(); }
    const Profile &profile() const { return m_profile; }
    void setProfile(Profile p);
    const Clock &clock() const { return m_clock; }

    // Who is acting: settings' user name, else $USER, else "commander".
    QString actor() const { return m_actor; }
    void setActor(const QString &name);

    // Announces, through the usual signals, what other programs (another window, the CLI, the
    // sync worker) committed to the file since the last call. Cheap when nothing changed (one
    // PRAGMA), so a window can call it every second. Returns whether anything had changed.
    bool refreshFromElsewhere();

    bool readOnly() const { return m_readOnly; }
    void setReadOnly(bool on);

    // Incidents
    Incident declare(const NewIncident &n); // also seeds the profile's checklists, logs "declared"
    std::vector<Incident> incidents() const { return m_store->incidents(); }
    std::vector<IncidentSummary> incidentSummaries(int limit = -1) const
    {
        return m_store->incidentSummaries(limit);
    }
    std::optional<Incident> incident(const QString &id) const { return m_store->incident(id); }
    // By id, unique id prefix or channel name (with or without '#').
    std::optional<Incident> findIncident(const QString &idOrChannel) const
    {
        return m_store->findIncident(idOrChannel);
    }
    IncidentBundle bundle(const QString &incidentId) const { return m_store->bundle(incidentId); }
    void updateIncident(const Incident &changed); // silent field edit (impact, summary)
    // Commander, comms lead and scribe, and the timeline event that records them, together.
    void assignRoles(const QString &id, const QString &commander, const QString &commsLead,
                     const QString &scribe);
    void setStatus(const QString &id, IncidentStatus s, const QString &note = {});
    void setSeverity(const QString &id, Severity s, const QString &reason = {});
    void acknowledge(const QString &id);
    void escalate(const QString &id, int level, const QString &reason = {});
    void importBundle(const IncidentBundle &b); // throws StoreError (Conflict if the id exists)

    // Timeline: current revisions by occurred_at, and the revisions of one event.
    std::vector<TimelineEvent> events(const EventQuery &q) const { return m_store->events(q); }
    int eventCount(const QString &incidentId) const { return m_store->eventCount(incidentId); }
    std::vector<TimelineEvent> eventHistory(const QString &eventId) const
    {
        return m_store->eventHistory(eventId);
    }
    std::optional<TimelineEvent> currentEvent(const QString &eventId) const
    {
        return m_store->currentEvent(eventId);
    }
    // For views that follow the file: see Store::timelinePosition and friends.
    qint64 timelinePosition() const { return m_store->timelinePosition(); }
    std::vector<TimelineEvent> eventsRevisedAfter(const QString &incidentId, qint64 position) const
    {
        return m_store->eventsRevisedAfter(incidentId, position);
    }
    std::optional<QSet<QString>> unsyncedEvents(const QString &incidentId) const
    {
        return m_store->unsyncedEvents(incidentId);
    }
    TimelineEvent addEvent(const QString &incidentId, const NewEvent &e);
    std::vector<TimelineEvent> addEvents(const QString &incidentId, const std::vector<NewEvent> &e);
    // For services that add an event inside a transaction of their own (the event and what
    // belongs to it): tells every view about it, once that transaction has committed.
    void announceEvent(const TimelineEvent &added) { announce(added); }
    TimelineEvent editEvent(const QString &eventId, const EventChange &change);
    // One change to many events, all or nothing (undo/redo of a pasted transcript).
    std::vector<TimelineEvent> editEvents(const std::vector<QString> &eventIds,
                                          const EventChange &change);

    // Checklists and action items
    std::vector<ChecklistItem> checklist(const QString &incidentId) const
    {
        return m_store->checklist(incidentId);
    }
    std::vector<ActionItem> actionItems(const QString &incidentId) const
    {
        return m_store->actionItems(incidentId);
    }
    void setChecklistItem(const QString &incidentId, const QString &itemId, bool checked);
    ActionItem addActionItem(const QString &incidentId, const QString &description,
                             const QString &owner, const QDate &due);
    void updateActionItem(const ActionItem &changed);

    // Sync conflicts: the losers of last-writer-wins merges pulled from the server.
    std::vector<SyncConflict> conflicts(bool includeReviewed = false) const
    {
        return m_store->conflicts(includeReviewed);
    }
    void keepTheirs(const QString &conflictId);  // marks it reviewed, on every site
    void restoreMine(const QString &conflictId); // the losing value again, as a new edit

Q_SIGNALS:
    void conflictsChanged();
    void incidentsChanged();                       // list membership or any list column
    void incidentChanged(const QString &id);       // one incident's fields
    void eventsChanged(const QString &incidentId); // revisions added (add, edit, delete)
    void eventAdded(const idesk::TimelineEvent &e);
    void eventRevised(const idesk::TimelineEvent &revision); // an edit, delete or undelete
    void checklistChanged(const QString &incidentId);
    void actionItemsChanged(const QString &incidentId);
    void profileChanged();
    void readOnlyChanged(bool on);

private:
    Incident require(const QString &id) const;
    // A timeline event by the current actor, for the use cases that record what they changed.
    NewEvent record(EventKind kind, const QString &source, const QString &text) const;
    // Signals go out after the commit, so no view shows a change that was rolled back.
    void announce(const TimelineEvent &added);
    void announceIncident(const QString &id, const TimelineEvent &logged);

    std::unique_ptr<Store> m_store;
    Profile m_profile;
    const Clock &m_clock;
    QString m_actor;
    bool m_readOnly = true;
    qint64 m_dataVersion = 0;
};

} // namespace idesk
