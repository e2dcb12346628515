//! Every form and API body fuzzed: for random routes that take a body (each POST, PUT, DELETE of
//! the route table), random path values, random fields named as the templates name them with
//! random values (empty, huge, negative, dates, markup, control characters, any Unicode), sent
//! as a signed-in organiser with a good CSRF token (so the handlers' own checks run) or as
//! nobody, and random JSON to the API: never a 5xx — a panic would be one, caught and counted.
//! The entry API gets bodies of its own shape besides (with the right version half the time, so
//! the answers themselves are checked, as its key-holding client would send them).
//! `JURYN_FUZZ_CASES` sets the number of cases of each (2,000 by default; `bench/fuzz.sh` runs more).

use axum::body::Body;
use axum::http::{Method, Request, header};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

/// Every field name a template's form sends, so the fuzzed bodies reach the handlers' checks.
fn field_names() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut names = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("templates") {
        let text = std::fs::read_to_string(entry.expect("a template").path()).unwrap_or_default();
        for part in text.split("name=\"").skip(1) {
            if let Some(name) = part.split('"').next()
                && !name.contains('{')
                && !name.is_empty()
            {
                names.insert(name.to_owned());
            }
        }
    }
    names.extend(["score-1", "comment-1", "score-x", "op", "at", "year", "code"].map(String::from));
    names.into_iter().collect()
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2019".to_owned()),
        Just("0186".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999999".to_owned()),
        Just("2019-06-14T10:00".to_owned()),
        Just("digitaliseringskommun".to_owned()),
        Just("submit".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("x".repeat(20_000)),
        Just("a\u{0}b\u{202e}c".to_owned()),
        "\\PC{0,40}",
        any::<i64>().prop_map(|n| n.to_string()),
    ]
}

fn path_value(param: &str, pick: usize) -> &'static str {
    let options: &[&str] = match param {
        "award" => &["digitaliseringskommun", "finns-inte", "A%20B"],
        "year" => &["2019", "2021", "0", "99999", "abc"],
        "code" => &["0186", "9999", "x"],
        _ => &["1", "0", "-5", "abc", "v1.pdf"],
    };
    options[pick % options.len()]
}

fn json_body() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,30}".prop_map(serde_json::Value::from),
    ];
    let value = leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::vec(
                (prop_oneof![Just("answers".to_owned()), Just("submit".to_owned()), "[a-z]{1,8}"], inner),
                0..6
            )
            .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    });
    prop_oneof![value.prop_map(|v| v.to_string()), "\\PC{0,60}", Just("{".to_owned())]
}

/// A case fails on a 5xx, saying what was sent and the start of what came back.
fn no_5xx(method: &Method, path: &str, page: &crate::helpers::Page, sent: &str) -> Result<(), TestCaseError> {
    if !page.status.is_server_error() {
        return Ok(());
    }
    let start = |text: &str| text.chars().take(500).collect::<String>();
    Err(TestCaseError::fail(format!(
        "{method} {path} answered {}: {}\nbody sent: {}",
        page.status,
        start(&page.body),
        start(sent)
    )))
}

