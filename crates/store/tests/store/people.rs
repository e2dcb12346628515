//! Accounts, roles, sessions, links, the audit log and personal data, on both backends.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::conflict::Ruling;
use juryn_domain::{Grant, Lang, MunicipalityCode, Role, Scope, Slug};
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{AttemptKind, AuditFilter, Granted, NewToken, NewUser, TokenError, TokenPurpose};

use crate::backends::store_suite;
use crate::by;

fn edition() -> Scope {
    Scope::Edition(Slug::parse(demo::AWARD_SLUG).unwrap(), 2019)
}

fn juror() -> Grant {
    Grant { role: Role::Juror, scope: edition(), municipality: None }
}

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

fn later(minutes: i64) -> Timestamp {
    Timestamp::now().checked_add(SignedDuration::from_mins(minutes)).unwrap()
}

async fn person(store: &dyn Store, email: &str) -> i64 {
    let user =
        NewUser { email: email.into(), name: "Sofia Lind".into(), lang: Lang::Sv, password_hash: None };
    store.put_user(&user, &by("test")).await.unwrap()
}

fn token(
    purpose: TokenPurpose,
    user_id: Option<i64>,
    email: &str,
    grant: Option<Grant>,
    minutes: i64,
) -> NewToken {
    NewToken {
        purpose,
        user_id,
        email: email.into(),
        name: Some("Sofia Lind".into()),
        grant,
        created_at: Timestamp::now(),
        expires_at: later(minutes),
    }
}

