//! What the trust fixes keep in the store, on both backends: API keys apart from sessions,
//! revocation ending invitations and calendar links, ranking viewers never assigned again, the
//! audit log scoped by award, and the count of unconfirmed nominations.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, Lang, MunicipalityCode, Role, Scope, Slug};
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{AuditFilter, NewNomination, NewToken, NewUser, ReviewRefusal, TokenError, TokenPurpose};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn juror() -> Grant {
    Grant { role: Role::Juror, scope: Scope::Edition(slug(), 2019), municipality: None }
}

fn later(minutes: i64) -> Timestamp {
    Timestamp::now().checked_add(SignedDuration::from_mins(minutes)).unwrap()
}

async fn person(store: &dyn Store, email: &str) -> i64 {
    let user =
        NewUser { email: email.into(), name: "Sofia Lind".into(), lang: Lang::Sv, password_hash: None };
    store.put_user(&user, &by("test")).await.unwrap()
}

store_suite! {
    async fn an_api_key_is_not_a_session_and_can_be_revoked(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        let key = store.create_api_key(id, "Ärendesystemet", "key-hash", (Timestamp::now(), later(60))).await.unwrap();
        assert!(store.session("key-hash", Timestamp::now()).await.unwrap().is_none(), "not a session");
        assert_eq!(store.api_key("key-hash", Timestamp::now()).await.unwrap().unwrap().user.id, id);
        let listed = store.api_keys_of(id).await.unwrap();
        assert_eq!((listed.len(), listed[0].name.as_str()), (1, "Ärendesystemet"));
        assert!(listed[0].last_used_at.is_some(), "its use is noted");
        assert!(!store.revoke_api_key(id + 1, key, Timestamp::now()).await.unwrap(), "only by its owner");
        assert!(store.revoke_api_key(id, key, Timestamp::now()).await.unwrap());
        assert!(store.api_key("key-hash", Timestamp::now()).await.unwrap().is_none());
        assert!(store.api_keys_of(id).await.unwrap()[0].revoked_at.is_some());
        assert!(store.api_key("key-hash", later(120)).await.unwrap().is_none(), "nor after expiry");
    }

    async fn revoking_a_role_ends_its_invitations_and_the_calendar_link(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        let invitation = NewToken {
            purpose: TokenPurpose::Invitation,
            user_id: None,
            email: "sofia@example.se".into(),
            name: Some("Sofia Lind".into()),
            grant: Some(juror()),
            created_at: Timestamp::now(),
            expires_at: later(60),
        };
        store.put_token("inv", &invitation, &by("org")).await.unwrap();
        let other = NewToken { grant: Some(Grant { role: Role::Expert, ..juror() }), ..invitation.clone() };
        store.put_token("inv-expert", &other, &by("org")).await.unwrap();
        let secret = store.calendar_secret(id, true).await.unwrap().unwrap();
        assert_eq!(store.calendar_secret(id, true).await.unwrap().unwrap(), secret, "made once");
        store.grant(id, &juror(), &by("org")).await.unwrap();
        let grant = store.grants_of(id).await.unwrap()[0].id;
        store.revoke(grant, &by("org")).await.unwrap();
        let used = store.token("inv", TokenPurpose::Invitation, Timestamp::now()).await.unwrap();
        assert_eq!(used.err(), Some(TokenError::Used), "the juror invitation ended");
        assert!(store.token("inv-expert", TokenPurpose::Invitation, Timestamp::now()).await.unwrap().is_ok(), "another role's stays");
        assert!(store.calendar_secret(id, false).await.unwrap().is_none(), "the calendar secret is gone");
        assert_ne!(store.calendar_secret(id, true).await.unwrap().unwrap(), secret, "a new one when asked");
        store.renew_calendar_secret(id, &by("user")).await.unwrap();
        assert!(store.calendar_secret(id, false).await.unwrap().is_none());
    }

    async fn whoever_saw_the_ranking_is_given_nothing_new(store) {
        demo::load_at(store, juryn_domain::Phase::Shortlisting, Timestamp::now()).await.unwrap();
        let anders = store.user_by_email(&demo::juror_email("Anders Wikström")).await.unwrap().unwrap().id;
        store.record_ranking_view(&slug(), 2019, anders, Timestamp::now()).await.unwrap();
        store.record_ranking_view(&slug(), 2019, anders, Timestamp::now()).await.unwrap();
        assert_eq!(store.ranking_viewers(&slug(), 2019).await.unwrap(), vec![anders]);
        let before = store.assignments(&slug(), 2019).await.unwrap();
        let conflicts = store.conflict_register(&slug(), 2019).await.unwrap();
        let new = store
            .entry_statuses(&slug(), 2019)
            .await
            .unwrap()
            .into_iter()
            .map(|(c, _)| c)
            .find(|c| !before.contains(&(anders, *c)) && !conflicts.iter().any(|k| k.user_id == anders && k.municipality == *c))
            .unwrap();
        assert_eq!(store.set_assigned(&slug(), 2019, anders, new, true, &by("org")).await.unwrap(), Err(ReviewRefusal::SawRanking));
        let mut pairs = before.clone();
        pairs.push((anders, new));
        assert_eq!(store.replace_assignments(&slug(), 2019, &pairs, &by("org")).await.unwrap(), Err(vec![(anders, new)]));
        assert_eq!(store.assignments(&slug(), 2019).await.unwrap(), before);
        // What he had he keeps: replacing with the same pairs is fine.
        store.replace_assignments(&slug(), 2019, &before, &by("org")).await.unwrap().unwrap();
    }

    async fn the_audit_log_is_read_per_award(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        store.grant(id, &juror(), &by("org")).await.unwrap();
        let scoped = |awards: Vec<String>| AuditFilter { awards: Some(awards), limit: 1000, ..Default::default() };
        let ours = store.audit_log(&scoped(vec![demo::AWARD_SLUG.into()])).await.unwrap();
        assert!(ours.iter().any(|e| e.action == "grant.add"), "the grant in the award is its event");
        assert!(ours.iter().all(|e| e.action != "user.put"), "a person's own account is not the award's");
        assert!(store.audit_log(&scoped(vec!["annat-pris".into()])).await.unwrap().is_empty());
        assert!(store.audit_log(&scoped(vec![])).await.unwrap().is_empty());
        let all = store.audit_log(&AuditFilter { limit: 1000, ..Default::default() }).await.unwrap();
        assert!(all.len() > ours.len());
    }

    async fn unconfirmed_nominations_with_live_links_are_counted(store) {
        demo::load(store).await.unwrap();
        let n = |i: i64, minutes: i64| NewNomination {
            municipality: MunicipalityCode::parse("0584").unwrap(),
            reason: "Bra.".into(),
            nominator_name: "Eva".into(),
            nominator_email: format!("eva{i}@example.se"),
            nominator: Default::default(),
            answers: Vec::new(),
            token_hash: format!("h{i}"),
            at: later(0),
            expires_at: later(minutes),
        };
        for i in 0..3 {
            store.put_nomination(&slug(), 2019, &n(i, 60)).await.unwrap();
        }
        store.put_nomination(&slug(), 2019, &n(9, -1)).await.unwrap();
        assert_eq!(store.unconfirmed_nominations(&slug(), 2019, Timestamp::now()).await.unwrap(), 3);
        store.confirm_nomination("h0", Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(store.unconfirmed_nominations(&slug(), 2019, Timestamp::now()).await.unwrap(), 2);
    }
}
