//! The `juryn` binary as an operator meets it: real processes, a real socket, a real database.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn juryn() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_juryn"));
    cmd.env_remove("JURYN_DATABASE_URL")
        .env_remove("JURYN_LISTEN")
        .env_remove("JURYN_CONFIG")
        .env("JURYN_LOG", "warn");
    cmd
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn assert_one_line_error(out: &Output, needle: &str) {
    assert!(!out.status.success(), "expected failure");
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_bad_database_url_is_one_clear_line() {
    let out = juryn().args(["migrate", "--database", "mysql://localhost/juryn"]).output().unwrap();
    assert_one_line_error(&out, "unsupported database URL");
    let out = juryn().args(["serve", "--database", "sqlite:///no/such/dir/juryn.db"]).output().unwrap();
    assert_one_line_error(&out, "cannot open the database");
    let out = juryn().args(["serve", "--database", "postgres://nobody@127.0.0.1:1/none"]).output().unwrap();
    assert_one_line_error(&out, "cannot open the database");
}

#[test]
fn an_unreadable_or_broken_config_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let out = juryn().arg("--config").arg(&missing).arg("migrate").output().unwrap();
    assert_one_line_error(&out, "cannot read the config file");
    let broken = dir.path().join("juryn.toml");
    std::fs::write(&broken, "listen = [\nnope").unwrap();
    let out = juryn().arg("--config").arg(&broken).arg("migrate").output().unwrap();
    assert_one_line_error(&out, "is not valid");
    std::fs::write(&broken, "colour = \"blue\"\n").unwrap();
    let out = juryn().arg("--config").arg(&broken).arg("migrate").output().unwrap();
    assert_one_line_error(&out, "unknown field");
}

#[test]
fn migrate_creates_the_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("juryn.db");
    let out =
        juryn().args(["migrate", "--database"]).arg(format!("sqlite://{}", db.display())).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists());
}

