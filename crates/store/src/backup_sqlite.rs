//! Snapshots and restores on SQLite: every table read in one read transaction (WAL keeps it a
//! consistent moment while writers go on), every row written in one immediate transaction
//! with foreign keys checked at its commit.

use sqlx::{Row, TypeInfo, ValueRef};

use crate::backup::{Cell, RestoreRefusal, Snapshot, Table};
use crate::{Result, SqliteStore, StoreError};

type Tx = sqlx::Transaction<'static, sqlx::Sqlite>;

async fn tables(tx: &mut Tx) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' \
         and name <> '_sqlx_migrations' order by name",
    )
    .fetch_all(&mut **tx)
    .await?)
}

async fn columns(tx: &mut Tx, table: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("select name from pragma_table_info(?) order by cid")
        .bind(table)
        .fetch_all(&mut **tx)
        .await?)
}

pub(crate) async fn schema(tx: &mut Tx) -> Result<i64> {
    Ok(sqlx::query_scalar("select coalesce(max(version), 0) from _sqlx_migrations where success")
        .fetch_one(&mut **tx)
        .await?)
}

fn cell(row: &sqlx::sqlite::SqliteRow, i: usize) -> Result<Cell> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Cell::Null);
    }
    // The value's own storage class, whatever the column was declared as.
    let kind = raw.type_info().name().to_owned();
    Ok(match kind.as_str() {
        "INTEGER" => Cell::Int(row.try_get_unchecked(i)?),
        "REAL" => Cell::Real(row.try_get_unchecked(i)?),
        "BLOB" => Cell::Bytes(row.try_get_unchecked(i)?),
        _ => Cell::Text(row.try_get_unchecked(i)?),
    })
}

impl SqliteStore {
    pub(crate) async fn take_snapshot(&self) -> Result<Snapshot> {
        let mut tx: Tx = self.pool.begin().await?;
        let schema = schema(&mut tx).await?;
        let mut out = Vec::new();
        for name in tables(&mut tx).await? {
            let columns = columns(&mut tx, &name).await?;
            let rows =
                sqlx::query(&format!("select * from \"{name}\" order by rowid")).fetch_all(&mut *tx).await?;
            let rows = rows
                .iter()
                .map(|r| (0..columns.len()).map(|i| cell(r, i)).collect::<Result<Vec<_>>>())
                .collect::<Result<Vec<_>>>()?;
            out.push(Table { name, columns, rows });
        }
        tx.commit().await?;
        Ok(Snapshot { schema, tables: out })
    }

    pub(crate) async fn put_snapshot(
        &self,
        snapshot: &Snapshot,
    ) -> Result<std::result::Result<(), RestoreRefusal>> {
        let (_writer, mut tx) = self.begin_write().await?;
        let used: i64 = sqlx::query_scalar(crate::backup::USED_SQL).fetch_one(&mut *tx).await?;
        if let Err(refusal) = crate::backup::check_target(snapshot, used, schema(&mut tx).await?) {
            return Ok(Err(refusal));
        }
        let names = tables(&mut tx).await?;
        for t in &snapshot.tables {
            let Some(_) = names.iter().find(|n| **n == t.name) else {
                return Ok(Err(RestoreRefusal::Unknown(t.name.clone())));
            };
            let known = columns(&mut tx, &t.name).await?;
            if let Some(c) = t.columns.iter().find(|c| !known.contains(c)) {
                return Ok(Err(RestoreRefusal::Unknown(format!("{}.{c}", t.name))));
            }
        }
        // Rows refer to rows of other tables: checked once, at the commit.
        sqlx::query("pragma defer_foreign_keys = on").execute(&mut *tx).await?;
        // What the migrations put in an empty database (the data generation) gives way.
        for name in &names {
            sqlx::query(&format!("delete from \"{name}\"")).execute(&mut *tx).await?;
        }
        for t in &snapshot.tables {
            let list = t.columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
            let marks = vec!["?"; t.columns.len()].join(", ");
            let sql = format!("insert into \"{}\" ({list}) values ({marks})", t.name);
            for row in &t.rows {
                let mut q = sqlx::query(&sql);
                for c in row {
                    q = match c {
                        Cell::Null => q.bind(None::<i64>),
                        Cell::Int(i) => q.bind(*i),
                        Cell::Real(f) => q.bind(*f),
                        Cell::Bool(b) => q.bind(*b),
                        Cell::Text(s) => q.bind(s.as_str()),
                        Cell::Bytes(b) => q.bind(b.as_slice()),
                    };
                }
                q.execute(&mut *tx).await?;
            }
        }
        tx.commit()
            .await
            .map_err(|e| StoreError::Invalid(format!("the backup's rows do not hold together: {e}")))?;
        Ok(Ok(()))
    }
}
