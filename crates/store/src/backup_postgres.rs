//! Snapshots and restores on PostgreSQL: every table read in one repeatable-read transaction
//! (one moment while writers go on); every row written in one transaction, tables after those
//! they refer to, identity columns given the backup's ids and their sequences moved past them.

use sqlx::Row;

use crate::backup::{Cell, RestoreRefusal, Snapshot, Table, in_reference_order};
use crate::{PgStore, Result, StoreError};

type Tx = sqlx::Transaction<'static, sqlx::Postgres>;

async fn tables(tx: &mut Tx) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "select table_name::text from information_schema.tables where table_schema = current_schema() \
         and table_type = 'BASE TABLE' and table_name <> '_sqlx_migrations' order by table_name",
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Each column's name, type and whether it is an identity column, in table order.
async fn columns(tx: &mut Tx, table: &str) -> Result<Vec<(String, String, bool)>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select column_name::text, data_type::text, is_identity::text from information_schema.columns \
         where table_schema = current_schema() and table_name = $1 order by ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|(c, t, i)| (c, t, i == "YES")).collect())
}

async fn schema(tx: &mut Tx) -> Result<i64> {
    Ok(sqlx::query_scalar("select coalesce(max(version), 0) from _sqlx_migrations where success")
        .fetch_one(&mut **tx)
        .await?)
}

