<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
