use juryn_domain::Slug;

/// What can go wrong in the store. Most of it is an internal error to the web layer: logged,
/// never shown. `Unavailable` and `Full` are the database's state, not a bug: the web answers
/// them with a 503 that says so (and nothing was written: the write's transaction did not
/// commit).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL {0:?}: use sqlite://FILE or postgres://USER@HOST/DB")]
    InvalidUrl(String),
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached now (stopped, restarting, the connection lost, no
    /// connection free in time). Nothing of the write was kept; it may be tried again.
    #[error("the database is unavailable: {0}")]
    Unavailable(sqlx::Error),
    /// The database's disk is full: the write was rolled back whole.
    #[error("the database's disk is full: {0}")]
    Full(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("no award {0}")]
    NoAward(Slug),
    #[error("no edition {0} {1}")]
    NoEdition(Slug, i16),
    /// Every write to an archived edition is refused here, whatever asked for it.
    #[error("the edition {0} {1} is archived and read-only")]
    Archived(Slug, i16),
    #[error("not valid: {0}")]
    Invalid(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

/// Every `?` on a query comes through here, so that a database that is down or full is told
/// apart from a query that failed, wherever it happens.
impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        match state_of(&e) {
            State::Unavailable => StoreError::Unavailable(e),
            State::Full => StoreError::Full(e),
            State::Failed => StoreError::Database(e),
        }
    }
}

enum State {
    Unavailable,
    Full,
    Failed,
}

fn state_of(e: &sqlx::Error) -> State {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => {
            State::Unavailable
        }
        sqlx::Error::Database(db) => match db.code().as_deref() {
            // SQLite: SQLITE_FULL, and SQLITE_IOERR_WRITE (778), which a full disk gives too.
            Some("13") | Some("778") => State::Full,
            // PostgreSQL: disk_full, insufficient_resources.
            Some("53100") | Some("53000") => State::Full,
            // PostgreSQL: connection exceptions (class 08), the server shutting down or starting
            // (57P01–57P03), too many connections.
            Some(code) if code.starts_with("08") => State::Unavailable,
            Some("57P01") | Some("57P02") | Some("57P03") | Some("53300") => State::Unavailable,
            _ => State::Failed,
        },
        _ => State::Failed,
    }
}
