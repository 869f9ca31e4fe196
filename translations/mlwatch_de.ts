<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlertRuleDialog</name>
    <message>
        <source>Alert rule</source>
        <translation>Alarmregel</translation>
    </message>
    <message>
        <source>Backtest preview: what this rule would have done over the visible range</source>
        <translation>Rückblick: was diese Regel im angezeigten Zeitraum getan hätte</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Model latency — churn-endpoint</source>
        <translation>z. B. Modelllatenz — churn-endpoint</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Warum:</translation>
    </message>
    <message>
        <source>Why this rule exists and how its numbers were chosen</source>
        <translation>Warum es diese Regel gibt und wie ihre Werte gewählt wurden</translation>
    </message>
    <message>
        <source>Shown with every notification of this rule</source>
        <translation>Wird mit jeder Benachrichtigung dieser Regel angezeigt</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>&amp;Reihe:</translation>
    </message>
    <message>
        <source>The series the rule watches; thresholds are in its display unit</source>
        <translation>Die Reihe, die die Regel beobachtet; Schwellen gelten in ihrer Anzeigeeinheit</translation>
    </message>
    <message>
        <source>Rule is &amp;enabled</source>
        <translation>Regel ist &amp;aktiv</translation>
    </message>
    <message>
        <source>A disabled rule keeps its settings but is not evaluated</source>
        <translation>Eine inaktive Regel behält ihre Einstellungen, wird aber nicht ausgewertet</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Desktop notifications</source>
        <translation>&amp;Desktop-Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify on this computer when the rule fires, escalates or resolves</source>
        <translation>Auf diesem Computer benachrichtigen, wenn die Regel auslöst, eskaliert oder behoben ist</translation>
    </message>
    <message>
        <source>Web&amp;hook:</source>
        <translation>Web&amp;hook:</translation>
    </message>
    <message>
        <source>https://hooks.example.com/…</source>
        <translation>https://hooks.example.com/…</translation>
    </message>
    <message>
        <source>Optional: a JSON POST (Slack-compatible) for every notification. https, or http on this computer only</source>
        <translation>Optional: ein JSON-POST (Slack-kompatibel) zu jeder Benachrichtigung. https, oder http nur auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;Repeat every:</source>
        <translation>&amp;Wiederholen alle:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>While the rule keeps firing, notify again after this long</source>
        <translation>Solange die Regel ausgelöst bleibt, nach dieser Zeit erneut benachrichtigen</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>&amp;Alert when:</source>
        <translation>&amp;Alarm, wenn:</translation>
    </message>
    <message>
        <source>Which side of the thresholds is bad</source>
        <translation>Welche Seite der Schwellen schlecht ist</translation>
    </message>
    <message>
        <source>Above (higher is worse)</source>
        <translation>Darüber (höher ist schlechter)</translation>
    </message>
    <message>
        <source>Below (lower is worse)</source>
        <translation>Darunter (niedriger ist schlechter)</translation>
    </message>
    <message>
        <source>&amp;Critical:</source>
        <translation>&amp;Kritisch:</translation>
    </message>
    <message>
        <source>A period breaches critical when its value is strictly past this</source>
        <translation>Eine Periode verletzt „kritisch“, wenn ihr Wert echt jenseits davon liegt</translation>
    </message>
    <message>
        <source>Critical re&amp;covers at:</source>
        <translation>Kritisch &amp;behoben bei:</translation>
    </message>
    <message>
        <source>Hysteresis: once firing, the rule stays critical until the value is back past this (default: the trigger value)</source>
        <translation>Hysterese: einmal ausgelöst, bleibt die Regel kritisch, bis der Wert wieder diesseits davon liegt (Standard: der Auslösewert)</translation>
    </message>
    <message>
        <source>&amp;Warning:</source>
        <translation>&amp;Warnung:</translation>
    </message>
    <message>
        <source>An optional lower level that gives notice first</source>
        <translation>Eine optionale niedrigere Stufe, die zuerst vorwarnt</translation>
    </message>
    <message>
        <source>Warning rec&amp;overs at:</source>
        <translation>Warnung beh&amp;oben bei:</translation>
    </message>
    <message>
        <source>Hysteresis for the warning level (default: the warning value)</source>
        <translation>Hysterese für die Warnstufe (Standard: der Warnwert)</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Datapoints fall into periods of this length, aligned to the epoch; one evaluation per period</source>
        <translation>Datenpunkte fallen in Perioden dieser Länge, ausgerichtet an der Epoche; eine Auswertung je Periode</translation>
    </message>
    <message>
        <source>&amp;Look at the last:</source>
        <translation>&amp;Betrachte die letzten:</translation>
    </message>
    <message>
        <source> periods</source>
        <translation> Perioden</translation>
    </message>
    <message>
        <source>N: the window of the most recent periods each evaluation looks at</source>
        <translation>N: das Fenster der jüngsten Perioden, das jede Auswertung betrachtet</translation>
    </message>
    <message>
        <source>&amp;Breaching in at least:</source>
        <translation>&amp;Verletzt in mindestens:</translation>
    </message>
    <message>
        <source> of them</source>
        <translation> davon</translation>
    </message>
    <message>
        <source>M: how many periods of the window must breach a level to meet it</source>
        <translation>M: wie viele Perioden des Fensters eine Stufe verletzen müssen, damit sie erreicht ist</translation>
    </message>
    <message>
        <source>Pe&amp;nding for:</source>
        <translation>A&amp;usstehend für:</translation>
    </message>
    <message>
        <source>Fire at once</source>
        <translation>Sofort auslösen</translation>
    </message>
    <message>
        <source>The condition must hold this long before the rule fires</source>
        <translation>So lange muss die Bedingung bestehen, bevor die Regel auslöst</translation>
    </message>
    <message>
        <source>&amp;Keep firing for:</source>
        <translation>Ausgelöst &amp;halten für:</translation>
    </message>
    <message>
        <source>Resolve at once</source>
        <translation>Sofort beheben</translation>
    </message>
    <message>
        <source>After the condition clears, the rule keeps firing this long before it resolves</source>
        <translation>Nachdem die Bedingung endet, bleibt die Regel so lange ausgelöst, bevor sie behoben ist</translation>
    </message>
    <message>
        <source>&amp;Missing data:</source>
        <translation>&amp;Fehlende Daten:</translation>
    </message>
    <message>
        <source>How periods without a datapoint count</source>
        <translation>Wie Perioden ohne Datenpunkt zählen</translation>
    </message>
    <message>
        <source>Missing: no data at all means &quot;no data&quot;</source>
        <translation>Fehlend: gar keine Daten heißt „keine Daten“</translation>
    </message>
    <message>
        <source>Ignore: keep the current state</source>
        <translation>Ignorieren: Zustand beibehalten</translation>
    </message>
    <message>
        <source>Not breaching: count as fine</source>
        <translation>Nicht verletzend: als in Ordnung zählen</translation>
    </message>
    <message>
        <source>Breaching: count as bad</source>
        <translation>Verletzend: als schlecht zählen</translation>
    </message>
    <message>
        <source>Evaluation &amp;delay:</source>
        <translation>Auswertungs&amp;verzögerung:</translation>
    </message>
    <message>
        <source>Cloud default</source>
        <translation>Cloud-Standard</translation>
    </message>
    <message>
        <source>Wait this long after a period ends before judging it: clouds publish metrics late</source>
        <translation>So lange nach dem Ende einer Periode warten, bevor sie beurteilt wird: Clouds veröffentlichen Metriken verspätet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MLWatch</source>
        <translation>MLWatch</translation>
    </message>
    <message>
        <source>Workflow stages</source>
        <translation>Arbeitsschritte</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
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
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
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
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch every chart&apos;s data now (F5)</source>
        <translation>Die Daten aller Diagramme jetzt abrufen (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;About MLWatch</source>
        <translation>&amp;Über MLWatch</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Neue Regel…</translation>
    </message>
    <message>
        <source>Create an alert rule and preview what it would have done</source>
        <translation>Eine Alarmregel anlegen und sehen, was sie getan hätte</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsDialog</name>
    <message>
        <source>Notification settings</source>
        <translation>Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications</source>
        <translation>&amp;Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Off: alerts are still evaluated, listed in the alerts panel and posted to their webhooks, but nothing pops up on this desktop</source>
        <translation>Aus: Alarme werden weiterhin ausgewertet, im Alarmbereich aufgeführt und an ihre Webhooks gesendet, aber auf diesem Desktop erscheint nichts</translation>
    </message>
    <message>
        <source>&amp;Quiet hours</source>
        <translation>&amp;Ruhezeiten</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Critical alerts break through</source>
        <translation>&amp;Kritische Alarme kommen trotzdem durch</translation>
    </message>
    <message>
        <source>During quiet hours no desktop notification and no webhook is sent. A rule that is still firing when they end is reminded then.</source>
        <translation>Während der Ruhezeiten werden weder Desktop-Benachrichtigungen noch Webhooks gesendet. Eine Regel, die an ihrem Ende noch auslöst, wird dann in Erinnerung gebracht.</translation>
    </message>
</context>
<context>
    <name>mlwatch</name>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>%1 to %2 timed out. Check the network or try again later.</source>
        <translation>%1 an %2: Zeitüberschreitung. Prüfen Sie das Netzwerk oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1: host %2 was not found. Check the endpoint and your DNS.</source>
        <translation>%1: Der Host %2 wurde nicht gefunden. Prüfen Sie den Endpunkt und Ihr DNS.</translation>
    </message>
    <message>
        <source>%1: %2 refused the connection. Check the endpoint URL.</source>
        <translation>%1: %2 hat die Verbindung abgelehnt. Prüfen Sie die URL des Endpunkts.</translation>
    </message>
    <message>
        <source>%1: the TLS certificate of %2 could not be verified; the request was not sent.</source>
        <translation>%1: Das TLS-Zertifikat von %2 konnte nicht überprüft werden; die Anfrage wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 to %2 failed: network error.</source>
        <translation>%1 an %2 fehlgeschlagen: Netzwerkfehler.</translation>
    </message>
    <message>
        <source>Cannot write the alert history %1.</source>
        <translation>Der Alarmverlauf %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1: malformed JSON at line %2, column %3: %4.</source>
        <translation>%1: fehlerhaftes JSON in Zeile %2, Spalte %3: %4.</translation>
    </message>
    <message>
        <source>%1: expected a JSON object.</source>
        <translation>%1: JSON-Objekt erwartet.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is too large (more than %2 bytes).</source>
        <translation>%1 ist zu groß (mehr als %2 Bytes).</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>secrets never go into a workspace file: name a profile, or leave it out to use the environment&apos;s credentials.</source>
        <translation>Geheimnisse gehören nie in eine Arbeitsbereichsdatei: Geben Sie ein Profil an oder lassen Sie es weg, um die Zugangsdaten aus der Umgebung zu verwenden.</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>ist erforderlich.</translation>
    </message>
    <message>
        <source>is required: &quot;aws&quot;.</source>
        <translation>ist erforderlich: &quot;aws&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an account kind this version supports: use &quot;aws&quot;.</source>
        <translation>&quot;%1&quot; ist keine Kontoart, die diese Version unterstützt: Verwenden Sie &quot;aws&quot;.</translation>
    </message>
    <message>
        <source>is required, e.g. &quot;us-east-1&quot;.</source>
        <translation>ist erforderlich, z. B. &quot;us-east-1&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;json&quot; or &quot;query&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;json&quot; oder &quot;query&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>&quot;%1&quot; ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>is missing: this is not an MLWatch workspace file.</source>
        <translation>fehlt: Dies ist keine MLWatch-Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;.</source>
        <translation>muss &quot;%1&quot; sein.</translation>
    </message>
    <message>
        <source>must be a whole number from 1.</source>
        <translation>muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>%1 is newer than this MLWatch reads (up to %2): update MLWatch to open this workspace.</source>
        <translation>%1 ist neuer, als dieses MLWatch lesen kann (bis %2): Aktualisieren Sie MLWatch, um diesen Arbeitsbereich zu öffnen.</translation>
    </message>
    <message>
        <source>must be a JSON array.</source>
        <translation>muss ein JSON-Array sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another account.</source>
        <translation>&quot;%1&quot; wird bereits von einem anderen Konto verwendet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the accounts.</source>
        <translation>&quot;%1&quot; ist keines der Konten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another rule.</source>
        <translation>&quot;%1&quot; wird bereits von einer anderen Regel verwendet.</translation>
    </message>
    <message>
        <source>secrets never go into a workspace file.</source>
        <translation>Geheimnisse gehören nie in eine Arbeitsbereichsdatei.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ActiveAlertsModel</name>
    <message>
        <source>%1, for %2</source>
        <translation>%1, seit %2</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Schlummert bis %1</translation>
    </message>
    <message>
        <source>Silenced until %1</source>
        <translation>Stumm bis %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Since (%1)</source>
        <translation>Seit (%1)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertEngine</name>
    <message>
        <source>No alert history given.</source>
        <translation>Kein Alarmverlauf angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another rule.</source>
        <translation>&quot;%1&quot; wird bereits von einer anderen Regel verwendet.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertHistory</name>
    <message>
        <source>Cannot read the alert history %1.</source>
        <translation>Der Alarmverlauf %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not an alert state file this version reads.</source>
        <translation>%1 ist keine Alarmzustandsdatei, die diese Version lesen kann.</translation>
    </message>
    <message>
        <source>cannot create the directory</source>
        <translation>das Verzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write the alert history export.</source>
        <translation>Der Export des Alarmverlaufs kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertHistoryModel</name>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertPreviewChart</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Firing (warning)</source>
        <translation>Ausgelöst (Warnung)</translation>
    </message>
    <message>
        <source>Firing (critical)</source>
        <translation>Ausgelöst (kritisch)</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Backtest preview</source>
        <translation>Rückblick-Vorschau</translation>
    </message>
    <message>
        <source>Critical recovery %1</source>
        <translation>Kritisch, Erholung %1</translation>
    </message>
    <message>
        <source>Warning recovery %1</source>
        <translation>Warnung, Erholung %1</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertRule</name>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>ist erforderlich.</translation>
    </message>
    <message>
        <source>must be at most %1 characters without control characters.</source>
        <translation>darf höchstens %1 Zeichen lang sein und keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a cloud: use aws, azure or gcp.</source>
        <translation>&quot;%1&quot; ist keine Cloud: Verwenden Sie aws, azure oder gcp.</translation>
    </message>
    <message>
        <source>is required: the namespace, metric, dimensions and statistic of the series the rule watches.</source>
        <translation>ist erforderlich: Namespace, Metrik, Dimensionen und Statistik der Reihe, die die Regel beobachtet.</translation>
    </message>
    <message>
        <source>names and values must not be empty.</source>
        <translation>Namen und Werte dürfen nicht leer sein.</translation>
    </message>
    <message>
        <source>must be a finite number.</source>
        <translation>muss eine endliche Zahl sein.</translation>
    </message>
    <message>
        <source>(%1) must be below critical (%2) for a rule that alerts above.</source>
        <translation>(%1) muss unter dem kritischen Wert (%2) liegen, wenn die Regel bei Überschreitung alarmiert.</translation>
    </message>
    <message>
        <source>(%1) must be above critical (%2) for a rule that alerts below.</source>
        <translation>(%1) muss über dem kritischen Wert (%2) liegen, wenn die Regel bei Unterschreitung alarmiert.</translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts above, it must be at or below critical (%2).</source>
        <translation>(%1) liegt auf der falschen Seite: Wenn die Regel bei Überschreitung alarmiert, muss der Wert höchstens beim kritischen Wert (%2) liegen.</translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts below, it must be at or above critical (%2).</source>
        <translation>(%1) liegt auf der falschen Seite: Wenn die Regel bei Unterschreitung alarmiert, muss der Wert mindestens beim kritischen Wert (%2) liegen.</translation>
    </message>
    <message>
        <source>needs a warning threshold.</source>
        <translation>erfordert einen Warnschwellenwert.</translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts above, it must be at or below warning (%2).</source>
        <translation>(%1) liegt auf der falschen Seite: Wenn die Regel bei Überschreitung alarmiert, muss der Wert höchstens beim Warnwert (%2) liegen.</translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts below, it must be at or above warning (%2).</source>
        <translation>(%1) liegt auf der falschen Seite: Wenn die Regel bei Unterschreitung alarmiert, muss der Wert mindestens beim Warnwert (%2) liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known unit: use one of %2.</source>
        <translation>&quot;%1&quot; ist keine bekannte Einheit: Verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot show a series measured in %2.</source>
        <translation>&quot;%1&quot; kann keine Reihe anzeigen, die in %2 gemessen wird.</translation>
    </message>
    <message>
        <source>must be between 1 and %1 seconds.</source>
        <translation>muss zwischen 1 und %1 Sekunden liegen.</translation>
    </message>
    <message>
        <source>must be between 1 and %1.</source>
        <translation>muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>(%1) must be between 1 and evaluationPeriods (%2).</source>
        <translation>(%1) muss zwischen 1 und evaluationPeriods (%2) liegen.</translation>
    </message>
    <message>
        <source>must not be negative.</source>
        <translation>darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>must be an https URL (plain http only on loopback).</source>
        <translation>muss eine https-URL sein (einfaches http nur auf Loopback).</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>must be &quot;above&quot; or &quot;below&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;above&quot; oder &quot;below&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>is required: &quot;above&quot; or &quot;below&quot;.</source>
        <translation>ist erforderlich: &quot;above&quot; oder &quot;below&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a CloudWatch unit name (e.g. Microseconds, Percent, Bytes, Count).</source>
        <translation>&quot;%1&quot; ist kein CloudWatch-Einheitenname (z. B. Microseconds, Percent, Bytes, Count).</translation>
    </message>
    <message>
        <source>must be missing, ignore, notBreaching or breaching, not &quot;%1&quot;.</source>
        <translation>muss missing, ignore, notBreaching oder breaching sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertRuleDialog</name>
    <message>
        <source>A flap is a fire less than %1 periods after the rule last resolved: the same problem reported twice.</source>
        <translation>Ein Flattern ist ein Auslösen weniger als %1 Perioden nach der letzten Behebung: dasselbe Problem zweimal gemeldet.</translation>
    </message>
    <message>
        <source>Total time the rule would have been firing, at any level.</source>
        <translation>Gesamte Zeit, die die Regel ausgelöst gewesen wäre, auf jeder Stufe.</translation>
    </message>
    <message>
        <source>How often the rule would have started firing (a notification each).</source>
        <translation>Wie oft die Regel ausgelöst hätte (jeweils eine Benachrichtigung).</translation>
    </message>
    <message>
        <source>Cloud default (%1)</source>
        <translation>Cloud-Standard (%1)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red to see what this rule would have done.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um zu sehen, was diese Regel getan hätte.</translation>
    </message>
    <message>
        <source>No data for this series in the visible range, so there is nothing to backtest. Choose a longer time range in the main window.</source>
        <translation>Keine Daten dieser Reihe im angezeigten Zeitraum, also nichts zurückzurechnen. Wählen Sie im Hauptfenster einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>Fires: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Auslösungen: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Time in alert: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Zeit im Alarm: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Flaps: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Flattern: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Datapoints: %1, from %2 to %3</source>
        <translation>Datenpunkte: %1, von %2 bis %3</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertRuleEditor</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Edit alert rule — %1</source>
        <translation>Alarmregel bearbeiten — %1</translation>
    </message>
    <message>
        <source>New alert rule</source>
        <translation>Neue Alarmregel</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>Alarmregel</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertTexts</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Pending (critical)</source>
        <translation>Ausstehend (kritisch)</translation>
    </message>
    <message>
        <source>Pending (warning)</source>
        <translation>Ausstehend (Warnung)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Firing (critical)</source>
        <translation>Ausgelöst (kritisch)</translation>
    </message>
    <message>
        <source>Firing (warning)</source>
        <translation>Ausgelöst (Warnung)</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertTrayIcon</name>
    <message>
        <source>Show MLWatch</source>
        <translation>MLWatch anzeigen</translation>
    </message>
    <message>
        <source>Alerts panel</source>
        <translation>Alarmübersicht</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>MLWatch: no alerts firing</source>
        <translation>MLWatch: keine Alarme ausgelöst</translation>
    </message>
    <message>
        <source>MLWatch: alerts firing: %1</source>
        <translation>MLWatch: ausgelöste Alarme: %1</translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alerts firing or pending now</source>
        <translation>Jetzt ausgelöste oder ausstehende Alarme</translation>
    </message>
    <message>
        <source>History of alert transitions</source>
        <translation>Verlauf der Alarmwechsel</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save every transition as CSV (times in UTC)</source>
        <translation>Jeden Wechsel als CSV speichern (Zeiten in UTC)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Someone is on it: no reminders until the rule stops firing</source>
        <translation>Jemand kümmert sich: keine Erinnerungen, bis die Regel nicht mehr ausgelöst ist</translation>
    </message>
    <message>
        <source>&amp;Snooze 1 h</source>
        <translation>1 h &amp;schlummern</translation>
    </message>
    <message>
        <source>No notifications for this rule for an hour; then a reminder if it still fires</source>
        <translation>Eine Stunde keine Benachrichtigungen für diese Regel; danach eine Erinnerung, falls sie noch ausgelöst ist</translation>
    </message>
    <message>
        <source>S&amp;ilence for…</source>
        <translation>&amp;Stumm schalten für…</translation>
    </message>
    <message>
        <source>Maintenance: no notifications for this rule for a while (it is still evaluated)</source>
        <translation>Wartung: eine Zeit lang keine Benachrichtigungen für diese Regel (sie wird weiter ausgewertet)</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>End silence</source>
        <translation>Stummschaltung beenden</translation>
    </message>
    <message>
        <source>&amp;Edit rule…</source>
        <translation>Regel be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export alert history</source>
        <translation>Alarmverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Now: %1 firing, %2 pending</source>
        <translation>Jetzt: %1 ausgelöst, %2 ausstehend</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>Alerts (%1 firing)</source>
        <translation>Alarme (%1 ausgelöst)</translation>
    </message>
    <message>
        <source>&amp;Delete rule…</source>
        <translation>Regel &amp;löschen…</translation>
    </message>
    <message>
        <source>Stop evaluating this rule and remove it (its history stays)</source>
        <translation>Diese Regel nicht mehr auswerten und entfernen (ihr Verlauf bleibt erhalten)</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>Alarmregel löschen</translation>
    </message>
    <message>
        <source>Delete the alert rule &quot;%1&quot;?</source>
        <translation>Die Alarmregel „%1“ löschen?</translation>
    </message>
    <message>
        <source>It is no longer evaluated and notifies no one. Its past transitions stay in the history.</source>
        <translation>Sie wird nicht mehr ausgewertet und benachrichtigt niemanden mehr. Ihre bisherigen Zustandswechsel bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
</context>
<context>
    <name>mlwatch::AppController</name>
    <message>
        <source>MLWatch</source>
        <translation>MLWatch</translation>
    </message>
    <message>
        <source>The demo cloud could not listen on 127.0.0.1. Is the loopback interface up?</source>
        <translation>Die Demo-Cloud konnte nicht auf 127.0.0.1 lauschen. Ist die Loopback-Schnittstelle aktiv?</translation>
    </message>
    <message>
        <source>Demo cloud (simulated AWS)</source>
        <translation>Demo-Cloud (simuliertes AWS)</translation>
    </message>
    <message>
        <source>AWS %1 — %2</source>
        <translation>AWS %1 — %2</translation>
    </message>
    <message>
        <source>Desktop notifications unavailable</source>
        <translation>Desktop-Benachrichtigungen nicht verfügbar</translation>
    </message>
    <message>
        <source>Webhook of &quot;%1&quot; failed</source>
        <translation>Webhook von „%1“ fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartExportController</name>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export PNG at 2×…</source>
        <translation>Als PNG in 2× exportieren…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export all charts in this tab…</source>
        <translation>Alle Diagramme dieses Tabs exportieren…</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export all charts: %1</source>
        <translation>Alle Diagramme exportieren: %1</translation>
    </message>
    <message>
        <source>Export all charts of “%1” to a folder</source>
        <translation>Alle Diagramme von „%1“ in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder will be replaced.</source>
        <translation>
            <numerusform>%n Datei in diesem Ordner wird ersetzt.</numerusform>
            <numerusform>%n Dateien in diesem Ordner werden ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be saved; the others were saved.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gespeichert werden; die übrigen wurden gespeichert.</numerusform>
            <numerusform>%n Dateien konnten nicht gespeichert werden; die übrigen wurden gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartExportOptionsDialog</name>
    <message>
        <source>Export all charts</source>
        <translation>Alle Diagramme exportieren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>&amp;1× (as on screen)</source>
        <translation>&amp;1× (wie auf dem Bildschirm)</translation>
    </message>
    <message>
        <source>&amp;2× (sharper, for slides and print)</source>
        <translation>&amp;2× (schärfer, für Folien und Druck)</translation>
    </message>
    <message>
        <source>&amp;Visible range</source>
        <translation>&amp;Sichtbarer Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Everything loaded</source>
        <translation>&amp;Alle geladenen Daten</translation>
    </message>
    <message>
        <source>&amp;Long: timestamp, series, value, unit (like mlwatch-cli query)</source>
        <translation>&amp;Lang: Zeitstempel, Reihe, Wert, Einheit (wie mlwatch-cli query)</translation>
    </message>
    <message>
        <source>&amp;Wide: one column per series (for spreadsheets)</source>
        <translation>&amp;Breit: eine Spalte pro Reihe (für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>&amp;Raw, as the cloud reports them</source>
        <translation>&amp;Roh, wie die Cloud sie meldet</translation>
    </message>
    <message>
        <source>As the chart &amp;shows them</source>
        <translation>Wie das Diagramm sie an&amp;zeigt</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Time range (UTC timestamps)</source>
        <translation>Zeitraum (UTC-Zeitstempel)</translation>
    </message>
    <message>
        <source>CSV layout</source>
        <translation>CSV-Aufbau</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartExporter</name>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation>der Ordner konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartFeed</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weiterer)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::CsvWriter</name>
    <message>
        <source>Could not write the CSV.</source>
        <translation>Die CSV-Datei konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::DefaultRules</name>
    <message>
        <source>Model latency — %1</source>
        <translation>Modelllatenz — %1</translation>
    </message>
    <message>
        <source>Critical above %3 ms: the seed&apos;s latency limit for an interactive model. Warning above %1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the line does not flap (the #1 alerting request, grafana#6202). 3 of the last 5 minutes: one slow minute is not an incident. No requests means no latency, so missing minutes count as fine.</source>
        <translation>Kritisch über %3 ms: die vorgegebene Latenzgrenze für ein interaktives Modell. Eine Warnung über %1 ms kündigt das vorher an. Erholung erst unter %4 ms (Warnung %2 ms), damit eine Latenz, die um die Linie pendelt, nicht flattert (der meistgewünschte Alarmwunsch, grafana#6202). 3 der letzten 5 Minuten: Eine langsame Minute ist noch kein Vorfall. Ohne Anfragen gibt es keine Latenz, daher zählen fehlende Minuten als in Ordnung.</translation>
    </message>
    <message>
        <source>Server errors (5XX) — %1</source>
        <translation>Serverfehler (5XX) — %1</translation>
    </message>
    <message>
        <source>5XX errors are failures of the model container (4XX are the clients&apos; mistakes and are not alerted on). Warning above %1 and critical above %3 errors a minute, in 3 of the last 5 minutes; it recovers below %2 / %4 a minute so a trickle of errors does not flap. SageMaker publishes no datapoint without traffic, so missing minutes count as error-free.</source>
        <translation>5XX-Fehler sind Ausfälle des Modell-Containers (4XX sind Fehler der Clients und lösen keinen Alarm aus). Warnung über %1 und kritisch über %3 Fehler pro Minute, in 3 der letzten 5 Minuten; Erholung unter %2 / %4 pro Minute, damit vereinzelte Fehler nicht flattern. SageMaker veröffentlicht ohne Verkehr keinen Datenpunkt, daher zählen fehlende Minuten als fehlerfrei.</translation>
    </message>
    <message>
        <source>Endpoint CPU — %1</source>
        <translation>Endpunkt-CPU — %1</translation>
    </message>
    <message>
        <source>Warning above %1 %: time to add instances before latency suffers; critical above %3 %. 8 of the last 10 minutes, so a short burst of traffic does not page anyone; recovery 5 points lower (%2 % / %4 %). An endpoint that stops publishing CPU is reported as no data.</source>
        <translation>Warnung über %1 %: Zeit, Instanzen hinzuzufügen, bevor die Latenz leidet; kritisch über %3 %. 8 der letzten 10 Minuten, damit eine kurze Verkehrsspitze niemanden alarmiert; Erholung 5 Punkte darunter (%2 % / %4 %). Ein Endpunkt, der keine CPU-Werte mehr veröffentlicht, wird als „keine Daten“ gemeldet.</translation>
    </message>
    <message>
        <source>Endpoint memory — %1</source>
        <translation>Endpunkt-Arbeitsspeicher — %1</translation>
    </message>
    <message>
        <source>A model server that runs out of memory restarts and drops requests: warning above %1 %, critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation>Ein Modellserver, dem der Arbeitsspeicher ausgeht, startet neu und verliert Anfragen: Warnung über %1 %, kritisch über %3 %, in 4 der letzten 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %).</translation>
    </message>
    <message>
        <source>Processing memory — %1</source>
        <translation>Arbeitsspeicher der Verarbeitung — %1</translation>
    </message>
    <message>
        <source>Feature jobs that load more data than fits in memory slow down or fail. The peak, not the average, is what runs out: warning above %1 %, critical above %3 %, sustained for 4 of 5 minutes; recovery 5 points lower (%2 % / %4 %). Processing jobs run for hours with nothing in between, so minutes without a job count as fine.</source>
        <translation>Feature-Jobs, die mehr Daten laden als in den Arbeitsspeicher passen, werden langsam oder scheitern. Es ist die Spitze, nicht der Mittelwert, die an die Grenze stößt: Warnung über %1 %, kritisch über %3 %, anhaltend in 4 von 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %). Verarbeitungsjobs laufen stundenlang, dazwischen gibt es nichts, daher zählen Minuten ohne Job als in Ordnung.</translation>
    </message>
    <message>
        <source>Training memory — %1</source>
        <translation>Arbeitsspeicher des Trainings — %1</translation>
    </message>
    <message>
        <source>Running out of host memory stops a training job: warning above %1 %, critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %). Minutes without a running job count as fine.</source>
        <translation>Geht der Host-Arbeitsspeicher aus, bricht ein Trainingsjob ab: Warnung über %1 %, kritisch über %3 %, in 4 der letzten 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %). Minuten ohne laufenden Job zählen als in Ordnung.</translation>
    </message>
    <message>
        <source>Disk space — %1</source>
        <translation>Speicherplatz — %1</translation>
    </message>
    <message>
        <source>A full disk stops checkpoints and the job with them: warning above %1 %, critical above %3 %, in 3 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation>Eine volle Festplatte verhindert Checkpoints und stoppt damit den Job: Warnung über %1 %, kritisch über %3 %, in 3 der letzten 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %).</translation>
    </message>
    <message>
        <source>A processing job whose output fills the disk fails at the end, after hours of work: warning above %1 %, critical above %3 %, in 3 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation>Ein Verarbeitungsjob, dessen Ausgabe die Festplatte füllt, scheitert am Ende, nach stundenlanger Arbeit: Warnung über %1 %, kritisch über %3 %, in 3 der letzten 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %).</translation>
    </message>
    <message>
        <source>Slow evaluation queries — %1</source>
        <translation>Langsame Evaluierungsabfragen — %1</translation>
    </message>
    <message>
        <source>Evaluation queries that take longer than %1 ms (warning) or %3 ms (critical) on average, in 2 of the last 3 five-minute periods, usually scan a growing, unpartitioned dataset, and Athena bills by the data scanned. Recovery 10 % lower (%2 ms / %4 ms). Periods without queries count as fine.</source>
        <translation>Evaluierungsabfragen, die im Mittel länger als %1 ms (Warnung) oder %3 ms (kritisch) dauern, in 2 der letzten 3 Fünf-Minuten-Perioden, durchsuchen meist einen wachsenden, nicht partitionierten Datensatz, und Athena rechnet nach gelesener Datenmenge ab. Erholung 10 % darunter (%2 ms / %4 ms). Perioden ohne Abfragen zählen als in Ordnung.</translation>
    </message>
    <message>
        <source>Drift of %2 — %1</source>
        <translation>Drift von %2 — %1</translation>
    </message>
    <message>
        <source>Model Monitor flags a feature whose distance from the training baseline exceeds %1 (warning); %3 is critical. One value per hourly monitoring run, so each run is judged on its own; recovery 20 % lower (%2 / %4). An hour without a run keeps the state.</source>
        <translation>Model Monitor markiert ein Merkmal, dessen Abstand zur Trainings-Baseline %1 übersteigt (Warnung); ab %3 ist es kritisch. Ein Wert pro stündlichem Monitoring-Lauf, daher wird jeder Lauf für sich beurteilt; Erholung 20 % darunter (%2 / %4). Eine Stunde ohne Lauf behält den Zustand bei.</translation>
    </message>
