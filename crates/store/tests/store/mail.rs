//! The mail queue on both backends: mail is queued by the write that causes it and only if that
//! write commits; a claim is a compare-and-set, so concurrent workers never hold one message; a
//! claim that runs out is taken over; sent mail forgets its body; an erased person's mail goes.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{MailFailure, MailState, NewUser, OutgoingMail, Stamp};

use crate::backends::store_suite;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn letter(to: &str) -> OutgoingMail {
    OutgoingMail::new(
        "Lena",
        to,
        "Påminnelse".into(),
        format!("Hej {to}, länk: https://x/1"),
        Some("Priset".into()),
    )
}

fn stamp(when: &str) -> Stamp {
    Stamp::new("test", at(when))
}

/// A contact of Vadstena, whose entry is not in: a reminder may be claimed for them.
async fn lena(store: &dyn Store) -> i64 {
    demo::load(store).await.unwrap();
    let user = NewUser {
        email: "lena@vadstena.se".into(),
        name: "Lena".into(),
        lang: juryn_domain::Lang::Sv,
        password_hash: None,
    };
    let id = store.put_user(&user, &stamp("2019-03-01T10:00:00Z")).await.unwrap();
    let grant = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(slug(), 2019),
        municipality: Some(MunicipalityCode::parse("0584").unwrap()),
    };
    store.grant(id, &grant, &stamp("2019-03-01T10:00:00Z")).await.unwrap();
    id
}

store_suite! {
    async fn mail_is_queued_with_the_write_that_causes_it_and_only_then(store) {
        let lena = lena(store).await;
        let first = stamp("2019-03-01T10:00:00Z").with_mail([letter("lena@vadstena.se")]);
        assert!(store.claim_reminder(&slug(), 2019, "mars", lena, &first).await.unwrap());
        // The same reminder again: not claimed, so its letter is not queued.
        let second = stamp("2019-03-01T10:05:00Z").with_mail([letter("lena@vadstena.se")]);
        assert!(!store.claim_reminder(&slug(), 2019, "mars", lena, &second).await.unwrap());
        // A write refused inside its transaction (an unknown edition) queues nothing either.
        let refused = stamp("2019-03-01T10:06:00Z").with_mail([letter("nobody@example.se")]);
        assert!(store.claim_reminder(&slug(), 1999, "mars", lena, &refused).await.is_err());
        let queued = store.mail_queue(None, 10).await.unwrap();
        assert_eq!(queued.len(), 1);
        let m = &queued[0];
        assert_eq!((m.to_email.as_str(), m.subject.as_str(), m.sender.as_deref()), ("lena@vadstena.se", "Påminnelse", Some("Priset")));
        assert_eq!((m.state, m.attempts, m.created_at), (MailState::Pending, 0, at("2019-03-01T10:00:00Z")));
        assert_eq!(store.mail_counts().await.unwrap().pending, 1);
    }

    async fn a_claim_is_held_by_one_worker_until_it_runs_out(store) {
        let lena = lena(store).await;
        let mail = [letter("a@example.se"), letter("b@example.se")];
        store.claim_reminder(&slug(), 2019, "mars", lena, &stamp("2019-03-01T10:00:00Z").with_mail(mail)).await.unwrap();
        let now = at("2019-03-01T10:00:00Z");
        // Not due before it was queued.
        assert!(store.claim_mail(at("2019-03-01T09:59:59Z"), 60).await.unwrap().is_none());
        // Many workers at once: each message is claimed by exactly one of them.
        let claims: Vec<_> =
            crate::join_all((0..8).map(|_| store.claim_mail(now, 60)).collect()).await.into_iter().map(Result::unwrap).collect();
        let mut ids: Vec<i64> = claims.iter().flatten().map(|m| m.id).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!((before, ids.len()), (2, 2), "{claims:?}");
        assert!(claims.iter().flatten().all(|m| m.state == MailState::Sending && m.attempts == 1));
        assert!(store.claim_mail(now, 60).await.unwrap().is_none(), "both are held");
        // A worker that died: its claim runs out and another takes the message over.
        let later = at("2019-03-01T10:01:01Z");
        let taken = store.claim_mail(later, 60).await.unwrap().expect("taken over");
        assert_eq!(taken.attempts, 2);
        store.mail_sent(taken.id, later).await.unwrap();
        let other = ids.into_iter().find(|i| *i != taken.id).unwrap();
        store.mail_not_sent(other, &MailFailure::Permanent { error: "550 no such user".into() }).await.unwrap();
        let counts = store.mail_counts().await.unwrap();
        assert_eq!((counts.pending, counts.sending, counts.sent, counts.failed), (0, 0, 1, 1), "{counts:?}");
        let sent = store.mail_queue(Some(MailState::Sent), 10).await.unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!((sent[0].body.as_str(), sent[0].sent_at), ("", Some(later)), "the body (a link) is forgotten");
    }

    async fn a_failure_waits_or_gives_up_and_a_person_may_retry(store) {
        let lena = lena(store).await;
        store.claim_reminder(&slug(), 2019, "mars", lena, &stamp("2019-03-01T10:00:00Z").with_mail([letter("a@example.se")])).await.unwrap();
        let now = at("2019-03-01T10:00:00Z");
        let m = store.claim_mail(now, 60).await.unwrap().unwrap();
        let retry_at = now.checked_add(SignedDuration::from_mins(1)).unwrap();
        store.mail_not_sent(m.id, &MailFailure::Retry { error: "421 busy".into(), at: retry_at }).await.unwrap();
        assert!(store.claim_mail(now, 60).await.unwrap().is_none(), "waits");
        let again = store.claim_mail(retry_at, 60).await.unwrap().unwrap();
        assert_eq!((again.attempts, again.last_error.as_deref()), (2, Some("421 busy")));
        store.mail_not_sent(m.id, &MailFailure::Permanent { error: "554 refused".into() }).await.unwrap();
        let failed = store.mail_queue(Some(MailState::Failed), 10).await.unwrap();
        assert_eq!(failed[0].last_error.as_deref(), Some("554 refused"));
        assert!(store.claim_mail(at("2030-01-01T00:00:00Z"), 60).await.unwrap().is_none(), "given up");
        // Sending again: due at the person's time, and audited.
        let by_org = stamp("2019-03-02T08:00:00Z");
        assert_eq!(store.retry_mail(None, &by_org).await.unwrap(), 1);
        assert_eq!(store.retry_mail(Some(m.id + 1000), &by_org).await.unwrap(), 0, "no such message");
        let back = store.claim_mail(at("2019-03-02T08:00:00Z"), 60).await.unwrap().unwrap();
        store.mail_sent(back.id, at("2019-03-02T08:00:01Z")).await.unwrap();
        assert_eq!(store.retry_mail(Some(back.id), &by_org).await.unwrap(), 0, "a sent message is not sent again");
    }

    async fn an_erased_persons_mail_goes_with_them(store) {
        let lena = lena(store).await;
        let mail = [letter("lena@vadstena.se"), letter("someone@else.se")];
        store.claim_reminder(&slug(), 2019, "mars", lena, &stamp("2019-03-01T10:00:00Z").with_mail(mail)).await.unwrap();
        assert!(store.erase_person(lena, &stamp("2019-03-02T10:00:00Z")).await.unwrap());
        let left: Vec<String> = store.mail_queue(None, 10).await.unwrap().into_iter().map(|m| m.to_email).collect();
        assert_eq!(left, ["someone@else.se"]);
    }
}
