//! `/admin` and `/admin/personer`: everyone with their roles, and the invitation form.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use juryn_domain::{
    Action, Decision, Email, Grant, InvalidGrant, Lang, MunicipalityCode, Registry, Role, Scope, Slug, decide,
};
use serde::Deserialize;

use super::invite::{InviteOutcome, send_invitation};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer, require};
use crate::error::WebError;
use crate::grants::grant_text;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::form_page;
use crate::respond::redirect;

pub const MAX_NAME_CHARS: usize = 200;

pub struct EditionLinks {
    pub name: String,
    pub base: String,
    pub phase: String,
    pub menu: Vec<super::edition::MenuGroup>,
}

#[derive(Template)]
#[template(path = "admin_home.html")]
struct AdminHome {
    l: Layout,
    editions: Vec<EditionLinks>,
    /// The awards the viewer may edit: (name, href).
    awards: Vec<(String, String)>,
    may_create: bool,
    may_read_mail: bool,
}

/// `/admin`: the organiser's start: every edition they organise, with its pages.
pub async fn dashboard(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
) -> Result<Response, WebError> {
    require(&viewer, Action::OpenAdmin, "/admin")?;
    let Some(v) = &viewer.0 else { return Err(WebError::Forbidden) };
    let mut editions = Vec::new();
    let mut awards = Vec::new();
    for award in app.store.awards().await? {
        if decide(Some(&v.actor), &Action::EditAward { award: &award.slug }) == Decision::Allow {
            awards.push((award.name.get(lang).to_owned(), format!("/admin/utmarkelser/{}", award.slug)));
        }
        for e in app.store.editions(&award.slug).await? {
            let organise = Action::OrganiseEdition { award: &award.slug, year: e.year };
            if decide(Some(&v.actor), &organise) == Decision::Allow {
                editions.push(EditionLinks {
                    name: format!("{} {}", award.name.get(lang), e.year),
                    base: format!("/admin/{}/{}", award.slug, e.year),
                    menu: super::edition::menu(lang, &format!("/admin/{}/{}", award.slug, e.year)),
                    phase: crate::edition_words::edition_state_text(lang, &e, app.now()),
                });
            }
        }
    }
    let may_create = decide(Some(&v.actor), &Action::CreateAward) == Decision::Allow;
    let may_read_mail = decide(Some(&v.actor), &Action::ManageMailQueue) == Decision::Allow;
    let page = AdminHome {
        l: Layout::new(lang, t(lang, "admin-title"), "/admin"),
        editions,
        awards,
        may_create,
        may_read_mail,
    };
    let html = page.render()?;
    Ok(axum::response::Html(html).into_response())
}

pub struct PersonRow {
    pub name: String,
    pub email: String,
    pub href: String,
    pub roles: Vec<String>,
}

#[derive(Default, Clone)]
pub struct InviteFields {
    pub email: String,
    pub name: String,
    pub role: String,
    pub scope: String,
    pub municipality: String,
    pub language: String,
}

#[derive(Template)]
#[template(path = "admin_people.html")]
struct PeoplePage {
    l: Layout,
    csrf: String,
    people: Vec<PersonRow>,
    fields: InviteFields,
    roles: Vec<(String, String)>,
    scopes: Vec<(String, String)>,
    municipalities: Vec<(String, String)>,
    errors: Vec<String>,
    notice: Option<String>,
}

/// The scopes this organiser may invite to, as (form value, label).
async fn scope_options(
    app: &AppState,
    viewer: &Viewer,
    lang: Lang,
) -> Result<Vec<(String, String)>, WebError> {
    let err = WebError::internal;
    let mut out = Vec::new();
    let covers = |s: &Scope| viewer.actor.organiser_of(s);
    if covers(&Scope::Installation) {
        out.push(("*".to_owned(), t(lang, "scope-installation")));
    }
    for award in app.store.awards().await.map_err(err)? {
        if covers(&Scope::Award(award.slug.clone())) {
            let name = award.name.get(lang).to_owned();
            out.push((award.slug.to_string(), t_args(lang, "scope-award", &[("award", name)])));
        }
        for e in app.store.editions(&award.slug).await.map_err(err)? {
            if covers(&Scope::Edition(award.slug.clone(), e.year)) {
                out.push((
                    format!("{}/{}", award.slug, e.year),
                    format!("{} {}", award.name.get(lang), e.year),
                ));
            }
        }
    }
    Ok(out)
}

fn parse_scope(value: &str) -> Option<Scope> {
    match value.split_once('/') {
        _ if value == "*" => Some(Scope::Installation),
        None => Slug::parse(value).ok().map(Scope::Award),
        Some((a, y)) => {
            let year = y.parse().ok().filter(|_| y.len() == 4)?;
            Slug::parse(a).ok().map(|s| Scope::Edition(s, year))
        }
    }
}

