<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeclareDialog</name>
    <message>
        <source>Declare incident</source>
        <translation>Vorfall ausrufen</translation>
    </message>
    <message>
        <source>&amp;What is broken?</source>
        <translation>&amp;Was ist kaputt?</translation>
    </message>
    <message>
        <source>e.g. Users unable to create orders</source>
        <translation>z. B. Nutzer können keine Bestellungen anlegen</translation>
    </message>
    <message>
        <source>Severity (Alt+0…3)</source>
        <translation>Schweregrad (Alt+0…3)</translation>
    </message>
    <message>
        <source>Co&amp;mmander</source>
        <translation>Incident-&amp;Commander</translation>
    </message>
</context>
<context>
    <name>LogFeed</name>
    <message>
        <source>kubectl logs deployment/%1: %2</source>
        <translation>kubectl logs deployment/%1: %2</translation>
    </message>
    <message>
        <source>%1 shrank while it was being read</source>
        <translation>%1 ist beim Lesen kleiner geworden</translation>
    </message>
    <message>
        <source>%1 has a line longer than %2 MB: only text logs with line breaks can be analysed</source>
        <translation>%1 hat eine Zeile, die länger als %2 MB ist: nur Text-Logs mit Zeilenumbrüchen können analysiert werden</translation>
    </message>
</context>
<context>
    <name>LogSource</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot inflate %1</source>
        <translation>%1 kann nicht entpackt werden</translation>
    </message>
    <message>
        <source>%1: compressed data ends too early</source>
        <translation>%1: die komprimierten Daten enden zu früh</translation>
    </message>
    <message>
        <source>%1: corrupt compressed data (%2)</source>
        <translation>%1: beschädigte komprimierte Daten (%2)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IncidentDesk</source>
        <translation>IncidentDesk</translation>
    </message>
    <message>
        <source>Search incidents (Ctrl+F)</source>
        <translation>Vorfälle suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Show incidents with this status</source>
        <translation>Vorfälle mit diesem Status zeigen</translation>
    </message>
    <message>
        <source>Declare incident (Ctrl+N)</source>
        <translation>Vorfall ausrufen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Neuer Vorfall…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;profile…</source>
        <translation>&amp;Profil öffnen…</translation>
    </message>
    <message>
        <source>Use the &amp;default profile</source>
        <translation>&amp;Standardprofil verwenden</translation>
    </message>
    <message>
        <source>&amp;Export incident as JSON…</source>
        <translation>Vorfall als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Import incident…</source>
        <translation>Vorfall &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Read-only mode (no destructive actions)</source>
        <translation>&amp;Nur-Lese-Modus (keine zerstörerischen Aktionen)</translation>
    </message>
    <message>
        <source>&amp;About IncidentDesk</source>
        <translation>&amp;Über IncidentDesk</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Vorfälle suchen</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The profile has an error</source>
        <translation>Das Profil enthält einen Fehler</translation>
    </message>
    <message>
        <source>%1

Continue with the shipped default profile?</source>
        <translation>%1

Mit dem mitgelieferten Standardprofil fortfahren?</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The file has not been changed.</source>
        <translation>Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Andere öffnen…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>IncidentDesk: run a production incident from a laptop.</source>
        <translation>IncidentDesk: einen Produktionsvorfall vom Laptop aus leiten.</translation>
    </message>
    <message>
        <source>The SQLite database (default: %1).</source>
        <translation>Die SQLite-Datenbank (Standard: %1).</translation>
    </message>
    <message>
        <source>A service profile (JSON).</source>
        <translation>Ein Serviceprofil (JSON).</translation>
    </message>
    <message>
        <source>Save one PNG per tab into DIR and exit.</source>
        <translation>Je Tab ein PNG in DIR speichern und beenden.</translation>
    </message>
    <message>
        <source>Select this incident (id or channel).</source>
        <translation>Diesen Vorfall auswählen (ID oder Channel).</translation>
    </message>
    <message>
        <source>Log to stderr as well.</source>
        <translation>Auch auf stderr protokollieren.</translation>
    </message>
    <message>
        <source>Exit once the window has painted.</source>
        <translation>Beenden, sobald das Fenster gezeichnet ist.</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>%1 erwartet</translation>
    </message>
    <message>
        <source>no incident matches &apos;%1&apos;</source>
        <translation>kein Vorfall passt zu „%1“</translation>
    </message>
    <message>
        <source>exactly one %1</source>
        <translation>genau ein(e) %1</translation>
    </message>
    <message>
        <source>%1 expects an ISO 8601 time such as 2024-01-15T14:30:00Z</source>
        <translation>%1 erwartet eine Zeit nach ISO 8601, etwa 2024-01-15T14:30:00Z</translation>
    </message>
    <message>
        <source>declare takes no positional arguments</source>
        <translation>declare nimmt keine Positionsargumente</translation>
    </message>
    <message>
        <source>--title is required</source>
        <translation>--title ist erforderlich</translation>
    </message>
    <message>
        <source>--severity must be P0, P1, P2 or P3</source>
        <translation>--severity muss P0, P1, P2 oder P3 sein</translation>
    </message>
    <message>
        <source>unknown status %1</source>
        <translation>unbekannter Status %1</translation>
    </message>
    <message>
        <source>incident id</source>
        <translation>Vorfall-ID</translation>
    </message>
    <message>
        <source>--text is required</source>
        <translation>--text ist erforderlich</translation>
    </message>
    <message>
        <source>unknown --kind %1</source>
        <translation>unbekannte --kind %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) redacted</source>
        <translation>
            <numerusform>%n Geheimnis geschwärzt</numerusform>
            <numerusform>%n Geheimnisse geschwärzt</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown --format %1 (json or md)</source>
        <translation>unbekanntes --format %1 (json oder md)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>
Exit codes: 0 ok, 1 a check failed, 2 usage error, 3 data error.
</source>
        <translation>
Exit-Codes: 0 in Ordnung, 1 eine Prüfung schlug fehl, 2 Aufruffehler, 3 Datenfehler.
</translation>
    </message>
    <message>
        <source>Declare an incident; prints its id and channel.</source>
        <translation>Einen Vorfall ausrufen; gibt seine ID und seinen Channel aus.</translation>
    </message>
    <message>
        <source>List incidents.</source>
        <translation>Vorfälle auflisten.</translation>
    </message>
    <message>
        <source>Show an incident and its timeline.</source>
        <translation>Einen Vorfall und seine Zeitleiste zeigen.</translation>
    </message>
    <message>
        <source>Add a timeline event.</source>
        <translation>Ein Ereignis zur Zeitleiste hinzufügen.</translation>
    </message>
    <message>
        <source>Export an incident as JSON, or its post-mortem as Markdown (secrets redacted unless --no-redact).</source>
        <translation>Einen Vorfall als JSON exportieren oder sein Post-Mortem als Markdown (Geheimnisse geschwärzt, außer mit --no-redact).</translation>
    </message>
    <message>
        <source>Import an incident exported as JSON.</source>
        <translation>Einen als JSON exportierten Vorfall importieren.</translation>
    </message>
    <message>
        <source>incidentdesk-cli: the IncidentDesk command line, on the same database as the app.</source>
        <translation>incidentdesk-cli: die Kommandozeile von IncidentDesk, auf derselben Datenbank wie die App.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe zeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version zeigen.</translation>
    </message>
    <message>
        <source>Log to stderr.</source>
        <translation>Auf stderr protokollieren.</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>Was zu tun ist.</translation>
    </message>
    <message>
        <source>Try --help.</source>
        <translation>Siehe --help.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. Try --help.</source>
        <translation>unbekannter Befehl „%1“. Siehe --help.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>no positional arguments</source>
        <translation>keine Positionsargumente</translation>
    </message>
    <message>
        <source>	[destructive: %1]</source>
        <translation>	[zerstörerisch: %1]</translation>
    </message>
    <message>
        <source>[output truncated]</source>
        <translation>[Ausgabe gekürzt]</translation>
    </message>
    <message>
        <source>name at least one check (see the checks command)</source>
        <translation>mindestens eine Prüfung nennen (siehe den Befehl checks)</translation>
    </message>
    <message>
        <source>unknown check &apos;%1&apos; (see the checks command)</source>
        <translation>unbekannte Prüfung „%1“ (siehe den Befehl checks)</translation>
    </message>
    <message>
        <source>--timeout takes seconds between 1 and 3600</source>
        <translation>--timeout nimmt Sekunden zwischen 1 und 3600</translation>
    </message>
    <message>
        <source>List the profile&apos;s diagnostic checks.</source>
        <translation>Die Diagnoseprüfungen des Profils auflisten.</translation>
    </message>
    <message>
        <source>Run checks; with --incident, file each result as evidence.</source>
        <translation>Prüfungen ausführen; mit --incident jedes Ergebnis als Beleg ablegen.</translation>
    </message>
    <message>
        <source>The runbook&apos;s quick health check, in parallel.</source>
        <translation>Der schnelle Health-Check des Runbooks, parallel.</translation>
    </message>
    <message>
        <source>%1 needs a whole number of 0 or more, not &apos;%2&apos;</source>
        <translation>%1 braucht eine ganze Zahl ab 0, nicht „%2“</translation>
    </message>
    <message>
        <source>standard input (-) can be read only once</source>
        <translation>die Standardeingabe (-) kann nur einmal gelesen werden</translation>
    </message>
    <message>
        <source>expected exactly one incident id</source>
        <translation>genau eine Vorfall-ID erwartet</translation>
    </message>
    <message>
        <source>give either --add TEXT or --list</source>
        <translation>entweder --add TEXT oder --list angeben</translation>
    </message>
    <message>
        <source>--add needs the action item&apos;s text</source>
        <translation>--add braucht den Text der Maßnahme</translation>
    </message>
    <message>
        <source>every action item needs an owner: --owner NAME</source>
        <translation>jede Maßnahme braucht eine verantwortliche Person: --owner NAME</translation>
    </message>
    <message>
        <source>--due expects a date such as 2024-01-20</source>
        <translation>--due erwartet ein Datum wie 2024-01-20</translation>
    </message>
    <message>
        <source>--owner and --due go with --add</source>
        <translation>--owner und --due gehören zu --add</translation>
    </message>
    <message>
        <source>no action items for %1</source>
        <translation>keine Maßnahmen für %1</translation>
    </message>
    <message>
        <source>Add an action item to an incident, or list its action items.</source>
        <translation>Eine Maßnahme zu einem Vorfall hinzufügen oder seine Maßnahmen auflisten.</translation>
    </message>
    <message>
        <source>one incident id</source>
        <translation>eine Vorfall-ID</translation>
    </message>
    <message>
        <source>--kind must be alert, update or resolved, not &apos;%1&apos;</source>
        <translation>--kind muss alert, update oder resolved sein, nicht „%1“</translation>
    </message>
    <message>
        <source>an incident id and a status</source>
        <translation>eine Vorfall-ID und einen Status</translation>
    </message>
    <message>
        <source>STATUS must be Investigating, Identified, Mitigating, Monitoring or Resolved, not &apos;%1&apos;</source>
        <translation>STATUS muss Investigating, Identified, Mitigating, Monitoring oder Resolved sein, nicht „%1“</translation>
    </message>
    <message>
        <source>Recovery is not confirmed; open items:</source>
        <translation>Die Wiederherstellung ist nicht bestätigt; offene Punkte:</translation>
    </message>
    <message>
        <source>Tick them in the app, or resolve anyway with --override &quot;REASON&quot;.</source>
        <translation>Haken Sie sie in der App ab oder lösen Sie trotzdem mit --override &quot;GRUND&quot;.</translation>
    </message>
    <message>
        <source>already acknowledged at </source>
        <translation>bereits bestätigt um </translation>
    </message>
    <message>
        <source>acknowledged at </source>
        <translation>bestätigt um </translation>
    </message>
    <message>
        <source> — %1 after the %2 response time</source>
        <translation> — %1 nach der Reaktionszeit von %2</translation>
    </message>
    <message>
        <source> — within the %1 response time</source>
        <translation> — innerhalb der Reaktionszeit von %1</translation>
    </message>
    <message>
        <source>nothing — resolved incidents stop escalating</source>
        <translation>nichts — gelöste Vorfälle eskalieren nicht weiter</translation>
    </message>
    <message>
        <source> since </source>
        <translation> seit </translation>
    </message>
    <message>
        <source>(ESCALATE NOW)</source>
        <translation>(JETZT ESKALIEREN)</translation>
    </message>
    <message>
        <source>nothing above the engaged level</source>
        <translation>nichts über der eingebundenen Stufe</translation>
    </message>
    <message>
        <source> at </source>
        <translation> um </translation>
    </message>
    <message>
        <source> (in %1)</source>
        <translation> (in %1)</translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation>nichts geplant</translation>
    </message>
    <message>
        <source>(no contacts for this level in the profile)</source>
        <translation>(keine Kontakte für diese Stufe im Profil)</translation>
    </message>
    <message>
        <source>Print the incident&apos;s alert, update or resolved message (plain or Slack).</source>
        <translation>Die Alarm-, Update- oder Gelöst-Nachricht des Vorfalls ausgeben (Text oder Slack).</translation>
    </message>
    <message>
        <source>Set the status; Resolved needs the recovery checklist or --override.</source>
        <translation>Den Status setzen; Resolved braucht die Wiederherstellungs-Checkliste oder --override.</translation>
    </message>
    <message>
        <source>Acknowledge the incident and say whether the response SLA was met.</source>
        <translation>Den Vorfall bestätigen und sagen, ob das Reaktions-SLA eingehalten wurde.</translation>
    </message>
    <message>
        <source>Current and next escalation level, when it falls due, whom to contact.</source>
        <translation>Aktuelle und nächste Eskalationsstufe, wann sie fällig wird, wen man kontaktiert.</translation>
    </message>
    <message>
        <source>
