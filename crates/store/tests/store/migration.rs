//! A database written by earlier code opens with today's: `tests/fixtures/answers-before-0025.db`
//! was written by juryn before migration 0025 (each answer says its kind) — the demo of 2019
//! with a maturity, a number and a yes/no question added and one entry answering every kind,
//! saved twice. Opening it migrates it; no answer may be lost or changed — nor a review or a
//! score, when migration 0031 rebuilds the review tables to give each its round.

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

/// The fixture, migrated as far as 0030 (before reviews had rounds), with a juror's assignment,
/// a submitted review with its scores and an earlier version, and a ranking view written the way
/// the code of then wrote them.
async fn reviews_before_0031(url: &str) {
    let pool = sqlx::SqlitePool::connect(url).await.expect("open the copy");
    let mut migrator = sqlx::migrate!("migrations/sqlite");
    migrator.migrations =
        std::borrow::Cow::Owned(migrator.migrations.iter().filter(|m| m.version <= 30).cloned().collect());
    migrator.run(&pool).await.expect("migrate to 0030");
    for sql in [
        "insert into users (id, email, name, lang, created_at) values (900, 'j@example.se', 'Jurorn', 'sv', 0)",
        "insert into assignments (edition_id, user_id, municipality_code) values (1, 900, '0114'), (1, 900, '0117')",
        "insert into reviews (id, edition_id, user_id, municipality_code, overall_comment, updated_at, submitted_at, \
         changed_at) values (70, 1, 900, '0114', 'Starkt', 100, 100, 200)",
        "insert into review_scores (review_id, criterion_id, score, comment) values (70, 1, 4, 'a'), (70, 2, 3, 'b'), \
         (70, 3, 5, 'c')",
        "insert into review_versions (review_id, overall_comment, scores, written_at, replaced_at) \
         values (70, 'Först', '[[1,2,\"\"]]', 100, 200)",
        "insert into ranking_views (edition_id, user_id, first_seen_at) values (1, 900, 300)",
    ] {
        sqlx::query(sql).execute(&pool).await.expect(sql);
    }
    pool.close().await;
}

/// The review tables' rows, each as one line, in a fixed order.
async fn review_rows(url: &str) -> Vec<String> {
    let pool = sqlx::SqlitePool::connect(url).await.expect("open the copy");
    let mut out = Vec::new();
    for sql in [
        "select id || ' ' || user_id || ' ' || municipality_code || ' ' || overall_comment || ' ' || submitted_at \
         || ' ' || changed_at from reviews order by id",
        "select review_id || ' ' || criterion_id || ' ' || score || ' ' || comment from review_scores \
         order by review_id, criterion_id",
        "select review_id || ' ' || overall_comment || ' ' || scores from review_versions order by id",
        "select id || ' ' || name_sv || ' ' || weight || ' ' || scale_labels from criteria order by id",
        "select user_id || ' ' || municipality_code from assignments order by user_id, municipality_code",
        "select user_id || ' ' || first_seen_at from ranking_views order by user_id",
    ] {
        let found = sqlx::query(sql).fetch_all(&pool).await.expect("read reviews");
        out.extend(found.iter().map(|r| r.get::<String, _>(0)));
    }
    pool.close().await;
    out
}

#[tokio::test]
async fn the_reviews_and_their_scores_survive_the_rebuild_that_gives_them_a_round() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("juryn.db");
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/answers-before-0025.db");
    std::fs::copy(fixture, &copy).unwrap();
    let url = format!("sqlite://{}", copy.display());
    reviews_before_0031(&url).await;
    let before = review_rows(&url).await;
    assert_eq!(before.len(), 1 + 3 + 1 + 3 + 2 + 1, "{before:?}");

    let store = SqliteStore::open(&url).await.expect("open and migrate");
    assert_eq!(review_rows(&url).await, before, "every review, score, version, criterion, assignment kept");
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let reviews = store.reviews(&slug, 2019).await.unwrap();
    assert_eq!(reviews.len(), 1, "the review is the first round's, which is the edition's one round");
    let scores: Vec<Option<u8>> = reviews[0].scores.iter().map(|s| s.score).collect();
    assert_eq!(scores, [Some(4), Some(3), Some(5)]);
    let code = MunicipalityCode::parse("0114").unwrap();
    assert_eq!(store.review_versions(&slug, 2019, 900, code).await.unwrap().len(), 1);
    assert_eq!(store.ranking_viewers(&slug, 2019).await.unwrap(), [900]);
    assert_eq!(store.assignments_of(&slug, 2019, 900).await.unwrap().len(), 2);
    // The foreign keys still hold: no score points at a review or criterion that is not there.
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let broken = sqlx::query("pragma foreign_key_check").fetch_all(&pool).await.unwrap();
    assert!(broken.is_empty(), "{} rows break a foreign key", broken.len());
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
