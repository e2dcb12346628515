//! When the database fails under the app: its disk full (SQLite on a small file system), or the
//! server stopped (PostgreSQL). The reader gets a 503 page in Swedish that says nothing was
//! saved, never a 500 or a hang; nothing is half-written; reads go on where they can; and the app
//! recovers by itself when the database is back.
//!
//! Both need what a plain `cargo test` may not have: mounting a tmpfs (root), and PostgreSQL's
//! binaries. Without them a test says so and passes; `.ci/run` sets `JURYN_TEST_FAULTS=require`,
//! which turns a missing capability into a failure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use juryn_domain::{Grant, Phase, Slug};
use juryn_store::demo;

use crate::helpers::{Browser, TestApp, person, spawn_on};

const ADMIN: &str = "/admin/digitaliseringskommun/2019/skrift";
const EDITION: &str = "/digitaliseringskommun/2019";
const PASSWORD: &str = "correct horse battery staple";

/// Whether a test may skip for want of `what`, or must fail.
fn unavailable(what: &str) {
    assert!(
        std::env::var("JURYN_TEST_FAULTS").as_deref() != Ok("require"),
        "JURYN_TEST_FAULTS=require, and this machine cannot {what}"
    );
    eprintln!("skipped: this machine cannot {what}");
}

async fn organiser(app: &TestApp) -> Browser<'_> {
    person(app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    org
}

async fn booklet_versions(app: &TestApp) -> usize {
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    app.store.booklet_versions(&slug, 2019).await.expect("the versions").len()
}

/// A tmpfs of `megabytes`, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Takes every byte left with a file; returns it, to be removed to make room again.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).expect("the filler");
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        // The last bytes, less than a block.
        while file.write_all(&[0u8; 512]).is_ok() {}
        while file.write_all(&[0u8]).is_ok() {}
        let _ = file.flush();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

#[tokio::test]
async fn a_full_disk_refuses_the_write_whole_says_so_and_the_pages_still_read() {
    if std::env::var("JURYN_TEST_BACKEND").as_deref() == Ok("postgres") {
        return; // SQLite's disk; the PostgreSQL pass has its own test below.
    }
    let Some(disk) = SmallDisk::mount(48) else { return unavailable("mount a small tmpfs (root)") };
    let url = format!("sqlite://{}", disk.path().join("juryn.db").display());
    let app = spawn_on(tempfile::tempdir().unwrap(), url, Some("2019-06-10T00:00:00Z"), true).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    let mut org = organiser(&app).await;
    let title = [("title", "Skriften före"), ("foreword", "")];
    assert_eq!(org.post(ADMIN, &title).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(EDITION).await.status, StatusCode::OK);
    let generation = app.store.generation().await.unwrap();

    // The write-ahead log emptied, so that any write needs new room; then no room is left.
    app.execute("pragma wal_checkpoint(truncate)").await;
    let filler = disk.fill();

    // Publishing a booklet writes a whole PDF: refused, said so in Swedish, nothing kept.
    let refused = org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-14T10:00")]).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "{}", refused.body);
    refused.assert_has("Det gick inte att spara").assert_has("inget av det du skickade har sparats");
    assert_eq!(refused.header("retry-after"), "5");
    let refused = org.post(ADMIN, &[("title", "Skriften efter"), ("foreword", "Ett förord.")]).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "a small write too");
    let api = app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await;
    assert_eq!(api.status, StatusCode::OK, "the API reads on");

    // Nothing half-written: no version, the settings as they were, no generation bumped.
    assert_eq!(booklet_versions(&app).await, 0);
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    assert_eq!(app.store.booklet_settings(&slug, 2019).await.unwrap().title, "Skriften före");
    assert_eq!(app.store.generation().await.unwrap(), generation);

    // Reads go on: the organiser's pages (read from the database, not the page cache), the
    // public edition page, a page never rendered before.
    let admin = org.get(ADMIN).await;
    assert_eq!(admin.status, StatusCode::OK);
    admin.assert_has("Skriften före");
    assert_eq!(app.get(EDITION).await.status, StatusCode::OK);
    assert_eq!(app.get("/digitaliseringskommun/2019/jury").await.status, StatusCode::OK);

    // Room again: the same publication goes through, whole.
    std::fs::remove_file(filler).unwrap();
    let published = org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-14T10:00")]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
    assert_eq!(booklet_versions(&app).await, 1);
    let pdf = app.at("2019-06-14T08:00:00Z").get("/digitaliseringskommun/2019/skrift/v1.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(juryn_readback::read(&pdf.bytes).text().contains("Skriften före"));
}

