# The English catalogue.
site-name = juryn
skip-to-content = Skip to content
nav-label = Main menu
nav-awards = Awards
crumbs-label = You are here
footer-about = juryn – open-source software for juried awards. Map data: Source: Statistics Sweden (SCB).

home-heading = Awards
home-lead = The awards: who took part, who is nominated and who has won.
home-empty = There are no awards yet.

award-organiser = Organiser
award-criterion-heading = Who can win?
award-editions-heading = Editions
award-no-editions = No editions yet.
past-winners-heading = Earlier winners
past-winners-none = No earlier winners.

phase-draft = In preparation
phase-call-open = The questionnaire is open
phase-call-closed = The questionnaire has closed
phase-shortlisting = The jury is reviewing the entries
phase-nominated = The nominees have been named
phase-in-depth-review = In-depth review
phase-deliberation = The jury is deliberating
phase-decided = The jury has decided
phase-announced = The winner has been announced
phase-archived = Concluded

status-invited = Invited
status-draft = Started
status-submitted = Answered the questionnaire
status-withdrawn = Withdrawn

edition-ordinal = The award is given for the { $ordinal } time.
edition-phase = Status
edition-winner-heading = Winner
edition-nominees-heading = The nominees
edition-nominees-intro = The jury has shortlisted { $count } municipalities:
edition-nominees-intro-entries = The jury has shortlisted { $count } entries:
edition-nominees-pending = The jury presents the nominees { $when }.
edition-nominees-pending-undated = The jury has not presented the nominees yet.
edition-see-jury = See the members of the jury
edition-selection-heading = How the winner is chosen
edition-criteria-heading = Review criteria
edition-timeline-heading = Timeline
edition-timeline-caption = Timeline of the edition
edition-timeline-when = When
edition-timeline-what = What
edition-booklet-heading = The booklet
edition-booklet-pending = The booklet with the municipalities' answers will be published { $when }.
edition-booklet-pending-undated = The booklet with the municipalities' answers has not been published yet.
edition-participants-heading = Participating municipalities
edition-participants-count = { $count } municipalities answered the questionnaire.
edition-participants-list = All participating municipalities
edition-map-title = Map of the participating municipalities
edition-map-desc = Sweden's municipalities; the { $count } that answered the questionnaire are marked.
edition-map-desc-nominees = Sweden's municipalities; the { $count } that answered the questionnaire are marked, and the nominees are highlighted: { $nominees }.
edition-example-note = The answers in this demo are invented example texts.
map-legend-label = Map legend
map-legend-participant = Answered the questionnaire
map-legend-nominee = Nominee
map-legend-winner = Winner
map-credit = Source: Statistics Sweden (SCB)

jury-heading = The jury of { $edition }
jury-crumb = Jury
jury-chair = chair
jury-empty = The jury has not been presented yet.
jury-example-note = The members of the jury in this demo are invented (example data).
jury-back = Back to { $edition }

municipalities-title = The municipalities
municipalities-intro = Sweden's { $count } municipalities, county by county. Each municipality's page shows what it has taken part in and won.
nav-municipalities = Municipalities
municipality-county = County
municipality-code = Municipality code
municipality-entries-heading = Participation
municipality-no-entries = The municipality has not taken part in any edition here.
municipality-read-chapter = Read the answers in the booklet
municipality-col-edition = Edition
municipality-col-entry = Entry
municipality-joint = { $name } ({ $status })
municipality-col-result = Result
municipality-nominee = Nominee
municipality-winner = Winner
municipality-wins-heading = Awards
municipality-won = { $award } { $year }
municipality-map-desc = { $name } marked on a map of { $county }.

error-not-found-title = Page not found
error-not-found-text = There is no page at this address. It may have moved, or the address may be mistyped.
error-bad-request-title = Bad request
error-bad-request-text = The address or form contained something we cannot read. Please check it and try again.
error-internal-title = Something went wrong
error-internal-text = An error occurred on our side. Please try again in a while.
error-way-back = To the start page
api-not-found = No such thing.
api-internal = An error occurred on our side.
api-bad-request = The request could not be read.
api-archived = The edition is archived and can no longer be changed.
api-too-large = The request body is too large.
error-unavailable-title = The service is temporarily unavailable
error-unavailable-text = We cannot reach the database right now. Nothing you sent has been saved. Go back – what you wrote is still in the form – and try again in a little while.
error-storage-full-title = Could not save
error-storage-full-text = The server has no room to save right now, so nothing you sent has been saved. What is already here can still be read. Go back – what you wrote is still in the form – and try again later; the organiser needs to free some space.
api-unavailable = The database cannot be reached right now. Nothing was saved; try again shortly.
api-storage-full = The server has no room to save right now. Nothing was saved; try again later.

error-unreadable-title = The form could not be read
error-unreadable-text = The form contained characters that could not be read. Go back, check what you wrote and try again.
error-forbidden-title = You do not have access
error-forbidden-text = You are signed in, but your account does not have access to this page. Contact the organiser if you think this is wrong.
error-archived-title = The edition is archived
error-archived-text = The edition is over and archived. It can be read but no longer changed.
error-csrf-title = The form has expired
error-csrf-text = For security reasons the form could not be sent. Go back, reload the page and try again.
error-too-large-title = Too much text
error-too-large-text = What you sent was larger than we accept. Shorten the text and try again.

# Accounts and sign-in
nav-account = My account
form-error-heading = Something needs fixing
field-email = Email address
field-password = Password
field-new-password = New password
field-password-again = Repeat the password
field-name = Name
field-language = Language
field-role = Role
field-scope = Applies to
field-municipality = Municipality
choose = Choose …
save-button = Save
password-hint = At least twelve characters. A sentence you remember works well.
password-too-short = The password needs at least { $min } characters.
password-mismatch = The two passwords differ. Type the same password twice.
error-name-long = The name may have at most { $max } characters.

signin-title = Sign in
signin-password-heading = With a password
signin-password-intro = For organisers, jurors and experts.
signin-button = Sign in
signin-forgot = Forgot your password?
signin-link-heading = With a link by email
signin-link-intro = For municipality contacts and nominators. We send a link that is valid for 30 minutes and can be used once.
signin-link-button = Send a sign-in link
signin-error-email = Enter a valid email address, for example name@kommun.se.
signin-error-password-missing = Enter your password.
signin-error-password-long = The password is too long (at most 1024 bytes).
signin-error-throttled = Too many failed attempts. Wait a quarter of an hour and try again, or reset your password.
signin-error-wrong = Wrong email address or password.
signin-signed-out = You are signed out.
signin-link-sent = If we know the address, we have sent a sign-in link to it. It is valid for 30 minutes.
signout-button = Sign out

link-unknown-title = The link does not work
link-unknown-text = The link is not valid. Check that the whole link came through, or ask for a new one.
link-expired-title = The link has expired
link-expired-text = The link was valid for a limited time and has expired. Ask for a new one.
link-used-title = The link has been used
link-used-text = Each link can be used once. Ask for a new one if you need to sign in again.
link-signin-title = Sign in with the link
link-signin-text = Press the button to sign in. The link can be used once.
link-signin-button = Sign in
link-back-to-signin = To the sign-in page

reset-request-title = Forgot your password
reset-request-intro = Enter your email address and we will send a link where you choose a new password. The link is valid for one hour.
reset-request-button = Send link
reset-sent = If we know the address, we have sent a link to it. It is valid for one hour.
reset-title = Choose a new password
reset-intro = When you save, you are signed out everywhere you are signed in.
reset-done = Your password has been changed. Sign in with the new password.

invitation-title = Invitation
invitation-intro = You are invited as { $role } ({ $email }). Check your name and save to accept the invitation.
invitation-error-name = Enter your name.
invitation-current-hint = There is already an account with this address. Enter its password, so that we know it is yours.
invitation-error-current = The password does not match the account's. Enter the password you sign in with, or reset it via “Forgot your password?”.

account-title = My account
account-saved = Your changes are saved.
account-roles-heading = My roles
account-no-roles = You have no roles at the moment.
account-details-heading = My details
account-error-language = Choose Swedish or English.

# Organisers
people-title = People and roles
people-roles = Roles
people-invited = The invitation has been sent.
people-already-holds = The person already has that role. No invitation was sent.
people-revoked = The role has been revoked.
people-erased = The person's data have been erased.
invite-heading = Invite
invite-intro = The person gets a link by email. The link creates an account, or adds the role to the account with the same email address, and is valid for 14 days.
invite-municipality-hint = Only for contacts: the municipality they represent.
invite-language = Language of the invitation
invite-button = Send invitation
invite-error-role = Choose a role.
invite-error-scope = Choose where the role applies.
invite-error-municipality = Choose a municipality from the list.
invite-error-organiser-scope = An organiser applies to the whole installation or to one award, not to one edition.
invite-error-needs-edition = This role applies to one edition. Choose an edition.
invite-error-needs-municipality = A contact represents a municipality. Choose the municipality.
invite-error-unexpected-municipality = Only contacts are bound to a municipality. Remove the municipality.
person-has-password = Has a password
person-no-password = Signs in by link
revoke-button = Revoke
person-data-heading = Personal data
person-export = Download everything stored about the person (JSON)
erase-intro = Erasing removes name, email address, password, roles and sessions. The log keeps its events, with the person replaced by a pseudonym.
erase-button = Erase
erase-self = You cannot erase yourself.
audit-title = Log
audit-intro = Every change, who made it and when. The log can be read but not changed.
audit-actor = Who
audit-action = Action
audit-subject = Object
audit-detail = Details
audit-when = When
audit-filter = Filter

# Portal and jury area
portal-title = The municipality's entry
portal-empty = You are not the contact of any municipality at the moment.
portal-not-started = no entry started
jury-area-title = The entries of { $edition }
jury-area-empty = There are no entries to read.
jury-area-hidden = Entries from municipalities where you have a conflict of interest, or that are not part of your assignment, are not shown.
jury-area-round = Round { $position } of { $of }: { $name }. The jury selects { $least }–{ $most } municipalities among those below; the reviews are for this round.
entry-example = The answers are invented example texts.

role-organiser = Organiser
role-jury-chair = Chair of the jury
role-juror = Juror
role-expert = Expert
role-entrant-contact = Contact
role-nominator = Nominator
scope-installation = the whole installation
grant-with-municipality = { $role } for { $municipality }, { $scope }

