//! Sign-in through the organisation's identity provider: OpenID Connect's authorization code
//! flow with PKCE (openidconnect), as Swedish e-ID brokers and municipal identity platforms
//! speak it. The browser carries the flow's state, nonce and PKCE verifier in a cookie signed
//! with the installation's key, so any process may finish what another began. The provider
//! only vouches for an e-mail address: the account must already exist (an invitation grants
//! roles), and the address must be one the provider has verified.

use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet,
    IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, TokenResponse,
};
use tokio::sync::Mutex;

/// What the installation is told about its provider.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    /// The issuer's URL, as its discovery document names it.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// How the sign-in page names it: "Logga in med {name}".
    pub name: String,
}

/// Why a sign-in through the provider did not go through. Each is said to the person in words;
/// the detail goes to the log only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The person cancelled, or the provider refused them (its `error` parameter).
    Cancelled(String),
    /// The answer does not belong to a sign-in this browser began (no cookie, a foreign or
    /// tampered state).
    NotThisBrowser,
    /// The provider's answer could not be confirmed: the code was refused, the ID token's
    /// signature, issuer, audience, expiry or nonce did not hold.
    Unconfirmed(String),
    /// The provider gave no e-mail address, or one it has not verified.
    EmailUnverified,
    /// The provider could not be reached.
    Unreachable(String),
}

/// How long the discovered metadata and keys are kept before they are read again.
const METADATA_FOR: Duration = Duration::from_secs(600);

/// How long a sign-in may take at the provider.
pub const FLOW_SECS: i64 = 600;

/// The purpose the flow's cookie is signed for (see `auth::signed`).
const PURPOSE: &str = "oidc-flow";

/// A client made from discovery: an authorization endpoint, and a token and a UserInfo endpoint
/// if the provider names them.
type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

pub struct Oidc {
    settings: OidcSettings,
    issuer: IssuerUrl,
    http: openidconnect::reqwest::Client,
    metadata: Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

/// What the flow's cookie carries.
#[derive(serde::Serialize, serde::Deserialize)]
struct Flow {
    state: String,
    nonce: String,
    verifier: String,
    next: String,
}

impl Oidc {
    pub fn new(settings: OidcSettings) -> Result<Oidc, String> {
        let issuer = IssuerUrl::new(settings.issuer.clone()).map_err(|e| format!("the issuer URL: {e}"))?;
        if settings.client_id.trim().is_empty() || settings.client_secret.is_empty() {
            return Err("a client id and a client secret are needed".to_owned());
        }
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects would let a provider's answer send juryn elsewhere (SSRF).
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("the HTTP client: {e}"))?;
        Ok(Oidc { settings, issuer, http, metadata: Mutex::new(None) })
    }

    pub fn name(&self) -> &str {
        &self.settings.name
    }