#[test]
fn no_form_or_api_body_gets_a_5xx() {
    let cases: u32 = std::env::var("JURYN_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let app = rt.block_on(spawn_app());
    let (cookie, token) = rt.block_on(async {
        person(&app, "admin@example.se", Some(PASSWORD), &[juryn_domain::Grant::organiser()]).await;
        let mut org = app.browser();
        org.sign_in("admin@example.se", PASSWORD).await;
        let token = org.csrf().await;
        let cookie = org.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        (cookie, token)
    });
    let routes: Vec<(Method, &str)> = juryn_web::route_list()
        .into_iter()
        .filter(|(m, _)| *m != Method::GET && *m != Method::HEAD)
        .collect();
    let names = field_names();
    let case = (
        0..routes.len(),
        prop::collection::vec((0..names.len(), value()), 0..8),
        json_body(),
        any::<bool>(),
        any::<usize>(),
    );
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let outcome = runner.run(&case, |(route, fields, json, signed_in, pick)| {
        let (method, template) = &routes[route];
        let path = template
            .split('/')
            .enumerate()
            .map(|(i, seg)| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(param) => path_value(param, pick.wrapping_add(i)).to_owned(),
                None => seg.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/");
        let api = path.starts_with("/api/");
        let body = if api {
            json
        } else {
            let mut form = vec![("csrf".to_owned(), token.clone())];
            form.extend(fields.iter().map(|(name, value)| (names[*name].clone(), value.clone())));
            serde_urlencoded::to_string(&form).expect("a form")
        };
        let mut req = Request::builder()
            .method(method.clone())
            .uri(&path)
            .header(header::ORIGIN, "http://juryn.test")
            .header(
                header::CONTENT_TYPE,
                if api { "application/json" } else { "application/x-www-form-urlencoded" },
            );
        if signed_in {
            req = req.header(header::COOKIE, &cookie);
        }
        let page = rt.block_on(app.request(req.body(Body::from(body.clone())).expect("request")));
        no_5xx(method, &path, &page, &body)
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

/// One answer as an API client might send it: text (short, long, markup, control characters),
/// a number, a level map, or nonsense.
fn api_answer() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    prop_oneof![
        "\\PC{0,80}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("ord ".repeat(3_000))),
        Just(serde_json::Value::from("**fet** [länk](javascript:alert(1)) <b>x</b>")),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(serde_json::Value::Null),
        Just(json!({"levels": {"1": "helt", "2": "delvis", "99": "kanske"}})),
        prop::collection::vec("[a-z0-9]{0,6}", 0..4).prop_map(|v| json!(v)),
    ]
}

/// Bodies for the entry API shaped like the real thing (`version`, `answers`, `consent`), the
/// version right about half the time so the answers themselves are checked, or any JSON at all.
fn api_entry_body() -> impl Strategy<Value = (bool, String)> {
    let shaped = (
        any::<bool>(),
        any::<i64>(),
        prop::collection::vec(api_answer(), 0..6),
        prop_oneof![
            Just(None),
            any::<bool>().prop_map(|b| Some(serde_json::json!(b))),
            Just(Some(serde_json::json!("ja")))
        ],
    )
        .prop_map(|(right_version, version, answers, consent)| {
            let mut body = serde_json::json!({"version": version, "answers": answers});
            if let Some(c) = consent {
                body["consent"] = c;
            }
            (right_version, body.to_string())
        });
    prop_oneof![4 => shaped, 1 => json_body().prop_map(|b| (false, b))]
}

#[test]
fn no_entry_api_body_gets_a_5xx() {
    const ENTRY: &str = "/api/v1/awards/digitaliseringskommun/editions/2019/entries/0584";
    let cases: u32 = std::env::var("JURYN_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let app = rt.block_on(crate::helpers::spawn_app_at(Some("2019-03-01T10:00:00Z")));
    let key = rt.block_on(async {
        let contact = juryn_domain::Grant {
            role: juryn_domain::Role::EntrantContact,
            scope: juryn_domain::Scope::Edition(
                juryn_domain::Slug::parse("digitaliseringskommun").unwrap(),
                2019,
            ),
            municipality: Some(juryn_domain::MunicipalityCode::parse("0584").unwrap()),
        };
        person(&app, "kontakt@vadstena.se", Some(PASSWORD), &[contact]).await;
        let mut b = app.browser();
        b.sign_in("kontakt@vadstena.se", PASSWORD).await;
        let page = b.post("/konto/api-nyckel", &[("name", "Fuzz")]).await;
        let start =
            page.body.find(r#"<code class="key">"#).expect("the new key") + r#"<code class="key">"#.len();
        page.body[start..start + 43].to_owned()
    });
    // How many were saved and how many refused as unprocessable: the bodies must reach the
    // answers' checks, not stop at the door.
    let (saved, refused) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let outcome = runner.run(&(any::<bool>(), api_entry_body()), |(submit, (right_version, body))| {
        let mut client = app.browser();
        let body = if right_version {
            let current = rt.block_on(client.json_request(Method::GET, ENTRY, "", Some(&key))).json();
            let mut shaped: serde_json::Value = serde_json::from_str(&body).expect("a shaped body");
            shaped["version"] = current["version"].clone();
            shaped.to_string()
        } else {
            body
        };
        let (method, uri) =
            if submit { (Method::POST, format!("{ENTRY}/submit")) } else { (Method::PUT, ENTRY.to_owned()) };
        let page = rt.block_on(client.json_request(method.clone(), &uri, &body, Some(&key)));
        match page.status.as_u16() {
            200 => saved.set(saved.get() + 1),
            422 => refused.set(refused.get() + 1),
            _ => {}
        }
        no_5xx(&method, &uri, &page, &body)
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    assert!(
        saved.get() > 0 && refused.get() > 0,
        "saved {} and refused {}: the fuzz does not reach the checks",
        saved.get(),
        refused.get()
    );
}