mail-sign-in-subject = Your sign-in link to { $site }
mail-sign-in-body =
    Hello { $name },

    Sign in with this link. It is valid for 30 minutes and can be used once:

    { $link }

    If you did not ask for the link, you can ignore this message.
mail-reset-subject = Choose a new password for { $site }
mail-reset-body =
    Hello { $name },

    Choose a new password with this link. It is valid for one hour and can be used once:

    { $link }

    If you did not ask for the link, you can ignore this message. Your password is unchanged.
mail-invitation-subject = Invitation: { $role }
mail-invitation-body =
    Hello { $name },

    { $inviter } invites you as { $role }.

    Accept the invitation with this link. It is valid for 14 days:

    { $link }

# Writing an entry
level-helt = Fully
level-delvis = Partly
level-inte-alls = Not at all
answer-yes = Yes
answer-no = No
answer-missing = The answer is needed before the entry can be submitted.
answer-over-limit = The answer has { $words } words; at most { $limit } fit. Shorten the text.
answer-not-a-number = Enter a whole number, for example 42.
answer-out-of-range = The number must be between { $min } and { $max }.
answer-not-yes-no = Answer yes or no.
answer-indicator-missing = Indicator { $n }, “{ $name }”, is not answered.
answer-bad-assessment = The self-assessment could not be read. Choose a level for each indicator.
answer-control-characters = The text contains invisible control characters. Paste it as plain text and try again.
answer-too-long = The answer is too long (at most { $max } characters).
entry-deadline = Deadline
entry-status = Status
entry-required = required
entry-indicator = Indicator
entry-words = words
entry-words-over = { $n } words too many
entry-words-over-template = {"{"}n{"}"} words too many
entry-autosave-unsaved = Changes not saved yet …
entry-autosave-offline = Could not save: no contact with the server. Trying again shortly; do not leave the page.
entry-markdown-hint = You can use simple formatting: an empty line between paragraphs, - for bullet lists, *italics*, **bold** and [link text](https://address).
entry-save-draft = Save draft
entry-submit = Submit
entry-resubmit = Save and submit again
entry-saved = The draft is saved.
entry-submitted = The entry is submitted. You can change it until the deadline.
entry-withdrawn = The entry is withdrawn.
entry-consent-saved = Your choice about publication is saved.
entry-not-saved = The draft is not saved. Fix what is shown below; your text is still here.
entry-not-submitted = The entry is not submitted. Fix what is shown below; your text is still here.
entry-closed = The questionnaire closed { $deadline }. Changes are no longer accepted; what was saved before is kept.
entry-closed-now = The questionnaire is closed. The entry can be read but not changed.
entry-conflict = Someone else saved the entry while you were writing. Nothing was overwritten.
entry-conflict-help = Below each question you see what the other person saved. Your text is still in the fields: choose what should stand and save again.
entry-theirs = Saved by someone else:
entry-consent-heading = Publication in the booklet
entry-booklet-only-heading = Compete, or only contribute to the booklet
entry-booklet-only-intro = The municipality may contribute its text to the booklet without competing for the award. The jury then does not review the entry.
entry-booklet-only-legend = The entry
entry-booklet-only-no = Competes for the award
entry-booklet-only-yes = Only for the booklet
entry-booklet-only-save = Save the choice
entry-booklet-only-saved = Your choice is saved.
entry-consent-intro = The answers are published in the booklet { $title } only if the municipality consents.
entry-consent-legend = May the answers be published?
entry-consent-yes = Yes, the answers may be published
entry-consent-no = No
entry-consent-save = Save the choice
entry-withdraw-heading = Withdraw the entry
entry-withdraw-intro = A withdrawn entry is not reviewed. The text is kept, and you can submit again before the deadline.
entry-withdraw = Withdraw
entry-history-heading = Saved versions
entry-history-empty = Nothing has been saved yet.
entry-history-version = Version
entry-version-title = Version { $n } of the entry from { $name }
entry-version-meta = Saved { $when } by { $who } ({ $status }).
entry-version-changed = Changed since then.
entry-version-same = Unchanged since then.
entry-version-then = In this version
entry-version-now = Now
entry-version-restore = Restore this version
entry-version-restore-hint = The answers of this version are saved as a new version. The current text stays among the saved versions.
entry-version-back = Back to the entry
entry-version-incomplete = This version lacks answers a submitted entry must have, so it cannot be restored. Copy what you need into the form instead.
entry-version-restored = The version is restored and saved as a new version.
entry-min = at least
entry-max = at most

# Nominations
nominate-title = Nominate
nominate-heading = Nominate a municipality for { $edition }
nominate-intro = Anyone may nominate a municipality. The municipality is invited to answer the questionnaire, and your reason is shown to the organiser.
nominate-municipality = Municipality
nominate-municipality-hint = Type the municipality's name or code and choose from the list, for example Lidingö or 0186.
nominate-reason = Why should the municipality be nominated?
nominate-your-name = Your name
nominate-your-email = Your email address
nominate-email-hint = We send a link to confirm the nomination with. Only the organiser sees the address.
nominate-button = Nominate
nominate-closed = Nominations are closed for this edition.
nominate-error-municipality = Choose one of Sweden's 290 municipalities, by name or code.
nominate-error-throttled = Many nominations have been sent from here or to this address in a short time. Wait a quarter of an hour and try again.
nominate-error-busy = Very many nominations are waiting for confirmation just now. Try again in a while.
nominate-error-reason = Write why the municipality should be nominated.
nominate-error-reason-long = The reason may have at most { $max } characters.
nominate-thanks = Thank you! The nomination of { $municipality } counts once you have confirmed it with the link we sent to { $email }.
nominate-confirm-title = Confirm the nomination
nominate-confirm-text = Press the button to confirm that you nominate { $municipality }.
nominate-confirm-button = Confirm
nominate-confirmed-title = The nomination is confirmed
nominate-confirmed-text = Thank you! The nomination of { $municipality } is received. { $told }
nominate-told-contacts = We have told the contacts in { $municipality }, who are invited to answer the questionnaire.
nominate-told-organisers = The municipality has no contact with us yet, so we have told the organiser, who will contact the municipality.
nominate-told-nobody = The organiser sees it in the list of nominations.
nominate-already-title = The nomination is already confirmed
nominate-already-text = The nomination of { $municipality } is already confirmed. You need not do anything more.
nominations-title = Nominations for { $edition }
nominations-count = Municipalities nominated and confirmed
nominations-none = No nominations yet.
nominations-by = Nominated by
nominations-confirmed = Confirmed
nominations-unconfirmed = Awaiting confirmation
mail-nomination-confirm-subject = Confirm your nomination of { $municipality }
mail-nomination-confirm-body =
    Hello,

    Someone gave this email address to nominate { $municipality } for { $edition }. If it was you, confirm the nomination with this link; it is valid for seven days:

    { $link }

    If it was not you, you need not do anything: without confirmation there is no nomination.
mail-entry-receipt-subject = The entry of { $municipality } for { $edition } is submitted
mail-entry-receipt-body =
    Hello { $name },

    The entry of { $municipality } for { $edition } was submitted { $when }. This is what it says:

    { $answers }
    The entry can be changed until the deadline here:

    { $link }
mail-nomination-notice-subject = { $municipality } is nominated for { $edition }
mail-nomination-notice-body =
    Hello { $name },

    { $municipality } has been nominated for { $edition } with the reason:

    { $reason }

    Continue here:

    { $link }
api-unauthorized = Sign in: send an API key in Authorization: Bearer.
api-forbidden = The key does not give access to this.
account-api-heading = API keys
account-api-intro = With an API key, the municipality's own systems can read and save the entry through juryn's API (described in /api/openapi.json). A key works only on the API, only to read and save the entries your account may read and save, and is valid for one year. It is not a sign-in: it opens no pages. Revoke a key you no longer use.
account-api-button = Create an API key
account-api-name = Name
account-api-name-hint = What the key is for, for example “The municipality's case system”.
account-api-created = Created
account-api-last-used = Last used
account-api-state = Validity
account-api-never = never
account-api-expires = valid until { $time }
account-api-expired = expired { $time }
account-api-revoked = revoked { $time }
account-api-revoke = Revoke
account-api-error-name = Give the key a name, so that you recognise it in the list.
error-control-characters = The text must not contain line breaks or other control characters.
account-api-shown-once = Your new key is shown only now. Keep it somewhere safe and send it as Authorization: Bearer.
edition-call-heading = The questionnaire is open
edition-call-open = The municipalities answer the questionnaire until
edition-call-nominate = Nominate a municipality
edition-call-register = Register your municipality
edition-call-contacts = Contacts sign in here

# The organiser's overview and reminders
call-overview-title = The entries of { $edition }
call-overview-by-county = Entries by county
call-overview-total = Total
call-overview-map-title = Map of the entries
call-overview-map-desc = The municipalities with entries, coloured by status: { $submitted } submitted, { $draft } started, { $invited } invited.
call-overview-entries = All entries
call-overview-all = All
call-overview-sort = Sort by
call-overview-nominations = Nominations
call-overview-contacts = Contacts
call-overview-updated = Last changed
reminders-title = Reminders
reminders-heading = Reminders, { $edition }
reminders-intro = A reminder goes by email to the contacts of entries that are not submitted. The same reminder (the same name) never goes twice to the same person.
reminders-recipients = Recipients
reminders-none = Every entry with contacts is submitted.
reminders-preview = The letter
reminders-name = The reminder's name
reminders-name-hint = A new name sends a new reminder to everyone; the same name again sends only to those who have not had it.
reminders-send = Send the reminder
reminders-sent = The reminder is on its way to { $sent } people; { $before } had it already.
reminders-error-name = Give the reminder a name of at most { $max } characters.
reminders-default-name = reminder
reminders-sample-name = Name Surname
reminders-sample-municipality = Example municipality
mail-reminder-subject = Reminder: { $municipality } has not submitted its entry to { $edition }
mail-reminder-body =
    Hello { $name },

    { $municipality } has not submitted its entry yet. The deadline is { $deadline }.

    Write and submit here:

    { $link }

# The questionnaire builder
builder-title = The questionnaire of { $edition }
builder-crumb = Questionnaire
builder-intro = The questions can be changed until the questionnaire opens. The order here is the order the municipalities see.
builder-locked = The questionnaire has opened, so the questions can no longer be changed: a changed question would change what others have already answered.
builder-kind = Kind of question
builder-prompt = The question
builder-prompt-en = The question in English (optional)
builder-help = Help text (optional)
builder-word-limit = Most words (for free text)
builder-min = Lowest number (for numbers)
builder-max = Highest number (for numbers)
builder-indicators = Indicators, one per line (for self-assessments)
builder-required = Required
builder-up = Move up
builder-down = Move down
builder-delete = Remove
builder-add-heading = Add a question
builder-add = Add
builder-error-prompt = Write the question (at most { $max } characters).
builder-error-word-limit = The most words must be a whole number from 1 to 20,000, or empty.
builder-error-bounds = The bounds must be whole numbers, the lowest at most the highest.
builder-error-indicators = A self-assessment needs 1–{ $max } indicators, one per line.
builder-error-kind = Choose a kind of question.
kind-long-text = Free text
kind-maturity = Self-assessment (fully / partly / not at all)
kind-number = Number
kind-yes-no = Yes or no

# The call's times and phases
call-settings-title = When the questionnaire is open, { $edition }
call-settings-crumb = Opening times
call-settings-now = The questionnaire is open
call-settings-zone = Times in Swedish time (Europe/Stockholm); summer time included.
call-settings-opens = Opens
call-settings-closes = Deadline
call-settings-grace = Grace after the deadline, in minutes
call-settings-open = Open the questionnaire
call-settings-close = Close the questionnaire
call-error-time = Enter a date and time, for example 2019-03-29 23:59.
call-error-grace = The grace must be a whole number from 0 to { $max } minutes.
call-error-order = The questionnaire must open before the deadline.
call-error-phase = Not possible now: the edition is in the phase "{ $phase }".
call-error-no-questions = The questionnaire has no questions yet.
call-error-no-deadline = The questionnaire has no deadline yet.
call-error-deadline-past = The deadline has already passed; set a later one.
call-error-deadline-not-passed = The deadline (with grace) has not passed yet.
admin-title = The organiser's pages
award-new-title = Create an award
award-create = Create the award
award-field-slug = Address (short name)
award-field-slug-hint = Lower-case letters, digits and hyphens, 2–60 characters. It becomes the web address /short-name and cannot be changed later.
award-slug-fixed = the address never changes
award-field-name-sv = Name in Swedish
award-field-name-en = Name in English
award-field-organiser = Who gives the award
award-field-criterion-sv = The criterion in Swedish
award-field-criterion-hint = The sentence the winner is measured by, for example "The municipality of the year is the one that …".
award-field-criterion-en = The criterion in English
award-field-description-sv = Description in Swedish
award-field-description-en = Description in English
award-error-slug = The address may only have lower-case letters (a–z), digits and hyphens, 2–60 characters, must start with a letter and may not be one of the site's own addresses.
award-error-required = { $field } must be filled in.
award-error-long = { $field } may be at most { $max } characters.
award-error-control = { $field } contains characters that are not allowed.
award-error-taken = The address { $slug } is already used by another award.
edition-new-heading = Start a new edition
edition-field-year = Year
edition-field-ordinal = Which time it is given (optional)
edition-field-ordinal-hint = For example 11 for "for the eleventh time".
edition-field-copy = Copy from an earlier edition
edition-field-copy-none = None, start empty
edition-create = Start the edition
edition-error-year = The year must be a number between { $from } and { $to }.
edition-error-ordinal = The ordinal must be a whole number from 1 to 500, or empty.
edition-error-copy = Choose an earlier edition to copy from, or none.
edition-error-taken = There is already an edition { $year }.
edition-error-no-source = There is no edition { $year } to copy from.
admin-create-award = Create an award
admin-awards = Awards
admin-empty = There are no awards here yet. Start by creating one; then start its first edition.
admin-editions = Editions
admin-menu-call = Call and entries
admin-menu-jury = The jury and the review
admin-menu-decision = Decision and gala
admin-menu-publish = What is published
admin-edition-public = See the public page
nav-portal = Portal
nav-jury = Jury
nav-admin = Organiser
jury-home-title = The jury's pages
jury-home-intro = Your roles:
jury-home-none = You have no role in a jury at the moment.
entry-autosaved = Saved at { $when }.
entry-autosave-conflict = Someone else has saved the entry. Save with the button to compare the versions; nothing was overwritten.
entry-autosave-problem = The draft is not saved automatically until the problems are fixed.
entry-autosave-submitted = A submitted entry is saved only with the button.

# The review round (jury)
review-mine = Your entries to review
review-summary = You have submitted { $done } of { $total }. { $drafts } are drafts.
review-progress = Status
review-progress-not-started = Not started
review-progress-draft = Draft
review-progress-submitted = Submitted
review-show-open = Show only those not submitted
review-show-all = Show all
review-none-assigned = You have not been assigned any entries yet.
review-round-closed = The review round is closed. Reviews can no longer be changed.
review-others = Other entries
review-readable = Entries you can read
review-answers = The municipality's answers
review-yours = Your review
review-not-juror = You do not review entries in this round.
review-scale-hint = Scale { $min }–{ $max }, where { $max } is best.
review-comment = Comment
review-overall = Overall comment
review-save = Save draft
review-submit = Submit the review
review-submit-hint = A draft may be incomplete. To submit, every criterion needs a score; after that you see the others' reviews.
review-state-draft = Draft, saved { $time }
review-state-submitted = Submitted { $time }
review-others-title = The jury's reviews
review-others-hidden = The other jurors' reviews are shown once you have submitted your own.
review-others-none = No one else has submitted a review yet.
review-discussion = Discussion
review-discussion-hidden = The discussion is shown once you have submitted your review.
review-discussion-empty = No posts yet.
review-post-label = New post
review-post-button = Post
review-post-empty = Write something before you post.
review-post-long = A post may have at most { $max } characters.
review-post-erased = (removed person)
review-error-criterion = The form contained a criterion that does not belong to this round. Reload the page and try again.
review-error-number = The score for { $criterion } must be a whole number.
review-error-scale = The score for { $criterion } must be between { $min } and { $max }.
review-error-missing = Give { $criterion } a score before you submit.
review-error-long = A comment may have at most { $max } characters.
review-refused-closed = The review round is closed, so the review could not be saved.
review-refused-unassigned = You have not been assigned this entry, so you cannot review it.
review-refused-conflicted = You have a conflict of interest with this municipality and cannot review the entry.
review-final = Your review is submitted and can no longer be changed.
review-refused-final = The review is already submitted and cannot be changed. The organiser has not allowed changes after submission.
review-refused-saw-ranking = This juror has already seen the ranking and cannot be assigned more entries in this round.
review-refused-booklet-only = The entry is only for the booklet and does not compete: it is not reviewed.
review-refused-not-in-round = This round reviews only the entries the jury selected in the round before, and this entry is not among them.
review-changed = Changed after submission, last { $time }
review-earlier = Earlier version, from
review-others-jury-only = The jury's reviews and discussion are shown only to the jury and the organiser.

conflict-mine = Conflicts of interest
conflict-intro = Declare a conflict of interest before you read an entry: if you have ties to the municipality that could call your impartiality into question. The entry then leaves your list and you do not review it. Only the organiser can lift a conflict.
conflict-none = You have no declared or automatic conflicts.
conflict-declare-short = Declare a conflict
conflict-declare-title = Declare a conflict of interest
conflict-declare-intro = Choose the municipality and say why you have a conflict. The organiser sees the reason in the register of conflicts.
conflict-choose = Choose a municipality
conflict-reason = Reason
conflict-reason-hint = For example: "My sister works in the municipality's IT department."
conflict-declare-button = Declare the conflict
conflict-error-municipality = Choose one of the municipalities with an entry in this round.
conflict-error-reason = Write the reason for the conflict.
conflict-error-long = The reason may have at most { $max } characters.
conflict-lives-there = lives in the municipality
conflict-works-there = works for the municipality
conflict-same-county = lives or works in the same county
conflict-declared = declared by the juror: { $reason }
conflict-set = set by the organiser: { $reason }

ranking-title = Ranking
ranking-heading = Ranking, { $edition }
ranking-intro = The ranking is built from the submitted reviews. The adjusted score allows for some jurors scoring higher or lower than others; the intervals show how certain the ranking is.
ranking-left-out = Entries you have a conflict with are not part of the ranking you see.
ranking-tie-heading = A tie at the cut
ranking-tie = Statistically a tie at place { $place }/{ $next }: { $entries }. Their intervals overlap, so the jury should discuss them before the shortlist.
ranking-empty = There are no submitted reviews yet.
ranking-table-caption = The entries by adjusted score (0–100)
ranking-place = Place
ranking-adjusted = Adjusted score
ranking-interval = Interval (90 %)
ranking-raw = Raw mean
ranking-raw-place = Place by raw mean
ranking-places = Possible places
ranking-p-top = Chance of top { $k }
ranking-disagreement = Disagreement
ranking-reviews = Reviews
ranking-chart-title = Chart of the ranking
ranking-chart-desc = Each row is an entry, best first. A filled dot shows the adjusted score on 0–100 with a line for its interval, a ring the raw mean. A dashed line follows place { $k }. The table above has the same figures.
ranking-chart-legend = Filled dot: adjusted score with interval. Ring: raw mean. Dashed line: the shortlist cut.
ranking-row-desc = Place { $place }: { $name }, adjusted score { $adjusted } (interval { $low }–{ $high }), raw mean { $raw }.
ranking-unreviewed = Not yet reviewed
ranking-jurors = The jurors' levels
ranking-jurors-intro = How much higher (+) or lower (−) than the jury as a whole each juror scores, in points on 0–100. The adjusted score takes this out.
ranking-juror = Juror
ranking-leniency = Level
ranking-method = How it is computed
ranking-method-text = Each review's criteria are weighted into one score 0–100. The model says a score is the entry's quality plus the juror's level plus noise, fitted by least squares over all reviews. The intervals come from 1,000 redraws of the jury (bootstrap): how would a similar jury have ranked the entries?

shortlist-title = Shortlist
shortlist-bounds = Choose between { $min } and { $max } nominees, each with a rationale. The entries are in ranking order.
shortlist-legend = Nominees
shortlist-rationale = Rationale
shortlist-button = Record the shortlist
shortlist-recorded = The jury's shortlist
shortlist-recorded-next = The decision is recorded. The organiser publishes the nominees at the time they choose; nothing is public before then.
shortlist-cut-recorded = The selection is recorded. The organiser publishes it at the time decided. The next round is reviewed among the selected municipalities, once the organiser has assigned them.
shortlist-not-open = The shortlist is made while the jury reviews the entries.
shortlist-error-size = The shortlist must have { $min }–{ $max } nominees; you chose { $len }.
shortlist-error-rationale = Write a rationale for { $name }.
shortlist-error-long = The rationale for { $name } may have at most { $max } characters.
shortlist-error-unknown = One of the chosen entries is not among the submitted entries.
shortlist-error-phase = The shortlist cannot be recorded now (phase: { $phase }).
shortlist-error-raced = A shortlist was recorded just now, before yours. It is shown below; yours was not recorded.

# The review round (organiser)
admin-jury-title = The jury's work in { $edition }
admin-jury-crumb = The jury's work
admin-jury-members = The jury
admin-jury-none = No one holds the role of juror or chair in this edition yet. Invite them under People.
admin-jury-role = Role
admin-jury-profile = Jury profile
admin-jury-employer = Works for the municipality
admin-jury-employer-hint = The municipality's name or code, for example Umeå or 2480. Leave empty if the juror does not work for a municipality.
admin-jury-assigned = Assigned
admin-jury-link = Link an account to a jury profile
admin-jury-link-intro = The jury profile (shown on the jury page) says where the juror lives. With the municipality they work for, it gives automatic conflicts of interest.
admin-jury-account = Account
admin-jury-link-button = Link
admin-jury-start-intro = The call is closed. Once the review starts, the jury can score.
admin-jury-start = Start the review
admin-jury-assignment = Assignment
admin-jury-assignment-intro = Assign the submitted entries to the jurors. No one gets an entry they have a conflict with, and workloads differ by at most one entry whenever possible. A new assignment replaces the old one; reviews already written are kept. Adjust by hand under Assignment.
admin-jury-mode = How many review each entry?
admin-jury-mode-all = Every juror reviews every entry (except conflicts)
admin-jury-mode-k = A set number of reviewers per entry
admin-jury-per-entry = Reviewers per entry
admin-jury-assign-button = Assign
admin-jury-shortfall-heading = Not every entry got that many reviewers
admin-jury-shortfall = { $name } got { $eligible } reviewers instead of { $wanted }: the others have conflicts.
admin-jury-error-member = Choose one of the jurors.
admin-jury-error-employer = No municipality is called or has the code "{ $text }".
admin-jury-error-profile = Choose one of the jury profiles.
admin-jury-error-per-entry = Give the reviewers per entry as a whole number between 1 and { $max }.
phase-error-no-submitted = No entry has been submitted.
phase-error-no-criteria = The edition has no review criteria. Add them under Criteria.
phase-error-no-jurors = No one holds the role of juror in the edition.

admin-assign-title = Assignment
admin-assign-heading = Assignment, { $edition }
admin-assign-intro = Tick which jurors review which entries. Where it says conflict, the juror cannot be assigned the entry.
admin-assign-empty = There are no submitted entries or no jurors yet.
admin-assign-cell = { $juror } reviews { $name }
admin-assign-count = Reviewers
admin-assign-load = Entries per juror
admin-assign-conflicted = conflict
admin-assign-error-conflict = { $juror } has a conflict with { $name } and cannot be assigned the entry.
admin-assign-error-unknown = The assignment named a juror or an entry that is not in the edition.
admin-assign-error-saw-ranking = { $names } has already seen the ranking and cannot be assigned new entries in this round. Nothing was changed.

admin-conflicts-title = Register of conflicts
admin-conflicts-heading = Register of conflicts, { $edition }
admin-conflicts-intro = Every conflict of interest in the edition: who, which municipality and why. Conflicts arise automatically where the juror lives or works, are declared by the juror, or are set and lifted here by the organiser with a reason. The organiser's latest decision holds.
admin-conflicts-csv = Download the register (CSV)
admin-conflicts-register = Conflicts in force
admin-conflicts-none = No conflicts.
admin-conflicts-rule = Set or lift a conflict
admin-conflicts-kind = Decision
admin-conflicts-button = Record the decision
admin-conflicts-history = Every decision
admin-conflicts-no-rulings = No decisions yet.
admin-conflicts-by = By
admin-ruling-declared = Declared
admin-ruling-set = Set
admin-ruling-lifted = Lifted
admin-csv-juror = Juror
admin-csv-code = Municipality code
admin-csv-why = Reason
admin-csv-combined = Combined (0–100)
admin-csv-submitted-at = Submitted
admin-sheet-by-entry = By entry
admin-sheet-by-juror = By juror
admin-export-csv = The reviews (CSV)
admin-export-xlsx = The reviews (Excel)

admin-criteria-title = Criteria
admin-criteria-heading = Review criteria, { $edition }
admin-criteria-intro = Each criterion has a scale and a weight. Empty a name to remove a criterion; fill in the blank row to add one.
admin-criteria-locked = The criteria are locked: the jury has begun scoring by them.
admin-criteria-row = Criterion
admin-criteria-name-sv = Name (Swedish)
admin-criteria-name-en = Name (English)
admin-criteria-description-sv = Description (Swedish)
admin-criteria-description-en = Description (English)
admin-criteria-min = Lowest score
admin-criteria-max = Highest score
admin-criteria-weight = Weight
admin-criteria-error-number = Criterion { $row }: the scale and the weight must be whole numbers.
admin-criteria-error-scale = Criterion { $row }: the scale must run from a lower to a higher score, at most 0–10.
admin-criteria-error-weight = Criterion { $row }: the weight must be at least 1.
admin-criteria-error-long = Criterion { $row }: name and description may have at most { $max } characters.
admin-criteria-error-many = An edition can have at most { $max } criteria.
admin-criteria-error-locked = The criteria cannot change: the jury has begun scoring by them.

admin-nominees-title = Nominees
admin-nominees-heading = Nominees, { $edition }
admin-nominees-waiting = The chair of the jury has not recorded the shortlist yet.
admin-nominees-scheduled = The nominees are published
admin-nominees-public-since = The nominees have been public since
admin-nominees-at = Published at (Swedish time)
admin-nominees-at-hint = From that time the nominees are shown on the award's pages, in the API and in the exports – not a second earlier. The nominated municipalities' contacts are emailed now, with the time.
admin-nominees-button = Publish at that time
admin-nominees-error-not-recorded = The shortlist is not recorded yet, so there is nothing to publish.
admin-nominees-error-public = The nominees are public already; the time can no longer change.
mail-nominated-subject = { $municipality } is nominated for { $edition }
mail-nominated-body =
    Hello { $name }!

    The jury has nominated { $municipality } for { $edition }. Congratulations!

    The nomination becomes public { $time }. Until then, please keep it to yourselves.

    We will be in touch about what comes next, including the jury's visit.
shortlist-detail = adjusted score { $adjusted }, chance of top { $k }: { $p } %
admin-criteria-labels-sv = The scale's words (Swedish)
admin-criteria-labels-en = The scale's words (English)
admin-criteria-labels-hint = One word per line, lowest score first, for example Weak, Fair, Good, Very good, Excellent. Leave empty for numbers only.
admin-criteria-error-labels = Criterion { $row }: the scale has { $steps } steps, so it needs { $steps } words – or none.
admin-jury-changes = Changes after submission
admin-jury-changes-hint = A submitted review is final: jurors see the others' reviews only after submitting. If you allow changes, each change is kept as a version with its time, and the chair and organisers see that the review changed.
admin-jury-changes-allow = Allow submitted reviews to be changed
admin-jury-settings = Settings for the review
admin-jury-whole-county = Conflicts cover the whole county where the juror lives and where they work, not only the municipalities
admin-jury-shortlist-min = Fewest nominees
admin-jury-shortlist-max = Most nominees
admin-jury-settings-locked = The shortlist is recorded; the settings can no longer change.
admin-jury-error-bounds = The numbers of nominees must be whole numbers from 1 to { $max }, the fewest no greater than the most.
shortlist-error-conflicted = You have a conflict of interest with { $name } and cannot nominate it.
ranking-not-yet = The ranking is built from the others' scores, so it is shown once you have submitted all your reviews. You have { $left } left.
ranking-not-yet-none = The ranking is built from the jury's scores and is shown to those who have submitted their reviews. You have no reviews in this round.
ranking-not-yet-link = To your reviews not yet submitted

# The sealed decision (public)
edition-seal-heading = The jury has decided and sealed its decision
edition-seal-sealed = The jury made its decision { $time } and sealed it.
edition-seal-commitment = The seal – a SHA-256 checksum of the decision, published when the decision was made:
edition-seal-later = The decision and the key to the seal are published when the winner is announced. Anyone can then compute the checksum and see that it is the same decision.
edition-seal-revealed = The sealed decision:
edition-seal-nonce = Key (random number):
seal-field-edition = Award and year
seal-field-winner = Winner
seal-field-method = How the jury decided
seal-field-citation = Citation
seal-field-ballots = The ballots (SHA-256)
edition-seal-json = Exactly as it was sealed (JSON):
edition-seal-matches = The seal matches: the decision is the one the jury sealed.
edition-seal-mismatch = The seal does not match the published decision.
edition-seal-how = Check it yourself: SHA-256 of the decision text directly followed by the key gives the seal, for example printf '%s%s' "$decision" "$key" | sha256sum.
edition-citation = The jury's citation

# Site visits
visit-title = Site visits, { $edition }
visit-planning-closed = No more visits are planned: the jury has made its decision.
visit-crumb = Site visits
visit-heading = Visit to { $name }
visit-heading-video = Digital meeting with { $name }
visit-window = Visits take place between { $from } and { $until }.
visit-no-window = The edition has no site visits in its timeline.
visit-planned = Planned visits
visit-none = No visits are planned yet.
visit-when = When
visit-place = Place
visit-people = Participants
visit-report = Visit report
visit-reported-short = Written
visit-not-reported = Not written yet
visit-reported = Written by { $name } { $time }.
visit-feed-intro = Your visits as a calendar (iCal) to subscribe to:
visit-feed-link = calendar link
visit-feed-renew = Make a new calendar link
visit-feed-renew-hint = Has the link reached the wrong person? A new link makes the old one stop working.
visit-feed-name = Site visits
visit-plan = Plan a visit
visit-starts = Starts
visit-ends = Ends
visit-shared = Questions from earlier visits
visit-own = Own questions
visit-own-hint = One question a line. The municipality gets the questions in advance.
visit-plan-button = Plan the visit
visit-observations = Observations
visit-report-button = Save the report
visit-error-time = Give the time the visit starts and ends.
visit-error-nominee = Choose one of the nominated municipalities.
visit-error-order = The visit must end after it starts.
visit-error-window = The visit must lie between { $from } and { $until }.
visit-error-place = Give the place of the visit.
visit-video = Link to a digital meeting
visit-digital = Digital meeting
visit-link-for-participants = The link is shown to the meeting's participants.
visit-video-hint = An https address. Leave it empty for a visit on site; a digital meeting needs no place.
visit-error-video = The link to the digital meeting must be an https address, for example https://meet.example.se/sdk.
visit-error-people = Choose at least one participant.
visit-error-conflicted = { $name } has a conflict of interest with the municipality and cannot take part.
visit-error-overlap = { $name } is on a visit to { $other } at the same time.
visit-error-questions = A visit can have at most { $max } questions.
visit-error-long = A text may have at most { $max } characters.
visit-error-unknown-person = One of the participants is neither a juror nor an expert of the edition.
visit-error-empty-report = Write something in the report before saving.
mail-visit-subject = A site visit from the jury of { $edition }
mail-visit-body =
    Hello { $name }!

    The jury of { $edition } will visit you { $time }.
    Place: { $place }

    What we would like to talk about:
    { $questions }

    Please get in touch if the time does not suit you.
mail-digital-meeting-subject = A digital meeting with the jury of { $edition }
mail-digital-meeting-body =
    Hello { $name }!

    The jury of { $edition } would like to meet you in a digital meeting { $time }.
    Link to the meeting: { $link }

    What we would like to talk about:
    { $questions }

    Please get in touch if the time does not suit you.

# The jury meeting
meeting-title = The jury meeting, { $edition }
meeting-crumb = The jury meeting
meeting-inputs = The inputs per nominee
meeting-reviews = { $count } reviews, mean { $mean } of 100
meeting-no-report = No visit report yet.
meeting-vote = The vote
meeting-vote-intro = Every juror without a conflict ranks the nominees. The ballots are counted by the Schulze method; a tie is broken by the nominees' order as published (fixed in advance).
meeting-ballots-cast = { $count } ballots have been cast.
meeting-set-aside = Ballots that do not count
meeting-ballot-saved = Your ballot is saved. You can change it while the vote is open.
meeting-approval-saved = Your approval of the citation is saved.
meeting-set-aside-revoked = { $name } is no longer on the jury.
meeting-set-aside-conflicted = { $name } has a conflict of interest with { $municipality }, one of the nominees.
meeting-withheld = You have a conflict of interest with one of the nominees, so you see neither the count, the citation nor the decision until they are made public.
meeting-place = Place
meeting-cast = Cast your ballot
meeting-revote = Change your ballot
meeting-pairwise = Pairwise comparisons (row over column)
meeting-strongest = Strongest paths
meeting-count-winner = By the ballots:
meeting-tie-broken = Several were level; the order fixed in advance decided.
meeting-citation = Citation
meeting-no-citation = The chair has not drafted a citation yet.
meeting-approvals = Approved by: { $names }
meeting-no-one = no one yet
meeting-approve = Approve the citation
meeting-draft = Draft citation
meeting-draft-button = Save the draft
meeting-decide = Decide and seal
meeting-decide-intro = The decision is sealed when it is recorded: the seal is published at once, the decision and the winner only at the announcement. After that the decision cannot change.
meeting-consensus-winner = Winner by the jury's consensus
meeting-decide-button = Record and seal the decision
meeting-error-no-vote = You have a conflict of interest with one of the nominees and do not vote.
meeting-error-duplicate = { $name } is in more than one place. Each municipality gets one place.
meeting-error-unknown = The ballot names a municipality that is not nominated.
meeting-error-empty = Rank at least one municipality.
meeting-error-closed = The vote is closed: the jury is not deliberating, or the decision is already sealed.
meeting-error-citation = The citation needs text, at most { $max } characters.
meeting-error-stale = The citation has changed since you read it. Read the new one and approve again.
meeting-error-no-citation = There is no citation to seal.
meeting-error-unapproved = { $count } jurors have not approved the citation yet.
meeting-error-no-announcement = Set the time of the announcement before sealing the decision.
meeting-error-no-ballots = No ballots have been cast.
meeting-error-winner = Choose the winner among the nominees.
meeting-not-deliberating = The vote is open while the jury deliberates, until the decision is sealed.

# The second half (organiser)
admin-decision-title = Visits and decision
admin-decision-heading = Visits and decision, { $edition }
admin-decision-start-visits = Start the site visits
admin-decision-deliberate-intro = Once every nominee has a visit report, the jury can deliberate and vote.
admin-decision-deliberate = Open the jury's deliberation
admin-decision-method = How the jury decides
admin-decision-schulze = Ranked ballots, counted by the Schulze method
admin-decision-consensus = A consensus the chair records
admin-decision-sealed = The decision is sealed:
admin-decision-announcement = The announcement
admin-decision-announced = The winner was announced
admin-decision-at = Announced at (Swedish time)
admin-decision-at-hint = From that second the pages, the API and the exports show the winner, the citation and the seal's key – not before.
admin-decision-announce-now = Announce now (at the gala)
admin-decision-error-reports = { $count } nominees have no visit report.
admin-decision-error-not-decided = There is no sealed decision to announce.
admin-decision-error-announced = The winner has been announced; the time can no longer change.

# The programme
programme-title = Programme, { $edition }
programme-crumb = Programme
programme-empty = The programme is not ready yet.
programme-presenters = Presenting
programme-winner = The winner
programme-winner-at = The winner (announced { $time })
programme-feed = The programme as a calendar (iCal)
edition-programme = See the programme: gala, seminars and inspiration day
event-title = Title
event-kind = Kind
event-kind-gala = Gala
event-kind-seminar = Seminar
event-kind-winner-seminar = The winner's seminar
event-kind-inspiration-day = Inspiration day
event-kind-other = Other
event-add = Add to the programme
event-add-button = Add
event-remove = Remove
event-winner = The winner (named only at the announcement)
event-people = Others presenting (one a line)
event-error-kind = Choose what kind of event it is.
event-error-title = Give the event a title.
event-title-sv = Title (Swedish)
event-title-en = Title (English)
event-description-sv = Description (Swedish)
event-description-en = Description (English)
award-logo-next = { $name }, winner { $year }, may use the award's logo until the next winner is announced.
award-logo-until = { $name }, winner { $year }, may use the award's logo until { $time }, when the next winner is announced.
admin-decision-archive-heading = Archive the edition
admin-decision-archive-intro = Once the winner is announced the edition can be archived. Everything can be read, nothing changed any more.
admin-decision-archive = Archive

# Feeds
edition-feeds = For other systems:
edition-feed-timeline = the timeline as a calendar (iCal)
edition-feed-news = the news (Atom)
news-nominees-title = The nominees for { $edition }
news-sealed-title = The jury's decision on { $edition } is sealed
news-sealed-summary = The seal (SHA-256): { $commitment }. The decision is published when the winner is announced.
news-winner-title = { $name } wins { $edition }
news-winner-summary = The jury has chosen { $name } as the winner.

# Open data
opendata-title = Open data, { $edition }
opendata-crumb = Open data
opendata-public = The open data have been published under { $licence } since { $time }.
opendata-scheduled = The open data are published under { $licence } { $time }.
opendata-unpublished = The open data are not published.
opendata-included = { $count } entries are included.
opendata-left-out = Not included
opendata-not-submitted = not submitted
opendata-no-consent = the municipality has not consented to publication
opendata-publish = Publish
licence-cc-by-4 = Creative Commons Attribution 4.0
licence-cc0 = Creative Commons Zero 1.0 (no rights reserved)
opendata-licence = Licence
opendata-at = Published at (Swedish time)
opendata-error-licence = Choose a licence.

# The booklet (PDF and web pages)
booklet-contents = Contents
booklet-foreword = Foreword
booklet-map-heading = Participating municipalities
booklet-map-alt = Map of Sweden with the { $count } municipalities in the booklet marked.
booklet-map-credit = Source: Statistics Sweden (municipal borders, open data).
booklet-cover-alt = Cover image
booklet-no-answer = The municipality did not answer this question.
booklet-participants = { $count } municipalities appear in the booklet.
booklet-imprint = Published by { $organiser }, { $year }. The texts are the municipalities' own answers to the award's questions.
booklet-examples = The texts in this demo are invented examples.
booklet-default-title = { $award } { $year }: the municipalities' answers
booklet-crumb = Booklet
booklet-download = Download the booklet as PDF
booklet-pdf-size = PDF, { $pages } pages, { $size } MB
booklet-version = Version { $version }, published { $time }
booklet-versions = Versions
booklet-nav = Browse the booklet
booklet-read-web = Read it as web pages
booklet-admin-title = Booklet, { $edition }
booklet-admin-unpublished = The booklet is not published.
booklet-admin-public = Version { $version } has been public since { $time }.
booklet-admin-scheduled = Version { $version } will be published { $time }.
booklet-admin-stale = The entries or the booklet's texts have changed since version { $version }. Publish a new version to include the changes; the earlier versions stay available.
booklet-admin-included = { $count } entries are included.
booklet-admin-preview = Preview (PDF)
booklet-admin-text = Title and foreword
booklet-admin-title-field = Title
booklet-admin-foreword-field = Foreword
booklet-admin-foreword-hint = At most 10,000 words. A blank line starts a new paragraph; *italics*, **bold** and lists with - work. Leave it empty for a booklet without a foreword.
booklet-admin-cover = Cover image
booklet-admin-cover-set = The booklet has a cover image.
booklet-admin-cover-none = The booklet has no cover image.
booklet-admin-cover-field = Image (PNG or JPEG, at most 10 MB)
booklet-admin-cover-remove = Remove the cover image
booklet-admin-cover-button = Save cover image
booklet-admin-publish = Publish a new version
booklet-admin-publish-button = Publish
booklet-admin-version = Version
booklet-admin-from = Published from
booklet-admin-pages = Pages
booklet-admin-by = By
booklet-admin-not-yet = not yet
booklet-error-title = Write a title.
booklet-error-title-long = The title may have at most { $max } characters.
booklet-error-control = The title or the foreword contains characters that cannot be printed (control characters). Remove them and try again.
booklet-error-foreword = The foreword has { $words } words; it may have at most { $max }.
booklet-error-empty = No municipality has both submitted its entry and consented to publication, so there is no booklet to make.
booklet-error-cover-type = The cover image must be a PNG or JPEG image.
booklet-error-cover-size = The cover image is too large: it may be at most { $max } MB.
booklet-error-cover-none = Choose an image to upload.
news-booklet = The booklet { $title } is published (version { $version })
confirm-crumb = Confirm
confirm-irreversible = This cannot be undone.
confirm-cancel = Cancel, change nothing
confirm-seal-title = Seal the jury's decision?
confirm-seal-text = The decision – { $winner } wins – is sealed with the citation as it stands now. The seal is published at once; the winner and the citation are shown at the announcement. After that no ballots can be cast and the citation cannot change.
confirm-seal-button = Seal the decision
confirm-shortlist-title = Record the shortlist?
confirm-shortlist-text = The jury's shortlist becomes { $names }. The review round closes: no review can change and the shortlist cannot be made again.
confirm-shortlist-button = Record the shortlist
cut-button = Record the selection
cut-error-size = The selection must have { $min }–{ $max } municipalities; you chose { $len }.
confirm-cut-title = Record the selection of the round { $round }?
confirm-cut-text = The jury's selection will be { $names }. The round closes: its reviews cannot change and the selection cannot be made again. The next round is reviewed among those selected.
confirm-cut-button = Record the selection
confirm-withdraw-title = Withdraw the entry?
confirm-withdraw-text = The entry of { $name } is withdrawn and will not be reviewed by the jury. Its text stays among the saved versions.
confirm-withdraw-button = Withdraw the entry
confirm-announce-title = Announce the winner now?
confirm-announce-text = The winner of { $edition } and the jury's citation become public at once, on the site, in the API and in the feeds.
confirm-announce-button = Announce now
confirm-archive-title = Archive the edition?
confirm-archive-text = { $edition } becomes read-only: nothing in it can change afterwards.
confirm-archive-button = Archive
confirm-nominees-title = Publish the nominees?
confirm-nominees-text = { $names } become public { $time }, and the municipalities' contacts are told now.
confirm-nominees-button = Publish
confirm-erase-title = Erase what is stored about the person?
confirm-erase-text = The name, email address, password, roles and sign-ins of { $name } ({ $email }) are removed. The log keeps the events, with the person replaced by a pseudonym.
confirm-erase-button = Erase the data
meeting-sealed-now = The decision is sealed. Seal (SHA-256): { $commitment }
admin-decision-archived-now = The edition is archived and read-only.
admin-decision-announced-now = The winner is announced.
call-state-not-set-up = The questionnaire's dates are not set yet
call-state-opens = The questionnaire opens { $time }
call-state-open = The questionnaire is open until { $time }
call-state-closed = The questionnaire has been closed since { $time }
entry-read-only = The entry can be read but not changed.
audit-nobody = Someone
audit-demo = The demo (example data)
audit-system = The system
audit-erased-person = an erased person
audit-session-sign-in = { $actor } signed in
audit-session-sign-out = { $actor } signed out
audit-user-put = { $actor } added or changed the account of { $subject }
audit-user-profile = { $actor } changed their details
audit-user-password = { $actor } set a password for { $subject }
audit-user-password-reset = { $actor } changed their password with a reset link
audit-grant-add = { $actor } gave { $subject } a role
audit-grant-revoke = { $actor } revoked a role of { $subject }
audit-invitation-accept = { $actor } accepted an invitation
audit-link-sign-in = A sign-in link was sent to { $subject }
audit-link-reset = A reset link was sent to { $subject }
audit-link-invitation = { $actor } invited someone
audit-person-erase = { $actor } erased the data of { $subject }
audit-api-key-create = { $actor } made an API key
audit-api-key-revoke = { $actor } revoked an API key
audit-calendar-renew = { $actor } made a new calendar link
audit-award-put = { $actor } saved the award { $subject }
audit-edition-put = { $actor } saved the edition { $subject }
audit-edition-phase = { $actor } moved the edition { $subject } to a new phase
audit-edition-call = { $actor } changed the questionnaire's dates for { $subject }
audit-edition-announce-at = { $actor } set the announcement time for { $subject }
audit-archive-put = { $actor } changed the list of past winners
audit-questionnaire-put = { $actor } saved the questions for { $subject }
audit-entry-put = { $actor } added an entry
audit-entry-save = { $actor } saved an entry
audit-nomination-put = Someone nominated a municipality
audit-nomination-confirm = A nomination was confirmed
audit-reminder-send = { $actor } sent a reminder to { $subject }
audit-criteria-put = { $actor } saved the criteria for { $subject }
audit-review-settings = { $actor } changed the jury's settings for { $subject }
audit-reviews-changes = { $actor } changed whether submitted reviews may change, { $subject }
audit-juror-link = { $actor } linked a juror to their profile
audit-conflict-ruling = { $actor } ruled on a conflict of interest for { $subject }
audit-assignments-replace = { $actor } assigned the entries of { $subject }
audit-assignment-add = { $actor } assigned { $subject } an entry
audit-assignment-remove = { $actor } took an entry from { $subject }
audit-review-save = { $actor } saved a draft review
audit-review-submit = { $actor } submitted a review
audit-review-change = { $actor } changed a submitted review
audit-ranking-view = { $actor } saw the ranking
audit-discussion-post = { $actor } wrote in the jury's discussion
audit-shortlist-record = { $actor } recorded the shortlist for { $subject }
audit-shortlist-schedule = { $actor } set when the nominees are published, { $subject }
audit-visit-plan = { $actor } planned a visit
audit-visit-report = { $actor } wrote a visit report
audit-decision-method = { $actor } chose the decision method for { $subject }
audit-ballot-cast = { $actor } voted
audit-citation-draft = { $actor } drafted the citation
audit-citation-approve = { $actor } approved the citation
audit-decision-seal = { $actor } sealed the jury's decision, { $subject }
audit-events-put = { $actor } saved the programme for { $subject }
audit-open-data-set = { $actor } changed the open data for { $subject }
audit-booklet-settings = { $actor } changed the booklet for { $subject }
audit-booklet-published = { $actor } published a version of the booklet, { $subject }
audit-event = Event
timeline-title = Timeline, { $edition }
timeline-crumb = Timeline
timeline-intro = The timeline is shown on the edition's page and in the calendar feed. Write dates as the page shows them. A correction changes the text only; a date already announced is moved with Move, so the old date stays visible as moved.
timeline-empty = No milestones yet.
timeline-kind = Kind
timeline-kind-choose = Choose a kind
timeline-actions = Change
timeline-edit-link = Correct
timeline-move-link = Move
timeline-up = Up
timeline-down = Down
timeline-remove = Remove
timeline-add = Add a milestone
timeline-add-button = Add
timeline-edit = Correct “{ $what }”
timeline-move = Move “{ $what }”
timeline-move-intro = The date is now { $date }. After the move the old date stays visible as moved, the feed gets a news item, and you can tell the people involved.
timeline-move-announcement = The winner's announcement moves with the gala.
timeline-move-button = Move
timeline-cancel = Cancel
timeline-text-sv = What happens (Swedish)
timeline-text-en = What happens (English, optional)
timeline-date = Date
timeline-new-date = New date
timeline-date-hint = As on the page: 29 April 2021, 12–14 November 2021, May 2021, September–October 2021 or 2021. Without a year, the edition's year. ISO works too: 2021-04-29, 2021-05, 2021-09/2021-10.
timeline-moved-from = Moved from { $date }
timeline-gaps-heading = Missing from the timeline
timeline-gap-visits = The visit period (kind Site visits) is missing. Without it no visit can be planned.
timeline-gap-gala = The gala is missing. Without it no one knows when the winner is announced.
timeline-error-kind = Choose the kind of milestone.
timeline-error-text = Write what happens, in Swedish.
timeline-error-long = The text may be at most { $max } characters.
timeline-error-control = The text may not contain control characters.
timeline-error-no-date = Write a date.
timeline-error-date = “{ $date }” cannot be read as a date. Write for example 29 April 2021, May 2021 or September–October 2021.
timeline-error-backwards = “{ $date }” ends before it starts. Write the start first, for example April–May 2021.
timeline-error-same = The new date is the same as the old one.
timeline-error-call-order = The call cannot close before it opens. Check the dates of “Call opens” and “Last day for entries”.
timeline-notice-title = Tell about the move, { $edition }
timeline-notice-intro = The date has moved. Do you want to tell the people involved? The letter goes to:
timeline-notice-contacts = { $count } contacts of entries
timeline-notice-jury = { $count } on the jury
timeline-notice-experts = { $count } experts
timeline-notice-preview = The letter as it reads (to { $name })
timeline-notice-subject = Subject:
timeline-notice-send = Send to { $count } people
timeline-notice-skip = Send nothing
timeline-notice-none = The date has moved. The edition has no contact, juror or expert to tell yet.
timeline-notice-back = Back to the timeline
timeline-notice-sent = The letter is on its way to { $count } people.
milestone-kind-other = Other
milestone-kind-call-opens = Call opens
milestone-kind-call-closes = Last day for entries
milestone-kind-booklet = Booklet published
milestone-kind-shortlist = Nominees
milestone-kind-site-visits = Site visits
milestone-kind-decision = Jury's decision
milestone-kind-gala = Gala and announcement
milestone-kind-seminars = Seminars
admin-menu-edition = The edition
news-moved-title = { $what } moves to { $date }
news-moved-summary = { $edition }: { $what } has moved from { $from } to { $to }.
mail-rescheduled-subject = New date in { $edition }: { $what }
mail-rescheduled-body =
    Hello { $name }!

    A date in the timeline of { $edition } has moved.

    { $what }
    New date: { $to }
    Before: { $from }

    The whole timeline: { $link }
jury-profiles-title = The jury as shown, { $edition }
jury-profiles-crumb = The jury as shown
jury-profiles-intro = This is how the jury is presented to the public, in this order. Where a juror lives and works is never shown; it gives automatic conflicts of interest once the profile is linked to an account.
jury-profiles-public = See the jury's page
jury-profiles-add = Add a juror
jury-profiles-add-button = Add
jury-profiles-edit = Change { $name }
jury-profiles-edit-link = Change
jury-profiles-name = Name
jury-profiles-title-sv = Title (Swedish)
jury-profiles-title-en = Title (English, optional)
jury-profiles-organisation = Organisation
jury-profiles-chair = Chair of the jury
jury-profiles-private = Not shown: for conflicts and signing in
jury-profiles-place-hint = The municipality's name or code, for example Umeå or 2480. Leave empty if it does not apply.
jury-profiles-home = Lives in the municipality
jury-profiles-no-account = No account yet
jury-profiles-error-home = “{ $text }” is not a municipality we know (lives in). Write the municipality's name or code.
jury-profiles-error-employer = “{ $text }” is not a municipality we know (works for). Write the municipality's name or code.
jury-profiles-error-account = The account has no role on this edition's jury. Invite the person first.
jury-profiles-error-taken = The edition already has a juror named { $name }.
event-edit = Change the event
admin-entry-none = No entry yet (nominated only)
admin-entry-submitted = submitted { $time }
admin-entry-consent = Consent to publication in the booklet
admin-entry-consent-yes = Yes
admin-entry-consent-no = No
admin-entry-public = The municipality's public page
admin-entry-answers = The answers
admin-entry-showing = This is version { $version }. The latest is version { $latest }.
admin-entry-no-answers = No answers yet.
admin-entry-versions = Saved versions
admin-entry-no-versions = Nothing saved yet.
admin-entry-version = Version
admin-entry-saved = Saved
admin-entry-by = By
admin-entry-shown = shown
admin-entry-show = show the answers
admin-entry-no-nominations = No one has nominated the municipality.
admin-entry-unconfirmed = not confirmed
admin-entry-no-contacts = The municipality has no contact in this edition.
award-field-how-chosen-sv = How the winner is chosen (Swedish)
award-field-how-chosen-en = How the winner is chosen (English, optional)
award-field-markdown-hint = Simple Markdown: paragraphs, **bold**, *italic*, lists and links.
award-field-prize-sv = What the winner receives (Swedish)
award-field-prize-en = What the winner receives (English, optional)
award-how-chosen = How the winner is chosen
award-prize = What the winner receives
list-and = and
past-winners-admin-title = Past winners, { $award }
past-winners-admin-intro = The winners from the years before the award was run here. The winners of the editions run here are added by themselves when announced.
past-winners-municipalities = Municipality or municipalities
past-winners-municipalities-hint = Name or code; several that won together are written with commas or “och”, for example Mora, Orsa och Älvdalens kommuner.
past-winners-citation = The jury's citation
past-winners-add = Add a winner
past-winners-edit = Change the winner
past-winners-import = Import from a CSV file
past-winners-import-hint = One row per year: year, municipality or municipalities, citation (optional). Semicolons or commas between the fields; a first row of headings is skipped. Years already there are replaced, the others stay. If any row is wrong, none is imported.
past-winners-import-file = CSV file
past-winners-import-text = … or paste the rows
past-winners-import-button = Import
past-winners-error-none = Write which municipality won.
past-winners-error-unknown = “{ $text }” is not a municipality we know. Write the municipality's name or code.
past-winners-error-long = The citation may be at most { $max } characters.
past-winners-error-taken = There is already a winner in { $year }. Change that one instead.
past-winners-error-twice = the year { $year } is there twice
past-winners-error-row = Row { $row }: { $problem }
past-winners-error-csv = The file could not be read as CSV in UTF-8.
past-winners-error-empty = The file has no rows to import.
award-past-winners-link = Past winners
award-logo-heading = Logo
award-logo-current = The award's logo now
award-logo-file = Image file
award-logo-hint = PNG or JPEG, at most 2 MB. Shown on the award's pages.
award-logo-upload = Upload
award-logo-remove = Remove the logo
award-logo-error-size = The image may be at most { $max } MB.
award-logo-error-none = Choose an image file to upload.
award-logo-error-type = The file is not a PNG or JPEG image that can be read.
award-logo-alt = The logo of { $award }
scope-award = { $award } – the award and all its editions
answer-none = Not answered.
answer-indicator = Indicator
answer-level = Answer
phase-error-moved = The edition was changed by someone else (or by itself, at its time) just before. The page now shows how things stand.

# The jury's rounds
admin-rounds-title = The jury's rounds
admin-rounds-heading = The jury's rounds, { $edition }
admin-rounds-intro = The jury may nominate in several rounds: first, say, five to ten municipalities, then three to five among them. Each round chooses among the one before's selection; the last round's selection is the nominees. Leave one round (or none) to nominate in one step.
admin-rounds-cuts = The jury's selections so far
admin-rounds-at = Public from (Swedish time)
admin-rounds-publish = Publish the selection
admin-rounds-public-since = Public since { $time }.
admin-rounds-public-from = Public from { $time }.
admin-rounds-setup = The rounds
admin-rounds-round = Round
admin-rounds-name-sv = Name (Swedish), e.g. Nominering
admin-rounds-name-en = Name (English)
admin-rounds-least = At least
admin-rounds-most = At most
admin-rounds-wording-sv = How the selection is told (Swedish)
admin-rounds-wording-en = How the selection is told (English)
admin-rounds-wording-hint = Write {"{"}n{"}"} where the number goes, e.g.: The jury has nominated {"{"}n{"}"} municipalities.
admin-rounds-save = Save the rounds
admin-rounds-history = The jury has already made a selection or moved on: the rounds can no longer change.
admin-rounds-error-number = Give at least and at most as whole numbers in round { $n }.
admin-rounds-error-name = Give round { $n } a Swedish name.
admin-rounds-error-bounds = Round { $n } selects at least 1 and at most 20, and at least may not exceed at most.
admin-rounds-error-exceeds = Round { $n } cannot select more than round { $prev } leaves: its most may be at most round { $prev }'s least.
admin-rounds-error-many = At most { $n } rounds.
admin-rounds-error-started = The jury has already made a selection: the rounds no longer change.
admin-rounds-error-publish = Choose a time, and one not before the previous round's.

# A nominated municipality's own deadline to complete
admin-completion-title = Own deadline to complete
admin-completion-heading = Own deadline to complete, { $edition }
admin-completion-intro = A municipality nominated by someone else may get its own deadline to complete its text while the questionnaire is closed for everyone else. It may not fall after the jury's first selection. Leave it empty for the municipality to follow the questionnaire's deadline again.
admin-completion-current = until { $time }
admin-completion-until = Deadline to complete (Swedish time)
admin-completion-hint = The municipality's contacts see it in the portal.
admin-completion-save = Save
admin-completion-error-nominated = The municipality has no confirmed nomination in this edition: an own deadline is given to nominated municipalities only.
admin-completion-error-late = The deadline to complete may not fall after the jury's first selection, and cannot change once the jury has begun.

## The follow-up for those through a cut (admin/follow_up.rs, follow_up_import.rs, portal, jury)
admin-follow-up-title = Follow-up after the selection
admin-follow-up-heading = Follow-up after the selection, { $edition }
admin-follow-up-intro = The municipalities the jury selected in an earlier round can answer a follow-up, such as a self-assessment of their digital maturity, with its own deadline. The answers are shown to the jury and at the meeting as a table. If the self-assessment was made in another tool, you can import its result as a CSV file instead.
admin-follow-up-no-rounds = A follow-up comes after a selection before the last one. First set up at least two rounds under The jury's rounds.
admin-follow-up-before-cut = The jury has not made the selection yet. Once it has, the municipalities are listed here and you can import results from another tool.
admin-follow-up-statuses = The municipalities selected
admin-follow-up-municipality = Municipality
admin-follow-up-status = Answers
admin-follow-up-answered = Answered in the portal { $time }
admin-follow-up-imported = Imported from a file { $time }
admin-follow-up-waiting = Not answered yet
admin-follow-up-import = Import results from another tool
admin-follow-up-import-intro = One row per municipality and indicator: the municipality's code or name, the indicator (its name, or its number in order from 1) and the level (helt, delvis or inte alls — fully, partly or not at all). Semicolons or commas; a header row is fine. Everything is imported or nothing.
admin-follow-up-import-refused = The file was not imported
admin-follow-up-file = CSV file
admin-follow-up-paste = … or paste the rows
admin-follow-up-import-button = Import
admin-follow-up-setup = Settings
admin-follow-up-after = For the municipalities selected in
admin-follow-up-closes = Deadline to answer (Swedish time)
admin-follow-up-prompt-sv = Title of the self-assessment (Swedish)
admin-follow-up-prompt-en = Title of the self-assessment (English, optional)
admin-follow-up-indicators = Indicators, one per line
admin-follow-up-indicators-hint = Write an English translation after a vertical bar: Strategi | Strategy. Each indicator is answered fully, partly or not at all.
admin-follow-up-comment-sv = Question for a comment (optional)
admin-follow-up-comment-en = The question in English (optional)
admin-follow-up-save = Save the follow-up
admin-follow-up-error-closes = Give the deadline as a date and time.
admin-follow-up-error-prompt = Give the self-assessment a title.
admin-follow-up-error-empty = The follow-up needs at least one indicator or one question.
admin-follow-up-error-round = Choose a round before the last: the follow-up is for those selected there.
admin-follow-up-error-answered = Municipalities have answered, so the questions can no longer change. You can still move the deadline.
follow-up-import-size = The file is too large: at most { $max } MB.
follow-up-import-not-text = The file could not be read as text. Save it as CSV (UTF-8) and try again.
follow-up-import-none = Set up the follow-up before you import results.
follow-up-import-columns = Row { $row }: needs three columns — municipality, indicator and level.
follow-up-import-municipality = Row { $row }: “{ $text }” is not a municipality we know.
follow-up-import-not-through = Row { $row }: { $name } was not selected in the round and does not answer the follow-up.
follow-up-import-indicator = Row { $row }: “{ $text }” is not one of the follow-up's indicators.
follow-up-import-level = Row { $row }: “{ $text }” is not a level; write fully, partly or not at all.
follow-up-import-twice = Row { $row }: the same municipality and indicator are on an earlier row.
follow-up-import-no-indicators = The follow-up has no self-assessment to import into.
follow-up-import-empty = The file has no rows.
follow-up-title = Follow-up
follow-up-heading = { $title } – { $name }
follow-up-intro = The jury has selected { $name } to go on. Answer the follow-up by { $time }; the answers are shown to the jury.
follow-up-closed = The follow-up closed { $time }. The answers are shown to the jury.
follow-up-save = Send the answers
follow-up-saved = The answers are saved.
follow-up-link = The jury has selected you: answer the follow-up by { $time }
follow-up-error-late = The follow-up's deadline has passed. Contact the organiser if something needs to change.
follow-up-section = Follow-up
follow-up-source-import = Imported by the organiser { $time }.
follow-up-source-portal = Answered { $time }.
follow-up-none = The municipality has not answered the follow-up.

## Who nominates (nominate, admin/nominations.rs, the jury's entry page)
nominator-person = { $name }
nominator-organisation = { $name }, { $organisation } ({ $kind })
nominator-kind-privatperson = private person
nominator-kind-organisation = organisation
nominator-kind-foretag = company
nominate-kind = You nominate as
nominate-organisation = Name of the organisation or company
nominate-organisation-hint = Needed if you nominate for an organisation or a company.
nominate-error-organisation = Write the name of the organisation or company.
nominate-error-organisation-long = The organisation's name may be at most { $max } characters.
nominate-questions = The call's questions
nominate-questions-intro = The organiser also asks you to answer the call's questions about the municipality as well as you can. The municipality can complete the answers itself.
nominations-answer-legend = What does a nominator give?
nominations-answer-reason = A reason only
nominations-answer-questions = A reason and answers to the call's questions
nominations-answer-save = Save
review-nominations = Nominations

## A municipality registers itself (nominate/register.rs)
register-title = Register the municipality
register-heading = Register the municipality for { $edition }
register-intro = Does your municipality want to take part, or contribute a text to the booklet without competing? Register it here. We send a link to your e-mail address; once you confirm, you are the municipality's contact and can write the entry. The organiser is told that you registered the municipality.
register-municipality = Municipality
register-email = Your e-mail address
register-email-hint = Preferably your address at the municipality: the organiser sees it.
register-button = Register the municipality
register-closed = Registration is closed: the call is not taking entries now.
register-thanks = Thank you! We have sent a link to { $email }. The registration of { $municipality } counts once you have confirmed it.
mail-registration-confirm-subject = Confirm the registration of { $municipality }
mail-registration-confirm-body =
    Hello!

    Someone gave this e-mail address to register { $municipality } for { $edition } and become the municipality's contact. If that was you, confirm the registration with this link; it is valid for seven days:

    { $link }

    If it was not you, there is nothing to do: without confirmation there is no registration.
mail-registration-notice-subject = { $municipality } has registered for { $edition }
mail-registration-notice-body =
    Hello { $name }!

    { $who } ({ $email }) has registered { $municipality } for { $edition } and is now the municipality's contact. If that is wrong, an organiser can remove the role.

    The entry:

    { $link }

## Joint entries (admin/joint.rs)
admin-joint-title = Joint entries
admin-joint-heading = Joint entries, { $edition }
admin-joint-intro = Two or more municipalities can take part with one joint entry under one name, such as “Mora, Orsa och Älvdalens kommuner”. The entry is kept under the first municipality's code; every municipality counts for conflicts of interest, on the map and on its own page.
admin-joint-none = The edition has no joint entries.
admin-joint-new = New joint entry
admin-joint-name = The entry's name
admin-joint-members = The municipalities
admin-joint-members-hint = Names or codes, separated by commas or “and”. Leave empty if the name already says which municipalities they are.
admin-joint-save = Save the joint entry
admin-joint-error-few = A joint entry has at least two municipalities.
admin-joint-error-twice = { $name } is named twice.
admin-joint-error-taken = { $name } is already in another entry of the edition.
admin-joint-error-name = Give the entry a name of at most { $max } characters.
admin-joint-error-unknown = “{ $text }” is not a municipality we know.
nominate-error-joint = That is several municipalities and not one of this year's joint entries. Nominate one of them, or ask the organiser to set up the joint entry first.
mail-selected-subject = { $municipality } has gone on in { $edition }
mail-selected-body =
    Hello { $name }!

    The jury of { $edition } has selected { $municipality } in the round { $round }. Congratulations!

    The selection is made public { $time }. Until then, please keep it to yourselves.

    { $follow_up }
mail-selected-follow-up = The jury asks you to answer a follow-up by { $time }, here: { $link }

# The outgoing mail (/admin/post)
post-title = Outgoing mail
post-intro = Every email juryn sends waits here until the mail server has taken it. A message that does not get through is tried again at longer and longer intervals; one the server refuses is marked failed with the server's reply. The contents are not shown, since they may hold sign-in links.
post-counts = { $pending } waiting, { $sent } sent, { $failed } failed.
post-filter-label = Show
post-filter-all = All
post-filter-pending = Waiting
post-filter-failed = Failed
post-filter-sent = Sent
post-retry-failed = Try every failed message again now
post-retry = Try again now
post-retried = The message is being sent again now.
post-empty = There are no messages here.
post-created = Created
post-to = To
post-subject = Subject
post-state = State
post-attempts = Attempts
post-reply = The server's last reply
post-actions = Actions
post-state-pending = Waiting
post-state-retrying = Waiting – next attempt { $time }
post-state-sending = Sending
post-state-sent = Sent { $time }
post-state-failed = Failed

# Sign-in through the organisation's identity provider (OpenID Connect)
signin-oidc-heading = With your organisation's sign-in
signin-oidc-intro = If you have an account here with the same email address as at your organisation, you can sign in there, without a password.
signin-oidc-button = Sign in with { $provider }
oidc-error-cancelled = Signing in with { $provider } was cancelled. Try again, or sign in with a password or an emailed link.
oidc-error-state = The sign-in could not be completed: the answer from { $provider } did not belong to a sign-in begun in this browser, or it took too long. Start again with the button below.
oidc-error-unconfirmed = The answer from { $provider } could not be confirmed, so you are not signed in. Try again; if it happens again, contact the organiser.
oidc-error-unverified = { $provider } has not verified your email address, so it cannot be matched to an account here. Verify the address with { $provider }, or sign in with a password or an emailed link.
oidc-error-unreachable = { $provider } cannot be reached just now. Try again in a while, or sign in with a password or an emailed link.
oidc-error-unknown = There is no account for { $email } here. Accounts are made by an invitation from the organiser: ask for one, or sign in with the address you were invited with.

# Search
search-title = Search the answers
search-title-for = Search: { $query }
search-label = Search what the municipalities wrote
search-help = Words find their inflections and compounds (“bygglov” finds “bygglovsprocessen”). Put quotes around a phrase.
search-filters = Narrow down
search-award = Award
search-year = Year
search-county = County
search-question = Question
search-question-n = Question { $n }
search-kind = Kind of entry
search-kind-kommun = Municipality
search-kind-samverkan = Municipalities together
search-all = All
search-order = Order
search-order-relevance = Best match first
search-order-year = Newest first
search-button = Search
search-summary = { $count ->
    [one] One entry
   *[other] { $count } entries
} with “{ $query }”
search-none = No published answer contains that. Try a shorter word, or remove a filter.
search-jury-text = The jury's material, not published
search-problem-not-text = The value of “{ $param }” cannot be read as text. Type the search again.
search-problem-unknown = “{ $value }” is not a valid value for “{ $param }”. Choose a value from the list.

# The pulse
pulse-title = The pulse { $year }
pulse-crumb = The pulse
pulse-intro = In { $year }, { $entries } entries came from { $participants } of Sweden's 290 municipalities ({ $share } %). This is what the answers say together.
pulse-not-public = You see the pulse as an organiser: it becomes public when the booklet is published.
pulse-downloads = Download the figures
pulse-csv-participation = Participation by county (CSV)
pulse-csv-maturity = The self-assessment by area and county (CSV)
pulse-csv-terms = Words that stand out (CSV)
pulse-csv-trend = Year by year (CSV)
pulse-award-link = Over the years
pulse-participation = Participation
pulse-participation-caption = Participating municipalities by county, and their share of the county's municipalities
pulse-map-title = Participating municipalities
pulse-map-desc = A map of Sweden with the { $participants } participating municipalities marked. The table shows the same by county.
pulse-county = County
pulse-participants = Participating municipalities
pulse-municipalities = Municipalities in the county
pulse-share = Share
pulse-maturity = Self-assessed digital maturity
pulse-no-maturity = This edition had no self-assessment.
pulse-maturity-caption = Number of entries per answer, area by area
pulse-indicator = Area
pulse-chart = Distribution
pulse-unanswered = Not answered
pulse-levels-alt = { $indicator }: fully { $fully }, partly { $partly }, not at all { $not }, not answered { $none }
pulse-by-county = By county
pulse-by-county-caption = Number fully / partly / not at all by county and area
pulse-terms = What stands out
pulse-terms-intro = Words the municipalities used strikingly often in their answers this edition. Each word leads to the answers that contain it.
pulse-terms-against-years = Compared with the answers of { $years }.
pulse-terms-against-questions = Compared with the answers to the other questions, as there is no other published edition.
pulse-term-counts = { $here } times, { $elsewhere } in the comparison
pulse-terms-none = No word stands out.
pulse-award-title = The pulse over the years
pulse-award-intro = Participation and self-assessed maturity in { $editions } published editions.
pulse-award-chart = Participating municipalities per year
pulse-trend-caption = Entries and participating municipalities per year
pulse-year = Year
pulse-entries = Entries
pulse-share-sweden = Share of Sweden's municipalities
pulse-trend-maturity-caption = Share of answers saying "fully", by area and year
search-also = The word is also in the answers to question
search-page = Page { $page } of { $pages }
search-pages = More results
search-previous = Previous page
search-next = Next page
nav-search = Search
edition-pulse = The pulse: what the answers say together, on a map and in figures
