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
    <name>mlwatch</name>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 timed out. Check the network or try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: host %2 was not found. Check the endpoint and your DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 refused the connection. Check the endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the TLS certificate of %2 could not be verified; the request was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 failed: network error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the alert history %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: malformed JSON at line %2, column %3: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (more than %2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets never go into a workspace file: name a profile, or leave it out to use the environment&apos;s credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: &quot;aws&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an account kind this version supports: use &quot;aws&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required, e.g. &quot;us-east-1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;json&quot; or &quot;query&quot;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing: this is not an MLWatch workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is newer than this MLWatch reads (up to %2): update MLWatch to open this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets never go into a workspace file.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another rule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::AlertHistory</name>
    <message>
        <source>Cannot read the alert history %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an alert state file this version reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the alert history export.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 characters without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a cloud: use aws, azure or gcp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: the namespace, metric, dimensions and statistic of the series the rule watches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names and values must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) must be below critical (%2) for a rule that alerts above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) must be above critical (%2) for a rule that alerts below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts above, it must be at or below critical (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts below, it must be at or above critical (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a warning threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts above, it must be at or below warning (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) is on the wrong side: for a rule that alerts below, it must be at or above warning (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known unit: use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot show a series measured in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) must be between 1 and evaluationPeriods (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an https URL (plain http only on loopback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;above&quot; or &quot;below&quot;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required: &quot;above&quot; or &quot;below&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a CloudWatch unit name (e.g. Microseconds, Percent, Bytes, Count).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be missing, ignore, notBreaching or breaching, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>mlwatch::ChartExportController</name>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG at 2×…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all charts in this tab…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all charts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all charts of “%1” to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder will be replaced.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be saved; the others were saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartExportOptionsDialog</name>
    <message>
        <source>Export all charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;1× (as on screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;2× (sharper, for slides and print)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visible range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Everything loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Long: timestamp, series, value, unit (like mlwatch-cli query)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wide: one column per series (for spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raw, as the cloud reports them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the chart &amp;shows them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range (UTC timestamps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartExporter</name>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::DefaultRules</name>
    <message>
        <source>Model latency — %1</source>
        <translation type="unfinished">Modelllatenz — %1</translation>
    </message>
    <message>
        <source>Critical above %3 ms: the seed&apos;s latency limit for an interactive model. Warning above %1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the line does not flap (the #1 alerting request, grafana#6202). 3 of the last 5 minutes: one slow minute is not an incident. No requests means no latency, so missing minutes count as fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server errors (5XX) — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5XX errors are failures of the model container (4XX are the clients&apos; mistakes and are not alerted on). Warning above %1 and critical above %3 errors a minute, in 3 of the last 5 minutes; it recovers below %2 / %4 a minute so a trickle of errors does not flap. SageMaker publishes no datapoint without traffic, so missing minutes count as error-free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint CPU — %1</source>
        <translation type="unfinished">Endpunkt-CPU — %1</translation>
    </message>
    <message>
        <source>Warning above %1 %: time to add instances before latency suffers; critical above %3 %. 8 of the last 10 minutes, so a short burst of traffic does not page anyone; recovery 5 points lower (%2 % / %4 %). An endpoint that stops publishing CPU is reported as no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint memory — %1</source>
        <translation type="unfinished">Endpunkt-Arbeitsspeicher — %1</translation>
    </message>
    <message>
        <source>A model server that runs out of memory restarts and drops requests: warning above %1 %, critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing memory — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature jobs that load more data than fits in memory slow down or fail. The peak, not the average, is what runs out: warning above %1 %, critical above %3 %, sustained for 4 of 5 minutes; recovery 5 points lower (%2 % / %4 %). Processing jobs run for hours with nothing in between, so minutes without a job count as fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training memory — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running out of host memory stops a training job: warning above %1 %, critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %). Minutes without a running job count as fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full disk stops checkpoints and the job with them: warning above %1 %, critical above %3 %, in 3 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A processing job whose output fills the disk fails at the end, after hours of work: warning above %1 %, critical above %3 %, in 3 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow evaluation queries — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation queries that take longer than %1 ms (warning) or %3 ms (critical) on average, in 2 of the last 3 five-minute periods, usually scan a growing, unpartitioned dataset, and Athena bills by the data scanned. Recovery 10 % lower (%2 ms / %4 ms). Periods without queries count as fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift of %2 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Monitor flags a feature whose distance from the training baseline exceeds %1 (warning); %3 is critical. One value per hourly monitoring run, so each run is judged on its own; recovery 20 % lower (%2 / %4). An hour without a run keeps the state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications are off: there is no D-Bus session bus. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications are off: the notification service did not answer. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications are off: no notification service (org.freedesktop.Notifications) is running on the session bus. Alerts still show in MLWatch&apos;s window and tray.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the answer from %2 is larger than %3 MiB and was not read.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart menu: %1</source>
        <translation type="unfinished"></translation>
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
    <name>mlwatch::NotificationText</name>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is firing (%2): %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 escalated to %2: %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 eased to %2: %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolved (was %2): %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no data since %2 (was firing, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is still firing (%2): %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still firing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n firing</source>
        <comment>alerts</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resolved</source>
        <comment>alerts</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without data</source>
        <comment>alerts</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <comment>alerts</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mlwatch::Reader</name>
    <message>
        <source>must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportCsvWriter</name>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportDataFetcher</name>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data could be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 was closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportPdfWriter</name>
    <message>
        <source>Weekly review %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · weekly review %2</source>
        <comment>workspace · weekly review &lt;week&gt;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same days one week earlier (%1 – %2), drawn faintly behind this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week over week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert rules: nothing was watched, so nothing could fire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the alert history recorded while MLWatch ran. Rules: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert history was recorded, so the alert rules were replayed over this range&apos;s data. Rules: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts fired: %1 (critical %2, warning %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in alert: %1 (at least one rule firing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisiest rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fired in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts have no resources that MLWatch charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this range: none of the %1 charts has a datapoint between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 charts have data in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No charts for this stage: the accounts have no resources of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts without data in this range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was reported between %1 and %2 (%3): jobs that did not run, or resources that were idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (data last week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50, p95 and max of every series: this week against the same days one week earlier. Percentiles are nearest-rank over the datapoints of each week; &quot;—&quot; means no data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series without data in either week are not listed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No charts, so no metrics to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this range or the week before it: nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert changed state in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more changes: every one is in alerts.csv.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportText</name>
    <message>
        <source>Data preparation</source>
        <translation type="unfinished">Datenaufbereitung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished">Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished">Evaluierung</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished">Bereitstellung</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished">Überwachung</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing jobs that prepare the training data: memory and CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training jobs: whether the GPUs were busy or waiting for data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation queries and the datasets they read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint capacity: CPU and memory of the serving instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic, errors, latency and drift of the models in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>first day – last day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>duration: days and hours</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration: hours and minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration: minutes</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::ReportWeek</name>
    <message>
        <source>&quot;%1&quot; is not an ISO week: write YYYY-Www, e.g. 2026-W47.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no ISO week %2: its weeks are 1 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time zone is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report&apos;s start must be before its end.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every chart of this tab as PNG and CSV into a folder</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::WebhookNotifier</name>
    <message>
        <source>The webhook URL is not a valid http(s) address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL must start with https:// (it starts with %1://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to post a webhook over unencrypted HTTP to %1. Use https:// (plain http is allowed only for this computer&apos;s loopback address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook of rule “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook at %1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (attempts: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::WeeklyReport</name>
    <message>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::WeeklyReportWriter</name>
    <message>
        <source>No output folder given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty: choose an empty folder, or overwrite the report in it explicitly (--force).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mlwatch::WorkspaceFile</name>
    <message>
        <source>workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the workspace %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the workspace %1.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected a &quot;[section]&quot; header or a &quot;key = value&quot; line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; uses &quot;%2&quot; (in %3), which MLWatch does not support yet. Use a profile with aws_access_key_id and aws_secret_access_key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; in %2 has only half a key pair: &quot;%3&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only half of an AWS key pair is set in the environment: %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time such as 2024-05-01T12:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; was not found in %2 or %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AWS credentials found. MLWatch looked for AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, then for aws_access_key_id and aws_secret_access_key in profile &quot;%1&quot; of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AWS credentials found. MLWatch looked for aws_access_key_id and aws_secret_access_key in profile &quot;%1&quot; of %2 (the environment&apos;s keys are not used when --profile is given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; (from %2) is not an AWS region name such as us-east-1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AWS region is set. Pass --region (for example --region us-east-1), set AWS_REGION or AWS_DEFAULT_REGION, or add &quot;region = us-east-1&quot; to profile &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint from %1 is not an http:// or https:// URL with a host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GetMetricData answer has no MetricDataResults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A timestamp in the GetMetricData answer is not ISO 8601.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value in the GetMetricData answer is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 answer is not well-formed XML (line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GetMetricData answer is not a GetMetricDataResponse document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GetMetricData answer has no GetMetricDataResult.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ListMetrics answer is not a ListMetricsResponse document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ListMetrics answer has no ListMetricsResult.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result in the GetMetricData answer has no Id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 answer is not valid JSON; it may have been cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps and Values differ in length for %1 (%L2 and %L3).</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>mlwatch::aws::CloudWatchProvider</name>
    <message>
        <source>%1: CloudWatch GetMetricData answered with something MLWatch cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch returned %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch ListMetrics for %2 answered with something MLWatch cannot read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 failed with HTTP status %3 and no AWS error details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 is throttled (%3) even after %4 attempts. Refresh less often, chart fewer metrics, or ask AWS for a higher quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: AWS rejected %2 because this computer&apos;s clock is off. Set the clock automatically (NTP) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: signed in, but not allowed to call cloudwatch:%2 in %3. Ask for that permission in IAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the temporary AWS credentials have expired. Get new ones and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: AWS rejected the credentials for %2 (%3). Check the access key id and secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 failed on the AWS side (%3) after %4 attempts. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: CloudWatch %2 refused the request: %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