</context>
<context>
    <name>mlwatch::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 h schlummern</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Desktop notifications are off: there is no D-Bus session bus. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation>Desktop-Benachrichtigungen sind aus: Es gibt keinen D-Bus-Sitzungsbus. Alarme erscheinen weiterhin im Fenster von MLWatch und im Infobereich.</translation>
    </message>
    <message>
        <source>Desktop notifications are off: the notification service did not answer. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation>Desktop-Benachrichtigungen sind aus: Der Benachrichtigungsdienst hat nicht geantwortet. Alarme erscheinen weiterhin im Fenster von MLWatch und im Infobereich.</translation>
    </message>
    <message>
        <source>Desktop notifications are off: no notification service (org.freedesktop.Notifications) is running on the session bus. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation>Desktop-Benachrichtigungen sind aus: Auf dem Sitzungsbus läuft kein Benachrichtigungsdienst (org.freedesktop.Notifications). Alarme erscheinen weiterhin im Fenster von MLWatch und im Infobereich.</translation>
    </message>
</context>
<context>
    <name>mlwatch::DurationSpinBox</name>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>mlwatch::HttpClient</name>
    <message>
        <source>Refusing to send credentials over unencrypted HTTP to %1. Use an https:// endpoint (plain http is allowed only for this computer&apos;s loopback address).</source>
        <translation>Zugangsdaten werden nicht über unverschlüsseltes HTTP an %1 gesendet. Verwenden Sie einen https://-Endpunkt (einfaches http ist nur für die Loopback-Adresse dieses Computers erlaubt).</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the answer from %2 is larger than %3 MiB and was not read.</source>
        <translation>%1: Die Antwort von %2 ist größer als %3 MiB und wurde nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::MainWindow</name>
    <message>
        <source>MLWatch — %1</source>
        <translation>MLWatch — %1</translation>
    </message>
    <message>
        <source>Time range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Could not list the account&apos;s resources: %1</source>
        <translation>Die Ressourcen des Kontos konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>About MLWatch</source>
        <translation>Über MLWatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MLWatch %1&lt;/h3&gt;&lt;p&gt;Watches machine-learning workloads through the clouds&apos; metrics APIs and shows them as the five steps of the ML workflow, with thresholds on every chart.&lt;/p&gt;&lt;p&gt;Your metrics go only between this computer and your cloud; MLWatch has no server and sends no telemetry.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MLWatch %1&lt;/h3&gt;&lt;p&gt;Überwacht Machine-Learning-Workloads über die Metrik-APIs der Clouds und zeigt sie als die fünf Schritte des ML-Arbeitsablaufs, mit Schwellenwerten in jedem Diagramm.&lt;/p&gt;&lt;p&gt;Ihre Metriken gehen nur zwischen diesem Computer und Ihrer Cloud hin und her; MLWatch hat keinen Server und sendet keine Telemetrie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Alerts &amp;panel</source>
        <translation>Alarm&amp;übersicht</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Notification settings…</source>
        <translation>&amp;Benachrichtigungseinstellungen…</translation>
    </message>
    <message>
        <source>&amp;Weekly review…</source>
        <translation>&amp;Wochenbericht…</translation>
    </message>
    <message>
        <source>Your alert rules could not be read: default rules in use</source>
        <translation>Ihre Alarmregeln konnten nicht gelesen werden: Standardregeln aktiv</translation>
    </message>
    <message>
        <source>%1

