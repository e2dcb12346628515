//! The SQL of the store, written once for both backends.
//!
//! `impl_store!` expands to the whole store (every trait of `Store`) for one concrete sqlx
//! backend; each area's trait is implemented directly in its own file (`content.rs`,
//! `entries.rs`, `call.rs`, … `booklet.rs`), and the helpers they share (`edition_id`, which
//! refuses an archived edition; `record`, the audit event and the data generation) are here. The
//! SQL is the common dialect of SQLite and PostgreSQL (`$1` placeholders, `on conflict`,
//! `returning`, bigint everywhere); see `migrations/README.md`. A macro rather than generics
//! because sqlx's trait bounds for a generic executor are long and obscure, while two concrete
//! expansions read and fail like ordinary code.

/// Columns of an edition joined with its award's slug, in `EditionRow`'s order.
pub(crate) const EDITION_COLUMNS: &str = "e.id, a.slug, e.year, e.ordinal, e.phase, e.selection_sv, \
     e.selection_en, e.nominees_public_at, e.announce_at, e.winner_code, e.shortlist_min, e.shortlist_max, \
     e.call_opens_at, e.call_closes_at, e.grace_minutes";

/// A grant with its scope's names, in `GrantRow`'s order.
pub(crate) const GRANT_SELECT: &str = "select g.id, g.user_id, g.role, a.slug as award_slug, \
     e.year as edition_year, g.municipality_code from role_grants g \
     left join awards a on a.id = g.award_id left join editions e on e.id = g.edition_id";

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.email, u.name, u.lang, u.password_hash, u.created_at, u.erased_at";

/// How a grant reads in the audit log: `juror digitaliseringskommun/2019`, `entrant-contact
/// digitaliseringskommun/2019 0186`, `organiser *`.
pub(crate) fn describe_grant(g: &juryn_domain::Grant) -> String {
    let scope = match &g.scope {
        juryn_domain::Scope::Installation => "*".to_owned(),
        juryn_domain::Scope::Award(a) => a.to_string(),
        juryn_domain::Scope::Edition(a, y) => format!("{a}/{y}"),
    };
    match g.municipality {
        Some(m) => format!("{} {scope} {m}", g.role),
        None => format!("{} {scope}", g.role),
    }
}

/// The award an audit event is about: the first word of `subject`, then of `detail`, that is one
/// of `awards` alone or before a `/` (`digitaliseringskommun/2019 0186`, `juror
/// digitaliseringskommun/2019`, `organiser digitaliseringskommun`).
pub(crate) fn award_named(awards: &[String], subject: &str, detail: &str) -> Option<String> {
    subject
        .split_whitespace()
        .chain(detail.split_whitespace())
        .map(|w| w.trim_end_matches([':', ',', '.']).split('/').next().unwrap_or(""))
        .find(|w| awards.iter().any(|a| a == w))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::award_named;

    #[test]
    fn an_event_is_tagged_with_the_award_it_names() {
        let awards = vec!["digitaliseringskommun".to_owned(), "juror".to_owned()];
        let dk = Some("digitaliseringskommun".to_owned());
        assert_eq!(award_named(&awards, "digitaliseringskommun/2019", ""), dk);
        assert_eq!(award_named(&awards, "user/9", "digitaliseringskommun/2019 0186"), dk);
        assert_eq!(award_named(&awards, "user/9", "organiser digitaliseringskommun"), dk);
        assert_eq!(award_named(&awards, "user/9", "password"), None);
        // A word that only looks like a role comes before: the first match wins, as written.
        assert_eq!(
            award_named(&awards, "user/9", "juror digitaliseringskommun/2019").as_deref(),
            Some("juror")
        );
    }
}

/// The round being decided in the edition aliased `e`, as SQL: one more than the rounds cut so
/// far (`record_cut` never cuts the last round, whose selection is the nominees), so 1 for an
/// edition with one round. Criteria, assignments, reviews and ranking views belong to a round.
macro_rules! current_round {
    () => {
        "(select count(distinct rs.round) + 1 from round_selections rs where rs.edition_id = e.id)"
    };
}
pub(crate) use current_round;

pub(crate) const AWARD_COLUMNS: &str = "slug, name_sv, name_en, organiser, description_sv, description_en, criterion_sv, criterion_en, \
     how_chosen_sv, how_chosen_en, prize_sv, prize_en, logo_kind";