store_suite! {
    async fn a_session_finds_its_person_until_it_ends_or_expires(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        store.grant(id, &juror(), &by("test")).await.unwrap();
        store.create_session("h1", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        let who = store.session("h1", Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(who.user.email, "sofia@example.se");
        assert_eq!(who.grants.iter().map(|g| g.grant.clone()).collect::<Vec<_>>(), [juror()]);
        assert!(store.session("h1", later(61)).await.unwrap().is_none(), "expired");
        // Rotation: the new session replaces the old one.
        store.create_session("h2", id, (Timestamp::now(), later(60)), Some("h1"), "password").await.unwrap();
        assert!(store.session("h1", Timestamp::now()).await.unwrap().is_none());
        store.end_session("h2", Timestamp::now()).await.unwrap();
        assert!(store.session("h2", Timestamp::now()).await.unwrap().is_none());
        let log = store.audit_log(&AuditFilter { actor: Some(format!("user/{id}")), limit: 10, ..Default::default() }).await.unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["session.sign-out", "session.sign-in", "session.sign-in"]);
    }

    async fn a_revoked_role_is_gone_at_the_next_lookup(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        let granted = store.grant(id, &juror(), &by("test")).await.unwrap();
        store.create_session("h", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        assert_eq!(store.session("h", Timestamp::now()).await.unwrap().unwrap().grants.len(), 1);
        let revoked = store.revoke(granted.id(), &by("organiser")).await.unwrap().unwrap();
        assert_eq!(revoked.grant, juror());
        assert!(store.session("h", Timestamp::now()).await.unwrap().unwrap().grants.is_empty());
        assert!(store.revoke(granted.id(), &by("organiser")).await.unwrap().is_none());
    }

    async fn a_grant_that_does_not_fit_is_refused(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        let bad = Grant { role: Role::EntrantContact, scope: edition(), municipality: None };
        assert!(store.grant(id, &bad, &by("t")).await.is_err());
        let nowhere = Grant { role: Role::Juror, scope: Scope::Edition(Slug::parse("okand").unwrap(), 2019), municipality: None };
        assert!(store.grant(id, &nowhere, &by("t")).await.is_err());
        assert!(store.grants_of(id).await.unwrap().is_empty());
    }

    async fn a_sign_in_link_works_once_and_not_after_it_expires(store) {
        let id = person(store, "sofia@example.se").await;
        store.put_token("t1", &token(TokenPurpose::SignIn, Some(id), "sofia@example.se", None, 30), &by("system")).await.unwrap();
        assert!(store.token("t1", TokenPurpose::SignIn, Timestamp::now()).await.unwrap().is_ok());
        assert_eq!(store.token("t1", TokenPurpose::Reset, Timestamp::now()).await.unwrap(), Err(TokenError::Unknown));
        let now = Timestamp::now();
        assert_eq!(store.sign_in_with_token("t1", "s1", now, later(60)).await.unwrap(), Ok(id));
        assert!(store.session("s1", now).await.unwrap().is_some());
        assert_eq!(store.sign_in_with_token("t1", "s2", now, later(60)).await.unwrap(), Err(TokenError::Used));
        assert!(store.session("s2", now).await.unwrap().is_none(), "a used link starts no session");
        store.put_token("t2", &token(TokenPurpose::SignIn, Some(id), "sofia@example.se", None, 30), &by("system")).await.unwrap();
        assert_eq!(store.sign_in_with_token("t2", "s3", later(31), later(90)).await.unwrap(), Err(TokenError::Expired));
        assert_eq!(store.sign_in_with_token("nope", "s4", now, later(60)).await.unwrap(), Err(TokenError::Unknown));
    }

    async fn a_reset_link_sets_the_password_and_ends_every_session(store) {
        let id = person(store, "sofia@example.se").await;
        store.create_session("s", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        store.put_token("r", &token(TokenPurpose::Reset, Some(id), "sofia@example.se", None, 60), &by("system")).await.unwrap();
        assert_eq!(store.reset_password("r", "$argon2id$new", Timestamp::now()).await.unwrap(), Ok(id));
        assert_eq!(store.user(id).await.unwrap().unwrap().password_hash.as_deref(), Some("$argon2id$new"));
        assert!(store.session("s", Timestamp::now()).await.unwrap().is_none());
        assert_eq!(store.reset_password("r", "$argon2id$again", Timestamp::now()).await.unwrap(), Err(TokenError::Used));
    }

    async fn an_invitation_creates_or_joins_the_account(store) {
        demo::load(store).await.unwrap();
        store.put_token("i1", &token(TokenPurpose::Invitation, None, "Ny@Example.se", Some(contact("0186")), 60), &by("org")).await.unwrap();
        let peek = store.token("i1", TokenPurpose::Invitation, Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(peek.grant, Some(contact("0186")));
        assert_eq!(peek.email, "ny@example.se");
        let id = store.accept_invitation("i1", "Ny Person", None, Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(store.user(id).await.unwrap().unwrap().name, "Ny Person");
        // A second invitation to the same person joins the same account and adds the role.
        store.put_token("i2", &token(TokenPurpose::Invitation, None, "ny@example.se", Some(juror()), 60), &by("org")).await.unwrap();
        let again = store.accept_invitation("i2", "Annat Namn", Some("$argon2id$x"), Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(again, id);
        let user = store.user(id).await.unwrap().unwrap();
        assert_eq!(user.name, "Ny Person", "joining keeps the account's name");
        assert_eq!(user.password_hash.as_deref(), Some("$argon2id$x"));
        assert_eq!(store.grants_of(id).await.unwrap().len(), 2);
        assert_eq!(store.accept_invitation("i2", "x", None, Timestamp::now()).await.unwrap(), Err(TokenError::Used));
    }

    async fn a_self_registration_is_accepted_like_an_invitation_and_makes_the_entry(store) {
        demo::load(store).await.unwrap();
        let s = Slug::parse(demo::AWARD_SLUG).unwrap();
        let vadstena = MunicipalityCode::parse("0584").unwrap();
        assert!(store.entry_record(&s, 2019, vadstena).await.unwrap().is_none());
        store.put_token("reg", &token(TokenPurpose::Registration, None, "lena@vadstena.se", Some(contact("0584")), 60), &by("public")).await.unwrap();
        // Only as what it is: not a sign-in link, and read back as a registration.
        assert_eq!(store.token("reg", TokenPurpose::SignIn, Timestamp::now()).await.unwrap(), Err(TokenError::Unknown));
        let peek = store.token("reg", TokenPurpose::Registration, Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(peek.purpose, TokenPurpose::Registration);
        let id = store.accept_invitation("reg", "Lena Berg", None, Timestamp::now()).await.unwrap().unwrap();
        assert_eq!(store.grants_of(id).await.unwrap()[0].grant, contact("0584"));
        let entry = store.entry_record(&s, 2019, vadstena).await.unwrap().expect("the entry is made");
        assert_eq!(entry.entry.status, juryn_domain::EntryStatus::Invited);
        assert_eq!(store.accept_invitation("reg", "x", None, Timestamp::now()).await.unwrap(), Err(TokenError::Used));
    }

    async fn conflicts_come_with_a_jurors_session(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        store.grant(id, &juror(), &by("t")).await.unwrap();
        let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
        let lidingo = MunicipalityCode::parse("0186").unwrap();
        let set = |reason: &str| Ruling::Set { municipality: lidingo, reason: reason.into() };
        store.add_ruling(&slug, 2019, id, &set("bor i kommunen"), None, &by("org")).await.unwrap();
        store.add_ruling(&slug, 2019, id, &set("arbetar i kommunen"), None, &by("org")).await.unwrap();
        assert_eq!(store.conflicts_of(id).await.unwrap(), [(slug, 2019, lidingo)]);
        store.create_session("s", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        assert_eq!(store.session("s", Timestamp::now()).await.unwrap().unwrap().conflicts.len(), 1);
    }

    async fn the_audit_log_filters_by_actor_action_and_subject(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        store.grant(id, &juror(), &by("user/1")).await.unwrap();
        store.grant(id, &contact("0186"), &by("user/2")).await.unwrap();
        let f = |actor: Option<&str>, action: Option<&str>, subject: Option<&str>| AuditFilter {
            actor: actor.map(Into::into),
            action: action.map(Into::into),
            subject: subject.map(Into::into),
            awards: None,
            limit: 100,
        };
        let by_actor = store.audit_log(&f(Some("user/2"), None, None)).await.unwrap();
        assert_eq!(by_actor.len(), 1);
        assert_eq!(by_actor[0].detail, "entrant-contact digitaliseringskommun/2019 0186");
        assert_eq!(store.audit_log(&f(None, Some("grant."), None)).await.unwrap().len(), 2);
        assert_eq!(store.audit_log(&f(None, Some("grant."), Some(&format!("user/{id}")))).await.unwrap().len(), 2);
        assert!(store.audit_log(&f(None, Some("%"), None)).await.unwrap().is_empty(), "like patterns are escaped");
        assert!(store.audit_log(&f(None, None, Some("_"))).await.unwrap().is_empty());
    }

    async fn a_person_is_exported_and_erased_but_the_log_stays(store) {
        demo::load(store).await.unwrap();
        let id = person(store, "sofia@example.se").await;
        store.grant(id, &juror(), &by("org")).await.unwrap();
        store.create_session("s", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        store.put_token("x", &token(TokenPurpose::SignIn, Some(id), "sofia@example.se", None, 30), &by("sofia@example.se")).await.unwrap();
        let export = store.export_person(id).await.unwrap().unwrap();
        assert_eq!(export["user"]["email"], "sofia@example.se");
        assert_eq!(export["roles"][0], "juror digitaliseringskommun/2019");
        assert_eq!(export["sessions"].as_array().unwrap().len(), 1);
        assert!(export["audit_events"].as_array().unwrap().len() >= 2);
        let events_before = store.audit_events(1000).await.unwrap().len();

        assert!(store.erase_person(id, &by("org")).await.unwrap());
        let user = store.user(id).await.unwrap().unwrap();
        assert!(user.erased);
        assert!(!user.email.contains("sofia") && !user.name.contains("Sofia"));
        assert!(store.user_by_email("sofia@example.se").await.unwrap().is_none());
        assert!(store.grants_of(id).await.unwrap().is_empty());
        assert!(store.session("s", Timestamp::now()).await.unwrap().is_none());
        assert!(store.people().await.unwrap().iter().all(|p| p.user.id != id));
        let events = store.audit_events(1000).await.unwrap();
        assert_eq!(events.len(), events_before + 1, "nothing is deleted from the log");
        assert!(events.iter().all(|e| !e.actor.contains("sofia") && !e.detail.contains("sofia") && !e.subject.contains("sofia")));
        assert!(store.export_person(9999).await.unwrap().is_none());
        assert!(!store.erase_person(9999, &by("org")).await.unwrap());
    }

    async fn failed_sign_ins_are_counted_per_email_and_address(store) {
        let now = Timestamp::now();
        let since = now.checked_sub(SignedDuration::from_mins(15)).unwrap();
        let pw = AttemptKind::Password;
        for _ in 0..3 {
            store.begin_attempt(pw, ("A@example.se", "10.0.0.1"), (since, now), 10).await.unwrap().unwrap();
        }
        store.begin_attempt(pw, ("b@example.se", "10.0.0.1"), (since, now), 10).await.unwrap().unwrap();
        assert_eq!(store.failures_since(pw, "a@example.se", "10.0.0.2", since).await.unwrap(), (3, 0));
        assert_eq!(store.failures_since(pw, "c@example.se", "10.0.0.1", since).await.unwrap(), (0, 4));
        assert_eq!(store.failures_since(pw, "a@example.se", "10.0.0.1", later(1)).await.unwrap(), (0, 0));
        // A success takes its attempt back; link requests are counted apart.
        let ok = store.begin_attempt(pw, ("d@example.se", "10.0.0.3"), (since, now), 10).await.unwrap().unwrap();
        store.clear_attempt(ok).await.unwrap();
        assert_eq!(store.failures_since(pw, "d@example.se", "10.0.0.3", since).await.unwrap(), (0, 0));
        for _ in 0..3 {
            store.begin_attempt(AttemptKind::Link, ("a@example.se", "10.0.0.9"), (since, now), 3).await.unwrap().unwrap();
        }
        assert!(store.begin_attempt(AttemptKind::Link, ("a@example.se", "10.0.0.8"), (since, now), 3).await.unwrap().is_none());
        assert_eq!(store.failures_since(pw, "a@example.se", "10.0.0.9", since).await.unwrap(), (3, 0), "links do not count as passwords");
    }

    async fn parallel_attempts_are_counted_one_after_another(store) {
        let now = Timestamp::now();
        let since = now.checked_sub(SignedDuration::from_mins(15)).unwrap();
        let ips: Vec<String> = (0..40).map(|i| format!("10.1.0.{i}")).collect();
        let attempts = ips.iter().map(|ip| {
            Box::pin(store.begin_attempt(AttemptKind::Password, ("race@example.se", ip), (since, now), 10))
                as std::pin::Pin<Box<dyn Future<Output = juryn_store::Result<Option<i64>>> + Send + '_>>
        });
        let admitted = crate::join_all(attempts.collect()).await.into_iter().filter(|r| r.as_ref().unwrap().is_some()).count();
        assert_eq!(admitted, 10);
    }

    async fn expired_sessions_links_and_old_failures_are_purged(store) {
        let id = person(store, "sofia@example.se").await;
        store.create_session("live", id, (Timestamp::now(), later(60)), None, "password").await.unwrap();
        store.create_session("old", id, (Timestamp::now(), later(1)), None, "password").await.unwrap();
        store.put_token("t", &token(TokenPurpose::SignIn, Some(id), "sofia@example.se", None, 1), &by("system")).await.unwrap();
        let now = Timestamp::now();
        store.begin_attempt(AttemptKind::Password, ("sofia@example.se", "10.0.0.1"), (now, now), 10).await.unwrap();
        let purged = store.purge_expired(later(2), later(2)).await.unwrap();
        assert_eq!(purged, 3);
        assert!(store.session("live", Timestamp::now()).await.unwrap().is_some());
        assert!(store.session("old", Timestamp::now()).await.unwrap().is_none());
    }

    async fn a_secret_is_made_once(store) {
        let first = store.secret("csrf", "abc").await.unwrap();
        let second = store.secret("csrf", "xyz").await.unwrap();
        assert_eq!((first.as_str(), second.as_str()), ("abc", "abc"));
    }

    async fn people_are_listed_with_their_roles(store) {
        demo::load(store).await.unwrap();
        let a = person(store, "a@example.se").await;
        let b = person(store, "b@example.se").await;
        store.grant(a, &juror(), &by("t")).await.unwrap();
        store.grant(a, &Grant::organiser(), &by("t")).await.unwrap();
        let people = store.people().await.unwrap();
        let pa = people.iter().find(|p| p.user.id == a).unwrap();
        assert_eq!(pa.grants.len(), 2);
        assert!(people.iter().find(|p| p.user.id == b).unwrap().grants.is_empty());
        assert!(matches!(store.grant(a, &juror(), &by("t")).await.unwrap(), Granted::Existing(_)));
    }
}
