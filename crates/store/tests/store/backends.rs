//! Runs each test of the suite once per backend, each on a fresh database.

use std::sync::Arc;

use juryn_store::{PgStore, SqliteStore, Store};

/// A fresh SQLite database in a temporary directory that lives as long as the returned guard.
pub async fn sqlite() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("juryn.db").display());
    (Arc::new(SqliteStore::open(&url).await.expect("open sqlite")), dir)
}

/// A fresh PostgreSQL database on the server `JURYN_TEST_POSTGRES_URL` names, or `None` when the
/// variable is unset.
pub async fn postgres(test: &str) -> Option<Arc<dyn Store>> {
    let base = std::env::var("JURYN_TEST_POSTGRES_URL").ok()?;
    let name = format!("juryn_test_{}_{}", test, std::process::id());
    let admin = sqlx::PgPool::connect(&base).await.expect("connect to JURYN_TEST_POSTGRES_URL");
    sqlx::query(&format!("drop database if exists {name}")).execute(&admin).await.expect("drop");
    sqlx::query(&format!("create database {name}")).execute(&admin).await.expect("create");
    admin.close().await;
    let mut url = url::Url::parse(&base).expect("JURYN_TEST_POSTGRES_URL is a URL");
    url.set_path(&name);
    Some(Arc::new(PgStore::open(url.as_str()).await.expect("open postgres")))
}

/// Declares each `async fn name(store) { … }` as two tests, `sqlite::name` and `postgres::name`.
macro_rules! store_suite {
    ($(async fn $name:ident($store:ident) $body:block)*) => {
        mod sqlite {
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let (store, _dir) = $crate::backends::sqlite().await;
                    let $store: &dyn Store = &*store;
                    $body
                }
            )*
        }
        mod postgres {
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(store) = $crate::backends::postgres(stringify!($name)).await else {
                        eprintln!("JURYN_TEST_POSTGRES_URL is not set: PostgreSQL pass skipped");
                        return;
                    };
                    let $store: &dyn Store = &*store;
                    $body
                }
            )*
        }
    };
}

pub(crate) use store_suite;