macro_rules! impl_store {
    ($store:ident, $db:ty, $backend:literal) => {
        mod queries {
        use super::$store;
        use async_trait::async_trait;
        use jiff::Timestamp;
        use juryn_domain::{
            Award, Criterion, Edition, EntryStatus, Grant, Juror, Lang, Milestone, MunicipalityCode, PastWinner, Phase, Scope, Slug,
        };
        use sqlx::Transaction;

        use crate::model::*;
        use crate::review::*;
        use juryn_domain::questionnaire::Question;
        use crate::rows::*;
        use crate::sql::{AWARD_COLUMNS, EDITION_COLUMNS, GRANT_SELECT, USER_COLUMNS, describe_grant};
        use crate::sql::auth::TOKEN_SELECT;
        use crate::sql::current_round;
        use crate::sql::nominations::NOMINATION_SELECT;
        use crate::sql::people::escape_like;
        use crate::sql::visit::VisitFilter;
        use crate::{AttemptKind, AuthStore, ContentStore, PeopleStore, Result, StoreError, CallStore, EntryStore, NominationStore, PublicationStore, EditionStore, ConflictStore, JuryProfileStore, AssignmentStore, FinalityStore, ShortlistStore, RoundStore, JointEntryStore};

        type Tx = Transaction<'static, $db>;
        /// A connection, pooled or inside a transaction (`&mut *tx`).
        type Conn = <$db as sqlx::Database>::Connection;

        impl $store {
            async fn award_id(tx: &mut Tx, slug: &Slug) -> Result<i64> {
                sqlx::query_scalar::<_, i64>("select id from awards where slug = $1")
                    .bind(slug.as_str())
                    .fetch_optional(&mut **tx)
                    .await?
                    .ok_or_else(|| StoreError::NoAward(slug.clone()))
            }

            /// The id of an edition about to be written to, inside the write's transaction:
            /// `Archived` for an archived edition — the one place that keeps an archive
            /// read-only, whichever handler or command asks.
            async fn edition_id(tx: &mut Tx, slug: &Slug, year: i16) -> Result<i64> {
                let (id, phase) = Self::edition_row(tx, slug, year).await?;
                if phase == Phase::Archived.as_str() {
                    return Err(StoreError::Archived(slug.clone(), year));
                }
                Ok(id)
            }

            /// The id of an edition whatever its phase: for changing the phase itself and for
            /// the people's roles, which outlive an archive.
            async fn edition_id_any(tx: &mut Tx, slug: &Slug, year: i16) -> Result<i64> {
                Ok(Self::edition_row(tx, slug, year).await?.0)
            }

            async fn edition_row(tx: &mut Tx, slug: &Slug, year: i16) -> Result<(i64, String)> {
                Self::edition_row_in(&mut **tx, slug, year).await
            }

            /// The edition's id and phase, on any connection.
            async fn edition_row_in(conn: &mut Conn, slug: &Slug, year: i16) -> Result<(i64, String)> {
                sqlx::query_as::<_, (i64, String)>(
                    "select e.id, e.phase from editions e join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2",
                )
                .bind(slug.as_str())
                .bind(i64::from(year))
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| StoreError::NoEdition(slug.clone(), year))
            }

            /// Writes an audit event: part of every write, inside its transaction.
            /// The event is tagged with the award it names (the first word of its subject or detail
            /// that is an award's slug, alone or before a `/`), so an award's organisers read
            /// their awards' events only.
            async fn audit(tx: &mut Tx, actor: &Stamp, action: &str, subject: &str, detail: String) -> Result<()> {
                let awards: Vec<String> = sqlx::query_scalar("select slug from awards").fetch_all(&mut **tx).await?;
                let award = crate::sql::award_named(&awards, subject, &detail);
                sqlx::query(
                    "insert into audit_events (at, actor, action, subject, detail, award_slug) \
                     values ($1, $2, $3, $4, $5, $6)",
                )
                .bind(secs(actor.at))
                .bind(&actor.by)
                .bind(action)
                .bind(subject)
                .bind(detail)
                .bind(award)
                .execute(&mut **tx)
                .await?;
                Self::queue_mail(tx, actor).await
            }

            /// Writes the audit event and bumps the data generation: the last step of every
            /// write to what the public sees.
            async fn record(tx: &mut Tx, actor: &Stamp, action: &str, subject: &str, detail: String) -> Result<()> {
                Self::audit(tx, actor, action, subject, detail).await?;
                sqlx::query("update data_generation set generation = generation + 1 where id = 1")
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// The award and edition ids a scope is stored as.
            async fn scope_ids(tx: &mut Tx, scope: &Scope) -> Result<(Option<i64>, Option<i64>)> {
                Ok(match scope {
                    Scope::Installation => (None, None),
                    Scope::Award(slug) => (Some(Self::award_id(tx, slug).await?), None),
                    Scope::Edition(slug, year) => {
                        (Some(Self::award_id(tx, slug).await?), Some(Self::edition_id_any(tx, slug, *year).await?))
                    }
                })
            }

            async fn grants_in(tx: &mut Tx, user_id: i64) -> Result<Vec<StoredGrant>> {
                let sql = format!("{GRANT_SELECT} where g.user_id = $1 order by g.id");
                let rows = sqlx::query_as::<_, GrantRow>(&sql).bind(user_id).fetch_all(&mut **tx).await?;
                rows.into_iter().map(GrantRow::into_grant).collect()
            }

            /// Grants a role inside a transaction, unless it is held already.
            async fn grant_in(tx: &mut Tx, user_id: i64, grant: &Grant, actor: &Stamp) -> Result<Granted> {
                grant.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                if let Some(held) = Self::grants_in(tx, user_id).await?.into_iter().find(|g| &g.grant == grant) {
                    return Ok(Granted::Existing(held.id));
                }
                let (award_id, edition_id) = Self::scope_ids(tx, &grant.scope).await?;
                let id: i64 = sqlx::query_scalar(
                    "insert into role_grants (user_id, role, award_id, edition_id, municipality_code, created_at) \
                     values ($1, $2, $3, $4, $5, $6) returning id",
                )
                .bind(user_id)
                .bind(grant.role.as_str())
                .bind(award_id)
                .bind(edition_id)
                .bind(grant.municipality.map(|c| c.to_string()))
                .bind(secs(actor.at))
                .fetch_one(&mut **tx)
                .await?;
                Self::audit(tx, actor, "grant.add", &format!("user/{user_id}"), describe_grant(grant)).await?;
                Ok(Granted::New(id))
            }

            /// Writes an edition's questions by position and drops any beyond them.
            async fn put_questions_in(tx: &mut Tx, edition_id: i64, questions: &[Question]) -> Result<()> {
                for (pos, q) in questions.iter().enumerate() {
                    sqlx::query(
                        "insert into questions (edition_id, position, prompt_sv, prompt_en, help_sv, help_en, \
                         kind, required) values ($1, $2, $3, $4, $5, $6, $7, $8) \
                         on conflict (edition_id, position) do update set \
                         prompt_sv = excluded.prompt_sv, prompt_en = excluded.prompt_en, \
                         help_sv = excluded.help_sv, help_en = excluded.help_en, kind = excluded.kind, \
                         required = excluded.required",
                    )
                    .bind(edition_id)
                    .bind(pos as i64)
                    .bind(&q.prompt.sv)
                    .bind(&q.prompt.en)
                    .bind(&q.help.sv)
                    .bind(&q.help.en)
                    .bind(serde_json::to_string(&q.kind).map_err(|e| StoreError::Invalid(e.to_string()))?)
                    .bind(q.required)
                    .execute(&mut **tx)
                    .await?;
                }
                sqlx::query("delete from questions where edition_id = $1 and position >= $2")
                    .bind(edition_id)
                    .bind(questions.len() as i64)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Writes the criteria of the edition's current round by position (so their ids,
            /// which scores point at, stay) and drops any beyond them.
            async fn put_criteria_in(tx: &mut Tx, id: i64, criteria: &[Criterion]) -> Result<()> {
                let round = Self::current_round_in(tx, id).await?;
                for (pos, k) in criteria.iter().enumerate() {
                    sqlx::query(
                        "insert into criteria (edition_id, position, name_sv, name_en, description_sv, \
                         description_en, scale_min, scale_max, weight, scale_labels, round) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                         on conflict (edition_id, round, position) do update set name_sv = excluded.name_sv, \
                         name_en = excluded.name_en, description_sv = excluded.description_sv, \
                         description_en = excluded.description_en, scale_min = excluded.scale_min, \
                         scale_max = excluded.scale_max, weight = excluded.weight, \
                         scale_labels = excluded.scale_labels",
                    )
                    .bind(id)
                    .bind(pos as i64)
                    .bind(&k.name.sv)
                    .bind(&k.name.en)
                    .bind(&k.description.sv)
                    .bind(&k.description.en)
                    .bind(i64::from(k.scale_min))
                    .bind(i64::from(k.scale_max))
                    .bind(i64::from(k.weight))
                    .bind(serde_json::to_string(&k.labels).map_err(|e| StoreError::Invalid(e.to_string()))?)
                    .bind(round)
                    .execute(&mut **tx)
                    .await?;
                }
                sqlx::query("delete from criteria where edition_id = $1 and round = $3 and position >= $2")
                    .bind(id)
                    .bind(criteria.len() as i64)
                    .bind(round)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            async fn nominees_of(&self, edition_id: i64) -> Result<Vec<MunicipalityCode>> {
                let codes: Vec<String> = sqlx::query_scalar(
                    "select municipality_code from nominees where edition_id = $1 order by position",
                )
                .bind(edition_id)
                .fetch_all(&self.pool)
                .await?;
                codes.iter().map(|c| code(c)).collect()
            }

            async fn load_editions(&self, filter: &str, slug: &Slug, year: Option<i16>) -> Result<Vec<Edition>> {
                let sql = format!(
                    "select {EDITION_COLUMNS} from editions e join awards a on a.id = e.award_id \
                     where a.slug = $1 {filter} order by e.year desc"
                );
                let mut q = sqlx::query_as::<_, EditionRow>(&sql).bind(slug.as_str());
                if let Some(y) = year {
                    q = q.bind(i64::from(y));
                }
                let rows = q.fetch_all(&self.pool).await?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let nominees = self.nominees_of(row.id).await?;
                    out.push(row.into_edition(nominees)?);
                }
                Ok(out)
            }

            async fn edition_rows<R>(&self, sql: &str, slug: &Slug, year: i16) -> Result<Vec<R>>
            where
                R: for<'r> sqlx::FromRow<'r, <$db as sqlx::Database>::Row> + Send + Unpin,
            {
                Ok(sqlx::query_as::<_, R>(sql)
                    .bind(slug.as_str())
                    .bind(i64::from(year))
                    .fetch_all(&self.pool)
                    .await?)
            }
        }

        crate::sql::content::impl_content!($store, $backend);
        crate::sql::entries::impl_entries!($store);
        crate::sql::call::impl_call!($store);
        crate::sql::nominations::impl_nominations!($store);
        crate::sql::people::impl_people!($store);
        crate::sql::auth::impl_auth!($store);
        crate::sql::review::impl_review!($store);
        crate::sql::conflicts::impl_conflicts!($store);
        crate::sql::jury_profiles::impl_jury_profiles!($store);
        crate::sql::assignments::impl_assignments!($store);
        crate::sql::finality::impl_finality!($store);
        crate::sql::shortlist::impl_shortlist!($store);
        crate::sql::editions::impl_editions!($store);
        crate::sql::publication::impl_publication!($store);
        crate::sql::decision::impl_decision!($store);
        crate::sql::visit::impl_visit!($store);
        crate::sql::booklet::impl_booklet!($store);
        crate::sql::rounds::impl_rounds!($store);
        crate::sql::joint::impl_joint!($store);
        crate::sql::follow_up::impl_follow_up!($store);
        crate::sql::mail::impl_mail!($store);
        }
    };
}

pub(crate) mod assignments;
pub(crate) mod auth;
pub(crate) mod booklet;
pub(crate) mod call;
pub(crate) mod conflicts;
pub(crate) mod content;
pub(crate) mod decision;
pub(crate) mod editions;
pub(crate) mod entries;
pub(crate) mod finality;
pub(crate) mod follow_up;
pub(crate) mod joint;
pub(crate) mod jury_profiles;
pub(crate) mod mail;
pub(crate) mod nominations;
pub(crate) mod people;
pub(crate) mod publication;
pub(crate) mod review;
pub(crate) mod rounds;
pub(crate) mod shortlist;
pub(crate) mod visit;

pub(crate) use impl_store;
