//! The authorisation matrix: every route of the router's own table, asked by every kind of
//! visitor, gets the answer written here. A route added without a row here fails the test.

use std::collections::BTreeMap;

use axum::http::{Method, StatusCode};
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::{Browser, Page, TestApp, person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

/// What a visitor gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The page or action (whatever its status, it is not a refusal).
    Ok,
    /// Sent to sign in.
    SignIn,
    Forbidden,
    NotFound,
}

use crate::helpers::by;
use Expect::{Forbidden as F, NotFound as N, Ok as A, SignIn as S};

/// The jurors: one with no assignments ("0 av 0"), one of the demo's who has submitted every
/// review (the only kind the ranking is for), and one conflicted with Lidingö, a nominee.
const VISITORS: [&str; 8] = [
    "anonymous",
    "contact of Karlstad",
    "juror",
    "juror who has submitted",
    "conflicted juror",
    "expert",
    "chair",
    "organiser",
];

/// The expected answer per visitor, in the order of `VISITORS`.
fn expectations() -> BTreeMap<(Method, &'static str), [Expect; 8]> {
    let all = |e| [e; 8];
    let signed_in = [S, A, A, A, A, A, A, A];
    let organisers = [S, F, F, F, F, F, F, A];
    BTreeMap::from([
        ((Method::GET, "/"), all(A)),
        ((Method::GET, "/kommuner"), all(A)),
        ((Method::GET, "/kommuner/{code}"), all(A)),
        ((Method::GET, "/{award}"), all(A)),
        ((Method::GET, "/{award}/{year}"), all(A)),
        // The demo's award has no logo.
        ((Method::GET, "/{award}/logotyp"), all(N)),
        ((Method::GET, "/{award}/{year}/jury"), all(A)),
        ((Method::GET, "/{award}/{year}/program"), all(A)),
        ((Method::GET, "/{award}/{year}/program.ics"), all(A)),
        ((Method::GET, "/{award}/{year}/tidsplan.ics"), all(A)),
        ((Method::GET, "/{award}/{year}/nyheter.atom"), all(A)),
        // Not published in the test's demo: no such file yet, for anyone.
        ((Method::GET, "/{award}/{year}/oppna-data/bidrag.json"), all(N)),
        ((Method::GET, "/{award}/{year}/oppna-data/bidrag.csv"), all(N)),
        // No booklet is published in the test's demo either (tests/web/booklet.rs publishes one).
        ((Method::GET, "/{award}/{year}/skrift.pdf"), all(N)),
        ((Method::GET, "/{award}/{year}/skrift"), all(N)),
        ((Method::GET, "/{award}/{year}/skrift/{item}"), all(N)),
        // Search: everyone searches; what each finds is tested in search.rs.
        ((Method::GET, "/sok"), all(A)),
        ((Method::GET, "/api/v1/search"), all(A)),
        // The pulse: not public before the booklet (the organisers see it before); the
        // award's trend lists the public editions (none yet); no such CSV file.
        ((Method::GET, "/{award}/{year}/pulsen"), [N, N, N, N, N, N, N, A]),
        ((Method::GET, "/{award}/{year}/pulsen/{file}"), all(N)),
        ((Method::GET, "/{award}/pulsen"), all(A)),
        ((Method::GET, "/{award}/pulsen/{file}"), all(N)),
        ((Method::GET, "/api/v1/awards/{award}/editions/{year}"), all(A)),
        ((Method::GET, "/api/{*rest}"), all(N)),
        ((Method::GET, "/api/openapi.json"), all(A)),
        ((Method::GET, "/api/v1/awards/{award}/editions/{year}/questionnaire"), all(A)),
        // Entries through the API need an API key, never a browser's cookie (tests/web/api.rs).
        ((Method::GET, "/api/v1/awards/{award}/editions/{year}/entries/{code}"), all(S)),
        ((Method::PUT, "/api/v1/awards/{award}/editions/{year}/entries/{code}"), all(S)),
        ((Method::POST, "/api/v1/awards/{award}/editions/{year}/entries/{code}/submit"), all(S)),
        ((Method::POST, "/konto/api-nyckel"), signed_in),
        // Revoking a key: one's own only; this id is no one's key.
        ((Method::POST, "/konto/api-nyckel/{id}/aterkalla"), [S, N, N, N, N, N, N, N]),
        ((Method::GET, "/static/juryn.css"), all(A)),
        ((Method::GET, "/static/juryn.js"), all(A)),
        ((Method::GET, "/favicon.svg"), all(A)),
        ((Method::GET, "/favicon.ico"), all(A)),
        ((Method::GET, "/health"), all(A)),
        ((Method::GET, "/ready"), all(A)),
        ((Method::GET, "/logga-in"), all(A)),
        ((Method::POST, "/logga-in"), all(A)),
        ((Method::POST, "/logga-ut"), all(A)),
        ((Method::POST, "/logga-in/lank"), all(A)),
        // No identity provider is configured in the matrix's app: these addresses do not exist
        // (tests/web/oidc.rs signs in through one).
        ((Method::GET, "/logga-in/oidc"), all(N)),
        ((Method::GET, "/logga-in/oidc/tillbaka"), all(N)),
        ((Method::GET, "/logga-in/lank/{token}"), all(N)),
        ((Method::POST, "/logga-in/lank/{token}"), all(N)),
        ((Method::GET, "/glomt-losenord"), all(A)),
        ((Method::POST, "/glomt-losenord"), all(A)),
        ((Method::GET, "/aterstall/{token}"), all(N)),
        ((Method::POST, "/aterstall/{token}"), all(N)),
        ((Method::GET, "/inbjudan/{token}"), all(N)),
        ((Method::POST, "/inbjudan/{token}"), all(N)),
        ((Method::GET, "/konto"), signed_in),
        ((Method::POST, "/konto"), signed_in),
        ((Method::GET, "/admin"), organisers),
        ((Method::GET, "/admin/personer"), organisers),
        ((Method::POST, "/admin/personer/bjud-in"), organisers),
        ((Method::GET, "/admin/personer/{user}"), organisers),
        ((Method::GET, "/admin/personer/{user}/export"), organisers),
        ((Method::GET, "/admin/logg"), organisers),
        // The mail queue spans every award: the installation's organisers (the matrix's
        // organiser is one; tests/web/post.rs refuses an award's). No message has this id.
        ((Method::GET, "/admin/post"), organisers),
        ((Method::POST, "/admin/post/igen"), organisers),
        ((Method::POST, "/admin/post/{id}/igen"), [S, F, F, F, F, F, F, N]),
        ((Method::GET, "/admin/utmarkelser/ny"), organisers),
        ((Method::POST, "/admin/utmarkelser"), organisers),
        ((Method::GET, "/admin/utmarkelser/{award}"), organisers),
        ((Method::POST, "/admin/utmarkelser/{award}"), organisers),
        ((Method::POST, "/admin/utmarkelser/{award}/omgang"), organisers),
        ((Method::POST, "/admin/utmarkelser/{award}/logotyp"), organisers),
        ((Method::GET, "/admin/utmarkelser/{award}/vinnare"), organisers),
        ((Method::POST, "/admin/utmarkelser/{award}/vinnare"), organisers),
        ((Method::POST, "/admin/utmarkelser/{award}/vinnare/import"), organisers),
        ((Method::POST, "/admin/behorigheter/{grant}/aterkalla"), organisers),
        ((Method::POST, "/admin/personer/{user}/radera"), organisers),
        // Only contacts have a portal.
        ((Method::GET, "/portal"), [S, A, F, F, F, F, F, F]),
        // Lidingö's entry, by id: not for Karlstad's contact, nor for a juror with a conflict;
        // an expert reads it because Lidingö is a nominee.
        ((Method::GET, "/portal/bidrag/{id}"), [S, F, A, A, F, A, A, A]),
        // Writing it: only Lidingö's contacts and the organisers (here the call has closed, so
        // the organiser's save is refused as too late, not as forbidden).
        ((Method::POST, "/portal/bidrag/{id}"), [S, F, F, F, F, F, F, A]),
        ((Method::POST, "/portal/bidrag/{id}/samtycke"), [S, F, F, F, F, F, F, A]),
        ((Method::POST, "/portal/bidrag/{id}/skriften"), [S, F, F, F, F, F, F, A]),
        // The demo's edition has no follow-up: no such page, for those who may write the entry.
        ((Method::GET, "/portal/bidrag/{id}/uppfoljning"), [S, F, F, F, F, F, F, N]),
        ((Method::POST, "/portal/bidrag/{id}/uppfoljning"), [S, F, F, F, F, F, F, N]),
        // A saved version: the entry's writers only (the demo's entry has no saved version 1).
        ((Method::GET, "/portal/bidrag/{id}/versioner/{n}"), [S, F, F, F, F, F, F, N]),
        ((Method::POST, "/portal/bidrag/{id}/versioner/{n}"), [S, F, F, F, F, F, F, N]),
        ((Method::GET, "/{award}/{year}/nominera"), all(A)),
        ((Method::GET, "/{award}/{year}/anmal"), all(A)),
        ((Method::POST, "/{award}/{year}/anmal"), all(A)),
        ((Method::POST, "/{award}/{year}/nominera"), all(A)),
        ((Method::GET, "/nominering/{token}"), all(N)),
        ((Method::POST, "/nominering/{token}"), all(N)),
        ((Method::GET, "/admin/{award}/{year}"), organisers),
        ((Method::GET, "/admin/{award}/{year}/nomineringar"), organisers),
        ((Method::POST, "/admin/{award}/{year}/nomineringar"), organisers),
        ((Method::GET, "/admin/{award}/{year}/bidrag"), organisers),
        ((Method::GET, "/admin/{award}/{year}/enkat"), organisers),
        ((Method::POST, "/admin/{award}/{year}/enkat"), organisers),
        ((Method::GET, "/admin/{award}/{year}/utlysning"), organisers),
        ((Method::POST, "/admin/{award}/{year}/utlysning"), organisers),
        ((Method::GET, "/admin/{award}/{year}/paminnelser"), organisers),
        ((Method::POST, "/admin/{award}/{year}/paminnelser"), organisers),
        ((Method::GET, "/admin/{award}/{year}/jury"), organisers),
        ((Method::POST, "/admin/{award}/{year}/jury"), organisers),
        ((Method::GET, "/admin/{award}/{year}/jury/profiler"), organisers),
        ((Method::POST, "/admin/{award}/{year}/jury/profiler"), organisers),
        ((Method::GET, "/admin/{award}/{year}/tilldelning"), organisers),
        ((Method::POST, "/admin/{award}/{year}/tilldelning"), organisers),
        ((Method::GET, "/admin/{award}/{year}/jav"), organisers),
        ((Method::POST, "/admin/{award}/{year}/jav"), organisers),
        ((Method::GET, "/admin/{award}/{year}/jav.csv"), organisers),
        ((Method::GET, "/admin/{award}/{year}/kriterier"), organisers),
        ((Method::POST, "/admin/{award}/{year}/kriterier"), organisers),
        ((Method::GET, "/admin/{award}/{year}/omgangar"), organisers),
        ((Method::POST, "/admin/{award}/{year}/omgangar"), organisers),
        ((Method::GET, "/admin/{award}/{year}/uppfoljning"), organisers),
        ((Method::GET, "/admin/{award}/{year}/gemensamma"), organisers),
        ((Method::POST, "/admin/{award}/{year}/gemensamma"), organisers),
        ((Method::POST, "/admin/{award}/{year}/uppfoljning"), organisers),
        ((Method::POST, "/admin/{award}/{year}/uppfoljning/import"), organisers),
        ((Method::GET, "/admin/{award}/{year}/nominerade"), organisers),
        ((Method::POST, "/admin/{award}/{year}/nominerade"), organisers),
        ((Method::GET, "/admin/{award}/{year}/oppna-data"), organisers),
        ((Method::POST, "/admin/{award}/{year}/oppna-data"), organisers),
        ((Method::GET, "/admin/{award}/{year}/skrift"), organisers),
        ((Method::POST, "/admin/{award}/{year}/skrift"), organisers),
        ((Method::POST, "/admin/{award}/{year}/skrift/publicera"), organisers),
        ((Method::POST, "/admin/{award}/{year}/skrift/omslag"), organisers),
        ((Method::GET, "/admin/{award}/{year}/skrift/{file}"), organisers),
        ((Method::GET, "/admin/{award}/{year}/bidrag/{code}"), organisers),
        ((Method::GET, "/admin/{award}/{year}/bidrag/{code}/komplettering"), organisers),
        ((Method::POST, "/admin/{award}/{year}/bidrag/{code}/komplettering"), organisers),
        ((Method::GET, "/admin/{award}/{year}/halltider"), organisers),
        ((Method::POST, "/admin/{award}/{year}/halltider"), organisers),
        // The demo's timeline has no moved milestone: nothing to tell of, for an organiser.
        ((Method::GET, "/admin/{award}/{year}/halltider/meddela/{index}"), [S, F, F, F, F, F, F, N]),
        ((Method::POST, "/admin/{award}/{year}/halltider/meddela/{index}"), [S, F, F, F, F, F, F, N]),
        ((Method::GET, "/admin/{award}/{year}/program"), organisers),
        ((Method::POST, "/admin/{award}/{year}/program"), organisers),
        ((Method::GET, "/admin/{award}/{year}/beslut"), organisers),
        ((Method::POST, "/admin/{award}/{year}/beslut"), organisers),
        ((Method::GET, "/admin/{award}/{year}/bedomningar.csv"), organisers),
        ((Method::GET, "/admin/{award}/{year}/bedomningar.xlsx"), organisers),
        // The jury's area lists a person's own roles in juries (none is an answer too).
        ((Method::GET, "/jury"), signed_in),
        ((Method::GET, "/jury/{award}/{year}"), [S, F, A, A, A, A, A, A]),
        ((Method::GET, "/jury/{award}/{year}/bidrag/{code}"), [S, F, A, A, F, A, A, A]),
        // Scoring Lidingö: jurors and the chair without a conflict (the empty form is a 400).
        ((Method::POST, "/jury/{award}/{year}/bidrag/{code}/bedomning"), [S, F, A, A, F, F, A, F]),
        // The discussion: jurors once their own review is submitted (the second juror's is),
        // organisers; never experts.
        ((Method::POST, "/jury/{award}/{year}/bidrag/{code}/diskussion"), [S, F, F, A, F, F, F, A]),
        ((Method::GET, "/jury/{award}/{year}/jav"), [S, F, A, A, A, F, A, F]),
        ((Method::POST, "/jury/{award}/{year}/jav"), [S, F, A, A, A, F, A, F]),
        // The ranking: for jurors who have submitted at least one review and all of theirs
        // (none of the others here has an assignment), and organisers.
        ((Method::GET, "/jury/{award}/{year}/rangordning"), [S, F, F, A, F, F, F, A]),
        // The chair here has reviewed nothing, so the shortlist (which shows the ranking) is
        // refused as the ranking is; tests/web/trust_jury.rs has a chair with reviews left.
        ((Method::GET, "/jury/{award}/{year}/slutnominering"), [S, F, F, F, F, F, F, F]),
        ((Method::GET, "/jury/{award}/{year}/besok"), [S, F, A, A, A, A, A, A]),
        // The meeting: the jury and organisers (the empty form is a 400).
        ((Method::GET, "/jury/{award}/{year}/mote"), [S, F, A, A, A, F, A, A]),
        ((Method::POST, "/jury/{award}/{year}/mote"), [S, F, A, A, A, F, A, A]),
        // Planning: experts, the chair, organisers (the empty form is a 422).
        ((Method::POST, "/jury/{award}/{year}/besok"), [S, F, F, F, F, A, A, A]),
        // No visit 1 exists here: 404 for everyone who may open the jury's area.
        ((Method::GET, "/jury/{award}/{year}/besok/{id}"), [S, F, N, N, N, N, N, N]),
        ((Method::POST, "/jury/{award}/{year}/besok/{id}"), [S, F, N, N, N, N, N, N]),
        // A calendar link is valid only with its signature: a made-up one is 404 for anyone.
        ((Method::GET, "/kalender/besok/{user}/{signature}"), all(N)),
        // A new calendar link: for whoever opens the jury's area.
        ((Method::POST, "/jury/{award}/{year}/besok/kalender"), [S, F, A, A, A, A, A, A]),
        ((Method::POST, "/jury/{award}/{year}/slutnominering"), [S, F, F, F, F, F, F, F]),
    ])
}

