//! Mail through real SMTP: a small SMTP server on loopback receives what lettre sends.

use crate::helpers::{person, spawn_app};
use crate::smtp_server::SmtpServer;
use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};
use juryn_web::Mailer;

#[tokio::test]
async fn a_sign_in_link_travels_by_smtp_and_works() {
    let server = SmtpServer::start().await;
    let mut app = spawn_app().await;
    app.state.mailer = Mailer::smtp(&server.url(), "Utmärkelsen <noreply@example.se>").unwrap();
    let lidingo = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse("0186").unwrap()),
    };
    person(&app, "kontakt@lidingo.se", None, &[lidingo]).await;
    let mut b = app.browser();
    b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await.assert_has("Om adressen finns");
    assert_eq!(app.deliver_mail().await.sent, 1);
    let mail = server.received().pop().expect("the SMTP server received the message");
    assert_eq!(mail.from, "<noreply@example.se>");
    assert_eq!(mail.to, ["<kontakt@lidingo.se>"]);
    assert!(mail.data.contains("From: =?utf-8?b?") || mail.data.contains("From: Utm"), "{}", mail.data);
    let text = mail.data.replace("=\r\n", "");
    let start = text.find("http://juryn.test/logga-in/lank/").expect("the link");
    let link: String = text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
    let path = link.replace("http://juryn.test", "");
    assert_eq!(b.post(&path, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get("/portal").await.status, StatusCode::OK);
    assert!(app.mails().await.is_empty(), "nothing went to the outbox");
}

#[tokio::test]
async fn a_bad_smtp_url_is_refused_when_configured() {
    assert!(Mailer::smtp("ftp://nowhere", "juryn <a@b.se>").is_err());
    assert!(Mailer::smtp("smtp://127.0.0.1:25", "not an address").is_err());
}
