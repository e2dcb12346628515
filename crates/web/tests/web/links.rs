//! One-time links: sign-in for contacts, password reset, invitations. Read from the outbox.

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

fn edition() -> Scope {
    Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019)
}

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

#[tokio::test]
async fn a_contact_signs_in_with_a_link_once() {
    let app = spawn_app().await;
    person(&app, "kontakt@lidingo.se", None, &[contact("0186")]).await;
    let mut b = app.browser();
    let page = b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    page.assert_has("Om adressen finns hos oss har vi skickat en inloggningslänk");
    let link = app.link_in_last_mail("http://juryn.test/logga-in/lank/").await;
    let mail = app.mails().await.pop().unwrap();
    assert!(mail.contains("To: kontakt <kontakt@lidingo.se>") && mail.contains("Message-ID: <"), "{mail}");
    assert!(mail.contains("Logga in med den här länken. Den gäller i 30 minuter"), "{mail}");
    // Opening the link only shows a button (a mail scanner fetching it uses nothing up).
    let confirm = b.get(&link).await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.assert_has("Logga in med länken");
    let confirm_again = b.get(&link).await;
    assert_eq!(confirm_again.status, StatusCode::OK);
    let used = b.post(&link, &[]).await;
    assert_eq!(used.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get("/portal").await.status, StatusCode::OK);
    // Replayed: refused, and it says why.
    let mut other = app.browser();
    let replay = other.post(&link, &[]).await;
    assert_eq!(replay.status, StatusCode::GONE);
    replay.assert_has("Länken är redan använd");
    assert!(!other.cookies.contains_key("juryn_session"));
}

