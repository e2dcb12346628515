//! Site visits through the web: planned by an expert within the window, refused when outside
//! it, double-booked or with a conflicted juror; the municipality mailed; reported by those who
//! went; subscribed to as iCal.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::{Grant, Phase, Role, Scope, Slug};
use juryn_store::demo;

use crate::helpers::by;
use crate::helpers::{Browser, TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2019-08-20T10:00:00Z";
const VISITS: &str = "/jury/digitaliseringskommun/2019/besok";

fn edition() -> Scope {
    Scope::Edition(Slug::parse(demo::AWARD_SLUG).unwrap(), 2019)
}

async fn in_depth_review() -> TestApp {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::InDepthReview, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    app.sync().await;
    app
}

async fn signed_in<'a>(app: &'a TestApp, email: &str, grants: &[Grant]) -> (Browser<'a>, i64) {
    let id = person(app, email, Some(PASSWORD), grants).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(email, PASSWORD).await.status, StatusCode::SEE_OTHER);
    (b, id)
}

fn fields(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn expert() -> Grant {
    Grant { role: Role::Expert, scope: edition(), municipality: None }
}

#[tokio::test]
async fn an_expert_plans_a_visit_the_municipality_is_told_and_the_report_is_written() {
    let app = in_depth_review().await;
    let contact = Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(juryn_domain::MunicipalityCode::parse("0186").unwrap()),
    };
    person(&app, "lidingo@example.se", None, &[contact]).await;
    let (mut eva, eva_id) = signed_in(&app, "eva@example.se", &[expert()]).await;
    let karin = app.store.jury_members(&Slug::parse(demo::AWARD_SLUG).unwrap(), 2019).await.unwrap();
    let karin = karin.iter().find(|m| m.is_chair).unwrap().user_id;
    let jonas = app.store.user_by_email(&demo::juror_email("Jonas Berg")).await.unwrap().unwrap().id;
    let (eva_s, karin_s, jonas_s) = (eva_id.to_string(), karin.to_string(), jonas.to_string());
    let page = eva.get(VISITS).await;
    page.assert_has("Besöken görs mellan").assert_has("Planera ett besök").assert_has("Jonas Berg");

    let plan = |nominee: &'static str, starts: &'static str, ends: &'static str, people: Vec<&str>| {
        let mut f: Vec<(String, String)> = vec![
            ("nominee".into(), nominee.into()),
            ("starts".into(), starts.into()),
            ("ends".into(), ends.into()),
            ("place".into(), "Stadshuset".into()),
            ("own".into(), "Hur mäter ni effekterna?\nVad gör ni härnäst?".into()),
        ];
        f.extend(people.into_iter().map(|p| ("person".to_owned(), p.to_owned())));
        f
    };

    // Outside August–September: refused, what was typed kept.
    let october = plan("0186", "2019-10-03T10:00", "2019-10-03T14:00", vec![&eva_s]);
    let late = eva.post(VISITS, &fields(&october)).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    late.assert_has("Besöket måste ligga mellan").assert_has(r#"value="2019-10-03T10:00""#);
    // Jonas Berg declared a conflict with Karlskrona.
    let conflicted = plan("1080", "2019-09-10T10:00", "2019-09-10T14:00", vec![&eva_s, &jonas_s]);
    eva.post(VISITS, &fields(&conflicted)).await.assert_has("Jonas Berg har jäv mot kommunen");

    let ok = plan("0186", "2019-09-03T10:00", "2019-09-03T14:00", vec![&eva_s, &karin_s]);
    let planned = eva.post(VISITS, &fields(&ok)).await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    let visit_uri = planned.location().to_owned();
    let mail = app
        .mails()
        .await
        .into_iter()
        .find(|m| m.contains("lidingo@example.se"))
        .expect("the municipality is told");
    assert!(
        mail.contains("3 september 2019 kl. 10.00") && mail.contains("Hur mäter ni effekterna?"),
        "{mail}"
    );

    // Eva cannot be in Umeå at noon the same day.
    let clash = plan("2480", "2019-09-03T12:00", "2019-09-03T16:00", vec![&eva_s]);
    eva.post(VISITS, &fields(&clash)).await.assert_has("är på besök i Lidingö samtidigt");

    // A juror who is not going reads the visit but cannot write its report.
    let (mut mats, _) = signed_in(&app, &demo::juror_email("Mats Öberg"), &[]).await;
    mats.get(&visit_uri).await.assert_has("Inte skriven än").assert_lacks("Spara rapporten");
    let refused = mats.post(&visit_uri, &[("observations", "Jag var inte där")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Eva went: an empty report is refused, a real one kept.
    let empty = eva.post(&visit_uri, &[("answer-0", " "), ("observations", "")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let written = eva
        .post(&visit_uri, &[("answer-0", "Med årliga enkäter."), ("observations", "Engagerad ledning.")])
        .await;
    assert_eq!(written.status, StatusCode::SEE_OTHER);
    mats.get(&visit_uri).await.assert_has("Med årliga enkäter.").assert_has("Skriven av eva");

    // Her calendar: the visit in UTC; a forged link is nothing.
    let page = eva.get(VISITS).await;
    let start = page.body.find("/kalender/besok/").unwrap();
    let link = &page.body[start..];
    let link = &link[..link.find('"').unwrap()];
    let ics = app.get(link).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert_eq!(ics.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(ics.body.contains("DTSTART:20190903T080000Z") && ics.body.contains("Stadshuset"), "{}", ics.body);
    let forged = link.replace(&format!("/{eva_id}/"), &format!("/{karin}/"));
    assert_eq!(app.get(&forged).await.status, StatusCode::NOT_FOUND);

    // A new link ends the old one; so does revoking her role.
    let link = link.to_owned();
    let renewed = eva.post(&format!("{VISITS}/kalender"), &[]).await;
    assert_eq!(renewed.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&link).await.status, StatusCode::NOT_FOUND, "the old link after a new one");
    let page = eva.get(VISITS).await;
    let start = page.body.find("/kalender/besok/").unwrap();
    let fresh = page.body[start..].split('"').next().unwrap().to_owned();
    assert_ne!(fresh, link);
    assert_eq!(app.get(&fresh).await.status, StatusCode::OK);
    for g in app.store.grants_of(eva_id).await.unwrap() {
        app.store.revoke(g.id, &by("org")).await.unwrap();
    }
    assert_eq!(app.get(&fresh).await.status, StatusCode::NOT_FOUND, "the link after revocation");
}

#[tokio::test]
async fn a_conflicted_juror_does_not_see_the_visit() {
    let app = in_depth_review().await;
    let (mut eva, eva_id) = signed_in(&app, "eva@example.se", &[expert()]).await;
    let id = eva_id.to_string();
    let f = [
        ("nominee", "1080"),
        ("starts", "2019-09-10T10:00"),
        ("ends", "2019-09-10T14:00"),
        ("place", "Rådhuset"),
        ("person", id.as_str()),
    ];
    let planned = eva.post(VISITS, &f).await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER);
    let (mut jonas, _) = signed_in(&app, &demo::juror_email("Jonas Berg"), &[]).await;
    assert_eq!(jonas.get(planned.location()).await.status, StatusCode::FORBIDDEN);
    jonas.get(VISITS).await.assert_lacks("Rådhuset");
}

#[tokio::test]
async fn no_visit_is_planned_once_the_winner_is_decided() {
    let app = spawn_app_at(None).await;
    demo::load_at(&*app.store, Phase::Announced, Timestamp::now()).await.unwrap();
    app.sync().await;
    let (mut eva, _) = signed_in(&app, "eva@example.se", &[expert()]).await;
    eva.get(VISITS)
        .await
        .assert_has("Inga fler besök planeras: juryn har fattat sitt beslut.")
        .assert_lacks(r#"name="nominee""#);
    let plan = [
        ("nominee", "0186"),
        ("starts", "2019-09-03T10:00"),
        ("ends", "2019-09-03T14:00"),
        ("place", "Stadshuset"),
    ];
    let before = app.store.visits(&Slug::parse(demo::AWARD_SLUG).unwrap(), 2019).await.unwrap().len();
    let refused = eva.post(VISITS, &plan).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_has("Inga fler besök planeras");
    assert_eq!(app.store.visits(&Slug::parse(demo::AWARD_SLUG).unwrap(), 2019).await.unwrap().len(), before);
}

#[tokio::test]
async fn a_digital_meeting_has_an_https_link_for_those_who_meet_only() {
    let app = in_depth_review().await;
    let contact = Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(juryn_domain::MunicipalityCode::parse("2480").unwrap()),
    };
    person(&app, "umea@example.se", None, &[contact]).await;
    let (mut eva, eva_id) = signed_in(&app, "eva@example.se", &[expert()]).await;
    let meeting = |link: &str| {
        vec![
            ("nominee".to_owned(), "2480".to_owned()),
            ("starts".to_owned(), "2019-09-05T10:00".to_owned()),
            ("ends".to_owned(), "2019-09-05T11:30".to_owned()),
            ("video".to_owned(), link.to_owned()),
            ("own".to_owned(), "Hur når ni dem som inte är digitala?".to_owned()),
            ("person".to_owned(), eva_id.to_string()),
        ]
    };
    // Not https: refused with what to fix, what was typed kept, nothing planned.
    let plain = eva.post(VISITS, &fields(&meeting("http://meet.example.se/umea"))).await;
    assert_eq!(plain.status, StatusCode::UNPROCESSABLE_ENTITY);
    plain.assert_has("ska vara en https-adress").assert_has(r#"value="http://meet.example.se/umea""#);
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let before = app.store.visits(&slug, 2019).await.unwrap().len();
    assert_eq!(app.mails().await.len(), 0);

    let link = "https://meet.example.se/sdk-umea";
    let planned = eva.post(VISITS, &fields(&meeting(link))).await;
    assert_eq!(planned.status, StatusCode::SEE_OTHER, "{}", planned.body);
    assert_eq!(app.store.visits(&slug, 2019).await.unwrap().len(), before + 1);
    let uri = planned.location().to_owned();
    // The municipality is invited to a meeting, not told of a visit, with the link.
    let mail = app.mails().await.into_iter().find(|m| m.contains("umea@example.se")).expect("Umeå is told");
    assert!(mail.contains("digitalt möte") && mail.contains(link), "{mail}");
    assert!(!mail.contains("kommer på besök"), "{mail}");
    // Those who meet see the link; a juror who does not, does not.
    eva.get(&uri)
        .await
        .assert_has("<h1>Digitalt möte med Umeå</h1>")
        .assert_lacks("Besök i Umeå")
        .assert_has(&format!(r#"href="{link}""#));
    let (mut mats, _) = signed_in(&app, &demo::juror_email("Mats Öberg"), &[]).await;
    mats.get(&uri).await.assert_has("Länken visas för mötets deltagare").assert_lacks(link);
    mats.get(VISITS).await.assert_has("Digitalt möte").assert_lacks(link);
    // In the participant's calendar, the link is the event's URL.
    let page = eva.get(VISITS).await;
    let start = page.body.find("/kalender/besok/").unwrap();
    let feed = page.body[start..].split('"').next().unwrap().to_owned();
    let ics = app.get(&feed).await;
    assert!(ics.body.contains(&format!("URL:{link}")), "{}", ics.body);
    assert!(ics.body.contains("SUMMARY:Digitalt möte med Umeå"), "{}", ics.body);
    // The time fields are bounded by the visit window, so the browser offers only its days.
    page.assert_has(r#"min="2019-08-01T00:00""#);
}