/// A PostgreSQL cluster of this test's own, to stop and start.
struct OwnPostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    fn start() -> Option<OwnPostgres> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|b| b.join("pg_ctl").exists())
            .max()?;
        let dir = tempfile::tempdir().ok()?;
        let port = std::net::TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.ci/start-postgres");
        let started = Command::new(script)
            .arg(dir.path().join("pg"))
            .env("JURYN_TEST_PG_PORT", port.to_string())
            .stdout(std::process::Stdio::null())
            .status()
            .ok()?;
        started.success().then_some(OwnPostgres { bin, dir, port })
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.path().join("pg/data");
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join("pg_ctl"));
            c
        } else {
            Command::new(self.bin.join("pg_ctl"))
        };
        let status = command.arg("-D").arg(&data).args(args).stdout(std::process::Stdio::null()).status();
        assert!(status.is_ok_and(|s| s.success()), "pg_ctl {args:?}");
    }

    fn stop(&self) {
        self.pg_ctl(&["-m", "fast", "-w", "stop"]);
    }

    fn start_again(&self) {
        let socket = self.dir.path().join("pg");
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            self.port,
            socket.display()
        );
        let log = self.dir.path().join("pg/log");
        self.pg_ctl(&["-w", "-l", log.to_str().unwrap(), "-o", &options, "start"]);
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("pg/data");
        if data.join("postmaster.pid").exists() {
            self.stop();
        }
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

#[tokio::test]
async fn a_stopped_database_gives_the_503_page_not_a_hang_and_the_app_recovers_by_itself() {
    if std::env::var("JURYN_TEST_BACKEND").as_deref() != Ok("postgres") {
        return; // the PostgreSQL pass of CI runs it
    }
    let Some(pg) = OwnPostgres::start() else { return unavailable("start a PostgreSQL cluster") };
    let url = juryn_store::PgStore::fresh_database(&pg.url(), "juryn_faults").await.unwrap();
    let app = spawn_on(tempfile::tempdir().unwrap(), url, Some("2019-06-10T00:00:00Z"), true).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    let mut org = organiser(&app).await;
    let before = [("title", "Sparat före stoppet"), ("foreword", "")];
    assert_eq!(org.post(ADMIN, &before).await.status, StatusCode::SEE_OTHER, "answered 2xx/3xx");
    assert_eq!(app.get(EDITION).await.status, StatusCode::OK);

    pg.stop();

    // A page that needs the database: the 503 page in Swedish, in about the pool's wait.
    let asked = Instant::now();
    let page = org.get(ADMIN).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{}", page.body);
    page.assert_has("Tjänsten är tillfälligt otillgänglig")
        .assert_has("Inget av det du skickade har sparats");
    assert_eq!(page.header("retry-after"), "5");
    assert!(asked.elapsed() < Duration::from_secs(8), "not a hang: {:?}", asked.elapsed());
    let refused = org.post(ADMIN, &[("title", "Under stoppet"), ("foreword", "")]).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
    let api = app.get("/api/v1/awards/digitaliseringskommun/editions/2019/questionnaire").await;
    assert_eq!(api.status, StatusCode::SERVICE_UNAVAILABLE, "the API too");
    assert_eq!(api.json()["error"], "unavailable");
    assert_eq!(app.get("/health").await.status, StatusCode::SERVICE_UNAVAILABLE);
    // The public page the cache keeps is still served.
    assert_eq!(app.get(EDITION).await.status, StatusCode::OK);

    pg.start_again();

    // Back by itself: the same pool, no restart of the app.
    let back = Instant::now();
    loop {
        let page = org.get(ADMIN).await;
        if page.status == StatusCode::OK {
            page.assert_has("Sparat före stoppet").assert_lacks("Under stoppet");
            break;
        }
        assert!(back.elapsed() < Duration::from_secs(15), "not back after 15 s: {}", page.status);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let after = [("title", "Sparat efter stoppet"), ("foreword", "")];
    assert_eq!(org.post(ADMIN, &after).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/health").await.status, StatusCode::OK);
}
