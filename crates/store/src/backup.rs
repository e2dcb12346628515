//! Backup, restore and moving an installation between backends: a `Snapshot` is every table's
//! rows (the booklet PDFs, cover images and the installation's keys are rows too), read in one
//! consistent transaction while the server runs, and written as one portable file — JSON lines
//! with a header naming the schema and a trailer with the count and SHA-256 of what came before,
//! so a file cut short or edited is refused rather than half-restored. A restore writes every
//! row in one transaction into an empty database of either kind, or nothing.

use std::io::{BufRead, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256};

/// The file format's version (not the schema's).
pub const FORMAT: u64 = 1;

/// One value, as it travels between SQLite and PostgreSQL. The schema has only integers,
/// booleans, text and bytes; SQLite keeps booleans as integers, so `same` treats 0/1 and
/// false/true as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
}

impl Cell {
    /// Equal as data, whichever backend held it.
    pub fn same(&self, other: &Cell) -> bool {
        match (self, other) {
            (Cell::Int(i), Cell::Bool(b)) | (Cell::Bool(b), Cell::Int(i)) => *i == i64::from(*b),
            (a, b) => a == b,
        }
    }

    fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Null => Value::Null,
            Cell::Int(i) => Value::from(*i),
            Cell::Real(f) => Value::from(*f),
            Cell::Bool(b) => Value::from(*b),
            Cell::Text(t) => Value::from(t.as_str()),
            Cell::Bytes(b) => serde_json::json!({ "b": B64.encode(b) }),
        }
    }

    fn from_json(v: &serde_json::Value) -> Option<Cell> {
        use serde_json::Value;
        Some(match v {
            Value::Null => Cell::Null,
            Value::Bool(b) => Cell::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Cell::Int(i),
                None => Cell::Real(n.as_f64()?),
            },
            Value::String(s) => Cell::Text(s.clone()),
            Value::Object(o) => Cell::Bytes(B64.decode(o.get("b")?.as_str()?).ok()?),
            Value::Array(_) => return None,
        })
    }
}

/// A table's columns and rows, in the order read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Every table of an installation at one moment, and the schema it was in (the newest
/// migration applied).
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub schema: i64,
    pub tables: Vec<Table>,
}

impl Snapshot {
    pub fn rows(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }

    /// The first difference from `other` as data, if any: tables by name, columns by name (the
    /// backends may order them differently), rows as a set (each backend reads in its own order).
    pub fn difference(&self, other: &Snapshot) -> Option<String> {
        if self.schema != other.schema {
            return Some(format!("schema {} against {}", self.schema, other.schema));
        }
        if self.tables.len() != other.tables.len() {
            return Some(format!("{} tables against {}", self.tables.len(), other.tables.len()));
        }
        for t in &self.tables {
            let Some(o) = other.tables.iter().find(|o| o.name == t.name) else {
                return Some(format!("table {} is missing", t.name));
            };
            let mut order = Vec::new();
            for c in &t.columns {
                let Some(j) = o.columns.iter().position(|x| x == c) else {
                    return Some(format!("{}.{c} is missing", t.name));
                };
                order.push(j);
            }
            let mine = sorted_rows(t.rows.iter().map(|r| r.iter().collect()));
            let theirs = sorted_rows(o.rows.iter().map(|r| order.iter().map(|&j| &r[j]).collect()));
            if mine.len() != theirs.len() {
                return Some(format!("{}: {} rows against {}", t.name, mine.len(), theirs.len()));
            }
            if let Some((a, b)) = mine.iter().zip(&theirs).find(|(a, b)| a != b) {
                return Some(format!("{}: {a:?} against {b:?}", t.name));
            }
        }
        None
    }
}

/// Rows as comparable keys, sorted: a boolean as the integer SQLite keeps it as.
fn sorted_rows<'a>(rows: impl Iterator<Item = Vec<&'a Cell>>) -> Vec<Vec<String>> {
    let key = |c: &Cell| match c {
        Cell::Bool(b) => format!("{:?}", Cell::Int(i64::from(*b))),
        c => format!("{c:?}"),
    };
    let mut out: Vec<Vec<String>> = rows.map(|r| r.into_iter().map(key).collect()).collect();
    out.sort();
    out
}

/// Why a restore wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreRefusal {
    #[error("the database is not empty: restore and copy write only into an empty database")]
    NotEmpty,
    #[error(
        "the backup is of schema {backup}, this juryn's is {here}: restore it with the juryn that made it"
    )]
    Schema { backup: i64, here: i64 },
    #[error("the backup has a table or column this database does not: {0}")]
    Unknown(String),
}