MLWatch started with the default rules. The file is left as it is until you save or delete a rule; then it is kept as %2 and a new one is written.</source>
        <translation>%1

MLWatch wurde mit den Standardregeln gestartet. Die Datei bleibt unverändert, bis Sie eine Regel speichern oder löschen; dann wird sie als %2 aufbewahrt und eine neue geschrieben.</translation>
    </message>
    <message>
        <source>Alert rules not saved</source>
        <translation>Alarmregeln nicht gespeichert</translation>
    </message>
    <message>
        <source>%1

The change is in effect until MLWatch quits.</source>
        <translation>%1

Die Änderung gilt, bis MLWatch beendet wird.</translation>
    </message>
</context>
<context>
    <name>mlwatch::MetricChartView</name>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>Keine Daten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No data in this window: this metric is reported once a day, and no daily datapoint falls between %1 and %2 (%3). Choose a longer time range.</source>
        <translation>Keine Daten in diesem Zeitraum: Diese Metrik wird einmal täglich gemeldet, und zwischen %1 und %2 (%3) liegt kein Tageswert. Wählen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>No data in this window: no datapoints between %1 and %2 (%3).</source>
        <translation>Keine Daten in diesem Zeitraum: keine Messpunkte zwischen %1 und %2 (%3).</translation>
    </message>
    <message>
        <source>Could not load this chart: %1</source>
        <translation>Dieses Diagramm konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (no data)</source>
        <translation>%1 (keine Daten)</translation>
    </message>
    <message>
        <source>Critical %1</source>
        <translation>Kritisch %1</translation>
    </message>
    <message>
        <source>Warning %1</source>
        <translation>Warnung %1</translation>
    </message>
    <message>
        <source>Export and copy this chart</source>
        <translation>Dieses Diagramm exportieren und kopieren</translation>
    </message>
    <message>
        <source>Chart menu: %1</source>
        <translation>Diagrammmenü: %1</translation>
    </message>
    <message>
        <source>Alert on this…</source>
        <translation>Alarm hierfür…</translation>
    </message>
    <message>
        <source>Alert on %1…</source>
        <translation>Alarm für %1…</translation>
    </message>
    <message>
        <source>Create an alert rule for this series and preview what it would have done</source>
        <translation>Eine Alarmregel für diese Reihe anlegen und sehen, was sie getan hätte</translation>
    </message>
