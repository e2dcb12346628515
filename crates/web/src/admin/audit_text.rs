//! The audit log in words people read: "Karin Ekholm loggade in", "Karin Ekholm gav Sofia Lind
//! en roll", with names instead of `user/9` and the time as every page writes it. The stored
//! event is unchanged; only its reading is.

use std::collections::HashMap;

use juryn_domain::Lang;
use juryn_store::{AuditEvent, Store};

use crate::i18n::{t, t_args};

/// The catalogue key of an action's sentence, if it has one (the rest show their code).
fn sentence_key(action: &str) -> Option<&'static str> {
    Some(match action {
        "session.sign-in" => "audit-session-sign-in",
        "session.sign-out" => "audit-session-sign-out",
        "user.put" => "audit-user-put",
        "user.profile" => "audit-user-profile",
        "user.password" => "audit-user-password",
        "user.password-reset" => "audit-user-password-reset",
        "grant.add" => "audit-grant-add",
        "grant.revoke" => "audit-grant-revoke",
        "invitation.accept" => "audit-invitation-accept",
        "link.sign-in" => "audit-link-sign-in",
        "link.reset" => "audit-link-reset",
        "link.invitation" => "audit-link-invitation",
        "person.erase" => "audit-person-erase",
        "api-key.create" => "audit-api-key-create",
        "api-key.revoke" => "audit-api-key-revoke",
        "calendar.renew" => "audit-calendar-renew",
        "award.put" => "audit-award-put",
        "edition.put" => "audit-edition-put",
        "edition.phase" => "audit-edition-phase",
        "edition.call" => "audit-edition-call",
        "edition.announce-at" => "audit-edition-announce-at",
        "archive.put" => "audit-archive-put",
        "questionnaire.put" => "audit-questionnaire-put",
        "entry.create" | "entry.put" => "audit-entry-put",
        "entry.save" => "audit-entry-save",
        "nomination.put" => "audit-nomination-put",
        "nomination.confirm" => "audit-nomination-confirm",
        "reminder.send" => "audit-reminder-send",
        "criteria.put" => "audit-criteria-put",
        "review.settings" => "audit-review-settings",
        "reviews.changes" => "audit-reviews-changes",
        "juror.link" => "audit-juror-link",
        "conflict.ruling" => "audit-conflict-ruling",
        "assignments.replace" => "audit-assignments-replace",
        "assignment.add" => "audit-assignment-add",
        "assignment.remove" => "audit-assignment-remove",
        "review.save" => "audit-review-save",
        "review.submit" => "audit-review-submit",
        "review.change" => "audit-review-change",
        "ranking.view" => "audit-ranking-view",
        "discussion.post" => "audit-discussion-post",
        "shortlist.record" => "audit-shortlist-record",
        "shortlist.schedule" => "audit-shortlist-schedule",
        "visit.plan" => "audit-visit-plan",
        "visit.report" => "audit-visit-report",
        "decision.method" => "audit-decision-method",
        "ballot.cast" => "audit-ballot-cast",
        "citation.draft" => "audit-citation-draft",
        "citation.approve" => "audit-citation-approve",
        "decision.seal" => "audit-decision-seal",
        "events.put" => "audit-events-put",
        "open-data.set" => "audit-open-data-set",
        "booklet.settings" => "audit-booklet-settings",
        "booklet.published" => "audit-booklet-published",
        _ => return None,
    })
}

/// Names for `user/N`, looked up once per page.
pub struct Names<'a> {
    store: &'a dyn Store,
    known: HashMap<i64, String>,
}

impl<'a> Names<'a> {
    pub fn new(store: &'a dyn Store) -> Names<'a> {
        Names { store, known: HashMap::new() }
    }

    /// `user/9` as the person's name (or "en raderad person"), anything else as it is.
    pub async fn of(&mut self, lang: Lang, who: &str) -> String {
        let Some(id) = who.strip_prefix("user/").and_then(|n| n.parse::<i64>().ok()) else {
            return match who {
                "" => t(lang, "audit-nobody"),
                "demo" => t(lang, "audit-demo"),
                "system" | "cli" => t(lang, "audit-system"),
                other => other.to_owned(),
            };
        };
        if let Some(n) = self.known.get(&id) {
            return n.clone();
        }
        let name = match self.store.user(id).await {
            Ok(Some(u)) if !u.erased => u.name,
            _ => t(lang, "audit-erased-person"),
        };
        self.known.insert(id, name.clone());
        name
    }
}

/// One event as a sentence: who did what to whom.
pub async fn sentence(lang: Lang, names: &mut Names<'_>, e: &AuditEvent) -> String {
    let actor = names.of(lang, &e.actor).await;
    let subject = names.of(lang, &e.subject).await;
    match sentence_key(&e.action) {
        Some(key) => t_args(lang, key, &[("actor", actor), ("subject", subject)]),
        None => format!("{actor}: {} {subject}", e.action),
    }
}