/// The invitation form as shown: plain, or refused with what was typed and what to fix.
struct Shown {
    status: StatusCode,
    fields: InviteFields,
    errors: Vec<String>,
    notice: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    viewer: &Viewer,
    lang: Lang,
    shown: Shown,
) -> Result<Response, WebError> {
    let Shown { status, fields, errors, notice } = shown;
    let names = crate::grants::award_names(&*app.store).await?;
    let people = app
        .store
        .people()
        .await?
        .into_iter()
        .filter_map(|p| {
            // An award's organiser sees the people of their awards, and of their roles only
            // those in their awards.
            let grants: Vec<Grant> = p.grants.iter().map(|g| g.grant.clone()).collect();
            let sees = decide(Some(&viewer.actor), &Action::SeePerson { grants: &grants }) == Decision::Allow;
            let everything = viewer.actor.organised_awards().is_none();
            sees.then(|| PersonRow {
                href: format!("/admin/personer/{}", p.user.id),
                roles: grants
                    .iter()
                    .filter(|g| everything || viewer.actor.organiser_of(&g.scope))
                    .map(|g| grant_text(lang, g, Some(&names)))
                    .collect(),
                name: p.user.name,
                email: p.user.email,
            })
        })
        .collect();
    let scopes = scope_options(app, viewer, lang).await?;
    form_page(app, headers, status, |csrf| PeoplePage {
        l: Layout::new(lang, t(lang, "people-title"), "/admin/personer"),
        csrf,
        people,
        fields,
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), t(lang, &format!("role-{}", r.as_str()))))
            .collect(),
        scopes,
        municipalities: Registry::sweden()
            .all()
            .map(|m| (m.code.to_string(), format!("{} ({})", m.name, m.code)))
            .collect(),
        errors,
        notice,
    })
}

#[derive(Deserialize, Default)]
pub struct Notice {
    klart: Option<String>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    crate::extract::LenientQuery(q): crate::extract::LenientQuery<Notice>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePeople, "/admin/personer")?;
    let Some(v) = &viewer.0 else { return Err(WebError::Forbidden) };
    let notice = q.klart.as_deref().map(|k| match k {
        "inbjuden" => t(lang, "people-invited"),
        "har-rollen" => t(lang, "people-already-holds"),
        "aterkallad" => t(lang, "people-revoked"),
        "raderad" => t(lang, "people-erased"),
        _ => String::new(),
    });
    let fields = InviteFields { language: lang.tag().into(), ..Default::default() };
    let shown =
        Shown { status: StatusCode::OK, fields, errors: vec![], notice: notice.filter(|n| !n.is_empty()) };
    render(&app, &headers, v, lang, shown).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    language: String,
}

fn invalid_grant_text(lang: Lang, e: InvalidGrant) -> String {
    let key = match e {
        InvalidGrant::OrganiserInEdition => "invite-error-organiser-scope",
        InvalidGrant::NeedsEdition => "invite-error-needs-edition",
        InvalidGrant::NeedsMunicipality => "invite-error-needs-municipality",
        InvalidGrant::UnexpectedMunicipality => "invite-error-unexpected-municipality",
    };
    t(lang, key)
}

pub async fn invite(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePeople, "/admin/personer")?;
    let Some(v) = &viewer.0 else { return Err(WebError::Forbidden) };
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let fields = InviteFields {
        email: clip(&form.email, 254),
        name: clip(&form.name, MAX_NAME_CHARS + 20),
        role: clip(&form.role, 40),
        scope: clip(&form.scope, 80),
        municipality: clip(&form.municipality, 8),
        language: clip(&form.language, 8),
    };
    let mut errors = Vec::new();
    let email = Email::parse(&form.email).map_err(|_| errors.push(t(lang, "signin-error-email"))).ok();
    let name = match crate::names::person_name(lang, &form.name) {
        Ok(n) => n.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let role = Role::parse(&form.role).or_else(|| {
        errors.push(t(lang, "invite-error-role"));
        None
    });
    let scope = parse_scope(&form.scope).or_else(|| {
        errors.push(t(lang, "invite-error-scope"));
        None
    });
    let municipality = match form.municipality.trim() {
        "" => None,
        code => match MunicipalityCode::parse(code).ok().filter(|c| Registry::sweden().get(*c).is_some()) {
            Some(c) => Some(c),
            None => {
                errors.push(t(lang, "invite-error-municipality"));
                None
            }
        },
    };
    let letter_lang = Lang::from_tag(&form.language).unwrap_or(lang);
    let grant = match (role, scope) {
        (Some(role), Some(scope)) => {
            let g = Grant { role, scope, municipality };
            match g.validate() {
                Ok(()) => Some(g),
                Err(e) => {
                    errors.push(invalid_grant_text(lang, e));
                    None
                }
            }
        }
        _ => None,
    };
    let (Some(email), Some(grant), true) = (email, grant, errors.is_empty()) else {
        let shown = Shown { status: StatusCode::UNPROCESSABLE_ENTITY, fields, errors, notice: None };
        return render(&app, &headers, v, lang, shown).await;
    };
    require(&viewer, Action::ChangeGrant(&grant), "/admin/personer")?;
    if let Scope::Edition(a, y) = &grant.scope {
        let known = app.store.edition(a, *y).await?;
        if known.is_none() {
            errors.push(t(lang, "invite-error-scope"));
            let shown = Shown { status: StatusCode::UNPROCESSABLE_ENTITY, fields, errors, notice: None };
            return render(&app, &headers, v, lang, shown).await;
        }
    }
    let actor = v.stamp(app.now());
    match send_invitation(&app, &actor, &v.user.name, (&email, &name), &grant, letter_lang).await {
        Ok(InviteOutcome::AlreadyHolds) => Ok(redirect("/admin/personer?klart=har-rollen", vec![])),
        Ok(InviteOutcome::Sent { .. }) => Ok(redirect("/admin/personer?klart=inbjuden", vec![])),
        Err(e) => Err(WebError::internal(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_from_the_form() {
        assert_eq!(parse_scope("*"), Some(Scope::Installation));
        assert_eq!(
            parse_scope("digitaliseringskommun"),
            Some(Scope::Award(Slug::parse("digitaliseringskommun").unwrap()))
        );
        assert_eq!(
            parse_scope("digitaliseringskommun/2019"),
            Some(Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019))
        );
        for bad in ["", "Nope", "digitaliseringskommun/19", "digitaliseringskommun/abcd", "a/b/c"] {
            assert_eq!(parse_scope(bad), None, "{bad}");
        }
    }
}
