//! Starting wrong: a bad database URL or config file is one clear line; migrate makes the file.

use crate::helpers::*;

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