</context>
<context>
    <name>mlwatch::MissingCredentialsPage</name>
    <message>
        <source>MLWatch — no AWS credentials</source>
        <translation>MLWatch — keine AWS-Zugangsdaten</translation>
    </message>
    <message>
        <source>No AWS credentials found</source>
        <translation>Keine AWS-Zugangsdaten gefunden</translation>
    </message>
    <message>
        <source>MLWatch reads the same credentials as the AWS CLI: the variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or a profile in ~/.aws/credentials chosen with AWS_PROFILE. Set one of them up and start MLWatch again — or look around with the demo cloud, which simulates an AWS account with all five workflow stages.</source>
        <translation>MLWatch liest dieselben Zugangsdaten wie die AWS CLI: die Variablen AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY (und AWS_SESSION_TOKEN) oder ein mit AWS_PROFILE gewähltes Profil in ~/.aws/credentials. Richten Sie eines davon ein und starten Sie MLWatch erneut — oder sehen Sie sich mit der Demo-Cloud um, die ein AWS-Konto mit allen fünf Arbeitsschritten simuliert.</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>mlwatch::NotificationSettingsDialog</name>
    <message>
        <source>Times are in this computer&apos;s time zone, %1.</source>
        <translation>Die Zeiten gelten in der Zeitzone dieses Computers, %1.</translation>
    </message>
    <message>
        <source>Times are in this computer&apos;s time zone, %1 (%2 now).</source>
        <translation>Die Zeiten gelten in der Zeitzone dieses Computers, %1 (derzeit %2).</translation>
    </message>