/// Writes a route's path with sample values.
fn sample(path: &str, ids: &Ids) -> String {
    path.replace("{award}", "digitaliseringskommun")
        .replace("{year}", "2019")
        .replace("{code}", "0186")
        .replace("{item}", "0186")
        .replace("{file}", "forhandsgranskning.pdf")
        .replace("{id}", &ids.lidingo_entry.to_string())
        .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .replace("{user}", &ids.victim.to_string())
        .replace("{grant}", &ids.victim_grant.to_string())
        .replace("{*rest}", "nothing")
        .replace("{n}", "1")
        .replace("{index}", "0")
        .replace("{signature}", "0000000000000000000000000000000000000000000000000000000000000000")
}

struct Ids {
    lidingo_entry: i64,
    victim: i64,
    victim_grant: i64,
}

fn edition() -> Scope {
    Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019)
}

fn role(r: Role) -> Grant {
    Grant { role: r, scope: edition(), municipality: None }
}

async fn visitors(app: &TestApp) -> Vec<Browser<'_>> {
    let karlstad = Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(MunicipalityCode::parse("1780").unwrap()),
    };
    let people: [(&str, Vec<Grant>); 7] = [
        ("karlstad@example.se", vec![karlstad]),
        ("juror@example.se", vec![role(Role::Juror)]),
        ("done@example.se", vec![role(Role::Juror)]),
        ("conflicted@example.se", vec![role(Role::Juror)]),
        ("expert@example.se", vec![role(Role::Expert)]),
        ("chair@example.se", vec![role(Role::JuryChair)]),
        ("organiser@example.se", vec![Grant::organiser()]),
    ];
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let mut out = vec![app.browser()];
    for (email, grants) in people {
        let id = person(app, email, Some(PASSWORD), &grants).await;
        if email.starts_with("done") {
            submit_a_review(app, &slug, id).await;
        }
        if email.starts_with("conflicted") {
            let lidingo = MunicipalityCode::parse("0186").unwrap();
            let set = juryn_domain::conflict::Ruling::Set {
                municipality: lidingo,
                reason: "bor i kommunen".into(),
            };
            app.store.add_ruling(&slug, 2019, id, &set, None, &by("test")).await.unwrap();
        }
        let mut b = app.browser();
        assert_eq!(b.sign_in(email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{email} signs in");
        out.push(b);
    }
    out
}

/// Gives the juror Lidingö's entry (the one the matrix's routes name) and submits a review of
/// it, as if in the round (the demo's edition is past it: the phase is moved back for the write
/// and restored). So this juror is "after their own submission" on that entry.
async fn submit_a_review(app: &TestApp, slug: &Slug, id: i64) {
    let lidingo = MunicipalityCode::parse("0186").unwrap();
    let phase = app.store.edition(slug, 2019).await.unwrap().unwrap().phase;
    app.force_phase(slug, 2019, juryn_domain::Phase::Shortlisting).await;
    app.store.set_assigned(slug, 2019, id, lidingo, true, &by("test")).await.unwrap().unwrap();
    let scores = app
        .store
        .criteria_with_ids(slug, 2019)
        .await
        .unwrap()
        .iter()
        .map(|(k, _)| juryn_domain::review::Score { criterion: *k, score: Some(4), comment: String::new() })
        .collect();
    let save = juryn_store::ReviewSave { scores, overall: String::new(), submit: true };
    app.store.save_review(slug, 2019, id, lidingo, &save, &by("test")).await.unwrap().unwrap();
    app.force_phase(slug, 2019, phase).await;
    app.sync().await;
}

fn classify(page: &Page) -> Expect {
    match page.status {
        StatusCode::FORBIDDEN => F,
        StatusCode::UNAUTHORIZED
            if page.headers.get("content-type").is_some_and(|c| c == "application/json") =>
        {
            S
        }
        StatusCode::NOT_FOUND => N,
        StatusCode::SEE_OTHER if page.location().starts_with("/logga-in?nasta=") => S,
        s if s.is_server_error() => panic!("a server error: {s}\n{}", page.body),
        _ => A,
    }
}

#[tokio::test]
async fn every_route_answers_every_visitor_as_the_matrix_says() {
    let app = spawn_app().await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let lidingo = MunicipalityCode::parse("0186").unwrap();
    let victim = person(&app, "victim@example.se", Some(PASSWORD), &[role(Role::Expert)]).await;
    let ids = Ids {
        lidingo_entry: app.store.entry_id(&slug, 2019, lidingo).await.unwrap().unwrap(),
        victim,
        victim_grant: app.store.grants_of(victim).await.unwrap()[0].id,
    };
    let mut visitors = visitors(&app).await;
    let expected = expectations();

    let mut routes = juryn_web::route_list();
    // Actions that change what the others would see go last: revoking, erasing, signing out.
    routes.sort_by_key(|(m, p)| {
        (
            *m == Method::POST
                && (p.contains("aterkalla") || p.contains("radera") || p.ends_with("logga-ut")),
            *p,
        )
    });
    let mut failures = Vec::new();
    for (method, path) in &routes {
        let Some(row) = expected.get(&(method.clone(), *path)) else {
            failures.push(format!("no expectation for {method} {path}: add a row to the matrix"));
            continue;
        };
        let uri = sample(path, &ids);
        for (i, visitor) in visitors.iter_mut().enumerate() {
            let page = match *method {
                Method::GET => visitor.get(&uri).await,
                Method::PUT => visitor.put_json(&uri, "{}").await,
                _ if uri.starts_with("/api/") => visitor.post_json(&uri, "{}").await,
                _ => visitor.post(&uri, &[]).await,
            };
            let got = classify(&page);
            if got != row[i] {
                let heading = page.body.lines().find(|l| l.contains("<h1>")).unwrap_or("").trim().to_owned();
                failures.push(format!(
                    "{method} {uri} as {}: expected {:?}, got {got:?} ({} {heading})",
                    VISITORS[i], row[i], page.status
                ));
            }
        }
    }
    for (method, path) in expected.keys() {
        if !routes.iter().any(|(m, p)| m == method && p == path) {
            failures.push(format!("the matrix has a row for {method} {path}, which is not a route"));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
    assert!(routes.len() >= 35, "the table lists every route ({})", routes.len());
}

#[tokio::test]
async fn what_a_conflicted_juror_cannot_read_is_not_listed_either() {
    let app = spawn_app().await;
    let mut b = visitors(&app).await.remove(4);
    let page = b.get("/jury/digitaliseringskommun/2019").await;
    page.assert_lacks(r#"href="/jury/digitaliseringskommun/2019/bidrag/0186""#)
        .assert_has(r#"href="/jury/digitaliseringskommun/2019/bidrag/1780""#)
        .assert_has("jäv");
}

#[tokio::test]
async fn every_post_route_refuses_a_form_without_its_csrf_token() {
    let app = spawn_app().await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let lidingo = MunicipalityCode::parse("0186").unwrap();
    let victim = person(&app, "victim@example.se", Some(PASSWORD), &[role(Role::Expert)]).await;
    let ids = Ids {
        lidingo_entry: app.store.entry_id(&slug, 2019, lidingo).await.unwrap().unwrap(),
        victim,
        victim_grant: app.store.grants_of(victim).await.unwrap()[0].id,
    };
    let mut organiser = visitors(&app).await.pop().unwrap();
    let mut other = app.browser();
    let foreign = other.csrf().await;
    // The API takes no cookies (it needs a key), so it needs no CSRF token either.
    let posts: Vec<_> = juryn_web::route_list()
        .into_iter()
        .filter(|(m, p)| *m == Method::POST && !p.starts_with("/api/"))
        .collect();
    assert!(posts.len() >= 10);
    for (_, path) in posts {
        let uri = sample(path, &ids);
        for body in [String::new(), format!("csrf={foreign}"), "csrf=".to_owned()] {
            let page = organiser.post_raw(&uri, body.clone()).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "POST {uri} with {body:?}");
        }
    }
    assert_eq!(app.store.grants_of(victim).await.unwrap().len(), 1, "nothing was changed");
}
