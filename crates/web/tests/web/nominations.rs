//! Nominations by anyone: the public form, confirmation by email, the notices, the organiser's list.

use axum::http::StatusCode;
use juryn_domain::{EntryStatus, Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::{person, spawn_app, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const DURING_CALL: &str = "2019-03-01T10:00:00Z";
const FORM: &str = "/digitaliseringskommun/2019/nominera";

#[tokio::test]
async fn anyone_nominates_confirms_by_email_and_the_organiser_is_told() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut public = app.browser();
    let page = public.get(FORM).await;
    page.assert_has("<form").assert_has("Vadstena (0584)").assert_has("29 mars 2019 kl. 23.59 (CET)");
    let sent = public
        .post(
            FORM,
            &[
                ("municipality", "Vadstena (0584)"),
                ("reason", "Föredömliga e-tjänster."),
                ("name", "Eva Ek"),
                ("email", "eva@example.se"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    sent.assert_has("Tack! Nomineringen av Vadstena räknas när du har bekräftat den");
    let mail = app.mails().await.pop().unwrap();
    // The mail names no one and quotes nothing typed into the form: only what to click.
    assert!(mail.contains("To: eva@example.se") && mail.contains("nominera Vadstena"), "{mail}");
    assert!(!mail.contains("Eva Ek") && !mail.contains("Föredömliga"), "{mail}");
    let link = app.link_in_last_mail("http://juryn.test/nominering/").await;
    let vadstena = MunicipalityCode::parse("0584").unwrap();
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    assert!(
        app.store.entry_record(&slug, 2019, vadstena).await.unwrap().is_none(),
        "not before confirmation"
    );
    public.get(&link).await.assert_has("Bekräfta nomineringen");
    let done = public.post(&link, &[]).await;
    assert_eq!(done.status, StatusCode::OK);
    // The jury nominates; a nominator's nomination is received, and the page says who was told.
    done.assert_has("Nomineringen av Vadstena är mottagen")
        .assert_has("berättat om den för arrangören")
        .assert_lacks("Vadstena är nominerad");
    let entry = app.store.entry_record(&slug, 2019, vadstena).await.unwrap().unwrap();
    assert_eq!(entry.entry.status, EntryStatus::Invited);
    // No contact yet: the organiser hears of it.
    let notice = app.mails().await.pop().unwrap();
    assert!(
        notice.contains("To: org <org@example.se>") && notice.contains("Föredömliga e-tjänster."),
        "{notice}"
    );
    // Pressing again, or opening the link again, says it is confirmed already (and counts once).
    let again = public.post(&link, &[]).await;
    again.assert_has("Nomineringen av Vadstena är redan bekräftad");
    public.get(&link).await.assert_has("redan bekräftad");
    assert_eq!(
        app.store.nominations(&slug, 2019).await.unwrap().iter().filter(|n| n.confirmed_at.is_some()).count(),
        1
    );

    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let list = org.get("/admin/digitaliseringskommun/2019/nomineringar").await;
    list.assert_has("Vadstena")
        .assert_has("Föredömliga e-tjänster.")
        .assert_has("Eva Ek")
        .assert_has("Bekräftad");
}

#[tokio::test]
async fn a_nominated_municipality_with_a_contact_tells_the_contact() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let contact = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse("0584").unwrap()),
    };
    person(&app, "kontakt@vadstena.se", None, &[contact]).await;
    let mut public = app.browser();
    public
        .post(
            FORM,
            &[("municipality", "0584"), ("reason", "Bra."), ("name", "Eva"), ("email", "eva@example.se")],
        )
        .await;
    let link = app.link_in_last_mail("http://juryn.test/nominering/").await;
    public.post(&link, &[]).await;
    let notice = app.mails().await.pop().unwrap();
    assert!(
        notice.contains("kontakt@vadstena.se") && notice.contains("http://juryn.test/portal"),
        "{notice}"
    );
}

#[tokio::test]
async fn bad_nominations_are_refused_with_what_to_fix() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let mut public = app.browser();
    let page = public
        .post(FORM, &[("municipality", "Atlantis"), ("reason", " "), ("name", ""), ("email", "nej")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for msg in [
        "Välj en av Sveriges 290 kommuner",
        "Skriv varför",
        "Skriv ditt namn.",
        "Skriv en giltig e-postadress",
    ] {
        page.assert_has(msg);
    }
    page.assert_has(r#"value="Atlantis""#);
    let long = "x".repeat(4001);
    let page = public
        .post(
            FORM,
            &[("municipality", "Lidingö"), ("reason", &long), ("name", "Eva"), ("email", "eva@example.se")],
        )
        .await;
    page.assert_has("högst 4000 tecken");
    assert!(app.mails().await.is_empty());
    assert!(
        app.store.nominations(&Slug::parse("digitaliseringskommun").unwrap(), 2019).await.unwrap().is_empty()
    );
}

#[tokio::test]
async fn after_the_call_the_form_is_closed() {
    let app = spawn_app().await;
    let mut public = app.browser();
    public.get(FORM).await.assert_has("Nomineringen är stängd").assert_lacks(r#"name="reason""#);
    let page = public
        .post(
            FORM,
            &[("municipality", "Lidingö"), ("reason", "x"), ("name", "Eva"), ("email", "eva@example.se")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.mails().await.is_empty());
}

#[tokio::test]
async fn the_form_cannot_flood_an_inbox_and_a_line_break_in_a_name_is_a_message() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let mut b = app.browser();
    let nominate = |name: &'static str, email: &'static str| {
        [("municipality", "Vadstena (0584)"), ("reason", "Bra."), ("name", name), ("email", email)]
    };
    let crlf = b.post(FORM, &nominate("Anna\r\nBcc: offer@example.invalid", "anna@example.se")).await;
    assert_eq!(crlf.status, StatusCode::UNPROCESSABLE_ENTITY);
    crlf.assert_has("radbrytningar");
    let before = app.mails().await.len();
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(b.post(FORM, &nominate("Anna", "offer@example.se")).await.status);
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 5, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(app.mails().await.len() - before, 5, "five mails, not eight");
}

#[tokio::test]
async fn an_edition_holds_only_so_many_unconfirmed_nominations() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let expires: jiff::Timestamp = "2019-03-05T10:00:00Z".parse().unwrap();
    for i in 0..juryn_web::MAX_UNCONFIRMED_NOMINATIONS {
        let n = juryn_store::NewNomination {
            municipality: MunicipalityCode::parse("0584").unwrap(),
            reason: "Bra.".into(),
            nominator_name: "Flod".into(),
            nominator_email: format!("flod{i}@example.se"),
            nominator: Default::default(),
            answers: Vec::new(),
            token_hash: format!("hash-{i}"),
            at: app.state.now(),
            expires_at: expires,
        };
        app.store.put_nomination(&slug, 2019, &n).await.unwrap();
    }
    let mut b = app.browser();
    let page = b
        .post(
            FORM,
            &[
                ("municipality", "Vadstena (0584)"),
                ("reason", "Bra."),
                ("name", "Eva"),
                ("email", "eva@example.se"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    page.assert_has("väntar väldigt många").assert_has(r#"value="Eva""#);
}

#[tokio::test]
async fn an_organisation_nominates_with_answers_and_the_jury_reads_who_and_why() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let list = "/admin/digitaliseringskommun/2019/nomineringar";
    org.get(list).await.assert_has("Bara en motivering");
    assert_eq!(org.post(list, &[("answer", "ja")]).await.status, StatusCode::SEE_OTHER);
    assert!(app.store.nominators_answer(&slug, 2019).await.unwrap());

    // The form asks the questionnaire's questions too; a company without its name is refused,
    // and what was typed stays.
    let mut public = app.browser();
    public.get(FORM).await.assert_has("Utlysningens frågor").assert_has(r#"name="q0""#).assert_has("företag");
    let mut form = vec![
        ("municipality", "Vadstena (0584)"),
        ("reason", "Föredömliga e-tjänster."),
        ("kind", "foretag"),
        ("organisation", ""),
        ("q0", "De digitaliserade bygglovet."),
        ("name", "Eva Ek"),
        ("email", "eva@example.se"),
    ];
    let refused = public.post(FORM, &form).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_has("Skriv organisationens eller företagets namn")
        .assert_has("De digitaliserade bygglovet.");
    assert!(app.store.nominations(&slug, 2019).await.unwrap().is_empty(), "nothing stored");
    form[3] = ("organisation", "Exempel AB");
    assert_eq!(public.post(FORM, &form).await.status, StatusCode::OK);
    let link = app.link_in_last_mail("http://juryn.test/nominering/").await;
    assert_eq!(public.post(&link, &[]).await.status, StatusCode::OK);
    let stored = app.store.nominations(&slug, 2019).await.unwrap();
    assert_eq!(stored[0].nominator.organisation, "Exempel AB");
    assert_eq!(stored[0].answers[0], "De digitaliserade bygglovet.");

    // The organiser's list says who; the jury's entry page says who and why, never the address.
    org.get(list).await.assert_has("Eva Ek, Exempel AB (företag)");
    let vadstena = MunicipalityCode::parse("0584").unwrap();
    let record = app.store.entry_record(&slug, 2019, vadstena).await.unwrap().unwrap();
    let mut save = juryn_store::EntrySave {
        expected_version: record.version,
        status: EntryStatus::Submitted,
        answers: vec!["Svar".into(); 3],
        consent: true,
        submitted_at: Some(DURING_CALL.parse().unwrap()),
    };
    save.answers[0] = "Vi digitaliserade bygglovet.".into();
    let saved = app.store.save_entry(&slug, 2019, vadstena, &save, &app.by("vadstena")).await.unwrap();
    assert!(matches!(saved, juryn_store::SaveOutcome::Saved { .. }), "{saved:?}");
    app.force_phase(&slug, 2019, juryn_domain::Phase::Shortlisting).await;
    let juror = Grant { role: Role::Juror, scope: Scope::Edition(slug.clone(), 2019), municipality: None };
    person(&app, "juror@example.se", Some(PASSWORD), &[juror]).await;
    app.sync().await;
    let mut j = app.browser();
    j.sign_in("juror@example.se", PASSWORD).await;
    let page = j.get("/jury/digitaliseringskommun/2019/bidrag/0584").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_has("Nomineringar")
        .assert_has("Eva Ek, Exempel AB (företag)")
        .assert_has("Föredömliga e-tjänster.")
        .assert_has("De digitaliserade bygglovet.")
        .assert_lacks("eva@example.se");
}

#[tokio::test]
async fn a_municipality_registers_itself_confirms_by_email_and_the_organiser_is_told() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let uri = "/digitaliseringskommun/2019/anmal";
    let mut public = app.browser();
    public.get(uri).await.assert_has("Anmäl kommunen till").assert_has("Vadstena (0584)");
    let bad = public
        .post(uri, &[("municipality", "Atlantis"), ("name", "Eva Ek"), ("email", "eva@vadstena.se")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Atlantis").assert_has("eva@vadstena.se");
    assert!(app.mails().await.is_empty(), "nothing sent");
    let sent = public
        .post(uri, &[("municipality", "Vadstena"), ("name", "Eva Ek"), ("email", "eva@vadstena.se")])
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    sent.assert_has("Anmälan av Vadstena gäller när du har bekräftat den");
    let vadstena = MunicipalityCode::parse("0584").unwrap();
    assert!(
        app.store.entry_record(&slug, 2019, vadstena).await.unwrap().is_none(),
        "not before confirmation"
    );

    // The link: the invitation page, as Vadstena's contact; accepting makes the entry.
    let link = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    public.get(&link).await.assert_has("Vadstena");
    let password = "ett långt lösenord för vadstena";
    let accepted =
        public.post(&link, &[("name", "Eva Ek"), ("password", password), ("password_again", password)]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let entry = app.store.entry_record(&slug, 2019, vadstena).await.unwrap().expect("the entry is made");
    assert_eq!(entry.entry.status, EntryStatus::Invited);
    let contacts = app.store.contacts_of(&slug, 2019, vadstena).await.unwrap();
    assert_eq!(contacts.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(), ["eva@vadstena.se"]);
    let notice = app.mails().await.pop().unwrap();
    assert!(
        notice.contains("To: org <org@example.se>") && notice.contains("Eva Ek (eva@vadstena.se)"),
        "{notice}"
    );
    assert_eq!(public.get(&format!("/portal/bidrag/{}", entry.id)).await.status, StatusCode::OK);
    // The link is spent.
    assert_ne!(public.post(&link, &[("name", "Eva Ek")]).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn registration_closes_with_the_call() {
    let app = spawn_app().await;
    let page = app.browser().get("/digitaliseringskommun/2019/anmal").await;
    page.assert_has("Anmälan är stängd")
        .assert_lacks("<form method=\"post\" action=\"/digitaliseringskommun/2019/anmal\"");
}

#[tokio::test]
async fn a_joint_entry_is_nominated_by_its_name_and_several_others_are_told_what_to_do() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let members = ["2062", "2034", "2039"].map(|c| MunicipalityCode::parse(c).unwrap()).to_vec();
    let joint =
        juryn_domain::joint::JointEntry { name: "Mora, Orsa och Älvdalens kommuner".into(), members };
    app.store.make_joint(&slug, 2019, &joint, &app.by("org")).await.unwrap().unwrap();
    app.sync().await;
    let mut public = app.browser();
    public.get(FORM).await.assert_has(r#"<option value="Mora, Orsa och Älvdalens kommuner">"#);
    let fields = |m: &'static str| {
        vec![("municipality", m), ("reason", "Tillsammans."), ("name", "Eva Ek"), ("email", "eva@example.se")]
    };
    let several = public.post(FORM, &fields("Rättvik och Leksand")).await;
    assert_eq!(several.status, StatusCode::UNPROCESSABLE_ENTITY);
    several.assert_has("flera kommuner och inget gemensamt bidrag");
    let sent = public.post(FORM, &fields("mora, orsa och älvdalens kommuner")).await;
    assert_eq!(sent.status, StatusCode::OK);
    sent.assert_has("Nomineringen av Mora, Orsa och Älvdalens kommuner räknas");
    let stored = app.store.nominations(&slug, 2019).await.unwrap();
    assert_eq!(stored[0].municipality.as_str(), "2062", "kept under the joint entry's first member");
}
