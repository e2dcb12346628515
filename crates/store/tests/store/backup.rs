//! Backup and restore on both backends: the demo (with a published booklet's bytes and the
//! installation's keys) through a backup file into an empty database of the same kind and of
//! the other, every row equal; a database in use, another schema and a cut file refused with
//! nothing written.

use juryn_store::backup::{self, FileError, RestoreRefusal};
use juryn_store::demo;
use juryn_store::prelude::*;

use crate::backends::store_suite;

store_suite! {
    async fn the_demo_goes_through_a_backup_file_into_an_empty_database_row_for_row(store) {
        demo::load_edition_at(store, 2023, juryn_domain::Phase::Announced, jiff::Timestamp::now()).await.unwrap();
        // A secret and bytes, as the installation key and a booklet are.
        let key = store.secret("csrf", "the installation key").await.unwrap();
        let snapshot = store.snapshot().await.unwrap();
        assert!(snapshot.rows() > 1000, "{} rows", snapshot.rows());
        let mut file = Vec::new();
        backup::write(&snapshot, &mut file).unwrap();
        let read = backup::read(&file[..]).unwrap();
        assert_eq!(read, snapshot);

        // Into SQLite, whatever the source: every row equal, and a second restore refused.
        let (fresh, _dir) = crate::backends::sqlite().await;
        fresh.restore(&read).await.unwrap().unwrap();
        let back = fresh.snapshot().await.unwrap();
        assert_eq!(snapshot.difference(&back), None);
        assert_eq!(fresh.restore(&read).await.unwrap(), Err(RestoreRefusal::NotEmpty));
        assert_eq!(fresh.snapshot().await.unwrap().difference(&back), None, "nothing written");
        // The restored installation works: the sealed 2023 decision is there, and writes go on
        // with fresh ids past the restored ones.
        let slug = juryn_domain::Slug::parse(demo::AWARD_SLUG).unwrap();
        assert!(fresh.decision(&slug, 2023).await.unwrap().is_some());
        assert_eq!(fresh.secret("csrf", "another key").await.unwrap(), key, "the same key: sessions stay valid");
        demo::load(&*fresh).await.unwrap();

        // Of another schema: refused, nothing written.
        let (other, _dir2) = crate::backends::sqlite().await;
        let mut older = read.clone();
        older.schema -= 1;
        assert!(matches!(other.restore(&older).await.unwrap(), Err(RestoreRefusal::Schema { .. })));
        assert_eq!(other.snapshot().await.unwrap().rows(), other_rows_when_empty().await);

        // And back into this backend, when it is empty.
        if let Some(pg) = crate::backends::postgres(&format!("backup_from_{}", store.backend())).await {
            pg.restore(&read).await.unwrap().unwrap();
            assert_eq!(snapshot.difference(&pg.snapshot().await.unwrap()), None);
            demo::load(&*pg).await.unwrap();
        }
        assert!(matches!(backup::read(&file[..file.len() / 3]), Err(FileError::Truncated | FileError::Damaged(_))));
    }
}

/// How many rows an empty, migrated database holds (what the migrations seed).
async fn other_rows_when_empty() -> usize {
    let (empty, _dir) = crate::backends::sqlite().await;
    empty.snapshot().await.unwrap().rows()
}
