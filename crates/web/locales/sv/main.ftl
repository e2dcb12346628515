# The Swedish catalogue: the interface's default language.
site-name = juryn
skip-to-content = Hoppa till innehållet
nav-label = Huvudmeny
nav-awards = Utmärkelser
crumbs-label = Du är här
footer-about = juryn – öppen programvara för juryade utmärkelser. Kartdata: Källa: SCB.

home-heading = Utmärkelser
home-lead = Här finns utmärkelserna: vilka som har deltagit, vilka som är nominerade och vem som har vunnit.
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
status-withdrawn = Tillbakadraget

edition-ordinal = Utmärkelsen delas ut för { $ordinal } gången.
edition-phase = Läge
edition-winner-heading = Vinnare
edition-nominees-heading = De nominerade
edition-nominees-intro = Juryn har slutnominerat { $count } kommuner:
edition-nominees-intro-entries = Juryn har slutnominerat { $count } bidrag:
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
edition-booklet-pending = Skriften med kommunernas svar publiceras { $when }.
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

municipalities-title = Kommunerna
municipalities-intro = Sveriges { $count } kommuner, län för län. Varje kommuns sida visar vad den har deltagit i och vunnit.
nav-municipalities = Kommuner
municipality-county = Län
municipality-code = Kommunkod
municipality-entries-heading = Deltagande
municipality-no-entries = Kommunen har inte deltagit i någon omgång här.
municipality-read-chapter = Läs svaren i skriften
municipality-col-edition = Omgång
municipality-col-entry = Bidrag
municipality-joint = { $name } ({ $status })
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
api-internal = Ett fel uppstod hos oss.
api-bad-request = Begäran gick inte att läsa.
api-archived = Omgången är arkiverad och kan inte längre ändras.
api-too-large = Begärans innehåll är för stort.
error-unavailable-title = Tjänsten är tillfälligt otillgänglig
error-unavailable-text = Vi når inte databasen just nu. Inget av det du skickade har sparats. Gå tillbaka – det du skrev finns kvar i formuläret – och försök igen om en liten stund.
error-storage-full-title = Det gick inte att spara
error-storage-full-text = Servern har inte plats att spara just nu, så inget av det du skickade har sparats. Det som redan finns går fortfarande att läsa. Gå tillbaka – det du skrev finns kvar i formuläret – och försök igen senare; arrangören behöver frigöra utrymme.
api-unavailable = Databasen går inte att nå just nu. Inget sparades; försök igen om en stund.
api-storage-full = Servern har inte plats att spara just nu. Inget sparades; försök igen senare.

error-unreadable-title = Formuläret gick inte att läsa
error-unreadable-text = Formuläret innehöll tecken som inte kunde läsas. Gå tillbaka, kontrollera det du skrev och försök igen.
error-forbidden-title = Du har inte behörighet
error-forbidden-text = Du är inloggad, men ditt konto har inte behörighet till den här sidan. Kontakta arrangören om du tror att det är fel.
error-archived-title = Omgången är arkiverad
error-archived-text = Omgången är avslutad och arkiverad. Den kan läsas men inte längre ändras.
error-csrf-title = Formuläret har gått ut
error-csrf-text = Av säkerhetsskäl kunde formuläret inte skickas. Gå tillbaka, ladda om sidan och försök igen.
error-too-large-title = För mycket text
error-too-large-text = Det du skickade var större än vi tar emot. Korta texten och försök igen.

# Accounts and sign-in
nav-account = Mitt konto
form-error-heading = Något behöver rättas
field-email = E-postadress
field-password = Lösenord
field-new-password = Nytt lösenord
field-password-again = Upprepa lösenordet
field-name = Namn
field-language = Språk
field-role = Roll
field-scope = Gäller för
field-municipality = Kommun
choose = Välj …
save-button = Spara
password-hint = Minst tolv tecken. En mening du minns är bra.
password-too-short = Lösenordet behöver minst { $min } tecken.
password-mismatch = De två lösenorden är inte lika. Skriv samma lösenord två gånger.
error-name-long = Namnet får vara högst { $max } tecken.

signin-title = Logga in
signin-password-heading = Med lösenord
signin-password-intro = För arrangörer, jurymedlemmar och experter.
signin-button = Logga in
signin-forgot = Glömt lösenordet?
signin-link-heading = Med en länk i e-post
signin-link-intro = För kontaktpersoner i kommunerna och nominerande. Vi skickar en länk som gäller i 30 minuter och kan användas en gång.
signin-link-button = Skicka inloggningslänk
signin-error-email = Skriv en giltig e-postadress, till exempel namn@kommun.se.
signin-error-password-missing = Skriv ditt lösenord.
signin-error-password-long = Lösenordet är för långt (högst 1024 byte).
signin-error-throttled = För många misslyckade försök. Vänta en kvart och försök igen, eller återställ lösenordet.
signin-error-wrong = Fel e-postadress eller lösenord.
signin-signed-out = Du är utloggad.
signin-link-sent = Om adressen finns hos oss har vi skickat en inloggningslänk dit. Den gäller i 30 minuter.
signout-button = Logga ut

link-unknown-title = Länken fungerar inte
link-unknown-text = Länken är ogiltig. Kontrollera att hela länken kom med, eller begär en ny.
link-expired-title = Länken har gått ut
link-expired-text = Länken gällde en begränsad tid och har gått ut. Begär en ny.
link-used-title = Länken är redan använd
link-used-text = Varje länk kan användas en gång. Begär en ny om du behöver logga in igen.
link-signin-title = Logga in med länken
link-signin-text = Tryck på knappen för att logga in. Länken kan användas en gång.
link-signin-button = Logga in
link-back-to-signin = Till inloggningen

reset-request-title = Glömt lösenordet
reset-request-intro = Skriv din e-postadress så skickar vi en länk där du väljer ett nytt lösenord. Länken gäller i en timme.
reset-request-button = Skicka länk
reset-sent = Om adressen finns hos oss har vi skickat en länk dit. Den gäller i en timme.
reset-title = Välj ett nytt lösenord
reset-intro = När du sparar loggas du ut överallt där du är inloggad.
reset-done = Lösenordet är bytt. Logga in med det nya lösenordet.

invitation-title = Inbjudan
invitation-intro = Du är inbjuden som { $role } ({ $email }). Kontrollera ditt namn och spara för att ta emot inbjudan.
invitation-error-name = Skriv ditt namn.
invitation-current-hint = Det finns redan ett konto med den här adressen. Skriv dess lösenord, så vet vi att det är ditt.
invitation-error-current = Lösenordet stämmer inte med kontots. Skriv lösenordet du loggar in med, eller återställ det via ”Glömt lösenordet?”.

account-title = Mitt konto
account-saved = Ändringarna är sparade.
account-roles-heading = Mina roller
account-no-roles = Du har inga roller just nu.
account-details-heading = Mina uppgifter
account-error-language = Välj svenska eller engelska.

# Organisers
people-title = Personer och roller
people-roles = Roller
people-invited = Inbjudan är skickad.
people-already-holds = Personen har redan den rollen. Ingen inbjudan skickades.
people-revoked = Rollen är återkallad.
people-erased = Personens uppgifter är raderade.
invite-heading = Bjud in
invite-intro = Personen får en länk med e-post. Länken skapar ett konto, eller kopplar rollen till det konto som har samma e-postadress, och gäller i 14 dagar.
invite-municipality-hint = Bara för kontaktpersoner: kommunen de företräder.
invite-language = Språk i inbjudan
invite-button = Skicka inbjudan
invite-error-role = Välj en roll.
invite-error-scope = Välj var rollen ska gälla.
invite-error-municipality = Välj en kommun i listan.
invite-error-organiser-scope = En arrangör gäller för hela installationen eller för en utmärkelse, inte för en omgång.
invite-error-needs-edition = Den här rollen gäller för en omgång. Välj en omgång.
invite-error-needs-municipality = En kontaktperson företräder en kommun. Välj kommunen.
invite-error-unexpected-municipality = Bara kontaktpersoner knyts till en kommun. Ta bort kommunen.
person-has-password = Har lösenord
person-no-password = Loggar in med länk
revoke-button = Återkalla
person-data-heading = Personuppgifter
person-export = Hämta allt vi har sparat om personen (JSON)
erase-intro = Radering tar bort namn, e-postadress, lösenord, roller och inloggningar. Loggen behåller händelserna, men med personen ersatt av en pseudonym.
erase-button = Radera
erase-self = Du kan inte radera dig själv.
audit-title = Logg
audit-intro = Alla ändringar, vem som gjorde dem och när. Loggen kan läsas men inte ändras.
audit-actor = Vem
audit-action = Handling
audit-subject = Objekt
audit-detail = Detaljer
audit-when = När
audit-filter = Filtrera

# Portal and jury area
portal-title = Kommunens bidrag
portal-empty = Du är inte kontaktperson för någon kommun just nu.
portal-not-started = inget bidrag påbörjat
jury-area-title = Bidragen i { $edition }
jury-area-empty = Det finns inga bidrag att läsa.
jury-area-hidden = Bidrag från kommuner där du har jäv, eller som inte ingår i ditt uppdrag, visas inte.
jury-area-round = Omgång { $position } av { $of }: { $name }. Juryn väljer { $least }–{ $most } kommuner bland dem nedan; bedömningarna gäller den här omgången.
entry-example = Svaren är påhittade exempeltexter (Exempeltext).

role-organiser = Arrangör
role-jury-chair = Juryns ordförande
role-juror = Jurymedlem
role-expert = Expert
role-entrant-contact = Kontaktperson
role-nominator = Nominerande
scope-installation = hela installationen
grant-with-municipality = { $role } för { $municipality }, { $scope }

mail-sign-in-subject = Din inloggningslänk till { $site }
mail-sign-in-body =
    Hej { $name }!

    Logga in med den här länken. Den gäller i 30 minuter och kan användas en gång:

    { $link }

    Har du inte bett om länken kan du bortse från det här meddelandet.
mail-reset-subject = Välj ett nytt lösenord för { $site }
mail-reset-body =
    Hej { $name }!

    Välj ett nytt lösenord med den här länken. Den gäller i en timme och kan användas en gång:

    { $link }

    Har du inte bett om länken kan du bortse från det här meddelandet. Ditt lösenord är oförändrat.
mail-invitation-subject = Inbjudan: { $role }
mail-invitation-body =
    Hej { $name }!

    { $inviter } bjuder in dig som { $role }.

    Ta emot inbjudan med den här länken. Den gäller i 14 dagar:

    { $link }

