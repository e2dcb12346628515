//! `juryn demo` and `juryn serve` over a real socket: the demo twice, the seal verified, the
//! first run's advice and a site that takes its first award's name.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::helpers::*;

#[test]
fn demo_serves_the_2019_edition_over_http_and_loads_twice() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
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
    let url = test_database(dir.path(), "juryn");
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
    execute(&url, "update decisions set sealed_json = replace(sealed_json, '0186', '2480')");
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
    let url = test_database(dir.path(), "juryn");
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
    let url = test_database(dir.path(), "juryn");
    let (_server, port) = started("serve", &url, dir.path(), &[]);
    let brand = |port| http_get(port, "/logga-in").unwrap().1;
    assert!(brand(port).contains(r#"<a class="brand" href="/">juryn</a>"#));
    run_ok(&["award", "add", "--slug", "testpriset", "--name", "Testpriset", "--database", &url]);
    let start = Instant::now();
    while !brand(port).contains(r#"<a class="brand" href="/">Testpriset</a>"#) {
        assert!(start.elapsed() < Duration::from_secs(20), "the site kept its old name: {}", brand(port));
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn an_award_made_on_the_site_itself_names_the_site_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let mut add = juryn();
    add.args(["user", "add", "--email", "a@example.se", "--name", "Karin Ekholm", "--role", "admin"]);
    add.args(["--database", &url]).stdin(Stdio::piped());
    let mut child = add.spawn().unwrap();
    child.stdin.as_mut().unwrap().write_all(b"ett-langt-losenord\nett-langt-losenord\n").unwrap();
    assert!(child.wait().unwrap().success());
    let (_server, port) = started("serve", &url, dir.path(), &[]);
    let (_, mut cookies, page) = http_form(port, "GET", "/logga-in", "", "");
    let form = format!("csrf={}&email=a%40example.se&password=ett-langt-losenord", csrf_of(&page));
    let (code, set, _) = http_form(port, "POST", "/logga-in", &cookies.join("; "), &form);
    assert_eq!(code, 303, "signed in");
    cookies.extend(set);
    let jar = cookies.join("; ");
    let (_, _, account) = http_form(port, "GET", "/konto", &jar, "");
    let form = format!("csrf={}&slug=testpriset&name_sv=Testpriset", csrf_of(&account));
    let (code, _, _) = http_form(port, "POST", "/admin/utmarkelser", &jar, &form);
    assert_eq!(code, 303, "the award is made");
    // At once: the write was this process's own, so no poll is waited for.
    let (_, _, page) = http_form(port, "GET", "/logga-in", "", "");
    assert!(page.contains(r#"<a class="brand" href="/">Testpriset</a>"#), "the site kept its old name");
}

#[test]
fn the_demo_tells_2021_from_its_call_and_refuses_an_edition_it_does_not_have() {
    let out = juryn().args(["demo", "--edition", "2020"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("the demo tells 2019, 2021, 2023"), "{}", stderr(&out));

    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let args = ["demo", "--edition", "2021", "--phase", "call-open", "--listen", &listen, "--database", &url];
    let mut demo = Server(juryn().args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
    wait_until_up(port, &mut demo);
    let (code, page) = http_get(port, "/digitaliseringskommun/2021/nominera").unwrap();
    assert_eq!(code, 200);
    assert!(page.contains("<form"), "2021's call is open to nominations");
    let (_, award) = http_get(port, "/digitaliseringskommun").unwrap();
    assert!(award.contains("Lidingö") && !award.contains("2023"), "2019 is history, 2023 not yet there");
}

#[test]
fn metrics_and_readiness_are_served_and_a_taken_metrics_port_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let outbox = dir.path().join("outbox");
    let metrics = free_port();
    let (server, port) =
        started("serve", &url, dir.path(), &["--metrics-listen", &format!("127.0.0.1:{metrics}")]);
    assert_eq!(http_get(port, "/ready").unwrap(), (200, "ready".to_owned()));
    let (code, text) = http_get(metrics, "/metrics").unwrap();
    assert_eq!(code, 200);
    assert!(
        text.contains("# TYPE juryn_http_requests counter") && text.contains(r#"route="/ready""#),
        "{text}"
    );
    // Apart from the site: the site has no /metrics, the metrics address nothing else.
    assert_eq!(http_get(port, "/metrics").unwrap().0, 404);
    assert_eq!(http_get(metrics, "/").unwrap().0, 404);
    drop(server);

    // The metrics port already taken: one line, a non-zero exit, nothing served.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = taken.local_addr().unwrap().port();
    let out = juryn()
        .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port()), "--database", &url])
        .args(["--metrics-listen", &format!("127.0.0.1:{busy}")])
        .arg("--outbox")
        .arg(&outbox)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert_one_line_error(&out, &format!("cannot serve the metrics on 127.0.0.1:{busy}"));
    let bad = juryn().args(["serve", "--database", &url, "--metrics-listen", "localhost"]).output().unwrap();
    assert_one_line_error(&bad, "--metrics-listen \"localhost\" is not ADDR:PORT");
}

/// SIGTERM while eight clients keep asking: every response begun is whole, the rest are
/// refused at connect, and the server exits 0.
#[cfg(unix)]
#[test]
fn sigterm_during_a_burst_drops_no_answered_request_and_exits_zero() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let (mut server, port) = started("demo", &url, dir.path(), &[]);
    let stop = Arc::new(AtomicBool::new(false));
    let (whole, refused) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let cut = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let (stop, whole, refused, cut) = (stop.clone(), whole.clone(), refused.clone(), cut.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    match http_get(port, "/digitaliseringskommun/2019") {
                        Ok((200, body)) if body.trim_end().ends_with("</html>") => {
                            whole.fetch_add(1, Ordering::Relaxed);
                        }
                        // Nothing begun: the server no longer accepts. Not a cut answer.
                        Ok((0, body)) if body.is_empty() => {
                            refused.fetch_add(1, Ordering::Relaxed);
                            std::thread::sleep(Duration::from_millis(10));
                        }
                        Ok((code, body)) => cut.lock().unwrap().push(format!("{code}: {} bytes", body.len())),
                        Err(_) => {
                            refused.fetch_add(1, Ordering::Relaxed);
                            std::thread::sleep(Duration::from_millis(10));
                        }
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(800));
    let pid = nix::unistd::Pid::from_raw(i32::try_from(server.0.id()).unwrap());
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(40), "still running 40 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    let cut = cut.lock().unwrap();
    assert!(cut.is_empty(), "responses cut short: {cut:?}");
    assert!(whole.load(Ordering::Relaxed) > 0, "no request was answered before the stop");
    assert!(refused.load(Ordering::Relaxed) > 0, "the server kept accepting after SIGTERM");
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[test]
fn a_backup_taken_while_the_demo_serves_restores_into_an_empty_database_with_the_seal_and_booklet_intact() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let (server, _) = started("demo", &url, dir.path(), &[]);
    let file = dir.path().join("demo.backup");
    let file_arg = file.to_str().unwrap();
    let out = run_ok(&["backup", "-o", file_arg, "--database", &url]);
    assert!(out.starts_with("Backed up "), "{out}");
    drop(server);

    let restored = test_database(dir.path(), "restored");
    assert!(run_ok(&["restore", file_arg, "--database", &restored]).starts_with("Restored "));
    run_ok(&["verify", "--award", "digitaliseringskommun", "--year", "2019", "--database", &restored]);
    let (before, after) = (booklet_rows(&url), booklet_rows(&restored));
    assert!(!before.is_empty(), "the demo has a published booklet");
    assert_eq!(before, after, "the booklet's bytes and SHA-256 are unchanged");

    // Into a database in use, of a cut file, of something else: one line, non-zero, nothing written.
    run_refused(&["restore", file_arg, "--database", &restored], "the database is not empty");
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.backup");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let cut_db = test_database(dir.path(), "cut");
    run_refused(&["restore", cut.to_str().unwrap(), "--database", &cut_db], "nothing was restored");
    let pdf = dir.path().join("not.backup");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    run_refused(&["restore", pdf.to_str().unwrap(), "--database", &cut_db], "this is not a juryn backup");
    run_refused(
        &["restore", "/nonexistent/x.backup", "--database", &cut_db],
        "cannot read /nonexistent/x.backup",
    );

    // copy: the same, database to database; not into one with data.
    let copied = test_database(dir.path(), "copied");
    assert!(run_ok(&["copy", "--from", &url, "--to", &copied]).starts_with("Copied "));
    run_ok(&["verify", "--award", "digitaliseringskommun", "--year", "2019", "--database", &copied]);
    run_refused(&["copy", "--from", &url, "--to", &copied], "the database is not empty");
}