</context>
<context>
    <name>mlwatch::NotificationText</name>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 is firing (%2): %3 at %4</source>
        <translation>%1 ausgelöst (%2): %3 um %4</translation>
    </message>
    <message>
        <source>%1 escalated to %2: %3 at %4</source>
        <translation>%1 eskaliert auf %2: %3 um %4</translation>
    </message>
    <message>
        <source>%1 eased to %2: %3 at %4</source>
        <translation>%1 abgeschwächt auf %2: %3 um %4</translation>
    </message>
    <message>
        <source>%1 resolved (was %2): %3 at %4</source>
        <translation>%1 behoben (war %2): %3 um %4</translation>
    </message>
    <message>
        <source>%1 has no data since %2 (was firing, %3)</source>
        <translation>%1 hat seit %2 keine Daten (war ausgelöst, %3)</translation>
    </message>
    <message>
        <source>%1 is still firing (%2): %3 at %4</source>
        <translation>%1 weiterhin ausgelöst (%2): %3 um %4</translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>Kritisch: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Still firing: %1</source>
        <translation>Weiterhin ausgelöst: %1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>No data: %1</source>
        <translation>Keine Daten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <comment>alerts</comment>
        <translation>
            <numerusform>%n ausgelöst</numerusform>
            <numerusform>%n ausgelöst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolved</source>
        <comment>alerts</comment>
        <translation>
            <numerusform>%n behoben</numerusform>
            <numerusform>%n behoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without data</source>
        <comment>alerts</comment>
        <translation>
            <numerusform>%n ohne Daten</numerusform>
            <numerusform>%n ohne Daten</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alarme: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <comment>alerts</comment>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::Reader</name>
    <message>
        <source>must be a string.</source>
        <translation>muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>muss true oder false sein.</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>muss ein JSON-Objekt sein.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportCsvWriter</name>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportDataFetcher</name>
    <message>
        <source>The report was cancelled.</source>
        <translation>Der Bericht wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No data could be fetched.</source>
        <translation>Es konnten keine Daten abgerufen werden.</translation>
    </message>
    <message>
        <source>The account %1 was closed.</source>
        <translation>Das Konto %1 wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportPdfWriter</name>
    <message>
        <source>Weekly review %1</source>
        <translation>Wochenbericht %1</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenbericht</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The PDF was not started.</source>
        <translation>Das PDF wurde nicht begonnen.</translation>
    </message>
    <message>
        <source>Could not finish the PDF.</source>
        <translation>Das PDF konnte nicht fertiggestellt werden.</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>%1 · weekly review %2</source>
        <comment>workspace · weekly review &lt;week&gt;</comment>
        <translation>%1 · Wochenbericht %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Week %1: %2</source>
        <translation>Woche %1: %2</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation>Bis (ausschließlich)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Verglichen mit</translation>
    </message>
    <message>
        <source>the same days one week earlier (%1 – %2), drawn faintly behind this week</source>
        <translation>denselben Tagen eine Woche zuvor (%1 – %2), blass hinter dieser Woche gezeichnet</translation>
    </message>
    <message>
        <source>Generated at</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Week over week</source>
        <translation>Wochenvergleich</translation>
    </message>
    <message>
        <source>Alert log</source>
        <translation>Alarmprotokoll</translation>
    </message>
    <message>
        <source>No alert rules: nothing was watched, so nothing could fire.</source>
        <translation>Keine Alarmregeln: Es wurde nichts überwacht, also konnte nichts auslösen.</translation>
    </message>
    <message>
        <source>From the alert history recorded while MLWatch ran. Rules: %1.</source>
        <translation>Aus dem Alarmverlauf, der während der Laufzeit von MLWatch aufgezeichnet wurde. Regeln: %1.</translation>
    </message>
    <message>
        <source>No alert history was recorded, so the alert rules were replayed over this range&apos;s data. Rules: %1.</source>
        <translation>Es wurde kein Alarmverlauf aufgezeichnet, daher wurden die Alarmregeln über die Daten dieses Zeitraums nachgespielt. Regeln: %1.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alerts fired: %1 (critical %2, warning %3)</source>
        <translation>Ausgelöste Alarme: %1 (kritisch %2, Warnung %3)</translation>
    </message>
    <message>
        <source>Time in alert: %1 (at least one rule firing)</source>
        <translation>Zeit im Alarm: %1 (mindestens eine Regel ausgelöst)</translation>
    </message>
    <message>
        <source>Noisiest rules</source>
        <translation>Regeln mit den meisten Auslösungen</translation>
    </message>
    <message>
        <source>No rule fired in this range.</source>
        <translation>In diesem Zeitraum hat keine Regel ausgelöst.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Time firing</source>
        <translation>Dauer ausgelöst</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The accounts have no resources that MLWatch charts.</source>
        <translation>Die Konten haben keine Ressourcen, für die MLWatch Diagramme zeigt.</translation>
    </message>
    <message>
        <source>No data in this range: none of the %1 charts has a datapoint between %2 and %3.</source>
        <translation>Keine Daten in diesem Zeitraum: Keines der %1 Diagramme hat einen Datenpunkt zwischen %2 und %3.</translation>
    </message>
    <message>
        <source>%1 of %2 charts have data in this range.</source>
        <translation>%1 von %2 Diagrammen haben Daten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Not fetched: %1</source>
        <translation>Nicht abgerufen: %1</translation>
    </message>
    <message>
        <source>Insights of the week</source>
        <translation>Erkenntnisse der Woche</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (Fortsetzung)</translation>
    </message>
    <message>
        <source>No charts for this stage: the accounts have no resources of this kind.</source>
        <translation>Keine Diagramme für diesen Arbeitsschritt: Die Konten haben keine Ressourcen dieser Art.</translation>
    </message>
    <message>
        <source>Charts without data in this range: %1</source>
        <translation>Diagramme ohne Daten in diesem Zeitraum: %1</translation>
    </message>
    <message>
        <source>Nothing was reported between %1 and %2 (%3): jobs that did not run, or resources that were idle.</source>
        <translation>Zwischen %1 und %2 (%3) wurde nichts gemeldet: Jobs, die nicht liefen, oder Ressourcen, die untätig waren.</translation>
    </message>
    <message>
        <source>%1 (data last week)</source>
        <translation>%1 (Daten in der Vorwoche)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>p50, p95 and max of every series: this week against the same days one week earlier. Percentiles are nearest-rank over the datapoints of each week; &quot;—&quot; means no data.</source>
        <translation>p50, p95 und max jeder Reihe: diese Woche im Vergleich zu denselben Tagen eine Woche zuvor. Perzentile nach der Nearest-Rank-Methode über die Datenpunkte jeder Woche; &quot;—&quot; bedeutet keine Daten.</translation>
    </message>
    <message>
        <source>Series without data in either week are not listed: %1.</source>
        <translation>Reihen ohne Daten in beiden Wochen sind nicht aufgeführt: %1.</translation>
    </message>
    <message>
        <source>No charts, so no metrics to compare.</source>
        <translation>Keine Diagramme, also keine Metriken zum Vergleichen.</translation>
    </message>
    <message>
        <source>No data in this range or the week before it: nothing to compare.</source>
        <translation>Keine Daten in diesem Zeitraum oder in der Woche davor: nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>diese Woche</translation>
    </message>
    <message>
        <source>last week</source>
        <translation>Vorwoche</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation>%1 (kritisch)</translation>
    </message>
    <message>
        <source>%1 (warning)</source>
        <translation>%1 (Warnung)</translation>
    </message>
    <message>
        <source>No alert changed state in this range.</source>
        <translation>In diesem Zeitraum hat kein Alarm seinen Zustand gewechselt.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>… and %1 more changes: every one is in alerts.csv.</source>
        <translation>… und %1 weitere Wechsel: Alle stehen in alerts.csv.</translation>
    </message>
    <message>
        <source>p95 change</source>
        <translation>p95-Änderung</translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportText</name>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Processing jobs that prepare the training data: memory and CPU.</source>
        <translation>Verarbeitungsjobs, die die Trainingsdaten aufbereiten: Arbeitsspeicher und CPU.</translation>
    </message>
    <message>
        <source>Training jobs: whether the GPUs were busy or waiting for data.</source>
        <translation>Trainingsjobs: ob die GPUs ausgelastet waren oder auf Daten warteten.</translation>
    </message>
    <message>
        <source>Evaluation queries and the datasets they read.</source>
        <translation>Evaluierungsabfragen und die Datensätze, die sie lesen.</translation>
    </message>
    <message>
        <source>Endpoint capacity: CPU and memory of the serving instances.</source>
        <translation>Kapazität der Endpunkte: CPU und Arbeitsspeicher der bereitstellenden Instanzen.</translation>
    </message>
    <message>
        <source>Traffic, errors, latency and drift of the models in production.</source>
        <translation>Verkehr, Fehler, Latenz und Drift der Modelle im Produktivbetrieb.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>first day – last day</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>duration: days and hours</comment>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration: hours and minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration: minutes</comment>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportWeek</name>
    <message>
        <source>&quot;%1&quot; is not an ISO week: write YYYY-Www, e.g. 2026-W47.</source>
        <translation>&quot;%1&quot; ist keine ISO-Woche: Schreiben Sie YYYY-Www, z. B. 2026-W47.</translation>
    </message>
    <message>
        <source>%1 has no ISO week %2: its weeks are 1 to %3.</source>
        <translation>%1 hat keine ISO-Woche %2: Die Wochen reichen von 1 bis %3.</translation>
    </message>
    <message>
        <source>The time zone is not valid.</source>
        <translation>Die Zeitzone ist ungültig.</translation>
    </message>
    <message>
        <source>The report&apos;s start must be before its end.</source>
        <translation>Der Beginn des Berichts muss vor seinem Ende liegen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::SessionStatusView</name>
    <message>
        <source>Waiting for the first refresh…</source>
        <translation>Warte auf die erste Aktualisierung …</translation>
    </message>
    <message>
        <source>HTTP requests this window has sent to the metrics API. CloudWatch bills GetMetricData per metric requested.</source>
        <translation>HTTP-Anfragen, die dieses Fenster an die Metrik-API gesendet hat. CloudWatch berechnet GetMetricData pro abgefragter Metrik.</translation>
    </message>
    <message>
        <source>The account whose metrics are shown</source>
        <translation>Das Konto, dessen Metriken angezeigt werden</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Last refresh: %1 (%2)</source>
        <translation>Zuletzt aktualisiert: %1 (%2)</translation>
    </message>
    <message>
        <source>API requests: %1</source>
        <translation>API-Anfragen: %1</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <comment>alert notices</comment>
        <translation>
            <numerusform>(+%n weiterer)</numerusform>
            <numerusform>(+%n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::StageTab</name>
    <message>
        <source>Discovering resources…</source>
        <translation>Ressourcen werden gesucht …</translation>
    </message>
    <message>
        <source>No resources for this stage were found in this account and region.</source>
        <translation>In diesem Konto und dieser Region wurden für diesen Schritt keine Ressourcen gefunden.</translation>
    </message>
    <message>
        <source>Processing jobs that clean and transform your data: do they have memory and CPU to spare?</source>
        <translation>Verarbeitungsjobs, die Ihre Daten bereinigen und umwandeln: Haben sie genug Arbeitsspeicher und CPU?</translation>
    </message>
    <message>
        <source>Training jobs: are the GPUs busy, or is the job waiting on CPU or input?</source>
        <translation>Trainingsjobs: Sind die GPUs ausgelastet, oder wartet der Job auf CPU oder Eingabedaten?</translation>
    </message>
    <message>
        <source>Evaluation: how long queries over the results take and how large the datasets grow.</source>
        <translation>Evaluierung: Wie lange Abfragen über die Ergebnisse dauern und wie groß die Datensätze werden.</translation>
    </message>
    <message>
        <source>Endpoints serving the model: CPU and memory of their instances.</source>
        <translation>Endpunkte, die das Modell bereitstellen: CPU und Arbeitsspeicher ihrer Instanzen.</translation>
    </message>
    <message>
        <source>Live traffic: requests, errors, latency and data drift, against their thresholds.</source>
        <translation>Live-Verkehr: Anfragen, Fehler, Latenz und Datendrift im Vergleich zu ihren Schwellenwerten.</translation>
    </message>
    <message>
        <source>Export all charts…</source>
        <translation>Alle Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Save every chart of this tab as PNG and CSV into a folder</source>
        <translation>Jedes Diagramm dieses Tabs als PNG und CSV in einem Ordner speichern</translation>
    </message>
</context>
<context>
    <name>mlwatch::TimeRangeSelector</name>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Time range of every chart (Ctrl+1 … Ctrl+5)</source>
        <translation>Zeitraum aller Diagramme (Strg+1 … Strg+5)</translation>
    </message>
</context>
<context>
    <name>mlwatch::TimeSpec</name>
    <message>
        <source>&quot;%1&quot; is not a valid time: use ISO 8601 with a zone such as 2026-11-20T12:00:00Z, or a relative time such as -30m, -1h, -7d or now</source>
        <translation>&quot;%1&quot; ist keine gültige Zeit: Verwenden Sie ISO 8601 mit Zeitzone wie 2026-11-20T12:00:00Z oder eine relative Zeit wie -30m, -1h, -7d oder now</translation>
    </message>
</context>
<context>
    <name>mlwatch::UserRuleStore</name>
    <message>
        <source>There is no alert rule &quot;%1&quot;.</source>
        <translation>Es gibt keine Alarmregel „%1“.</translation>
    </message>
    <message>
        <source>Cannot keep the unreadable alert rules %1 as %2, so they were not overwritten.</source>
        <translation>Die unlesbaren Alarmregeln %1 können nicht als %2 aufbewahrt werden; sie wurden daher nicht überschrieben.</translation>
    </message>
</context>
<context>
    <name>mlwatch::UserRulesFile</name>
    <message>
        <source>%1: line %2, column %3: %4</source>
        <translation>%1: Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <source>format: must be &quot;%1&quot;: this is not an MLWatch rules file.</source>
        <translation>format: muss „%1“ sein: Dies ist keine MLWatch-Regeldatei.</translation>
    </message>
    <message>
        <source>version: must be a whole number from 1.</source>
        <translation>version: muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>version: %1 is newer than this MLWatch reads (up to %2): update MLWatch to use these rules.</source>
        <translation>version: %1 ist neuer, als dieses MLWatch lesen kann (bis %2): Aktualisieren Sie MLWatch, um diese Regeln zu verwenden.</translation>
    </message>
    <message>
        <source>rules: must be a JSON array.</source>
        <translation>rules: muss ein JSON-Array sein.</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another rule.</source>
        <translation>„%1“ wird bereits von einer anderen Regel verwendet.</translation>
    </message>
    <message>
        <source>deletedDefaults: must be a JSON array.</source>
        <translation>deletedDefaults: muss ein JSON-Array sein.</translation>
    </message>
    <message>
        <source>must be the id of a default rule (&quot;default:…&quot;).</source>
        <translation>muss die ID einer Standardregel sein („default:…“).</translation>
    </message>
    <message>
        <source>Cannot read the alert rules %1.</source>
        <translation>Die Alarmregeln %1 können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is too large (more than %2 bytes).</source>
        <translation>%1 ist zu groß (mehr als %2 Bytes).</translation>
    </message>
    <message>
        <source>Cannot write the alert rules %1.</source>
        <translation>Die Alarmregeln %1 können nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::WebhookNotifier</name>
    <message>
        <source>The webhook URL is not a valid http(s) address.</source>
        <translation>Die Webhook-URL ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <source>The webhook URL must start with https:// (it starts with %1://).</source>
        <translation>Die Webhook-URL muss mit https:// beginnen (sie beginnt mit %1://).</translation>
    </message>
    <message>
        <source>Refusing to post a webhook over unencrypted HTTP to %1. Use https:// (plain http is allowed only for this computer&apos;s loopback address).</source>
        <translation>Ein Webhook wird nicht über unverschlüsseltes HTTP an %1 gesendet. Verwenden Sie https:// (einfaches http ist nur für die Loopback-Adresse dieses Computers erlaubt).</translation>
    </message>
    <message>
        <source>Webhook of rule “%1”: %2</source>
        <translation>Webhook der Regel „%1“: %2</translation>
    </message>
    <message>
        <source>Alert webhook</source>
        <translation>Alarm-Webhook</translation>
    </message>
    <message>
        <source>The webhook at %1 answered HTTP %2.</source>
        <translation>Der Webhook unter %1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 (attempts: %2)</source>
        <translation>%1 (Versuche: %2)</translation>
    </message>
</context>
<context>
    <name>mlwatch::WeeklyReport</name>
    <message>
        <source>Choose at least one format.</source>
        <translation>Wählen Sie mindestens ein Format.</translation>
    </message>
</context>
<context>
    <name>mlwatch::WeeklyReportWriter</name>
    <message>
        <source>No output folder given.</source>
        <translation>Kein Ausgabeordner angegeben.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty folder, or overwrite the report in it explicitly (--force).</source>
        <translation>%1 ist nicht leer: Wählen Sie einen leeren Ordner oder überschreiben Sie den Bericht darin ausdrücklich (--force).</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>Der Bericht wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::WeeklyReviewDialog</name>
    <message>
        <source>Weekly review</source>
        <translation>Wochenbericht</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>PNG per chart</source>
        <translation>PNG je Diagramm</translation>
    </message>
    <message>
        <source>CSV data and summary</source>
        <translation>CSV-Daten und Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Woche:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <source>&amp;Create report</source>
        <translation>Bericht &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Folder for the weekly review</source>
        <translation>Ordner für den Wochenbericht</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>MLWatch weekly review %1</source>
        <translation>MLWatch-Wochenbericht %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone. Choose one from the list, e.g. Europe/Berlin.</source>
        <translation>&quot;%1&quot; ist keine Zeitzone. Wählen Sie eine aus der Liste, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>There are no charts yet: wait until the account&apos;s resources are listed.</source>
        <translation>Es gibt noch keine Diagramme: Warten Sie, bis die Ressourcen des Kontos aufgelistet sind.</translation>
    </message>
    <message>
        <source>Folder is not empty</source>
        <translation>Ordner ist nicht leer</translation>
    </message>
    <message>
        <source>%1 is not empty. Overwrite the report&apos;s files in it? Other files stay as they are.</source>
        <translation>%1 ist nicht leer. Die Dateien des Berichts darin überschreiben? Andere Dateien bleiben unverändert.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Fetching this week and last week…</source>
        <translation>Diese Woche und die Vorwoche werden abgerufen…</translation>
    </message>
    <message>
        <source>The weekly review is in %1.</source>
        <translation>Der Wochenbericht liegt in %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>mlwatch::WorkspaceFile</name>
    <message>
        <source>workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Cannot read the workspace %1.</source>
        <translation>Der Arbeitsbereich %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot write the workspace %1.</source>
        <translation>Der Arbeitsbereich %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::app</name>
    <message>
        <source>Watches machine-learning workloads (AWS SageMaker) through the cloud&apos;s metrics API.</source>
        <translation>Überwacht Machine-Learning-Workloads (AWS SageMaker) über die Metrik-API der Cloud.</translation>
    </message>
    <message>
        <source>Show a simulated AWS account (the built-in demo cloud) instead of yours.</source>
        <translation>Ein simuliertes AWS-Konto (die eingebaute Demo-Cloud) statt Ihres eigenen anzeigen.</translation>
    </message>
    <message>
        <source>Open with this stage selected: data-preparation, training, evaluation, deployment or monitoring.</source>
        <translation>Mit diesem Arbeitsschritt geöffnet starten: data-preparation, training, evaluation, deployment oder monitoring.</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>schritt</translation>
    </message>
    <message>
        <source>Unknown stage &quot;%1&quot; for --tab.</source>
        <translation>Unbekannter Arbeitsschritt „%1“ für --tab.</translation>
    </message>
</context>
<context>
    <name>mlwatch::aws</name>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1, line %2: expected a &quot;[section]&quot; header or a &quot;key = value&quot; line.</source>
        <translation>%1, Zeile %2: Kopfzeile &quot;[section]&quot; oder Zeile &quot;key = value&quot; erwartet.</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; uses &quot;%2&quot; (in %3), which MLWatch does not support yet. Use a profile with aws_access_key_id and aws_secret_access_key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation>Das AWS-Profil &quot;%1&quot; verwendet &quot;%2&quot; (in %3), was MLWatch noch nicht unterstützt. Verwenden Sie ein Profil mit aws_access_key_id und aws_secret_access_key oder setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY.</translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; in %2 has only half a key pair: &quot;%3&quot; is missing.</source>
        <translation>Das AWS-Profil &quot;%1&quot; in %2 enthält nur ein halbes Schlüsselpaar: &quot;%3&quot; fehlt.</translation>
    </message>
    <message>
        <source>Only half of an AWS key pair is set in the environment: %1 is missing.</source>
        <translation>In der Umgebung ist nur die Hälfte eines AWS-Schlüsselpaars gesetzt: %1 fehlt.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time such as 2024-05-01T12:00:00Z.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION ist keine ISO-8601-Zeit wie 2024-05-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; was not found in %2 or %3.</source>
        <translation>Das AWS-Profil &quot;%1&quot; wurde weder in %2 noch in %3 gefunden.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>No AWS credentials found. MLWatch looked for AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, then for aws_access_key_id and aws_secret_access_key in profile &quot;%1&quot; of %2.</source>
        <translation>Keine AWS-Zugangsdaten gefunden. MLWatch hat in der Umgebung nach AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY gesucht, dann nach aws_access_key_id und aws_secret_access_key im Profil &quot;%1&quot; von %2.</translation>
    </message>
    <message>
        <source>No AWS credentials found. MLWatch looked for aws_access_key_id and aws_secret_access_key in profile &quot;%1&quot; of %2 (the environment&apos;s keys are not used when --profile is given).</source>
        <translation>Keine AWS-Zugangsdaten gefunden. MLWatch hat nach aws_access_key_id und aws_secret_access_key im Profil &quot;%1&quot; von %2 gesucht (die Schlüssel aus der Umgebung werden nicht verwendet, wenn --profile angegeben ist).</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation>Profil &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1.</source>
        <translation>&quot;%1&quot; (aus %2) ist kein AWS-Regionsname wie us-east-1.</translation>
    </message>
    <message>
        <source>No AWS region is set. Pass --region (for example --region us-east-1), set AWS_REGION or AWS_DEFAULT_REGION, or add &quot;region = us-east-1&quot; to profile &quot;%1&quot; in %2.</source>
        <translation>Keine AWS-Region festgelegt. Übergeben Sie --region (zum Beispiel --region us-east-1), setzen Sie AWS_REGION oder AWS_DEFAULT_REGION oder fügen Sie &quot;region = us-east-1&quot; zum Profil &quot;%1&quot; in %2 hinzu.</translation>
    </message>
    <message>
        <source>The endpoint from %1 is not an http:// or https:// URL with a host name.</source>
        <translation>Der Endpunkt aus %1 ist keine http://- oder https://-URL mit Hostnamen.</translation>
    </message>
    <message>
        <source>The GetMetricData answer has no MetricDataResults.</source>
        <translation>Die Antwort von GetMetricData enthält keine MetricDataResults.</translation>
    </message>
    <message>
        <source>A timestamp in the GetMetricData answer is not ISO 8601.</source>
        <translation>Ein Zeitstempel in der Antwort von GetMetricData ist nicht im Format ISO 8601.</translation>
    </message>
    <message>
        <source>A value in the GetMetricData answer is not a number.</source>
        <translation>Ein Wert in der Antwort von GetMetricData ist keine Zahl.</translation>
    </message>
    <message>
        <source>The %1 answer is not well-formed XML (line %2).</source>
        <translation>Die Antwort von %1 ist kein wohlgeformtes XML (Zeile %2).</translation>
    </message>
    <message>
        <source>The GetMetricData answer is not a GetMetricDataResponse document.</source>
        <translation>Die Antwort von GetMetricData ist kein GetMetricDataResponse-Dokument.</translation>
    </message>
    <message>
        <source>The GetMetricData answer has no GetMetricDataResult.</source>
        <translation>Die Antwort von GetMetricData enthält kein GetMetricDataResult.</translation>
    </message>
    <message>
        <source>The ListMetrics answer is not a ListMetricsResponse document.</source>
        <translation>Die Antwort von ListMetrics ist kein ListMetricsResponse-Dokument.</translation>
    </message>
    <message>
        <source>The ListMetrics answer has no ListMetricsResult.</source>
        <translation>Die Antwort von ListMetrics enthält kein ListMetricsResult.</translation>
    </message>
    <message>
        <source>A result in the GetMetricData answer has no Id.</source>
        <translation>Ein Ergebnis in der Antwort von GetMetricData hat keine Id.</translation>
    </message>
    <message>
        <source>The %1 answer is not valid JSON; it may have been cut off.</source>
        <translation>Die Antwort von %1 ist kein gültiges JSON; sie wurde möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>Timestamps and Values differ in length for %1 (%L2 and %L3).</source>
        <translation>Timestamps und Values sind für %1 unterschiedlich lang (%L2 und %L3).</translation>
    </message>
</context>
<context>
    <name>mlwatch::aws::Catalog</name>
    <message>
        <source>Memory — %1</source>
        <translation>Arbeitsspeicher — %1</translation>
    </message>
    <message>
        <source>Memory (average)</source>
        <translation>Arbeitsspeicher (Mittel)</translation>
    </message>
    <message>
        <source>Memory (peak)</source>
        <translation>Arbeitsspeicher (Spitze)</translation>
    </message>
    <message>
        <source>Feature jobs that load more data than fits in memory slow down or fail; sustained peaks above 90 % call for a larger instance or smaller partitions.</source>
        <translation>Feature-Jobs, die mehr Daten laden als in den Arbeitsspeicher passen, werden langsam oder scheitern; anhaltende Spitzen über 90 % verlangen eine größere Instanz oder kleinere Partitionen.</translation>
    </message>
    <message>
        <source>CPU — %1</source>
        <translation>CPU — %1</translation>
    </message>
    <message>
        <source>CPU (average)</source>
        <translation>CPU (Mittel)</translation>
    </message>
    <message>
        <source>CPU (peak)</source>
        <translation>CPU (Spitze)</translation>
    </message>
    <message>
        <source>Shows whether a processing job is compute-bound; values above 100 % mean several vCPUs are busy.</source>
        <translation>Zeigt, ob ein Verarbeitungsjob durch Rechenleistung begrenzt ist; Werte über 100 % bedeuten, dass mehrere vCPUs arbeiten.</translation>
    </message>
    <message>
        <source>CPU vs GPU — %1</source>
        <translation>CPU gegen GPU — %1</translation>
    </message>
    <message>
        <source>CPU utilisation</source>
        <translation>CPU-Auslastung</translation>
    </message>
    <message>
        <source>GPU utilisation</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <source>A pegged CPU next to an idle GPU means the input pipeline, not the model, limits training speed: you pay for a GPU that waits.</source>
        <translation>Eine voll ausgelastete CPU neben einer untätigen GPU bedeutet, dass die Eingabe-Pipeline und nicht das Modell das Training bremst: Sie bezahlen eine GPU, die wartet.</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>Host-Arbeitsspeicher</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU-Speicher</translation>
    </message>
    <message>
        <source>Running out of host or GPU memory stops a training job; low GPU memory use leaves room for larger batches.</source>
        <translation>Geht Host- oder GPU-Speicher aus, bricht ein Trainingsjob ab; wenig belegter GPU-Speicher lässt Raum für größere Batches.</translation>
    </message>
    <message>
        <source>Evaluation query time — %1</source>
        <translation>Dauer der Evaluierungsabfragen — %1</translation>
    </message>
    <message>
        <source>Average query</source>
        <translation>Mittlere Abfrage</translation>
    </message>
    <message>
        <source>Slowest query</source>
        <translation>Langsamste Abfrage</translation>
    </message>
    <message>
        <source>Evaluation queries that get slower week by week usually scan a growing, unpartitioned dataset — and Athena bills by the data scanned.</source>
        <translation>Evaluierungsabfragen, die Woche für Woche langsamer werden, durchsuchen meist einen wachsenden, nicht partitionierten Datensatz — und Athena rechnet nach gelesener Datenmenge ab.</translation>
    </message>
    <message>
        <source>Dataset size — %1</source>
        <translation>Datensatzgröße — %1</translation>
    </message>
    <message>
        <source>Standard storage</source>
        <translation>Standard-Speicher</translation>
    </message>
    <message>
        <source>The evaluation data grows with every export; S3 reports the size once a day at 00:00 UTC.</source>
        <translation>Die Evaluierungsdaten wachsen mit jedem Export; S3 meldet die Größe einmal täglich um 00:00 UTC.</translation>
    </message>
    <message>
        <source>Endpoint CPU — %1</source>
        <translation>Endpunkt-CPU — %1</translation>
    </message>
    <message>
        <source>CPU near its limit needs more instances before latency suffers; CPU in the low single digits for days means the endpoint is over-provisioned.</source>
        <translation>Eine CPU nahe am Limit braucht mehr Instanzen, bevor die Latenz leidet; tagelang einstellige Auslastung bedeutet, dass der Endpunkt überdimensioniert ist.</translation>
    </message>
    <message>
        <source>Endpoint memory — %1</source>
        <translation>Endpunkt-Arbeitsspeicher — %1</translation>
    </message>
    <message>
        <source>A model server that runs out of memory restarts and drops requests.</source>
        <translation>Ein Modellserver, dem der Arbeitsspeicher ausgeht, startet neu und verliert Anfragen.</translation>
    </message>
    <message>
        <source>Invocations — %1</source>
        <translation>Aufrufe — %1</translation>
    </message>
    <message>
        <source>Invocations</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Request volume: a sudden drop often means a broken client rather than a quiet day.</source>
        <translation>Anfragevolumen: Ein plötzlicher Einbruch bedeutet oft einen defekten Client statt eines ruhigen Tages.</translation>
    </message>
    <message>
        <source>Errors — %1</source>
        <translation>Fehler — %1</translation>
    </message>
    <message>
        <source>4XX errors</source>
        <translation>4XX-Fehler</translation>
    </message>
    <message>
        <source>5XX errors</source>
        <translation>5XX-Fehler</translation>
    </message>
    <message>
        <source>4XX errors are bad requests from clients; 5XX errors are failures of the model container (thresholds count errors per minute).</source>
        <translation>4XX-Fehler sind fehlerhafte Anfragen von Clients; 5XX-Fehler sind Ausfälle des Modell-Containers (Schwellenwerte zählen Fehler pro Minute).</translation>
    </message>
    <message>
        <source>Model latency — %1</source>
        <translation>Modelllatenz — %1</translation>
    </message>
    <message>
        <source>Model latency (average)</source>
        <translation>Modelllatenz (Mittel)</translation>
    </message>
    <message>
        <source>Model latency (maximum)</source>
        <translation>Modelllatenz (Maximum)</translation>
    </message>
    <message>
        <source>SageMaker overhead (average)</source>
        <translation>SageMaker-Overhead (Mittel)</translation>
    </message>
    <message>
        <source>Time the model takes to answer; the maximum shows the slow requests an average hides.</source>
        <translation>Zeit, die das Modell für eine Antwort braucht; das Maximum zeigt die langsamen Anfragen, die ein Mittelwert verbirgt.</translation>
    </message>
    <message>
        <source>Data drift — %1</source>
        <translation>Datendrift — %1</translation>
    </message>
    <message>
        <source>How far live inputs have moved from the training baseline; Model Monitor flags a feature above 0.1, and a drifting feature erodes accuracy before errors show.</source>
        <translation>Wie weit sich die Live-Eingaben von der Trainings-Baseline entfernt haben; Model Monitor markiert ein Merkmal über 0,1, und ein driftendes Merkmal kostet Genauigkeit, bevor Fehler sichtbar werden.</translation>
    </message>
    <message>
        <source>Disk — %1</source>
        <translation>Festplatte — %1</translation>
    </message>
    <message>
        <source>Disk (average)</source>
        <translation>Festplatte (Mittel)</translation>
    </message>
    <message>
        <source>Disk (peak)</source>
        <translation>Festplatte (Spitze)</translation>
    </message>
    <message>
        <source>Intermediate files fill the job&apos;s storage volume; a full volume fails the job late, after hours of work.</source>
        <translation>Zwischendateien füllen das Speichervolume des Jobs; ein volles Volume lässt den Job spät scheitern, nach stundenlanger Arbeit.</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>Checkpoints and cached datasets grow on the training volume; a full disk stops training at the next checkpoint.</source>
        <translation>Checkpoints und zwischengespeicherte Datensätze wachsen auf dem Trainingsvolume; eine volle Festplatte stoppt das Training beim nächsten Checkpoint.</translation>
    </message>
</context>
<context>
    <name>mlwatch::aws::CloudWatchProvider</name>
    <message>
        <source>%1: CloudWatch GetMetricData answered with something MLWatch cannot read: %2</source>
        <translation>%1: CloudWatch GetMetricData hat etwas geantwortet, das MLWatch nicht lesen kann: %2</translation>
    </message>
    <message>
        <source>%1: CloudWatch returned %2 for %3.</source>
        <translation>%1: CloudWatch hat %2 für %3 zurückgegeben.</translation>
    </message>
    <message>
        <source>%1: CloudWatch ListMetrics for %2 answered with something MLWatch cannot read: %3</source>
        <translation>%1: CloudWatch ListMetrics hat für %2 etwas geantwortet, das MLWatch nicht lesen kann: %3</translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation>Der Abruf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 failed with HTTP status %3 and no AWS error details.</source>
        <translation>%1: CloudWatch %2 ist mit HTTP-Status %3 ohne AWS-Fehlerdetails fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 is throttled (%3) even after %4 attempts. Refresh less often, chart fewer metrics, or ask AWS for a higher quota.</source>
        <translation>%1: CloudWatch %2 wird auch nach %4 Versuchen gedrosselt (%3). Aktualisieren Sie seltener, zeigen Sie weniger Metriken an oder beantragen Sie bei AWS ein höheres Kontingent.</translation>
    </message>
    <message>
        <source>%1: AWS rejected %2 because this computer&apos;s clock is off. Set the clock automatically (NTP) and try again.</source>
        <translation>%1: AWS hat %2 abgelehnt, weil die Uhr dieses Computers falsch geht. Stellen Sie die Uhr automatisch (NTP) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: signed in, but not allowed to call cloudwatch:%2 in %3. Ask for that permission in IAM.</source>
        <translation>%1: angemeldet, aber ohne Berechtigung für cloudwatch:%2 in %3. Beantragen Sie diese Berechtigung in IAM.</translation>
    </message>
    <message>
        <source>%1: the temporary AWS credentials have expired. Get new ones and try again.</source>
        <translation>%1: Die temporären AWS-Zugangsdaten sind abgelaufen. Besorgen Sie neue und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1: AWS rejected the credentials for %2 (%3). Check the access key id and secret key.</source>
        <translation>%1: AWS hat die Zugangsdaten für %2 abgelehnt (%3). Prüfen Sie die Zugriffsschlüssel-ID und den geheimen Schlüssel.</translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 failed on the AWS side (%3) after %4 attempts. Try again later.</source>
        <translation>%1: CloudWatch %2 ist nach %4 Versuchen auf AWS-Seite fehlgeschlagen (%3). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 refused the request: %3 (%4).</source>
        <translation>%1: CloudWatch %2 hat die Anfrage abgelehnt: %3 (%4).</translation>
    </message>
</context>
<context>
    <name>mlwatch::Stage</name>
    <message>
        <source>Data preparation</source>
        <translation>Datenaufbereitung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Überwachung</translation>
    </message>
</context>
</TS>
