//! Nominations by anyone, on both backends.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::{EntryStatus, Grant, Lang, MunicipalityCode, Role, Scope, Slug};
use juryn_store::demo;
use juryn_store::prelude::*;
use juryn_store::{NewNomination, NewUser, TokenError};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn vadstena() -> MunicipalityCode {
    MunicipalityCode::parse("0584").unwrap()
}

fn nomination(token: &str, minutes: i64) -> NewNomination {
    NewNomination {
        municipality: vadstena(),
        reason: "Deras e-tjänster är föredömliga.".into(),
        nominator_name: "Eva".into(),
        nominator_email: "Eva@Example.se".into(),
        nominator: Default::default(),
        answers: Vec::new(),
        token_hash: token.into(),
        at: Timestamp::now(),
        expires_at: Timestamp::now().checked_add(SignedDuration::from_mins(minutes)).unwrap(),
    }
}

store_suite! {
    async fn a_confirmed_nomination_counts_once_and_makes_the_entry(store) {
        demo::load(store).await.unwrap();
        store.put_nomination(&slug(), 2019, &nomination("h1", 60)).await.unwrap();
        store.put_nomination(&slug(), 2019, &nomination("h2", 60)).await.unwrap();
        assert!(store.entry_record(&slug(), 2019, vadstena()).await.unwrap().is_none(), "not before it is confirmed");
        let n = store.confirm_nomination("h1", Timestamp::now()).await.unwrap().unwrap();
        assert_eq!((n.municipality, n.nominator_email.as_str()), (vadstena(), "eva@example.se"));
        assert_eq!(store.confirm_nomination("h1", Timestamp::now()).await.unwrap(), Err(TokenError::Used));
        store.confirm_nomination("h2", Timestamp::now()).await.unwrap().unwrap();
        let entry = store.entry_record(&slug(), 2019, vadstena()).await.unwrap().unwrap();
        assert_eq!(entry.entry.status, EntryStatus::Invited);
        let all = store.nominations(&slug(), 2019).await.unwrap();
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|n| n.confirmed_at.is_some()));
        assert_eq!(store.confirm_nomination("nope", Timestamp::now()).await.unwrap(), Err(TokenError::Unknown));
        store.put_nomination(&slug(), 2019, &nomination("h3", 1)).await.unwrap();
        let later = Timestamp::now().checked_add(SignedDuration::from_mins(2)).unwrap();
        assert_eq!(store.confirm_nomination("h3", later).await.unwrap(), Err(TokenError::Expired));
        assert!(store.nomination_by_token("h3").await.unwrap().is_some());
    }

    async fn the_overview_counts_nominations_and_reminders_go_once(store) {
        demo::load(store).await.unwrap();
        store.put_nomination(&slug(), 2019, &nomination("h1", 60)).await.unwrap();
        store.confirm_nomination("h1", Timestamp::now()).await.unwrap().unwrap();
        let rows = store.overview(&slug(), 2019).await.unwrap();
        assert_eq!(rows.len(), 45);
        let v = rows.iter().find(|r| r.municipality == vadstena()).unwrap();
        assert_eq!((v.status, v.nominations, v.contacts), (EntryStatus::Invited, 1, 0));
        let add = |email: &str| NewUser { email: email.into(), name: email.into(), lang: Lang::Sv, password_hash: None };
        let lena = store.put_user(&add("lena@vadstena.se"), &by("t")).await.unwrap();
        let grant = |c: MunicipalityCode| Grant { role: Role::EntrantContact, scope: Scope::Edition(slug(), 2019), municipality: Some(c) };
        store.grant(lena, &grant(vadstena()), &by("t")).await.unwrap();
        let lars = store.put_user(&add("lars@lidingo.se"), &by("t")).await.unwrap();
        store.grant(lars, &grant(MunicipalityCode::parse("0186").unwrap()), &by("t")).await.unwrap();
        let waiting = store.unsubmitted_contacts(&slug(), 2019).await.unwrap();
        assert_eq!(waiting.iter().map(|(u, c)| (u.email.as_str(), c.as_str())).collect::<Vec<_>>(), [("lena@vadstena.se", "0584")]);
        assert!(store.claim_reminder(&slug(), 2019, "första", lena, &by("org")).await.unwrap());
        assert!(!store.claim_reminder(&slug(), 2019, "första", lena, &by("org")).await.unwrap());
        assert!(store.claim_reminder(&slug(), 2019, "andra", lena, &by("org")).await.unwrap());
    }

    async fn the_demo_at_call_open_has_a_few_nominations_however_often_it_loads(store) {
        for _ in 0..2 {
            demo::load_at(store, juryn_domain::Phase::CallOpen, Timestamp::now()).await.unwrap();
        }
        let all = store.nominations(&slug(), 2019).await.unwrap();
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|n| n.confirmed_at.is_some()));
        let e = store.edition(&slug(), 2019).await.unwrap().unwrap();
        assert_eq!(e.phase, juryn_domain::Phase::CallOpen);
        assert!(e.call.accepts_changes(Timestamp::now()));
    }

    async fn contacts_and_organisers_are_found_for_notices(store) {
        demo::load(store).await.unwrap();
        let add = |email: &str| NewUser { email: email.into(), name: email.into(), lang: Lang::Sv, password_hash: None };
        let c = store.put_user(&add("kontakt@vadstena.se"), &by("t")).await.unwrap();
        let contact = Grant { role: Role::EntrantContact, scope: Scope::Edition(slug(), 2019), municipality: Some(vadstena()) };
        store.grant(c, &contact, &by("t")).await.unwrap();
        let o = store.put_user(&add("org@example.se"), &by("t")).await.unwrap();
        store.grant(o, &Grant::organiser(), &by("t")).await.unwrap();
        let a = store.put_user(&add("award@example.se"), &by("t")).await.unwrap();
        store.grant(a, &Grant { role: Role::Organiser, scope: Scope::Award(slug()), municipality: None }, &by("t")).await.unwrap();
        let contacts = store.contacts_of(&slug(), 2019, vadstena()).await.unwrap();
        assert_eq!(contacts.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(), ["kontakt@vadstena.se"]);
        assert!(store.contacts_of(&slug(), 2019, MunicipalityCode::parse("0186").unwrap()).await.unwrap().is_empty());
        let organisers = store.organisers_of(&slug()).await.unwrap();
        assert_eq!(organisers.len(), 2);
    }

    async fn a_nomination_keeps_who_nominated_and_their_answers(store) {
        demo::load(store).await.unwrap();
        let s = Slug::parse(demo::AWARD_SLUG).unwrap();
        assert!(!store.nominators_answer(&s, 2019).await.unwrap(), "a reason only, by default");
        store.set_nominators_answer(&s, 2019, true, &by("org")).await.unwrap();
        assert!(store.nominators_answer(&s, 2019).await.unwrap());
        let mut n = nomination("org-token", 60);
        n.nominator = juryn_domain::nomination::Nominator {
            kind: juryn_domain::nomination::NominatorKind::Company,
            organisation: "Exempel AB".into(),
        };
        n.answers = vec!["Deras tjänster".into(), String::new(), "Mycket".into()];
        store.put_nomination(&s, 2019, &n).await.unwrap();
        let stored = store.nomination_by_token("org-token").await.unwrap().unwrap();
        assert_eq!((stored.nominator, stored.answers), (n.nominator, n.answers));
        store.put_nomination(&s, 2019, &nomination("plain", 60)).await.unwrap();
        let plain = store.nomination_by_token("plain").await.unwrap().unwrap();
        assert_eq!(plain.nominator.kind, juryn_domain::nomination::NominatorKind::Person);
        assert!(plain.answers.is_empty());
    }
}
