# The Swedish catalogue: the interface's default language.
site-name = juryn
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-awards = Utmärkelser
crumbs-label = Du är här
footer-about = juryn – öppen programvara för juryade utmärkelser. Kartdata: Källa: SCB.

home-heading = Utmärkelser
home-lead = Här finns utmärkelserna som delas ut med juryn: vilka som har deltagit, vilka som är nominerade och vem som har vunnit.
home-empty = Det finns inga utmärkelser än.

award-organiser = Arrangör
award-criterion-heading = Vem kan vinna?
award-editions-heading = Omgångar
award-no-editions = Inga omgångar än.
past-winners-heading = Tidigare vinnare
past-winners-none = Inga tidigare vinnare.

phase-draft = Förbereds
phase-call-open = Enkäten är öppen
phase-call-closed = Enkäten har stängt
phase-shortlisting = Juryn bedömer bidragen
phase-nominated = De nominerade är utsedda
phase-in-depth-review = Fördjupad granskning
phase-deliberation = Juryn överlägger
phase-decided = Juryns beslut är fattat
phase-announced = Vinnaren är utsedd
phase-archived = Avslutad

status-invited = Inbjuden
status-draft = Påbörjat
status-submitted = Svarade på enkäten
status-withdrawn = Återtaget

edition-ordinal = Utmärkelsen delas ut för { $ordinal } gången.
edition-phase = Läge
edition-winner-heading = Vinnare
edition-nominees-heading = De nominerade
edition-nominees-intro = Juryn har slutnominerat { $count } kommuner:
edition-nominees-pending = Juryn presenterar de nominerade { $when }.
edition-nominees-pending-undated = Juryn har ännu inte presenterat de nominerade.
edition-see-jury = Se juryns medlemmar
edition-selection-heading = Så utses vinnaren
edition-criteria-heading = Bedömningskriterier
edition-timeline-heading = Hålltider
edition-timeline-caption = Hålltider för omgången
edition-timeline-when = När
edition-timeline-what = Vad
edition-booklet-heading = Skriften
edition-booklet-pending = Skriften med kommunernas svar publiceras i { $when }.
edition-booklet-pending-undated = Skriften med kommunernas svar är inte publicerad än.
edition-participants-heading = Deltagande kommuner
edition-participants-count = { $count } kommuner har svarat på enkäten.
edition-participants-list = Alla deltagande kommuner
edition-map-title = Karta över deltagande kommuner
edition-map-desc = Sveriges kommuner; de { $count } som har svarat på enkäten är markerade.
edition-map-desc-nominees = Sveriges kommuner; de { $count } som har svarat på enkäten är markerade, och de nominerade är framhävda: { $nominees }.
edition-example-note = Svaren i den här demon är påhittade exempeltexter (Exempeltext).
map-legend-label = Kartans teckenförklaring
map-legend-participant = Har svarat på enkäten
map-legend-nominee = Nominerad
map-legend-winner = Vinnare
map-credit = Källa: SCB

jury-heading = Juryn för { $edition }
jury-crumb = Juryn
jury-chair = ordförande
jury-empty = Juryn är inte presenterad än.
jury-example-note = Jurymedlemmarna i den här demon är påhittade (exempeldata).
jury-back = Tillbaka till { $edition }

municipality-county = Län
municipality-code = Kommunkod
municipality-entries-heading = Deltagande
municipality-no-entries = Kommunen har inte deltagit i någon omgång här.
municipality-col-edition = Omgång
municipality-col-entry = Bidrag
municipality-col-result = Resultat
municipality-nominee = Nominerad
municipality-winner = Vinnare
municipality-wins-heading = Utmärkelser
municipality-won = { $award } { $year }
municipality-map-desc = { $name } markerad på en karta över { $county }.

error-not-found-title = Sidan finns inte
error-not-found-text = Vi hittar ingen sida på den adressen. Den kan ha flyttats, eller så är adressen felskriven.
error-bad-request-title = Felaktig förfrågan
error-bad-request-text = Adressen eller formuläret innehöll något vi inte kan läsa. Kontrollera det och försök igen.
error-internal-title = Något gick fel
error-internal-text = Ett fel uppstod hos oss. Försök igen om en stund.
error-way-back = Till startsidan
api-not-found = Det finns inget sådant.
api-bad-request = Felaktig förfrågan.
api-internal = Ett fel uppstod hos oss.
