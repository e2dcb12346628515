//! Every form and API body fuzzed: for random routes that take a body (each POST, PUT, DELETE of
//! the route table), random path values, random fields named as the templates name them with
//! random values (empty, huge, negative, dates, markup, control characters, any Unicode), sent
//! as a signed-in organiser with a good CSRF token (so the handlers' own checks run) or as
//! nobody, and random JSON to the API: never a 5xx — a panic would be one, caught and counted.
//! `JURYN_FUZZ_CASES` sets the number of cases (2,000 by default; `bench/fuzz.sh` runs more).

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
        if page.status.is_server_error() {
            return Err(TestCaseError::fail(format!(
                "{method} {path} answered {}: {}\nbody sent: {}",
                page.status,
                &page.body[..page.body.len().min(500)],
                &body[..body.len().min(500)]
            )));
        }
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