Commands:
</source>
        <translation>
Befehle:
</translation>
    </message>
    <message>
        <source>--kubectl takes deployment/NAME, not &apos;%1&apos;</source>
        <translation>--kubectl nimmt deployment/NAME, nicht „%1“</translation>
    </message>
    <message>
        <source>%1 goes with --kubectl</source>
        <translation>%1 gehört zu --kubectl</translation>
    </message>
    <message>
        <source>--all-pods goes with --kubectl</source>
        <translation>--all-pods gehört zu --kubectl</translation>
    </message>
    <message>
        <source>--kubectl reads the cluster&apos;s logs; give no files with it</source>
        <translation>--kubectl liest die Logs des Clusters; dazu keine Dateien angeben</translation>
    </message>
    <message>
        <source>Analyse logs (plain or .gz, - for standard input, or a deployment&apos;s through kubectl) as the runbook&apos;s analyze-logs.sh does, plus message templates and errors per minute.</source>
        <translation>Logs analysieren (Text oder .gz, - für die Standardeingabe, oder die eines Deployments über kubectl) wie analyze-logs.sh des Runbooks, dazu Nachrichtenvorlagen und Fehler pro Minute.</translation>
    </message>
    <message>
        <source>sync: %1</source>
        <translation>Sync: %1</translation>
    </message>
    <message>
        <source>configured</source>
        <translation>eingerichtet</translation>
    </message>
    <message>
        <source>off (no server set)</source>
        <translation>aus (kein Server eingerichtet)</translation>
    </message>
    <message>
        <source>waiting to go up: %1</source>
        <translation>warten auf Übertragung: %1</translation>
    </message>
    <message>
        <source>conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>letzter Sync: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>Sync is not set up: give --pg CONNINFO, set sync/server in the settings, or set PGSERVICE / PGHOST.</source>
        <translation>Sync ist nicht eingerichtet: --pg CONNINFO angeben, sync/server in den Einstellungen setzen oder PGSERVICE / PGHOST setzen.</translation>
    </message>
    <message>
        <source>pushed %1, pulled %2, new conflicts %3 (%4 in all)</source>
        <translation>%1 übertragen, %2 geholt, %3 neue Konflikte (%4 insgesamt)</translation>
    </message>
    <message>
        <source>renamed %1 incident channel(s) taken on the server</source>
        <translation>%1 auf dem Server schon vergebene(n) Vorfallkanal/-kanäle umbenannt</translation>
    </message>
    <message>
        <source>Nothing was lost: %1 change(s) wait in the outbox.</source>
        <translation>Nichts ging verloren: %1 Änderung(en) warten im Postausgang.</translation>
    </message>
    <message>
        <source>no conflicts</source>
        <translation>keine Konflikte</translation>
    </message>
    <message>
        <source>Push the outbox to the PostgreSQL server and pull the others&apos; changes once; exit 4 when the server cannot be reached.</source>
        <translation>Den Postausgang einmal zum PostgreSQL-Server übertragen und die Änderungen der anderen holen; Exit-Code 4, wenn der Server nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>List the values that lost a last-writer-wins merge.</source>
        <translation>Die Werte auflisten, die beim Zusammenführen (der letzte Schreiber gewinnt) unterlegen sind.</translation>
    </message>
    <message>
        <source>Sync: off</source>
        <translation>Sync: aus</translation>
    </message>
    <message>
        <source>Sync: connecting</source>
        <translation>Sync: verbindet</translation>
    </message>
    <message>
        <source>Sync: synced %1 s ago</source>
        <translation>Sync: vor %1 s abgeglichen</translation>
    </message>
    <message>
        <source>Sync: offline, %1 waiting</source>
        <translation>Sync: offline, %1 wartend</translation>
    </message>
    <message>
        <source>Sync: error, %1 waiting</source>
        <translation>Sync: Fehler, %1 wartend</translation>
    </message>
    <message>
        <source>, %1 conflicts</source>
        <translation>, %1 Konflikte</translation>
    </message>
    <message>
        <source>one evidence event id</source>
        <translation>eine Beleg-Ereignis-ID</translation>
    </message>
    <message>
        <source>no diagnostic output is filed for event &apos;%1&apos;</source>
        <translation>zu Ereignis „%1“ ist keine Diagnoseausgabe abgelegt</translation>
    </message>
    <message>
        <source>(output truncated when it was recorded)</source>
        <translation>(Ausgabe bei der Aufzeichnung gekürzt)</translation>
    </message>
    <message>
        <source>The full output of a check filed as evidence.</source>
        <translation>Die vollständige Ausgabe einer als Beleg abgelegten Prüfung.</translation>
    </message>
    <message>
        <source>Window size for --screenshot.</source>
        <translation>Fenstergröße für --screenshot.</translation>
    </message>
    <message>
        <source>no playbook %1 (there are: %2)</source>
        <translation>kein Playbook %1 (vorhanden: %2)</translation>
    </message>
    <message>
        <source>Symptoms: %1</source>
        <translation>Symptome: %1</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 failed</source>
        <translation>%1 von %2 erledigt, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>list takes no --incident</source>
        <translation>list nimmt kein --incident</translation>
    </message>
    <message>
        <source>expected list, or show NAME</source>
        <translation>erwartet: list oder show NAME</translation>
    </message>
    <message>
        <source>The runbook&apos;s scenario playbooks; with --incident, each step&apos;s state.</source>
        <translation>Die Szenario-Playbooks des Runbooks; mit --incident der Stand jedes Schritts.</translation>
    </message>
    <message>
        <source>  reviewed</source>
        <translation>  geprüft</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped %1 server change(s) this database cannot hold (details in the log)</source>
        <translation>%1 Änderung(en) vom Server übersprungen, die diese Datenbank nicht aufnehmen kann (Einzelheiten im Protokoll)</translation>
    </message>
</context>
<context>
    <name>TriageResolveDialog</name>
    <message>
        <source>Confirm recovery before resolving</source>
        <translation>Wiederherstellung vor dem Lösen bestätigen</translation>
    </message>
    <message>
        <source>Tick what has been verified. Each tick lands on the timeline.</source>
        <translation>Haken Sie ab, was geprüft ist. Jeder Haken landet auf der Zeitleiste.</translation>
    </message>
    <message>
        <source>&amp;Resolve anyway because</source>
        <translation>Trotzdem &amp;lösen, weil</translation>
    </message>
    <message>
        <source>Needed only while items are open, e.g. &quot;alerts are noisy, verified by hand&quot;</source>
        <translation>Nur nötig, solange Punkte offen sind, z. B. „Alarme sind unzuverlässig, von Hand geprüft“</translation>
    </message>
    <message>
        <source>Recovery checklist</source>
        <translation>Wiederherstellungs-Checkliste</translation>
    </message>
</context>
<context>
    <name>idesk::ActionItemModel</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Every action item needs an owner</source>
        <translation>Jede Maßnahme braucht eine verantwortliche Person</translation>
    </message>
    <message>
        <source>Every action item needs a due date</source>
        <translation>Jede Maßnahme braucht ein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>idesk::AtomicWrite</name>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Only part of it could be written; the disk may be full. The file was left as it was.</source>
        <translation>Nur ein Teil konnte geschrieben werden; der Datenträger ist vielleicht voll. Die Datei blieb unverändert.</translation>
    </message>
</context>
<context>
    <name>idesk::CheckCatalogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>TIMEOUT</source>
        <translation>ZEITÜBERSCHREITUNG</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>all pass</source>
        <translation>alle bestanden</translation>
    </message>
    <message>
        <source>%1 [changes %2]</source>
        <translation>%1 [ändert %2]</translation>
    </message>
    <message>
        <source>%1 · %2 check</source>
        <translation>%1 · Prüfung (%2)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>idesk::ChecklistModel</name>
    <message>
        <source>Not done yet</source>
        <translation>Noch nicht erledigt</translation>
    </message>
    <message>
        <source>Checked by %1 at %2 (%3 local)</source>
        <translation>Abgehakt von %1 um %2 (%3 lokal)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
</context>
<context>
    <name>idesk::ChecklistsPanel</name>
    <message>
        <source>Checklists</source>
        <translation>Checklisten</translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation>Erste Einschätzung</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Post-incident</source>
        <translation>Nach dem Vorfall</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