fn cell(row: &sqlx::postgres::PgRow, i: usize, kind: &str) -> Result<Cell> {
    Ok(match kind {
        "bigint" => row.try_get::<Option<i64>, _>(i)?.map_or(Cell::Null, Cell::Int),
        "integer" => row.try_get::<Option<i32>, _>(i)?.map_or(Cell::Null, |v| Cell::Int(v.into())),
        "smallint" => row.try_get::<Option<i16>, _>(i)?.map_or(Cell::Null, |v| Cell::Int(v.into())),
        "boolean" => row.try_get::<Option<bool>, _>(i)?.map_or(Cell::Null, Cell::Bool),
        "double precision" => row.try_get::<Option<f64>, _>(i)?.map_or(Cell::Null, Cell::Real),
        "bytea" => row.try_get::<Option<Vec<u8>>, _>(i)?.map_or(Cell::Null, Cell::Bytes),
        "text" | "character varying" => row.try_get::<Option<String>, _>(i)?.map_or(Cell::Null, Cell::Text),
        other => return Err(StoreError::Corrupt(format!("a column of type {other} cannot be backed up"))),
    })
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>;

/// Binds `c` as the column's type needs it (SQLite's 0/1 as a boolean, and so on); `None` when
/// the value cannot be that type.
fn bind<'q>(q: Query<'q>, c: &'q Cell, kind: &str) -> Option<Query<'q>> {
    Some(match (kind, c) {
        ("bigint", Cell::Null) => q.bind(None::<i64>),
        ("bigint", Cell::Int(i)) => q.bind(*i),
        ("bigint", Cell::Bool(b)) => q.bind(i64::from(*b)),
        ("integer", Cell::Null) => q.bind(None::<i32>),
        ("integer", Cell::Int(i)) => q.bind(i32::try_from(*i).ok()?),
        ("smallint", Cell::Null) => q.bind(None::<i16>),
        ("smallint", Cell::Int(i)) => q.bind(i16::try_from(*i).ok()?),
        ("boolean", Cell::Null) => q.bind(None::<bool>),
        ("boolean", Cell::Bool(b)) => q.bind(*b),
        ("boolean", Cell::Int(i)) => q.bind(*i != 0),
        ("double precision", Cell::Null) => q.bind(None::<f64>),
        ("double precision", Cell::Real(f)) => q.bind(*f),
        ("bytea", Cell::Null) => q.bind(None::<Vec<u8>>),
        ("bytea", Cell::Bytes(b)) => q.bind(b.as_slice()),
        ("text" | "character varying", Cell::Null) => q.bind(None::<String>),
        ("text" | "character varying", Cell::Text(s)) => q.bind(s.as_str()),
        _ => return None,
    })
}

impl PgStore {
    pub(crate) async fn take_snapshot(&self) -> Result<Snapshot> {
        let mut tx: Tx = self.pool.begin().await?;
        sqlx::query("set transaction isolation level repeatable read, read only").execute(&mut *tx).await?;
        let schema = schema(&mut tx).await?;
        let mut out = Vec::new();
        for name in tables(&mut tx).await? {
            let cols = columns(&mut tx, &name).await?;
            let rows =
                sqlx::query(&format!("select * from \"{name}\" order by 1")).fetch_all(&mut *tx).await?;
            let rows = rows
                .iter()
                .map(|r| {
                    cols.iter()
                        .enumerate()
                        .map(|(i, (_, kind, _))| cell(r, i, kind))
                        .collect::<Result<Vec<_>>>()
                })
                .collect::<Result<Vec<_>>>()?;
            out.push(Table { name, columns: cols.into_iter().map(|(c, _, _)| c).collect(), rows });
        }
        tx.commit().await?;
        Ok(Snapshot { schema, tables: out })
    }

    pub(crate) async fn put_snapshot(
        &self,
        snapshot: &Snapshot,
    ) -> Result<std::result::Result<(), RestoreRefusal>> {
        let mut tx: Tx = self.pool.begin().await?;
        let used: i64 = sqlx::query_scalar(crate::backup::USED_SQL).fetch_one(&mut *tx).await?;
        if let Err(refusal) = crate::backup::check_target(snapshot, used, schema(&mut tx).await?) {
            return Ok(Err(refusal));
        }
        let names = tables(&mut tx).await?;
        let mut kinds = std::collections::HashMap::new();
        for name in &names {
            kinds.insert(name.clone(), columns(&mut tx, name).await?);
        }
        let refs: Vec<(String, String)> = sqlx::query_as(
            "select tc.table_name::text, ccu.table_name::text from information_schema.table_constraints tc \
             join information_schema.constraint_column_usage ccu \
               on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema \
             where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()",
        )
        .fetch_all(&mut *tx)
        .await?;
        let order = in_reference_order(&names, &refs);
        // What the migrations put in an empty database (the data generation) gives way.
        for name in order.iter().rev() {
            sqlx::query(&format!("delete from \"{name}\"")).execute(&mut *tx).await?;
        }
        for name in &order {
            let Some(t) = snapshot.tables.iter().find(|t| t.name == *name) else { continue };
            let cols = &kinds[name];
            let mut types = Vec::new();
            for c in &t.columns {
                let Some((_, kind, _)) = cols.iter().find(|(n, _, _)| n == c) else {
                    return Ok(Err(RestoreRefusal::Unknown(format!("{name}.{c}"))));
                };
                types.push(kind.as_str());
            }
            let list = t.columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            let marks = (1..=t.columns.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
            let overriding =
                if cols.iter().any(|(_, _, identity)| *identity) { " overriding system value" } else { "" };
            let sql = format!("insert into \"{name}\" ({list}){overriding} values ({marks})");
            for (n, row) in t.rows.iter().enumerate() {
                let mut q = sqlx::query(&sql);
                for ((c, kind), col) in row.iter().zip(&types).zip(&t.columns) {
                    let Some(bound) = bind(q, c, kind) else {
                        let what = format!("{name}.{col}, row {}: {c:?} is not {kind}", n + 1);
                        return Ok(Err(RestoreRefusal::Unknown(what)));
                    };
                    q = bound;
                }
                q.execute(&mut *tx).await?;
            }
            // The next id the database gives is past the restored ones.
            for (c, _, _) in cols.iter().filter(|(_, _, identity)| *identity) {
                sqlx::query(&format!(
                    "select setval(pg_get_serial_sequence('\"{name}\"', '{c}'), coalesce(max(\"{c}\"), 0) + 1, false) from \"{name}\""
                ))
                .execute(&mut *tx)
                .await?;
            }
        }
        if let Some(t) = snapshot.tables.iter().find(|t| !names.contains(&t.name)) {
            return Ok(Err(RestoreRefusal::Unknown(t.name.clone())));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }
}