#[tokio::test]
async fn an_expired_or_forged_link_is_refused() {
    let app = spawn_app().await;
    person(&app, "kontakt@lidingo.se", None, &[contact("0186")]).await;
    let mut b = app.browser();
    b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    let link = app.link_in_last_mail("http://juryn.test/logga-in/lank/").await;
    let later = app.at(&(jiff::Timestamp::now() + jiff::SignedDuration::from_mins(31)).to_string());
    let mut late = later.browser();
    let expired = late.post(&link, &[]).await;
    assert_eq!(expired.status, StatusCode::GONE);
    expired.assert_has("Länken har gått ut");
    let forged = b.get("/logga-in/lank/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
    forged.assert_has("Länken fungerar inte");
    assert_eq!(b.post("/logga-in/lank/nope", &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn no_link_is_sent_to_staff_or_to_unknown_addresses_and_the_page_says_the_same() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    for email in ["karin@example.se", "nobody@example.se"] {
        b.post("/logga-in/lank", &[("email", email)]).await.assert_has("Om adressen finns hos oss");
    }
    assert!(app.mails().await.is_empty());
}

#[tokio::test]
async fn a_password_is_reset_by_link_and_every_session_ends() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut signed_in = app.browser();
    signed_in.sign_in("karin@example.se", PASSWORD).await;
    let mut b = app.browser();
    b.post("/glomt-losenord", &[("email", "karin@example.se")]).await.assert_has("Om adressen finns hos oss");
    let link = app.link_in_last_mail("http://juryn.test/aterstall/").await;
    b.get(&link).await.assert_has("Välj ett nytt lösenord");
    let short = b.post(&link, &[("password", "kort"), ("password_again", "kort")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    short.assert_has("minst 12 tecken");
    let differ =
        b.post(&link, &[("password", "ett nytt långt lösen"), ("password_again", "ett annat långt")]).await;
    differ.assert_has("De två lösenorden är inte lika");
    let done = b
        .post(&link, &[("password", "ett nytt långt lösen"), ("password_again", "ett nytt långt lösen")])
        .await;
    assert_eq!(done.status, StatusCode::OK);
    done.assert_has("Lösenordet är bytt");
    assert_eq!(signed_in.get("/konto").await.status, StatusCode::SEE_OTHER, "the old session ended");
    assert_eq!(b.sign_in("karin@example.se", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(b.sign_in("karin@example.se", "ett nytt långt lösen").await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.post(&link, &[("password", "x"), ("password_again", "x")]).await.status, StatusCode::GONE);
}

#[tokio::test]
async fn an_organiser_invites_a_juror_who_sets_a_password_and_signs_in() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    let invite = [
        ("email", "sofia@example.se"),
        ("name", "Sofia Lind"),
        ("role", "juror"),
        ("scope", "digitaliseringskommun/2019"),
        ("municipality", ""),
        ("language", "sv"),
    ];
    let sent = org.post("/admin/personer/bjud-in", &invite).await;
    assert_eq!(sent.location(), "/admin/personer?klart=inbjuden");
    let mail = app.mails().await.pop().unwrap();
    assert!(mail.contains("bjuder in dig som jurymedlem, Sveriges DigitaliseringsKommun 2019"), "{mail}");
    // Inviting again before it is accepted sends a second link; accepting both grants once.
    org.post("/admin/personer/bjud-in", &invite).await;
    let first = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    let mut sofia = app.browser();
    sofia.get(&first).await.assert_has("Du är inbjuden som jurymedlem");
    let page =
        sofia.post(&first, &[("name", "Sofia Lind"), ("password", "kort"), ("password_again", "kort")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("minst 12 tecken").assert_has(r#"value="Sofia Lind""#);
    let ok = sofia
        .post(
            &first,
            &[
                ("name", "Sofia Lind"),
                ("password", "sofias långa lösen"),
                ("password_again", "sofias långa lösen"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(sofia.get("/jury/digitaliseringskommun/2019").await.status, StatusCode::OK);
    let id = app.store.user_by_email("sofia@example.se").await.unwrap().unwrap().id;
    assert_eq!(app.store.grants_of(id).await.unwrap().len(), 1);
    // She holds the role now: a third invitation sends nothing.
    let before = app.mails().await.len();
    let again = org.post("/admin/personer/bjud-in", &invite).await;
    assert_eq!(again.location(), "/admin/personer?klart=har-rollen");
    assert_eq!(app.mails().await.len(), before);
    let mut fresh = app.browser();
    assert_eq!(fresh.sign_in("sofia@example.se", "sofias långa lösen").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_contact_accepts_an_invitation_without_a_password() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    org.post(
        "/admin/personer/bjud-in",
        &[
            ("email", "kontakt@lidingo.se"),
            ("name", "Lena"),
            ("role", "entrant-contact"),
            ("scope", "digitaliseringskommun/2019"),
            ("municipality", "0186"),
            ("language", "en"),
        ],
    )
    .await;
    let mail = app.mails().await.pop().unwrap();
    assert!(mail.contains("invites you as contact for Lidingö"), "{mail}");
    let link = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    let mut lena = app.browser();
    lena.get(&link).await.assert_lacks(r#"type="password""#);
    assert_eq!(lena.post(&link, &[("name", "Lena Berg")]).await.status, StatusCode::SEE_OTHER);
    lena.get("/portal").await.assert_has("Lidingö, Sveriges DigitaliseringsKommun 2019");
}

#[tokio::test]
async fn bad_invitations_get_messages_and_keep_the_form() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    let long = "N".repeat(201);
    let page = org
        .post(
            "/admin/personer/bjud-in",
            &[
                ("email", "inte en adress"),
                ("name", &long),
                ("role", "kung"),
                ("scope", "digitaliseringskommun/2019"),
                ("municipality", "9999"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for msg in
        ["Skriv en giltig e-postadress", "högst 200 tecken", "Välj en roll.", "Välj en kommun i listan."]
    {
        page.assert_has(msg);
    }
    page.assert_has(r#"value="inte en adress""#);
    let page = org
        .post(
            "/admin/personer/bjud-in",
            &[
                ("email", "a@example.se"),
                ("name", "A"),
                ("role", "entrant-contact"),
                ("scope", "digitaliseringskommun/2019"),
                ("municipality", ""),
            ],
        )
        .await;
    page.assert_has("En kontaktperson företräder en kommun");
    let page = org
        .post(
            "/admin/personer/bjud-in",
            &[
                ("email", "a@example.se"),
                ("name", "A"),
                ("role", "juror"),
                ("scope", "digitaliseringskommun/2031"),
            ],
        )
        .await;
    page.assert_has("Välj var rollen ska gälla.");
    assert!(app.mails().await.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_sign_in_link_asked_for_on_the_way_to_an_entry_leads_back_to_it() {
    let app = spawn_app().await;
    person(&app, "kontakt@lidingo.se", None, &[contact("0186")]).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let id =
        app.store.entry_id(&slug, 2019, MunicipalityCode::parse("0186").unwrap()).await.unwrap().unwrap();
    let target = format!("/portal/bidrag/{id}");
    let mut b = app.browser();
    let sent_away = b.get(&target).await;
    assert_eq!(sent_away.location(), format!("/logga-in?nasta={target}"));
    b.get(sent_away.location()).await.assert_has(&format!(r#"name="next" value="{target}""#));
    b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se"), ("next", &target)]).await;
    let link = app.link_in_last_mail("http://juryn.test/logga-in/lank/").await;
    assert!(link.ends_with(&format!("?nasta={target}")), "{link}");
    b.get(&link).await.assert_has(&format!("?nasta={target}"));
    let used = b.post(&link, &[]).await;
    assert_eq!(used.status, StatusCode::SEE_OTHER);
    assert_eq!(used.location(), target);
    // A forged way on is not followed.
    b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    let plain = app.link_in_last_mail("http://juryn.test/logga-in/lank/").await;
    let forged = format!("{plain}?nasta=//evil.example");
    assert_eq!(app.browser().post(&forged, &[]).await.location(), "/konto");
}