# Writing an entry
level-helt = Helt
level-delvis = Delvis
level-inte-alls = Inte alls
answer-yes = Ja
answer-no = Nej
answer-missing = Svaret behövs för att bidraget ska kunna skickas in.
answer-over-limit = Svaret har { $words } ord; högst { $limit } ord får plats. Korta texten.
answer-not-a-number = Skriv ett heltal, till exempel 42.
answer-out-of-range = Talet ska vara mellan { $min } och { $max }.
answer-not-yes-no = Svara ja eller nej.
answer-indicator-missing = Indikator { $n }, ”{ $name }”, är inte besvarad.
answer-bad-assessment = Självskattningen gick inte att läsa. Välj en nivå för varje indikator.
answer-control-characters = Texten innehåller osynliga styrtecken. Klistra in den som vanlig text och försök igen.
answer-too-long = Svaret är för långt (högst { $max } tecken).
entry-deadline = Sista dag
entry-status = Status
entry-required = obligatorisk
entry-indicator = Indikator
entry-words = ord
entry-words-over = { $n } ord för mycket
entry-words-over-template = {"{"}n{"}"} ord för mycket
entry-autosave-unsaved = Ändringar som inte är sparade än …
entry-autosave-offline = Kunde inte spara: ingen kontakt med servern. Försöker igen strax; lämna inte sidan.
entry-markdown-hint = Du kan använda enkel formatering: tom rad mellan stycken, - för punktlistor, *kursiv*, **fet** och [länktext](https://adress).
entry-save-draft = Spara utkast
entry-submit = Skicka in
entry-resubmit = Spara och skicka in igen
entry-saved = Utkastet är sparat.
entry-submitted = Bidraget är inskickat. Du kan ändra det fram till sista dagen.
entry-withdrawn = Bidraget är tillbakadraget.
entry-consent-saved = Ditt val om publicering är sparat.
entry-not-saved = Utkastet är inte sparat. Rätta det som står nedan; din text finns kvar.
entry-not-submitted = Bidraget är inte inskickat. Rätta det som står nedan; din text finns kvar.
entry-closed = Enkäten stängde { $deadline }. Ändringar tas inte längre emot; det som redan var sparat finns kvar.
entry-closed-now = Enkäten är stängd. Bidraget kan läsas men inte ändras.
entry-conflict = Någon annan har sparat bidraget medan du skrev. Inget är överskrivet.
entry-conflict-help = Under varje fråga ser du vad den andra personen sparade. Din text finns kvar i fälten: välj vad som ska gälla och spara igen.
entry-theirs = Sparat av någon annan:
entry-consent-heading = Publicering i skriften
entry-booklet-only-heading = Tävla eller bara medverka i skriften
entry-booklet-only-intro = Kommunen kan bidra med sin text till skriften utan att tävla om utmärkelsen. Juryn bedömer då inte bidraget.
entry-booklet-only-legend = Bidraget
entry-booklet-only-no = Tävlar om utmärkelsen
entry-booklet-only-yes = Bara till skriften
entry-booklet-only-save = Spara valet
entry-booklet-only-saved = Ditt val är sparat.
entry-consent-intro = Svaren publiceras i skriften { $title } bara om kommunen samtycker.
entry-consent-legend = Får svaren publiceras?
entry-consent-yes = Ja, svaren får publiceras
entry-consent-no = Nej
entry-consent-save = Spara valet
entry-withdraw-heading = Dra tillbaka bidraget
entry-withdraw-intro = Ett tillbakadraget bidrag bedöms inte. Texten finns kvar, och ni kan skicka in igen före sista dagen.
entry-withdraw = Dra tillbaka
entry-history-heading = Sparade versioner
entry-history-empty = Inget har sparats ännu.
entry-history-version = Version
entry-version-title = Version { $n } av bidraget från { $name }
entry-version-meta = Sparad { $when } av { $who } ({ $status }).
entry-version-changed = Ändrat sedan dess.
entry-version-same = Oförändrat sedan dess.
entry-version-then = I den här versionen
entry-version-now = Nu
entry-version-restore = Återställ den här versionen
entry-version-restore-hint = Svaren i den här versionen sparas som en ny version. Den nuvarande texten finns kvar bland de sparade versionerna.
entry-version-back = Tillbaka till bidraget
entry-version-incomplete = Versionen saknar svar som ett inskickat bidrag måste ha, så den kan inte återställas. Kopiera det du behöver till formuläret i stället.
entry-version-restored = Versionen är återställd och sparad som en ny version.
entry-min = lägst
entry-max = högst

# Nominations
nominate-title = Nominera
nominate-heading = Nominera en kommun till { $edition }
nominate-intro = Alla kan nominera en kommun. Kommunen bjuds in att svara på enkäten, och er motivering visas för arrangören.
nominate-municipality = Kommun
nominate-municipality-hint = Skriv kommunens namn eller kod och välj i listan, till exempel Lidingö eller 0186.
nominate-reason = Varför ska kommunen nomineras?
nominate-your-name = Ditt namn
nominate-your-email = Din e-postadress
nominate-email-hint = Vi skickar en länk som du bekräftar nomineringen med. Adressen visas bara för arrangören.
nominate-button = Nominera
nominate-closed = Nomineringen är stängd för den här omgången.
nominate-error-municipality = Välj en av Sveriges 290 kommuner, med namn eller kod.
nominate-error-throttled = Många nomineringar har skickats härifrån eller till den här adressen på kort tid. Vänta en kvart och försök igen.
nominate-error-busy = Just nu väntar väldigt många nomineringar på bekräftelse. Försök igen om en stund.
nominate-error-reason = Skriv varför kommunen ska nomineras.
nominate-error-reason-long = Motiveringen får vara högst { $max } tecken.
nominate-thanks = Tack! Nomineringen av { $municipality } räknas när du har bekräftat den med länken vi skickade till { $email }.
nominate-confirm-title = Bekräfta nomineringen
nominate-confirm-text = Tryck på knappen för att bekräfta att du nominerar { $municipality }.
nominate-confirm-button = Bekräfta
nominate-confirmed-title = Nomineringen är bekräftad
nominate-confirmed-text = Tack! Nomineringen av { $municipality } är mottagen. { $told }
nominate-told-contacts = Vi har berättat om den för kontaktpersonerna i { $municipality }, som bjuds in att svara på enkäten.
nominate-told-organisers = Kommunen har ingen kontaktperson hos oss än, så vi har berättat om den för arrangören, som kontaktar kommunen.
nominate-told-nobody = Arrangören ser den i listan över nomineringar.
nominate-already-title = Nomineringen är redan bekräftad
nominate-already-text = Nomineringen av { $municipality } är redan bekräftad. Du behöver inte göra något mer.
nominations-title = Nomineringar till { $edition }
nominations-count = Bekräftat nominerade kommuner
nominations-none = Inga nomineringar än.
nominations-by = Nominerad av
nominations-confirmed = Bekräftad
nominations-unconfirmed = Väntar på bekräftelse
mail-nomination-confirm-subject = Bekräfta din nominering av { $municipality }
mail-nomination-confirm-body =
    Hej!

    Någon har angett den här e-postadressen för att nominera { $municipality } till { $edition }. Var det du, bekräfta nomineringen med den här länken; den gäller i sju dagar:

    { $link }

    Var det inte du behöver du inte göra något: utan bekräftelse blir det ingen nominering.
mail-entry-receipt-subject = Bidraget från { $municipality } till { $edition } är inskickat
mail-entry-receipt-body =
    Hej { $name }!

    Bidraget från { $municipality } till { $edition } skickades in { $when }. Så här lyder det:

    { $answers }
    Bidraget kan ändras fram till sista dagen här:

    { $link }
mail-nomination-notice-subject = { $municipality } är nominerad till { $edition }
mail-nomination-notice-body =
    Hej { $name }!

    { $municipality } har nominerats till { $edition } med motiveringen:

    { $reason }

    Fortsätt här:

    { $link }
api-unauthorized = Logga in: skicka en API-nyckel i Authorization: Bearer.
api-forbidden = Nyckeln ger inte behörighet till det här.
account-api-heading = API-nycklar
account-api-intro = Med en API-nyckel kan kommunens egna system läsa och spara bidraget genom juryns API (beskrivet i /api/openapi.json). En nyckel fungerar bara mot API:t, bara för att läsa och spara bidrag som ditt konto får läsa och spara, och gäller i ett år. Den är inte en inloggning: den öppnar inga sidor. Återkalla en nyckel du inte längre använder.
account-api-button = Skapa en API-nyckel
account-api-name = Namn
account-api-name-hint = Vad nyckeln används till, till exempel ”Kommunens ärendesystem”.
account-api-created = Skapad
account-api-last-used = Senast använd
account-api-state = Giltighet
account-api-never = aldrig
account-api-expires = gäller till { $time }
account-api-expired = gick ut { $time }
account-api-revoked = återkallad { $time }
account-api-revoke = Återkalla
account-api-error-name = Ge nyckeln ett namn, så att du känner igen den i listan.
error-control-characters = Texten får inte innehålla radbrytningar eller andra styrtecken.
account-api-shown-once = Din nya nyckel visas bara nu. Spara den på ett säkert ställe och skicka den som Authorization: Bearer.
edition-call-heading = Enkäten är öppen
edition-call-open = Kommunerna svarar på enkäten fram till
edition-call-nominate = Nominera en kommun
edition-call-register = Anmäl din kommun
edition-call-contacts = Kontaktpersoner loggar in här

# The organiser's overview and reminders
call-overview-title = Bidragen i { $edition }
call-overview-by-county = Bidrag per län
call-overview-total = Totalt
call-overview-map-title = Karta över bidragen
call-overview-map-desc = Kommunerna med bidrag, färgade efter status: { $submitted } inskickade, { $draft } påbörjade, { $invited } inbjudna.
call-overview-entries = Alla bidrag
call-overview-all = Alla
call-overview-sort = Sortera efter
call-overview-nominations = Nomineringar
call-overview-contacts = Kontaktpersoner
call-overview-updated = Senast ändrat
reminders-title = Påminnelser
reminders-heading = Påminnelser, { $edition }
reminders-intro = En påminnelse går med e-post till kontaktpersonerna för bidrag som inte är inskickade. Samma påminnelse (samma namn) går aldrig två gånger till samma person.
reminders-recipients = Mottagare
reminders-none = Alla bidrag med kontaktpersoner är inskickade.
reminders-preview = Så här ser brevet ut
reminders-name = Påminnelsens namn
reminders-name-hint = Ett nytt namn skickar en ny påminnelse till alla; samma namn igen skickar bara till dem som inte har fått den.
reminders-send = Skicka påminnelsen
reminders-sent = Påminnelsen skickas till { $sent } personer; { $before } hade redan fått den.
reminders-error-name = Ge påminnelsen ett namn, högst { $max } tecken.
reminders-default-name = påminnelse
reminders-sample-name = Namn Namnsson
reminders-sample-municipality = Exempelkommun
mail-reminder-subject = Påminnelse: { $municipality } har inte skickat in sitt bidrag till { $edition }
mail-reminder-body =
    Hej { $name }!

    { $municipality } har ännu inte skickat in sitt bidrag. Sista dag är { $deadline }.

    Skriv och skicka in här:

    { $link }

# The questionnaire builder
builder-title = Enkäten för { $edition }
builder-crumb = Enkäten
builder-intro = Frågorna kan ändras tills enkäten öppnas. Ordningen här är ordningen kommunerna ser.
builder-locked = Enkäten är öppnad, så frågorna kan inte längre ändras: en ändrad fråga skulle ändra det andra redan har svarat på.
builder-kind = Typ av fråga
builder-prompt = Frågan
builder-prompt-en = Frågan på engelska (valfritt)
builder-help = Hjälptext (valfritt)
builder-word-limit = Högsta antal ord (för fritext)
builder-min = Lägsta tal (för tal)
builder-max = Högsta tal (för tal)
builder-indicators = Indikatorer, en per rad (för självskattning)
builder-required = Obligatorisk
builder-up = Flytta upp
builder-down = Flytta ned
builder-delete = Ta bort
builder-add-heading = Lägg till en fråga
builder-add = Lägg till
builder-error-prompt = Skriv frågan (högst { $max } tecken).
builder-error-word-limit = Högsta antal ord ska vara ett heltal mellan 1 och 20 000, eller tomt.
builder-error-bounds = Gränserna ska vara heltal, och den lägsta högst den högsta.
builder-error-indicators = En självskattning behöver 1–{ $max } indikatorer, en per rad.
builder-error-kind = Välj en typ av fråga.
kind-long-text = Fritext
kind-maturity = Självskattning (helt / delvis / inte alls)
kind-number = Tal
kind-yes-no = Ja eller nej

# The call's times and phases
call-settings-title = Enkätens öppettider, { $edition }
call-settings-crumb = Öppettider
call-settings-now = Enkäten är öppen
call-settings-zone = Tider i svensk tid (Europe/Stockholm); sommartid räknas med.
call-settings-opens = Öppnar
call-settings-closes = Sista dag och tid
call-settings-grace = Marginal efter sista tiden, i minuter
call-settings-open = Öppna enkäten
call-settings-close = Stäng enkäten
call-error-time = Skriv datum och tid, till exempel 2019-03-29 23:59.
call-error-grace = Marginalen ska vara ett heltal mellan 0 och { $max } minuter.
call-error-order = Enkäten måste öppna före sista tiden.
call-error-phase = Det går inte nu: omgången är i läget ”{ $phase }”.
call-error-no-questions = Enkäten har inga frågor än.
call-error-no-deadline = Enkäten har ingen sista tid än.
call-error-deadline-past = Sista tiden har redan passerat; ange en senare.
call-error-deadline-not-passed = Sista tiden (med marginal) har inte passerat än.
admin-title = Arrangörens sidor
award-new-title = Skapa en utmärkelse
award-create = Skapa utmärkelsen
award-field-slug = Adress (kortnamn)
award-field-slug-hint = Små bokstäver, siffror och bindestreck, 2–60 tecken. Blir webbadressen /kortnamn och kan inte ändras sedan.
award-slug-fixed = adressen ändras aldrig
award-field-name-sv = Namn på svenska
award-field-name-en = Namn på engelska
award-field-organiser = Vem som delar ut utmärkelsen
award-field-criterion-sv = Kriteriet på svenska
award-field-criterion-hint = Den mening vinnaren mäts mot, till exempel ”Till årets digitaliseringskommun utses den kommun som …”.
award-field-criterion-en = Kriteriet på engelska
award-field-description-sv = Beskrivning på svenska
award-field-description-en = Beskrivning på engelska
award-error-slug = Adressen får bara ha små bokstäver (a–z), siffror och bindestreck, 2–60 tecken, ska börja med en bokstav och får inte vara en av webbplatsens egna adresser.
award-error-required = { $field } måste fyllas i.
award-error-long = { $field } får vara högst { $max } tecken.
award-error-control = { $field } innehåller otillåtna tecken.
award-error-taken = Adressen { $slug } används redan av en annan utmärkelse.
edition-new-heading = Starta en ny omgång
edition-field-year = År
edition-field-ordinal = Vilken gång i ordningen (valfritt)
edition-field-ordinal-hint = Till exempel 11 för ”för elfte gången”.
edition-field-copy = Kopiera från en tidigare omgång
edition-field-copy-none = Ingen, börja tomt
edition-create = Starta omgången
edition-error-year = Året ska vara ett tal mellan { $from } och { $to }.
edition-error-ordinal = Ordningstalet ska vara ett heltal mellan 1 och 500, eller tomt.
edition-error-copy = Välj en tidigare omgång att kopiera från, eller ingen.
edition-error-taken = Det finns redan en omgång { $year }.
edition-error-no-source = Det finns ingen omgång { $year } att kopiera från.
admin-create-award = Skapa en utmärkelse
admin-awards = Utmärkelser
admin-empty = Här finns inga utmärkelser än. Börja med att skapa en; sedan startar du dess första omgång.
admin-editions = Omgångar
admin-menu-call = Utlysning och bidrag
admin-menu-jury = Juryn och bedömningen
admin-menu-decision = Beslut och gala
admin-menu-publish = Det som publiceras
admin-edition-public = Se den publika sidan
nav-portal = Portalen
nav-jury = Juryn
nav-admin = Arrangör
jury-home-title = Juryns sidor
jury-home-intro = Dina uppdrag:
jury-home-none = Du har inget uppdrag i någon jury just nu.
entry-autosaved = Sparat kl. { $when }.
entry-autosave-conflict = Någon annan har sparat bidraget. Spara med knappen för att jämföra versionerna; inget är överskrivet.
entry-autosave-problem = Utkastet sparas inte automatiskt förrän felen är rättade.
entry-autosave-submitted = Ett inskickat bidrag sparas bara med knappen.

# The review round (jury)
review-mine = Dina bidrag att bedöma
review-summary = Du har skickat in { $done } av { $total }. { $drafts } är utkast.
review-progress = Status
review-progress-not-started = Ej påbörjad
review-progress-draft = Utkast
review-progress-submitted = Inskickad
review-show-open = Visa bara de som inte är inskickade
review-show-all = Visa alla
review-none-assigned = Du har inte tilldelats några bidrag än.
review-round-closed = Bedömningsomgången är stängd. Bedömningar kan inte längre ändras.
review-others = Övriga bidrag
review-readable = Bidrag du kan läsa
review-answers = Kommunens svar
review-yours = Din bedömning
review-not-juror = Du bedömer inte bidrag i den här omgången.
review-scale-hint = Skala { $min }–{ $max }, där { $max } är bäst.
review-comment = Kommentar
review-overall = Sammanfattande kommentar
review-save = Spara utkast
review-submit = Skicka in bedömningen
review-submit-hint = Ett utkast kan lämnas ofullständigt. När du skickar in måste varje kriterium ha ett betyg; därefter ser du de andras bedömningar.
review-state-draft = Utkast, sparat { $time }
review-state-submitted = Inskickad { $time }
review-others-title = Juryns bedömningar
review-others-hidden = De andra jurymedlemmarnas bedömningar visas när du har skickat in din egen.
review-others-none = Ingen annan har skickat in en bedömning än.
review-discussion = Diskussion
review-discussion-hidden = Diskussionen visas när du har skickat in din bedömning.
review-discussion-empty = Inga inlägg än.
review-post-label = Nytt inlägg
review-post-button = Skicka inlägg
review-post-empty = Skriv något innan du skickar inlägget.
review-post-long = Inlägget får vara högst { $max } tecken.
review-post-erased = (borttagen person)
review-error-criterion = Formuläret innehöll ett kriterium som inte hör till den här omgången. Ladda om sidan och försök igen.
review-error-number = Betyget för { $criterion } måste vara ett heltal.
review-error-scale = Betyget för { $criterion } måste vara mellan { $min } och { $max }.
review-error-missing = Ge { $criterion } ett betyg innan du skickar in.
review-error-long = En kommentar får vara högst { $max } tecken.
review-refused-closed = Bedömningsomgången är stängd, så bedömningen kunde inte sparas.
review-refused-unassigned = Du har inte tilldelats det här bidraget, så du kan inte bedöma det.
review-refused-conflicted = Du har jäv mot den här kommunen och kan inte bedöma bidraget.
review-final = Din bedömning är inskickad och kan inte längre ändras.
review-refused-final = Bedömningen är redan inskickad och kan inte ändras. Arrangören har inte öppnat för ändringar efter inlämning.
review-refused-saw-ranking = Juryledamoten har redan sett rangordningen och kan inte tilldelas fler bidrag i den här omgången.
review-refused-booklet-only = Bidraget är bara till skriften och tävlar inte: det bedöms inte.
review-refused-not-in-round = Den här omgången bedömer bara de bidrag som juryn valde i omgången före, och det här bidraget är inte bland dem.
review-changed = Ändrad efter inlämningen, senast { $time }
review-earlier = Tidigare version, från
review-others-jury-only = Juryns bedömningar och diskussion visas bara för juryn och arrangören.

conflict-mine = Jäv
conflict-intro = Anmäl jäv innan du läser ett bidrag: om du har band till kommunen som kan ifrågasätta din opartiskhet. Bidraget försvinner då från din lista och du bedömer det inte. Bara arrangören kan häva ett jäv.
conflict-none = Du har inget anmält eller automatiskt jäv.
conflict-declare-short = Anmäl jäv
conflict-declare-title = Anmäl jäv
conflict-declare-intro = Välj kommunen och skriv varför du har jäv. Arrangören ser skälet i jävsregistret.
conflict-choose = Välj kommun
conflict-reason = Skäl
conflict-reason-hint = Till exempel: ”Min syster arbetar på kommunens IT-avdelning.”
conflict-declare-button = Anmäl jäv
conflict-error-municipality = Välj en av kommunerna med bidrag i den här omgången.
conflict-error-reason = Skriv skälet till jävet.
conflict-error-long = Skälet får vara högst { $max } tecken.
conflict-lives-there = bor i kommunen
conflict-works-there = arbetar för kommunen
conflict-same-county = bor eller arbetar i samma län
conflict-declared = anmält av jurymedlemmen: { $reason }
conflict-set = satt av arrangören: { $reason }

ranking-title = Rangordning
ranking-heading = Rangordning, { $edition }
ranking-intro = Rangordningen bygger på de inskickade bedömningarna. Det justerade betyget tar hänsyn till att vissa jurymedlemmar sätter högre eller lägre betyg än andra; intervallen visar hur säker rangordningen är.
ranking-left-out = Bidrag där du har jäv ingår inte i den rangordning du ser.
ranking-tie-heading = Oavgjort vid gränsen
ranking-tie = Statistiskt sett oavgjort på plats { $place }/{ $next }: { $entries }. Deras intervall överlappar, så juryn bör diskutera dem innan slutnomineringen.
ranking-empty = Det finns inga inskickade bedömningar än.
ranking-table-caption = Bidragen efter justerat betyg (0–100)
ranking-place = Plats
ranking-adjusted = Justerat betyg
ranking-interval = Intervall (90 %)
ranking-raw = Rått medel
ranking-raw-place = Plats efter rått medel
ranking-places = Möjliga platser
ranking-p-top = Chans till topp { $k }
ranking-disagreement = Oenighet
ranking-reviews = Bedömningar
ranking-chart-title = Diagram över rangordningen
ranking-chart-desc = Varje rad är ett bidrag, bäst överst. En fylld punkt visar det justerade betyget på skalan 0–100 med en linje för dess intervall, en ring det råa medelvärdet. En streckad linje går efter plats { $k }. Samma siffror finns i tabellen ovan.
ranking-chart-legend = Fylld punkt: justerat betyg med intervall. Ring: rått medel. Streckad linje: gränsen för slutnomineringen.
ranking-row-desc = Plats { $place }: { $name }, justerat betyg { $adjusted } (intervall { $low }–{ $high }), rått medel { $raw }.
ranking-unreviewed = Ännu inte bedömda
ranking-jurors = Jurymedlemmarnas nivå
ranking-jurors-intro = Hur mycket högre (+) eller lägre (−) än juryn i stort varje jurymedlem sätter betyg, i poäng på skalan 0–100. Det justerade betyget räknar bort detta.
ranking-juror = Jurymedlem
ranking-leniency = Nivå
ranking-method = Så räknas det
ranking-method-text = Varje bedömning vägs samman över kriterierna till ett betyg 0–100. Modellen säger att ett betyg är bidragets kvalitet plus jurymedlemmens nivå plus brus, och anpassas med minsta kvadrat över alla bedömningar. Intervallen kommer från 1 000 omdragningar av juryn (bootstrap): hur hade rangordningen sett ut med en liknande jury?

shortlist-title = Slutnominering
shortlist-bounds = Välj mellan { $min } och { $max } nominerade, med en motivering för var och en. Bidragen står i rangordningens ordning.
shortlist-legend = Nominerade
shortlist-rationale = Motivering
shortlist-button = Registrera slutnomineringen
shortlist-recorded = Juryns slutnominering
shortlist-recorded-next = Beslutet är registrerat. Arrangören publicerar de nominerade vid den tid som bestäms; inget visas offentligt före dess.
shortlist-cut-recorded = Urvalet är registrerat. Arrangören publicerar det vid den tid som bestäms. Nästa omgång bedöms bland de valda kommunerna, när arrangören har fördelat dem.
shortlist-not-open = Slutnomineringen görs när juryn bedömer bidragen.
shortlist-error-size = Slutnomineringen ska ha { $min }–{ $max } nominerade; du valde { $len }.
shortlist-error-rationale = Skriv en motivering för { $name }.
shortlist-error-long = Motiveringen för { $name } får vara högst { $max } tecken.
shortlist-error-unknown = Ett av de valda bidragen finns inte bland de inskickade bidragen.
shortlist-error-phase = Slutnomineringen kan inte registreras nu (fas: { $phase }).
shortlist-error-raced = En slutnominering registrerades just, före din. Den visas nedan; din registrerades inte.

# The review round (organiser)
admin-jury-title = Juryarbetet i { $edition }
admin-jury-crumb = Juryarbetet
admin-jury-members = Juryn
admin-jury-none = Ingen har rollen jurymedlem eller ordförande i den här omgången än. Bjud in dem under Personer.
admin-jury-role = Roll
admin-jury-profile = Juryprofil
admin-jury-employer = Arbetar för kommunen
admin-jury-employer-hint = Kommunens namn eller kod, till exempel Umeå eller 2480. Lämna tomt om jurymedlemmen inte arbetar för en kommun.
admin-jury-assigned = Tilldelade
admin-jury-link = Koppla konto till juryprofil
admin-jury-link-intro = Juryprofilen (den som visas på juryns sida) anger var jurymedlemmen bor. Tillsammans med kommunen hen arbetar för ger den automatiskt jäv.
admin-jury-account = Konto
admin-jury-link-button = Koppla
admin-jury-start-intro = Utlysningen är stängd. När bedömningen startar kan juryn börja sätta betyg.
admin-jury-start = Starta bedömningen
admin-jury-assignment = Fördelning
admin-jury-assignment-intro = Fördela de inskickade bidragen mellan jurymedlemmarna. Ingen får ett bidrag den har jäv mot, och arbetsbördan skiljer högst ett bidrag mellan två jurymedlemmar när det går. En ny fördelning ersätter den gamla; redan skrivna bedömningar finns kvar. Justera för hand under Tilldelning.
admin-jury-mode = Hur många bedömer varje bidrag?
admin-jury-mode-all = Alla jurymedlemmar bedömer alla bidrag (utom vid jäv)
admin-jury-mode-k = Ett bestämt antal bedömare per bidrag
admin-jury-per-entry = Bedömare per bidrag
admin-jury-assign-button = Fördela
admin-jury-shortfall-heading = Alla bidrag fick inte så många bedömare
admin-jury-shortfall = { $name } fick { $eligible } bedömare i stället för { $wanted }: de andra har jäv.
admin-jury-error-member = Välj en av jurymedlemmarna.
admin-jury-error-employer = Hittade ingen kommun som heter eller har koden ”{ $text }”.
admin-jury-error-profile = Välj en av juryprofilerna.
admin-jury-error-per-entry = Ange antalet bedömare per bidrag som ett heltal mellan 1 och { $max }.
phase-error-no-submitted = Inget bidrag har skickats in.
phase-error-no-criteria = Omgången har inga bedömningskriterier. Lägg till dem under Kriterier.
phase-error-no-jurors = Ingen har rollen jurymedlem i omgången.

admin-assign-title = Tilldelning
admin-assign-heading = Tilldelning, { $edition }
admin-assign-intro = Kryssa i vilka jurymedlemmar som bedömer vilka bidrag. Där det står jäv kan jurymedlemmen inte tilldelas bidraget.
admin-assign-empty = Det finns inga inskickade bidrag eller inga jurymedlemmar än.
admin-assign-cell = { $juror } bedömer { $name }
admin-assign-count = Bedömare
admin-assign-load = Bidrag per jurymedlem
admin-assign-conflicted = jäv
admin-assign-error-conflict = { $juror } har jäv mot { $name } och kan inte tilldelas bidraget.
admin-assign-error-unknown = Tilldelningen nämnde en jurymedlem eller ett bidrag som inte finns i omgången.
admin-assign-error-saw-ranking = { $names } har redan sett rangordningen och kan inte tilldelas nya bidrag i den här omgången. Ingenting ändrades.

admin-conflicts-title = Jävsregister
admin-conflicts-heading = Jävsregister, { $edition }
admin-conflicts-intro = Varje jäv i omgången: vem, vilken kommun och varför. Jäv uppstår automatiskt där jurymedlemmen bor eller arbetar, anmäls av jurymedlemmen själv, eller sätts och hävs här av arrangören med ett skäl. Arrangörens senaste beslut gäller.
admin-conflicts-csv = Ladda ner registret (CSV)
admin-conflicts-register = Gällande jäv
admin-conflicts-none = Inga jäv.
admin-conflicts-rule = Sätt eller häv ett jäv
admin-conflicts-kind = Beslut
admin-conflicts-button = Registrera beslutet
admin-conflicts-history = Alla beslut
admin-conflicts-no-rulings = Inga beslut än.
admin-conflicts-by = Av
admin-ruling-declared = Anmält
admin-ruling-set = Satt
admin-ruling-lifted = Hävt
admin-csv-juror = Jurymedlem
admin-csv-code = Kommunkod
admin-csv-why = Skäl
admin-csv-combined = Sammanvägt (0–100)
admin-csv-submitted-at = Inskickad
admin-sheet-by-entry = Per bidrag
admin-sheet-by-juror = Per jurymedlem
admin-export-csv = Bedömningarna (CSV)
admin-export-xlsx = Bedömningarna (Excel)

admin-criteria-title = Kriterier
admin-criteria-heading = Bedömningskriterier, { $edition }
admin-criteria-intro = Varje kriterium har en skala och en vikt. Töm namnet för att ta bort ett kriterium; fyll i den tomma raden för att lägga till ett.
admin-criteria-locked = Kriterierna är låsta: juryn har redan börjat sätta betyg efter dem.
admin-criteria-row = Kriterium
admin-criteria-name-sv = Namn (svenska)
admin-criteria-name-en = Namn (engelska)
admin-criteria-description-sv = Beskrivning (svenska)
admin-criteria-description-en = Beskrivning (engelska)
admin-criteria-min = Lägsta betyg
admin-criteria-max = Högsta betyg
admin-criteria-weight = Vikt
admin-criteria-error-number = Kriterium { $row }: skalan och vikten ska vara heltal.
admin-criteria-error-scale = Kriterium { $row }: skalan ska gå från ett lägre till ett högre betyg, högst 0–10.
admin-criteria-error-weight = Kriterium { $row }: vikten ska vara minst 1.
admin-criteria-error-long = Kriterium { $row }: namn och beskrivning får vara högst { $max } tecken.
admin-criteria-error-many = En omgång kan ha högst { $max } kriterier.
admin-criteria-error-locked = Kriterierna kan inte ändras: juryn har redan börjat sätta betyg efter dem.

admin-nominees-title = Nominerade
admin-nominees-heading = Nominerade, { $edition }
admin-nominees-waiting = Juryns ordförande har inte registrerat slutnomineringen än.
admin-nominees-scheduled = De nominerade publiceras
admin-nominees-public-since = De nominerade är offentliga sedan
admin-nominees-at = Publiceras (svensk tid)
admin-nominees-at-hint = Från den tiden visas de nominerade på utmärkelsens sidor, i API:t och i exporterna – inte en sekund tidigare. De nominerade kommunernas kontaktpersoner får ett mejl nu, med tiden.
admin-nominees-button = Publicera vid den tiden
admin-nominees-error-not-recorded = Slutnomineringen är inte registrerad än, så det finns inget att publicera.
admin-nominees-error-public = De nominerade är redan offentliga; tiden kan inte ändras längre.
mail-nominated-subject = { $municipality } är nominerad till { $edition }
mail-nominated-body =
    Hej { $name }!

    Juryn har nominerat { $municipality } till { $edition }. Grattis!

    Nomineringen offentliggörs { $time }. Fram till dess ber vi er att inte berätta om den.

    Vi hör av oss om det fortsatta arbetet, bland annat juryns besök hos er.
shortlist-detail = justerat betyg { $adjusted }, chans till topp { $k }: { $p } %
admin-criteria-labels-sv = Skalans ord (svenska)
admin-criteria-labels-en = Skalans ord (engelska)
admin-criteria-labels-hint = Ett ord per rad, från lägsta betyget, till exempel Svagt, Godtagbart, Bra, Mycket bra, Utmärkt. Lämna tomt för bara siffror.
admin-criteria-error-labels = Kriterium { $row }: skalan har { $steps } steg, så den behöver { $steps } ord – eller inga.
admin-jury-changes = Ändringar efter inlämning
admin-jury-changes-hint = En inskickad bedömning är slutgiltig: juryledamoten ser de andras bedömningar först därefter. Tillåter du ändringar sparas varje ändring som en version med tid, och ordföranden och arrangörerna ser att bedömningen ändrats.
admin-jury-changes-allow = Tillåt att inskickade bedömningar ändras
admin-jury-settings = Inställningar för bedömningen
admin-jury-whole-county = Jäv gäller hela länet där jurymedlemmen bor och där hen arbetar, inte bara kommunerna
admin-jury-shortlist-min = Minst antal nominerade
admin-jury-shortlist-max = Högst antal nominerade
admin-jury-settings-locked = Slutnomineringen är registrerad; inställningarna kan inte ändras längre.
admin-jury-error-bounds = Antalet nominerade ska vara heltal med minst 1 och högst { $max }, och det minsta får inte vara större än det största.
shortlist-error-conflicted = Du har jäv mot { $name } och kan inte nominera kommunen.
ranking-not-yet = Rangordningen bygger på de andras betyg, så den visas när du har skickat in alla dina bedömningar. Du har { $left } kvar.
ranking-not-yet-none = Rangordningen bygger på juryns betyg och visas för den som har skickat in sina bedömningar. Du har inga bedömningar i den här omgången.
ranking-not-yet-link = Till dina bedömningar som inte är inskickade

# The sealed decision (public)
edition-seal-heading = Juryns beslut är fattat och förseglat
edition-seal-sealed = Juryn fattade sitt beslut { $time } och förseglade det.
edition-seal-commitment = Sigillet – en SHA-256-kontrollsumma av beslutet, publicerad när beslutet fattades:
edition-seal-later = Beslutet och nyckeln till sigillet publiceras när vinnaren tillkännages. Då kan vem som helst räkna fram kontrollsumman och se att det är samma beslut.
edition-seal-revealed = Det förseglade beslutet:
edition-seal-nonce = Nyckel (slumptal):
seal-field-edition = Utmärkelse och år
seal-field-winner = Vinnare
seal-field-method = Hur juryn beslutade
seal-field-citation = Motivering
seal-field-ballots = Rösterna (SHA-256)
edition-seal-json = Precis som det förseglades (JSON):
edition-seal-matches = Sigillet stämmer: beslutet är detsamma som juryn förseglade.
edition-seal-mismatch = Sigillet stämmer inte med det publicerade beslutet.
edition-seal-how = Kontrollera själv: SHA-256 av beslutstexten direkt följd av nyckeln ska ge sigillet, till exempel med printf '%s%s' "$beslut" "$nyckel" | sha256sum.
edition-citation = Juryns motivering

# Site visits
visit-title = Platsbesök, { $edition }
visit-planning-closed = Inga fler besök planeras: juryn har fattat sitt beslut.
visit-crumb = Platsbesök
visit-heading = Besök i { $name }
visit-heading-video = Digitalt möte med { $name }
visit-window = Besöken görs mellan { $from } och { $until }.
visit-no-window = Omgången har inga platsbesök i sin tidsplan.
visit-planned = Planerade besök
visit-none = Inga besök är planerade än.
visit-when = När
visit-place = Plats
visit-people = Deltagare
visit-report = Besöksrapport
visit-reported-short = Skriven
visit-not-reported = Inte skriven än
visit-reported = Skriven av { $name } { $time }.
visit-feed-intro = Dina besök som kalender (iCal), att prenumerera på:
visit-feed-link = kalenderlänk
visit-feed-renew = Skapa en ny kalenderlänk
visit-feed-renew-hint = Har länken hamnat hos fel person? En ny länk gör den gamla oanvändbar.
visit-feed-name = Platsbesök
visit-plan = Planera ett besök
visit-starts = Börjar
visit-ends = Slutar
visit-shared = Frågor från tidigare besök
visit-own = Egna frågor
visit-own-hint = En fråga per rad. Kommunen får frågorna i förväg.
visit-plan-button = Planera besöket
visit-observations = Iakttagelser
visit-report-button = Spara rapporten
visit-error-time = Ange när besöket börjar och slutar.
visit-error-nominee = Välj en av de nominerade kommunerna.
visit-error-order = Besöket måste sluta efter att det börjar.
visit-error-window = Besöket måste ligga mellan { $from } och { $until }.
visit-error-place = Ange var besöket äger rum.
visit-video = Länk till digitalt möte
visit-digital = Digitalt möte
visit-link-for-participants = Länken visas för mötets deltagare.
visit-video-hint = En https-adress. Lämna tomt för ett besök på plats; för ett digitalt möte behövs ingen plats.
visit-error-video = Länken till det digitala mötet ska vara en https-adress, till exempel https://möte.example.se/sdk.
visit-error-people = Välj minst en deltagare.
visit-error-conflicted = { $name } har jäv mot kommunen och kan inte delta.
visit-error-overlap = { $name } är på besök i { $other } samtidigt.
visit-error-questions = Ett besök kan ha högst { $max } frågor.
visit-error-long = En text får vara högst { $max } tecken.
visit-error-unknown-person = En av deltagarna är varken jurymedlem eller expert i omgången.
visit-error-empty-report = Skriv något i rapporten innan du sparar.
mail-visit-subject = Platsbesök från juryn för { $edition }
mail-visit-body =
    Hej { $name }!

    Juryn för { $edition } kommer på besök { $time }.
    Plats: { $place }

    Det här vill vi prata om:
    { $questions }

    Välkommen att höra av er om tiden inte passar.
mail-digital-meeting-subject = Digitalt möte med juryn för { $edition }
mail-digital-meeting-body =
    Hej { $name }!

    Juryn för { $edition } vill träffa er i ett digitalt möte { $time }.
    Länk till mötet: { $link }

    Det här vill vi prata om:
    { $questions }

    Välkommen att höra av er om tiden inte passar.

# The jury meeting
meeting-title = Juryns möte, { $edition }
meeting-crumb = Juryns möte
meeting-inputs = Underlaget per nominerad
meeting-reviews = { $count } bedömningar, medel { $mean } av 100
meeting-no-report = Ingen besöksrapport än.
meeting-vote = Omröstning
meeting-vote-intro = Varje jurymedlem utan jäv rangordnar de nominerade. Rösterna räknas med Schulzemetoden; blir det lika avgör de nominerades ordning som den publicerades (bestämd i förväg).
meeting-ballots-cast = { $count } röster har lämnats.
meeting-set-aside = Röster som inte räknas
meeting-ballot-saved = Din röst är sparad. Du kan ändra den så länge omröstningen är öppen.
meeting-approval-saved = Ditt godkännande av motiveringen är sparat.
meeting-set-aside-revoked = { $name } sitter inte längre i juryn.
meeting-set-aside-conflicted = { $name } har jäv mot { $municipality }, en av de nominerade.
meeting-withheld = Du har jäv mot en av de nominerade, så du ser varken rösträkningen, motiveringen eller beslutet förrän de offentliggörs.
meeting-place = Plats
meeting-cast = Lämna din röst
meeting-revote = Ändra din röst
meeting-pairwise = Parvisa jämförelser (rad före kolumn)
meeting-strongest = Starkaste vägar
meeting-count-winner = Enligt rösterna:
meeting-tie-broken = Flera stod lika; den i förväg bestämda ordningen avgjorde.
meeting-citation = Motivering
meeting-no-citation = Ordföranden har inte skrivit något utkast än.
meeting-approvals = Godkänd av: { $names }
meeting-no-one = ingen än
meeting-approve = Godkänn motiveringen
meeting-draft = Utkast till motivering
meeting-draft-button = Spara utkastet
meeting-decide = Besluta och försegla
meeting-decide-intro = Beslutet förseglas när det registreras: sigillet publiceras direkt, beslutet och vinnaren först vid tillkännagivandet. Därefter kan beslutet inte ändras.
meeting-consensus-winner = Vinnare enligt juryns samstämmiga beslut
meeting-decide-button = Registrera och försegla beslutet
meeting-error-no-vote = Du har jäv mot någon av de nominerade och röstar inte.
meeting-error-duplicate = { $name } står på flera platser. Varje kommun får en plats.
meeting-error-unknown = Rösten nämner en kommun som inte är nominerad.
meeting-error-empty = Rangordna minst en kommun.
meeting-error-closed = Omröstningen är stängd: juryn överlägger inte, eller beslutet är redan förseglat.
meeting-error-citation = Motiveringen ska ha text, högst { $max } tecken.
meeting-error-stale = Motiveringen har ändrats sedan du läste den. Läs den nya och godkänn igen.
meeting-error-no-citation = Det finns ingen motivering att försegla.
meeting-error-unapproved = { $count } jurymedlemmar har inte godkänt motiveringen än.
meeting-error-no-announcement = Ange tiden för tillkännagivandet innan beslutet förseglas.
meeting-error-no-ballots = Inga röster har lämnats.
meeting-error-winner = Välj vinnaren bland de nominerade.
meeting-not-deliberating = Omröstningen är öppen medan juryn överlägger, tills beslutet är förseglat.

# The second half (organiser)
admin-decision-title = Besök och beslut
admin-decision-heading = Besök och beslut, { $edition }
admin-decision-start-visits = Starta platsbesöken
admin-decision-deliberate-intro = När varje nominerad har en besöksrapport kan juryn börja överlägga och rösta.
admin-decision-deliberate = Starta juryns överläggning
admin-decision-method = Hur juryn beslutar
admin-decision-schulze = Rangordnade röster, räknade med Schulzemetoden
admin-decision-consensus = Ett samstämmigt beslut som ordföranden registrerar
admin-decision-sealed = Beslutet är förseglat:
admin-decision-announcement = Tillkännagivandet
admin-decision-announced = Vinnaren tillkännagavs
admin-decision-at = Tillkännages (svensk tid)
admin-decision-at-hint = Från den sekunden visar sidorna, API:t och exporterna vinnaren, motiveringen och sigillets nyckel – inte före.
admin-decision-announce-now = Tillkännage nu (på galan)
admin-decision-error-reports = { $count } nominerade saknar besöksrapport.
admin-decision-error-not-decided = Det finns inget förseglat beslut att tillkännage.
admin-decision-error-announced = Vinnaren är redan tillkännagiven; tiden kan inte ändras.

# The programme
programme-title = Program, { $edition }
programme-crumb = Program
programme-empty = Programmet är inte klart än.
programme-presenters = Medverkar
programme-winner = Vinnaren
programme-winner-at = Vinnaren (tillkännages { $time })
programme-feed = Programmet som kalender (iCal)
edition-programme = Se programmet: gala, seminarier och inspirationsdag
event-title = Rubrik
event-kind = Slag
event-kind-gala = Gala
event-kind-seminar = Seminarium
event-kind-winner-seminar = Vinnarens seminarium
event-kind-inspiration-day = Inspirationsdag
event-kind-other = Annat
event-add = Lägg till i programmet
event-add-button = Lägg till
event-remove = Ta bort
event-winner = Vinnaren (namnges först vid tillkännagivandet)
event-people = Andra som medverkar (en per rad)
event-error-kind = Välj vilket slags programpunkt det är.
event-error-title = Ge programpunkten en rubrik.
event-title-sv = Rubrik (svenska)
event-title-en = Rubrik (engelska)
event-description-sv = Beskrivning (svenska)
event-description-en = Beskrivning (engelska)
award-logo-next = { $name }, vinnare { $year }, får använda utmärkelsens logotyp tills nästa vinnare tillkännages.
award-logo-until = { $name }, vinnare { $year }, får använda utmärkelsens logotyp till { $time }, när nästa vinnare tillkännages.
admin-decision-archive-heading = Arkivera omgången
admin-decision-archive-intro = När vinnaren är tillkännagiven kan omgången arkiveras. Allt går att läsa, men inget kan ändras längre.
admin-decision-archive = Arkivera

# Feeds
edition-feeds = För andra system:
edition-feed-timeline = tidsplanen som kalender (iCal)
edition-feed-news = nyheterna (Atom)
news-nominees-title = De nominerade till { $edition }
news-sealed-title = Juryns beslut om { $edition } är förseglat
news-sealed-summary = Sigillet (SHA-256): { $commitment }. Beslutet publiceras när vinnaren tillkännages.
news-winner-title = { $name } vinner { $edition }
news-winner-summary = Juryn har utsett { $name } till vinnare.

# Open data
opendata-title = Öppna data, { $edition }
opendata-crumb = Öppna data
opendata-public = Öppna data är publicerade under { $licence } sedan { $time }.
opendata-scheduled = Öppna data publiceras under { $licence } { $time }.
opendata-unpublished = Öppna data är inte publicerade.
opendata-included = { $count } bidrag ingår.
opendata-left-out = Ingår inte
opendata-not-submitted = inte inskickat
opendata-no-consent = kommunen har inte samtyckt till publicering
opendata-publish = Publicera
licence-cc-by-4 = Creative Commons Erkännande 4.0
licence-cc0 = Creative Commons Zero 1.0 (fri från upphovsrätt)
opendata-licence = Licens
opendata-at = Publiceras (svensk tid)
opendata-error-licence = Välj en licens.

# The booklet (PDF and web pages)
booklet-contents = Innehåll
booklet-foreword = Förord
booklet-map-heading = Deltagande kommuner
booklet-map-alt = Karta över Sverige där de { $count } kommuner som medverkar i skriften är markerade.
booklet-map-credit = Källa: SCB (kommungränser, öppna data).
booklet-cover-alt = Omslagsbild
booklet-no-answer = Kommunen besvarade inte frågan.
booklet-participants = { $count } kommuner medverkar i skriften.
booklet-imprint = Utgiven av { $organiser }, { $year }. Texterna är kommunernas egna svar på utmärkelsens frågor.
booklet-examples = Texterna i den här demon är påhittade exempel.
booklet-default-title = { $award } { $year }: kommunernas svar
booklet-crumb = Skriften
booklet-download = Ladda ner skriften som PDF
booklet-pdf-size = PDF, { $pages } sidor, { $size } MB
booklet-version = Version { $version }, publicerad { $time }
booklet-versions = Versioner
booklet-nav = Bläddra i skriften
booklet-read-web = Läs den som webbsidor
booklet-admin-title = Skriften, { $edition }
booklet-admin-unpublished = Skriften är inte publicerad.
booklet-admin-public = Version { $version } är publicerad sedan { $time }.
booklet-admin-scheduled = Version { $version } publiceras { $time }.
booklet-admin-stale = Bidragen eller skriftens texter har ändrats sedan version { $version }. Publicera en ny version för att ta med ändringarna; de tidigare versionerna finns kvar.
booklet-admin-included = { $count } bidrag ingår.
booklet-admin-preview = Förhandsgranska (PDF)
booklet-admin-text = Titel och förord
booklet-admin-title-field = Titel
booklet-admin-foreword-field = Förord
booklet-admin-foreword-hint = Högst 10 000 ord. Tom rad ger nytt stycke; *kursiv*, **fet** och listor med - fungerar. Lämna tomt för en skrift utan förord.
booklet-admin-cover = Omslagsbild
booklet-admin-cover-set = Skriften har en omslagsbild.
booklet-admin-cover-none = Skriften har ingen omslagsbild.
booklet-admin-cover-field = Bild (PNG eller JPEG, högst 10 MB)
booklet-admin-cover-remove = Ta bort omslagsbilden
booklet-admin-cover-button = Spara omslagsbild
booklet-admin-publish = Publicera en ny version
booklet-admin-publish-button = Publicera
booklet-admin-version = Version
booklet-admin-from = Publiceras
booklet-admin-pages = Sidor
booklet-admin-by = Av
booklet-admin-not-yet = inte än
booklet-error-title = Skriv en titel.
booklet-error-title-long = Titeln får vara högst { $max } tecken.
booklet-error-control = Titeln eller förordet innehåller tecken som inte kan skrivas ut (kontrolltecken). Ta bort dem och försök igen.
booklet-error-foreword = Förordet har { $words } ord; det får ha högst { $max }.
booklet-error-empty = Ingen kommun har både skickat in sitt bidrag och samtyckt till publicering, så det finns ingen skrift att göra.
booklet-error-cover-type = Omslagsbilden måste vara en PNG- eller JPEG-bild.
booklet-error-cover-size = Omslagsbilden är för stor: den får vara högst { $max } MB.
booklet-error-cover-none = Välj en bild att ladda upp.
news-booklet = Skriften { $title } är publicerad (version { $version })
confirm-crumb = Bekräfta
confirm-irreversible = Det här kan inte ångras.
confirm-cancel = Avbryt, ändra ingenting
confirm-seal-title = Försegla juryns beslut?
confirm-seal-text = Beslutet – { $winner } vinner – förseglas med motiveringen som den står nu. Sigillet publiceras direkt; vinnaren och motiveringen visas vid tillkännagivandet. Därefter kan inga röster läggas och motiveringen inte ändras.
confirm-seal-button = Försegla beslutet
confirm-shortlist-title = Registrera slutnomineringen?
confirm-shortlist-text = Juryns slutnominering blir { $names }. Bedömningsomgången stängs: inga bedömningar kan ändras och slutnomineringen kan inte göras om.
confirm-shortlist-button = Registrera slutnomineringen
cut-button = Registrera urvalet
cut-error-size = Urvalet ska ha { $min }–{ $max } kommuner; du valde { $len }.
confirm-cut-title = Registrera urvalet i omgången { $round }?
confirm-cut-text = Juryns urval blir { $names }. Omgången stängs: dess bedömningar kan inte ändras och urvalet kan inte göras om. Nästa omgång bedöms bland de valda.
confirm-cut-button = Registrera urvalet
confirm-withdraw-title = Dra tillbaka bidraget?
confirm-withdraw-text = Bidraget från { $name } dras tillbaka och bedöms inte av juryn. Texten finns kvar bland de sparade versionerna.
confirm-withdraw-button = Dra tillbaka bidraget
confirm-announce-title = Tillkännage vinnaren nu?
confirm-announce-text = Vinnaren av { $edition } och juryns motivering blir offentliga direkt, på webbplatsen, i API:t och i flödena.
confirm-announce-button = Tillkännage nu
confirm-archive-title = Arkivera omgången?
confirm-archive-text = { $edition } blir skrivskyddad: inget i den kan ändras därefter.
confirm-archive-button = Arkivera
confirm-nominees-title = Publicera de nominerade?
confirm-nominees-text = { $names } blir offentliga { $time }, och kommunernas kontaktpersoner får veta det nu.
confirm-nominees-button = Publicera
confirm-erase-title = Radera personens uppgifter?
confirm-erase-text = Namn, e-postadress, lösenord, roller och inloggningar för { $name } ({ $email }) tas bort. Loggen behåller händelserna, med personen ersatt av en pseudonym.
confirm-erase-button = Radera uppgifterna
meeting-sealed-now = Beslutet är förseglat. Sigill (SHA-256): { $commitment }
admin-decision-archived-now = Omgången är arkiverad och skrivskyddad.
admin-decision-announced-now = Vinnaren är tillkännagiven.
call-state-not-set-up = Enkätens tider är inte satta än
call-state-opens = Enkäten öppnar { $time }
call-state-open = Enkäten är öppen till { $time }
call-state-closed = Enkäten är stängd sedan { $time }
entry-read-only = Bidraget kan läsas men inte ändras.
audit-nobody = Någon
audit-demo = Demon (exempeldata)
audit-system = Systemet
audit-erased-person = en raderad person
audit-session-sign-in = { $actor } loggade in
audit-session-sign-out = { $actor } loggade ut
audit-user-put = { $actor } lade till eller ändrade kontot för { $subject }
audit-user-profile = { $actor } ändrade sina uppgifter
audit-user-password = { $actor } satte ett lösenord för { $subject }
audit-user-password-reset = { $actor } bytte lösenord med en återställningslänk
audit-grant-add = { $actor } gav { $subject } en roll
audit-grant-revoke = { $actor } återkallade en roll för { $subject }
audit-invitation-accept = { $actor } tackade ja till en inbjudan
audit-link-sign-in = En inloggningslänk skickades till { $subject }
audit-link-reset = En återställningslänk skickades till { $subject }
audit-link-invitation = { $actor } bjöd in någon
audit-person-erase = { $actor } raderade uppgifterna om { $subject }
audit-api-key-create = { $actor } skapade en API-nyckel
audit-api-key-revoke = { $actor } återkallade en API-nyckel
audit-calendar-renew = { $actor } skapade en ny kalenderlänk
audit-award-put = { $actor } sparade utmärkelsen { $subject }
audit-edition-put = { $actor } sparade omgången { $subject }
audit-edition-phase = { $actor } flyttade omgången { $subject } till en ny fas
audit-edition-call = { $actor } ändrade enkätens tider för { $subject }
audit-edition-announce-at = { $actor } satte tiden för tillkännagivandet för { $subject }
audit-archive-put = { $actor } ändrade listan över tidigare vinnare
audit-questionnaire-put = { $actor } sparade frågorna för { $subject }
audit-entry-put = { $actor } lade in ett bidrag
audit-entry-save = { $actor } sparade ett bidrag
audit-nomination-put = Någon nominerade en kommun
audit-nomination-confirm = En nominering bekräftades
audit-reminder-send = { $actor } skickade en påminnelse till { $subject }
audit-criteria-put = { $actor } sparade bedömningskriterierna för { $subject }
audit-review-settings = { $actor } ändrade juryns inställningar för { $subject }
audit-reviews-changes = { $actor } ändrade om inskickade bedömningar får ändras, { $subject }
audit-juror-link = { $actor } kopplade en jurymedlem till sin profil
audit-conflict-ruling = { $actor } beslutade om jäv för { $subject }
audit-assignments-replace = { $actor } fördelade bidragen i { $subject }
audit-assignment-add = { $actor } tilldelade { $subject } ett bidrag
audit-assignment-remove = { $actor } tog ett bidrag från { $subject }
audit-review-save = { $actor } sparade ett utkast till bedömning
audit-review-submit = { $actor } skickade in en bedömning
audit-review-change = { $actor } ändrade en inskickad bedömning
audit-ranking-view = { $actor } såg rangordningen
audit-discussion-post = { $actor } skrev i juryns diskussion
audit-shortlist-record = { $actor } registrerade slutnomineringen för { $subject }
audit-shortlist-schedule = { $actor } satte tiden då de nominerade publiceras, { $subject }
audit-visit-plan = { $actor } planerade ett besök
audit-visit-report = { $actor } skrev en besöksrapport
audit-decision-method = { $actor } valde beslutsmetod för { $subject }
audit-ballot-cast = { $actor } röstade
audit-citation-draft = { $actor } skrev ett utkast till motivering
audit-citation-approve = { $actor } godkände motiveringen
audit-decision-seal = { $actor } förseglade juryns beslut, { $subject }
audit-events-put = { $actor } sparade programmet för { $subject }
audit-open-data-set = { $actor } ändrade den öppna datan för { $subject }
audit-booklet-settings = { $actor } ändrade skriften för { $subject }
audit-booklet-published = { $actor } publicerade en version av skriften, { $subject }
audit-event = Händelse
timeline-title = Hålltider, { $edition }
timeline-crumb = Hålltider
timeline-intro = Hålltiderna visas på omgångens sida och i kalenderflödet. Skriv datum som på sidan. En rättelse ändrar bara texten; ett datum som redan har annonserats flyttar du med Flytta, så att det gamla står kvar som flyttat.
timeline-empty = Inga hålltider än.
timeline-kind = Slag
timeline-kind-choose = Välj slag
timeline-actions = Ändra
timeline-edit-link = Rätta
timeline-move-link = Flytta
timeline-up = Upp
timeline-down = Ned
timeline-remove = Ta bort
timeline-add = Lägg till en hålltid
timeline-add-button = Lägg till
timeline-edit = Rätta ”{ $what }”
timeline-move = Flytta ”{ $what }”
timeline-move-intro = Datumet är nu { $date }. Efter flytten står det gamla datumet kvar som flyttat, flödet får en nyhet och du kan meddela de berörda.
timeline-move-announcement = Tillkännagivandet av vinnaren flyttas med galan.
timeline-move-button = Flytta
timeline-cancel = Avbryt
timeline-text-sv = Vad händer (svenska)
timeline-text-en = Vad händer (engelska, frivilligt)
timeline-date = Datum
timeline-new-date = Nytt datum
timeline-date-hint = Som på sidan: 29 april 2021, 12–14 november 2021, maj 2021, september–oktober 2021 eller 2021. Utan år gäller omgångens år. ISO går också: 2021-04-29, 2021-05, 2021-09/2021-10.
timeline-moved-from = Flyttad från { $date }
timeline-gaps-heading = Det här saknas i hålltiderna
timeline-gap-visits = Besöksperioden (slaget Platsbesök) saknas. Utan den kan inga besök planeras.
timeline-gap-gala = Galan saknas. Utan den vet ingen när vinnaren tillkännages.
timeline-error-kind = Välj vilket slag av hålltid det är.
timeline-error-text = Skriv vad som händer, på svenska.
timeline-error-long = Texten får vara högst { $max } tecken.
timeline-error-control = Texten får inte innehålla styrtecken.
timeline-error-no-date = Skriv ett datum.
timeline-error-date = ”{ $date }” går inte att läsa som ett datum. Skriv till exempel 29 april 2021, maj 2021 eller september–oktober 2021.
timeline-error-backwards = ”{ $date }” slutar före det börjar. Skriv början först, till exempel april–maj 2021.
timeline-error-same = Det nya datumet är detsamma som det gamla.
timeline-error-call-order = Utlysningen kan inte stänga före den öppnar. Kontrollera datumen för ”Utlysningen öppnar” och ”Sista dag för bidrag”.
timeline-notice-title = Meddela om flytten, { $edition }
timeline-notice-intro = Datumet är flyttat. Vill du meddela de berörda? Brevet går till:
timeline-notice-contacts = { $count } kontaktpersoner för bidrag
timeline-notice-jury = { $count } i juryn
timeline-notice-experts = { $count } experter
timeline-notice-preview = Så här ser brevet ut (till { $name })
timeline-notice-subject = Ämne:
timeline-notice-send = Skicka till { $count } personer
timeline-notice-skip = Skicka inget
timeline-notice-none = Datumet är flyttat. Det finns ännu ingen kontaktperson, jurymedlem eller expert i omgången att meddela.
timeline-notice-back = Tillbaka till hålltiderna
timeline-notice-sent = Meddelandet skickas till { $count } personer.
milestone-kind-other = Annat
milestone-kind-call-opens = Utlysningen öppnar
milestone-kind-call-closes = Sista dag för bidrag
milestone-kind-booklet = Skriften publiceras
milestone-kind-shortlist = Nominering
milestone-kind-site-visits = Platsbesök
milestone-kind-decision = Juryns beslut
milestone-kind-gala = Gala och tillkännagivande
milestone-kind-seminars = Seminarier
admin-menu-edition = Omgången
news-moved-title = { $what } flyttas till { $date }
news-moved-summary = { $edition }: { $what } är flyttad från { $from } till { $to }.
mail-rescheduled-subject = Nytt datum i { $edition }: { $what }
mail-rescheduled-body =
    Hej { $name }!

    Ett datum i hålltiderna för { $edition } har flyttats.

    { $what }
    Nytt datum: { $to }
    Tidigare: { $from }

    Alla hålltider: { $link }
jury-profiles-title = Juryn som den visas, { $edition }
jury-profiles-crumb = Juryn som den visas
jury-profiles-intro = Så här presenteras juryn för allmänheten, i den här ordningen. Var jurymedlemmen bor och arbetar visas aldrig; det ger automatiskt jäv när profilen är kopplad till ett konto.
jury-profiles-public = Se juryns sida
jury-profiles-add = Lägg till en jurymedlem
jury-profiles-add-button = Lägg till
jury-profiles-edit = Ändra { $name }
jury-profiles-edit-link = Ändra
jury-profiles-name = Namn
jury-profiles-title-sv = Titel (svenska)
jury-profiles-title-en = Titel (engelska, frivilligt)
jury-profiles-organisation = Organisation
jury-profiles-chair = Juryns ordförande
jury-profiles-private = Visas inte: för jäv och inloggning
jury-profiles-place-hint = Kommunens namn eller kod, till exempel Umeå eller 2480. Lämna tomt om det inte gäller.
jury-profiles-home = Bor i kommunen
jury-profiles-no-account = Inget konto än
jury-profiles-error-home = ”{ $text }” är ingen kommun vi känner till (bor i). Skriv kommunens namn eller kod.
jury-profiles-error-employer = ”{ $text }” är ingen kommun vi känner till (arbetar för). Skriv kommunens namn eller kod.
jury-profiles-error-account = Kontot har ingen roll i juryn för den här omgången. Bjud in personen först.
jury-profiles-error-taken = Det finns redan en jurymedlem som heter { $name } i omgången.
event-edit = Ändra programpunkten
admin-entry-none = Inget bidrag än (bara nominerad)
admin-entry-submitted = inskickat { $time }
admin-entry-consent = Samtycke till publicering i skriften
admin-entry-consent-yes = Ja
admin-entry-consent-no = Nej
admin-entry-public = Kommunens offentliga sida
admin-entry-answers = Svaren
admin-entry-showing = Här visas version { $version }. Den senaste är version { $latest }.
admin-entry-no-answers = Inga svar än.
admin-entry-versions = Sparade versioner
admin-entry-no-versions = Inget är sparat än.
admin-entry-version = Version
admin-entry-saved = Sparad
admin-entry-by = Av
admin-entry-shown = visas
admin-entry-show = visa svaren
admin-entry-no-nominations = Ingen har nominerat kommunen.
admin-entry-unconfirmed = inte bekräftad
admin-entry-no-contacts = Kommunen har ingen kontaktperson i omgången.
award-field-how-chosen-sv = Så utses vinnaren (svenska)
award-field-how-chosen-en = Så utses vinnaren (engelska, frivilligt)
award-field-markdown-hint = Enkel Markdown: stycken, **fetstil**, *kursiv*, listor och länkar.
award-field-prize-sv = Vad vinnaren får (svenska)
award-field-prize-en = Vad vinnaren får (engelska, frivilligt)
award-how-chosen = Så utses vinnaren
award-prize = Vad vinnaren får
list-and = och
past-winners-admin-title = Tidigare vinnare, { $award }
past-winners-admin-intro = Vinnarna från åren innan utmärkelsen drevs här. Vinnarna i omgångarna här läggs till av sig själva när de tillkännages.
past-winners-municipalities = Kommun eller kommuner
past-winners-municipalities-hint = Namn eller kod; flera som vann tillsammans skrivs med komma eller ”och”, till exempel Mora, Orsa och Älvdalens kommuner.
past-winners-citation = Juryns motivering
past-winners-add = Lägg till en vinnare
past-winners-edit = Ändra vinnaren
past-winners-import = Importera från en CSV-fil
past-winners-import-hint = En rad per år: år, kommun eller kommuner, motivering (frivillig). Semikolon eller komma mellan fälten; en första rad med rubriker hoppas över. År som redan finns ersätts, övriga står kvar. Blir någon rad fel importeras ingen.
past-winners-import-file = CSV-fil
past-winners-import-text = … eller klistra in raderna
past-winners-import-button = Importera
past-winners-error-none = Skriv vilken kommun som vann.
past-winners-error-unknown = ”{ $text }” är ingen kommun vi känner till. Skriv kommunens namn eller kod.
past-winners-error-long = Motiveringen får vara högst { $max } tecken.
past-winners-error-taken = Det finns redan en vinnare { $year }. Ändra den i stället.
past-winners-error-twice = året { $year } står två gånger
past-winners-error-row = Rad { $row }: { $problem }
past-winners-error-csv = Filen gick inte att läsa som CSV i UTF-8.
past-winners-error-empty = Filen har inga rader att importera.
award-past-winners-link = Tidigare vinnare
award-logo-heading = Logotyp
award-logo-current = Utmärkelsens logotyp just nu
award-logo-file = Bildfil
award-logo-hint = PNG eller JPEG, högst 2 MB. Visas på utmärkelsens sidor.
award-logo-upload = Ladda upp
award-logo-remove = Ta bort logotypen
award-logo-error-size = Bilden får vara högst { $max } MB.
award-logo-error-none = Välj en bildfil att ladda upp.
award-logo-error-type = Filen är ingen PNG- eller JPEG-bild som går att läsa.
award-logo-alt = { $award }s logotyp
scope-award = { $award } – utmärkelsen och alla dess omgångar
answer-none = Inte besvarad.
answer-indicator = Indikator
answer-level = Svar
phase-error-moved = Omgången hann ändras av någon annan (eller av sig själv, vid sin tid) just innan. Sidan visar nu hur det står till.

# The jury's rounds
admin-rounds-title = Juryns omgångar
admin-rounds-heading = Juryns omgångar, { $edition }
admin-rounds-intro = Juryn kan nominera i flera omgångar: först till exempel fem till tio kommuner, sedan tre till fem bland dem. Varje omgång väljer bland den förras urval; den sista omgångens urval är de nominerade. Lämna en enda omgång (eller inga) för en nominering i ett steg.
admin-rounds-cuts = Juryns urval hittills
admin-rounds-at = Offentligt från (svensk tid)
admin-rounds-publish = Publicera urvalet
admin-rounds-public-since = Offentligt sedan { $time }.
admin-rounds-public-from = Offentligt från { $time }.
admin-rounds-setup = Omgångarna
admin-rounds-round = Omgång
admin-rounds-name-sv = Namn (svenska), till exempel Nominering
admin-rounds-name-en = Namn (engelska)
admin-rounds-least = Minst antal
admin-rounds-most = Högst antal
admin-rounds-wording-sv = Så berättas urvalet (svenska)
admin-rounds-wording-en = Så berättas urvalet (engelska)
admin-rounds-wording-hint = Skriv {"{"}n{"}"} där antalet ska stå, till exempel: Juryn har nominerat {"{"}n{"}"} kommuner.
admin-rounds-save = Spara omgångarna
admin-rounds-history = Juryn har redan gjort ett urval eller gått vidare: omgångarna kan inte ändras längre.
admin-rounds-error-number = Ange minst och högst antal som heltal i omgång { $n }.
admin-rounds-error-name = Ge omgång { $n } ett svenskt namn.
admin-rounds-error-bounds = Omgång { $n } ska välja minst 1 och högst 20, och minst får inte vara större än högst.
admin-rounds-error-exceeds = Omgång { $n } kan inte välja fler än omgång { $prev } lämnar: dess högsta antal får vara högst omgång { $prev }s minsta.
admin-rounds-error-many = Högst { $n } omgångar.
admin-rounds-error-started = Juryn har redan gjort ett urval: omgångarna ändras inte längre.
admin-rounds-error-publish = Välj en tid, och en tid som inte är före den förra omgångens.

# A nominated municipality's own deadline to complete
admin-completion-title = Egen sista dag att komplettera
admin-completion-heading = Egen sista dag att komplettera, { $edition }
admin-completion-intro = En kommun som har nominerats av någon annan kan få en egen sista dag att komplettera sin text, medan enkäten är stängd för alla andra. Den får inte ligga efter juryns första urval. Lämna fältet tomt för att kommunen ska följa enkätens sista dag igen.
admin-completion-current = till { $time }
admin-completion-until = Sista dag att komplettera (svensk tid)
admin-completion-hint = Kommunens kontaktpersoner ser den i portalen.
admin-completion-save = Spara
admin-completion-error-nominated = Kommunen har ingen bekräftad nominering i den här omgången: en egen sista dag ges bara till nominerade kommuner.
admin-completion-error-late = Sista dagen att komplettera får inte ligga efter juryns första urval, och kan inte ändras när juryn har börjat.

## The follow-up for those through a cut (admin/follow_up.rs, follow_up_import.rs, portal, jury)
admin-follow-up-title = Uppföljning efter urvalet
admin-follow-up-heading = Uppföljning efter urvalet, { $edition }
admin-follow-up-intro = De kommuner som juryn har valt ut i en tidigare omgång kan svara på en uppföljning, till exempel en självskattning av sin digitala mognad, med en egen sista dag. Svaren visas för juryn och på mötet som en tabell. Har självskattningen gjorts i ett annat verktyg kan du i stället läsa in resultatet som en CSV-fil.
admin-follow-up-no-rounds = En uppföljning kommer efter ett urval före det sista. Sätt först upp minst två omgångar under Juryns omgångar.
admin-follow-up-before-cut = Juryn har inte gjort urvalet än. När det är gjort visas kommunerna här, och du kan läsa in resultat från ett annat verktyg.
admin-follow-up-statuses = Kommunerna i urvalet
admin-follow-up-municipality = Kommun
admin-follow-up-status = Svar
admin-follow-up-answered = Besvarad i portalen { $time }
admin-follow-up-imported = Inläst från fil { $time }
admin-follow-up-waiting = Inte besvarad ännu
admin-follow-up-import = Läs in resultat från ett annat verktyg
admin-follow-up-import-intro = En rad per kommun och indikator: kommunkod eller kommunens namn, indikatorn (namnet eller numret i ordning från 1) och nivån (helt, delvis eller inte alls). Semikolon eller komma; en rubrikrad går bra. Allt läses in eller ingenting.
admin-follow-up-import-refused = Filen lästes inte in
admin-follow-up-file = CSV-fil
admin-follow-up-paste = … eller klistra in raderna
admin-follow-up-import-button = Läs in
admin-follow-up-setup = Inställning
admin-follow-up-after = För de kommuner som valdes i
admin-follow-up-closes = Sista dag att svara (svensk tid)
admin-follow-up-prompt-sv = Självskattningens rubrik (svenska)
admin-follow-up-prompt-en = Självskattningens rubrik (engelska, valfritt)
admin-follow-up-indicators = Indikatorer, en per rad
admin-follow-up-indicators-hint = Skriv en engelsk översättning efter ett lodrätt streck: Strategi | Strategy. Varje indikator besvaras med helt, delvis eller inte alls.
admin-follow-up-comment-sv = Fråga för en kommentar (valfritt)
admin-follow-up-comment-en = Frågan på engelska (valfritt)
admin-follow-up-save = Spara uppföljningen
admin-follow-up-error-closes = Ange sista dag att svara som datum och tid.
admin-follow-up-error-prompt = Ge självskattningen en rubrik.
admin-follow-up-error-empty = Uppföljningen behöver minst en indikator eller en fråga.
admin-follow-up-error-round = Välj en omgång före den sista: uppföljningen gäller dem som gick vidare därifrån.
admin-follow-up-error-answered = Kommuner har redan svarat, så frågorna kan inte ändras längre. Sista dagen kan du fortfarande flytta.
follow-up-import-size = Filen är för stor: högst { $max } MB.
follow-up-import-not-text = Filen gick inte att läsa som text. Spara den som CSV (UTF-8) och försök igen.
follow-up-import-none = Sätt upp uppföljningen innan du läser in resultat.
follow-up-import-columns = Rad { $row }: behöver tre kolumner — kommun, indikator och nivå.
follow-up-import-municipality = Rad { $row }: ”{ $text }” är ingen kommun vi känner till.
follow-up-import-not-through = Rad { $row }: { $name } valdes inte ut i omgången och svarar inte på uppföljningen.
follow-up-import-indicator = Rad { $row }: ”{ $text }” är ingen av uppföljningens indikatorer.
follow-up-import-level = Rad { $row }: ”{ $text }” är ingen nivå; skriv helt, delvis eller inte alls.
follow-up-import-twice = Rad { $row }: samma kommun och indikator finns redan på en tidigare rad.
follow-up-import-no-indicators = Uppföljningen har ingen självskattning att läsa in i.
follow-up-import-empty = Filen har inga rader.
follow-up-title = Uppföljning
follow-up-heading = { $title } – { $name }
follow-up-intro = Juryn har valt ut { $name } att gå vidare. Svara på uppföljningen senast { $time }; svaren visas för juryn.
follow-up-closed = Uppföljningen stängde { $time }. Svaren visas för juryn.
follow-up-save = Skicka svaren
follow-up-saved = Svaren är sparade.
follow-up-link = Juryn har valt ut er: svara på uppföljningen senast { $time }
follow-up-error-late = Sista dagen för uppföljningen har passerat. Kontakta arrangören om något behöver ändras.
follow-up-section = Uppföljning
follow-up-source-import = Inläst av arrangören { $time }.
follow-up-source-portal = Besvarad { $time }.
follow-up-none = Kommunen har inte svarat på uppföljningen.

## Who nominates (nominate, admin/nominations.rs, the jury's entry page)
nominator-person = { $name }
nominator-organisation = { $name }, { $organisation } ({ $kind })
nominator-kind-privatperson = privatperson
nominator-kind-organisation = organisation
nominator-kind-foretag = företag
nominate-kind = Du nominerar som
nominate-organisation = Organisationens eller företagets namn
nominate-organisation-hint = Behövs om du nominerar för en organisation eller ett företag.
nominate-error-organisation = Skriv organisationens eller företagets namn.
nominate-error-organisation-long = Organisationens namn får vara högst { $max } tecken.
nominate-questions = Utlysningens frågor
nominate-questions-intro = Arrangören ber dig också svara på utlysningens frågor om kommunen, så gott du kan. Kommunen kan komplettera svaren själv.
nominations-answer-legend = Vad lämnar den som nominerar?
nominations-answer-reason = Bara en motivering
nominations-answer-questions = En motivering och svar på utlysningens frågor
nominations-answer-save = Spara
review-nominations = Nomineringar

## A municipality registers itself (nominate/register.rs)
register-title = Anmäl kommunen
register-heading = Anmäl kommunen till { $edition }
register-intro = Vill er kommun delta, eller bidra med en text till skriften utan att tävla? Anmäl kommunen här. Vi skickar en länk till din e-postadress; när du har bekräftat blir du kommunens kontaktperson och kan skriva bidraget. Arrangören får veta att du har anmält kommunen.
register-municipality = Kommun
register-email = Din e-postadress
register-email-hint = Helst din adress på kommunen: arrangören ser den.
register-button = Anmäl kommunen
register-closed = Anmälan är stängd: utlysningen tar inte emot bidrag nu.
register-thanks = Tack! Vi har skickat en länk till { $email }. Anmälan av { $municipality } gäller när du har bekräftat den.
mail-registration-confirm-subject = Bekräfta anmälan av { $municipality }
mail-registration-confirm-body =
    Hej!

    Någon har angett den här e-postadressen för att anmäla { $municipality } till { $edition } och bli kommunens kontaktperson. Var det du, bekräfta anmälan med den här länken; den gäller i sju dagar:

    { $link }

    Var det inte du behöver du inte göra något: utan bekräftelse blir det ingen anmälan.
mail-registration-notice-subject = { $municipality } har anmält sig till { $edition }
mail-registration-notice-body =
    Hej { $name }!

    { $who } ({ $email }) har anmält { $municipality } till { $edition } och är nu kommunens kontaktperson. Är det fel kan en arrangör ta bort behörigheten.

    Bidraget:

    { $link }

## Joint entries (admin/joint.rs)
admin-joint-title = Gemensamma bidrag
admin-joint-heading = Gemensamma bidrag, { $edition }
admin-joint-intro = Två eller flera kommuner kan delta med ett gemensamt bidrag under ett namn, som ”Mora, Orsa och Älvdalens kommuner”. Bidraget hålls under den första kommunens kod; varje kommun räknas för jäv, på kartan och på sin kommunsida.
admin-joint-none = Utgåvan har inga gemensamma bidrag.
admin-joint-new = Nytt gemensamt bidrag
admin-joint-name = Bidragets namn
admin-joint-members = Kommunerna
admin-joint-members-hint = Namn eller koder, åtskilda med komma eller ”och”. Lämna tomt om namnet redan säger vilka kommunerna är.
admin-joint-save = Spara det gemensamma bidraget
admin-joint-error-few = Ett gemensamt bidrag har minst två kommuner.
admin-joint-error-twice = { $name } står två gånger.
admin-joint-error-taken = { $name } finns redan i ett annat bidrag i utgåvan.
admin-joint-error-name = Ge bidraget ett namn på högst { $max } tecken.
admin-joint-error-unknown = ”{ $text }” är ingen kommun vi känner till.
nominate-error-joint = Det är flera kommuner och inget gemensamt bidrag i år. Nominera en av dem, eller be arrangören lägga upp det gemensamma bidraget först.
mail-selected-subject = { $municipality } har gått vidare i { $edition }
mail-selected-body =
    Hej { $name }!

    Juryn för { $edition } har valt ut { $municipality } i omgången { $round }. Grattis!

    Urvalet offentliggörs { $time }. Fram till dess ber vi er att inte berätta om det.

    { $follow_up }
mail-selected-follow-up = Juryn ber er svara på en uppföljning senast { $time }, här: { $link }

# The outgoing mail (/admin/post)
post-title = Utgående post
post-intro = All e-post som juryn skickar står i kö här tills e-postservern har tagit emot den. Ett meddelande som inte går fram försöks igen med allt längre mellanrum; ett som servern vägrar ta emot markeras som misslyckat med serverns svar. Innehållet visas inte, eftersom det kan innehålla inloggningslänkar.
post-counts = { $pending } väntar, { $sent } skickade, { $failed } misslyckade.
post-filter-label = Visa
post-filter-all = Alla
post-filter-pending = Väntar
post-filter-failed = Misslyckade
post-filter-sent = Skickade
post-retry-failed = Försök igen med alla misslyckade nu
post-retry = Försök igen nu
post-retried = Meddelandet skickas igen nu.
post-empty = Här finns inga meddelanden.
post-created = Skapat
post-to = Till
post-subject = Ämne
post-state = Läge
post-attempts = Försök
post-reply = Serverns senaste svar
post-actions = Åtgärder
post-state-pending = Väntar
post-state-retrying = Väntar – nästa försök { $time }
post-state-sending = Skickas
post-state-sent = Skickat { $time }
post-state-failed = Misslyckades

# Sign-in through the organisation's identity provider (OpenID Connect)
signin-oidc-heading = Med din organisations inloggning
signin-oidc-intro = Har du ett konto här med samma e-postadress som hos din organisation kan du logga in där, utan lösenord.
signin-oidc-button = Logga in med { $provider }
oidc-error-cancelled = Inloggningen med { $provider } avbröts. Försök igen, eller logga in med lösenord eller e-postlänk.
oidc-error-state = Inloggningen kunde inte slutföras: svaret från { $provider } hörde inte till en inloggning som började i den här webbläsaren, eller så tog den för lång tid. Börja om med knappen nedan.
oidc-error-unconfirmed = Svaret från { $provider } kunde inte bekräftas, så du är inte inloggad. Försök igen; händer det igen, kontakta arrangören.
oidc-error-unverified = { $provider } har inte bekräftat din e-postadress, så den kan inte kopplas till ett konto här. Bekräfta adressen hos { $provider }, eller logga in med lösenord eller e-postlänk.
oidc-error-unreachable = { $provider } går inte att nå just nu. Försök igen om en stund, eller logga in med lösenord eller e-postlänk.
oidc-error-unknown = Det finns inget konto för { $email } här. Ett konto skapas genom en inbjudan från arrangören: be om en, eller logga in med den adress du blev inbjuden med.

# Search
search-title = Sök i svaren
search-title-for = Sök: { $query }
search-label = Sök bland vad kommunerna har skrivit
search-help = Ord hittar böjningar och sammansättningar (”bygglov” hittar ”bygglovsprocessen”). Sätt citattecken runt en fras.
search-filters = Avgränsa
search-award = Utmärkelse
search-year = År
search-county = Län
search-question = Fråga
search-question-n = Fråga { $n }
search-kind = Typ av bidrag
search-kind-kommun = Kommun
search-kind-samverkan = Samverkan mellan kommuner
search-all = Alla
search-order = Ordning
search-order-relevance = Bäst träff först
search-order-year = Nyast först
search-button = Sök
search-summary = { $count ->
    [one] Ett bidrag
   *[other] { $count } bidrag
} med ”{ $query }”
search-none = Inget publicerat svar innehåller det. Pröva ett kortare ord, eller ta bort en avgränsning.
search-jury-text = Juryns underlag, inte publicerat
search-problem-not-text = Värdet för ”{ $param }” går inte att läsa som text. Skriv in sökningen igen.
search-problem-unknown = ”{ $value }” är inget giltigt värde för ”{ $param }”. Välj ett värde i listan.

# The pulse
pulse-title = Pulsen { $year }
pulse-crumb = Pulsen
pulse-intro = { $year } svarade { $entries } bidrag från { $participants } av Sveriges 290 kommuner ({ $share } %). Här är vad svaren säger tillsammans.
pulse-not-public = Du ser pulsen som arrangör: den blir offentlig när skriften publiceras.
pulse-downloads = Ladda ned siffrorna
pulse-csv-participation = Deltagande per län (CSV)
pulse-csv-maturity = Självskattningen per område och län (CSV)
pulse-csv-terms = Ord som sticker ut (CSV)
pulse-csv-trend = Utvecklingen år för år (CSV)
pulse-award-link = Utvecklingen över åren
pulse-participation = Deltagande
pulse-participation-caption = Deltagande kommuner per län, och andelen av länets kommuner
pulse-map-title = Deltagande kommuner
pulse-map-desc = Karta över Sverige där de { $participants } deltagande kommunerna är markerade. Tabellen visar samma sak per län.
pulse-county = Län
pulse-participants = Deltagande kommuner
pulse-municipalities = Kommuner i länet
pulse-share = Andel
pulse-maturity = Självskattad digital mognad
pulse-no-maturity = Den här omgången innehöll ingen självskattning.
pulse-maturity-caption = Antal bidrag per svar, område för område
pulse-indicator = Område
pulse-chart = Fördelning
pulse-unanswered = Ej svar
pulse-levels-alt = { $indicator }: helt { $fully }, delvis { $partly }, inte alls { $not }, ej svar { $none }
pulse-by-county = Per län
pulse-by-county-caption = Antal helt / delvis / inte alls per län och område
pulse-terms = Det här sticker ut
pulse-terms-intro = Ord som kommunerna använde påfallande ofta i sina svar den här omgången. Varje ord leder till svaren som innehåller det.
pulse-terms-against-years = Jämfört med svaren { $years }.
pulse-terms-against-questions = Jämfört med svaren på de andra frågorna, eftersom det inte finns någon annan publicerad omgång.
pulse-term-counts = { $here } gånger, { $elsewhere } i jämförelsen
pulse-terms-none = Inget ord sticker ut.
pulse-award-title = Pulsen över åren
pulse-award-intro = Deltagande och självskattad mognad i { $editions } publicerade omgångar.
pulse-award-chart = Deltagande kommuner per år
pulse-trend-caption = Bidrag och deltagande kommuner per år
pulse-year = År
pulse-entries = Bidrag
pulse-share-sweden = Andel av Sveriges kommuner
pulse-trend-maturity-caption = Andel av svaren som säger ”helt”, per område och år
search-also = Ordet finns också i svaren på fråga
search-page = Sida { $page } av { $pages }
search-pages = Fler träffar
search-previous = Föregående sida
search-next = Nästa sida
nav-search = Sök
edition-pulse = Pulsen: vad svaren säger tillsammans, på karta och i siffror