/// Whether a snapshot may be restored into a database with `used` awards and people and of
/// schema `here`: only into an empty one, of the snapshot's own schema.
pub(crate) fn check_target(snapshot: &Snapshot, used: i64, here: i64) -> Result<(), RestoreRefusal> {
    if used > 0 {
        return Err(RestoreRefusal::NotEmpty);
    }
    if snapshot.schema != here {
        return Err(RestoreRefusal::Schema { backup: snapshot.schema, here });
    }
    Ok(())
}

/// What a database holds that makes it in use (an empty, migrated one holds neither).
pub(crate) const USED_SQL: &str = "select (select count(*) from awards) + (select count(*) from users)";

/// Why a backup file was refused.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("this is not a juryn backup")]
    NotABackup,
    #[error("the backup is of format {0}; this juryn reads format {FORMAT}")]
    Format(u64),
    #[error("the backup is cut short (it ends before its last line): nothing was restored")]
    Truncated,
    #[error("the backup is damaged at line {0}: nothing was restored")]
    Damaged(usize),
    #[error("cannot read or write the backup: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes `snapshot` as a backup file.
pub fn write(snapshot: &Snapshot, out: &mut impl Write) -> std::io::Result<()> {
    let mut hash = Sha256::new();
    let mut line = |out: &mut dyn Write, v: &serde_json::Value| -> std::io::Result<()> {
        let mut text = serde_json::to_vec(v).map_err(std::io::Error::other)?;
        text.push(b'\n');
        hash.update(&text);
        out.write_all(&text)
    };
    let header = serde_json::json!({
        "juryn-backup": FORMAT,
        "schema": snapshot.schema,
        "tables": snapshot.tables.len(),
    });
    line(out, &header)?;
    for t in &snapshot.tables {
        line(out, &serde_json::json!({ "table": t.name, "columns": t.columns, "rows": t.rows.len() }))?;
        for row in &t.rows {
            line(out, &serde_json::Value::Array(row.iter().map(Cell::to_json).collect()))?;
        }
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let end = serde_json::json!({ "end": { "rows": snapshot.rows(), "sha256": digest } });
    out.write_all(serde_json::to_string(&end).map_err(std::io::Error::other)?.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Reads a backup file whole and checks it: its header, every table's row count and the
/// trailer's SHA-256. Anything short of that is an error, and nothing is returned.
pub fn read(input: impl BufRead) -> Result<Snapshot, FileError> {
    let mut lines = input.split(b'\n').enumerate();
    let mut hash = Sha256::new();
    // The next line: its number, its value, and its bytes for the hash. An empty last piece is
    // what follows the final newline, not a line.
    let mut next = || -> Result<Option<(usize, serde_json::Value, Vec<u8>)>, FileError> {
        let Some((n, bytes)) = lines.next() else { return Ok(None) };
        let bytes = bytes?;
        if bytes.is_empty() {
            return Ok(None);
        }
        let value = serde_json::from_slice(&bytes).map_err(|_| FileError::Damaged(n + 1))?;
        Ok(Some((n + 1, value, bytes)))
    };
    let Some((_, header, raw)) = next().map_err(|_| FileError::NotABackup)? else {
        return Err(FileError::NotABackup);
    };
    let format =
        header.get("juryn-backup").and_then(serde_json::Value::as_u64).ok_or(FileError::NotABackup)?;
    if format != FORMAT {
        return Err(FileError::Format(format));
    }
    hash.update(&raw);
    hash.update(b"\n");
    let schema = header.get("schema").and_then(serde_json::Value::as_i64).ok_or(FileError::Damaged(1))?;
    let count = header.get("tables").and_then(serde_json::Value::as_u64).ok_or(FileError::Damaged(1))?;
    let mut tables = Vec::new();
    for _ in 0..count {
        let (n, head, raw) = next()?.ok_or(FileError::Truncated)?;
        hash.update(&raw);
        hash.update(b"\n");
        let name = head.get("table").and_then(serde_json::Value::as_str).ok_or(FileError::Damaged(n))?;
        let columns: Vec<String> = head
            .get("columns")
            .and_then(serde_json::Value::as_array)
            .ok_or(FileError::Damaged(n))?
            .iter()
            .map(|c| c.as_str().map(str::to_owned).ok_or(FileError::Damaged(n)))
            .collect::<Result<_, _>>()?;
        let rows = head.get("rows").and_then(serde_json::Value::as_u64).ok_or(FileError::Damaged(n))?;
        let mut table = Table { name: name.to_owned(), columns, rows: Vec::new() };
        for _ in 0..rows {
            let (n, row, raw) = next()?.ok_or(FileError::Truncated)?;
            hash.update(&raw);
            hash.update(b"\n");
            let cells = row.as_array().ok_or(FileError::Damaged(n))?;
            if cells.len() != table.columns.len() {
                return Err(FileError::Damaged(n));
            }
            table
                .rows
                .push(cells.iter().map(Cell::from_json).collect::<Option<_>>().ok_or(FileError::Damaged(n))?);
        }
        tables.push(table);
    }
    let (n, end, _) = next()?.ok_or(FileError::Truncated)?;
    let end = end.get("end").ok_or(FileError::Damaged(n))?;
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let snapshot = Snapshot { schema, tables };
    let rows_match =
        end.get("rows").and_then(serde_json::Value::as_u64) == u64::try_from(snapshot.rows()).ok();
    if !rows_match || end.get("sha256").and_then(serde_json::Value::as_str) != Some(digest.as_str()) {
        return Err(FileError::Damaged(n));
    }
    Ok(snapshot)
}

/// The tables in an order where each comes after those it refers to (`refs`: table → the
/// tables its foreign keys name); a table referring to itself is not waited for.
pub(crate) fn in_reference_order(names: &[String], refs: &[(String, String)]) -> Vec<String> {
    let mut done: Vec<String> = Vec::new();
    let mut left: Vec<String> = names.to_vec();
    while !left.is_empty() {
        let ready = left
            .iter()
            .position(|t| {
                refs.iter().all(|(from, to)| from != t || to == t || done.contains(to) || !names.contains(to))
            })
            // A cycle (none in this schema): take the rest in name order rather than loop.
            .unwrap_or(0);
        done.push(left.remove(ready));
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        Snapshot {
            schema: 33,
            tables: vec![Table {
                name: "t".into(),
                columns: vec!["id".into(), "on".into(), "text".into(), "pdf".into(), "none".into()],
                rows: vec![vec![
                    Cell::Int(1),
                    Cell::Bool(true),
                    Cell::Text("Älvdalen \"å\"\n".into()),
                    Cell::Bytes(vec![0, 255, 37]),
                    Cell::Null,
                ]],
            }],
        }
    }

    #[test]
    fn a_backup_reads_back_as_written_and_refuses_what_is_cut_or_changed() {
        let mut file = Vec::new();
        write(&sample(), &mut file).unwrap();
        assert_eq!(read(&file[..]).unwrap(), sample());
        // Cut anywhere before the end: refused.
        for cut in [file.len() - 2, file.len() / 2, 10] {
            assert!(read(&file[..cut]).is_err(), "cut at {cut}");
        }
        assert!(matches!(read(&file[..file.len() - 3]), Err(FileError::Damaged(_) | FileError::Truncated)));
        let lines: Vec<&[u8]> = file.split(|b| *b == b'\n').collect();
        let without_end = lines[..lines.len() - 2].join(&b'\n');
        assert!(matches!(read(&[&without_end[..], b"\n"].concat()[..]), Err(FileError::Truncated)));
        // One character changed: the trailer's hash no longer matches.
        let changed = String::from_utf8(file.clone()).unwrap().replace("Älvdalen", "Älvdalem");
        assert!(matches!(read(changed.as_bytes()), Err(FileError::Damaged(_))));
        assert!(matches!(read(&b"%PDF-1.7\n"[..]), Err(FileError::NotABackup)));
        assert!(matches!(read(&b"{\"juryn-backup\":9}\n"[..]), Err(FileError::Format(9))));
        assert!(matches!(read(&b""[..]), Err(FileError::NotABackup)));
    }

    #[test]
    fn tables_come_after_those_they_refer_to() {
        let names: Vec<String> = ["reviews", "users", "editions", "awards"].map(String::from).into();
        let refs =
            [("reviews", "users"), ("reviews", "editions"), ("editions", "awards"), ("users", "users")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()));
        let order = in_reference_order(&names, &refs);
        let at = |t: &str| order.iter().position(|x| x == t).unwrap();
        assert!(
            at("awards") < at("editions") && at("editions") < at("reviews") && at("users") < at("reviews")
        );
        assert!(Cell::Int(1).same(&Cell::Bool(true)) && !Cell::Int(0).same(&Cell::Bool(true)));
    }
}
