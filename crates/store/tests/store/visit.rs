//! Site visits on both backends: planned, never double-booking anyone, reported.

use juryn_domain::visit::{Plan, Report};
use juryn_domain::{Lang, MunicipalityCode, Slug};
use juryn_store::prelude::*;
use juryn_store::{NewUser, VisitRefusal, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn plan(code: &str, start: &str, end: &str, people: &[i64]) -> Plan {
    Plan {
        nominee: MunicipalityCode::parse(code).unwrap(),
        starts_at: start.parse().unwrap(),
        ends_at: end.parse().unwrap(),
        place: "Stadshuset".into(),
        video: None,
        participants: people.to_vec(),
        questions: vec!["Hur mäter ni effekterna?".into(), "Vad gör ni härnäst?".into()],
    }
}

/// The caller's clock in these tests: a moment in the 2019 visit window.
fn at() -> jiff::Timestamp {
    "2019-09-04T10:00:00Z".parse().unwrap()
}

store_suite! {
    async fn visits_are_planned_without_double_booking_and_reported(store) {
        demo::load(store).await.unwrap();
        let user = |email: &str, name: &str| NewUser { email: email.into(), name: name.into(), lang: Lang::Sv, password_hash: None };
        let eva = store.put_user(&user("eva@example.se", "Eva Expert"), &by("t")).await.unwrap();
        let bo = store.put_user(&user("bo@example.se", "Bo Berg"), &by("t")).await.unwrap();
        let id = store.plan_visit(&slug(), 2019, &plan("0186", "2019-09-03T08:00:00Z", "2019-09-03T12:00:00Z", &[eva, bo]), &juryn_store::Stamp::new("t", at())).await.unwrap().unwrap();
        // Eva cannot be in Umeå at 11:00; Bo alone can, from 12:00.
        let clash = plan("2480", "2019-09-03T11:00:00Z", "2019-09-03T15:00:00Z", &[bo, eva]);
        assert!(matches!(store.plan_visit(&slug(), 2019, &clash, &juryn_store::Stamp::new("t", at())).await.unwrap(), Err(VisitRefusal::Overlap { .. })));
        store.plan_visit(&slug(), 2019, &plan("2480", "2019-09-03T12:00:00Z", "2019-09-03T15:00:00Z", &[bo]), &juryn_store::Stamp::new("t", at())).await.unwrap().unwrap();
        let visits = store.visits(&slug(), 2019).await.unwrap();
        assert_eq!(visits.len(), 2);
        assert_eq!(visits[0].people.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["Bo Berg", "Eva Expert"]);
        assert_eq!(visits[0].plan.questions.len(), 2);
        assert_eq!(store.visits_of(eva).await.unwrap().len(), 1);
        assert_eq!(store.visits_of(bo).await.unwrap().len(), 2);
        let report = Report {
            answers: vec![("Hur mäter ni effekterna?".into(), "Med enkäter varje år.".into())],
            observations: "Engagerad ledning.".into(),
        };
        store.save_report(id, &report, eva, &juryn_store::Stamp::new("t", at())).await.unwrap();
        let v = store.visit(id).await.unwrap().unwrap();
        assert_eq!(v.report, Some(report));
        assert_eq!(v.report_by.as_deref(), Some("Eva Expert"));
        assert_eq!(v.report_at, Some(at()), "reported at the caller's time");
        assert!(store.visit(id + 1000).await.unwrap().is_none());
    }
}
