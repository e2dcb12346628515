//! Opening a store from a database URL.

use std::sync::Arc;

use crate::{PgStore, SqliteStore, Store, StoreError};

/// A database URL whose scheme juryn knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, StoreError> {
        let url = url.trim();
        if url.starts_with("sqlite:") {
            Ok(DatabaseUrl::Sqlite(url.to_owned()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            url::Url::parse(url).map_err(|_| StoreError::InvalidUrl(redacted(url)))?;
            Ok(DatabaseUrl::Postgres(url.to_owned()))
        } else {
            Err(StoreError::InvalidUrl(redacted(url).chars().take(200).collect()))
        }
    }
}

/// A database URL as it may be printed or logged: any user name and password in it replaced.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            let text = u.to_string();
            match text.split_once("://") {
                Some((scheme, rest)) => format!("{scheme}://***@{rest}"),
                None => text,
            }
        }
        Ok(_) => url.to_owned(),
        // Not a URL: say nothing of what it holds past a possible userinfo.
        Err(_) => url.rsplit_once('@').map_or_else(|| url.to_owned(), |(_, host)| format!("***@{host}")),
    }
}

/// Opens and migrates the database that `url` names.
pub async fn open(url: &str) -> crate::Result<Arc<dyn Store>> {
    Ok(match DatabaseUrl::parse(url)? {
        DatabaseUrl::Sqlite(u) => Arc::new(SqliteStore::open(&u).await?),
        DatabaseUrl::Postgres(u) => Arc::new(PgStore::open(&u).await?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_two_schemes() {
        assert!(matches!(DatabaseUrl::parse("sqlite://juryn.db"), Ok(DatabaseUrl::Sqlite(_))));
        assert!(matches!(DatabaseUrl::parse("postgres://u@localhost/juryn"), Ok(DatabaseUrl::Postgres(_))));
        assert!(matches!(DatabaseUrl::parse("postgresql://u@localhost/juryn"), Ok(DatabaseUrl::Postgres(_))));
        for bad in ["mysql://x", "juryn.db", "", "postgres://[bad"] {
            assert!(matches!(DatabaseUrl::parse(bad), Err(StoreError::InvalidUrl(_))), "{bad}");
        }
    }
}