#[test]
fn user_add_reads_the_password_from_stdin_and_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let add = |password: &str, email: &str| {
        let mut child = juryn()
            .args([
                "user",
                "add",
                "--email",
                email,
                "--name",
                "Karin Ekholm",
                "--role",
                "admin",
                "--database",
                &url,
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = add("ett långt lösenord", "karin@example.se");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("karin@example.se (user 1) is admin."));
    assert_one_line_error(&add("kort", "karin@example.se"), "at least 12 characters");
    assert_one_line_error(&add("ett långt lösenord", "inte-en-adress"), "not an email address");
}

fn run_ok(args: &[&str]) -> String {
    let out = juryn().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn people_are_listed_granted_revoked_and_invited_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let outbox = dir.path().join("outbox");
    let outbox_s = outbox.display().to_string();
    // A role in an edition needs the edition: load the demo's content first.
    let port = free_port();
    let mut demo = Server(
        juryn()
            .args(["demo", "--listen", &format!("127.0.0.1:{port}"), "--database", &url])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until_up(port, &mut demo);
    drop(demo);

    let contact = [
        "--role",
        "entrant-contact",
        "--award",
        "digitaliseringskommun",
        "--year",
        "2019",
        "--municipality",
        "0186",
    ];
    let mut add =
        vec!["user", "add", "--email", "lena@lidingo.se", "--name", "Lena Berg", "--database", &url];
    add.extend(contact);
    // The demo's seven jurors have accounts already, so Lena is the eighth.
    let added = run_ok(&add);
    assert!(
        added.contains("lena@lidingo.se (user 8) is Contact for Lidingö, digitaliseringskommun 2019."),
        "{added}"
    );
    let juror = ["--role", "juror", "--award", "digitaliseringskommun", "--year", "2019"];
    let mut grant = vec!["user", "grant", "--email", "lena@lidingo.se", "--database", &url];
    grant.extend(juror);
    assert!(run_ok(&grant).contains("is now Juror, digitaliseringskommun 2019"));
    assert!(run_ok(&grant).contains("nothing changed"));
    let list = run_ok(&["user", "list", "--database", &url]);
    assert!(list.contains("lena@lidingo.se\tLena Berg\tContact for Lidingö, digitaliseringskommun 2019; Juror, digitaliseringskommun 2019"), "{list}");
    let mut revoke = vec!["user", "revoke", "--email", "lena@lidingo.se", "--database", &url];
    revoke.extend(juror);
    assert!(run_ok(&revoke).contains("is no longer Juror"));
    assert_one_line_error(&juryn().args(&revoke).output().unwrap(), "is not Juror");

    let mut invite = vec![
        "invite",
        "--email",
        "sofia@example.se",
        "--name",
        "Sofia Lind",
        "--database",
        &url,
        "--outbox",
        &outbox_s,
    ];
    invite.extend(juror);
    let out = run_ok(&invite);
    assert!(out.contains("written to the outbox") && out.contains("/inbjudan/"), "{out}");
    let mails: Vec<_> = std::fs::read_dir(&outbox).unwrap().collect();
    assert_eq!(mails.len(), 1);

    // Bad input: one clear line each, nothing written.
    let bad_role = juryn()
        .args(["user", "grant", "--email", "lena@lidingo.se", "--role", "kung", "--database", &url])
        .output()
        .unwrap();
    assert_one_line_error(&bad_role, "unknown role \"kung\"");
    let no_edition = juryn()
        .args([
            "invite",
            "--email",
            "a@b.se",
            "--name",
            "A",
            "--role",
            "juror",
            "--award",
            "digitaliseringskommun",
            "--year",
            "2031",
        ])
        .args(["--database", &url, "--outbox", &outbox_s])
        .output()
        .unwrap();
    assert_one_line_error(&no_edition, "there is no edition digitaliseringskommun 2031");
    let no_municipality = juryn()
        .args([
            "user",
            "add",
            "--email",
            "b@b.se",
            "--name",
            "B",
            "--role",
            "entrant-contact",
            "--award",
            "digitaliseringskommun",
            "--year",
            "2019",
        ])
        .args(["--database", &url])
        .output()
        .unwrap();
    assert_one_line_error(&no_municipality, "bound to one municipality");
    let long_name = "N".repeat(201);
    let out = juryn()
        .args(["invite", "--email", "c@b.se", "--name", &long_name])
        .args(juror)
        .args(["--database", &url, "--outbox", &outbox_s])
        .output()
        .unwrap();
    assert_one_line_error(&out, "at most 200 characters");
    assert_eq!(std::fs::read_dir(&outbox).unwrap().count(), 1, "no further mail");
    let list = run_ok(&["user", "list", "--database", &url]);
    assert_eq!(list.lines().filter(|l| !l.contains("@example.invalid")).count(), 1, "{list}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A plain HTTP/1.1 GET over a socket; returns the status line's code and the body.
fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    http_get_raw(port, path.as_bytes())
}

/// A GET whose target is sent as the bytes given, valid UTF-8 or not.
fn http_get_raw(port: u16, target: &[u8]) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(b"GET ")?;
    stream.write_all(target)?;
    write!(stream, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let code = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((code, body))
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_until_up(port: u16, server: &mut Server) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if let Ok((200, _)) = http_get(port, "/health") {
            return;
        }
        assert!(server.0.try_wait().unwrap().is_none(), "the server exited");
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the server did not come up");
}

#[test]
fn demo_serves_the_2019_edition_over_http_and_loads_twice() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let mut seals = Vec::new();
    for round in 0..2 {
        let port = free_port();
        // The second time with a site name of its own.
        let named = ["--site-name", "Dataföreningens utmärkelser"];
        let mut server = Server(
            juryn()
                .args(["demo", "--listen", &format!("127.0.0.1:{port}"), "--database", &url])
                .args(if round == 1 { &named[..] } else { &[] })
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        wait_until_up(port, &mut server);
        let (code, body) = http_get(port, "/digitaliseringskommun/2019").unwrap();
        assert_eq!(code, 200);
        assert!(body.contains("Juryn har slutnominerat fem kommuner"));
        // The award's pages name the award; the start page, the site (by default the one award).
        assert!(body.contains(
            r#"<a class="brand" href="/digitaliseringskommun">Sveriges DigitaliseringsKommun</a>"#
        ));
        let (_, home) = http_get(port, "/").unwrap();
        let site =
            if round == 1 { "Dataföreningens utmärkelser" } else { "Sveriges DigitaliseringsKommun" };
        assert!(home.contains(&format!(r#"<a class="brand" href="/">{site}</a>"#)), "{home}");
        assert!(home.contains(&format!("<title>Utmärkelser – {site}</title>")), "{home}");
        let (code, body) = http_get(port, "/api/v1/awards/digitaliseringskommun/editions/2019").unwrap();
        assert_eq!(code, 200);
        // The default demo is the story as of the gala: Lidingö announced, the seal revealed.
        assert!(
            body.contains(r#""phase":"announced""#) && body.contains(r#""winner":{"code":"0186""#),
            "{body}"
        );
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        seals.push(json["seal"]["commitment"].as_str().unwrap().to_owned());
        let (code, _) = http_get(port, "/kommuner/abc").unwrap();
        assert_eq!(code, 404);
        // Bytes that are not UTF-8 in the query, and a 10,000-character query: 400 or the page.
        let (code, _) = http_get_raw(port, b"/digitaliseringskommun/2019?q=\xff\xfe").unwrap();
        assert!(code == 400 || code == 200, "raw invalid UTF-8 gave {code}");
        let long = format!("/digitaliseringskommun/2019?q={}", "x".repeat(10_000));
        let (code, _) = http_get(port, &long).unwrap();
        assert!(code == 200 || code == 400 || code == 414, "a 10,000-character query gave {code}");
    }
    assert_eq!(seals[0], seals[1], "loading again keeps the sealed decision");
}

#[test]
fn verify_confirms_the_announced_seal_and_catches_a_tampered_one() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let port = free_port();
    let mut demo = Server(
        juryn()
            .args([
                "demo",
                "--phase",
                "announced",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--database",
                &url,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until_up(port, &mut demo);
    drop(demo);
    let verify = ["verify", "--award", "digitaliseringskommun", "--year", "2019", "--database", &url];
    let ok = juryn().args(verify).output().unwrap();
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("matches"));

    // Someone changes the winner in the sealed text: the hash no longer holds.
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query("update decisions set sealed_json = replace(sealed_json, '0186', '2480')")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let bad = juryn().args(verify).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert_one_line_error(&bad, "does NOT match");

    // The open data: JSON with the consenting entries, CSV to a file, a clear line for bad input.
    let json = juryn()
        .args(["export", "--award", "digitaliseringskommun", "--year", "2019", "--database", &url])
        .output()
        .unwrap();
    assert!(json.status.success(), "{}", stderr(&json));
    let data: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(data["licence"]["id"], "CC-BY-4.0");
    assert_eq!(data["entries"].as_array().unwrap().len(), 42);
    let file = dir.path().join("bidrag.csv");
    let csv = juryn()
        .args(["export", "--award", "digitaliseringskommun", "--year", "2019", "--format", "csv", "-o"])
        .arg(&file)
        .args(["--database", &url])
        .output()
        .unwrap();
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("\u{feff}kod,kommun,län,inskickad,") && text.contains("\n0186,Lidingö,"),
        "{}",
        &text[..200]
    );
    let bad = juryn()
        .args([
            "export",
            "--award",
            "digitaliseringskommun",
            "--year",
            "2019",
            "--format",
            "pdf",
            "--database",
            &url,
        ])
        .output()
        .unwrap();
    assert_one_line_error(&bad, "neither json nor csv");

    // The booklet: written as a PDF whose text is the entries', one line at the end.
    let pdf = dir.path().join("skrift.pdf");
    let booklet = juryn()
        .args(["booklet", "--award", "digitaliseringskommun", "--year", "2019", "-o"])
        .arg(&pdf)
        .args(["--database", &url])
        .output()
        .unwrap();
    assert!(booklet.status.success(), "{}", stderr(&booklet));
    assert!(stderr(&booklet).contains("42 chapters"), "{}", stderr(&booklet));
    let text = juryn_readback::read(&std::fs::read(&pdf).unwrap()).text();
    assert!(
        text.contains("Kommunernas utveckling i en digital tid")
            && text.contains("Lidingö")
            && !text.contains("Borås")
    );
    let missing = juryn()
        .args(["booklet", "--award", "digitaliseringskommun", "--year", "2018", "-o"])
        .arg(dir.path().join("x.pdf"))
        .args(["--database", &url])
        .output()
        .unwrap();
    assert_one_line_error(&missing, "no edition digitaliseringskommun 2018");
    assert!(!dir.path().join("x.pdf").exists());

    let none = juryn()
        .args(["verify", "--award", "digitaliseringskommun", "--year", "2018", "--database", &url])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    assert_one_line_error(&none, "no edition digitaliseringskommun 2018");
}

/// A command that must fail with one line naming the problem, and leave the database as it was.
fn run_refused(args: &[&str], needle: &str) {
    let out = juryn().args(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} was accepted");
    assert_one_line_error(&out, needle);
}

#[test]
fn an_award_its_edition_and_timeline_are_made_from_nothing_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let db = ["--database", url.as_str()];
    let with = |args: &[&'static str]| -> Vec<String> {
        args.iter().map(|a| (*a).to_owned()).chain(db.iter().map(|a| (*a).to_owned())).collect()
    };
    let ok = |args: &[&'static str]| {
        let a = with(args);
        run_ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let refused = |args: &[&'static str], needle: &str| {
        let a = with(args);
        run_refused(&a.iter().map(String::as_str).collect::<Vec<_>>(), needle);
    };
    assert!(ok(&["award", "list"]).contains("No awards yet"));
    assert!(
        ok(&["award", "add", "--slug", "testpriset", "--name", "Testpriset"])
            .contains("Created the award Testpriset")
    );
    refused(&["award", "add", "--slug", "testpriset", "--name", "Igen"], "already an award");
    refused(&["award", "add", "--slug", "Fel Slug", "--name", "X"], "slug");
    ok(&["edition", "add", "--award", "testpriset", "--year", "2021", "--ordinal", "11"]);
    refused(&["edition", "add", "--award", "testpriset", "--year", "2021"], "already has an edition 2021");
    refused(&["edition", "add", "--award", "testpriset", "--year", "1899"], "outside 1900–2100");
    refused(&["edition", "add", "--award", "nopris", "--year", "2021"], "no award nopris");
    refused(
        &["edition", "add", "--award", "testpriset", "--year", "2023", "--copy-from", "2019"],
        "no edition 2019",
    );
    let t = ["timeline", "add", "--award", "testpriset", "--year", "2021"];
    let add = |kind: &'static str, date: &'static str, text: &'static str| {
        let mut a: Vec<&'static str> = t.to_vec();
        a.extend(["--kind", kind, "--date", date, "--text", text]);
        a
    };
    ok(&add("gala", "november 2021", "Galan"));
    ok(&add("call-closes", "29 april 2021", "Sista dag att anmäla"));
    ok(&add("site-visits", "september–oktober 2021", "Digitala möten"));
    refused(&add("gala", "31 februari 2021", "Omöjlig"), "cannot read the date");
    refused(&add("gala", "maj–april 2021", "Baklänges"), "ends before it starts");
    refused(&add("call-opens", "1 maj 2021", "Öppnar efter stängning"), "close before it opens");
    refused(&add("galan", "2021", "Fel sort"), "unknown kind");
    let long: &'static str = Box::leak("x".repeat(10_000).into_boxed_str());
    refused(&add("other", "2021", long), "longer than 500");
    let list = ok(&["timeline", "list", "--award", "testpriset", "--year", "2021"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "{list}");
    // In date order, whatever order they were added in.
    assert!(lines[0].contains("29 april 2021") && lines[0].contains("Sista dag att anmäla"), "{list}");
    assert!(lines[1].contains("September–oktober 2021"), "{list}");
    assert!(lines[2].contains("November 2021") && lines[2].contains("gala"), "{list}");
    assert!(ok(&["award", "list"]).contains("testpriset\tTestpriset\t2021"));

    // The gala postponed: a move, which the list shows, of the one milestone of that kind.
    let mv = ["timeline", "move", "--award", "testpriset", "--year", "2021"];
    let moved = ok(&[&mv[..], &["--kind", "gala", "--date", "2 maj 2022"]].concat());
    assert!(moved.contains("Moved Galan in Testpriset 2021 from November 2021 to 2 maj 2022"), "{moved}");
    assert_eq!(moved.lines().count(), 1);
    refused(&[&mv[..], &["--kind", "gala", "--date", "2 maj 2022"]].concat(), "already on 2 maj 2022");
    refused(&[&mv[..], &["--kind", "booklet", "--date", "juni 2021"]].concat(), "no booklet milestone");
    refused(&[&mv[..], &["--kind", "gala", "--date", "31 februari 2022"]].concat(), "cannot read the date");
    let list = ok(&["timeline", "list", "--award", "testpriset", "--year", "2021"]);
    assert!(list.contains("2 maj 2022\tgala\tGalan\t(moved from November 2021)"), "{list}");
}

#[test]
fn an_edition_copied_from_an_earlier_one_takes_its_questionnaire_not_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        juryn_store::demo::load_at(&*store, juryn_domain::Phase::Announced, jiff::Timestamp::now())
            .await
            .unwrap();
    });
    let out = run_ok(&[
        "edition",
        "add",
        "--award",
        "digitaliseringskommun",
        "--year",
        "2025",
        "--copy-from",
        "2019",
        "--database",
        &url,
    ]);
    assert!(out.contains("3 questions"), "{out}");
    rt.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        let slug = juryn_domain::Slug::parse("digitaliseringskommun").unwrap();
        let (old, new) =
            (store.questions(&slug, 2019).await.unwrap(), store.questions(&slug, 2025).await.unwrap());
        assert_eq!(old, new);
        assert_eq!(store.criteria(&slug, 2019).await.unwrap(), store.criteria(&slug, 2025).await.unwrap());
        assert_eq!(store.jury(&slug, 2025).await.unwrap().len(), 7);
        let e = store.edition(&slug, 2025).await.unwrap().unwrap();
        assert_eq!((e.phase, e.winner, e.nominees.len()), (juryn_domain::Phase::Draft, None, 0));
        assert!(store.entries(&slug, 2025).await.unwrap().is_empty(), "no entries carry over");
        assert!(store.timeline(&slug, 2025).await.unwrap().is_empty());
        // The programme moves by whole years: the 2019 gala on 12 November becomes 2025's.
        let gala = store.events(&slug, 2025).await.unwrap().into_iter().next().expect("the programme");
        let day = gala.starts_at.to_zoned(juryn_domain::call::stockholm()).date();
        assert_eq!(day, jiff::civil::date(2025, 11, 12));
    });
}

/// What `juryn serve` prints before it serves, up to its "juryn serves" line.
fn serve_banner(url: &str) -> String {
    use std::io::BufRead;
    let port = free_port();
    let mut server = Server(
        juryn()
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--database", url, "--outbox"])
            .arg(std::env::temp_dir().join(format!("juryn-banner-{port}")))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = server.0.stdout.take().unwrap();
    let mut banner = String::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.unwrap();
        banner.push_str(&line);
        banner.push('\n');
        if line.starts_with("juryn serves") {
            break;
        }
    }
    banner
}

#[test]
fn the_first_run_says_how_to_make_the_first_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let first = serve_banner(&url);
    let line =
        first.lines().find(|l| l.starts_with("No administrator yet")).unwrap_or_else(|| panic!("{first}"));
    assert!(line.contains("juryn user add --email ADDRESS --name NAME --role admin"), "{line}");
    let mut add = juryn()
        .args([
            "user",
            "add",
            "--email",
            "admin@example.se",
            "--name",
            "Admin",
            "--role",
            "admin",
            "--database",
            &url,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(b"correct horse battery staple\n").unwrap();
    assert!(add.wait().unwrap().success());
    assert!(!serve_banner(&url).contains("No administrator yet"));
}

#[test]
fn a_new_installation_takes_its_first_awards_name_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    let port = free_port();
    let mut server = Server(
        juryn()
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--database", &url, "--outbox"])
            .arg(dir.path().join("outbox"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until_up(port, &mut server);
    let brand = |port| http_get(port, "/logga-in").unwrap().1;
    assert!(brand(port).contains(r#"<a class="brand" href="/">juryn</a>"#));
    run_ok(&["award", "add", "--slug", "testpriset", "--name", "Testpriset", "--database", &url]);
    let start = Instant::now();
    while !brand(port).contains(r#"<a class="brand" href="/">Testpriset</a>"#) {
        assert!(start.elapsed() < Duration::from_secs(20), "the site kept its old name: {}", brand(port));
        std::thread::sleep(Duration::from_millis(200));
    }
}
