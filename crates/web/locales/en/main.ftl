# The English catalogue.
site-name = juryn
skip-to-content = Skip to content
nav-label = Main menu
nav-awards = Awards
crumbs-label = You are here
footer-about = juryn – open-source software for juried awards. Map data: Source: Statistics Sweden (SCB).

home-heading = Awards
home-lead = The awards given with juryn: who took part, who is nominated and who has won.
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
edition-nominees-pending = The jury presents the nominees on { $when }.
edition-nominees-pending-undated = The jury has not presented the nominees yet.
edition-see-jury = See the members of the jury
edition-selection-heading = How the winner is chosen
edition-criteria-heading = Review criteria
edition-timeline-heading = Timeline
edition-timeline-caption = Timeline of the edition
edition-timeline-when = When
edition-timeline-what = What
edition-booklet-heading = The booklet
edition-booklet-pending = The booklet with the municipalities' answers will be published in { $when }.
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

municipality-county = County
municipality-code = Municipality code
municipality-entries-heading = Participation
municipality-no-entries = The municipality has not taken part in any edition here.
municipality-col-edition = Edition
municipality-col-entry = Entry
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
api-bad-request = Bad request.
api-internal = An error occurred on our side.
