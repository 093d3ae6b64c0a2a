<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeclareDialog</name>
    <message>
        <location filename="../ui/declaredialog.ui" line="6"/>
        <source>Declare incident</source>
        <translation>Vorfall ausrufen</translation>
    </message>
    <message>
        <location filename="../ui/declaredialog.ui" line="16"/>
        <source>&amp;What is broken?</source>
        <translation>&amp;Was ist kaputt?</translation>
    </message>
    <message>
        <location filename="../ui/declaredialog.ui" line="22"/>
        <source>e.g. Users unable to create orders</source>
        <translation>z. B. Nutzer können keine Bestellungen anlegen</translation>
    </message>
    <message>
        <location filename="../ui/declaredialog.ui" line="28"/>
        <source>Severity (Alt+0…3)</source>
        <translation>Schweregrad (Alt+0…3)</translation>
    </message>
    <message>
        <location filename="../ui/declaredialog.ui" line="36"/>
        <source>Co&amp;mmander</source>
        <translation>Incident-&amp;Commander</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="9"/>
        <source>IncidentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="38"/>
        <source>Search incidents (Ctrl+F)</source>
        <translation>Vorfälle suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="43"/>
        <source>Show incidents with this status</source>
        <translation>Vorfälle mit diesem Status zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="62"/>
        <source>Declare incident (Ctrl+N)</source>
        <translation>Vorfall ausrufen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="76"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="89"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="94"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="97"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="107"/>
        <source>&amp;New incident…</source>
        <translation>&amp;Neuer Vorfall…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="108"/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="111"/>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="112"/>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="115"/>
        <source>Open &amp;profile…</source>
        <translation>&amp;Profil öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="118"/>
        <source>Use the &amp;default profile</source>
        <translation>&amp;Standardprofil verwenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="121"/>
        <source>&amp;Export incident as JSON…</source>
        <translation>Vorfall als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="122"/>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="125"/>
        <source>&amp;Import incident…</source>
        <translation>Vorfall &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="128"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="129"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="134"/>
        <source>&amp;Read-only mode (no destructive actions)</source>
        <translation>&amp;Nur-Lese-Modus (keine zerstörerischen Aktionen)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>&amp;About IncidentDesk</source>
        <translation>&amp;Über IncidentDesk</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/gui/screenshot.cpp" line="17"/>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/screenshot.cpp" line="30"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TriageResolveDialog</name>
    <message>
        <location filename="../ui/triageresolvedialog.ui" line="6"/>
        <source>Confirm recovery before resolving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/triageresolvedialog.ui" line="15"/>
        <source>Tick what has been verified. Each tick lands on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/triageresolvedialog.ui" line="36"/>
        <source>&amp;Resolve anyway because</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/triageresolvedialog.ui" line="43"/>
        <source>Needed only while items are open, e.g. &quot;alerts are noisy, verified by hand&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::AddEventCommand</name>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="63"/>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::AddEventsCommand</name>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="94"/>
        <source>Add %n event(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::DeclareDialog</name>
    <message numerus="yes">
        <location filename="../src/gui/declaredialog.cpp" line="22"/>
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/declaredialog.cpp" line="23"/>
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/declaredialog.cpp" line="25"/>
        <source>Examples: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/declaredialog.cpp" line="41"/>
        <source>&amp;Declare</source>
        <translation>&amp;Ausrufen</translation>
    </message>
    <message>
        <location filename="../src/gui/declaredialog.cpp" line="70"/>
        <source>Say in a few words what is broken.</source>
        <translation>Beschreiben Sie in wenigen Worten, was kaputt ist.</translation>
    </message>
</context>
<context>
    <name>idesk::DeleteEventsCommand</name>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="177"/>
        <source>Delete %n event(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::EditEventCommand</name>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="132"/>
        <source>That event no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="149"/>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::EventHistoryDialog</name>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="23"/>
        <source>Event history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="27"/>
        <source>Every revision of this event, oldest first. Edits and deletes add revisions; none is ever removed. Times are UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="34"/>
        <source>Rev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="34"/>
        <source>Recorded (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="34"/>
        <source>Occurred (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="35"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="35"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="35"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="35"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="36"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="64"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="64"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/eventhistorydialog.cpp" line="65"/>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::MainWindow</name>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="45"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="47"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="53"/>
        <source>All incidents</source>
        <translation>Alle Vorfälle</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="55"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="160"/>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="161"/>
        <source>IncidentDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="166"/>
        <source>Open service profile</source>
        <translation>Serviceprofil öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="167"/>
        <source>Profiles (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="203"/>
        <source>Incident &amp;list</source>
        <translation>Vorfall&amp;liste</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="293"/>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="300"/>
        <source>The Diagnostics tab</source>
        <translation>Der Diagnose-Tab</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="301"/>
        <source>Click-to-run kubectl, HTTP, JSON-RPC, DNS and SQL checks from the profile arrive in a later release. Nothing here runs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="298"/>
        <source>&amp;Diagnostics</source>
        <translation>&amp;Diagnose</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="131"/>
        <source>The database %1 is damaged (%2). Export what you need and restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="305"/>
        <source>Time&amp;line</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="311"/>
        <source>&amp;Post-mortem</source>
        <translation>&amp;Post-Mortem</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="314"/>
        <source>Alt+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="389"/>
        <source>%1 %2 — IncidentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="391"/>
        <source>IncidentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="408"/>
        <source>Declared %1 — %2</source>
        <translation>Ausgerufen: %1 — %2</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="410"/>
        <source>Could not declare the incident</source>
        <translation>Der Vorfall konnte nicht ausgerufen werden</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="423"/>
        <source>Could not open the database</source>
        <translation>Die Datenbank konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="437"/>
        <source>The profile has an error</source>
        <translation>Das Profil enthält einen Fehler</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="438"/>
        <source>The current profile stays in use.</source>
        <translation>Das aktuelle Profil bleibt in Gebrauch.</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="459"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="460"/>
        <source>Profile: %1%2</source>
        <translation>Profil: %1%2</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="462"/>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="463"/>
        <source>The shipped default profile</source>
        <translation>Das mitgelieferte Standardprofil</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="465"/>
        <source>Read-only: destructive actions off</source>
        <translation>Nur lesen: zerstörerische Aktionen aus</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="466"/>
        <source>Destructive actions ENABLED</source>
        <translation>Zerstörerische Aktionen AKTIV</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="471"/>
        <source>Sync: off (local only)</source>
        <translation>Sync: aus (nur lokal)</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="480"/>
        <source>Export incident</source>
        <translation>Vorfall exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="481"/>
        <source>Incident JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="487"/>
        <source>Could not export</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="490"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="495"/>
        <source>Import incident</source>
        <translation>Vorfall importieren</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="496"/>
        <source>Incident JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="501"/>
        <location filename="../src/gui/mainwindow.cpp" line="509"/>
        <location filename="../src/gui/mainwindow.cpp" line="511"/>
        <source>Could not import</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="517"/>
        <source>About IncidentDesk</source>
        <translation>Über IncidentDesk</translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="518"/>
        <source>&lt;h3&gt;IncidentDesk %1&lt;/h3&gt;&lt;p&gt;Run a production incident from a laptop: triage, diagnostics, timeline and post-mortem, offline first.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::PendingTab</name>
    <message>
        <location filename="../src/gui/pendingtab.cpp" line="12"/>
        <source>%1 is not built yet.</source>
        <translation>%1 ist noch nicht gebaut.</translation>
    </message>
</context>
<context>
    <name>idesk::PinEventCommand</name>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="171"/>
        <source>Pin event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinecommands.cpp" line="171"/>
        <source>Unpin event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemReportsDialog</name>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="71"/>
        <source>Incident reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="72"/>
        <source>Incidents by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="73"/>
        <source>MTTA / MTTR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="74"/>
        <source>Open action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="76"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="90"/>
        <source>Incidents by severity and month (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="112"/>
        <source>no incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="115"/>
        <source>incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="121"/>
        <source>Mean time to acknowledge and to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="123"/>
        <source>MTTA (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="124"/>
        <source>MTTR (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="129"/>
        <source>%1 (%2 resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="145"/>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="151"/>
        <source>Open action items by owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="153"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="154"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="170"/>
        <source>no open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemreportsdialog.cpp" line="173"/>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemTab</name>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="172"/>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="444"/>
        <source>Select an incident to write its post-mortem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="184"/>
        <source>Redact secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="187"/>
        <source>Replace credentials (keys, tokens, passwords, private keys) with [REDACTED] in the exported Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="191"/>
        <source>Export Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="193"/>
        <source>Copy Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="195"/>
        <source>Copy resolution message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="197"/>
        <source>The runbook&apos;s INCIDENT RESOLVED message, with the review meeting and open action items as next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="199"/>
        <source>Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="243"/>
        <source>Incident Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="251"/>
        <source>For example 75, 1h 15m or 2 days 3 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="264"/>
        <source>Use the incident&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="266"/>
        <source>Date (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="267"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="268"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="269"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="270"/>
        <source>Users affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="271"/>
        <source>Revenue impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="279"/>
        <source>Timeline: key events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="286"/>
        <source>Use the pinned events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="300"/>
        <source>One per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="301"/>
        <source>What caused the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="306"/>
        <source>Root Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="307"/>
        <source>Contributing Factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="308"/>
        <source>What Went Well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="309"/>
        <source>What Could Be Improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="311"/>
        <source>Action Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="328"/>
        <source>New action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="331"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="336"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="338"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="340"/>
        <source>Hide done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="354"/>
        <source>Lessons Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="359"/>
        <source>Google SRE sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="367"/>
        <source>What set it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="368"/>
        <source>How it was noticed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="369"/>
        <source>What fixed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="371"/>
        <source>Links, graphs, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="372"/>
        <source>Include diagnostics as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="374"/>
        <source>Each diagnostic run on the timeline: command, exit code, output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="375"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="376"/>
        <source>Detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="377"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="378"/>
        <source>Where we got lucky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="379"/>
        <source>Supporting information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="394"/>
        <source>Post-mortem review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="396"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="407"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="410"/>
        <source>Room or video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="414"/>
        <source>Export .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="416"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="417"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="470"/>
        <source>The incident %1 does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="486"/>
        <source>The saved post-mortem could not be read (%1). Editing will replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="544"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="546"/>
        <source>%1 min (from the incident)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="547"/>
        <source>ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="552"/>
        <source>From the incident (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="557"/>
        <source>what users could not do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="560"/>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="562"/>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="614"/>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="630"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="633"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="666"/>
        <source>Redaction off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="668"/>
        <source>1 item redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="669"/>
        <source>%1 items redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="678"/>
        <source>The runbook asks for the review within 48 hours of resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="715"/>
        <source>Export post-mortem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="715"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="727"/>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="770"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="731"/>
        <source>Exported to %1 (%n item(s) redacted)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="732"/>
        <source>Exported to %1 without redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="742"/>
        <source>Markdown copied (%n item(s) redacted)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="750"/>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="765"/>
        <source>Schedule the review first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="754"/>
        <source>Export review meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="755"/>
        <source>Calendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="773"/>
        <source>Review meeting exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/postmortem/postmortemtab.cpp" line="786"/>
        <source>Resolution message copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::ResolveDialog</name>
    <message>
        <location filename="../src/gui/triage/resolvedialog.cpp" line="46"/>
        <source>recovery confirmed (%1/%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/resolvedialog.cpp" line="47"/>
        <source>recovery checklist overridden (%1/%2): %3; open: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/resolvedialog.cpp" line="59"/>
        <source>%1 of %2 confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/resolvedialog.cpp" line="62"/>
        <source>&amp;Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/resolvedialog.cpp" line="62"/>
        <source>Resolve &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::TimelineChart</name>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="37"/>
        <source>events / %1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="40"/>
        <source>events / %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="42"/>
        <source>events / %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="167"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="220"/>
        <source>error rate %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="221"/>
        <source>response ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="222"/>
        <source>affected users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="267"/>
        <source>severity change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinechart.cpp" line="267"/>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::TimelineTab</name>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="113"/>
        <source>No incident selected.
Pick one in the list, or declare a new incident, to see and edit its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="130"/>
        <source>Show only some kinds of event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="132"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="153"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="160"/>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="164"/>
        <source>Pinned only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="176"/>
        <source>Pin / unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="177"/>
        <source>Mark the selected events as key events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="179"/>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="180"/>
        <source>Every revision of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="182"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="186"/>
        <source>Paste transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="276"/>
        <source>What happened? “14:32 rolled back”, “-10m first alert”, or just text (now) — Enter adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="281"/>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="408"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="283"/>
        <source>Typed times are UTC (like the table). Check to type local times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="286"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="368"/>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/timelinetab.cpp" line="369"/>
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="372"/>
        <source> (reading %1 of %2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="374"/>
        <source> (reading…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="389"/>
        <source>Kinds: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="390"/>
        <source>Kinds: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="408"/>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="421"/>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="437"/>
        <source>Cannot add: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="425"/>
        <source>Will add at %1 UTC (%2 local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="460"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/timelinetab.cpp" line="518"/>
        <source>Unpin %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/timelinetab.cpp" line="519"/>
        <source>Pin %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/timelinetab.cpp" line="565"/>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>idesk::TranscriptDialog</name>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="22"/>
        <source>Paste transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="27"/>
        <source>Paste chat lines such as “[14:30] alice: text”, “14:30 alice: text” or “2024-01-15 14:30 UTC text”. Lines without a time continue the line above. Nothing is saved until you add the events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="39"/>
        <source>Day of the first line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="41"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="42"/>
        <source>Local time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="52"/>
        <source>Times without a zone are in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="54"/>
        <source>Author when a line names none:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="59"/>
        <source>Kind of the new events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="64"/>
        <source>Paste the transcript here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="68"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="68"/>
        <source>Became</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="68"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="68"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="68"/>
        <source>Text / problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="142"/>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="149"/>
        <source>+ event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="152"/>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="155"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="177"/>
        <source>%n event(s) to add; </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="178"/>
        <source>%n line(s) with errors will not be imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="179"/>
        <source>%n event(s) to add</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/timeline/transcriptdialog.cpp" line="181"/>
        <source>Add %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::TriageTab</name>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="93"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="149"/>
        <source>L%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="149"/>
        <source>L%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="218"/>
        <source>No incident selected — Ctrl+N declares one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="337"/>
        <source>Click to copy the channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="341"/>
        <source>channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="360"/>
        <source>Time since the incident started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="364"/>
        <source>Acknowledge within the severity&apos;s response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="366"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="368"/>
        <source>Acknowledge the incident (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="373"/>
        <source>Next stakeholder update, counted from the last message sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="375"/>
        <source>Copy alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="377"/>
        <source>Copy the alert message as plain text (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="383"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="394"/>
        <source>Resolve: confirm recovery first (the checklist can be overridden with a reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="396"/>
        <source>Set the status to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="417"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="444"/>
        <source>Impact assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="450"/>
        <source>One line for the messages, e.g. Users unable to create orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="451"/>
        <source>&amp;Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="454"/>
        <source>&amp;Users affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="455"/>
        <source> /hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="457"/>
        <source>&amp;Revenue loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="458"/>
        <source>Regulatory or compliance issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="463"/>
        <source>&amp;Error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="466"/>
        <source>Res&amp;ponse time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="469"/>
        <source>Affected users (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="477"/>
        <location filename="../src/gui/triage/triagetab.cpp" line="1062"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="479"/>
        <source>Set the suggested severity (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="508"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="516"/>
        <source>Co&amp;mmander</source>
        <translation>Incident-&amp;Commander</translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="517"/>
        <source>Comms &amp;lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="518"/>
        <source>&amp;Scribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="526"/>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="537"/>
        <source>Whom to call (click to copy):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="544"/>
        <source>Escalate now (Ctrl+E); lands on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="552"/>
        <source>Communications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="557"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="558"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="559"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="568"/>
        <source>Re-render</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="570"/>
        <source>Discard edits and render the message again from the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="587"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="589"/>
        <source>Copy as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="591"/>
        <source>Copy for Slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="593"/>
        <source>Copy as Slack mrkdwn (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="595"/>
        <source>Mark as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="597"/>
        <source>Store the message on the timeline and restart the update clock (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="600"/>
        <source>Post to webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="615"/>
        <source>Checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="651"/>
        <source>Contacts (click to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="666"/>
        <location filename="../src/gui/triage/triagetab.cpp" line="1025"/>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="669"/>
        <source>Dashboards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="767"/>
        <source>%1 — %2
Respond within %3 · update every %4
e.g. %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="773"/>
        <source>Not defined in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="795"/>
        <source>Mark as sent and post to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="796"/>
        <source>No webhookUrl in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="842"/>
        <source>%1 · started %2 (%3 local) · commander %4 · L%5 engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="915"/>
        <source>%1 since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="920"/>
        <source>No response time for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="922"/>
        <source>Acknowledged late at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="922"/>
        <source>✓ Acknowledged at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="925"/>
        <source>Resolved without acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="927"/>
        <source>Acknowledge SLA missed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="929"/>
        <source>Acknowledge within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="936"/>
        <source>No further updates due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="938"/>
        <source>Update overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="940"/>
        <source>Next update in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="984"/>
        <source>Engaged: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="986"/>
        <source> — may: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="989"/>
        <source>Resolved: escalation stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="992"/>
        <source>⚠ Escalate now to %1 — %2 (due since %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="998"/>
        <source>No escalation due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1003"/>
        <source>Next: %1 at %2 (in %3) — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1008"/>
        <source>Next: nothing further is scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1023"/>
        <source>Click to copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1030"/>
        <source>No contacts for this level in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1035"/>
        <source>Escalate to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1036"/>
        <source>Highest level engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="963"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1052"/>
        <source>Suggested: %1 (user impact %2, business impact %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1056"/>
        <source>No suggestion yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1061"/>
        <source>Apply %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1069"/>
        <source>Initial assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1069"/>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1070"/>
        <source>Post-incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1074"/>
        <source>%1 %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1084"/>
        <source>Last message sent at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1085"/>
        <source>No message sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1133"/>
        <source>Roles: commander %1, comms lead %2, scribe %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1135"/>
        <location filename="../src/gui/triage/triagetab.cpp" line="1136"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1158"/>
        <source>Override the suggested severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1159"/>
        <source>The impact assessment suggests %1. Why %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1218"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1231"/>
        <source>Escalated to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1282"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1295"/>
        <source>alert message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1302"/>
        <source>%1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1310"/>
        <source>%1 message for Slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1320"/>
        <source>Message stored on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1336"/>
        <source>Posting to the webhook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1347"/>
        <source>Posted to the webhook (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/triage/triagetab.cpp" line="1350"/>
        <source>Webhook post failed: %1 The message is kept on the timeline; copy it and post by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