    /// The provider's discovery document and keys, read at most every ten minutes.
    async fn metadata(&self) -> Result<CoreProviderMetadata, Refusal> {
        let mut kept = self.metadata.lock().await;
        if let Some((at, m)) = kept.as_ref()
            && at.elapsed() < METADATA_FOR
        {
            return Ok(m.clone());
        }
        let m = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| Refusal::Unreachable(format!("discovery at {}: {e}", self.settings.issuer)))?;
        *kept = Some((Instant::now(), m.clone()));
        Ok(m)
    }

    /// The client for the provider as discovered, sending people back to `redirect`.
    async fn client(&self, redirect: &str) -> Result<DiscoveredClient, Refusal> {
        let redirect =
            RedirectUrl::new(redirect.to_owned()).map_err(|e| Refusal::Unconfirmed(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            self.metadata().await?,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// Where the person goes to sign in, and the flow's cookie value.
    pub async fn begin(&self, redirect: &str, key: &[u8], next: &str) -> Result<(String, String), Refusal> {
        let client = self.client(redirect).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        let flow = Flow {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next: next.to_owned(),
        };
        Ok((url.to_string(), seal(key, &flow)))
    }

    /// Checks the provider's answer against the flow this browser began and returns the
    /// verified e-mail address (lower case) and where to go next.
    pub async fn finish(
        &self,
        (redirect, key): (&str, &[u8]),
        cookie: Option<&str>,
        answer: &Answer,
    ) -> Result<(String, String), Refusal> {
        if let Some(error) = &answer.error {
            return Err(Refusal::Cancelled(error.chars().take(200).collect()));
        }
        let flow = cookie.and_then(|c| open(key, c)).ok_or(Refusal::NotThisBrowser)?;
        if answer.state.as_deref() != Some(flow.state.as_str()) {
            return Err(Refusal::NotThisBrowser);
        }
        let code = answer.code.clone().filter(|c| !c.is_empty()).ok_or(Refusal::NotThisBrowser)?;
        let client = self.client(redirect).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| Refusal::Unconfirmed(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => {
                    Refusal::Unconfirmed(format!("the code was refused: {r}"))
                }
                RequestTokenError::Request(r) => Refusal::Unreachable(format!("the token endpoint: {r}")),
                other => Refusal::Unconfirmed(format!("the token response: {other}")),
            })?;
        let id_token = tokens.id_token().ok_or_else(|| Refusal::Unconfirmed("no ID token".to_owned()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(flow.nonce))
            .map_err(|e| Refusal::Unconfirmed(format!("the ID token: {e}")))?;
        if let (Some(email), Some(verified)) = (claims.email(), claims.email_verified()) {
            return verified_email(email.as_str(), verified, flow.next);
        }
        // A provider that keeps the ID token small (oidc-provider by default, as the spec allows)
        // gives the address at its UserInfo endpoint, for the same subject.
        let info: CoreUserInfoClaims = client
            .user_info(tokens.access_token().clone(), Some(claims.subject().clone()))
            .map_err(|_| Refusal::EmailUnverified)?
            .request_async(&self.http)
            .await
            .map_err(|e| Refusal::Unconfirmed(format!("the UserInfo answer: {e}")))?;
        match (info.email(), info.email_verified()) {
            (Some(email), Some(verified)) => verified_email(email.as_str(), verified, flow.next),
            _ => Err(Refusal::EmailUnverified),
        }
    }
}

/// The address, lower case, if the provider says it is verified.
fn verified_email(email: &str, verified: bool, next: String) -> Result<(String, String), Refusal> {
    if verified { Ok((email.to_lowercase(), next)) } else { Err(Refusal::EmailUnverified) }
}

/// The provider's answer at the redirect address.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Answer {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
}

/// The flow as a cookie value: base64url JSON and its signature.
fn seal(key: &[u8], flow: &Flow) -> String {
    use base64::Engine;
    let json = serde_json::to_vec(flow).unwrap_or_default();
    let value = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json);
    let signature = crate::auth::signed::sign(key, PURPOSE, &value);
    format!("{value}.{signature}")
}

/// The flow from a cookie value, if its signature holds.
fn open(key: &[u8], cookie: &str) -> Option<Flow> {
    use base64::Engine;
    let (value, signature) = cookie.rsplit_once('.')?;
    if !crate::auth::signed::verify(key, PURPOSE, value, signature) {
        return None;
    }
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(value).ok()?;
    serde_json::from_slice(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_cookie_opens_only_unchanged_and_under_its_key() {
        let flow = Flow { state: "s".into(), nonce: "n".into(), verifier: "v".into(), next: "/konto".into() };
        let sealed = seal(b"key", &flow);
        let opened = open(b"key", &sealed).expect("opens");
        assert_eq!((opened.state.as_str(), opened.next.as_str()), ("s", "/konto"));
        assert!(open(b"other", &sealed).is_none());
        let (value, sig) = sealed.rsplit_once('.').unwrap();
        let forged = format!("{}A.{sig}", value);
        assert!(open(b"key", &forged).is_none());
        assert!(open(b"key", "nothing").is_none());
    }
}
