//! The award speaks, not the software: "juryn" is Swedish for "the jury", so mail from
//! "juryn" about "juryn" reads like phishing. Mail about an award comes from the award and its
//! organiser and names it in the subject; its pages name it in the header.

use juryn_domain::{Grant, Role, Scope, Slug};

use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";
const SENDER: &str = "Sveriges DigitaliseringsKommun (Dataf";

/// The From and Subject headers of a mail as written, unfolded, their encoded words undone.
fn from_and_subject(mail: &str) -> (String, String) {
    let head = mail.split("\r\n\r\n").next().unwrap_or_default().replace("\r\n ", " ");
    let header = |name: &str| {
        let raw = head.lines().find(|l| l.starts_with(name)).unwrap_or_default();
        decode_words(raw.trim_start_matches(name).trim())
    };
    (header("From:"), header("Subject:"))
}

/// RFC 2047 `=?utf-8?b?…?=` words as text (lettre encodes non-ASCII headers so); the space
/// between two encoded words is not part of the text.
fn decode_words(text: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    let mut rest = text;
    let mut after_word = false;
    while !rest.is_empty() {
        match rest.find("=?utf-8?b?") {
            Some(start) => {
                let between = &rest[..start];
                if !(after_word && between.trim().is_empty()) {
                    out.push_str(between);
                }
                let body = &rest[start + "=?utf-8?b?".len()..];
                let end = body.find("?=").unwrap_or(body.len());
                let bytes =
                    base64::engine::general_purpose::STANDARD.decode(&body[..end]).unwrap_or_default();
                out.push_str(&String::from_utf8_lossy(&bytes));
                rest = body.get(end + 2..).unwrap_or_default();
                after_word = true;
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    out
}

#[tokio::test]
async fn mail_about_an_award_comes_from_the_award_and_names_it() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    // An invitation to the 2019 jury.
    org.post(
        "/admin/personer/bjud-in",
        &[
            ("name", "Sofia Lind"),
            ("email", "sofia@example.se"),
            ("role", "juror"),
            ("scope", "digitaliseringskommun/2019"),
        ],
    )
    .await;
    let mails = app.raw_mails().await;
    let (from, subject) = from_and_subject(mails.last().expect("the invitation"));
    assert!(from.contains(SENDER), "From: {from}");
    assert!(subject.contains("Sveriges DigitaliseringsKommun 2019"), "Subject: {subject}");
    assert!(!from.to_lowercase().starts_with("juryn"), "From: {from}");
    // A nomination's confirmation, to whoever nominated.
    app.browser()
        .post(
            "/digitaliseringskommun/2019/nominera",
            &[
                ("municipality", "Vadstena (0584)"),
                ("reason", "Bra e-tjänster."),
                ("name", "Eva Ek"),
                ("email", "eva@example.se"),
            ],
        )
        .await;
    let mails = app.raw_mails().await;
    let (from, _) = from_and_subject(mails.last().expect("the confirmation"));
    assert!(from.contains(SENDER), "From: {from}");
}

#[tokio::test]
async fn mail_that_is_not_about_an_award_names_the_site_not_the_jury() {
    let app = spawn_app().await;
    person(
        &app,
        "kontakt@lidingo.se",
        None,
        &[Grant {
            role: Role::EntrantContact,
            scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
            municipality: Some(juryn_domain::MunicipalityCode::parse("0186").unwrap()),
        }],
    )
    .await;
    app.browser().post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    let mails = app.raw_mails().await;
    let (from, subject) = from_and_subject(mails.last().expect("the sign-in link"));
    // The test's site has no name of its own, so the software's stands in, said as a name.
    assert!(subject.starts_with("Din inloggningslänk till "), "Subject: {subject}");
    assert!(!from.is_empty(), "From has a name: {from}");
}

#[tokio::test]
async fn an_awards_pages_name_the_award_in_the_header_and_title() {
    let app = spawn_app().await;
    for path in ["/digitaliseringskommun", "/digitaliseringskommun/2019", "/digitaliseringskommun/2019/jury"]
    {
        app.get(path)
            .await
            .assert_has(
                r#"<a class="brand" href="/digitaliseringskommun">Sveriges DigitaliseringsKommun</a>"#,
            )
            .assert_has(" – Sveriges DigitaliseringsKommun</title>");
    }
}
