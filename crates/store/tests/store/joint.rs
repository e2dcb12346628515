//! Joint entries on both backends: several municipalities under one name, none in two entries,
//! and a juror tied to any member conflicted with the entry.

use juryn_domain::joint::{JointEntry, JointProblem};
use juryn_domain::{Grant, Lang, MunicipalityCode, Role, Scope, Slug};
use juryn_store::prelude::*;
use juryn_store::{NewUser, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

fn mora_orsa_alvdalen() -> JointEntry {
    JointEntry {
        name: "Mora, Orsa och Älvdalens kommuner".into(),
        members: ["2062", "2034", "2039"].map(code).into(),
    }
}

store_suite! {
    async fn a_joint_entry_holds_free_municipalities_under_one_name(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        let one = JointEntry { name: "Mora".into(), members: vec![code("2062")] };
        assert_eq!(store.make_joint(&s, 2019, &one, &by("org")).await.unwrap(), Err(JointProblem::TooFew));
        // Lidingö has an entry of its own already.
        let with_lidingo = JointEntry { name: "Mora och Lidingö".into(), members: ["2062", "0186"].map(code).into() };
        assert_eq!(store.make_joint(&s, 2019, &with_lidingo, &by("org")).await.unwrap(), Err(JointProblem::Taken(code("0186"))));
        assert!(store.joint_entries(&s, 2019).await.unwrap().is_empty(), "nothing written");
        assert!(store.entry_record(&s, 2019, code("2062")).await.unwrap().is_none(), "no entry made");

        store.make_joint(&s, 2019, &mora_orsa_alvdalen(), &by("org")).await.unwrap().unwrap();
        assert_eq!(store.joint_entries(&s, 2019).await.unwrap(), [mora_orsa_alvdalen()]);
        assert!(store.entry_record(&s, 2019, code("2062")).await.unwrap().is_some(), "kept under Mora");
        let found = store.joint_entries_of(code("2039")).await.unwrap();
        assert_eq!(found, [(s.clone(), 2019, mora_orsa_alvdalen())]);
        // Orsa is taken now: not in a second joint entry.
        let again = JointEntry { name: "Orsa och Vansbro".into(), members: ["2021", "2034"].map(code).into() };
        assert_eq!(store.make_joint(&s, 2019, &again, &by("org")).await.unwrap(), Err(JointProblem::Taken(code("2034"))));
    }

    async fn a_juror_tied_to_any_member_is_conflicted_with_the_joint_entry(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        store.make_joint(&s, 2019, &mora_orsa_alvdalen(), &by("org")).await.unwrap().unwrap();
        let user = NewUser { email: "sofia@example.se".into(), name: "Sofia Lind".into(), lang: Lang::Sv, password_hash: None };
        let id = store.put_user(&user, &by("t")).await.unwrap();
        let grant = Grant { role: Role::Juror, scope: Scope::Edition(s.clone(), 2019), municipality: None };
        store.grant(id, &grant, &by("t")).await.unwrap();
        // She works for Älvdalen, the joint entry's third member.
        assert!(store.link_juror(&s, 2019, "Sofia Lind", id, Some(code("2039")), &by("t")).await.unwrap());
        let register: Vec<String> = store
            .conflict_register(&s, 2019)
            .await
            .unwrap()
            .iter()
            .filter(|r| r.user_id == id)
            .map(|r| r.municipality.to_string())
            .collect();
        assert!(register.contains(&"2062".to_owned()), "the entry kept under Mora is hers to avoid: {register:?}");
    }
}
