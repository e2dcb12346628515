//! People from the command line: an administrator with a password from stdin, roles granted,
//! revoked and invited.

use std::io::Write;
use std::process::Stdio;

use crate::helpers::*;

#[test]
fn user_add_reads_the_password_from_stdin_and_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
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

#[test]
fn people_are_listed_granted_revoked_and_invited_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
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
