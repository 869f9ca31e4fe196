<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountEditorDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>e.g. prod</source>
        <translation>z. B. prod</translation>
    </message>
    <message>
        <source>Letters, digits, “.”, “_” and “-”; up to 64 characters</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“; bis zu 64 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>optional: shown instead of the id</source>
        <translation>optional: wird statt der ID angezeigt</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Kontodetails</translation>
    </message>
    <message>
        <source>Access &amp;key id:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Access key id</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>AKIA…</source>
        <translation>AKIA…</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>Sitzungs-&amp;Token:</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Sitzungstoken</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>nur für temporäre Zugangsdaten</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>Temporary credentials stop working at this time; MLWatch warns 15 minutes before</source>
        <translation>Temporäre Zugangsdaten funktionieren ab diesem Zeitpunkt nicht mehr; MLWatch warnt 15 Minuten vorher</translation>
    </message>
    <message>
        <source>Expiry of the temporary credentials</source>
        <translation>Ablauf der temporären Zugangsdaten</translation>
    </message>
    <message>
        <source>&amp;Regions:</source>
        <translation>&amp;Regionen:</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>us-east-1, eu-west-1</source>
        <translation>us-east-1, eu-west-1</translation>
    </message>
    <message>
        <source>Comma-separated; the first is the one MLWatch opens</source>
        <translation>Durch Kommas getrennt; MLWatch öffnet die erste</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>CloudWatch endpoint override</source>
        <translation>Abweichender CloudWatch-Endpunkt</translation>
    </message>
    <message>
        <source>empty: the region&apos;s CloudWatch endpoint</source>
        <translation>leer: CloudWatch-Endpunkt der Region</translation>
    </message>
    <message>
        <source>&amp;Tenant id:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com</source>
        <translation>00000000-0000-0000-0000-000000000000 oder contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>00000000-0000-0000-0000-000000000000</source>
        <translation>00000000-0000-0000-0000-000000000000</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Su&amp;bscriptions:</source>
        <translation>A&amp;bonnements:</translation>
    </message>
    <message>
        <source>Subscription ids</source>
        <translation>Abonnement-IDs</translation>
    </message>
    <message>
        <source>subscription ids, comma-separated</source>
        <translation>Abonnement-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Authority host:</source>
        <translation>&amp;Autoritätshost:</translation>
    </message>
    <message>
        <source>Authority host</source>
        <translation>Autoritätshost</translation>
    </message>
    <message>
        <source>empty: https://login.microsoftonline.com</source>
        <translation>leer: https://login.microsoftonline.com</translation>
    </message>
    <message>
        <source>A&amp;RM endpoint:</source>
        <translation>A&amp;RM-Endpunkt:</translation>
    </message>
    <message>
        <source>Azure Resource Manager endpoint</source>
        <translation>Endpunkt für Azure Resource Manager</translation>
    </message>
    <message>
        <source>empty: https://management.azure.com</source>
        <translation>leer: https://management.azure.com</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Choose &amp;key file…</source>
        <translation>&amp;Schlüsseldatei wählen…</translation>
    </message>
    <message>
        <source>A service-account key or an authorized-user application-default credentials file (JSON)</source>
        <translation>Ein Dienstkontoschlüssel oder eine Datei mit Application Default Credentials eines autorisierten Benutzers (JSON)</translation>
    </message>
    <message>
        <source>&amp;Projects:</source>
        <translation>&amp;Projekte:</translation>
    </message>
    <message>
        <source>Project ids</source>
        <translation>Projekt-IDs</translation>
    </message>
    <message>
        <source>project ids, comma-separated</source>
        <translation>Projekt-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Cloud Monitoring endpoint override</source>
        <translation>Abweichender Endpunkt für Cloud Monitoring</translation>
    </message>
    <message>
        <source>empty: https://monitoring.googleapis.com</source>
        <translation>leer: https://monitoring.googleapis.com</translation>
    </message>
    <message>
        <source>Problems with the account</source>
        <translation>Probleme mit dem Konto</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>The cloud accounts MLWatch can use on this computer. Their secrets live only in the system keychain. MLWatch opens the first AWS account of the list when it starts.</source>
        <translation>Die Cloud-Konten, die MLWatch auf diesem Computer verwenden kann. Ihre Geheimnisse liegen ausschließlich im Schlüsselbund des Systems. Beim Start öffnet MLWatch das erste AWS-Konto der Liste.</translation>
    </message>
    <message>
        <source>Accounts on this computer</source>
        <translation>Konten auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Add an AWS, Azure or Google Cloud account by hand</source>
        <translation>Ein AWS-, Azure- oder Google-Cloud-Konto manuell hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Change the selected account (Enter)</source>
        <translation>Ausgewähltes Konto ändern (Eingabetaste)</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the account</source>
        <translation>Konto umbenennen</translation>
    </message>
    <message>
        <source>Change the selected account&apos;s id (F2)</source>
        <translation>ID des ausgewählten Kontos ändern (F2)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the selected account and its secret (Delete)</source>
        <translation>Ausgewähltes Konto und sein Geheimnis entfernen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import credentials</source>
        <translation>Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>Import credentials already on this computer: ~/.aws, AZURE_* variables, gcloud</source>
        <translation>Bereits auf diesem Computer vorhandene Zugangsdaten importieren: ~/.aws, AZURE_*-Variablen, gcloud</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>One cheap read call with the selected account (Ctrl+T)</source>
        <translation>Ein günstiger Lesezugriff mit dem ausgewählten Konto (Strg+T)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Kontodetails</translation>
    </message>
    <message>
        <source>Where the secrets are</source>
        <translation>Speicherort der Geheimnisse</translation>
    </message>
    <message>
        <source>Expiry of the credentials</source>
        <translation>Ablauf der Zugangsdaten</translation>
    </message>
    <message>
        <source>Last connection test</source>
        <translation>Letzter Verbindungstest</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
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
    <message>
        <source>must be an array of strings.</source>
        <translation>muss ein Array von Zeichenketten sein.</translation>
    </message>
    <message>
        <source>must be a non-empty string.</source>
        <translation>muss eine nicht leere Zeichenkette sein.</translation>
    </message>
    <message>
        <source>The keychain entry of account “%1” is not a readable MLWatch secret: add the account&apos;s credentials again.</source>
        <translation>Der Schlüsselbund-Eintrag des Kontos „%1“ ist kein lesbares MLWatch-Geheimnis: Fügen Sie die Zugangsdaten des Kontos erneut hinzu.</translation>
    </message>
    <message>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
    <message>
        <source>Azure</source>
        <translation>Azure</translation>
    </message>
    <message>
        <source>Google Cloud</source>
        <translation>Google Cloud</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; is a %2 account, not an AWS account.</source>
        <translation>Das Konto &quot;%1&quot; ist ein %2-Konto, kein AWS-Konto.</translation>
    </message>
    <message>
        <source>access key id</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>secret access key</source>
        <translation>geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>The keychain entry of account &quot;%1&quot; is incomplete (%2 missing). Enter the keys again in Accounts… or re-import the account.</source>
        <translation>Der Schlüsselbund-Eintrag des Kontos &quot;%1&quot; ist unvollständig (es fehlt: %2). Geben Sie die Schlüssel unter Konten… erneut ein oder importieren Sie das Konto erneut.</translation>
    </message>
    <message>
        <source>The temporary credentials of account &quot;%1&quot; expired at %2. Get new ones (for example with your SSO or vault tool) and update the account.</source>
        <translation>Die temporären Zugangsdaten des Kontos &quot;%1&quot; sind am %2 abgelaufen. Besorgen Sie neue (zum Beispiel mit Ihrem SSO- oder Vault-Werkzeug) und aktualisieren Sie das Konto.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; has no region. Add one in Accounts… or pass --region (for example --region us-east-1).</source>
        <translation>Das Konto &quot;%1&quot; hat keine Region. Fügen Sie unter Konten… eine hinzu oder geben Sie --region an (zum Beispiel --region us-east-1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS region name such as us-east-1 (account &quot;%2&quot;).</source>
        <translation>&quot;%1&quot; ist kein AWS-Regionsname wie us-east-1 (Konto &quot;%2&quot;).</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// URL without a user name; the account is imported without it.</source>
        <translation>%1 ist keine http://- oder https://-URL ohne Benutzernamen; das Konto wird ohne diese Angabe importiert.</translation>
    </message>
    <message>
        <source>The profile uses AWS IAM Identity Center (SSO) (&quot;%1&quot; in %2), which MLWatch does not support yet.</source>
        <translation>Das Profil verwendet AWS IAM Identity Center (SSO) (&quot;%1&quot; in %2), was MLWatch noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>The profile gets its keys from an external program (&quot;%1&quot; in %2), which MLWatch does not run.</source>
        <translation>Das Profil bezieht seine Schlüssel aus einem externen Programm (&quot;%1&quot; in %2), das MLWatch nicht ausführt.</translation>
    </message>
    <message>
        <source>The profile uses web identity federation (&quot;%1&quot; in %2), which MLWatch does not support yet.</source>
        <translation>Das Profil verwendet Web-Identity-Föderation (&quot;%1&quot; in %2), was MLWatch noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>The profile takes its keys from another profile (&quot;%1&quot; in %2), which MLWatch does not support yet.</source>
        <translation>Das Profil übernimmt seine Schlüssel aus einem anderen Profil (&quot;%1&quot; in %2), was MLWatch noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>The profile assumes an IAM role (&quot;%1&quot; in %2), which MLWatch does not support yet.</source>
        <translation>Das Profil übernimmt eine IAM-Rolle (&quot;%1&quot; in %2), was MLWatch noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>The profile has only half a key pair in %1: &quot;%2&quot; is missing.</source>
        <translation>Das Profil hat in %1 nur ein halbes Schlüsselpaar: &quot;%2&quot; fehlt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 is not an ISO 8601 time such as 2024-05-01T12:00:00Z.</source>
        <translation>&quot;%1&quot; in %2 ist keine ISO-8601-Zeit wie 2024-05-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>The region of %1 is not an AWS region name such as us-east-1; the account is imported without a region.</source>
        <translation>Die Region von %1 ist kein AWS-Regionsname wie us-east-1; das Konto wird ohne Region importiert.</translation>
    </message>
    <message>
        <source>AWS_* variables</source>
        <translation>AWS_*-Variablen</translation>
    </message>
    <message>
        <source>the AWS_* variables</source>
        <translation>die AWS_*-Variablen</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, profile “%2”</source>
        <translation>%1, Profil „%2“</translation>
    </message>
    <message>
        <source>profile “%1”</source>
        <translation>Profil „%1“</translation>
    </message>
    <message>
        <source>The profile has no aws_access_key_id and aws_secret_access_key in %1.</source>
        <translation>Das Profil enthält in %1 weder aws_access_key_id noch aws_secret_access_key.</translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is missing or empty.</source>
        <translation>%1: Das Feld &quot;%2&quot; fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is not a string.</source>
        <translation>%1: Das Feld &quot;%2&quot; ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>AZURE_* variables</source>
        <translation>AZURE_*-Variablen</translation>
    </message>
    <message>
        <source>The service principal signs in with a client certificate (AZURE_CLIENT_CERTIFICATE_PATH), which MLWatch does not support yet; it needs AZURE_CLIENT_SECRET.</source>
        <translation>Der Dienstprinzipal meldet sich mit einem Clientzertifikat an (AZURE_CLIENT_CERTIFICATE_PATH), was MLWatch noch nicht unterstützt; MLWatch benötigt AZURE_CLIENT_SECRET.</translation>
    </message>
    <message>
        <source>Not all Azure variables are set: %1 missing.</source>
        <translation>Nicht alle Azure-Variablen sind gesetzt; es fehlt: %1.</translation>
    </message>
    <message>
        <source>key file %1</source>
        <translation>Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>GOOGLE_APPLICATION_CREDENTIALS (%1)</source>
        <translation>GOOGLE_APPLICATION_CREDENTIALS (%1)</translation>
    </message>
    <message>
        <source>gcloud application-default credentials (%1)</source>
        <translation>Application Default Credentials von gcloud (%1)</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB, which no credentials file is; it was not read.</source>
        <translation>%1 ist größer als %2 KiB, so groß ist keine Datei mit Zugangsdaten; die Datei wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at offset %3.</source>
        <translation>%1 ist kein gültiges JSON: %2 an Position %3.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1: the field &quot;private_key&quot; does not hold a PEM private key (-----BEGIN PRIVATE KEY-----).</source>
        <translation>%1: Das Feld &quot;private_key&quot; enthält keinen privaten PEM-Schlüssel (-----BEGIN PRIVATE KEY-----).</translation>
    </message>
    <message>
        <source>%1 holds credentials of type &quot;%2&quot;, which MLWatch does not support yet; use a service-account key or run &quot;gcloud auth application-default login&quot;.</source>
        <translation>%1 enthält Zugangsdaten vom Typ &quot;%2&quot;, die MLWatch noch nicht unterstützt; verwenden Sie einen Dienstkontoschlüssel oder führen Sie &quot;gcloud auth application-default login&quot; aus.</translation>
    </message>
    <message>
        <source>%1 has an unknown &quot;type&quot;; MLWatch reads &quot;service_account&quot; and &quot;authorized_user&quot; files.</source>
        <translation>%1 hat einen unbekannten &quot;type&quot;; MLWatch liest Dateien vom Typ &quot;service_account&quot; und &quot;authorized_user&quot;.</translation>
    </message>
    <message>
        <source>No D-Bus session bus: MLWatch needs a desktop session with a keychain (Secret Service) to keep its secrets. Start MLWatch from your desktop session, or run it under dbus-run-session with gnome-keyring started.</source>
        <translation>Kein D-Bus-Sitzungsbus: MLWatch benötigt eine Desktop-Sitzung mit Schlüsselbund (Secret Service), um seine Geheimnisse aufzubewahren. Starten Sie MLWatch aus Ihrer Desktop-Sitzung oder führen Sie es unter dbus-run-session mit gestartetem gnome-keyring aus.</translation>
    </message>
    <message>
        <source>No Secret Service on the session bus: install/start gnome-keyring or KWallet.</source>
        <translation>Kein Secret Service auf dem Sitzungsbus: Installieren/starten Sie gnome-keyring oder KWallet.</translation>
    </message>
    <message>
        <source>The Secret Service has no default keyring to store secrets in: log in to your desktop once, or create a keyring in Passwords and Keys (Seahorse) and make it the default.</source>
        <translation>Der Secret Service hat keinen Standard-Schlüsselbund zum Speichern von Geheimnissen: Melden Sie sich einmal an Ihrem Desktop an oder legen Sie in der Anwendung Passwörter und Verschlüsselung (Seahorse) einen Schlüsselbund an und machen Sie ihn zum Standard.</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it (log in again, or open Passwords and Keys) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt: Entsperren Sie ihn (melden Sie sich erneut an oder öffnen Sie Passwörter und Verschlüsselung) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied: allow MLWatch when the keychain asks, or unlock the keychain, and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert: Erlauben Sie MLWatch den Zugriff, wenn der Schlüsselbund nachfragt, oder entsperren Sie den Schlüsselbund, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available on this system: MLWatch keeps secrets only in %1 and never in a file. Install or enable it and try again.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar: MLWatch bewahrt Geheimnisse nur in %1 auf, niemals in einer Datei. Installieren oder aktivieren Sie diesen Dienst und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain refused the request: check that %1 is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund hat die Anfrage abgelehnt: Prüfen Sie, ob der Dienst zu %1 läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No secret stored for account “%1” in %2: add it again in Accounts… or with mlwatch-cli accounts import.</source>
        <translation>Für das Konto „%1“ ist in %2 kein Geheimnis gespeichert: Fügen Sie es unter Konten… oder mit mlwatch-cli accounts import erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A chart added in the metric browser: &quot;&lt;metric&gt; — &lt;resource&gt;&quot;.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <extracomment>&quot;&lt;metric&gt; (&lt;statistic&gt;) — &lt;resource&gt;&quot;, e.g. &quot;ModelLatency (p99) — churn&quot;.</extracomment>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <source>Added in the metric browser: %1 of %2 (%3).</source>
        <translation>Im Metrik-Browser hinzugefügt: %1 von %2 (%3).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>darf nicht leer sein.</translation>
    </message>
    <message>
        <source>must be a whole number of seconds from 1.</source>
        <translation>muss eine ganze Zahl von Sekunden ab 1 sein.</translation>
    </message>
    <message>
        <source>must be a JSON object of names and values.</source>
        <translation>muss ein JSON-Objekt aus Namen und Werten sein.</translation>
    </message>
    <message>
        <source>is required: &quot;aws&quot;, &quot;azure&quot; or &quot;gcp&quot;.</source>
        <translation>ist erforderlich: &quot;aws&quot;, &quot;azure&quot; oder &quot;gcp&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an account kind this version supports: use &quot;aws&quot;, &quot;azure&quot; or &quot;gcp&quot;.</source>
        <translation>&quot;%1&quot; ist keine Kontoart, die diese Version unterstützt: &quot;aws&quot;, &quot;azure&quot; oder &quot;gcp&quot; verwenden.</translation>
    </message>
    <message>
        <source>this workspace was written by a newer MLWatch (version %1); this one reads up to %2: update MLWatch to open it.</source>
        <translation>dieser Arbeitsbereich wurde von einem neueren MLWatch (Version %1) geschrieben; diese Version liest bis %2: MLWatch aktualisieren, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another chart.</source>
        <translation>&quot;%1&quot; wird bereits von einem anderen Diagramm verwendet.</translation>
    </message>
</context>
<context>
    <name>mlwatch::Account</name>
    <message>
        <source>secrets never go into the account list: they live only in the keychain. Remove this member and add the account&apos;s credentials again in Accounts… or with mlwatch-cli accounts import.</source>
        <translation>Geheimnisse gehören nie in die Kontenliste: Sie liegen nur im Schlüsselbund. Entfernen Sie diesen Eintrag und fügen Sie die Zugangsdaten des Kontos unter Konten… oder mit mlwatch-cli accounts import erneut hinzu.</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid account id: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>&quot;%1&quot; ist keine gültige Konto-ID: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>is required: &quot;aws&quot;, &quot;azure&quot; or &quot;gcp&quot;.</source>
        <translation>ist erforderlich: &quot;aws&quot;, &quot;azure&quot; oder &quot;gcp&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an account kind: use &quot;aws&quot;, &quot;azure&quot; or &quot;gcp&quot;.</source>
        <translation>&quot;%1&quot; ist keine Kontoart: Verwenden Sie &quot;aws&quot;, &quot;azure&quot; oder &quot;gcp&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time, e.g. &quot;2025-01-31T18:00:00Z&quot;.</source>
        <translation>&quot;%1&quot; ist kein Datum mit Uhrzeit nach ISO 8601, z. B. &quot;2025-01-31T18:00:00Z&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;json&quot; or &quot;query&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;json&quot; oder &quot;query&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;service_account&quot; or &quot;authorized_user&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;service_account&quot; oder &quot;authorized_user&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>&quot;%1&quot; ist keine http(s)-URL.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountConnectionTester</name>
    <message>
        <source>No Google credentials are stored for account %1. Import the key file again in the Accounts dialog.</source>
        <translation>Für das Konto %1 sind keine Google-Zugangsdaten gespeichert. Importieren Sie die Schlüsseldatei im Kontendialog erneut.</translation>
    </message>
    <message>
        <source>No access key is stored for account %1. Enter the access key id and secret access key in the Accounts dialog.</source>
        <translation>Für das Konto %1 ist kein Zugriffsschlüssel gespeichert. Geben Sie die Zugriffsschlüssel-ID und den geheimen Zugriffsschlüssel im Kontendialog ein.</translation>
    </message>
    <message>
        <source>Not signed in: the temporary credentials of account %1 expired at %2. Get new ones and store them in the Accounts dialog.</source>
        <translation>Nicht angemeldet: Die temporären Zugangsdaten des Kontos %1 sind am %2 abgelaufen. Besorgen Sie neue und speichern Sie sie im Kontendialog.</translation>
    </message>
    <message>
        <source>Account %1 names no region to test. Add a region in the Accounts dialog.</source>
        <translation>Für das Konto %1 ist keine Region zum Testen angegeben. Fügen Sie im Kontendialog eine Region hinzu.</translation>
    </message>
    <message>
        <source>Signed in; CloudWatch metrics can be read in %1.</source>
        <translation>Angemeldet; CloudWatch-Metriken können in %1 gelesen werden.</translation>
    </message>
    <message>
        <source>Could not reach CloudWatch in %1: %2</source>
        <translation>CloudWatch in %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1: signed in; GetMetricData works.</source>
        <translation>%1: angemeldet; GetMetricData funktioniert.</translation>
    </message>
    <message>
        <source>The endpoint for %1 answered, but not like CloudWatch. Check the endpoint URL.</source>
        <translation>Der Endpunkt für %1 hat geantwortet, aber nicht wie CloudWatch. Prüfen Sie die URL des Endpunkts.</translation>
    </message>
    <message>
        <source>Signed in to tenant %1; can read subscriptions: %2.</source>
        <translation>Beim Mandanten %1 angemeldet; lesbare Abonnements: %2.</translation>
    </message>
    <message>
        <source>Signed in to tenant %1, but the account names no subscription to check. Add a subscription id in the Accounts dialog.</source>
        <translation>Beim Mandanten %1 angemeldet, aber für das Konto ist kein zu prüfendes Abonnement angegeben. Fügen Sie im Kontendialog eine Abonnement-ID hinzu.</translation>
    </message>
    <message>
        <source>Reading subscription %1</source>
        <translation>Abonnement %1 wird gelesen</translation>
    </message>
    <message>
        <source>Signed in, but Azure Resource Manager could not be reached: %1</source>
        <translation>Angemeldet, aber Azure Resource Manager ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Subscription %1: readable.</source>
        <translation>Abonnement %1: lesbar.</translation>
    </message>
    <message>
        <source>Subscription %1 (%2): readable.</source>
        <translation>Abonnement %1 (%2): lesbar.</translation>
    </message>
    <message>
        <source>Signed in as %1; Cloud Monitoring can be read in projects: %2.</source>
        <translation>Als %1 angemeldet; Cloud Monitoring ist in diesen Projekten lesbar: %2.</translation>
    </message>
    <message>
        <source>Signed in as %1, but the account names no project to check. Add a project id in the Accounts dialog.</source>
        <translation>Als %1 angemeldet, aber für das Konto ist kein zu prüfendes Projekt angegeben. Fügen Sie im Kontendialog eine Projekt-ID hinzu.</translation>
    </message>
    <message>
        <source>Reading metric descriptors of project %1</source>
        <translation>Metrikdeskriptoren des Projekts %1 werden gelesen</translation>
    </message>
    <message>
        <source>Signed in, but Cloud Monitoring could not be reached: %1</source>
        <translation>Angemeldet, aber Cloud Monitoring ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Project %1: Cloud Monitoring is readable.</source>
        <translation>Projekt %1: Cloud Monitoring ist lesbar.</translation>
    </message>
    <message>
        <source>CloudWatch in %1 failed with HTTP status %2. Try again later.</source>
        <translation>CloudWatch in %1 ist mit HTTP-Status %2 fehlgeschlagen. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The endpoint for %1 answered HTTP status %2 without an AWS error. Check the endpoint URL.</source>
        <translation>Der Endpunkt für %1 hat mit HTTP-Status %2 ohne AWS-Fehler geantwortet. Prüfen Sie die URL des Endpunkts.</translation>
    </message>
    <message>
        <source>Signed in, but not allowed to call cloudwatch:GetMetricData in %1.</source>
        <translation>Angemeldet, aber ohne Berechtigung für cloudwatch:GetMetricData in %1.</translation>
    </message>
    <message>
        <source>Not signed in (%1): the temporary credentials have expired (%2). Get new ones and store them in the Accounts dialog.</source>
        <translation>Nicht angemeldet (%1): Die temporären Zugangsdaten sind abgelaufen (%2). Besorgen Sie neue und speichern Sie sie im Kontendialog.</translation>
    </message>
    <message>
        <source>Not signed in (%1): AWS does not know the access key %2 (%3). Check the access key id; the key may have been deleted or deactivated.</source>
        <translation>Nicht angemeldet (%1): AWS kennt den Zugriffsschlüssel %2 nicht (%3). Prüfen Sie die Zugriffsschlüssel-ID; der Schlüssel wurde möglicherweise gelöscht oder deaktiviert.</translation>
    </message>
    <message>
        <source>Not signed in (%1): the secret access key does not belong to the access key %2 (%3). Enter the secret access key again.</source>
        <translation>Nicht angemeldet (%1): Der geheime Zugriffsschlüssel gehört nicht zum Zugriffsschlüssel %2 (%3). Geben Sie den geheimen Zugriffsschlüssel erneut ein.</translation>
    </message>
    <message>
        <source>Not signed in (%1): AWS rejected the credentials (%2).</source>
        <translation>Nicht angemeldet (%1): AWS hat die Zugangsdaten abgelehnt (%2).</translation>
    </message>
    <message>
        <source>Not signed in (%1): AWS says this computer&apos;s clock is off (%2). Set the clock automatically (NTP) and try again.</source>
        <translation>Nicht angemeldet (%1): Laut AWS geht die Uhr dieses Computers falsch (%2). Stellen Sie die Uhr automatisch (NTP) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>CloudWatch in %1 is throttling requests (%2). Test again in a minute.</source>
        <translation>CloudWatch in %1 drosselt Anfragen (%2). Testen Sie in einer Minute erneut.</translation>
    </message>
    <message>
        <source>CloudWatch in %1 failed on the AWS side (%2). Try again later.</source>
        <translation>CloudWatch in %1 ist auf AWS-Seite fehlgeschlagen (%2). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Signed in, but CloudWatch in %1 refused the test call: %2 (%3).</source>
        <translation>Angemeldet, aber CloudWatch in %1 hat den Testaufruf abgelehnt: %2 (%3).</translation>
    </message>
    <message>
        <source>Signed in, but not allowed to read subscription %1 (%2). Ask for the Monitoring Reader role on it.</source>
        <translation>Angemeldet, aber ohne Berechtigung zum Lesen des Abonnements %1 (%2). Beantragen Sie dafür die Rolle Monitoring Reader.</translation>
    </message>
    <message>
        <source>Signed in, but subscription %1 was not found (%2). Check the id and that the subscription belongs to tenant %3.</source>
        <translation>Angemeldet, aber das Abonnement %1 wurde nicht gefunden (%2). Prüfen Sie die ID und ob das Abonnement zum Mandanten %3 gehört.</translation>
    </message>
    <message>
        <source>Signed in, but Azure Resource Manager did not accept the token for subscription %1 (%2). Check that the subscription belongs to tenant %3.</source>
        <translation>Angemeldet, aber Azure Resource Manager hat das Token für das Abonnement %1 nicht akzeptiert (%2). Prüfen Sie, ob das Abonnement zum Mandanten %3 gehört.</translation>
    </message>
    <message>
        <source>Signed in, but Azure Resource Manager is throttling requests (%1). Test again in a minute.</source>
        <translation>Angemeldet, aber Azure Resource Manager drosselt Anfragen (%1). Testen Sie in einer Minute erneut.</translation>
    </message>
    <message>
        <source>Signed in, but reading subscription %1 failed with HTTP status %2 (%3).</source>
        <translation>Angemeldet, aber das Lesen des Abonnements %1 ist mit HTTP-Status %2 fehlgeschlagen (%3).</translation>
    </message>
    <message>
        <source>Signed in, but the Cloud Monitoring API is not enabled in project %1. Enable monitoring.googleapis.com in that project.</source>
        <translation>Angemeldet, aber die Cloud Monitoring API ist im Projekt %1 nicht aktiviert. Aktivieren Sie monitoring.googleapis.com in diesem Projekt.</translation>
    </message>
    <message>
        <source>Signed in, but Google wants a quota project for these user credentials (project %1). Run &quot;gcloud auth application-default set-quota-project PROJECT&quot; and import the file again.</source>
        <translation>Angemeldet, aber Google verlangt für diese Benutzer-Zugangsdaten ein Kontingentprojekt (Projekt %1). Führen Sie &quot;gcloud auth application-default set-quota-project PROJECT&quot; aus und importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>Signed in, but not allowed to read metrics of project %1 (%2). Ask for the Monitoring Viewer role on it.</source>
        <translation>Angemeldet, aber ohne Berechtigung zum Lesen der Metriken des Projekts %1 (%2). Beantragen Sie dafür die Rolle Monitoring Viewer.</translation>
    </message>
    <message>
        <source>Signed in, but project %1 was not found (%2).</source>
        <translation>Angemeldet, aber das Projekt %1 wurde nicht gefunden (%2).</translation>
    </message>
    <message>
        <source>Signed in, but Cloud Monitoring did not accept the token for project %1 (%2).</source>
        <translation>Angemeldet, aber Cloud Monitoring hat das Token für das Projekt %1 nicht akzeptiert (%2).</translation>
    </message>
    <message>
        <source>Signed in, but Cloud Monitoring is throttling requests (%1). Test again in a minute.</source>
        <translation>Angemeldet, aber Cloud Monitoring drosselt Anfragen (%1). Testen Sie in einer Minute erneut.</translation>
    </message>
    <message>
        <source>Signed in, but reading project %1 failed with HTTP status %2 (%3).</source>
        <translation>Angemeldet, aber das Lesen des Projekts %1 ist mit HTTP-Status %2 fehlgeschlagen (%3).</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountEditorDialog</name>
    <message>
        <source>The %1 must be an address like https://host/.</source>
        <translation>Der %1 muss eine Adresse wie https://host/ sein.</translation>
    </message>
    <message>
        <source>The %1 must use https:// — plain http:// only goes to this computer (127.0.0.1, localhost).</source>
        <translation>Der %1 muss https:// verwenden — einfaches http:// ist nur für diesen Computer erlaubt (127.0.0.1, localhost).</translation>
    </message>
    <message>
        <source>Temporary credentials expire</source>
        <translation>Temporäre Zugangsdaten laufen ab</translation>
    </message>
    <message>
        <source>Choose key file</source>
        <translation>Schlüsseldatei wählen</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Add %1 account</source>
        <translation>%1-Konto hinzufügen</translation>
    </message>
    <message>
        <source>only for temporary credentials</source>
        <translation>nur für temporäre Zugangsdaten</translation>
    </message>
    <message>
        <source>Edit account “%1”</source>
        <translation>Konto „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Use Rename… in the accounts list to change the id</source>
        <translation>Ändern Sie die ID über Umbenennen… in der Kontenliste</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>manuell hinzugefügt</translation>
    </message>
    <message>
        <source>Enter an id for the account.</source>
        <translation>Geben Sie eine ID für das Konto ein.</translation>
    </message>
    <message>
        <source>The id may hold only letters, digits, “.”, “_” and “-” (up to 64 characters, starting with a letter or digit).</source>
        <translation>Die ID darf nur Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten (bis zu 64 Zeichen, beginnend mit einem Buchstaben oder einer Ziffer).</translation>
    </message>
    <message>
        <source>An account with the id “%1” already exists.</source>
        <translation>Ein Konto mit der ID „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>To replace the stored keys, enter both the access key id and the secret access key (and the session token of temporary credentials).</source>
        <translation>Um die gespeicherten Schlüssel zu ersetzen, geben Sie sowohl die Zugriffsschlüssel-ID als auch den geheimen Zugriffsschlüssel ein (und bei temporären Zugangsdaten das Sitzungstoken).</translation>
    </message>
    <message>
        <source>Enter the access key id.</source>
        <translation>Geben Sie die Zugriffsschlüssel-ID ein.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Geben Sie den geheimen Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>The access key id holds only capital letters and digits (like AKIA…).</source>
        <translation>Die Zugriffsschlüssel-ID besteht nur aus Großbuchstaben und Ziffern (wie AKIA…).</translation>
    </message>
    <message>
        <source>An expiry belongs to temporary credentials: enter their session token too.</source>
        <translation>Ein Ablaufzeitpunkt gehört zu temporären Zugangsdaten: Geben Sie auch deren Sitzungstoken ein.</translation>
    </message>
    <message>
        <source>Enter at least one region (like us-east-1).</source>
        <translation>Geben Sie mindestens eine Region ein (wie us-east-1).</translation>
    </message>
    <message>
        <source>“%1” is not an AWS region (like us-east-1).</source>
        <translation>„%1“ ist keine AWS-Region (wie us-east-1).</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Enter the tenant id.</source>
        <translation>Geben Sie die Mandanten-ID ein.</translation>
    </message>
    <message>
        <source>The tenant id is a GUID or a domain such as contoso.onmicrosoft.com.</source>
        <translation>Die Mandanten-ID ist eine GUID oder eine Domain wie contoso.onmicrosoft.com.</translation>
    </message>
    <message>
        <source>Enter the client id (the application id of the service principal).</source>
        <translation>Geben Sie die Client-ID ein (die Anwendungs-ID des Dienstprinzipals).</translation>
    </message>
    <message>
        <source>The client id is a GUID like 00000000-0000-0000-0000-000000000000.</source>
        <translation>Die Client-ID ist eine GUID wie 00000000-0000-0000-0000-000000000000.</translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation>Geben Sie das Client-Geheimnis ein.</translation>
    </message>
    <message>
        <source>Enter at least one subscription id.</source>
        <translation>Geben Sie mindestens eine Abonnement-ID ein.</translation>
    </message>
    <message>
        <source>“%1” is not a subscription id (a GUID like 00000000-0000-0000-0000-000000000000).</source>
        <translation>„%1“ ist keine Abonnement-ID (eine GUID wie 00000000-0000-0000-0000-000000000000).</translation>
    </message>
    <message>
        <source>authority host</source>
        <translation>Autoritätshost</translation>
    </message>
    <message>
        <source>ARM endpoint</source>
        <translation>ARM-Endpunkt</translation>
    </message>
    <message>
        <source>Choose the key file: a service-account key or an application-default credentials file.</source>
        <translation>Wählen Sie die Schlüsseldatei: einen Dienstkontoschlüssel oder eine Datei mit Application Default Credentials.</translation>
    </message>
    <message>
        <source>Enter at least one project id.</source>
        <translation>Geben Sie mindestens eine Projekt-ID ein.</translation>
    </message>
    <message>
        <source>“%1” is not a Google Cloud project id (6–30 lower-case letters, digits and hyphens).</source>
        <translation>„%1“ ist keine Google-Cloud-Projekt-ID (6–30 Kleinbuchstaben, Ziffern und Bindestriche).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>token_uri</source>
        <translation>token_uri</translation>
    </message>
    <message>
        <source>Send credentials to %1?</source>
        <translation>Zugangsdaten an %1 senden?</translation>
    </message>
    <message>
        <source>Send this account&apos;s credentials to %1?</source>
        <translation>Die Zugangsdaten dieses Kontos an %1 senden?</translation>
    </message>
    <message>
        <source>%1 is not one of %2&apos;s own addresses. Confirm only a host you chose yourself, such as your company&apos;s proxy: MLWatch then remembers it on this computer and sends this and other accounts&apos; credentials there when they name it.</source>
        <translation>%1 ist keine eigene Adresse von %2. Bestätigen Sie nur einen Host, den Sie selbst gewählt haben, etwa den Proxy Ihres Unternehmens: MLWatch merkt ihn sich dann auf diesem Computer und sendet die Zugangsdaten dieses und anderer Konten dorthin, wenn sie ihn angeben.</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>An %1 senden</translation>
    </message>
    <message>
        <source>%1 was not confirmed; the account was not saved.</source>
        <translation>%1 wurde nicht bestätigt; das Konto wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Choose a Google Cloud key file</source>
        <translation>Google-Cloud-Schlüsseldatei wählen</translation>
    </message>
    <message>
        <source>Credentials (*.json);;All files (*)</source>
        <translation>Zugangsdaten (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 holds no Google Cloud credentials.</source>
        <translation>%1 enthält keine Google-Cloud-Zugangsdaten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Service-account key</source>
        <translation>Dienstkontoschlüssel</translation>
    </message>
    <message>
        <source>Authorized user (application-default credentials)</source>
        <translation>Autorisierter Benutzer (Application Default Credentials)</translation>
    </message>
    <message>
        <source>%1
Read from %2; saved only in %3.</source>
        <translation>%1
Gelesen aus %2; nur in %3 gespeichert.</translation>
    </message>
    <message>
        <source>%1
The key is %2; choose a file only to replace it.</source>
        <translation>%1
Der Schlüssel ist %2; wählen Sie nur dann eine Datei, wenn Sie ihn ersetzen möchten.</translation>
    </message>
    <message>
        <source>No key file chosen.</source>
        <translation>Keine Schlüsseldatei gewählt.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountListModel</name>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Id: %1
From: %2</source>
        <translation>ID: %1
Herkunft: %2</translation>
    </message>
    <message>
        <source>These credentials do not expire</source>
        <translation>Diese Zugangsdaten laufen nicht ab</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Regions / subscriptions / projects</source>
        <translation>Regionen / Abonnements / Projekte</translation>
    </message>
    <message>
        <source>Credentials expire</source>
        <translation>Ablauf der Zugangsdaten</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountSecret</name>
    <message>
        <source>The keychain entry of account “%1” was stored by a newer MLWatch: update MLWatch to use it.</source>
        <translation>Der Schlüsselbund-Eintrag des Kontos „%1“ wurde von einer neueren MLWatch-Version gespeichert: Aktualisieren Sie MLWatch, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>The keychain entry of account “%1” holds %2 credentials, not %3: add the account&apos;s credentials again.</source>
        <translation>Der Schlüsselbund-Eintrag des Kontos „%1“ enthält Zugangsdaten vom Typ %2, nicht %3: Fügen Sie die Zugangsdaten des Kontos erneut hinzu.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountStore</name>
    <message>
        <source>The AWS credentials are incomplete: an access key id and a secret access key are both needed.</source>
        <translation>Die AWS-Zugangsdaten sind unvollständig: Sowohl eine Zugriffsschlüssel-ID als auch ein geheimer Zugriffsschlüssel sind erforderlich.</translation>
    </message>
    <message>
        <source>The Azure credentials are incomplete: the client secret is needed.</source>
        <translation>Die Azure-Zugangsdaten sind unvollständig: Das Client-Geheimnis ist erforderlich.</translation>
    </message>
    <message>
        <source>The Google Cloud credentials are incomplete: the service-account key or application-default credentials file is needed.</source>
        <translation>Die Google-Cloud-Zugangsdaten sind unvollständig: Der Dienstkontoschlüssel oder die Datei mit Application Default Credentials ist erforderlich.</translation>
    </message>
    <message>
        <source>must be &quot;%1&quot;: this is not an MLWatch account list.</source>
        <translation>muss &quot;%1&quot; sein: Dies ist keine MLWatch-Kontenliste.</translation>
    </message>
    <message>
        <source>must be a whole number from 1.</source>
        <translation>muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>%1 is newer than this MLWatch reads (up to %2): update MLWatch.</source>
        <translation>%1 ist neuer, als diese MLWatch-Version lesen kann (bis %2): Aktualisieren Sie MLWatch.</translation>
    </message>
    <message>
        <source>must be a JSON array.</source>
        <translation>muss ein JSON-Array sein.</translation>
    </message>
    <message>
        <source>must be a JSON object.</source>
        <translation>muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used by another account.</source>
        <translation>&quot;%1&quot; wird von einem anderen Konto verwendet.</translation>
    </message>
    <message>
        <source>The account list cannot be changed until it can be read: %1</source>
        <translation>Die Kontenliste kann erst geändert werden, wenn sie gelesen werden kann: %1</translation>
    </message>
    <message>
        <source>“%1” is not a valid account id: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>„%1“ ist keine gültige Konto-ID: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>An account “%1” already exists: choose another id.</source>
        <translation>Ein Konto „%1“ existiert bereits: Wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <source>There is no account “%1”.</source>
        <translation>Es gibt kein Konto „%1“.</translation>
    </message>
    <message>
        <source>Changing the kind of account “%1” needs its new credentials.</source>
        <translation>Um die Art des Kontos „%1“ zu ändern, werden seine neuen Zugangsdaten benötigt.</translation>
    </message>
    <message>
        <source>Account “%1” was renamed to “%2”, but its old keychain entry could not be deleted: %3</source>
        <translation>Das Konto „%1“ wurde in „%2“ umbenannt, aber sein alter Schlüsselbund-Eintrag konnte nicht gelöscht werden: %3</translation>
    </message>
    <message>
        <source>Account “%1” was removed from the list, but its secret could not be deleted from the keychain: %2</source>
        <translation>Das Konto „%1“ wurde aus der Liste entfernt, aber sein Geheimnis konnte nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
    <message>
        <source>There is no account “%1”: add it in Accounts… or with mlwatch-cli accounts import.</source>
        <translation>Es gibt kein Konto „%1“: Fügen Sie es unter Konten… oder mit mlwatch-cli accounts import hinzu.</translation>
    </message>
    <message>
        <source>Cannot write the account list %1.</source>
        <translation>Die Kontenliste %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountTexts</name>
    <message>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>abgelaufen: %1</translation>
    </message>
    <message>
        <source>The temporary credentials expired at %1.</source>
        <translation>Die temporären Zugangsdaten sind am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>The temporary credentials expire at %1 (in %2).</source>
        <translation>Die temporären Zugangsdaten laufen am %1 ab (in %2).</translation>
    </message>
    <message>
        <source>Secrets: stored in %1</source>
        <translation>Geheimnisse: gespeichert in %1</translation>
    </message>
    <message>
        <source>stored in %1</source>
        <translation>gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>mlwatch::AccountsDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;AWS…</source>
        <translation>&amp;AWS…</translation>
    </message>
    <message>
        <source>A&amp;zure…</source>
        <translation>A&amp;zure…</translation>
    </message>
    <message>
        <source>&amp;Google Cloud…</source>
        <translation>&amp;Google Cloud…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>No account yet: add one, or import the credentials already on this computer.</source>
        <translation>Noch kein Konto: Fügen Sie eines hinzu oder importieren Sie die bereits auf diesem Computer vorhandenen Zugangsdaten.</translation>
    </message>
    <message>
        <source>Select an account to see its details.</source>
        <translation>Wählen Sie ein Konto aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>the region&apos;s CloudWatch endpoint</source>
        <translation>CloudWatch-Endpunkt der Region</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Authority host</source>
        <translation>Autoritätshost</translation>
    </message>
    <message>
        <source>ARM endpoint</source>
        <translation>ARM-Endpunkt</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>authorized user (application-default credentials)</source>
        <translation>autorisierter Benutzer (Application Default Credentials)</translation>
    </message>
    <message>
        <source>service-account key</source>
        <translation>Dienstkontoschlüssel</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Dienstkonto</translation>
    </message>
    <message>
        <source>Token URI</source>
        <translation>Token-URI</translation>
    </message>
    <message>
        <source>Quota project</source>
        <translation>Kontingentprojekt</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Last test (%1): %2</source>
        <translation>Letzter Test (%1): %2</translation>
    </message>
    <message>
        <source>Not tested yet: Test connection makes one cheap read call.</source>
        <translation>Noch nicht getestet: „Verbindung testen“ führt einen günstigen Lesezugriff aus.</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>Konto umbenennen</translation>
    </message>
    <message>
        <source>New id for “%1” (letters, digits, “.”, “_” and “-”):</source>
        <translation>Neue ID für „%1“ (Buchstaben, Ziffern, „.“, „_“ und „-“):</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1”?</source>
        <translation>Das Konto „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its secret is deleted from %1. The cloud account itself is not touched.</source>
        <translation>Sein Geheimnis wird aus %1 gelöscht. Das Cloud-Konto selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Could not read the account&apos;s secret: %1</source>
        <translation>Das Geheimnis des Kontos konnte nicht gelesen werden: %1</translation>
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
    <message>
        <source>must be an instance type such as ml.g5.2xlarge: 1 to 64 letters, digits, dots, underscores or hyphens.</source>
        <translation>muss ein Instanztyp wie ml.g5.2xlarge sein: 1 bis 64 Buchstaben, Ziffern, Punkte, Unterstriche oder Bindestriche.</translation>
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
    <message>
        <source>Demo Azure (fraud-ml)</source>
        <translation>Demo-Azure (fraud-ml)</translation>
    </message>
    <message>
        <source>built-in demo</source>
        <translation>eingebaute Demo</translation>
    </message>
    <message>
        <source>Demo clouds (simulated AWS and Azure)</source>
        <translation>Demo-Clouds (simuliertes AWS und Azure)</translation>
    </message>
    <message>
        <source>The account list could not be read</source>
        <translation>Die Kontenliste konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The secret of “%1” could not be read</source>
        <translation>Das Geheimnis von „%1“ konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>“%1” cannot be opened</source>
        <translation>„%1“ kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Custom CA bundle not used</source>
        <translation>Eigenes CA-Bundle nicht verwendet</translation>
    </message>
    <message>
        <source>Demo Google Cloud (%1)</source>
        <translation>Demo-Google-Cloud (%1)</translation>
    </message>
    <message>
        <source>Demo clouds (simulated AWS, Azure and Google Cloud)</source>
        <translation>Demo-Clouds (simuliertes AWS, Azure und Google Cloud)</translation>
    </message>
    <message>
        <source>Demo clouds (simulated AWS and Google Cloud)</source>
        <translation>Demo-Clouds (simuliertes AWS und Google Cloud)</translation>
    </message>
</context>
<context>
    <name>mlwatch::AzureTokenSource</name>
    <message>
        <source>The Azure tenant id &quot;%1&quot; is not valid. Use the directory (tenant) id, a GUID, or the tenant&apos;s domain name.</source>
        <translation>Die Azure-Mandanten-ID &quot;%1&quot; ist ungültig. Verwenden Sie die Verzeichnis-ID (Mandanten-ID), eine GUID oder den Domänennamen des Mandanten.</translation>
    </message>
    <message>
        <source>The Azure account for tenant %1 has no client id. Enter the application (client) id of the app registration.</source>
        <translation>Das Azure-Konto für Mandant %1 hat keine Client-ID. Geben Sie die Anwendungs-ID (Client-ID) der App-Registrierung ein.</translation>
    </message>
    <message>
        <source>No client secret is stored for Azure client %1 in tenant %2. Enter it in Accounts… and try again.</source>
        <translation>Für Azure-Client %1 im Mandanten %2 ist kein Client-Geheimnis gespeichert. Geben Sie es unter Konten… ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Refusing to send the Azure client secret to %1 without TLS. Use an https:// authority host (plain http is allowed only for this computer&apos;s loopback address).</source>
        <translation>Das Azure-Client-Geheimnis wird nicht ohne TLS an %1 gesendet. Verwenden Sie einen https://-Autoritätshost (einfaches http ist nur für die Loopback-Adresse dieses Computers erlaubt).</translation>
    </message>
    <message>
        <source>Azure sign-in</source>
        <translation>Azure-Anmeldung</translation>
    </message>
    <message>
        <source>The Azure sign-in endpoint %1 answered HTTP %2 with something that is not a token response. Check the authority host.</source>
        <translation>Der Azure-Anmeldeendpunkt %1 hat mit HTTP %2 etwas geantwortet, das keine Token-Antwort ist. Prüfen Sie den Autoritätshost.</translation>
    </message>
    <message>
        <source>Entra ID is busy and did not sign in client %1 of tenant %2 (%3). Try again in a minute.</source>
        <translation>Entra ID ist ausgelastet und hat Client %1 von Mandant %2 nicht angemeldet (%3). Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>Azure rejected the client secret of client %1 in tenant %2 (AADSTS7000215). Enter the secret&apos;s value (not its id) from the app registration&apos;s &quot;Certificates &amp; secrets&quot; page.</source>
        <translation>Azure hat das Client-Geheimnis von Client %1 im Mandanten %2 abgelehnt (AADSTS7000215). Geben Sie den Wert des Geheimnisses (nicht seine ID) von der Seite &quot;Zertifikate &amp; Geheimnisse&quot; (Certificates &amp; secrets) der App-Registrierung ein.</translation>
    </message>
    <message>
        <source>The client secret of client %1 in tenant %2 has expired (AADSTS7000222). Create a new secret in the app registration and store it in the Accounts dialog.</source>
        <translation>Das Client-Geheimnis von Client %1 im Mandanten %2 ist abgelaufen (AADSTS7000222). Erstellen Sie in der App-Registrierung ein neues Geheimnis und speichern Sie es im Kontendialog.</translation>
    </message>
    <message>
        <source>Tenant %2 has no application with client id %1 (AADSTS700016). Check the client id and the tenant id, or ask an administrator to add the app to that tenant.</source>
        <translation>Mandant %2 hat keine Anwendung mit der Client-ID %1 (AADSTS700016). Prüfen Sie Client-ID und Mandanten-ID oder bitten Sie einen Administrator, die App diesem Mandanten hinzuzufügen.</translation>
    </message>
    <message>
        <source>Entra ID does not know tenant %1 (AADSTS%2) for client %3. Check the tenant id and, for sovereign clouds, the authority host.</source>
        <translation>Entra ID kennt den Mandanten %1 (AADSTS%2) für Client %3 nicht. Prüfen Sie die Mandanten-ID und bei souveränen Clouds den Autoritätshost.</translation>
    </message>
    <message>
        <source>Entra ID failed to sign in client %1 of tenant %2 (%3). Try again later.</source>
        <translation>Entra ID konnte Client %1 von Mandant %2 nicht anmelden (%3). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Azure refused to sign in client %1 of tenant %2 (%3). Check the tenant id, the client id and the client secret in the Accounts dialog.</source>
        <translation>Azure hat die Anmeldung von Client %1 im Mandanten %2 verweigert (%3). Prüfen Sie Mandanten-ID, Client-ID und Client-Geheimnis im Kontendialog.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartAvailability</name>
    <message>
        <source>no AWS account is connected in this session</source>
        <translation>in dieser Sitzung ist kein AWS-Konto verbunden</translation>
    </message>
    <message>
        <source>account &quot;%1&quot; is not connected on this machine</source>
        <translation>das Konto &quot;%1&quot; ist auf diesem Computer nicht verbunden</translation>
    </message>
    <message>
        <source>%1 is not in %2</source>
        <translation>%1 ist in %2 nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartEditor</name>
    <message>
        <source>Rename chart</source>
        <translation>Diagramm umbenennen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Rename chart…</source>
        <translation>Diagramm umbenennen…</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Nach vorne verschieben</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Nach hinten verschieben</translation>
    </message>
    <message>
        <source>Remove chart</source>
        <translation>Diagramm entfernen</translation>
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
    <name>mlwatch::ChartInteraction</name>
    <message>
        <source>Show the whole time range again (Escape, Ctrl+0 or a double-click on the chart)</source>
        <translation>Wieder den gesamten Zeitraum anzeigen (Esc, Strg+0 oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Zoomed: %1 · Reset</source>
        <translation>Zoom: %1 · Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>mlwatch::ChartSpecJson</name>
    <message>
        <source>&quot;%1&quot; is not a stage: use data-preparation, training, evaluation, deployment or monitoring.</source>
        <translation>&quot;%1&quot; ist kein Arbeitsschritt: data-preparation, training, evaluation, deployment oder monitoring verwenden.</translation>
    </message>
    <message>
        <source>must be &quot;aws&quot;, &quot;azure&quot; or &quot;gcp&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;aws&quot;, &quot;azure&quot; oder &quot;gcp&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a unit: use None, Count, Percent, Microseconds, Milliseconds, Seconds, Bytes, Count/Second or Fraction.</source>
        <translation>&quot;%1&quot; ist keine Einheit: None, Count, Percent, Microseconds, Milliseconds, Seconds, Bytes, Count/Second oder Fraction verwenden.</translation>
    </message>
    <message>
        <source>is required: the namespace, metric, dimensions, statistic and period.</source>
        <translation>ist erforderlich: Namespace, Metrik, Dimensionen, Statistik und Periode.</translation>
    </message>
    <message>
        <source>must be &quot;rate-per-second&quot; or &quot;error-percent&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;rate-per-second&quot; oder &quot;error-percent&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be a number (in the chart&apos;s display unit).</source>
        <translation>muss eine Zahl sein (in der Anzeigeeinheit des Diagramms).</translation>
    </message>
    <message>
        <source>must be &quot;warning&quot; or &quot;critical&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;warning&quot; oder &quot;critical&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>mlwatch::CompareOffset</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mlwatch::ComparePeriodSelector</name>
    <message>
        <source>Compare with previous period</source>
        <translation>Mit vorherigem Zeitraum vergleichen</translation>
    </message>
    <message>
        <source>Overlay the same time range a day or a week earlier on every chart</source>
        <translation>In jedem Diagramm denselben Zeitraum einen Tag oder eine Woche früher überlagern</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1 Tag früher</translation>
    </message>
    <message>
        <source>1 week earlier</source>
        <translation>1 Woche früher</translation>
    </message>
</context>
<context>
    <name>mlwatch::CredentialExpiryWatcher</name>
    <message>
        <source>Credentials expired at %1</source>
        <translation>Zugangsdaten am %1 abgelaufen</translation>
    </message>
    <message>
        <source>The temporary credentials of “%1” expired at %2: the cloud refuses them from now on. Get new ones and enter them with File → Accounts… → Edit…, then restart MLWatch.</source>
        <translation>Die temporären Zugangsdaten von „%1“ sind am %2 abgelaufen: Die Cloud weist sie von nun an zurück. Besorgen Sie neue, geben Sie sie unter Datei → Konten… → Bearbeiten… ein und starten Sie MLWatch dann neu.</translation>
    </message>
    <message>
        <source>Credentials expire at %1</source>
        <translation>Zugangsdaten laufen am %1 ab</translation>
    </message>
    <message>
        <source>The temporary credentials of “%1” expire at %2 (in %3). Get new ones before then and enter them with File → Accounts… → Edit….</source>
        <translation>Die temporären Zugangsdaten von „%1“ laufen am %2 ab (in %3). Besorgen Sie vorher neue und geben Sie sie unter Datei → Konten… → Bearbeiten… ein.</translation>
    </message>
</context>
<context>
    <name>mlwatch::CredentialStore</name>
    <message>
        <source>the macOS Keychain</source>
        <translation>dem macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>der Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the Android Keystore</source>
        <translation>dem Android Keystore</translation>
    </message>
    <message>
        <source>the Secret Service keyring</source>
        <translation>dem Secret-Service-Schlüsselbund</translation>
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
    <name>mlwatch::CustomRangeDialog</name>
    <message>
        <source>Custom time range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::DefaultRules</name>
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
    <message>
        <source>Request latency (P99) — %1</source>
        <translation>Anfragelatenz (P99) — %1</translation>
    </message>
    <message>
        <source>Critical when the endpoint&apos;s 99th-percentile latency is above %3 ms: one request in a hundred waits longer than an interactive caller accepts. Warning above %1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the line does not flap. 3 of the last 5 minutes: one slow minute is not an incident. Azure publishes no latency without requests, so missing minutes count as fine.</source>
        <translation>Kritisch, wenn die Latenz des Endpunkts im 99. Perzentil über %3 ms liegt: Eine von hundert Anfragen wartet länger, als ein interaktiver Aufrufer akzeptiert. Eine Warnung über %1 ms kündigt das vorher an. Erholung erst unter %4 ms (Warnung %2 ms), damit eine Latenz, die um die Linie pendelt, nicht flattert. 3 der letzten 5 Minuten: Eine langsame Minute ist noch kein Vorfall. Azure veröffentlicht ohne Anfragen keine Latenz, daher zählen fehlende Minuten als in Ordnung.</translation>
    </message>
    <message>
        <source>Deployment CPU — %1</source>
        <translation>CPU der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>Warning above %1 %: time to add instances before latency suffers; critical above %3 %. 8 of the last 10 minutes, so a short burst of traffic does not page anyone; recovery 5 points lower (%2 % / %4 %). A deployment that stops publishing CPU is reported as no data.</source>
        <translation>Warnung über %1 %: Zeit, Instanzen hinzuzufügen, bevor die Latenz leidet; kritisch über %3 %. 8 der letzten 10 Minuten, damit eine kurze Verkehrsspitze niemanden alarmiert; Erholung 5 Punkte darunter (%2 % / %4 %). Eine Bereitstellung, die keine CPU-Werte mehr veröffentlicht, wird als „keine Daten“ gemeldet.</translation>
    </message>
    <message>
        <source>Deployment memory — %1</source>
        <translation>Arbeitsspeicher der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>A model server that runs out of memory is killed, restarts and fails its requests. The fullest instance, not the average, is the one that goes: warning above %1 % (the risk of an out-of-memory kill begins), critical above %3 %, in 4 of the last 5 minutes; recovery 5 points lower (%2 % / %4 %).</source>
        <translation>Ein Modellserver, dem der Arbeitsspeicher ausgeht, wird beendet, startet neu und lässt seine Anfragen scheitern. Es ist die vollste Instanz, nicht der Mittelwert, die ausfällt: Warnung über %1 % (ab hier droht ein Beenden wegen Speichermangels), kritisch über %3 %, in 4 der letzten 5 Minuten; Erholung 5 Punkte darunter (%2 % / %4 %).</translation>
    </message>
    <message>
        <source>Prediction latency (P99) — %1</source>
        <translation>Vorhersage-Latenz (P99) — %1</translation>
    </message>
    <message>
        <source>Critical when the endpoint&apos;s 99th-percentile latency is above %3 ms: one prediction in a hundred waits longer than an interactive caller accepts. Warning above %1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the line does not flap. 3 of the last 5 minutes: one slow minute is not an incident. Google publishes no latency without predictions, so missing minutes count as fine.</source>
        <translation>Kritisch, wenn die Latenz des Endpunkts im 99. Perzentil über %3 ms liegt: Eine von hundert Vorhersagen wartet länger, als ein interaktiver Aufrufer akzeptiert. Eine Warnung über %1 ms kündigt dies vorher an. Erholung erst unter %4 ms (Warnung %2 ms), damit eine Latenz an der Grenze nicht hin- und herspringt. 3 der letzten 5 Minuten: Eine langsame Minute ist noch kein Vorfall. Google veröffentlicht ohne Vorhersagen keine Latenz, daher gelten fehlende Minuten als in Ordnung.</translation>
    </message>
    <message>
        <source>Model latency (P99) — %1</source>
        <translation>Modelllatenz (P99) — %1</translation>
    </message>
    <message>
        <source>Critical when the 99th-percentile model latency is above %3 ms: the seed&apos;s latency limit for an interactive model. Warning above %1 ms gives notice first. Recovery only below %4 ms (warning %2 ms) so a latency hovering at the line does not flap (the #1 alerting request, grafana#6202). 3 of the last 5 minutes: one slow minute is not an incident. No requests means no latency, so missing minutes count as fine.</source>
        <translation>Kritisch, wenn die Modelllatenz im 99. Perzentil über %3 ms liegt: die vorgegebene Latenzgrenze für ein interaktives Modell. Eine Warnung über %1 ms kündigt das vorher an. Erholung erst unter %4 ms (Warnung %2 ms), damit eine Latenz, die um die Linie pendelt, nicht flattert (die meistgewünschte Alarmfunktion, grafana#6202). 3 der letzten 5 Minuten: Eine langsame Minute ist noch kein Vorfall. Ohne Anfragen gibt es keine Latenz, daher zählen fehlende Minuten als in Ordnung.</translation>
    </message>
    <message>
        <source>Error rate above budget (5XX) — %1</source>
        <translation>Fehlerrate über dem Budget (5XX) — %1</translation>
    </message>
    <message>
        <source>5XX errors are failures of the model container (4XX are the clients&apos; mistakes and are not alerted on). Warning when more than %1 % of requests fail, critical above %3 %, in 3 of the last 5 minutes; it recovers below %2 % / %4 % so a trickle of errors does not flap. Minutes without requests have no error rate, so missing minutes count as fine.</source>
        <translation>5XX-Fehler sind Ausfälle des Modell-Containers (4XX sind Fehler der Clients und lösen keinen Alarm aus). Warnung, wenn mehr als %1 % der Anfragen fehlschlagen, kritisch über %3 %, in 3 der letzten 5 Minuten; Erholung unter %2 % / %4 %, damit vereinzelte Fehler nicht flattern. Minuten ohne Anfragen haben keine Fehlerrate, daher zählen fehlende Minuten als in Ordnung.</translation>
    </message>
    <message>
        <source>Error rate above budget (5xx) — %1</source>
        <translation>Fehlerrate über dem Budget (5xx) — %1</translation>
    </message>
    <message>
        <source>5xx responses are failures of the deployment or the platform (4xx are the clients&apos; mistakes and are not alerted on). Warning when more than %1 % of requests fail, critical above %3 %, in 3 of the last 5 minutes; it recovers below %2 % / %4 % so a trickle of errors does not flap. Minutes without requests have no error rate and count as fine.</source>
        <translation>5xx-Antworten sind Ausfälle der Bereitstellung oder der Plattform (4xx sind Fehler der Clients und lösen keinen Alarm aus). Warnung, wenn mehr als %1 % der Anfragen fehlschlagen, kritisch über %3 %, in 3 der letzten 5 Minuten; Erholung unter %2 % / %4 %, damit vereinzelte Fehler nicht flattern. Minuten ohne Anfragen haben keine Fehlerrate und zählen als in Ordnung.</translation>
    </message>
    <message>
        <source>Error rate above budget — %1</source>
        <translation>Fehlerrate über dem Budget — %1</translation>
    </message>
    <message>
        <source>Failed predictions: warning when more than %1 % of predictions fail, critical above %3 %, in 3 of the last 5 minutes; it recovers below %2 % / %4 % so a trickle of errors does not flap. Minutes without predictions have no error rate and count as fine.</source>
        <translation>Fehlgeschlagene Vorhersagen: Warnung, wenn mehr als %1 % der Vorhersagen fehlschlagen, kritisch über %3 %, in 3 der letzten 5 Minuten; Erholung unter %2 % / %4 %, damit vereinzelte Fehler nicht flattern. Minuten ohne Vorhersagen haben keine Fehlerrate und zählen als in Ordnung.</translation>
    </message>
    <message>
        <source>A model server that runs out of memory is killed, restarts and fails its predictions. The fullest replica, not the average, is the one that goes: warning above %1 GiB (85 % of the machine&apos;s memory), critical above %3 GiB (90 %), in 4 of the last 5 minutes; recovery 5 % lower (%2 / %4 GiB).</source>
        <translation>Ein Modellserver, dem der Arbeitsspeicher ausgeht, wird beendet und neu gestartet, und seine Vorhersagen schlagen fehl. Betroffen ist das am stärksten belegte Replikat, nicht der Durchschnitt: Warnung über %1 GiB (85 % des Arbeitsspeichers der Maschine), kritisch über %3 GiB (90 %), in 4 der letzten 5 Minuten; Erholung 5 % darunter (%2 / %4 GiB).</translation>
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
    <name>mlwatch::EndpointPolicy</name>
    <message>
        <source>The %1 of account &quot;%2&quot; is not a URL with a host name.</source>
        <translation>Der %1 des Kontos &quot;%2&quot; ist keine URL mit Hostnamen.</translation>
    </message>
    <message>
        <source>The %1 of account &quot;%2&quot; must be an https:// URL (it names host %3 with another scheme).</source>
        <translation>Der %1 des Kontos &quot;%2&quot; muss eine https://-URL sein (er nennt den Host %3 mit einem anderen Schema).</translation>
    </message>
    <message>
        <source>The %1 of account &quot;%2&quot; contains a user name or password before the host %3; remove it.</source>
        <translation>Der %1 des Kontos &quot;%2&quot; enthält vor dem Host %3 einen Benutzernamen oder ein Passwort; entfernen Sie diese.</translation>
    </message>
    <message>
        <source>The %1 of account &quot;%2&quot; uses plain http:// to %3. Credentials travel unencrypted only to this computer; use https://.</source>
        <translation>Der %1 des Kontos &quot;%2&quot; verwendet einfaches http:// zu %3. Zugangsdaten werden nur zu diesem Computer unverschlüsselt übertragen; verwenden Sie https://.</translation>
    </message>
    <message>
        <source>The %1 of account &quot;%2&quot; points at %3, which is not a %4 host. MLWatch sends credentials only to the cloud&apos;s own hosts, this computer, or hosts you confirmed: if you trust %3, confirm it in Accounts… or run &quot;mlwatch-cli accounts trust-host %3&quot;.</source>
        <translation>Der %1 des Kontos &quot;%2&quot; zeigt auf %3, der kein %4-Host ist. MLWatch sendet Zugangsdaten nur an die eigenen Hosts der Cloud, an diesen Computer oder an Hosts, die Sie bestätigt haben: Wenn Sie %3 vertrauen, bestätigen Sie ihn unter Konten… oder führen Sie &quot;mlwatch-cli accounts trust-host %3&quot; aus.</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>authority host</source>
        <translation>Autoritätshost</translation>
    </message>
</context>
<context>
    <name>mlwatch::FetchScheduler</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>mlwatch::GoogleTokenSource</name>
    <message>
        <source>The Google credentials are not valid JSON (%1 at character %2).</source>
        <translation>Die Google-Zugangsdaten sind kein gültiges JSON (%1 bei Zeichen %2).</translation>
    </message>
    <message>
        <source>The Google credentials are not a JSON object.</source>
        <translation>Die Google-Zugangsdaten sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The %1 has no &quot;%2&quot; field (or it is empty). Download the file again or import another one.</source>
        <translation>%1: Das Feld &quot;%2&quot; fehlt (oder ist leer). Laden Sie die Datei erneut herunter oder importieren Sie eine andere.</translation>
    </message>
    <message>
        <source>Google service-account key</source>
        <translation>Google-Dienstkontoschlüssel</translation>
    </message>
    <message>
        <source>Google authorized-user credentials file</source>
        <translation>Google-Zugangsdatendatei vom Typ authorized_user</translation>
    </message>
    <message>
        <source>The Google credentials have no &quot;type&quot; field. Use a service-account key (type &quot;service_account&quot;) or an application-default credentials file (type &quot;authorized_user&quot;).</source>
        <translation>Die Google-Zugangsdaten haben kein Feld &quot;type&quot;. Verwenden Sie einen Dienstkontoschlüssel (type &quot;service_account&quot;) oder eine Datei mit Standardanmeldedaten für Anwendungen (type &quot;authorized_user&quot;).</translation>
    </message>
    <message>
        <source>Google credentials of type &quot;%1&quot; are not supported yet. Use a service-account key or an application-default credentials file from &quot;gcloud auth application-default login&quot;.</source>
        <translation>Google-Zugangsdaten vom Typ &quot;%1&quot; werden noch nicht unterstützt. Verwenden Sie einen Dienstkontoschlüssel oder eine Datei mit Standardanmeldedaten für Anwendungen aus &quot;gcloud auth application-default login&quot;.</translation>
    </message>
    <message>
        <source>The &quot;private_key&quot; of the Google service-account key for %1 cannot be used: %2</source>
        <translation>Der &quot;private_key&quot; des Google-Dienstkontoschlüssels für %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Refusing to send Google credentials to %1 without TLS. The token_uri must be https:// (plain http is allowed only for this computer&apos;s loopback address).</source>
        <translation>Google-Zugangsdaten werden nicht ohne TLS an %1 gesendet. Die token_uri muss mit https:// beginnen (einfaches http ist nur für die Loopback-Adresse dieses Computers erlaubt).</translation>
    </message>
    <message>
        <source>Google sign-in</source>
        <translation>Google-Anmeldung</translation>
    </message>
    <message>
        <source>The Google token endpoint %1 answered HTTP %2 with something that is not a token response. Check the key&apos;s token_uri.</source>
        <translation>Der Google-Token-Endpunkt %1 hat mit HTTP %2 etwas geantwortet, das keine Token-Antwort ist. Prüfen Sie die token_uri des Schlüssels.</translation>
    </message>
    <message>
        <source>Google could not sign in %1 right now (%2, HTTP %3). Try again later.</source>
        <translation>Google konnte %1 gerade nicht anmelden (%2, HTTP %3). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Google refused the sign-in of service account %1 because this computer&apos;s clock is off (invalid_grant: Invalid JWT). Set the clock automatically (NTP) and try again.</source>
        <translation>Google hat die Anmeldung des Dienstkontos %1 abgelehnt, weil die Uhr dieses Computers falsch geht (invalid_grant: Invalid JWT). Stellen Sie die Uhr automatisch (NTP) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Service account %1 or this key of it no longer exists (invalid_grant). Create a new key for it and import that key.</source>
        <translation>Das Dienstkonto %1 oder dieser Schlüssel dazu existiert nicht mehr (invalid_grant). Erstellen Sie einen neuen Schlüssel dafür und importieren Sie ihn.</translation>
    </message>
    <message>
        <source>Google refused the key of service account %1 (invalid_grant). The key may have been deleted or disabled: create a new key and import it.</source>
        <translation>Google hat den Schlüssel des Dienstkontos %1 abgelehnt (invalid_grant). Der Schlüssel wurde möglicherweise gelöscht oder deaktiviert: Erstellen Sie einen neuen Schlüssel und importieren Sie ihn.</translation>
    </message>
    <message>
        <source>The Google sign-in of OAuth client %1 has expired or was revoked (invalid_grant). Run &quot;gcloud auth application-default login&quot; and import the credentials again.</source>
        <translation>Die Google-Anmeldung des OAuth-Clients %1 ist abgelaufen oder wurde widerrufen (invalid_grant). Führen Sie &quot;gcloud auth application-default login&quot; aus und importieren Sie die Zugangsdaten erneut.</translation>
    </message>
    <message>
        <source>Google does not accept the OAuth client of %1 (invalid_client). Import fresh credentials.</source>
        <translation>Google akzeptiert den OAuth-Client von %1 nicht (invalid_client). Importieren Sie neue Zugangsdaten.</translation>
    </message>
    <message>
        <source>Google refused to sign in %1 (%2). Check the credentials, or import fresh ones.</source>
        <translation>Google hat die Anmeldung von %1 verweigert (%2). Prüfen Sie die Zugangsdaten oder importieren Sie neue.</translation>
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
    <message>
        <source>The CA bundle %1 was not found.</source>
        <translation>Das CA-Bundle %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The CA bundle %1 is larger than %2 MiB; it is not a PEM certificate file.</source>
        <translation>Das CA-Bundle %1 ist größer als %2 MiB; es ist keine PEM-Zertifikatsdatei.</translation>
    </message>
    <message>
        <source>Could not read the CA bundle %1: %2.</source>
        <translation>Das CA-Bundle %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The CA bundle %1 contains no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot; blocks).</source>
        <translation>Das CA-Bundle %1 enthält kein PEM-Zertifikat (Blöcke &quot;-----BEGIN CERTIFICATE-----&quot;).</translation>
    </message>
    <message>
        <source>The CA bundle %1 has %2 certificate blocks, but only %3 could be read; fix or remove the damaged ones.</source>
        <translation>Das CA-Bundle %1 enthält %2 Zertifikatsblöcke, aber nur %3 konnten gelesen werden; reparieren oder entfernen Sie die beschädigten.</translation>
    </message>
</context>
<context>
    <name>mlwatch::ImportCredentialsDialog</name>
    <message>
        <source>Import credentials</source>
        <translation>Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>Credentials found on this computer. The checked rows become accounts; their secrets are stored in %1 and nowhere else. The files they came from are left as they are.</source>
        <translation>Auf diesem Computer gefundene Zugangsdaten. Die markierten Zeilen werden zu Konten; ihre Geheimnisse werden in %1 und nirgendwo sonst gespeichert. Die Dateien, aus denen sie stammen, bleiben unverändert.</translation>
    </message>
    <message>
        <source>Credentials found</source>
        <translation>Gefundene Zugangsdaten</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Regions / subscriptions / projects</source>
        <translation>Regionen / Abonnements / Projekte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Problems while reading</source>
        <translation>Probleme beim Lesen</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import the checked credentials</source>
        <translation>Die markierten Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft am %1 ab</translation>
    </message>
    <message>
        <source>Check to import; double-click to change the id</source>
        <translation>Zum Importieren markieren; Doppelklick ändert die ID</translation>
    </message>
    <message>
        <source>Cannot be imported: %1</source>
        <translation>Kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Not selected: an account “%1” already exists</source>
        <translation>Nicht ausgewählt: Ein Konto „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>Nicht ausgewählt</translation>
    </message>
    <message>
        <source>“%1” is not a valid id: use letters, digits, “.”, “_” and “-”.</source>
        <translation>„%1“ ist keine gültige ID: Verwenden Sie Buchstaben, Ziffern, „.“, „_“ und „-“.</translation>
    </message>
    <message>
        <source>An account “%1” already exists: change the id or uncheck the row.</source>
        <translation>Ein Konto „%1“ existiert bereits: Ändern Sie die ID oder heben Sie die Markierung der Zeile auf.</translation>
    </message>
    <message>
        <source>Another checked row uses the id “%1”.</source>
        <translation>Eine andere markierte Zeile verwendet die ID „%1“.</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>Bereit zum Import</translation>
    </message>
    <message>
        <source>No credentials found on this computer.</source>
        <translation>Auf diesem Computer wurden keine Zugangsdaten gefunden.</translation>
    </message>
    <message>
        <source>Checked for import: %1.</source>
        <translation>Zum Import markiert: %1.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <source>Accounts imported: %1.</source>
        <translation>Importierte Konten: %1.</translation>
    </message>
    <message>
        <source>Imported %1, %2 failed: see the rows&apos; status.</source>
        <translation>%1 importiert, %2 fehlgeschlagen: siehe Status der Zeilen.</translation>
    </message>
    <message>
        <source>Imported as “%1”</source>
        <translation>Importiert als „%1“</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
</context>
<context>
    <name>mlwatch::InsightEngine</name>
    <message>
        <source>%1 %2</source>
        <comment>number and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date-time and zone</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Input pipeline is the bottleneck</source>
        <translation>Eingabe-Pipeline ist der Engpass</translation>
    </message>
    <message>
        <source>%1 averaged %2 while %3 averaged %4 %5; the limits are below %6 for the GPU and above %7 for the CPU.</source>
        <translation>%1 lag im Mittel bei %2, %3 bei %4 %5; die Grenzwerte liegen unter %6 für die GPU und über %7 für die CPU.</translation>
    </message>
    <message>
        <source>GPU and CPU both low: try a smaller instance</source>
        <translation>GPU und CPU gering ausgelastet: kleinere Instanz ausprobieren</translation>
    </message>
    <message>
        <source>%1 averaged %2 and %3 averaged %4 %5; both are below %6.</source>
        <translation>%1 lag im Mittel bei %2 und %3 bei %4 %5; beide liegen unter %6.</translation>
    </message>
    <message>
        <source>CPU low: try a smaller instance</source>
        <translation>CPU gering ausgelastet: kleinere Instanz ausprobieren</translation>
    </message>
    <message>
        <source>%1 averaged %2 %3 with no GPU data (a CPU-only job); the limit is %4.</source>
        <translation>%1 lag im Mittel bei %2 %3, ohne GPU-Daten (ein reiner CPU-Job); der Grenzwert ist %4.</translation>
    </message>
    <message>
        <source>%1 p95 was %2 %3, with %4 of data; the limit is %5.</source>
        <translation>Das p95 von %1 lag bei %2 %3, mit Daten aus %4; der Grenzwert ist %5.</translation>
    </message>
    <message>
        <source>The check wants %1 of data: widen the window to confirm.</source>
        <translation>Die Prüfung braucht Daten aus %1: zur Bestätigung den Zeitraum erweitern.</translation>
    </message>
    <message>
        <source>Over-provisioned: CPU p95 below %1</source>
        <translation>Überdimensioniert: CPU-p95 unter %1</translation>
    </message>
    <message>
        <source>Memory above %1: risk of running out</source>
        <translation>Arbeitsspeicher über %1: Gefahr von Speichermangel</translation>
    </message>
    <message>
        <source>%1 p95 was %2 and the latest value %3 (%4) %5; the limit is %6.</source>
        <translation>Das p95 von %1 lag bei %2, der letzte Wert bei %3 (%4) %5; der Grenzwert ist %6.</translation>
    </message>
    <message>
        <source>Memory pressure</source>
        <translation>Speicherdruck</translation>
    </message>
    <message>
        <source>%1 reached %2 at %3 %4; the limit is %5.</source>
        <translation>%1 erreichte %2 am %3 %4; der Grenzwert ist %5.</translation>
    </message>
    <message>
        <source>Query time up %1 % week over week</source>
        <translation>Abfragezeit %1 % höher als in der Vorwoche</translation>
    </message>
    <message>
        <source>%1 averaged %2 in the last 7 days (%3 – %4) against %5 in the 7 days before: up %6 %.</source>
        <translation>%1 lag in den letzten 7 Tagen (%3 – %4) im Mittel bei %2, gegenüber %5 in den 7 Tagen davor: ein Anstieg um %6 %.</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>Storage reaches %1 in %2</source>
        <translation>Speicherplatz erreicht %1 in %2</translation>
    </message>
    <message>
        <source>%1 grew %2 a day %3, a straight line through %4 datapoints (latest %5); at that rate it reaches %6 on %7, in %8.</source>
        <translation>%1 wuchs %3 um %2 pro Tag, eine Gerade durch %4 Datenpunkte (zuletzt %5); bei diesem Tempo wird %6 am %7 erreicht, in %8.</translation>
    </message>
    <message>
        <source>Latency above 1 s</source>
        <translation>Latenz über 1 s</translation>
    </message>
    <message>
        <source>%1 averaged %2 %3; the limit is %4.</source>
        <translation>%1 lag im Mittel bei %2 %3; der Grenzwert ist %4.</translation>
    </message>
    <message>
        <source>Error rate above budget</source>
        <translation>Fehlerrate über dem Budget</translation>
    </message>
    <message>
        <source>%1 averaged %2 %3; the budget is %4.</source>
        <translation>%1 lag im Mittel bei %2 %3; das Budget beträgt %4.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 requests failed (%4) %5; the budget is %6.</source>
        <translation>%1: %2 von %3 Anfragen fehlgeschlagen (%4) %5; das Budget beträgt %6.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>over the last %1 (%2 – %3 %4)</source>
        <translation>in den letzten %1 (%2 – %3 %4)</translation>
    </message>
    <message>
        <source>over %1 (%2 – %3 %4)</source>
        <translation>über einen Zeitraum von %1 (%2 – %3 %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n day</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>series name (unit note)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>mlwatch::InsightsStrip</name>
    <message>
        <source>Insights</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Insights:</source>
        <translation>Erkenntnisse:</translation>
    </message>
    <message>
        <source>No findings for this window</source>
        <translation>Keine Hinweise für diesen Zeitraum</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>insight — resource</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <comment>insights not shown as chips</comment>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
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
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Add, import, test and remove cloud accounts</source>
        <translation>Cloud-Konten hinzufügen, importieren, testen und entfernen</translation>
    </message>
    <message>
        <source>An account could not be listed</source>
        <translation>Ein Konto konnte nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>&amp;Nächster Tab</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>&amp;Vorheriger Tab</translation>
    </message>
    <message>
        <source>Show times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Show chart times in UTC instead of this computer&apos;s time zone</source>
        <translation>Diagrammzeiten in UTC statt in der Zeitzone dieses Computers anzeigen</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Metric browser…</source>
        <translation>&amp;Metrik-Browser…</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Browse the discovered resources and their metrics, and add charts</source>
        <translation>Gefundene Ressourcen und ihre Metriken durchsuchen und Diagramme hinzufügen</translation>
    </message>
    <message>
        <source>%1[*] — MLWatch — %2</source>
        <translation>%1[*] — MLWatch — %2</translation>
    </message>
</context>
<context>
    <name>mlwatch::MetricBrowserDialog</name>
    <message>
        <source>Metric browser</source>
        <translation>Metrik-Browser</translation>
    </message>
    <message>
        <source>Metric, resource, namespace or dimension</source>
        <translation>Metrik, Ressource, Namespace oder Dimension</translation>
    </message>
    <message>
        <source>Search metrics</source>
        <translation>Metriken durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Discovered metrics</source>
        <translation>Gefundene Metriken</translation>
    </message>
    <message>
        <source>Accounts, their resources and the metrics each offers; Enter adds the current metric as a chart</source>
        <translation>Konten, ihre Ressourcen und die Metriken, die jede bietet; die Eingabetaste fügt die aktuelle Metrik als Diagramm hinzu</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>How the datapoints of each period are summarised; the first is the metric&apos;s usual one</source>
        <translation>Wie die Datenpunkte jeder Periode zusammengefasst werden; die erste ist die für die Metrik übliche</translation>
    </message>
    <message>
        <source>S&amp;tatistic:</source>
        <translation>S&amp;tatistik:</translation>
    </message>
    <message>
        <source>Add to tab</source>
        <translation>Zu Tab hinzufügen</translation>
    </message>
    <message>
        <source>Add to ta&amp;b:</source>
        <translation>Zu Ta&amp;b hinzufügen:</translation>
    </message>
    <message>
        <source>&amp;Add chart</source>
        <translation>Diagramm &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation>Diagramm hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected metric as a chart to the chosen tab</source>
        <translation>Die ausgewählte Metrik als Diagramm zum gewählten Tab hinzufügen</translation>
    </message>
    <message>
        <source>No account has been listed yet: metrics appear here once discovery answers.</source>
        <translation>Noch wurde kein Konto aufgelistet: Metriken erscheinen hier, sobald die Erkennung antwortet.</translation>
    </message>
    <message>
        <source>Choose a metric in the list first.</source>
        <translation>Zuerst eine Metrik in der Liste auswählen.</translation>
    </message>
    <message>
        <source>“%1” is on the %2 tab already.</source>
        <translation>„%1“ ist bereits im Tab %2.</translation>
    </message>
    <message>
        <source>Added “%1” to the %2 tab.</source>
        <translation>„%1“ zum Tab %2 hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>mlwatch::MetricBrowserModel</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>An account in the metric browser: &quot;&lt;cloud&gt; — &lt;account name&gt;&quot;.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not listed: its resources could not be discovered (yet)</source>
        <translation>Nicht aufgeführt: Die Ressourcen konnten (noch) nicht ermittelt werden</translation>
    </message>
    <message>
        <source>No metrics found</source>
        <translation>Keine Metriken gefunden</translation>
    </message>
    <message>
        <source>%1
%2
Resource: %3</source>
        <translation>%1
%2
Ressource: %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Charted on</source>
        <translation>Dargestellt in</translation>
    </message>
    <message numerus="yes">
        <source>%n resource</source>
        <translation>
            <numerusform>%n Ressource</numerusform>
            <numerusform>%n Ressourcen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resources</source>
        <translation>
            <numerusform>%n Ressource</numerusform>
            <numerusform>%n Ressourcen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric</source>
        <translation>
            <numerusform>%n Metrik</numerusform>
            <numerusform>%n Metriken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metrics</source>
        <translation>
            <numerusform>%n Metrik</numerusform>
            <numerusform>%n Metriken</numerusform>
        </translation>
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
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip time and its zone</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>series legend: value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no data</source>
        <comment>tooltip value of a gap</comment>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message>
        <source>Newest datapoint: %1 %2</source>
        <translation>Neuester Datenpunkt: %1 %2</translation>
    </message>
    <message>
        <source>Newest datapoint: %1 %2 (%3)</source>
        <translation>Neuester Datenpunkt: %1 %2 (%3)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>Not yet published (%1, ~%2 min)</source>
        <translation>Noch nicht veröffentlicht (%1, ~%2 min)</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>%1–%2 %3</source>
        <comment>time range and its zone</comment>
        <translation>%1–%2 %3</translation>
    </message>
</context>
<context>
    <name>mlwatch::MonitorSession</name>
    <message>
        <source>“%1” is not an Azure account that a session can watch.</source>
        <translation>„%1“ ist kein Azure-Konto, das eine Sitzung überwachen kann.</translation>
    </message>
    <message>
        <source>The account “%1” is in this session already.</source>
        <translation>Das Konto „%1“ ist bereits in dieser Sitzung.</translation>
    </message>
    <message>
        <source>The account “%1” has no client secret: enter it in Accounts….</source>
        <translation>Das Konto „%1“ hat kein Client-Geheimnis: Geben Sie es unter Konten… ein.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” is not a Google Cloud account that a session can watch.</source>
        <translation>„%1“ ist kein Google-Cloud-Konto, das eine Sitzung überwachen kann.</translation>
    </message>
    <message>
        <source>The account “%1” has no key file or ADC file: import it again in Accounts….</source>
        <translation>Das Konto „%1“ hat keine Schlüsseldatei und keine ADC-Datei: Importieren Sie es erneut unter Konten….</translation>
    </message>
    <message>
        <source>“%1” is not an AWS account that a session can watch.</source>
        <translation>„%1“ ist kein AWS-Konto, das eine Sitzung beobachten kann.</translation>
    </message>
    <message>
        <source>The account “%1” has no access key: enter it in Accounts….</source>
        <translation>Das Konto „%1“ hat keinen Zugriffsschlüssel: Geben Sie ihn unter Konten… ein.</translation>
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
    <name>mlwatch::ProviderRouter</name>
    <message>
        <source>No AWS account is open in this session: series without an account cannot be fetched. Open the account, or remove the charts and rules that watch it.</source>
        <translation>In dieser Sitzung ist kein AWS-Konto geöffnet: Reihen ohne Konto können nicht abgerufen werden. Öffnen Sie das Konto oder entfernen Sie die Diagramme und Regeln, die es überwachen.</translation>
    </message>
    <message>
        <source>The account “%1” is not open in this session: its series cannot be fetched. Open the account, or remove the charts and rules that watch it.</source>
        <translation>Das Konto „%1“ ist in dieser Sitzung nicht geöffnet: Seine Reihen können nicht abgerufen werden. Öffnen Sie das Konto oder entfernen Sie die Diagramme und Regeln, die es überwachen.</translation>
    </message>
    <message>
        <source>No account is open in this session.</source>
        <translation>In dieser Sitzung ist kein Konto geöffnet.</translation>
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
    <message>
        <source>secrets never go into a workspace file.</source>
        <translation>Geheimnisse gehören nie in eine Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>ist erforderlich.</translation>
    </message>
    <message>
        <source>must be a JSON array.</source>
        <translation>muss ein JSON-Array sein.</translation>
    </message>
</context>
<context>
    <name>mlwatch::RefreshIntervalSelector</name>
    <message>
        <source>Auto-refresh interval</source>
        <translation>Intervall für automatisches Aktualisieren</translation>
    </message>
    <message>
        <source>How often every chart is refreshed by itself. CloudWatch bills each metric of each refresh; the status bar shows the estimate.</source>
        <translation>Wie oft jedes Diagramm von selbst aktualisiert wird. CloudWatch berechnet jede Metrik jeder Aktualisierung; die Statusleiste zeigt die Schätzung.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation>Alle 5 Minuten</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Alle 15 Minuten</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Jede Stunde</translation>
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
    <name>mlwatch::Rs256Signer</name>
    <message>
        <source>The private key is empty.</source>
        <translation>Der private Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>The private key could not be read.</source>
        <translation>Der private Schlüssel konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The private key is not a readable PEM private key (it may be damaged, truncated or protected by a passphrase).</source>
        <translation>Der private Schlüssel ist kein lesbarer PEM-Privatschlüssel (er ist möglicherweise beschädigt, abgeschnitten oder durch eine Passphrase geschützt).</translation>
    </message>
    <message>
        <source>The private key is not an RSA key; RS256 needs one.</source>
        <translation>Der private Schlüssel ist kein RSA-Schlüssel; RS256 benötigt einen.</translation>
    </message>
    <message>
        <source>The private key cannot be used for signing.</source>
        <translation>Der private Schlüssel kann nicht zum Signieren verwendet werden.</translation>
    </message>
    <message>
        <source>Signing with the private key failed.</source>
        <translation>Das Signieren mit dem privaten Schlüssel ist fehlgeschlagen.</translation>
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
    <message>
        <source>Datapoints received from the metrics APIs in this window</source>
        <translation>Von den Metrik-APIs in diesem Fenster empfangene Datenpunkte</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>%v of %m requests</source>
        <translation>%v von %m Anfragen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Stop loading; the charts keep their last data (Ctrl+.)</source>
        <translation>Laden beenden; die Diagramme behalten ihre letzten Daten (Strg+.)</translation>
    </message>
    <message>
        <source>The accounts whose metrics are shown: %1</source>
        <translation>Die Konten, deren Metriken angezeigt werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 series loaded</source>
        <translation>%1 von %2 Reihen geladen</translation>
    </message>
    <message>
        <source>Datapoints: %1</source>
        <translation>Datenpunkte: %1</translation>
    </message>
    <message>
        <source>Azure Monitor metric reads are not billed per metric; Google Cloud Monitoring may bill reads per time series returned (see Google&apos;s pricing page).</source>
        <translation>Lesezugriffe auf Metriken werden bei Azure Monitor nicht pro Metrik berechnet; Google Cloud Monitoring berechnet Lesezugriffe unter Umständen pro zurückgegebener Zeitreihe (siehe die Preisseite von Google).</translation>
    </message>
    <message>
        <source>Auto-refresh off (custom range)</source>
        <translation>Automatisch aktualisieren: aus (benutzerdefinierter Zeitraum)</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Automatisch aktualisieren: aus</translation>
    </message>
    <message>
        <source>Refreshes only when you ask (F5): no recurring metrics API cost.</source>
        <translation>Aktualisiert nur auf Anforderung (F5): keine wiederkehrenden Kosten für Metrik-APIs.</translation>
    </message>
    <message>
        <source>Auto-refresh: not billed per metric read</source>
        <translation>Automatisch aktualisieren: nicht pro Metrikabruf berechnet</translation>
    </message>
    <message>
        <source>Auto-refresh ≈ %1/hour (USD, CloudWatch)</source>
        <translation>Automatisch aktualisieren ≈ %1/Stunde (USD, CloudWatch)</translation>
    </message>
    <message>
        <source>Estimate in US dollars: %1 CloudWatch metrics per refresh × %2 refreshes per hour × $0.01 per 1,000 metrics requested (GetMetricData). Your AWS bill is authoritative.</source>
        <translation>Schätzung in US-Dollar: %1 CloudWatch-Metriken pro Aktualisierung × %2 Aktualisierungen pro Stunde × 0,01 $ pro 1.000 angeforderte Metriken (GetMetricData). Maßgeblich ist Ihre AWS-Rechnung.</translation>
    </message>
    <message>
        <source>Loading was cancelled</source>
        <translation>Das Laden wurde abgebrochen</translation>
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
    <message>
        <source>%1 — %2</source>
        <comment>cloud — account</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — no data in this time window</source>
        <comment>account heading</comment>
        <translation>%1 — keine Daten in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Other charts</source>
        <translation>Weitere Diagramme</translation>
    </message>
    <message>
        <source>Go to: %1</source>
        <comment>links to the accounts&apos; parts of the tab</comment>
        <translation>Springen zu: %1</translation>
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
        <source>Time range of every chart (Ctrl+1 … Ctrl+5; a custom range: Ctrl+6)</source>
        <translation>Zeitraum aller Diagramme (Strg+1 … Strg+5; benutzerdefinierter Zeitraum: Strg+6)</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Benutzerdefinierter Zeitraum…</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
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
    <name>mlwatch::TimeToolbarController</name>
    <message>
        <source>Auto-refresh:</source>
        <translation>Automatisch aktualisieren:</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>Vergleichen:</translation>
    </message>
</context>
<context>
    <name>mlwatch::UnitRegistry</name>
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
        <source>sum of devices</source>
        <translation>Summe aller Geräte</translation>
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
    <name>mlwatch::WelcomePage</name>
    <message>
        <source>MLWatch</source>
        <translation>MLWatch</translation>
    </message>
    <message>
        <source>&amp;Import credentials found on this machine</source>
        <translation>Auf diesem Computer gefundene Zugangsdaten &amp;importieren</translation>
    </message>
    <message>
        <source>Import credentials found on this machine</source>
        <translation>Auf diesem Computer gefundene Zugangsdaten importieren</translation>
    </message>
    <message>
        <source>&amp;Add an account by hand</source>
        <translation>Konto &amp;manuell hinzufügen</translation>
    </message>
    <message>
        <source>Add an account by hand</source>
        <translation>Konto manuell hinzufügen</translation>
    </message>
    <message>
        <source>&amp;AWS…</source>
        <translation>&amp;AWS…</translation>
    </message>
    <message>
        <source>A&amp;zure…</source>
        <translation>A&amp;zure…</translation>
    </message>
    <message>
        <source>&amp;Google Cloud…</source>
        <translation>&amp;Google Cloud…</translation>
    </message>
    <message>
        <source>A&amp;ccounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Open the accounts</source>
        <translation>Konten öffnen</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Secrets are kept only in %1; MLWatch writes them nowhere else.</source>
        <translation>Geheimnisse werden nur in %1 aufbewahrt; MLWatch schreibt sie nirgendwo sonst hin.</translation>
    </message>
    <message>
        <source>Welcome to MLWatch</source>
        <translation>Willkommen bei MLWatch</translation>
    </message>
    <message>
        <source>MLWatch needs a cloud account to watch. Import the credentials this computer already has, add an account by hand, or look around in the demo.</source>
        <translation>MLWatch benötigt ein Cloud-Konto zum Überwachen. Importieren Sie die Zugangsdaten, die auf diesem Computer bereits vorhanden sind, fügen Sie ein Konto manuell hinzu oder sehen Sie sich in der Demo um.</translation>
    </message>
    <message>
        <source>Nothing found in ~/.aws, the AWS_* and AZURE_* variables or gcloud&apos;s application-default credentials.</source>
        <translation>Nichts gefunden in ~/.aws, den Variablen AWS_* und AZURE_* oder den Standardanmeldedaten für Anwendungen von gcloud.</translation>
    </message>
    <message>
        <source>Found: %1 ready to import.</source>
        <translation>Gefunden: %1 bereit zum Import.</translation>
    </message>
    <message>
        <source>Found: %1 ready to import, %2 that MLWatch cannot use yet (the import shows why).</source>
        <translation>Gefunden: %1 bereit zum Import, %2, die MLWatch noch nicht verwenden kann (der Import zeigt, warum).</translation>
    </message>
    <message>
        <source>Simulated AWS, Azure and Google Cloud accounts on this computer, with all five workflow stages</source>
        <translation>Simulierte AWS-, Azure- und Google-Cloud-Konten auf diesem Computer, mit allen fünf Workflow-Phasen</translation>
    </message>
</context>
<context>
    <name>mlwatch::WorkspaceController</name>
    <message>
        <source>MLWatch workspaces (*.json);;All files (*)</source>
        <translation>MLWatch-Arbeitsbereiche (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a workspace file: its charts, accounts and alert rules</source>
        <translation>Eine Arbeitsbereichsdatei öffnen: ihre Diagramme, Konten und Alarmregeln</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save workspace</source>
        <translation>Arbeitsbereich &amp;speichern</translation>
    </message>
    <message>
        <source>Save the charts, accounts (without secrets) and alert rules to the workspace file</source>
        <translation>Diagramme, Konten (ohne Geheimnisse) und Alarmregeln in der Arbeitsbereichsdatei speichern</translation>
    </message>
    <message>
        <source>Save workspace &amp;as…</source>
        <translation>Arbeitsbereich speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save the workspace to a new file</source>
        <translation>Arbeitsbereich in einer neuen Datei speichern</translation>
    </message>
    <message>
        <source>Workspace %1 not opened</source>
        <translation>Arbeitsbereich %1 nicht geöffnet</translation>
    </message>
    <message>
        <source>%1

The charts and rules you had stay as they were.</source>
        <translation>%1

Ihre bisherigen Diagramme und Regeln bleiben unverändert.</translation>
    </message>
    <message>
        <source>There is no workspace file yet: use Save workspace as…</source>
        <translation>Es gibt noch keine Arbeitsbereichsdatei: Verwenden Sie Arbeitsbereich speichern unter…</translation>
    </message>
    <message>
        <source>Some rules of %1 were not added</source>
        <translation>Einige Regeln aus %1 wurden nicht hinzugefügt</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>workspace.json</source>
        <translation>arbeitsbereich.json</translation>
    </message>
    <message>
        <source>Save workspace as</source>
        <translation>Arbeitsbereich speichern unter</translation>
    </message>
    <message>
        <source>Workspace %1 not saved</source>
        <translation>Arbeitsbereich %1 nicht gespeichert</translation>
    </message>
    <message>
        <source>%1

Your charts and rules are unchanged in MLWatch; the file on disk is the one saved before.</source>
        <translation>%1

Ihre Diagramme und Regeln sind in MLWatch unverändert; die Datei auf dem Datenträger ist die zuvor gespeicherte.</translation>
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
    <message>
        <source>Show simulated AWS, Azure and Google Cloud accounts side by side (the built-in demo clouds) instead of yours.</source>
        <translation>Simulierte AWS-, Azure- und Google-Cloud-Konten nebeneinander anzeigen (die integrierten Demo-Clouds) statt Ihrer eigenen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::aws</name>
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
    <name>mlwatch::aws::AwsIniFile</name>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1, line %2: expected a &quot;[section]&quot; header or a &quot;key = value&quot; line.</source>
        <translation>%1, Zeile %2: Kopfzeile &quot;[section]&quot; oder Zeile &quot;key = value&quot; erwartet.</translation>
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
        <source>Model latency — %1</source>
        <translation>Modelllatenz — %1</translation>
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
    <message>
        <source>Request rate — %1</source>
        <translation>Anfragerate — %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Requests per second (Invocations per period ÷ its seconds): a sudden drop often means a broken client rather than a quiet day.</source>
        <translation>Anfragen pro Sekunde (Invocations pro Periode ÷ deren Sekunden): Ein plötzlicher Einbruch deutet eher auf einen defekten Client hin als auf einen ruhigen Tag.</translation>
    </message>
    <message>
        <source>Error rate — %1</source>
        <translation>Fehlerrate — %1</translation>
    </message>
    <message>
        <source>All errors (4XX + 5XX)</source>
        <translation>Alle Fehler (4XX + 5XX)</translation>
    </message>
    <message>
        <source>Server errors (5XX)</source>
        <translation>Serverfehler (5XX)</translation>
    </message>
    <message>
        <source>The share of requests that failed: 4XX are bad requests from clients, 5XX failures of the model container. Minutes without requests are gaps, not 0 %.</source>
        <translation>Der Anteil fehlgeschlagener Anfragen: 4XX sind fehlerhafte Anfragen von Clients, 5XX Ausfälle des Modell-Containers. Minuten ohne Anfragen sind Lücken, nicht 0 %.</translation>
    </message>
    <message>
        <source>Model latency (median)</source>
        <translation>Modelllatenz (Median)</translation>
    </message>
    <message>
        <source>Model latency (P99)</source>
        <translation>Modelllatenz (P99)</translation>
    </message>
    <message>
        <source>Time the model takes to answer; the 99th percentile shows the slow requests a median hides.</source>
        <translation>Zeit, die das Modell für eine Antwort braucht; das 99. Perzentil zeigt die langsamen Anfragen, die ein Median verbirgt.</translation>
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
    <name>mlwatch::azure</name>
    <message>
        <source>The list is not valid JSON; it may have been cut off.</source>
        <translation>Die Liste ist kein gültiges JSON; sie wurde möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>The answer is not an ARM list (no &quot;value&quot;).</source>
        <translation>Die Antwort ist keine ARM-Liste (kein &quot;value&quot;).</translation>
    </message>
    <message>
        <source>An ARM list continues at %1, which is not the ARM endpoint %2; MLWatch does not send the account&apos;s token there.</source>
        <translation>Eine ARM-Liste wird bei %1 fortgesetzt; das ist nicht der ARM-Endpunkt %2, daher sendet MLWatch das Token des Kontos nicht dorthin.</translation>
    </message>
    <message>
        <source>an unreadable address</source>
        <translation>einer unlesbaren Adresse</translation>
    </message>
    <message>
        <source>Cannot read the filter &quot;%1&quot;: write it as name eq &apos;value&apos; and name eq &apos;*&apos;.</source>
        <translation>Der Filter &quot;%1&quot; kann nicht gelesen werden: Schreiben Sie ihn als name eq &apos;value&apos; and name eq &apos;*&apos;.</translation>
    </message>
    <message>
        <source>The filter operator &quot;%1&quot; is not supported; use eq (and &apos;*&apos; to split by a dimension).</source>
        <translation>Der Filteroperator &quot;%1&quot; wird nicht unterstützt; verwenden Sie eq (und &apos;*&apos;, um nach einer Dimension aufzuteilen).</translation>
    </message>
    <message>
        <source>The filter &quot;%1&quot; combines terms with something other than &quot;and&quot;; MLWatch charts one value (or &apos;*&apos;) per dimension.</source>
        <translation>Der Filter &quot;%1&quot; verknüpft Bedingungen mit etwas anderem als &quot;and&quot;; MLWatch zeigt pro Dimension einen Wert (oder &apos;*&apos;) im Diagramm.</translation>
    </message>
    <message>
        <source>The filter &quot;%1&quot; ends with &quot;and&quot;.</source>
        <translation>Der Filter &quot;%1&quot; endet mit &quot;and&quot;.</translation>
    </message>
    <message>
        <source>Azure metric %1 needs the ARM id of the resource to read it from.</source>
        <translation>Die Azure-Metrik %1 benötigt die ARM-ID der Ressource, aus der sie gelesen wird.</translation>
    </message>
    <message>
        <source>An Azure query for %1 has no metric name.</source>
        <translation>Eine Azure-Abfrage für %1 hat keinen Metriknamen.</translation>
    </message>
    <message>
        <source>Azure Monitor has no aggregation &quot;%1&quot; (metric %2); use Average, Minimum, Maximum, Total or Count.</source>
        <translation>Azure Monitor hat keine Aggregation &quot;%1&quot; (Metrik %2); verwenden Sie Average, Minimum, Maximum, Total oder Count.</translation>
    </message>
    <message>
        <source>Azure Monitor metrics for %1</source>
        <translation>Azure-Monitor-Metriken für %1</translation>
    </message>
    <message numerus="yes">
        <source>metrics:getBatch (%n resources)</source>
        <translation>
            <numerusform>metrics:getBatch (%n Ressource)</numerusform>
            <numerusform>metrics:getBatch (%n Ressourcen)</numerusform>
        </translation>
    </message>
    <message>
        <source>A time series&apos; &quot;data&quot; is not a list.</source>
        <translation>Das &quot;data&quot; einer Zeitreihe ist keine Liste.</translation>
    </message>
    <message>
        <source>A data point has no readable timeStamp.</source>
        <translation>Ein Datenpunkt hat keinen lesbaren timeStamp.</translation>
    </message>
    <message>
        <source>A metric in the answer has no name.</source>
        <translation>Eine Metrik in der Antwort hat keinen Namen.</translation>
    </message>
    <message>
        <source>The answer has no metric list (&quot;value&quot;).</source>
        <translation>Die Antwort enthält keine Metrikliste (&quot;value&quot;).</translation>
    </message>
    <message>
        <source>An entry of the metric list is not an object.</source>
        <translation>Ein Eintrag der Metrikliste ist kein Objekt.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON; it may have been cut off.</source>
        <translation>Die Antwort ist kein gültiges JSON; sie wurde möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>Die Antwort ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The metrics:getBatch answer has no &quot;values&quot; list.</source>
        <translation>Die Antwort von metrics:getBatch enthält keine Liste &quot;values&quot;.</translation>
    </message>
    <message>
        <source>A metrics:getBatch entry does not say which resource it is for.</source>
        <translation>Ein Eintrag von metrics:getBatch gibt nicht an, zu welcher Ressource er gehört.</translation>
    </message>
    <message>
        <source>%1: Azure Monitor returned nothing for %2. Check that the resource still exists in region %3.</source>
        <translation>%1: Azure Monitor hat für %2 nichts zurückgegeben. Prüfen Sie, ob die Ressource in Region %3 noch existiert.</translation>
    </message>
    <message>
        <source>%1: Azure Monitor returned nothing for metric %2 of %3.</source>
        <translation>%1: Azure Monitor hat für die Metrik %2 von %3 nichts zurückgegeben.</translation>
    </message>
    <message>
        <source>%1: Azure Monitor could not read %2 of %3: %4</source>
        <translation>%1: Azure Monitor konnte %2 von %3 nicht lesen: %4</translation>
    </message>
    <message>
        <source>%1: Azure rejected the access token for %2: it was issued for another audience (scope). The ARM scope is https://management.azure.com/.default, metrics:getBatch needs https://metrics.monitor.azure.com/.default.</source>
        <translation>%1: Azure hat das Zugriffstoken für %2 abgelehnt: Es wurde für eine andere Zielgruppe (Scope) ausgestellt. Der ARM-Scope ist https://management.azure.com/.default, metrics:getBatch benötigt https://metrics.monitor.azure.com/.default.</translation>
    </message>
    <message>
        <source>%1: Azure rejected the access token for %2, even a freshly fetched one (token rejected). Check the tenant id, the client id and that the client secret is still valid.</source>
        <translation>%1: Azure hat das Zugriffstoken für %2 abgelehnt, sogar ein frisch abgerufenes (Token abgelehnt). Prüfen Sie Mandanten-ID und Client-ID und ob das Client-Geheimnis noch gültig ist.</translation>
    </message>
    <message>
        <source>%1: signed in, but %2 was refused: needs the Reader role on the subscription. Ask an owner of the subscription to assign it to the app.</source>
        <translation>%1: angemeldet, aber %2 wurde verweigert: Erforderlich ist die Rolle Reader für das Abonnement. Bitten Sie einen Besitzer des Abonnements, sie der App zuzuweisen.</translation>
    </message>
    <message>
        <source>%1: signed in, but not allowed to read metrics of %2: needs the Monitoring Reader role (or Reader) on it. Ask an owner of the subscription to assign it to the app.</source>
        <translation>%1: angemeldet, aber ohne Berechtigung, Metriken von %2 zu lesen: Erforderlich ist dafür die Rolle Monitoring Reader (oder Reader). Bitten Sie einen Besitzer des Abonnements, sie der App zuzuweisen.</translation>
    </message>
    <message>
        <source>%1: %2: resource not found (%3%4). Check the resource id; the resource may have been deleted or moved.</source>
        <translation>%1: %2: Ressource nicht gefunden (%3%4). Prüfen Sie die Ressourcen-ID; die Ressource wurde möglicherweise gelöscht oder verschoben.</translation>
    </message>
    <message>
        <source>%1: %2 is throttled by Azure (HTTP 429), which asked to wait %3 s: longer than the %4 s MLWatch waits for one call. Try again later, refresh less often or chart fewer resources.</source>
        <translation>%1: %2 wird von Azure gedrosselt (HTTP 429), und Azure bat, %3 s zu warten: länger als die %4 s, die MLWatch auf einen Aufruf wartet. Versuchen Sie es später erneut, aktualisieren Sie seltener oder zeigen Sie weniger Ressourcen an.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 is throttled by Azure (HTTP 429; it asked to wait %3 s between tries) even after %n attempts. Refresh less often or chart fewer resources, then try again.</source>
        <translation>
            <numerusform>%1: %2 wird von Azure auch nach %n Versuch gedrosselt (HTTP 429; Azure bat, zwischen den Versuchen %3 s zu warten). Aktualisieren Sie seltener oder zeigen Sie weniger Ressourcen an und versuchen Sie es dann erneut.</numerusform>
            <numerusform>%1: %2 wird von Azure auch nach %n Versuchen gedrosselt (HTTP 429; Azure bat, zwischen den Versuchen %3 s zu warten). Aktualisieren Sie seltener oder zeigen Sie weniger Ressourcen an und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 is throttled by Azure (HTTP 429) even after %n attempts. Refresh less often or chart fewer resources, then try again.</source>
        <translation>
            <numerusform>%1: %2 wird von Azure auch nach %n Versuch gedrosselt (HTTP 429). Aktualisieren Sie seltener oder zeigen Sie weniger Ressourcen an und versuchen Sie es dann erneut.</numerusform>
            <numerusform>%1: %2 wird von Azure auch nach %n Versuchen gedrosselt (HTTP 429). Aktualisieren Sie seltener oder zeigen Sie weniger Ressourcen an und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 failed on the Azure side (%3) after %n attempts. Try again later.</source>
        <translation>
            <numerusform>%1: %2 ist nach %n Versuch auf Azure-Seite fehlgeschlagen (%3). Versuchen Sie es später erneut.</numerusform>
            <numerusform>%1: %2 ist nach %n Versuchen auf Azure-Seite fehlgeschlagen (%3). Versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: Azure refused %2: %3 (%4).</source>
        <translation>%1: Azure hat %2 abgelehnt: %3 (%4).</translation>
    </message>
    <message>
        <source>%1: %2 failed with HTTP status %3 and no Azure error details.</source>
        <translation>%1: %2 ist mit HTTP-Status %3 ohne Azure-Fehlerdetails fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::azure::AzureDiscovery</name>
    <message>
        <source>listing Azure subscriptions</source>
        <translation>Auflisten der Azure-Abonnements</translation>
    </message>
    <message>
        <source>listing Azure ML workspaces in subscription %1</source>
        <translation>Auflisten der Azure-ML-Arbeitsbereiche in Abonnement %1</translation>
    </message>
    <message>
        <source>listing online endpoints of workspace %1</source>
        <translation>Auflisten der Onlineendpunkte von Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>listing deployments of endpoint %1</source>
        <translation>Auflisten der Bereitstellungen von Endpunkt %1</translation>
    </message>
    <message>
        <source>listing compute of workspace %1</source>
        <translation>Auflisten der Computeressourcen von Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>%1: %2 answered with something MLWatch cannot read: %3</source>
        <translation>%1: %2 hat etwas geantwortet, das MLWatch nicht lesen kann: %3</translation>
    </message>
</context>
<context>
    <name>mlwatch::azure::AzureMonitorProvider</name>
    <message numerus="yes">
        <source>%n resources in subscription %1</source>
        <translation>
            <numerusform>%n Ressource in Abonnement %1</numerusform>
            <numerusform>%n Ressourcen in Abonnement %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 answered with something MLWatch cannot read: %3</source>
        <translation>%1: %2 hat etwas geantwortet, das MLWatch nicht lesen kann: %3</translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation>Der Abruf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The discovery was cancelled.</source>
        <translation>Die Ressourcensuche wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::azure::Catalog</name>
    <message>
        <source>Nodes — %1</source>
        <translation>Knoten — %1</translation>
    </message>
    <message>
        <source>Active nodes</source>
        <translation>Aktive Knoten</translation>
    </message>
    <message>
        <source>Idle nodes</source>
        <translation>Knoten im Leerlauf</translation>
    </message>
    <message>
        <source>Nodes the cluster runs for jobs, and nodes that wait idle before the cluster scales down: idle nodes are billed like busy ones.</source>
        <translation>Knoten, die der Cluster für Jobs betreibt, und Knoten, die im Leerlauf warten, bevor der Cluster herunterskaliert: Knoten im Leerlauf werden wie ausgelastete abgerechnet.</translation>
    </message>
    <message>
        <source>Cores — %1</source>
        <translation>Kerne — %1</translation>
    </message>
    <message>
        <source>Active cores</source>
        <translation>Aktive Kerne</translation>
    </message>
    <message>
        <source>Idle cores</source>
        <translation>Kerne im Leerlauf</translation>
    </message>
    <message>
        <source>Cores in use count against the VM family&apos;s quota; a data job that needs more cores than the quota leaves waits in the queue.</source>
        <translation>Belegte Kerne zählen gegen das Kontingent der VM-Familie; ein Datenjob, der mehr Kerne braucht, als das Kontingent übrig lässt, wartet in der Warteschlange.</translation>
    </message>
    <message>
        <source>CPU — %1</source>
        <translation>CPU — %1</translation>
    </message>
    <message>
        <source>CPU (average of nodes)</source>
        <translation>CPU (Mittel der Knoten)</translation>
    </message>
    <message>
        <source>CPU (busiest node)</source>
        <translation>CPU (meistbelasteter Knoten)</translation>
    </message>
    <message>
        <source>Shows whether the cluster&apos;s jobs are compute-bound; a job that takes longer every night on a busy CPU needs more nodes or less data per run.</source>
        <translation>Zeigt, ob die Jobs des Clusters durch Rechenleistung begrenzt sind; ein Job, der bei ausgelasteter CPU jede Nacht länger dauert, braucht mehr Knoten oder weniger Daten pro Lauf.</translation>
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
        <source>GPU memory — %1</source>
        <translation>GPU-Speicher — %1</translation>
    </message>
    <message>
        <source>GPU memory (average)</source>
        <translation>GPU-Speicher (Mittel)</translation>
    </message>
    <message>
        <source>GPU memory (fullest GPU)</source>
        <translation>GPU-Speicher (vollste GPU)</translation>
    </message>
    <message>
        <source>A GPU that runs out of memory ends the run; low GPU memory use leaves room for larger batches. Clusters without GPUs show nothing here.</source>
        <translation>Eine GPU, der der Speicher ausgeht, beendet den Lauf; wenig belegter GPU-Speicher lässt Raum für größere Batches. Cluster ohne GPUs zeigen hier nichts.</translation>
    </message>
    <message>
        <source>Runs — %1</source>
        <translation>Läufe — %1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Runs of the workspace as they start, complete or fail, per hour (Azure counts events; it has no count of active runs). A burst of failures usually means a broken environment or input, not the model.</source>
        <translation>Läufe des Arbeitsbereichs beim Starten, Abschließen oder Fehlschlagen, pro Stunde (Azure zählt Ereignisse; eine Zahl aktiver Läufe gibt es nicht). Eine Häufung von Fehlschlägen bedeutet meist eine defekte Umgebung oder Eingabe, nicht das Modell.</translation>
    </message>
    <message>
        <source>Dataset storage — %1</source>
        <translation>Datensatzspeicher — %1</translation>
    </message>
    <message>
        <source>Used capacity</source>
        <translation>Belegte Kapazität</translation>
    </message>
    <message>
        <source>The storage account behind the workspace holds datasets, snapshots and checkpoints; Azure reports its used capacity once an hour.</source>
        <translation>Das Speicherkonto hinter dem Arbeitsbereich enthält Datensätze, Snapshots und Checkpoints; Azure meldet seine belegte Kapazität einmal pro Stunde.</translation>
    </message>
    <message>
        <source>Model registrations — %1</source>
        <translation>Modellregistrierungen — %1</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Registration failed</source>
        <translation>Registrierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Models that pass evaluation are registered; a failed registration is a trained model that never reaches the registry.</source>
        <translation>Modelle, die die Evaluierung bestehen, werden registriert; eine fehlgeschlagene Registrierung ist ein trainiertes Modell, das die Registry nie erreicht.</translation>
    </message>
    <message>
        <source>Model deployments — %1</source>
        <translation>Modellbereitstellungen — %1</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Deployments of models in the workspace; a failed deployment leaves the previous model serving.</source>
        <translation>Bereitstellungen von Modellen im Arbeitsbereich; bei einer fehlgeschlagenen Bereitstellung bleibt das vorherige Modell aktiv.</translation>
    </message>
    <message>
        <source>Deployment CPU — %1</source>
        <translation>CPU der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>CPU (average)</source>
        <translation>CPU (Mittel)</translation>
    </message>
    <message>
        <source>CPU (busiest instance)</source>
        <translation>CPU (meistbelastete Instanz)</translation>
    </message>
    <message>
        <source>CPU near its limit needs more instances before latency suffers; CPU in the low single digits for days means the deployment is over-provisioned.</source>
        <translation>Eine CPU nahe am Limit braucht mehr Instanzen, bevor die Latenz leidet; tagelang einstellige Auslastung bedeutet, dass die Bereitstellung überdimensioniert ist.</translation>
    </message>
    <message>
        <source>Deployment memory — %1</source>
        <translation>Arbeitsspeicher der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>Memory (average)</source>
        <translation>Arbeitsspeicher (Mittel)</translation>
    </message>
    <message>
        <source>Memory (fullest instance)</source>
        <translation>Arbeitsspeicher (vollste Instanz)</translation>
    </message>
    <message>
        <source>Above 85 % a model server risks being killed out of memory: it restarts and its requests fail. Memory that only ever climbs is a leak.</source>
        <translation>Über 85 % droht einem Modellserver das Beenden wegen Speichermangels: Er startet neu, und seine Anfragen scheitern. Arbeitsspeicher, der immer nur steigt, ist ein Leck.</translation>
    </message>
    <message>
        <source>Instances — %1</source>
        <translation>Instanzen — %1</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>How many instances serve the deployment; a drop nobody asked for means instances failed or were evicted.</source>
        <translation>Wie viele Instanzen die Bereitstellung bedienen; ein Rückgang, den niemand veranlasst hat, bedeutet, dass Instanzen ausgefallen sind oder verdrängt wurden.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Request latency — %1</source>
        <translation>Anfragelatenz — %1</translation>
    </message>
    <message>
        <source>Latency (P99)</source>
        <translation>Latenz (P99)</translation>
    </message>
    <message>
        <source>Quota utilisation — %1</source>
        <translation>Kontingentauslastung — %1</translation>
    </message>
    <message>
        <source>The share of the VM family&apos;s core quota each cluster holds; at 100 % new nodes cannot start and jobs queue until a quota increase.</source>
        <translation>Der Anteil am Kernkontingent der VM-Familie, den jeder Cluster belegt; bei 100 % können keine neuen Knoten starten, und Jobs warten, bis das Kontingent erhöht wird.</translation>
    </message>
    <message>
        <source>Deployment GPU — %1</source>
        <translation>GPU der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>GPU (average)</source>
        <translation>GPU (Durchschnitt)</translation>
    </message>
    <message>
        <source>GPU (busiest instance)</source>
        <translation>GPU (am stärksten ausgelastete Instanz)</translation>
    </message>
    <message>
        <source>GPU the model server uses; a GPU that idles in the low single digits while requests arrive means the model runs on the CPU or the deployment would be cheaper on a CPU SKU.</source>
        <translation>GPU, die der Modellserver nutzt; eine GPU, die im niedrigen einstelligen Bereich dümpelt, während Anfragen eintreffen, bedeutet, dass das Modell auf der CPU läuft oder die Bereitstellung mit einer CPU-SKU günstiger wäre.</translation>
    </message>
    <message>
        <source>Deployment GPU memory — %1</source>
        <translation>GPU-Speicher der Bereitstellung — %1</translation>
    </message>
    <message>
        <source>GPU memory (fullest instance)</source>
        <translation>GPU-Speicher (vollste Instanz)</translation>
    </message>
    <message>
        <source>A GPU that runs out of memory fails the request that needed it; memory that grows with traffic means batches or caches without a limit.</source>
        <translation>Geht einer GPU der Speicher aus, schlägt die Anfrage fehl, die ihn benötigt hat; Speicher, der mit dem Verkehr wächst, deutet auf Batches oder Caches ohne Begrenzung hin.</translation>
    </message>
    <message>
        <source>Request rate — %1</source>
        <translation>Anfragerate — %1</translation>
    </message>
    <message>
        <source>Requests per second: a sudden drop often means a broken client rather than a quiet day.</source>
        <translation>Anfragen pro Sekunde: Ein plötzlicher Einbruch deutet eher auf einen defekten Client hin als auf einen ruhigen Tag.</translation>
    </message>
    <message>
        <source>Error rate — %1</source>
        <translation>Fehlerrate — %1</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Serverfehler (5xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Clientfehler (4xx)</translation>
    </message>
    <message>
        <source>The share of requests that failed: 5xx are failures of the deployment or the platform, 4xx requests the endpoint refused (malformed input, an old client schema). Minutes without requests are gaps, not 0 %.</source>
        <translation>Der Anteil fehlgeschlagener Anfragen: 5xx sind Ausfälle der Bereitstellung oder der Plattform, 4xx Anfragen, die der Endpunkt abgelehnt hat (fehlerhafte Eingaben, ein veraltetes Client-Schema). Minuten ohne Anfragen sind Lücken, nicht 0 %.</translation>
    </message>
    <message>
        <source>Latency (median)</source>
        <translation>Latenz (Median)</translation>
    </message>
    <message>
        <source>Time the endpoint takes to answer; the 99th percentile shows the slow requests a median hides.</source>
        <translation>Zeit, die der Endpunkt für eine Antwort braucht; das 99. Perzentil zeigt die langsamen Anfragen, die ein Median verbirgt.</translation>
    </message>
</context>
<context>
    <name>mlwatch::gcp</name>
    <message>
        <source>The list is not valid JSON; it may have been cut off.</source>
        <translation>Die Liste ist kein gültiges JSON; sie wurde möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>The list is not a JSON object.</source>
        <translation>Die Liste ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The list&apos;s &quot;%1&quot; is not a list.</source>
        <translation>Das Feld &quot;%1&quot; der Liste ist keine Liste.</translation>
    </message>
    <message>
        <source>Monitoring Viewer (roles/monitoring.viewer)</source>
        <translation>Monitoring Viewer (roles/monitoring.viewer)</translation>
    </message>
    <message>
        <source>Vertex AI Viewer (roles/aiplatform.viewer)</source>
        <translation>Vertex AI Viewer (roles/aiplatform.viewer)</translation>
    </message>
    <message>
        <source>Service Usage Consumer (roles/serviceusage.serviceUsageConsumer)</source>
        <translation>Service Usage Consumer (roles/serviceusage.serviceUsageConsumer)</translation>
    </message>
    <message>
        <source>a role that includes it</source>
        <translation>eine Rolle, die sie enthält</translation>
    </message>
    <message>
        <source>%1: Google refused %2 because the credentials have no quota project (user credentials are billed to a project of your own). Run &quot;gcloud auth application-default set-quota-project %3&quot; and import the file again, or set the account&apos;s quota project.</source>
        <translation>%1: Google hat %2 abgelehnt, weil die Zugangsdaten kein Kontingentprojekt haben (Nutzer-Zugangsdaten werden einem eigenen Projekt in Rechnung gestellt). Führen Sie &quot;gcloud auth application-default set-quota-project %3&quot; aus und importieren Sie die Datei erneut, oder legen Sie das Kontingentprojekt des Kontos fest.</translation>
    </message>
    <message>
        <source>%1: %2 was refused: the %3 is not enabled in project %4. Enable it (&quot;gcloud services enable %5 --project %4&quot;%6) and try again a few minutes later.</source>
        <translation>%1: %2 wurde abgelehnt: Die %3 ist im Projekt %4 nicht aktiviert. Aktivieren Sie sie (&quot;gcloud services enable %5 --project %4&quot;%6) und versuchen Sie es einige Minuten später erneut.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source> or open %1</source>
        <translation> oder öffnen Sie %1</translation>
    </message>
    <message>
        <source>%1: Google refused %2: the caller may not bill quota project %3. Grant it Service Usage Consumer (roles/serviceusage.serviceUsageConsumer) on that project or use another quota project.</source>
        <translation>%1: Google hat %2 abgelehnt: Der Aufrufer darf das Kontingentprojekt %3 nicht belasten. Gewähren Sie ihm Service Usage Consumer (roles/serviceusage.serviceUsageConsumer) für dieses Projekt oder verwenden Sie ein anderes Kontingentprojekt.</translation>
    </message>
    <message>
        <source>%1: the access token lacks the OAuth scope %2 needs (%3). Sign in with that scope.</source>
        <translation>%1: Dem Zugriffstoken fehlt der OAuth-Scope, den %2 benötigt (%3). Melden Sie sich mit diesem Scope an.</translation>
    </message>
    <message>
        <source>%1: signed in, but %2 was refused in project %3: the permission %4 is missing. Grant the account %5 on the project.</source>
        <translation>%1: angemeldet, aber %2 wurde im Projekt %3 abgelehnt: Die Berechtigung %4 fehlt. Weisen Sie dem Konto %5 für das Projekt zu.</translation>
    </message>
    <message>
        <source>%1: %2 is over Google&apos;s quota (RESOURCE_EXHAUSTED), and Google asked to wait %3 s: longer than the %4 s MLWatch waits for one call. Try again later, refresh less often or chart fewer series.</source>
        <translation>%1: %2 überschreitet das Kontingent von Google (RESOURCE_EXHAUSTED), und Google bat, %3 s zu warten: länger als die %4 s, die MLWatch auf einen Aufruf wartet. Versuchen Sie es später erneut, aktualisieren Sie seltener oder zeigen Sie weniger Reihen an.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 is over Google&apos;s quota (RESOURCE_EXHAUSTED%3) even after %n attempts. Refresh less often or chart fewer series, or ask for a higher quota, then try again.</source>
        <translation>
            <numerusform>%1: %2 überschreitet auch nach %n Versuch das Kontingent von Google (RESOURCE_EXHAUSTED%3). Aktualisieren Sie seltener, zeigen Sie weniger Reihen an oder beantragen Sie ein höheres Kontingent, und versuchen Sie es dann erneut.</numerusform>
            <numerusform>%1: %2 überschreitet auch nach %n Versuchen das Kontingent von Google (RESOURCE_EXHAUSTED%3). Aktualisieren Sie seltener, zeigen Sie weniger Reihen an oder beantragen Sie ein höheres Kontingent, und versuchen Sie es dann erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: Google rejected the access token for %2, even a freshly fetched one (UNAUTHENTICATED). Import the key file again (it may have been deleted or disabled) or, for user credentials, run &quot;gcloud auth application-default login&quot; again.</source>
        <translation>%1: Google hat das Zugriffstoken für %2 abgelehnt, sogar ein frisch abgerufenes (UNAUTHENTICATED). Importieren Sie die Schlüsseldatei erneut (der Schlüssel wurde möglicherweise gelöscht oder deaktiviert) oder führen Sie bei Nutzer-Zugangsdaten erneut &quot;gcloud auth application-default login&quot; aus.</translation>
    </message>
    <message>
        <source>%1: Google refused %2 (HTTP 403). Check that the account may read project %3.</source>
        <translation>%1: Google hat %2 abgelehnt (HTTP 403). Prüfen Sie, ob das Konto das Projekt %3 lesen darf.</translation>
    </message>
    <message>
        <source>%1: %2: not found (%3). Check the project id %4 and the location; the resource may have been deleted.</source>
        <translation>%1: %2: nicht gefunden (%3). Prüfen Sie die Projekt-ID %4 und den Standort; die Ressource wurde möglicherweise gelöscht.</translation>
    </message>
    <message>
        <source>%1: Google refused %2 as invalid: %3</source>
        <translation>%1: Google hat %2 als ungültig abgelehnt: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 failed on Google&apos;s side (%3) after %n attempts. Try again later.</source>
        <translation>
            <numerusform>%1: %2 ist nach %n Versuch auf Google-Seite fehlgeschlagen (%3). Versuchen Sie es später erneut.</numerusform>
            <numerusform>%1: %2 ist nach %n Versuchen auf Google-Seite fehlgeschlagen (%3). Versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: Google refused %2: %3 (%4).</source>
        <translation>%1: Google hat %2 abgelehnt: %3 (%4).</translation>
    </message>
    <message>
        <source>%1: %2 failed with HTTP status %3 and no Google error details.</source>
        <translation>%1: %2 ist mit HTTP-Status %3 ohne Google-Fehlerdetails fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A Google Cloud Monitoring query has no metric type.</source>
        <translation>Eine Abfrage an Google Cloud Monitoring hat keinen Metriktyp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label Google Cloud Monitoring can filter on (metric %2); name labels resource.labels.NAME or metric.labels.NAME.</source>
        <translation>&quot;%1&quot; ist kein Label, nach dem Google Cloud Monitoring filtern kann (Metrik %2); benennen Sie Labels als resource.labels.NAME oder metric.labels.NAME.</translation>
    </message>
    <message>
        <source>The label %1 is given twice in a query for %2.</source>
        <translation>Das Label %1 ist in einer Abfrage für %2 doppelt angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an aggregation: write ALIGNER or ALIGNER|REDUCER, e.g. ALIGN_RATE|REDUCE_SUM.</source>
        <translation>&quot;%1&quot; ist keine Aggregation: Schreiben Sie ALIGNER oder ALIGNER|REDUCER, z. B. ALIGN_RATE|REDUCE_SUM.</translation>
    </message>
    <message>
        <source>Google Cloud Monitoring has no aligner &quot;%1&quot;; use one such as ALIGN_MEAN, ALIGN_RATE, ALIGN_DELTA or ALIGN_PERCENTILE_99.</source>
        <translation>Google Cloud Monitoring hat keinen Aligner &quot;%1&quot;; verwenden Sie einen wie ALIGN_MEAN, ALIGN_RATE, ALIGN_DELTA oder ALIGN_PERCENTILE_99.</translation>
    </message>
    <message>
        <source>Google Cloud Monitoring has no cross-series reducer &quot;%1&quot;; use one such as REDUCE_SUM, REDUCE_MEAN or REDUCE_PERCENTILE_99.</source>
        <translation>Google Cloud Monitoring hat keinen serienübergreifenden Reducer &quot;%1&quot;; verwenden Sie einen wie REDUCE_SUM, REDUCE_MEAN oder REDUCE_PERCENTILE_99.</translation>
    </message>
    <message>
        <source>The reducer %1 needs an aligner before it (e.g. ALIGN_DELTA|%1): Google reduces only aligned series.</source>
        <translation>Der Reducer %1 benötigt davor einen Aligner (z. B. ALIGN_DELTA|%1): Google reduziert nur ausgerichtete Reihen.</translation>
    </message>
    <message>
        <source>A Google Cloud Monitoring query needs the project to read from (projects/PROJECT).</source>
        <translation>Eine Abfrage an Google Cloud Monitoring benötigt das Projekt, aus dem gelesen wird (projects/PROJECT).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Google Cloud project; MLWatch reads metrics of projects (projects/PROJECT), not of folders or organizations.</source>
        <translation>&quot;%1&quot; ist kein Google-Cloud-Projekt; MLWatch liest Metriken von Projekten (projects/PROJECT), nicht von Ordnern oder Organisationen.</translation>
    </message>
    <message>
        <source>timeSeries.list (%1, project %2)</source>
        <translation>timeSeries.list (%1, Projekt %2)</translation>
    </message>
    <message>
        <source>A data point has no readable interval.endTime.</source>
        <translation>Ein Datenpunkt hat kein lesbares interval.endTime.</translation>
    </message>
    <message>
        <source>A doubleValue is not a number.</source>
        <translation>Ein doubleValue ist keine Zahl.</translation>
    </message>
    <message>
        <source>An int64Value is not an integer.</source>
        <translation>Ein int64Value ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>A distribution&apos;s count is not an integer.</source>
        <translation>Die Anzahl (count) einer Verteilung ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>A distribution&apos;s mean is not a number.</source>
        <translation>Der Mittelwert (mean) einer Verteilung ist keine Zahl.</translation>
    </message>
    <message>
        <source>A time series&apos; &quot;points&quot; is not a list.</source>
        <translation>Das &quot;points&quot; einer Zeitreihe ist keine Liste.</translation>
    </message>
    <message>
        <source>A data point is not an object.</source>
        <translation>Ein Datenpunkt ist kein Objekt.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON; it may have been cut off.</source>
        <translation>Die Antwort ist kein gültiges JSON; sie wurde möglicherweise abgeschnitten.</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>Die Antwort ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The answer&apos;s &quot;timeSeries&quot; is not a list.</source>
        <translation>Das Feld &quot;timeSeries&quot; der Antwort ist keine Liste.</translation>
    </message>
    <message>
        <source>An entry of &quot;timeSeries&quot; is not an object.</source>
        <translation>Ein Eintrag von &quot;timeSeries&quot; ist kein Objekt.</translation>
    </message>
    <message numerus="yes">
        <source>%1: Google Cloud Monitoring returned %n more time series than charts for %2 (they differ in %3); MLWatch shows the first. Add a cross-series reducer (e.g. ALIGN_MEAN|REDUCE_MEAN) or split the chart by that label (value &quot;*&quot;).</source>
        <translation>
            <numerusform>%1: Google Cloud Monitoring hat %n Zeitreihe mehr zurückgegeben, als es Diagramme für %2 gibt (sie unterscheiden sich in %3); MLWatch zeigt die erste. Fügen Sie einen serienübergreifenden Reducer hinzu (z. B. ALIGN_MEAN|REDUCE_MEAN) oder teilen Sie das Diagramm nach diesem Label auf (Wert &quot;*&quot;).</numerusform>
            <numerusform>%1: Google Cloud Monitoring hat %n Zeitreihen mehr zurückgegeben, als es Diagramme für %2 gibt (sie unterscheiden sich in %3); MLWatch zeigt die erste. Fügen Sie einen serienübergreifenden Reducer hinzu (z. B. ALIGN_MEAN|REDUCE_MEAN) oder teilen Sie das Diagramm nach diesem Label auf (Wert &quot;*&quot;).</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing visible</source>
        <translation>nichts Sichtbarem</translation>
    </message>
    <message>
        <source>A query for %1 has an empty filter expression, a &quot;*&quot; one or two of them; give one Cloud Monitoring filter.</source>
        <translation>Eine Abfrage für %1 hat einen leeren Filterausdruck, einen „*“-Filter oder zwei davon; geben Sie genau einen Filter für Cloud Monitoring an.</translation>
    </message>
</context>
<context>
    <name>mlwatch::gcp::Catalog</name>
    <message>
        <source>Dataflow vCPUs — %1</source>
        <translation>Dataflow-vCPUs — %1</translation>
    </message>
    <message>
        <source>vCPUs (all jobs)</source>
        <translation>vCPUs (alle Jobs)</translation>
    </message>
    <message>
        <source>vCPUs the project&apos;s Dataflow jobs run on; a streaming job pinned at its maximum cannot scale further and falls behind.</source>
        <translation>vCPUs, auf denen die Dataflow-Jobs des Projekts laufen; ein Streaming-Job, der an seinem Maximum festhängt, kann nicht weiter skalieren und gerät in Rückstand.</translation>
    </message>
    <message>
        <source>Dataflow memory-usage time — %1</source>
        <translation>Dataflow-Speichernutzungszeit — %1</translation>
    </message>
    <message>
        <source>Memory-usage time, GB·s (all jobs)</source>
        <translation>Speichernutzungszeit, GB·s (alle Jobs)</translation>
    </message>
    <message>
        <source>Memory the project&apos;s Dataflow workers have held, in GB·s (GB times seconds, as it is billed); a nightly job whose total grows faster every night is growing with its data.</source>
        <translation>Speicher, den die Dataflow-Worker des Projekts belegt haben, in GB·s (GB mal Sekunden, wie abgerechnet wird); ein nächtlicher Job, dessen Summe jede Nacht schneller wächst, wächst mit seinen Daten.</translation>
    </message>
    <message>
        <source>Dataflow system lag — %1</source>
        <translation>Dataflow-Systemverzögerung — %1</translation>
    </message>
    <message>
        <source>System lag (worst job)</source>
        <translation>Systemverzögerung (schlechtester Job)</translation>
    </message>
    <message>
        <source>How long an element has waited inside a streaming job; a lag that climbs for hours means features reach training and serving late.</source>
        <translation>Wie lange ein Element in einem Streaming-Job gewartet hat; eine Verzögerung, die stundenlang steigt, bedeutet, dass Features verspätet beim Training und bei der Bereitstellung ankommen.</translation>
    </message>
    <message>
        <source>CPU vs accelerator — %1</source>
        <translation>CPU vs. Beschleuniger — %1</translation>
    </message>
    <message>
        <source>CPU utilisation</source>
        <translation>CPU-Auslastung</translation>
    </message>
    <message>
        <source>Accelerator utilisation</source>
        <translation>Beschleuniger-Auslastung</translation>
    </message>
    <message>
        <source>A pegged CPU next to an idle accelerator means the input pipeline, not the model, limits training speed: you pay for a GPU that waits.</source>
        <translation>Eine voll ausgelastete CPU neben einem untätigen Beschleuniger bedeutet, dass die Eingabe-Pipeline und nicht das Modell die Trainingsgeschwindigkeit begrenzt: Sie zahlen für eine GPU, die wartet.</translation>
    </message>
    <message>
        <source>Accelerator memory — %1</source>
        <translation>Beschleunigerspeicher — %1</translation>
    </message>
    <message>
        <source>Accelerator memory (average)</source>
        <translation>Beschleunigerspeicher (Durchschnitt)</translation>
    </message>
    <message>
        <source>Accelerator memory (fullest)</source>
        <translation>Beschleunigerspeicher (vollster)</translation>
    </message>
    <message>
        <source>An accelerator that runs out of memory ends the run; low memory use leaves room for larger batches.</source>
        <translation>Ein Beschleuniger, dem der Speicher ausgeht, beendet den Lauf; geringe Speichernutzung lässt Raum für größere Batches.</translation>
    </message>
    <message>
        <source>BigQuery query times — %1</source>
        <translation>BigQuery-Abfragezeiten — %1</translation>
    </message>
    <message>
        <source>Batch queries (median)</source>
        <translation>Batch-Abfragen (Median)</translation>
    </message>
    <message>
        <source>Batch queries (P99)</source>
        <translation>Batch-Abfragen (P99)</translation>
    </message>
    <message>
        <source>Interactive queries (median)</source>
        <translation>Interaktive Abfragen (Median)</translation>
    </message>
    <message>
        <source>Execution time of successful queries (BigQuery reports it after up to 7 minutes); evaluation queries that get slower week over week scan a table that grew without partition pruning.</source>
        <translation>Ausführungszeit erfolgreicher Abfragen (BigQuery meldet sie nach bis zu 7 Minuten); Evaluierungsabfragen, die von Woche zu Woche langsamer werden, durchsuchen eine Tabelle, die ohne Partition Pruning gewachsen ist.</translation>
    </message>
    <message>
        <source>Dataset storage — %1</source>
        <translation>Datensatzspeicher — %1</translation>
    </message>
    <message>
        <source>Live objects (all buckets)</source>
        <translation>Aktive Objekte (alle Buckets)</translation>
    </message>
    <message>
        <source>Bytes of live objects in the project&apos;s buckets, where datasets and snapshots are kept; Cloud Storage measures it once a day.</source>
        <translation>Bytes aktiver Objekte in den Buckets des Projekts, in denen Datensätze und Snapshots liegen; Cloud Storage misst dies einmal täglich.</translation>
    </message>
    <message>
        <source>Endpoint CPU — %1</source>
        <translation>Endpunkt-CPU — %1</translation>
    </message>
    <message>
        <source>CPU (average of replicas)</source>
        <translation>CPU (Durchschnitt der Replikate)</translation>
    </message>
    <message>
        <source>CPU (busiest replica)</source>
        <translation>CPU (ausgelastetstes Replikat)</translation>
    </message>
    <message>
        <source>CPU the replicas use; the autoscaler adds replicas above its target (60 % by default), so CPU far above it means the replicas trail the traffic.</source>
        <translation>CPU, die die Replikate nutzen; der Autoscaler fügt oberhalb seines Ziels (standardmäßig 60 %) Replikate hinzu, daher bedeutet eine CPU weit darüber, dass die Replikate dem Datenverkehr hinterherhinken.</translation>
    </message>
    <message>
        <source>Endpoint memory — %1</source>
        <translation>Endpunkt-Speicher — %1</translation>
    </message>
    <message>
        <source>Memory (average of replicas)</source>
        <translation>Speicher (Durchschnitt der Replikate)</translation>
    </message>
    <message>
        <source>Memory (fullest replica)</source>
        <translation>Speicher (vollstes Replikat)</translation>
    </message>
    <message>
        <source>Memory a replica uses; a model server that outgrows its machine is killed and restarts, and memory that only ever climbs is a leak.</source>
        <translation>Speicher, den ein Replikat nutzt; ein Modellserver, der seiner Maschine entwächst, wird beendet und neu gestartet, und Speicher, der nur steigt, ist ein Leck.</translation>
    </message>
    <message>
        <source>Replicas — %1</source>
        <translation>Replikate — %1</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Target replicas</source>
        <translation>Ziel-Replikate</translation>
    </message>
    <message>
        <source>Replicas serving against the autoscaler&apos;s target; replicas that trail the target for minutes during a surge show as slow requests.</source>
        <translation>Aktive Replikate im Vergleich zum Ziel des Autoscalers; Replikate, die bei einem Lastanstieg minutenlang hinter dem Ziel zurückbleiben, zeigen sich als langsame Anfragen.</translation>
    </message>
    <message>
        <source>Prediction latency — %1</source>
        <translation>Vorhersage-Latenz — %1</translation>
    </message>
    <message>
        <source>Latency (median)</source>
        <translation>Latenz (Median)</translation>
    </message>
    <message>
        <source>Latency (P99)</source>
        <translation>Latenz (P99)</translation>
    </message>
    <message>
        <source>Time the endpoint takes to answer; the 99th percentile shows the slow requests a median hides.</source>
        <translation>Zeit, die der Endpunkt zum Antworten braucht; das 99. Perzentil zeigt die langsamen Anfragen, die ein Median verbirgt.</translation>
    </message>
    <message>
        <source>Endpoint accelerators — %1</source>
        <translation>Beschleuniger des Endpunkts — %1</translation>
    </message>
    <message>
        <source>Accelerator duty cycle (average of replicas)</source>
        <translation>Beschleuniger-Auslastung (Durchschnitt der Replikate)</translation>
    </message>
    <message>
        <source>Accelerator duty cycle (busiest replica)</source>
        <translation>Beschleuniger-Auslastung (am stärksten ausgelastetes Replikat)</translation>
    </message>
    <message>
        <source>Share of time the replicas&apos; accelerators compute; an accelerator idle while predictions arrive means the model runs on the CPU, or a smaller machine would serve the traffic.</source>
        <translation>Zeitanteil, in dem die Beschleuniger der Replikate rechnen; ein untätiger Beschleuniger, während Vorhersagen eintreffen, bedeutet, dass das Modell auf der CPU läuft oder eine kleinere Maschine den Verkehr bewältigen würde.</translation>
    </message>
    <message>
        <source>Prediction rate — %1</source>
        <translation>Vorhersagerate — %1</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Predictions per second: a sudden drop often means a broken client rather than a quiet day.</source>
        <translation>Vorhersagen pro Sekunde: Ein plötzlicher Einbruch deutet eher auf einen defekten Client hin als auf einen ruhigen Tag.</translation>
    </message>
    <message>
        <source>Error rate — %1</source>
        <translation>Fehlerrate — %1</translation>
    </message>
    <message>
        <source>Failed predictions</source>
        <translation>Fehlgeschlagene Vorhersagen</translation>
    </message>
    <message>
        <source>The share of predictions that failed; a burst usually means a dependency of the model server (a feature store, a bucket) is unreachable. Minutes without predictions are gaps, not 0 %.</source>
        <translation>Der Anteil fehlgeschlagener Vorhersagen; ein plötzlicher Anstieg bedeutet meist, dass eine Abhängigkeit des Modellservers (ein Feature Store, ein Bucket) nicht erreichbar ist. Minuten ohne Vorhersagen sind Lücken, nicht 0 %.</translation>
    </message>
    <message>
        <source>Model drift — %1</source>
        <translation>Modelldrift — %1</translation>
    </message>
    <message>
        <source>Feature drift (worst feature)</source>
        <translation>Feature-Drift (schlechtestes Feature)</translation>
    </message>
    <message>
        <source>Prediction output drift (worst)</source>
        <translation>Drift der Vorhersageausgabe (schlechteste)</translation>
    </message>
    <message>
        <source>How far live inputs and predictions have moved from the baseline, as Vertex AI Model Monitoring measures them on each scheduled run; a value that keeps growing means the model is scoring data it was not trained on. Empty unless a monitoring schedule runs.</source>
        <translation>Wie weit sich Live-Eingaben und Vorhersagen von der Baseline entfernt haben, gemessen von Vertex AI Model Monitoring bei jedem geplanten Lauf; ein stetig wachsender Wert bedeutet, dass das Modell Daten bewertet, mit denen es nicht trainiert wurde. Leer, solange kein Monitoring-Zeitplan läuft.</translation>
    </message>
</context>
<context>
    <name>mlwatch::gcp::CloudMonitoringProvider</name>
    <message>
        <source>%1: %2 answered with something MLWatch cannot read: %3</source>
        <translation>%1: %2 hat etwas geantwortet, das MLWatch nicht lesen kann: %3</translation>
    </message>
    <message>
        <source>The fetch was cancelled.</source>
        <translation>Der Abruf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The discovery was cancelled.</source>
        <translation>Die Ressourcensuche wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>mlwatch::gcp::GcpDiscovery</name>
    <message>
        <source>%1: no Google Cloud project to look in. Add the project id to the account.</source>
        <translation>%1: kein Google-Cloud-Projekt zum Durchsuchen. Fügen Sie dem Konto die Projekt-ID hinzu.</translation>
    </message>
    <message>
        <source>listing Vertex AI endpoints in %1 (project %2)</source>
        <translation>Auflisten der Endpunkte von Vertex AI in %1 (Projekt %2)</translation>
    </message>
    <message>
        <source>listing Vertex AI training pipelines in %1 (project %2)</source>
        <translation>Auflisten der Trainingspipelines von Vertex AI in %1 (Projekt %2)</translation>
    </message>
    <message>
        <source>listing Vertex AI custom jobs in %1 (project %2)</source>
        <translation>Auflisten der benutzerdefinierten Jobs von Vertex AI in %1 (Projekt %2)</translation>
    </message>
    <message>
        <source>%1: %2 answered with something MLWatch cannot read: %3</source>
        <translation>%1: %2 hat etwas geantwortet, das MLWatch nicht lesen kann: %3</translation>
    </message>
</context>
</TS>
