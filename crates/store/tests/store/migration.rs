//! A database written by earlier code opens with today's: `tests/fixtures/answers-before-0025.db`
//! was written by juryn before migration 0025 (each answer says its kind) — the demo of 2019
//! with a maturity, a number and a yes/no question added and one entry answering every kind,
//! saved twice. Opening it migrates it; no answer may be lost or changed.

use juryn_domain::{EntryStatus, MunicipalityCode, Slug};
use juryn_store::Stamp;
use juryn_store::prelude::*;
use juryn_store::{EntrySave, SqliteStore, demo};
use sqlx::Row;

type Answers = Vec<(i64, i64, String)>;

async fn rows(url: &str, with_kind: bool) -> (Answers, Vec<String>) {
    let pool = sqlx::SqlitePool::connect(url).await.expect("open the copy");
    let sql = if with_kind {
        "select entry_id, question_id, body, kind from answers order by entry_id, question_id"
    } else {
        "select entry_id, question_id, body, '' as kind from answers order by entry_id, question_id"
    };
    let found = sqlx::query(sql).fetch_all(&pool).await.expect("read answers");
    pool.close().await;
    let answers = found.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    (answers, found.iter().map(|r| r.get::<String, _>(3)).collect())
}

#[tokio::test]
async fn a_database_from_before_typed_answers_opens_with_every_answer_kept() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("juryn.db");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers-before-0025.db");
    std::fs::copy(fixture, &copy).unwrap();
    let url = format!("sqlite://{}", copy.display());
    let (before, _) = rows(&url, false).await;
    assert!(before.len() > 100, "the fixture holds the demo's answers");

    let store = SqliteStore::open(&url).await.expect("open and migrate");
    let (after, kinds) = rows(&url, true).await;
    assert_eq!(after, before, "every answer kept, unchanged");

    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let code = MunicipalityCode::parse("0584").unwrap();
    let record = store.entry_record(&slug, 2019, code).await.unwrap().unwrap();
    let tail = &record.entry.answers[3..];
    assert_eq!(tail, ["helt,delvis,inte-alls", "42", "nej"]);
    // Each answer took its question's kind; the demo's long texts stay long texts.
    let entry_kinds: Vec<&str> = after
        .iter()
        .zip(&kinds)
        .filter(|((entry, _, _), _)| *entry == record.id)
        .map(|(_, k)| k.as_str())
        .collect();
    assert_eq!(entry_kinds, ["long-text", "long-text", "long-text", "maturity", "number", "yes-no"]);
    assert!(kinds.iter().filter(|k| *k == "long-text").count() > 100);
    // The history written before reads back too.
    let history = store.entry_history(record.id).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].answers[3], "helt,,inte-alls");

    // From now on, an answer that does not fit its question is refused by the store itself.
    let mut save = EntrySave {
        expected_version: record.version,
        status: EntryStatus::Draft,
        answers: record.entry.answers.clone(),
        consent: true,
        submitted_at: None,
    };
    let during_call = Stamp::new("t", "2019-03-01T10:00:00Z".parse().unwrap());
    save.answers[4] = "fyrtiotvå".into();
    assert!(store.save_entry(&slug, 2019, code, &save, &during_call).await.is_err());
    save.answers[4] = "43".into();
    store.save_entry(&slug, 2019, code, &save, &during_call).await.unwrap();
    let saved = store.entry_record(&slug, 2019, code).await.unwrap().unwrap();
    assert_eq!(saved.entry.answers[4], "43");
}
