//! The scale-out backend: any number of `juryn serve` processes share one PostgreSQL.

use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use crate::{Result, StoreError};

#[derive(Debug, Clone)]
pub struct PgStore {
    pub(crate) pool: PgPool,
}

/// The migrations this binary carries (`migrations/postgres`).
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl PgStore {
    /// The migrations this binary carries, for `health`.
    fn migrator() -> &'static sqlx::migrate::Migrator {
        &MIGRATOR
    }
}

impl PgStore {
    const MAINTENANCE: Option<&'static str> = None;

    /// Connects to `url` (`postgres://…`) and migrates. Several processes may start at once:
    /// sqlx serialises migrations with an advisory lock.
    pub async fn open(url: &str) -> Result<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            // A request waits at most this long for a connection: when the server is down, sqlx
            // retries connecting until then, and the reader gets the 503 page after it, not a hang.
            .acquire_timeout(Duration::from_secs(3))
            .connect(url)
            .await
            .map_err(StoreError::Connect)?;
        MIGRATOR.run(&pool).await?;
        Ok(PgStore { pool })
    }
}

impl PgStore {
    /// Makes an empty database `name` on the server `server_url` names (dropping one of that
    /// name first) and returns its URL: for test suites that run on PostgreSQL, each test on a
    /// database of its own. `name` must be a plain identifier.
    pub async fn fresh_database(server_url: &str, name: &str) -> Result<String> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(StoreError::Invalid(format!("{name:?} is not a plain database name")));
        }
        let admin =
            PgPoolOptions::new().max_connections(1).connect(server_url).await.map_err(StoreError::Connect)?;
        sqlx::query(&format!("drop database if exists {name} with (force)")).execute(&admin).await?;
        sqlx::query(&format!("create database {name}")).execute(&admin).await?;
        admin.close().await;
        let mut url = url::Url::parse(server_url).map_err(|e| StoreError::Invalid(e.to_string()))?;
        url.set_path(name);
        Ok(url.to_string())
    }

    /// A write transaction. PostgreSQL's row locks serialise conflicting writes; a plain
    /// transaction is enough, and writers need no turn.
    pub(crate) async fn begin_write(
        &self,
    ) -> Result<(Option<tokio::sync::MutexGuard<'_, ()>>, sqlx::Transaction<'static, sqlx::Postgres>)> {
        Ok((None, self.pool.begin().await?))
    }
}

crate::sql::impl_store!(PgStore, sqlx::Postgres, "postgres");
