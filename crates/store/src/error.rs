use juryn_domain::Slug;

/// What can go wrong in the store. Everything but `NotFound` and `InvalidUrl` is an internal
/// error to the web layer: logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL {0:?}: use sqlite://FILE or postgres://USER@HOST/DB")]
    InvalidUrl(String),
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
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