</context>
<context>
    <name>idesk::CommsPanel</name>
    <message>
        <source>Communications</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Re-render</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Discard edits and render the message again from the incident</source>
        <translation>Änderungen verwerfen und die Nachricht neu aus dem Vorfall erzeugen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy as plain text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Copy for Slack</source>
        <translation>Für Slack kopieren</translation>
    </message>
    <message>
        <source>Copy as Slack mrkdwn (Ctrl+Shift+L)</source>
        <translation>Als Slack-mrkdwn kopieren (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <source>Store the message on the timeline and restart the update clock (Ctrl+Return)</source>
        <translation>Die Nachricht auf der Zeitleiste ablegen und die Update-Uhr neu starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Post to webhook</source>
        <translation>An Webhook senden</translation>
    </message>
    <message>
        <source>Mark as sent and post to %1</source>
        <translation>Als gesendet markieren und an %1 senden</translation>
    </message>
    <message>
        <source>No webhookUrl in the profile</source>
        <translation>Keine webhookUrl im Profil</translation>
    </message>
    <message>
        <source>Last message sent at %1.</source>
        <translation>Letzte Nachricht gesendet um %1.</translation>
    </message>
    <message>
        <source>No message sent yet.</source>
        <translation>Noch keine Nachricht gesendet.</translation>
    </message>
    <message>
        <source>Posting to the webhook…</source>
        <translation>Wird an den Webhook gesendet…</translation>
    </message>
    <message>
        <source>Posted to the webhook (HTTP %1).</source>
        <translation>An den Webhook gesendet (HTTP %1).</translation>
    </message>
    <message>
        <source>Webhook post failed: %1 The message is kept on the timeline; copy it and post by hand.</source>
        <translation>Senden an den Webhook fehlgeschlagen: %1 Die Nachricht bleibt auf der Zeitleiste; kopieren und von Hand posten.</translation>
    </message>
</context>
<context>
    <name>idesk::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync-Konflikte</translation>
    </message>
    <message>
        <source>When two people changed the same field while apart, the later change was kept and the other is listed here. Keep theirs to accept the kept value, or restore yours as a new change.</source>
        <translation>Haben zwei Personen getrennt voneinander dasselbe Feld geändert, wurde die spätere Änderung behalten und die andere steht hier. „Ihre behalten“ übernimmt den behaltenen Wert, „Meine wiederherstellen“ schreibt Ihren Wert als neue Änderung.</translation>
    </message>
    <message>
        <source>Conflict review result</source>
        <translation>Ergebnis der Konfliktprüfung</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Ihre behalten</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Ihre behalten</translation>
    </message>
    <message>
        <source>Accept the kept value and mark the conflict reviewed</source>
        <translation>Den behaltenen Wert übernehmen und den Konflikt als geprüft markieren</translation>
    </message>
    <message>
        <source>&amp;Restore mine</source>
        <translation>&amp;Meine wiederherstellen</translation>
    </message>
    <message>
        <source>Restore mine</source>
        <translation>Meine wiederherstellen</translation>
    </message>
    <message>
        <source>Write the lost value again, as a new change that syncs</source>
        <translation>Den verlorenen Wert erneut schreiben, als neue Änderung, die synchronisiert wird</translation>
    </message>
    <message>
        <source>Show re&amp;viewed</source>
        <translation>&amp;Geprüfte zeigen</translation>
    </message>
    <message>
        <source>Show reviewed conflicts</source>
        <translation>Geprüfte Konflikte zeigen</translation>
    </message>
    <message>
        <source>Kept the other value; the conflict is marked reviewed.</source>
        <translation>Der andere Wert bleibt; der Konflikt ist als geprüft markiert.</translation>
    </message>
    <message>
        <source>Restored the lost value as a new change; it syncs on the next round.</source>
        <translation>Der verlorene Wert ist als neue Änderung wiederhergestellt; er wird in der nächsten Runde synchronisiert.</translation>
    </message>
</context>
<context>
    <name>idesk::ConflictsModel</name>
    <message>
        <source>checklist item: %1</source>
        <translation>Checklistenpunkt: %1</translation>
    </message>
    <message>
        <source>action item: %1</source>
        <translation>Maßnahme: %1</translation>
    </message>
    <message>
        <source>post-mortem: %1</source>
        <translation>Post-Mortem: %1</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>site %1</source>
        <translation>Standort %1</translation>
    </message>
    <message>
        <source> (reviewed)</source>
        <translation> (geprüft)</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Mine (lost)</source>
        <translation>Meins (verloren)</translation>
    </message>
    <message>
        <source>Theirs (kept)</source>
        <translation>Ihres (behalten)</translation>
    </message>
    <message>
        <source>Lost by</source>
        <translation>Verloren von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
</context>
<context>
    <name>idesk::ContactsModel</name>
    <message>
        <source>On-call</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Click to copy: %1</source>
        <translation>Zum Kopieren klicken: %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
</context>
<context>
    <name>idesk::ContactsPanel</name>
    <message>
        <source>Contacts (click to copy)</source>
        <translation>Kontakte (zum Kopieren klicken)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Dashboards:</source>
        <translation>Dashboards:</translation>
    </message>
</context>
<context>
    <name>idesk::ContextBar</name>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>Production context</source>
        <translation>Produktionskontext</translation>
    </message>
    <message>
        <source>Enable mitigations?</source>
        <translation>Gegenmaßnahmen aktivieren?</translation>
    </message>
    <message>
        <source>Mitigations change the running system in context %1%2. Each one still shows its command and asks you to type its target&apos;s name before it runs.

Leave read-only mode?</source>
        <translation>Gegenmaßnahmen verändern das laufende System im Kontext %1%2. Jede zeigt weiterhin ihren Befehl und verlangt vor dem Ausführen, dass der Name ihres Ziels eingetippt wird.

Den Nur-Lese-Modus verlassen?</translation>
    </message>
    <message>
        <source>(the kubeconfig&apos;s current context)</source>
        <translation>(der aktuelle Kontext der kubeconfig)</translation>
    </message>
    <message>
        <source> — a PRODUCTION context</source>
        <translation> — ein PRODUCTION-Kontext</translation>
    </message>
    <message>
        <source>Enable mitigations</source>
        <translation>Gegenmaßnahmen aktivieren</translation>
    </message>
    <message>
        <source>Context: %1  ·  Namespace: %2</source>
        <translation>Kontext: %1  ·  Namespace: %2</translation>
    </message>
    <message>
        <source>kubeconfig&apos;s current</source>
        <translation>aktueller aus der kubeconfig</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Read-only: mitigations are off</source>
        <translation>Nur lesen: Gegenmaßnahmen sind aus</translation>
    </message>
    <message>
        <source>MITIGATIONS ENABLED</source>
        <translation>GEGENMASSNAHMEN AKTIV</translation>
    </message>
    <message>
        <source>Enable mitigations…</source>
        <translation>Gegenmaßnahmen aktivieren…</translation>
    </message>
    <message>
        <source>Back to read-only</source>
        <translation>Zurück in den Nur-Lese-Modus</translation>
    </message>
</context>
<context>
    <name>idesk::DeclareDialog</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation>Beispiele: %1</translation>
    </message>
    <message>
        <source>&amp;Declare</source>
        <translation>&amp;Ausrufen</translation>
    </message>
    <message>
        <source>Say in a few words what is broken.</source>
        <translation>Beschreiben Sie in wenigen Worten, was kaputt ist.</translation>
    </message>
</context>
<context>
    <name>idesk::DiagnosticsTab</name>
    <message>
        <source>Run &amp;quick health</source>
        <translation>&amp;Schnellen Health-Check ausführen</translation>
    </message>
    <message>
        <source>Runs the runbook&apos;s quick health check, all at once</source>
        <translation>Führt den schnellen Health-Check des Runbooks aus, alles auf einmal</translation>
    </message>
    <message>
        <source>Run selected</source>
        <translation>Ausgewählte ausführen</translation>
    </message>
    <message>
        <source>Enter in the list</source>
        <translation>Enter in der Liste</translation>
    </message>
    <message>
        <source>Run group</source>
        <translation>Gruppe ausführen</translation>
    </message>
    <message>
        <source>Runs every check of the selected check&apos;s group</source>
        <translation>Führt alle Prüfungen aus der Gruppe der ausgewählten Prüfung aus</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>F5: runs the last checks again</source>
        <translation>F5: führt die letzten Prüfungen erneut aus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc: stops every running check</source>
        <translation>Esc: stoppt alle laufenden Prüfungen</translation>
    </message>
    <message>
        <source>Filter checks (Ctrl+F in the list)</source>
        <translation>Prüfungen filtern (Strg+F in der Liste)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copies the command, its context and the output</source>
        <translation>Kopiert den Befehl, seinen Kontext und die Ausgabe</translation>
    </message>
    <message>
        <source>Watch…</source>
        <translation>Beobachten…</translation>
    </message>
    <message>
        <source>Re-run this check every few seconds and chart its latency</source>
        <translation>Diese Prüfung alle paar Sekunden erneut ausführen und ihre Latenz aufzeichnen</translation>
    </message>
    <message>
        <source>The exact command or request; select to copy</source>
        <translation>Der genaue Befehl oder die genaue Anfrage; zum Kopieren markieren</translation>
    </message>
    <message>
        <source>Run mitigation…</source>
        <translation>Gegenmaßnahme ausführen…</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>In der Ausgabe suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Output appears here after the check runs (Ctrl+F finds).</source>
        <translation>Die Ausgabe erscheint hier, sobald die Prüfung gelaufen ist (Strg+F sucht).</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Log analysis</source>
        <translation>Log-Analyse</translation>
    </message>
    <message>
        <source>No incident selected: runs are not filed</source>
        <translation>Kein Vorfall ausgewählt: Läufe werden nicht abgelegt</translation>
    </message>
    <message>
        <source>Runs are filed on the selected incident&apos;s timeline</source>
        <translation>Läufe werden auf der Zeitleiste des ausgewählten Vorfalls abgelegt</translation>
    </message>
    <message>
        <source>The profile has no &quot;%1&quot; group.</source>
        <translation>Das Profil hat keine Gruppe „%1“.</translation>
    </message>
    <message>
        <source>not run yet; Run quick health shows what is broken right now</source>
        <translation>noch nicht gelaufen; der schnelle Health-Check zeigt, was gerade kaputt ist</translation>
    </message>
    <message>
        <source>running… %1 of %2 done</source>
        <translation>läuft… %1 von %2 fertig</translation>
    </message>
    <message numerus="yes">
        <source>%n failing, </source>
        <translation>
            <numerusform>%n fehlgeschlagen, </numerusform>
            <numerusform>%n fehlgeschlagen, </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 pass</source>
        <translation>%1 von %2 bestanden</translation>
    </message>
    <message>
        <source>all %1 pass</source>
        <translation>alle %1 bestanden</translation>
    </message>
    <message>
        <source>Quick health: %1</source>
        <translation>Schneller Health-Check: %1</translation>
    </message>
    <message>
        <source>Not run: %1. Mitigations run one at a time, with their own button.</source>
        <translation>Nicht ausgeführt: %1. Gegenmaßnahmen laufen einzeln, über ihre eigene Schaltfläche.</translation>
    </message>
    <message>
        <source>Still running: %1.</source>
        <translation>Läuft noch: %1.</translation>
    </message>
    <message>
        <source>Read-only mode is on: %1 was not run. Enable mitigations in the bar above first.</source>
        <translation>Der Nur-Lese-Modus ist an: %1 wurde nicht ausgeführt. Zuerst in der Leiste oben Gegenmaßnahmen aktivieren.</translation>
    </message>
    <message>
        <source>Cancelled; not filed on the timeline.</source>
        <translation>Abgebrochen; nicht auf der Zeitleiste abgelegt.</translation>
    </message>
    <message>
        <source>Not filed: no incident was selected when it ran.</source>
        <translation>Nicht abgelegt: Beim Lauf war kein Vorfall ausgewählt.</translation>
    </message>
    <message>
        <source>Filed on the incident&apos;s timeline as evidence.</source>
        <translation>Als Beleg auf der Zeitleiste des Vorfalls abgelegt.</translation>
    </message>
    <message>
        <source>Could not file on the timeline: %1</source>
        <translation>Konnte nicht auf der Zeitleiste abgelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>The profile has no diagnostic checks.</source>
        <translation>Das Profil hat keine Diagnoseprüfungen.</translation>
    </message>
    <message>
        <source>%1 — %2 check</source>
        <translation>%1 — Prüfung (%2)</translation>
    </message>
    <message>
        <source>Context: %1  ·  Namespace: %2%3</source>
        <translation>Kontext: %1  ·  Namespace: %2%3</translation>
    </message>
    <message>
        <source>kubeconfig&apos;s current</source>
        <translation>aktueller aus der kubeconfig</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>  ·  PRODUCTION</source>
        <translation>  ·  PRODUCTION</translation>
    </message>
    <message>
        <source>Runs from this computer; no kube context or namespace</source>
        <translation>Läuft von diesem Rechner aus; kein kube-Kontext oder Namespace</translation>
    </message>
    <message>
        <source>the kubeconfig&apos;s current context</source>
        <translation>dem aktuellen Kontext der kubeconfig</translation>
    </message>
    <message>
        <source>Changes %1 in %2. Read-only mode is on: enable mitigations in the bar above to run it.</source>
        <translation>Ändert %1 in %2. Der Nur-Lese-Modus ist an: Zum Ausführen in der Leiste oben Gegenmaßnahmen aktivieren.</translation>
    </message>
    <message>
        <source>Changes %1 in %2. You will be asked to type %1 before it runs.</source>
        <translation>Ändert %1 in %2. Vor dem Ausführen muss %1 eingetippt werden.</translation>
    </message>
    <message>
        <source>Running… (Esc cancels)</source>
        <translation>Läuft… (Esc bricht ab)</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Not run yet: press Enter to run it.</source>
        <translation>Noch nicht ausgeführt: Enter führt sie aus.</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>um %1</translation>
    </message>
    <message>
        <source>The output was cut at the size cap.</source>
        <translation>Die Ausgabe wurde an der Größengrenze abgeschnitten.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Filter checks</source>
        <translation>Prüfungen filtern</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Show the output as text</source>
        <translation>Die Ausgabe als Text zeigen</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show the output as a table</source>
        <translation>Die Ausgabe als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Offered when the output is a table (kubectl, SQL)</source>
        <translation>Angeboten, wenn die Ausgabe eine Tabelle ist (kubectl, SQL)</translation>
    </message>
    <message>
        <source>Output table</source>
        <translation>Ausgabetabelle</translation>
    </message>
    <message>
        <source>Click a header to sort; Ctrl+C copies the selection as TSV</source>
        <translation>Klick auf eine Spaltenüberschrift sortiert; Strg+C kopiert die Auswahl als TSV</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Database: %1%2</source>
        <translation>Datenbank: %1%2</translation>
    </message>
</context>
<context>
    <name>idesk::DisplayText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identifiziert</translation>
    </message>
    <message>
        <source>Mitigating</source>
        <translation>Eindämmung</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>High</source>
        <comment>user impact</comment>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <comment>user impact</comment>
        <translation>mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>user impact</comment>
        <translation>gering</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>user impact</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Critical</source>
        <comment>business impact</comment>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <comment>business impact</comment>
        <translation>hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <comment>business impact</comment>
        <translation>mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>business impact</comment>
        <translation>gering</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>business impact</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>User impact high: %1 of users affected (more than %2).</source>
        <translation>Auswirkung auf Nutzer hoch: %1 der Nutzer betroffen (mehr als %2).</translation>
    </message>
    <message>
        <source>User impact medium: %1 of users affected (%2 to %3).</source>
        <translation>Auswirkung auf Nutzer mittel: %1 der Nutzer betroffen (%2 bis %3).</translation>
    </message>
    <message>
        <source>User impact low: %1 of users affected (less than %2).</source>
        <translation>Auswirkung auf Nutzer gering: %1 der Nutzer betroffen (weniger als %2).</translation>
    </message>
    <message>
        <source>User impact unknown: share of affected users not set.</source>
        <translation>Auswirkung auf Nutzer unbekannt: Anteil betroffener Nutzer nicht gesetzt.</translation>
    </message>
    <message>
        <source>Business impact critical: regulatory or compliance issue.</source>
        <translation>Geschäftliche Auswirkung kritisch: regulatorisches oder Compliance-Problem.</translation>
    </message>
    <message>
        <source>Business impact critical: %1/hour revenue loss (more than %2/hour).</source>
        <translation>Geschäftliche Auswirkung kritisch: %1/Stunde Umsatzverlust (mehr als %2/Stunde).</translation>
    </message>
    <message>
        <source>Business impact high: %1/hour revenue loss (%2 to %3/hour).</source>
        <translation>Geschäftliche Auswirkung hoch: %1/Stunde Umsatzverlust (%2 bis %3/Stunde).</translation>
    </message>
    <message>
        <source>Business impact medium: %1/hour revenue loss (less than %2/hour).</source>
        <translation>Geschäftliche Auswirkung mittel: %1/Stunde Umsatzverlust (weniger als %2/Stunde).</translation>
    </message>
    <message>
        <source>Business impact low: no revenue loss.</source>
        <translation>Geschäftliche Auswirkung gering: kein Umsatzverlust.</translation>
    </message>
    <message>
        <source>Business impact unknown: revenue loss not set.</source>
        <translation>Geschäftliche Auswirkung unbekannt: Umsatzverlust nicht gesetzt.</translation>
    </message>
    <message>
        <source>No suggestion yet: set the share of users affected or the revenue loss.</source>
        <translation>Noch kein Vorschlag: den Anteil betroffener Nutzer oder den Umsatzverlust setzen.</translation>
    </message>
    <message>
        <source>Suggested %1 because user impact is %2 and business impact is %3.</source>
        <translation>%1 vorgeschlagen, weil die Auswirkung auf Nutzer %2 und die geschäftliche Auswirkung %3 ist.</translation>
    </message>
    <message>
        <source>Suggested %1 because user impact is %2.</source>
        <translation>%1 vorgeschlagen, weil die Auswirkung auf Nutzer %2 ist.</translation>
    </message>
    <message>
        <source>Suggested %1 because business impact is %2.</source>
        <translation>%1 vorgeschlagen, weil die geschäftliche Auswirkung %2 ist.</translation>
    </message>
    <message>
        <source>alert</source>
        <comment>event kind</comment>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>detection</source>
        <comment>event kind</comment>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>action</source>
        <comment>event kind</comment>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>diagnostic</source>
        <comment>event kind</comment>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>decision</source>
        <comment>event kind</comment>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>communication</source>
        <comment>event kind</comment>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>status</source>
        <comment>event kind</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>escalation</source>
        <comment>event kind</comment>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>note</source>
        <comment>event kind</comment>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>evidence</source>
        <comment>event kind</comment>
        <translation>Beleg</translation>
    </message>
</context>
<context>
    <name>idesk::EscalationPanel</name>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>Whom to call (click to copy):</source>
        <translation>Wen anrufen (zum Kopieren klicken):</translation>
    </message>
    <message>
        <source>Escalate now (Ctrl+E); lands on the timeline</source>
        <translation>Jetzt eskalieren (Strg+E); landet auf der Zeitleiste</translation>
    </message>
    <message>
        <source>L%1 %2</source>
        <translation>L%1 %2</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>Engaged: %1%2</source>
        <translation>Eingebunden: %1%2</translation>
    </message>
    <message>
        <source> — may: %1</source>
        <translation> — darf: %1</translation>
    </message>
    <message>
        <source>Resolved: escalation stopped.</source>
        <translation>Gelöst: Eskalation beendet.</translation>
    </message>
    <message>
        <source>⚠ Escalate now to %1 — %2 (due since %3)</source>
        <translation>⚠ Jetzt an %1 eskalieren — %2 (fällig seit %3)</translation>
    </message>
    <message>
        <source>No escalation due.</source>
        <translation>Keine Eskalation fällig.</translation>
    </message>
    <message>
        <source>Next: %1 at %2 (in %3) — %4</source>
        <translation>Nächste: %1 um %2 (in %3) — %4</translation>
    </message>
    <message>
        <source>Next: nothing further is scheduled.</source>
        <translation>Nächste: nichts weiter geplant.</translation>
    </message>
    <message>
        <source>Click to copy %1</source>
        <translation>Klicken, um %1 zu kopieren</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>No contacts for this level in the profile.</source>
        <translation>Keine Kontakte für diese Stufe im Profil.</translation>
    </message>
    <message>
        <source>Escalate to %1</source>
        <translation>An %1 eskalieren</translation>
    </message>
    <message>
        <source>Highest level engaged</source>
        <translation>Höchste Stufe eingebunden</translation>
    </message>
</context>
<context>
    <name>idesk::EventHistoryDialog</name>
    <message>
        <source>Event history</source>
        <translation>Ereignisverlauf</translation>
    </message>
    <message>
        <source>Every revision of this event, oldest first. Edits and deletes add revisions; none is ever removed. Times are UTC.</source>
        <translation>Jede Revision dieses Ereignisses, die älteste zuerst. Bearbeiten und Löschen fügen Revisionen hinzu; keine wird je entfernt. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>Rev</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <source>Recorded (UTC)</source>
        <translation>Erfasst (UTC)</translation>
    </message>
    <message>
        <source>Occurred (UTC)</source>
        <translation>Geschehen (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
</context>
<context>
    <name>idesk::ImpactPanel</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Impact assessment</source>
        <translation>Bewertung der Auswirkung</translation>
    </message>
    <message>
        <source>One line for the messages, e.g. Users unable to create orders</source>
        <translation>Eine Zeile für die Nachrichten, z. B. Nutzer können keine Bestellungen anlegen</translation>
    </message>
    <message>
        <source>&amp;Impact</source>
        <translation>&amp;Auswirkung</translation>
    </message>
    <message>
        <source>&amp;Users affected</source>
        <translation>Betroffene &amp;Nutzer</translation>
    </message>
    <message>
        <source> /hour</source>
        <translation> /Stunde</translation>
    </message>
    <message>
        <source>&amp;Revenue loss</source>
        <translation>&amp;Umsatzverlust</translation>
    </message>
    <message>
        <source>Regulatory or compliance issue</source>
        <translation>Regulatorik/Compliance betroffen</translation>
    </message>
    <message>
        <source>&amp;Error rate</source>
        <translation>&amp;Fehlerrate</translation>
    </message>
    <message>
        <source>Res&amp;ponse time</source>
        <translation>Ant&amp;wortzeit</translation>
    </message>
    <message>
        <source>Affected users (count)</source>
        <translation>Betroffene Nutzer (Anzahl)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Set the suggested severity (Ctrl+Shift+A)</source>
        <translation>Den vorgeschlagenen Schweregrad setzen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Suggested: %1 (user impact %2, business impact %3)</source>
        <translation>Vorschlag: %1 (Nutzerauswirkung %2, Geschäftsauswirkung %3)</translation>
    </message>
    <message>
        <source>No suggestion yet</source>
        <translation>Noch kein Vorschlag</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>%1 übernehmen</translation>
    </message>
</context>
<context>
    <name>idesk::IncidentJson</name>
    <message>
        <source>an incident document (a JSON object with &quot;schema&quot;: &quot;%1&quot;)</source>
        <translation>ein Vorfallsdokument (ein JSON-Objekt mit &quot;schema&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a revision of event %1 not already given (%2 is revision %3 too)</source>
        <translation>eine Revision von Ereignis %1, die es noch nicht gibt (%2 ist ebenfalls Revision %3)</translation>
    </message>
    <message>
        <source>an ISO 8601 time like 2024-01-15T14:30:00.000Z, or null</source>
        <translation>eine ISO-8601-Zeit wie 2024-01-15T14:30:00.000Z oder null</translation>
    </message>
    <message>
        <source>an ISO 8601 time like 2024-01-15T14:30:00.000Z</source>
        <translation>eine ISO-8601-Zeit wie 2024-01-15T14:30:00.000Z</translation>
    </message>
    <message>
        <source>a date like 2024-01-20, or null</source>
        <translation>ein Datum wie 2024-01-20 oder null</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>a UUID in lowercase like 3f2b8c1e-6d4a-4b7e-9a10-5c2d8e7f6a01</source>
        <translation>eine UUID in Kleinbuchstaben wie 3f2b8c1e-6d4a-4b7e-9a10-5c2d8e7f6a01</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>einer der Werte %1</translation>
    </message>
    <message>
        <source>the incident&apos;s id %1</source>
        <translation>die ID des Vorfalls, %1</translation>
    </message>
    <message>
        <source>an object with hlc and siteId</source>
        <translation>ein Objekt mit hlc und siteId</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a revision number &gt;= 1</source>
        <translation>eine Revisionsnummer &gt;= 1</translation>
    </message>
    <message>
        <source>a position &gt;= 0</source>
        <translation>eine Position &gt;= 0</translation>
    </message>
    <message>
        <source>an id not used by another row in the same list</source>
        <translation>eine ID, die keine andere Zeile derselben Liste verwendet</translation>
    </message>
    <message>
        <source>%1, or null</source>
        <translation>%1 oder null</translation>
    </message>
    <message>
        <source>an HLC stamp %1, at most one day ahead of this machine&apos;s clock (%2), or empty</source>
        <translation>ein HLC-Stempel %1, höchstens einen Tag vor der Uhr dieses Rechners (%2), oder leer</translation>
    </message>
    <message>
        <source>a percentage between 0 and 100</source>
        <translation>ein Prozentwert zwischen 0 und 100</translation>
    </message>
    <message>
        <source>a non-negative integer</source>
        <translation>eine nicht negative ganze Zahl</translation>
    </message>
    <message>
        <source>a non-negative number (ms)</source>
        <translation>eine nicht negative Zahl (ms)</translation>
    </message>
    <message>
        <source>a non-negative amount per hour</source>
        <translation>ein nicht negativer Betrag pro Stunde</translation>
    </message>
    <message>
        <source>an escalation level 1..3</source>
        <translation>eine Eskalationsstufe 1..3</translation>
    </message>
    <message>
        <source>false (a deleted incident cannot be imported)</source>
        <translation>false (ein gelöschter Vorfall kann nicht importiert werden)</translation>
    </message>
    <message>
        <source>%1: %2: expected %3</source>
        <translation>%1: %2: erwartet: %3</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>valid JSON: %1</source>
        <translation>gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>idesk::IncidentListModel</name>
    <message>
        <source>Sev</source>
        <translation>Schw.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Commander</translation>
    </message>
</context>
<context>
    <name>idesk::IncidentService</name>
    <message>
        <source>No incident with id %1</source>
        <translation>Kein Vorfall mit der ID %1</translation>
    </message>
    <message>
        <source>No checklist item %1</source>
        <translation>Kein Checklistenpunkt %1</translation>
    </message>
</context>
<context>
    <name>idesk::JsonCheck</name>
    <message>
        <source>at most %1 nested arrays or objects (byte %2 opens one more)</source>
        <translation>höchstens %1 verschachtelte Arrays oder Objekte (Byte %2 öffnet ein weiteres)</translation>
    </message>
    <message>
        <source>parse error at byte %1, a NUL byte, which JSON text never holds</source>
        <translation>Syntaxfehler bei Byte %1, einem NUL-Byte, das in JSON-Text nie vorkommt</translation>
    </message>
    <message>
        <source>each key once in an object (&quot;%1&quot; appears twice)</source>
        <translation>jeden Schlüssel nur einmal in einem Objekt („%1“ kommt zweimal vor)</translation>
    </message>
    <message>
        <source>parse error at byte %1, %2</source>
        <translation>Syntaxfehler bei Byte %1, %2</translation>
    </message>
    <message>
        <source>unexpected end of input at byte %1, %2</source>
        <translation>unerwartetes Ende der Eingabe bei Byte %1, %2</translation>
    </message>
    <message>
        <source>… (%1 characters)</source>
        <translation>… (%1 Zeichen)</translation>
    </message>
    <message>
        <source>a number within the range of a double</source>
        <translation>eine Zahl im Wertebereich eines double</translation>
    </message>
    <message>
        <source>a number within the range of a double (found %1)</source>
        <translation>eine Zahl im Wertebereich eines double (gefunden: %1)</translation>
    </message>
    <message>
        <source>valid JSON: %1</source>
        <translation>gültiges JSON: %1</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an object (found %1)</source>
        <translation>ein Objekt (gefunden: %1)</translation>
    </message>
    <message>
        <source>one of the keys %1</source>
        <translation>einer der Schlüssel %1</translation>
    </message>
    <message>
        <source>%1 (the key is missing)</source>
        <translation>%1 (der Schlüssel fehlt)</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>ein nicht leerer String</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Strings</translation>
    </message>
</context>
<context>
    <name>idesk::LogAnalysisPanel</name>
    <message>
        <source>Paste log lines here, or open a file</source>
        <translation>Log-Zeilen hier einfügen oder eine Datei öffnen</translation>
    </message>
    <message>
        <source>Open log file…</source>
        <translation>Log-Datei öffnen…</translation>
    </message>
    <message>
        <source>Analyse pasted text</source>
        <translation>Eingefügten Text analysieren</translation>
    </message>
    <message>
        <source>Add to timeline as evidence</source>
        <translation>Als Beleg zur Zeitleiste hinzufügen</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Last field</source>
        <translation>Letztes Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Zuerst</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Error groups</source>
        <translation>Fehlergruppen</translation>
    </message>
    <message>
        <source>Top error messages</source>
        <translation>Häufigste Fehlermeldungen</translation>
    </message>
    <message>
        <source>Slowest responses</source>
        <translation>Langsamste Antworten</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation>Log-Datei öffnen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>Eingefügter Text</translation>
    </message>
    <message>
        <source>Analysing %1…</source>
        <translation>%1 wird analysiert…</translation>
    </message>
    <message>
        <source>%1: %2 lines, %3 containing ERROR</source>
        <translation>%1: %2 Zeilen, %3 davon mit ERROR</translation>
    </message>
    <message>
        <source>Filed on the timeline.</source>
        <translation>Auf der Zeitleiste abgelegt.</translation>
    </message>
    <message>
        <source>Log text to analyse</source>
        <translation>Zu analysierender Log-Text</translation>
    </message>
    <message>
        <source>Plain or .gz</source>
        <translation>Einfach oder .gz</translation>
    </message>
    <message>
        <source>Deployment whose logs to analyse</source>
        <translation>Deployment, dessen Logs analysiert werden</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Since (empty: all the logs kubectl has)</source>
        <translation>Seit (leer: alle Logs, die kubectl hat)</translation>
    </message>
    <message>
        <source>All pods</source>
        <translation>Alle Pods</translation>
    </message>
    <message>
        <source>Every pod the deployment selects, not only one</source>
        <translation>Jeder Pod, den das Deployment auswählt, nicht nur einer</translation>
    </message>
    <message>
        <source>Analyse kubectl logs</source>
        <translation>kubectl-Logs analysieren</translation>
    </message>
    <message>
        <source>Analysis progress</source>
        <translation>Fortschritt der Analyse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stops the analysis; the previous results stay</source>
        <translation>Hält die Analyse an; die vorigen Ergebnisse bleiben</translation>
    </message>
    <message>
        <source>Lines of the selected template</source>
        <translation>Zeilen der gewählten Vorlage</translation>
    </message>
    <message>
        <source>Select a template to see its lines, with line numbers.</source>
        <translation>Wählen Sie eine Vorlage, um ihre Zeilen mit Zeilennummern zu sehen.</translation>
    </message>
    <message>
        <source>kubectl logs</source>
        <translation>kubectl-Logs</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <source>Give the logs to read as deployment/NAME.</source>
        <translation>Geben Sie die zu lesenden Logs als deployment/NAME an.</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%1 von %2 MB</translation>
    </message>
    <message>
        <source>%1 MB read</source>
        <translation>%1 MB gelesen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled after %1 MB; the tables show the previous results.</source>
        <translation>Nach %1 MB abgebrochen; die Tabellen zeigen die vorigen Ergebnisse.</translation>
    </message>
    <message>
        <source>Could not analyse %1: %2</source>
        <translation>%1 konnte nicht analysiert werden: %2</translation>
    </message>
    <message>
        <source>Reading the lines…</source>
        <translation>Zeilen werden gelesen…</translation>
    </message>
    <message>
        <source>%1 — %2 lines, the first %3 here:</source>
        <translation>%1 — %2 Zeilen, die ersten %3 hier:</translation>
    </message>
    <message>
        <source>Could not read the lines: %1</source>
        <translation>Die Zeilen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file has changed since it was analysed.</source>
        <translation>Die Datei hat sich seit der Analyse geändert.</translation>
    </message>
    <message>
        <source>Later lines were not kept: the log was larger than the panel keeps in memory.</source>
        <translation>Spätere Zeilen wurden nicht behalten: das Log war größer, als das Feld im Speicher hält.</translation>
    </message>
    <message>
        <source>Errors over time</source>
        <translation>Fehler im Zeitverlauf</translation>
    </message>
    <message>
        <source>No timestamps in the matching lines: nothing to draw over time</source>
        <translation>Keine Zeitstempel in den passenden Zeilen: nichts im Zeitverlauf zu zeichnen</translation>
    </message>
    <message numerus="yes">
        <source>Errors over time, the %n most frequent templates</source>
        <translation>
            <numerusform>Fehler im Zeitverlauf, die häufigste Vorlage</numerusform>
            <numerusform>Fehler im Zeitverlauf, die %n häufigsten Vorlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>errors / %n h</source>
        <translation>
            <numerusform>Fehler / %n h</numerusform>
            <numerusform>Fehler / %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>errors / %n min</source>
        <translation>
            <numerusform>Fehler / %n min</numerusform>
            <numerusform>Fehler / %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Alle Vorfälle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>IncidentDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>IncidentDesk-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open service profile</source>
        <translation>Serviceprofil öffnen</translation>
    </message>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>Profile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Incident &amp;list</source>
        <translation>Vorfall&amp;liste</translation>
    </message>
    <message>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <source>&amp;Diagnostics</source>
        <translation>&amp;Diagnose</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). Export what you need and restore it from a backup.</source>
        <translation>Die Datenbank %1 ist beschädigt (%2). Exportieren Sie, was Sie brauchen, und stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Post-mortem</source>
        <translation>&amp;Post-Mortem</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>%1 %2 — IncidentDesk</source>
        <translation>%1 %2 — IncidentDesk</translation>
    </message>
    <message>
        <source>IncidentDesk</source>
        <translation>IncidentDesk</translation>
    </message>
    <message>
        <source>Declared %1 — %2</source>
        <translation>Ausgerufen: %1 — %2</translation>
    </message>
    <message>
        <source>Could not declare the incident</source>
        <translation>Der Vorfall konnte nicht ausgerufen werden</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>Die Datenbank konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The profile has an error</source>
        <translation>Das Profil enthält einen Fehler</translation>
    </message>
    <message>
        <source>The current profile stays in use.</source>
        <translation>Das aktuelle Profil bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Profile: %1%2</source>
        <translation>Profil: %1%2</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (Standard)</translation>
    </message>
    <message>
        <source>The shipped default profile</source>
        <translation>Das mitgelieferte Standardprofil</translation>
    </message>
    <message>
        <source>Read-only: destructive actions off</source>
        <translation>Nur lesen: zerstörerische Aktionen aus</translation>
    </message>
    <message>
        <source>Destructive actions ENABLED</source>
        <translation>Zerstörerische Aktionen AKTIV</translation>
    </message>
    <message>
        <source>Sync: off (local only)</source>
        <translation>Sync: aus (nur lokal)</translation>
    </message>
    <message>
        <source>Export incident</source>
        <translation>Vorfall exportieren</translation>
    </message>
    <message>
        <source>Incident JSON (*.json)</source>
        <translation>Vorfall-JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Import incident</source>
        <translation>Vorfall importieren</translation>
    </message>
    <message>
        <source>Incident JSON (*.json);;All files (*)</source>
        <translation>Vorfall-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>About IncidentDesk</source>
        <translation>Über IncidentDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IncidentDesk %1&lt;/h3&gt;&lt;p&gt;Run a production incident from a laptop: triage, diagnostics, timeline and post-mortem, offline first.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IncidentDesk %1&lt;/h3&gt;&lt;p&gt;Einen Produktionsvorfall vom Laptop aus leiten: Triage, Diagnose, Zeitleiste und Post-Mortem, offline zuerst.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit IncidentDesk?</source>
        <translation>IncidentDesk beenden?</translation>
    </message>
    <message>
        <source>Quit and discard it?</source>
        <translation>Beenden und verwerfen?</translation>
    </message>
    <message>
        <source>Review sync conflicts</source>
        <translation>Sync-Konflikte prüfen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Sync…</source>
        <translation>&amp;Sync…</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>Sync-&amp;Konflikte…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::MitigationDialog</name>
    <message>
        <source>Run mitigation</source>
        <translation>Gegenmaßnahme ausführen</translation>
    </message>
    <message>
        <source>Run mitigation: %1</source>
        <translation>Gegenmaßnahme ausführen: %1</translation>
    </message>
    <message>
        <source>%1 changes %2 in context %3%4.</source>
        <translation>%1 ändert %2 im Kontext %3%4.</translation>
    </message>
    <message>
        <source>(the kubeconfig&apos;s current context)</source>
        <translation>(der aktuelle Kontext der kubeconfig)</translation>
    </message>
    <message>
        <source>, which is PRODUCTION</source>
        <translation>, der PRODUCTION ist</translation>
    </message>
    <message>
        <source>Exact command:</source>
        <translation>Genauer Befehl:</translation>
    </message>
    <message>
        <source>Type %1 to confirm:</source>
        <translation>Zum Bestätigen %1 eintippen:</translation>
    </message>
</context>
<context>
    <name>idesk::PlaybookMatch</name>
    <message>
        <source>title mentions %1</source>
        <translation>Titel nennt %1</translation>
    </message>
    <message>
        <source>summary mentions %1</source>
        <translation>Zusammenfassung nennt %1</translation>
    </message>
    <message>
        <source>impact mentions %1</source>
        <translation>Auswirkung nennt %1</translation>
    </message>
    <message>
        <source>error rate %1% ≥ %2%</source>
        <translation>Fehlerrate %1 % ≥ %2 %</translation>
    </message>
    <message>
        <source>response time %1 ms ≥ %2 ms</source>
        <translation>Antwortzeit %1 ms ≥ %2 ms</translation>
    </message>
    <message>
        <source>users affected %1% ≥ %2%</source>
        <translation>betroffene Nutzer %1 % ≥ %2 %</translation>
    </message>
</context>
<context>
    <name>idesk::PlaybookOfferPanel</name>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Fits this incident: %1.</source>
        <translation>Passt zu diesem Vorfall: %1.</translation>
    </message>
    <message>
        <source>Open playbook: %1</source>
        <translation>Playbook öffnen: %1</translation>
    </message>
</context>
<context>
    <name>idesk::PlaybookPage</name>
    <message>
        <source>&amp;Playbook:</source>
        <translation>&amp;Playbook:</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Playbook steps</source>
        <translation>Playbook-Schritte</translation>
    </message>
    <message>
        <source>&amp;Run step</source>
        <translation>Schritt &amp;ausführen</translation>
    </message>
    <message>
        <source>Run the selected step&apos;s check or open its mitigation (Enter)</source>
        <translation>Die Prüfung des gewählten Schritts ausführen oder seine Gegenmaßnahme öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Tick</source>
        <translation>&amp;Abhaken</translation>
    </message>
    <message>
        <source>Mark the selected step done, or take the tick back (Space)</source>
        <translation>Den gewählten Schritt als erledigt markieren oder das Häkchen zurücknehmen (Leertaste)</translation>
    </message>
    <message>
        <source>Select an incident: a playbook&apos;s progress is kept on its timeline.</source>
        <translation>Wählen Sie einen Incident: der Fortschritt eines Playbooks steht auf seiner Zeitleiste.</translation>
    </message>
    <message>
        <source>Symptoms: %1</source>
        <translation>Symptome: %1</translation>
    </message>
    <message>
        <source>Could not read the progress: %1</source>
        <translation>Der Fortschritt konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select an incident first: the step&apos;s outcome is filed on its timeline.</source>
        <translation>Wählen Sie zuerst einen Incident: das Ergebnis des Schritts kommt auf seine Zeitleiste.</translation>
    </message>
    <message>
        <source>Read-only mode is on: enable mitigations in the bar above to run %1.</source>
        <translation>Der Nur-Lese-Modus ist an: geben Sie Gegenmaßnahmen in der Leiste oben frei, um %1 auszuführen.</translation>
    </message>
    <message>
        <source>The check %1 is not in this profile&apos;s catalog.</source>
        <translation>Die Prüfung %1 steht nicht im Katalog dieses Profils.</translation>
    </message>
    <message>
        <source>Select an incident first: the tick is filed on its timeline.</source>
        <translation>Wählen Sie zuerst einen Incident: das Häkchen kommt auf seine Zeitleiste.</translation>
    </message>
    <message>
        <source>Ticked; recorded on the timeline.</source>
        <translation>Abgehakt; auf der Zeitleiste vermerkt.</translation>
    </message>
    <message>
        <source>Tick taken back; its timeline record is deleted (its history is kept).</source>
        <translation>Häkchen zurückgenommen; sein Zeitleisteneintrag ist gelöscht (sein Verlauf bleibt).</translation>
    </message>
    <message>
        <source>Could not record the tick: %1</source>
        <translation>Das Häkchen konnte nicht vermerkt werden: %1</translation>
    </message>
    <message>
        <source>%1: %2; the step stays as it was.</source>
        <translation>%1: %2; der Schritt bleibt, wie er war.</translation>
    </message>
    <message>
        <source>%1 ran %2: %3 (the run&apos;s evidence is on the timeline)</source>
        <translation>%1 hat %2 ausgeführt: %3 (der Nachweis des Laufs steht auf der Zeitleiste)</translation>
    </message>
    <message>
        <source>Step passed; recorded on the timeline.</source>
        <translation>Schritt bestanden; auf der Zeitleiste vermerkt.</translation>
    </message>
    <message>
        <source>Step failed; recorded on the timeline.</source>
        <translation>Schritt fehlgeschlagen; auf der Zeitleiste vermerkt.</translation>
    </message>
    <message>
        <source>Could not record the step: %1</source>
        <translation>Der Schritt konnte nicht vermerkt werden: %1</translation>
    </message>
    <message>
        <source>&amp;Run mitigation…</source>
        <translation>Gegenmaßnahme &amp;ausführen…</translation>
    </message>
    <message>
        <source>Un&amp;tick</source>
        <translation>Häkchen &amp;entfernen</translation>
    </message>
    <message>
        <source>%1 was not run; the step stays as it was.</source>
        <translation>%1 wurde nicht ausgeführt; der Schritt bleibt, wie er war.</translation>
    </message>
</context>
<context>
    <name>idesk::PlaybookStepModel</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n failed</source>
        <translation>
            <numerusform>%1, %n fehlgeschlagen</numerusform>
            <numerusform>%1, %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticked by %1 at %2</source>
        <translation>Abgehakt von %1 um %2</translation>
    </message>
    <message>
        <source>Recorded by %1 at %2</source>
        <translation>Vermerkt von %1 um %2</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>Gegenmaßnahme</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemDoc</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Strings</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD</source>
        <translation>ein Datum JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>an ISO 8601 date and time</source>
        <translation>ein ISO-8601-Datum mit Uhrzeit</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>well-formed JSON: %1</source>
        <translation>wohlgeformtes JSON: %1</translation>
    </message>
    <message>
        <source>minutes &gt;= 0</source>
        <translation>Minuten &gt;= 0</translation>
    </message>
    <message>
        <source>P0, P1, P2 or P3</source>
        <translation>P0, P1, P2 oder P3</translation>
    </message>
    <message>
        <source>minutes between 1 and 1440</source>
        <translation>Minuten zwischen 1 und 1440</translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemReportsDialog</name>
    <message>
        <source>Incident reports</source>
        <translation>Vorfallberichte</translation>
    </message>
    <message>
        <source>Incidents by month</source>
        <translation>Vorfälle pro Monat</translation>
    </message>
    <message>
        <source>MTTA / MTTR</source>
        <translation>MTTA / MTTR</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Offene Maßnahmen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Incidents by severity and month (UTC)</source>
        <translation>Vorfälle nach Schweregrad und Monat (UTC)</translation>
    </message>
    <message>
        <source>no incidents</source>
        <translation>keine Vorfälle</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Mean time to acknowledge and to resolve</source>
        <translation>Mittlere Zeit bis zur Bestätigung und bis zur Lösung</translation>
    </message>
    <message>
        <source>MTTA (min)</source>
        <translation>MTTA (min)</translation>
    </message>
    <message>
        <source>MTTR (min)</source>
        <translation>MTTR (min)</translation>
    </message>
    <message>
        <source>%1 (%2 resolved)</source>
        <translation>%1 (%2 gelöst)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Open action items by owner</source>
        <translation>Offene Maßnahmen nach verantwortlicher Person</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>no open items</source>
        <translation>keine offenen Punkte</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Punkte</translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemService</name>
    <message>
        <source>No incident with id %1</source>
        <translation>Kein Vorfall mit der ID %1</translation>
    </message>
    <message>
        <source>post-mortem of %1</source>
        <translation>Post-Mortem von %1</translation>
    </message>
</context>
<context>
    <name>idesk::PostmortemTab</name>
    <message>
        <source>Select an incident to write its post-mortem.</source>
        <translation>Wählen Sie einen Vorfall, um sein Post-Mortem zu schreiben.</translation>
    </message>
    <message>
        <source>Redact secrets</source>
        <translation>Geheimnisse schwärzen</translation>
    </message>
    <message>
        <source>Replace credentials (keys, tokens, passwords, private keys) with [REDACTED] in the exported Markdown</source>
        <translation>Zugangsdaten (Schlüssel, Tokens, Passwörter, private Schlüssel) im exportierten Markdown durch [REDACTED] ersetzen</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Markdown exportieren…</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy resolution message</source>
        <translation>Lösungsnachricht kopieren</translation>
    </message>
    <message>
        <source>The runbook&apos;s INCIDENT RESOLVED message, with the review meeting and open action items as next steps</source>
        <translation>Die Nachricht INCIDENT RESOLVED des Runbooks, mit dem Review-Termin und den offenen Maßnahmen als nächste Schritte</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Berichte…</translation>
    </message>
    <message>
        <source>Incident Summary</source>
        <translation>Zusammenfassung des Vorfalls</translation>
    </message>
    <message>
        <source>For example 75, 1h 15m or 2 days 3 hours</source>
        <translation>Zum Beispiel 75, 1h 15m oder 2 days 3 hours</translation>
    </message>
    <message>
        <source>Use the incident&apos;s values</source>
        <translation>Die Werte des Vorfalls verwenden</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Datum (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Users affected</source>
        <translation>Betroffene Nutzer</translation>
    </message>
    <message>
        <source>Revenue impact</source>
        <translation>Umsatzeinbuße</translation>
    </message>
    <message>
        <source>Timeline: key events</source>
        <translation>Zeitleiste: Schlüsselereignisse</translation>
    </message>
    <message>
        <source>Use the pinned events</source>
        <translation>Die angehefteten Ereignisse verwenden</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>Eines pro Zeile</translation>
    </message>
    <message>
        <source>What caused the incident</source>
        <translation>Was den Vorfall verursacht hat</translation>
    </message>
    <message>
        <source>Root Cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Contributing Factors</source>
        <translation>Begünstigende Faktoren</translation>
    </message>
    <message>
        <source>What Went Well</source>
        <translation>Was gut lief</translation>
    </message>
    <message>
        <source>What Could Be Improved</source>
        <translation>Was besser werden kann</translation>
    </message>
    <message>
        <source>Action Items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Hide done</source>
        <translation>Erledigte ausblenden</translation>
    </message>
    <message>
        <source>Lessons Learned</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Google SRE sections</source>
        <translation>Abschnitte nach Google SRE</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Was ihn ausgelöst hat</translation>
    </message>
    <message>
        <source>How it was noticed</source>
        <translation>Wie er bemerkt wurde</translation>
    </message>
    <message>
        <source>What fixed it</source>
        <translation>Was ihn behoben hat</translation>
    </message>
    <message>
        <source>Links, graphs, notes</source>
        <translation>Links, Graphen, Notizen</translation>
    </message>
    <message>
        <source>Include diagnostics as evidence</source>
        <translation>Diagnosen als Belege aufnehmen</translation>
    </message>
    <message>
        <source>Each diagnostic run on the timeline: command, exit code, output</source>
        <translation>Jeder Diagnoselauf auf der Zeitleiste: Befehl, Exit-Code, Ausgabe</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Where we got lucky</source>
        <translation>Wo wir Glück hatten</translation>
    </message>
    <message>
        <source>Supporting information</source>
        <translation>Weitere Informationen</translation>
    </message>
    <message>
        <source>Post-mortem review</source>
        <translation>Post-Mortem-Review</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Room or video link</source>
        <translation>Raum oder Videolink</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>.ics exportieren…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>The incident %1 does not exist (any more).</source>
        <translation>Den Vorfall %1 gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>The saved post-mortem could not be read (%1). Editing will replace it.</source>
        <translation>Das gespeicherte Post-Mortem konnte nicht gelesen werden (%1). Bearbeiten ersetzt es.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 min (from the incident)</source>
        <translation>%1 min (aus dem Vorfall)</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <source>From the incident (%1)</source>
        <translation>Aus dem Vorfall (%1)</translation>
    </message>
    <message>
        <source>what users could not do</source>
        <translation>was Nutzer nicht tun konnten</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Redaction off</source>
        <translation>Schwärzen aus</translation>
    </message>
    <message>
        <source>The runbook asks for the review within 48 hours of resolution.</source>
        <translation>Das Runbook verlangt das Review innerhalb von 48 Stunden nach der Lösung.</translation>
    </message>
    <message>
        <source>Export post-mortem</source>
        <translation>Post-Mortem exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported to %1 (%n item(s) redacted)</source>
        <translation>
            <numerusform>Exportiert nach %1 (%n Stelle geschwärzt)</numerusform>
            <numerusform>Exportiert nach %1 (%n Stellen geschwärzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1 without redaction</source>
        <translation>Ohne Schwärzung exportiert nach %1</translation>
    </message>
    <message numerus="yes">
        <source>Markdown copied (%n item(s) redacted)</source>
        <translation>
            <numerusform>Markdown kopiert (%n Stelle geschwärzt)</numerusform>
            <numerusform>Markdown kopiert (%n Stellen geschwärzt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule the review first</source>
        <translation>Planen Sie zuerst das Review</translation>
    </message>
    <message>
        <source>Export review meeting</source>
        <translation>Review-Termin exportieren</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Review meeting exported to %1</source>
        <translation>Review-Termin exportiert nach %1</translation>
    </message>
    <message>
        <source>Resolution message copied</source>
        <translation>Lösungsnachricht kopiert</translation>
    </message>
    <message>
        <source>Markdown preview</source>
        <translation>Markdown-Vorschau</translation>
    </message>
    <message>
        <source>Key events</source>
        <translation>Schlüsselereignisse</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Due date of the new action item</source>
        <translation>Fälligkeitsdatum der neuen Maßnahme</translation>
    </message>
    <message>
        <source>Review date and time (UTC)</source>
        <translation>Datum und Uhrzeit des Reviews (UTC)</translation>
    </message>
    <message>
        <source>Review length</source>
        <translation>Dauer des Reviews</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 so far (still open)</source>
        <translation>%1 bisher (noch offen)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) redacted</source>
        <translation>
            <numerusform>%n Stelle geschwärzt</numerusform>
            <numerusform>%n Stellen geschwärzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::Profile</name>
    <message>
        <source>a JSON object at the top level (found %1)</source>
        <translation>ein JSON-Objekt auf oberster Ebene (gefunden: %1)</translation>
    </message>
    <message>
        <source>an http(s) URL or an empty string</source>
        <translation>eine http(s)-URL oder ein leerer String</translation>
    </message>
    <message>
        <source>a positive integer (minutes)</source>
        <translation>eine positive ganze Zahl (Minuten)</translation>
    </message>
    <message>
        <source>one of P0, P1, P2, P3</source>
        <translation>einer der Werte P0, P1, P2, P3</translation>
    </message>
    <message>
        <source>a percentage between 0 and 100</source>
        <translation>ein Prozentwert zwischen 0 und 100</translation>
    </message>
    <message>
        <source>a non-negative amount per hour</source>
        <translation>ein nicht negativer Betrag pro Stunde</translation>
    </message>
    <message>
        <source>an http(s) URL</source>
        <translation>eine http(s)-URL</translation>
    </message>
    <message>
        <source>a non-empty checklist item text</source>
        <translation>ein nicht leerer Text für den Checklistenpunkt</translation>
    </message>
    <message>
        <source>an email address like name@example.com</source>
        <translation>eine E-Mail-Adresse wie name@example.com</translation>
    </message>
    <message>
        <source>one of slack, email, statuspage</source>
        <translation>einer der Werte slack, email, statuspage</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>ein nicht leerer String</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>at most %1 minutes (one year)</source>
        <translation>höchstens %1 Minuten (ein Jahr)</translation>
    </message>
    <message>
        <source>schemaVersion &lt;= %1 (a positive integer)</source>
        <translation>schemaVersion &lt;= %1 (eine positive ganze Zahl)</translation>
    </message>
    <message>
        <source>schemaVersion &lt;= %1 (this file is from a newer IncidentDesk)</source>
        <translation>schemaVersion &lt;= %1 (diese Datei stammt von einem neueren IncidentDesk)</translation>
    </message>
    <message>
        <source>an array with one entry for each of P0..P3</source>
        <translation>ein Array mit je einem Eintrag für P0..P3</translation>
    </message>
    <message>
        <source>each of P0, P1, P2, P3 exactly once (%1 is already defined at $.severities[%2])</source>
        <translation>jeden der Werte P0, P1, P2, P3 genau einmal (%1 ist schon bei $.severities[%2] definiert)</translation>
    </message>
    <message>
        <source>a non-empty example</source>
        <translation>ein nicht leeres Beispiel</translation>
    </message>
    <message>
        <source>an entry for %1 (each of P0, P1, P2, P3 exactly once)</source>
        <translation>einen Eintrag für %1 (jeden der Werte P0, P1, P2, P3 genau einmal)</translation>
    </message>
    <message>
        <source>a percentage no greater than userHighPercent (%1)</source>
        <translation>einen Prozentwert nicht größer als userHighPercent (%1)</translation>
    </message>
    <message>
        <source>an amount no greater than revenueCriticalPerHour (%1)</source>
        <translation>einen Betrag nicht größer als revenueCriticalPerHour (%1)</translation>
    </message>
    <message>
        <source>an array of escalation levels 1..3, in order</source>
        <translation>ein Array der Eskalationsstufen 1..3, der Reihe nach</translation>
    </message>
    <message>
        <source>at most 3 escalation levels (1..3)</source>
        <translation>höchstens 3 Eskalationsstufen (1..3)</translation>
    </message>
    <message>
        <source>level %1 (levels run 1..3 in order)</source>
        <translation>Stufe %1 (die Stufen laufen der Reihe nach von 1 bis 3)</translation>
    </message>
    <message>
        <source>a non-empty contact role</source>
        <translation>eine nicht leere Kontaktrolle</translation>
    </message>
    <message>
        <source>a role listed in $.onCall or $.personnel</source>
        <translation>eine Rolle aus $.onCall oder $.personnel</translation>
    </message>
    <message>
        <source>an array of escalation rules</source>
        <translation>ein Array von Eskalationsregeln</translation>
    </message>
    <message>
        <source>an array of severities (empty: any incident)</source>
        <translation>ein Array von Schweregraden (leer: jeder Vorfall)</translation>
    </message>
    <message>
        <source>a level defined in $.escalationLevels (1..%1)</source>
        <translation>eine in $.escalationLevels definierte Stufe (1..%1)</translation>
    </message>
    <message>
        <source>an array of contacts</source>
        <translation>ein Array von Kontakten</translation>
    </message>
    <message>
        <source>an array of channels</source>
        <translation>ein Array von Kanälen</translation>
    </message>
    <message>
        <source>a Slack channel like #incidents</source>
        <translation>ein Slack-Kanal wie #incidents</translation>
    </message>
    <message>
        <source>an array of links</source>
        <translation>ein Array von Links</translation>
    </message>
    <message>
        <source>an array of health endpoints</source>
        <translation>ein Array von Health-Endpunkten</translation>
    </message>
    <message>
        <source>an HTTP status code (100..599)</source>
        <translation>ein HTTP-Statuscode (100..599)</translation>
    </message>
    <message>
        <source>an array of JSON-RPC endpoints</source>
        <translation>ein Array von JSON-RPC-Endpunkten</translation>
    </message>
    <message>
        <source>a Kubernetes namespace name (DNS-1123 label)</source>
        <translation>ein Kubernetes-Namespace-Name (DNS-1123-Label)</translation>
    </message>
    <message>
        <source>a deployment name (DNS-1123 subdomain)</source>
        <translation>ein Deployment-Name (DNS-1123-Subdomain)</translation>
    </message>
    <message>
        <source>a context name</source>
        <translation>ein Kontextname</translation>
    </message>
    <message>
        <source>a connection string without a password (libpq reads it from ~/.pgpass or PGPASSFILE)</source>
        <translation>ein Verbindungsstring ohne Passwort (libpq liest es aus ~/.pgpass oder PGPASSFILE)</translation>
    </message>
    <message>
        <source>a timeout in seconds (1..300)</source>
        <translation>ein Timeout in Sekunden (1..300)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an exit code (0..255)</source>
        <translation>ein Exit-Code (0..255)</translation>
    </message>
    <message>
        <source>a JSON path like $.status</source>
        <translation>ein JSON-Pfad wie $.status</translation>
    </message>
    <message>
        <source>a string, number or boolean</source>
        <translation>ein String, eine Zahl oder ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a non-negative number</source>
        <translation>eine nicht negative Zahl</translation>
    </message>
    <message>
        <source>an array of diagnostic checks</source>
        <translation>ein Array von Diagnoseprüfungen</translation>
    </message>
    <message>
        <source>an id of lower-case letters, digits, &apos;-&apos; and &apos;.&apos;</source>
        <translation>eine ID aus Kleinbuchstaben, Ziffern, „-“ und „.“</translation>
    </message>
    <message>
        <source>an id not used before</source>
        <translation>eine noch nicht verwendete ID</translation>
    </message>
    <message>
        <source>one of kubectl, http, jsonrpc, dns, sql, logs, jsonrpc-lag</source>
        <translation>einer der Werte kubectl, http, jsonrpc, dns, sql, logs, jsonrpc-lag</translation>
    </message>
    <message>
        <source>a non-empty kubectl argument</source>
        <translation>ein nicht leeres kubectl-Argument</translation>
    </message>
    <message>
        <source>kubectl arguments (the key is missing)</source>
        <translation>kubectl-Argumente (der Schlüssel fehlt)</translation>
    </message>
    <message>
        <source>a host name</source>
        <translation>ein Hostname</translation>
    </message>
    <message>
        <source>a regular expression</source>
        <translation>ein regulärer Ausdruck</translation>
    </message>
    <message>
        <source>a timeout in seconds (1..3600)</source>
        <translation>ein Timeout in Sekunden (1..3600)</translation>
    </message>
    <message>
        <source>the name a destructive check changes (the key is missing)</source>
        <translation>der Name dessen, was eine verändernde Prüfung ändert (der Schlüssel fehlt)</translation>
    </message>
    <message>
        <source>an id of lower-case letters, digits and &apos;-&apos;</source>
        <translation>eine ID aus Kleinbuchstaben, Ziffern und „-“</translation>
    </message>
    <message>
        <source>an array of playbooks</source>
        <translation>ein Array von Playbooks</translation>
    </message>
    <message>
        <source>a playbook id not used before</source>
        <translation>eine noch nicht verwendete Playbook-ID</translation>
    </message>
    <message>
        <source>an array of steps (at least one)</source>
        <translation>ein Array von Schritten (mindestens einer)</translation>
    </message>
    <message>
        <source>at least one step</source>
        <translation>mindestens ein Schritt</translation>
    </message>
    <message>
        <source>a non-empty word or phrase</source>
        <translation>ein nicht leeres Wort oder eine Wortgruppe</translation>
    </message>
    <message>
        <source>a time in milliseconds</source>
        <translation>eine Zeit in Millisekunden</translation>
    </message>
    <message>
        <source>a step id not used before in this playbook</source>
        <translation>eine in diesem Playbook noch nicht verwendete Schritt-ID</translation>
    </message>
    <message>
        <source>one of check, mitigation, manual</source>
        <translation>einer der Werte check, mitigation, manual</translation>
    </message>
    <message>
        <source>what the person does (a manual step needs a title)</source>
        <translation>was die Person tut (ein manueller Schritt braucht einen Titel)</translation>
    </message>
    <message>
        <source>no check on a manual step (use kind check)</source>
        <translation>keine Prüfung bei einem manuellen Schritt (dafür kind check verwenden)</translation>
    </message>
    <message>
        <source>the id of a check in $.diagnostics (&quot;%1&quot; is not one)</source>
        <translation>die ID einer Prüfung aus $.diagnostics („%1“ ist keine)</translation>
    </message>
    <message>
        <source>a non-destructive check (&quot;%1&quot; changes %2: use kind mitigation)</source>
        <translation>eine nicht verändernde Prüfung („%1“ ändert %2: dafür kind mitigation verwenden)</translation>
    </message>
    <message>
        <source>a destructive check (&quot;%1&quot; only reads: use kind check)</source>
        <translation>eine verändernde Prüfung („%1“ liest nur: dafür kind check verwenden)</translation>
    </message>
    <message>
        <source>%1: %2: expected %3</source>
        <translation>%1: %2: erwartet: %3</translation>
    </message>
    <message>
        <source>valid JSON: %1</source>
        <translation>gültiges JSON: %1</translation>
    </message>
    <message>
        <source>a readable file (is the resource linked in?)</source>
        <translation>eine lesbare Datei (ist die Ressource eingebunden?)</translation>
    </message>
    <message>
        <source>a readable file</source>
        <translation>eine lesbare Datei</translation>
    </message>
    <message>
        <source>a profile of at most %1 bytes</source>
        <translation>ein Profil von höchstens %1 Bytes</translation>
    </message>
    <message>
        <source>true, because %1 changes what it runs against (and a target naming what it changes)</source>
        <translation>true, denn %1 verändert, wogegen es läuft (und ein target, das nennt, was es verändert)</translation>
    </message>
</context>
<context>
    <name>idesk::ResolveDialog</name>
    <message>
        <source>%1 of %2 confirmed</source>
        <translation>%1 von %2 bestätigt</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>Resolve &amp;anyway</source>
        <translation>&amp;Trotzdem lösen</translation>
    </message>
</context>
<context>
    <name>idesk::RolesPanel</name>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Co&amp;mmander</source>
        <translation>Incident-&amp;Commander</translation>
    </message>
    <message>
        <source>Comms &amp;lead</source>
        <translation>&amp;Kommunikation</translation>
    </message>
    <message>
        <source>&amp;Scribe</source>
        <translation>&amp;Protokoll</translation>
    </message>
</context>
<context>
    <name>idesk::SeverityPanel</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>%1 — %2
Respond within %3 · update every %4
e.g. %5</source>
        <translation>%1 — %2
Reaktion binnen %3 · Update alle %4
z. B. %5</translation>
    </message>
    <message>
        <source>Not defined in the profile</source>
        <translation>Im Profil nicht festgelegt</translation>
    </message>
</context>
<context>
    <name>idesk::StatusLight</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>idesk::SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>Sync-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Sync incidents with a PostgreSQL server</source>
        <translation>Vorfälle mit einem PostgreSQL-Server &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Sync enabled</source>
        <translation>Sync eingeschaltet</translation>
    </message>
    <message>
        <source>Ser&amp;vice name</source>
        <translation>Ser&amp;vicename</translation>
    </message>
    <message>
        <source>Connect by service name</source>
        <translation>Über einen Servicenamen verbinden</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Servicename</translation>
    </message>
    <message>
        <source>a [section] of pg_service.conf, e.g. incidents</source>
        <translation>ein [Abschnitt] der pg_service.conf, z. B. incidents</translation>
    </message>
    <message>
        <source>Co&amp;nnection string</source>
        <translation>&amp;Verbindungszeichenkette</translation>
    </message>
    <message>
        <source>Connect by connection string</source>
        <translation>Über eine Verbindungszeichenkette verbinden</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenkette</translation>
    </message>
    <message>
        <source>host=db.example.org dbname=incidents user=ana</source>
        <translation>host=db.example.org dbname=incidents user=ana</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>verify-full (recommended)</source>
        <translation>verify-full (empfohlen)</translation>
    </message>
    <message>
        <source>verify-ca</source>
        <translation>verify-ca</translation>
    </message>
    <message>
        <source>require (encrypted, server not verified)</source>
        <translation>require (verschlüsselt, Server nicht geprüft)</translation>
    </message>
    <message>
        <source>prefer</source>
        <translation>prefer</translation>
    </message>
    <message>
        <source>disable (no encryption)</source>
        <translation>disable (keine Verschlüsselung)</translation>
    </message>
    <message>
        <source>as the service or connection string says</source>
        <translation>wie der Service oder die Verbindungszeichenkette sagt</translation>
    </message>
    <message>
        <source>SSL &amp;mode</source>
        <translation>SSL-&amp;Modus</translation>
    </message>
    <message>
        <source>Sync interval in seconds</source>
        <translation>Sync-Intervall in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Interval</source>
        <translation>&amp;Intervall</translation>
    </message>
    <message>
        <source>Passwords are never stored here. Put the password in ~/.pgpass (or the file that PGPASSFILE names), or use a service from pg_service.conf. Changes are also sent when you edit, and a server that comes back is retried automatically.</source>
        <translation>Passwörter werden hier nie gespeichert. Legen Sie das Passwort in ~/.pgpass ab (oder in der Datei, die PGPASSFILE nennt), oder verwenden Sie einen Service aus pg_service.conf. Änderungen werden auch beim Bearbeiten gesendet, und ein Server, der wieder erreichbar ist, wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Problem with the sync settings</source>
        <translation>Problem mit den Sync-Einstellungen</translation>
    </message>
    <message>
        <source>Enter the name of a service from pg_service.conf.</source>
        <translation>Geben Sie den Namen eines Services aus pg_service.conf ein.</translation>
    </message>
    <message>
        <source>Enter a connection string, e.g. host=db.example.org dbname=incidents user=ana.</source>
        <translation>Geben Sie eine Verbindungszeichenkette ein, z. B. host=db.example.org dbname=incidents user=ana.</translation>
    </message>
    <message>
        <source>A service name is one word, the name of a [section] in pg_service.conf.</source>
        <translation>Ein Servicename ist ein Wort, der Name eines [Abschnitts] in pg_service.conf.</translation>
    </message>
    <message>
        <source>The connection string contains a password, which is not saved in settings. Remove it and put the password in ~/.pgpass (or the file that PGPASSFILE names), or use a service from pg_service.conf.</source>
        <translation>Die Verbindungszeichenkette enthält ein Passwort, das nicht in den Einstellungen gespeichert wird. Entfernen Sie es und legen Sie das Passwort in ~/.pgpass ab (oder in der Datei, die PGPASSFILE nennt), oder verwenden Sie einen Service aus pg_service.conf.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, database %2 as %3, %4.</source>
        <translation>Verbunden: PostgreSQL %1, Datenbank %2 als %3, %4.</translation>
    </message>
    <message>
        <source>encrypted (SSL)</source>
        <translation>verschlüsselt (SSL)</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>idesk::TimelineChart</name>
    <message>
        <source>events / %1 d</source>
        <translation>Ereignisse / %1 T</translation>
    </message>
    <message>
        <source>events / %1 h</source>
        <translation>Ereignisse / %1 h</translation>
    </message>
    <message>
        <source>events / %1 min</source>
        <translation>Ereignisse / %1 min</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>error rate %</source>
        <translation>Fehlerrate %</translation>
    </message>
    <message>
        <source>response ms</source>
        <translation>Antwortzeit ms</translation>
    </message>
    <message>
        <source>affected users</source>
        <translation>betroffene Nutzer</translation>
    </message>
    <message>
        <source>severity change</source>
        <translation>Schweregrad geändert</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>Status geändert</translation>
    </message>
</context>
<context>
    <name>idesk::TimelineCommand</name>
    <message>
        <source>Add “%1”</source>
        <translation>„%1“ hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add %n event(s)</source>
        <translation>
            <numerusform>%n Ereignis hinzufügen</numerusform>
            <numerusform>%n Ereignisse hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>That event no longer exists</source>
        <translation>Dieses Ereignis gibt es nicht mehr</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Pin event</source>
        <translation>Ereignis anheften</translation>
    </message>
    <message>
        <source>Unpin event</source>
        <translation>Ereignis lösen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n event(s)</source>
        <translation>
            <numerusform>%n Ereignis löschen</numerusform>
            <numerusform>%n Ereignisse löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>idesk::TimelineModel</name>
    <message>
        <source>%1 UTC
%2 local (%3)</source>
        <translation>%1 UTC
%2 lokal (%3)</translation>
    </message>
    <message>
        <source>Key event</source>
        <translation>Schlüsselereignis</translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>Nicht angeheftet</translation>
    </message>
    <message>
        <source>Occurred (UTC)</source>
        <translation>Geschehen (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>When it happened, in UTC; hover a time for local time</source>
        <translation>Wann es geschah, in UTC; für die Ortszeit mit der Maus auf eine Zeit zeigen</translation>
    </message>
    <message>
        <source>Local only: not on the sync server yet</source>
        <translation>Nur lokal: noch nicht auf dem Sync-Server</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>✓ synced, ↑ local only (waiting to go to the sync server)</source>
        <translation>✓ synchronisiert, ↑ nur lokal (wartet auf den Sync-Server)</translation>
    </message>
</context>
<context>
    <name>idesk::TimelineTab</name>
    <message>
        <source>No incident selected.
Pick one in the list, or declare a new incident, to see and edit its timeline.</source>
        <translation>Kein Vorfall ausgewählt.
Wählen Sie einen in der Liste oder rufen Sie einen neuen aus, um seine Zeitleiste zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>Show only some kinds of event</source>
        <translation>Nur bestimmte Ereignisarten zeigen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Text suchen</translation>
    </message>
    <message>
        <source>Pinned only</source>
        <translation>Nur angeheftete</translation>
    </message>
    <message>
        <source>Pin / unpin</source>
        <translation>Anheften / lösen</translation>
    </message>
    <message>
        <source>Mark the selected events as key events</source>
        <translation>Die ausgewählten Ereignisse als Schlüsselereignisse markieren</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>Every revision of the selected event</source>
        <translation>Jede Revision des ausgewählten Ereignisses</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Paste transcript…</source>
        <translation>Chatverlauf einfügen…</translation>
    </message>
    <message>
        <source>What happened? “14:32 rolled back”, “-10m first alert”, or just text (now) — Enter adds</source>
        <translation>Was ist passiert? „14:32 zurückgerollt“, „-10m erster Alarm“ oder nur Text (jetzt) — Enter fügt hinzu</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Typed times are UTC (like the table). Check to type local times.</source>
        <translation>Eingegebene Zeiten sind UTC (wie die Tabelle). Ankreuzen, um Ortszeiten einzugeben.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source> (reading %1 of %2…)</source>
        <translation> (lese %1 von %2…)</translation>
    </message>
    <message>
        <source> (reading…)</source>
        <translation> (lese…)</translation>
    </message>
    <message>
        <source>Kinds: all</source>
        <translation>Arten: alle</translation>
    </message>
    <message>
        <source>Kinds: %1 of %2</source>
        <translation>Arten: %1 von %2</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Cannot add: %1</source>
        <translation>Hinzufügen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Will add at %1 UTC (%2 local)</source>
        <translation>Wird um %1 UTC (%2 lokal) hinzugefügt</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n event(s)</source>
        <translation>
            <numerusform>%n Ereignis lösen</numerusform>
            <numerusform>%n Ereignisse lösen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pin %n event(s)</source>
        <translation>
            <numerusform>%n Ereignis anheften</numerusform>
            <numerusform>%n Ereignisse anheften</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>, counted from now</source>
        <translation>, ab jetzt gerechnet</translation>
    </message>
    <message numerus="yes">
        <source> — %n minute(s) in the future; check the time</source>
        <translation>
            <numerusform> — %n Minute in der Zukunft; prüfen Sie die Zeit</numerusform>
            <numerusform> — %n Minuten in der Zukunft; prüfen Sie die Zeit</numerusform>
        </translation>
    </message>
    <message>
        <source>The quick-entry line “%1” is not on the timeline yet.</source>
        <translation>Die Schnelleingabe „%1“ steht noch nicht auf der Zeitleiste.</translation>
    </message>
    <message>
        <source>Show events by this author</source>
        <translation>Ereignisse dieses Autors zeigen</translation>
    </message>
    <message>
        <source>Show events containing this text</source>
        <translation>Ereignisse mit diesem Text zeigen</translation>
    </message>
    <message>
        <source>Timeline events</source>
        <translation>Ereignisse der Zeitleiste</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>Schnelleingabe</translation>
    </message>
    <message>
        <source>Full output…</source>
        <translation>Vollständige Ausgabe…</translation>
    </message>
    <message>
        <source>The whole output of the check filed as this evidence</source>
        <translation>Die ganze Ausgabe der Prüfung, die als dieser Beleg abgelegt wurde</translation>
    </message>
    <message>
        <source>No check output is filed for this event.</source>
        <translation>Zu diesem Ereignis ist keine Prüfungsausgabe abgelegt.</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Ausgabe von %1</translation>
    </message>
    <message>
        <source>Recorded %1 UTC%2</source>
        <translation>Aufgezeichnet %1 UTC%2</translation>
    </message>
    <message>
        <source> · truncated when it was recorded</source>
        <translation> · bei der Aufzeichnung gekürzt</translation>
    </message>
    <message>
        <source>Check output</source>
        <translation>Prüfungsausgabe</translation>
    </message>
</context>
<context>
    <name>idesk::TimelineText</name>
    <message>
        <source>nothing to add</source>
        <translation>nichts hinzuzufügen</translation>
    </message>
    <message>
        <source>offset too large: %1</source>
        <translation>Versatz zu groß: %1</translation>
    </message>
    <message>
        <source>text missing after %1</source>
        <translation>Text fehlt nach %1</translation>
    </message>
    <message>
        <source>text missing after the time</source>
        <translation>Text fehlt nach der Uhrzeit</translation>
    </message>
    <message>
        <source>that time does not exist in %1</source>
        <translation>diese Uhrzeit gibt es in %1 nicht</translation>
    </message>
    <message>
        <source>not a valid time stamp</source>
        <translation>kein gültiger Zeitstempel</translation>
    </message>
    <message>
        <source>missing &apos;]&apos; after the time</source>
        <translation>fehlendes &apos;]&apos; nach der Uhrzeit</translation>
    </message>
    <message>
        <source>unexpected &apos;]&apos; after the time</source>
        <translation>unerwartetes &apos;]&apos; nach der Uhrzeit</translation>
    </message>
    <message>
        <source>no space after the time</source>
        <translation>kein Leerzeichen nach der Uhrzeit</translation>
    </message>
    <message>
        <source>no such date: %1-%2-%3</source>
        <translation>kein solches Datum: %1-%2-%3</translation>
    </message>
    <message>
        <source>hour %1 does not go with AM/PM</source>
        <translation>Stunde %1 passt nicht zu AM/PM</translation>
    </message>
    <message>
        <source>no such time: %1</source>
        <translation>keine solche Uhrzeit: %1</translation>
    </message>
    <message>
        <source>unknown time zone: %1</source>
        <translation>unbekannte Zeitzone: %1</translation>
    </message>
    <message>
        <source>no time stamp, and no event above to continue</source>
        <translation>kein Zeitstempel und kein Ereignis darüber, das fortgesetzt wird</translation>
    </message>
    <message>
        <source>continues a line that could not be read</source>
        <translation>setzt eine Zeile fort, die nicht gelesen werden konnte</translation>
    </message>
    <message>
        <source>nothing after the time stamp</source>
        <translation>nichts nach dem Zeitstempel</translation>
    </message>
    <message>
        <source>next day (after midnight)</source>
        <translation>nächster Tag (nach Mitternacht)</translation>
    </message>
    <message>
        <source>earlier than the line before</source>
        <translation>früher als die Zeile davor</translation>
    </message>
</context>
<context>
    <name>idesk::TranscriptDialog</name>
    <message>
        <source>Paste transcript</source>
        <translation>Chatverlauf einfügen</translation>
    </message>
    <message>
        <source>Paste chat lines such as “[14:30] alice: text”, “14:30 alice: text” or “2024-01-15 14:30 UTC text”. Lines without a time continue the line above. Nothing is saved until you add the events.</source>
        <translation>Fügen Sie Chatzeilen ein wie „[14:30] alice: Text“, „14:30 alice: Text“ oder „2024-01-15 14:30 UTC Text“. Zeilen ohne Zeit setzen die Zeile darüber fort. Nichts wird gespeichert, bis Sie die Ereignisse hinzufügen.</translation>
    </message>
    <message>
        <source>Day of the first line:</source>
        <translation>Tag der ersten Zeile:</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Ortszeit (%1)</translation>
    </message>
    <message>
        <source>Times without a zone are in:</source>
        <translation>Zeiten ohne Zone sind in:</translation>
    </message>
    <message>
        <source>Author when a line names none:</source>
        <translation>Autor, wenn eine Zeile keinen nennt:</translation>
    </message>
    <message>
        <source>Kind of the new events:</source>
        <translation>Art der neuen Ereignisse:</translation>
    </message>
    <message>
        <source>Paste the transcript here</source>
        <translation>Chatverlauf hier einfügen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Became</source>
        <translation>Wurde zu</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Text / problem</source>
        <translation>Text / Problem</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>+ event %1</source>
        <translation>+ Ereignis %1</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to add; </source>
        <translation>
            <numerusform>%n Ereignis hinzuzufügen; </numerusform>
            <numerusform>%n Ereignisse hinzuzufügen; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with errors will not be imported</source>
        <translation>
            <numerusform>%n Zeile mit Fehlern wird nicht importiert</numerusform>
            <numerusform>%n Zeilen mit Fehlern werden nicht importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to add</source>
        <translation>
            <numerusform>%n Ereignis hinzuzufügen</numerusform>
            <numerusform>%n Ereignisse hinzuzufügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n event(s)</source>
        <translation>
            <numerusform>%n Ereignis hinzufügen</numerusform>
            <numerusform>%n Ereignisse hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Events to add</source>
        <translation>Hinzuzufügende Ereignisse</translation>
    </message>
</context>
<context>
    <name>idesk::TriageHeader</name>
    <message>
        <source>Incident channel</source>
        <translation>Vorfall-Channel</translation>
    </message>
    <message>
        <source>Click to copy the channel name</source>
        <translation>Klicken, um den Channel-Namen zu kopieren</translation>
    </message>
    <message>
        <source>Time since the incident started</source>
        <translation>Zeit seit Beginn des Vorfalls</translation>
    </message>
    <message>
        <source>Acknowledge within the severity&apos;s response time</source>
        <translation>Innerhalb der Reaktionszeit des Schweregrads bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge the incident (Ctrl+K)</source>
        <translation>Den Vorfall bestätigen (Strg+K)</translation>
    </message>
    <message>
        <source>Next stakeholder update, counted from the last message sent</source>
        <translation>Nächstes Update an die Stakeholder, gerechnet ab der letzten gesendeten Nachricht</translation>
    </message>
    <message>
        <source>Copy alert</source>
        <translation>Alarm kopieren</translation>
    </message>
    <message>
        <source>Copy the alert message as plain text (Ctrl+Shift+C)</source>
        <translation>Die Alarmnachricht als Text kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Resolve: confirm recovery first (the checklist can be overridden with a reason)</source>
        <translation>Lösen: erst die Wiederherstellung bestätigen (die Checkliste lässt sich mit Begründung übergehen)</translation>
    </message>
    <message>
        <source>Set the status to %1</source>
        <translation>Status auf %1 setzen</translation>
    </message>
    <message>
        <source>%1 · started %2 (%3 local) · commander %4 · L%5 engaged</source>
        <translation>%1 · Beginn %2 (%3 lokal) · Commander %4 · L%5 eingebunden</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 seit Beginn</translation>
    </message>
    <message>
        <source>No response time for %1</source>
        <translation>Keine Reaktionszeit für %1</translation>
    </message>
    <message>
        <source>Acknowledged late at %1</source>
        <translation>Verspätet bestätigt um %1</translation>
    </message>
    <message>
        <source>✓ Acknowledged at %1</source>
        <translation>✓ Bestätigt um %1</translation>
    </message>
    <message>
        <source>Resolved without acknowledgement</source>
        <translation>Ohne Bestätigung gelöst</translation>
    </message>
    <message>
        <source>Acknowledge SLA missed by %1</source>
        <translation>Bestätigungs-SLA um %1 verfehlt</translation>
    </message>
    <message>
        <source>Acknowledge within %1</source>
        <translation>Bestätigen binnen %1</translation>
    </message>
    <message>
        <source>No further updates due</source>
        <translation>Keine weiteren Updates fällig</translation>
    </message>
    <message>
        <source>Update overdue by %1</source>
        <translation>Update seit %1 überfällig</translation>
    </message>
    <message>
        <source>Next update in %1</source>
        <translation>Nächstes Update in %1</translation>
    </message>
</context>
<context>
    <name>idesk::TriageService</name>
    <message>
        <source>Response SLA missed: %1 not acknowledged by %2 (%3 response time).</source>
        <translation>Reaktions-SLA verfehlt: %1 nicht bis %2 bestätigt (Antwortzeit von %3).</translation>
    </message>
    <message>
        <source>Stakeholder update overdue: due %1 (%2 updates every %3).</source>
        <translation>Update an Stakeholder überfällig: fällig %1 (%2 aktualisiert alle %3).</translation>
    </message>
    <message>
        <source>Escalation to L%1%2 due since %3: %4.</source>
        <translation>Eskalation an L%1%2 fällig seit %3: %4.</translation>
    </message>
</context>
<context>
    <name>idesk::TriageTab</name>
    <message>
        <source>No incident selected — Ctrl+N declares one</source>
        <translation>Kein Vorfall ausgewählt — Strg+N ruft einen aus</translation>
    </message>
    <message>
        <source>channel name</source>
        <translation>Channel-Name</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Override the suggested severity</source>
        <translation>Vorgeschlagenen Schweregrad übergehen</translation>
    </message>
    <message>
        <source>The impact assessment suggests %1. Why %2?</source>
        <translation>Die Bewertung der Auswirkung schlägt %1 vor. Warum %2?</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>An %1 eskaliert</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>alert message</source>
        <translation>Alarmnachricht</translation>
    </message>
    <message>
        <source>%1 message</source>
        <translation>Nachricht (%1)</translation>
    </message>
    <message>
        <source>%1 message for Slack</source>
        <translation>Nachricht (%1) für Slack</translation>
    </message>
    <message>
        <source>Message stored on the timeline</source>
        <translation>Nachricht auf der Zeitleiste abgelegt</translation>
    </message>
</context>
<context>
    <name>idesk::WatchDialog</name>
    <message>
        <source>Watch: %1</source>
        <translation>Beobachten: %1</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>seconds since the watch began</source>
        <translation>Sekunden seit Beginn der Beobachtung</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>No incident selected: samples are not filed.</source>
        <translation>Kein Vorfall ausgewählt: Messwerte werden nicht abgelegt.</translation>
    </message>
    <message>
        <source>The first sample and every change of status are filed on the incident&apos;s timeline.</source>
        <translation>Der erste Messwert und jeder Statuswechsel werden auf der Zeitleiste des Vorfalls abgelegt.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>%1 samples, %2 failed · last: %3, %4 ms</source>
        <translation>%1 Messwerte, %2 fehlgeschlagen · zuletzt: %3, %4 ms</translation>
    </message>
    <message>
        <source>watched: %1</source>
        <translation>beobachtet: %1</translation>
    </message>
    <message>
        <source> · not filed: %1</source>
        <translation> · nicht abgelegt: %1</translation>
    </message>
    <message>
        <source>passing</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>idesk::WebhookPoster</name>
    <message>
        <source>No webhook URL is set in the profile.</source>
        <translation>Im Profil ist keine Webhook-URL gesetzt.</translation>
    </message>
    <message>
        <source>The webhook URL is not an http(s) URL: %1</source>
        <translation>Die Webhook-URL ist keine http(s)-URL: %1</translation>
    </message>
    <message>
        <source>HTTP %1%2</source>
        <translation>HTTP %1%2</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s (timed out).</source>
        <translation>Keine Antwort von %1 binnen %2 s (Zeitüberschreitung).</translation>
    </message>
    <message>
        <source>Connection refused by %1: nothing is listening there.</source>
        <translation>Verbindung von %1 abgelehnt: dort lauscht nichts.</translation>
    </message>
    <message>
        <source>Host not found: %1.</source>
        <translation>Host nicht gefunden: %1.</translation>
    </message>
</context>
</TS>
