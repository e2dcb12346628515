//! The public jury edited by the organiser: profiles added, changed, ordered and removed, shown
//! on the jury's page in that order; a profile linked to an account gives that juror automatic
//! conflicts from where they live and work, which follow every change.

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::{TestApp, new_edition_2021, person, spawn_empty_app};

const PASSWORD: &str = "correct horse battery staple";
const EDITOR: &str = "/admin/testpriset/2021/jury/profiler";

fn slug() -> Slug {
    Slug::parse("testpriset").unwrap()
}

fn profile<'a>(name: &'a str, title: &'a str, home: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("op", "add"),
        ("name", name),
        ("title_sv", title),
        ("organisation", "Exempelorganisationen"),
        ("home", home),
    ]
}

async fn names(app: &TestApp) -> Vec<String> {
    app.store.jury(&slug(), 2021).await.unwrap().into_iter().map(|j| j.name).collect()
}

#[tokio::test]
async fn the_organiser_presents_the_jury_in_their_own_order() {
    let app = spawn_empty_app().await;
    let mut org = new_edition_2021(&app).await;
    org.get(EDITOR).await.assert_has("<h1>Juryn som den visas, Testpriset 2021</h1>");
    let mut chair = profile("Karin Ekholm", "Digitaliseringsdirektör", "Umeå");
    chair.push(("chair", "on"));
    assert_eq!(org.post(EDITOR, &chair).await.status, StatusCode::SEE_OTHER);
    org.post(EDITOR, &profile("Anders Wikström", "CIO", "2380")).await;
    assert_eq!(names(&app).await, ["Karin Ekholm", "Anders Wikström"]);
    let public = app.get("/testpriset/2021/jury").await;
    public
        .assert_has("Karin Ekholm <span class=\"chair\">(ordförande)</span>")
        .assert_has("CIO, Exempelorganisationen");
    // Where they live is never public.
    public.assert_lacks("Umeå").assert_lacks("Östersund");

    let ids: Vec<i64> = app.store.jury_profiles(&slug(), 2021).await.unwrap().iter().map(|p| p.id).collect();
    org.post(EDITOR, &[("op", "up"), ("id", &ids[1].to_string())]).await;
    assert_eq!(names(&app).await, ["Anders Wikström", "Karin Ekholm"]);
    app.get("/testpriset/2021/jury").await.assert_has("Anders Wikström");
    // Changed in place: the form shows it as typed, and the name may change.
    let form = org.get(&format!("{EDITOR}?andra={}", ids[1])).await;
    form.assert_has(r#"value="Anders Wikström""#).assert_has(r#"value="Östersund""#);
    let renamed = org
        .post(
            EDITOR,
            &[
                ("op", "save"),
                ("id", &ids[1].to_string()),
                ("name", "Anders Wikström Berg"),
                ("title_sv", "CIO"),
            ],
        )
        .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER);
    assert_eq!(names(&app).await, ["Anders Wikström Berg", "Karin Ekholm"]);
    org.post(EDITOR, &[("op", "delete"), ("id", &ids[0].to_string())]).await;
    assert_eq!(names(&app).await, ["Anders Wikström Berg"]);
    org.get("/admin/logg").await.assert_has("juror.profile.add").assert_has("juror.profile.remove");
}

#[tokio::test]
async fn bad_profiles_are_refused_with_what_was_typed_kept() {
    let app = spawn_empty_app().await;
    let mut org = new_edition_2021(&app).await;
    org.post(EDITOR, &profile("Karin Ekholm", "Ordförande", "Umeå")).await;
    let generation = app.store.generation().await.unwrap();
    let long = "x".repeat(10_000);
    for (form, says, kept) in [
        (profile("", "Titel", "Umeå"), "Namn måste fyllas i.", "Titel"),
        (
            profile("Sofia Lind", "Titel", "Atlantis"),
            "”Atlantis” är ingen kommun vi känner till",
            "Sofia Lind",
        ),
        (
            profile("Karin Ekholm", "Ny titel", ""),
            "Det finns redan en jurymedlem som heter Karin Ekholm",
            "Ny titel",
        ),
        (profile(&long, "Titel", ""), "Namn får vara högst 200 tecken.", "Titel"),
    ] {
        let page = org.post(EDITOR, &form).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        page.assert_has(says).assert_has(&format!(r#"value="{kept}""#));
    }
    let mut stranger = profile("Sofia Lind", "Titel", "");
    stranger.push(("account", "999"));
    org.post(EDITOR, &stranger).await.assert_has("Kontot har ingen roll i juryn");
    assert_eq!(app.store.generation().await.unwrap(), generation, "nothing was written");
    assert_eq!(org.get(&format!("{EDITOR}?andra=999")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(org.post(EDITOR, &[("op", "delete"), ("id", "999")]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_linked_profile_gives_its_juror_conflicts_that_follow_each_change() {
    let app = spawn_empty_app().await;
    let mut org = new_edition_2021(&app).await;
    let juror = person(
        &app,
        "juror@example.se",
        Some(PASSWORD),
        &[Grant { role: Role::Juror, scope: Scope::Edition(slug(), 2021), municipality: None }],
    )
    .await;
    let conflicts = || async {
        let mut c: Vec<String> =
            app.store.conflicts_of(juror).await.unwrap().into_iter().map(|(_, _, m)| m.to_string()).collect();
        c.sort();
        c
    };
    let mut linked = profile("Leila Haddad", "Forskare", "Umeå");
    linked.extend([("employer", "Nacka"), ("account", Box::leak(juror.to_string().into_boxed_str()))]);
    assert_eq!(org.post(EDITOR, &linked).await.status, StatusCode::SEE_OTHER);
    let umea = MunicipalityCode::parse("2480").unwrap().to_string();
    let nacka = MunicipalityCode::parse("0182").unwrap().to_string();
    assert_eq!(conflicts().await, [nacka.clone(), umea.clone()]);
    org.get("/admin/testpriset/2021/jury").await.assert_has("Leila Haddad");
    // Moving house moves the conflict; removing the profile lifts it.
    let id = app.store.jury_profiles(&slug(), 2021).await.unwrap()[0].id.to_string();
    let mut moved = linked.clone();
    moved[0] = ("op", "save");
    moved.push(("id", &id));
    moved.retain(|(k, _)| *k != "home");
    moved.push(("home", "Luleå"));
    org.post(EDITOR, &moved).await;
    assert_eq!(conflicts().await, [nacka, "2580".to_owned()]);
    org.post(EDITOR, &[("op", "delete"), ("id", &id)]).await;
    assert!(conflicts().await.is_empty());
}
