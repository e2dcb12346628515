//! The embedded default: one SQLite file in WAL mode, created and migrated on first open.

use std::str::FromStr;
use std::time::Duration;

use sqlx::Connection;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::{Result, StoreError};

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pub(crate) pool: SqlitePool,
    /// One writer at a time, in arrival order. SQLite allows one writer anyway; waiting here
    /// instead of in SQLite's busy handler (which sleeps and retries) keeps the slowest save
    /// close to the typical one.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// The migrations this binary carries (`migrations/sqlite`).
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

impl SqliteStore {
    /// The migrations this binary carries, for `health`.
    fn migrator() -> &'static sqlx::migrate::Migrator {
        &MIGRATOR
    }
}

impl SqliteStore {
    /// Opens (creating if missing) and migrates the database at `url` (`sqlite://FILE`).
    pub async fn open(url: &str) -> Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::InvalidUrl(crate::redacted(url)))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with synchronous=normal is durable across application crashes and loses at
            // most the last transactions on power loss: the usual choice for a web server.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // Checkpoints run from the server's housekeeping (`maintain`), not inside a save's
            // commit; this is only the safety net for processes that never call it.
            .pragma("wal_autocheckpoint", "20000");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            // A COMMIT that fails (the disk full) leaves sqlx-sqlite 0.8 counting a transaction
            // that SQLite has already rolled back; the ROLLBACK on drop then fails too, and every
            // later BEGIN on that connection is refused ("non-zero transaction depth"). Such a
            // connection is closed instead of handed out again; the pool opens a new one.
            .before_acquire(|conn, _| Box::pin(async move { Ok(!conn.is_in_transaction()) }))
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore { pool, writer: Default::default() })
    }
}

impl SqliteStore {
    const MAINTENANCE: Option<&'static str> = Some("pragma wal_checkpoint(passive)");

    /// A write transaction. It takes the write lock at once: a deferred transaction that reads
    /// first and writes later fails with "database is locked" when another writer commits in
    /// between; an immediate one waits its turn (behind this process's writers, in order; behind
    /// other processes', up to the busy timeout).
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<(Option<tokio::sync::MutexGuard<'_, ()>>, sqlx::Transaction<'static, sqlx::Sqlite>)> {
        let turn = self.writer.lock().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok((Some(turn), tx))
    }
}

crate::sql::impl_store!(SqliteStore, sqlx::Sqlite, "sqlite");
