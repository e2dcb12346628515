//! Sign-in through an OpenID Connect provider. The provider here is a small one on loopback,
//! built from openidconnect's own provider types and a test RSA key: juryn discovers it, sends
//! the person there, exchanges the code over HTTP with its PKCE verifier and checks the signed ID
//! token, as with any provider. It can also misbehave — a wrong nonce, an unverified address —
//! which a real provider would not do on request. (The browser check signs in through npm's
//! oidc-provider.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use base64::Engine;
use juryn_domain::Grant;
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreIdTokenFields, CoreJsonWebKeySet, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreResponseType, CoreRsaPrivateSigningKey, CoreSubjectIdentifierType,
    CoreTokenResponse, CoreTokenType,
};
use openidconnect::{
    AccessToken, Audience, AuthUrl, EmptyAdditionalClaims, EmptyAdditionalProviderMetadata,
    EmptyExtraTokenFields, EndUserEmail, IssuerUrl, JsonWebKeyId, JsonWebKeySetUrl, Nonce, PrivateSigningKey,
    ResponseTypes, StandardClaims, SubjectIdentifier, TokenUrl,
};
use sha2::Digest;

use crate::helpers::{TestApp, person, spawn_app};
use juryn_web::oidc::OidcSettings;

const KEY: &str = include_str!("oidc_test_key.pem");
const CLIENT: &str = "juryn";
const SECRET: &str = "hemligt";
const PASSWORD: &str = "correct horse battery staple";

/// What the provider says of the person at a code.
#[derive(Clone)]
struct Person {
    email: String,
    verified: bool,
    /// The nonce the ID token carries: the one asked for, unless a test wants another.
    nonce: Option<String>,
}

#[derive(Default)]
struct Provider {
    issuer: String,
    /// code → (the PKCE challenge and nonce asked for, the person)
    codes: HashMap<String, (String, String, Person)>,
}

type Shared = Arc<Mutex<Provider>>;

async fn start_provider() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let shared: Shared = Arc::new(Mutex::new(Provider { issuer, ..Provider::default() }));
    let app = axum::Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(shared.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    shared
}

fn signing_key() -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(KEY, Some(JsonWebKeyId::new("k1".into()))).expect("the test key")
}

async fn discovery(State(p): State<Shared>) -> axum::Json<CoreProviderMetadata> {
    let issuer = p.lock().unwrap().issuer.clone();
    let m = CoreProviderMetadata::new(
        IssuerUrl::new(issuer.clone()).unwrap(),
        AuthUrl::new(format!("{issuer}/auth")).unwrap(),
        JsonWebKeySetUrl::new(format!("{issuer}/jwks")).unwrap(),
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Public],
        vec![CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256],
        EmptyAdditionalProviderMetadata {},
    )
    .set_token_endpoint(Some(TokenUrl::new(format!("{issuer}/token")).unwrap()));
    axum::Json(m)
}

async fn jwks() -> axum::Json<CoreJsonWebKeySet> {
    axum::Json(CoreJsonWebKeySet::new(vec![signing_key().as_verification_key()]))
}

/// The token endpoint: the client's secret, the code, and the PKCE verifier against the challenge.
async fn token(
    State(p): State<Shared>,
    headers: axum::http::HeaderMap,
    axum::Form(form): axum::Form<HashMap<String, String>>,
) -> Result<axum::Json<CoreTokenResponse>, (StatusCode, axum::Json<serde_json::Value>)> {
    let refuse = |e: &str| (StatusCode::BAD_REQUEST, axum::Json(serde_json::json!({ "error": e })));
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT}:{SECRET}"));
    let authorised =
        headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Basic {basic}"));
    if !authorised {
        return Err(refuse("invalid_client"));
    }
    let (issuer, found) = {
        let mut p = p.lock().unwrap();
        let code = form.get("code").cloned().unwrap_or_default();
        (p.issuer.clone(), p.codes.remove(&code))
    };
    let Some((challenge, nonce, who)) = found else { return Err(refuse("invalid_grant")) };
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let computed =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier.as_bytes()));
    if computed != challenge {
        return Err(refuse("invalid_grant"));
    }
    let now = chrono::Utc::now();
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(issuer).unwrap(),
        vec![Audience::new(CLIENT.into())],
        now + chrono::Duration::seconds(300),
        now,
        StandardClaims::new(SubjectIdentifier::new(format!("sub-{}", who.email)))
            .set_email(Some(EndUserEmail::new(who.email.clone())))
            .set_email_verified(Some(who.verified)),
        EmptyAdditionalClaims {},
    )
    .set_nonce(Some(Nonce::new(who.nonce.unwrap_or(nonce))));
    let access = AccessToken::new("access".into());
    let id_token = CoreIdToken::new(
        claims,
        &signing_key(),
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        Some(&access),
        None,
    )
    .unwrap();
    Ok(axum::Json(CoreTokenResponse::new(
        access,
        CoreTokenType::Bearer,
        CoreIdTokenFields::new(Some(id_token), EmptyExtraTokenFields {}),
    )))
}

/// The demo with the provider configured.
async fn app_with(provider: &Shared) -> TestApp {
    let mut app = spawn_app().await;
    let issuer = provider.lock().unwrap().issuer.clone();
    let settings = OidcSettings {
        issuer,
        client_id: CLIENT.into(),
        client_secret: SECRET.into(),
        name: "Kommunens inloggning".into(),
    };
    app.state = app.state.clone().with_oidc(settings).expect("configured");
    app
}

/// The query parameters of the provider's address juryn sends the person to.
fn query_of(location: &str) -> HashMap<String, String> {
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    serde_urlencoded::from_str(query).unwrap()
}

/// Begins a sign-in, lets the provider vouch for `who` at a code, and returns the code and the
/// state to come back with.
async fn at_the_provider(
    b: &mut crate::helpers::Browser<'_>,
    provider: &Shared,
    who: Person,
) -> (String, String) {
    let started = b.get("/logga-in/oidc?nasta=/konto").await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let location = started.header("location");
    let issuer = provider.lock().unwrap().issuer.clone();
    assert!(location.starts_with(&format!("{issuer}/auth?")), "{location}");
    let q = query_of(&location);
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], CLIENT);
    assert_eq!(q["redirect_uri"], "http://juryn.test/logga-in/oidc/tillbaka");
    assert_eq!(q["code_challenge_method"], "S256");
    assert!(q["scope"].split(' ').any(|s| s == "email"));
    let code = format!("code-{}", q["state"]);
    provider
        .lock()
        .unwrap()
        .codes
        .insert(code.clone(), (q["code_challenge"].clone(), q["nonce"].clone(), who));
    (code, q["state"].clone())
}

fn verified(email: &str) -> Person {
    Person { email: email.into(), verified: true, nonce: None }
}

#[tokio::test]
async fn a_person_with_an_account_signs_in_through_the_provider() {
    let provider = start_provider().await;
    let app = app_with(&provider).await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.get("/logga-in").await.assert_has("Logga in med Kommunens inloggning").assert_has("/logga-in/oidc");
    // The provider's address may differ in case; the account is found all the same.
    let (code, state) = at_the_provider(&mut b, &provider, verified("Karin@Example.se")).await;
    let back = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert_eq!(back.header("location"), "/konto");
    b.get("/konto").await.assert_has("karin@example.se");
    assert!(!b.cookies.contains_key("juryn_oidc"), "the flow's cookie is used once");
    let log =
        app.store.audit_log(&juryn_store::AuditFilter { limit: 5, ..Default::default() }).await.unwrap();
    assert!(log.iter().any(|e| e.action == "session.sign-in" && e.detail == "oidc"), "{log:?}");
}

#[tokio::test]
async fn a_tampered_state_a_wrong_nonce_an_unverified_address_and_an_unknown_person_are_refused() {
    let provider = start_provider().await;
    let app = app_with(&provider).await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;

    // A state that is not the one this browser was given.
    let mut b = app.browser();
    let (code, state) = at_the_provider(&mut b, &provider, verified("karin@example.se")).await;
    let tampered = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}x")).await;
    assert_eq!(tampered.status, StatusCode::BAD_REQUEST);
    tampered.assert_has("hörde inte till en inloggning som började i den här webbläsaren");
    // An answer brought to another browser (no flow cookie) is not taken either.
    let (code, state) = at_the_provider(&mut b, &provider, verified("karin@example.se")).await;
    let mut other = app.browser();
    assert_eq!(
        other.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(other.get("/konto").await.status, StatusCode::SEE_OTHER, "not signed in");

    // An ID token minted for another sign-in (its nonce is not this one's).
    let mut b = app.browser();
    let replayed = Person { nonce: Some("another-sign-in".into()), ..verified("karin@example.se") };
    let (code, state) = at_the_provider(&mut b, &provider, replayed).await;
    let page = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_has("kunde inte bekräftas");
    assert_eq!(b.get("/konto").await.status, StatusCode::SEE_OTHER, "not signed in");

    // An address the provider has not verified.
    let mut b = app.browser();
    let unverified = Person { verified: false, ..verified("karin@example.se") };
    let (code, state) = at_the_provider(&mut b, &provider, unverified).await;
    let page = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    page.assert_has("har inte bekräftat din e-postadress");

    // Someone the provider knows and juryn does not: no account is made.
    let mut b = app.browser();
    let (code, state) = at_the_provider(&mut b, &provider, verified("okand@example.se")).await;
    let page = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    page.assert_has("Det finns inget konto för okand@example.se").assert_has("inbjudan");
    assert!(app.store.user_by_email("okand@example.se").await.unwrap().is_none());

    // A code used twice, and the person cancelling at the provider.
    let mut b = app.browser();
    let (code, state) = at_the_provider(&mut b, &provider, verified("karin@example.se")).await;
    assert_eq!(
        b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await.status,
        StatusCode::SEE_OTHER
    );
    let mut b = app.browser();
    let (_, state) = at_the_provider(&mut b, &provider, verified("karin@example.se")).await;
    let page = b.get(&format!("/logga-in/oidc/tillbaka?code={code}&state={state}")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "the code was used");
    let mut b = app.browser();
    let (_, state) = at_the_provider(&mut b, &provider, verified("karin@example.se")).await;
    let page = b.get(&format!("/logga-in/oidc/tillbaka?error=access_denied&state={state}")).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    page.assert_has("avbröts");
}

#[tokio::test]
async fn an_unreachable_provider_is_said_and_without_one_the_addresses_do_not_exist() {
    let provider = start_provider().await;
    let mut app = app_with(&provider).await;
    let settings = OidcSettings {
        issuer: "http://127.0.0.1:9".into(),
        client_id: CLIENT.into(),
        client_secret: SECRET.into(),
        name: "Kommunens inloggning".into(),
    };
    app.state = app.state.clone().with_oidc(settings).unwrap();
    let page = app.browser().get("/logga-in/oidc").await;
    assert_eq!(page.status, StatusCode::BAD_GATEWAY);
    page.assert_has("går inte att nå just nu");
    let plain = spawn_app().await;
    assert_eq!(plain.get("/logga-in/oidc").await.status, StatusCode::NOT_FOUND);
    assert_eq!(plain.get("/logga-in/oidc/tillbaka?code=x&state=y").await.status, StatusCode::NOT_FOUND);
    plain.get("/logga-in").await.assert_lacks("/logga-in/oidc");
}
