//! Entries saved with optimistic concurrency, and their history.

macro_rules! impl_entries {
    ($store:ident) => {
        impl $store {
            /// Writes an entry's answers in question order, each read by its question's kind
            /// first and stored with that kind: nothing that does not fit its question, and no
            /// answer without a question, reaches the table (the caller's transaction then rolls
            /// back whole).
            async fn write_answers(tx: &mut Tx, entry_id: i64, answers: &[String]) -> Result<()> {
                sqlx::query("delete from answers where entry_id = $1").bind(entry_id).execute(&mut **tx).await?;
                let kinds: Vec<String> = sqlx::query_scalar(
                    "select kind from questions where edition_id = (select edition_id from entries where id = $1) \
                     order by position",
                )
                .bind(entry_id)
                .fetch_all(&mut **tx)
                .await?;
                if answers.len() > kinds.len() {
                    return Err(StoreError::Invalid(format!("{} answers for {} questions", answers.len(), kinds.len())));
                }
                let mut rows = Vec::with_capacity(answers.len());
                for (position, (body, kind)) in answers.iter().zip(&kinds).enumerate() {
                    let kind: juryn_domain::questionnaire::QuestionKind =
                        serde_json::from_str(kind).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                    juryn_domain::Answer::read(&kind, body).map_err(|e| {
                        StoreError::Invalid(format!("answer {} does not fit its question: {e}", position + 1))
                    })?;
                    rows.push((position, body.as_str(), kind.name()));
                }
                if !rows.is_empty() {
                    // All answers in one statement, each matched to its question by position.
                    let values: Vec<String> = (0..rows.len())
                        .map(|i| format!("select {i} as pos, ${} as body, ${} as kind", 2 * i + 2, 2 * i + 3))
                        .collect();
                    let sql = format!(
                        "insert into answers (entry_id, question_id, body, kind) select $1, q.id, v.body, v.kind \
                         from ({}) v join questions q on q.position = v.pos \
                         and q.edition_id = (select edition_id from entries where id = $1)",
                        values.join(" union all ")
                    );
                    let mut q = sqlx::query(&sql).bind(entry_id);
                    for (_, body, kind) in &rows {
                        q = q.bind(*body).bind(*kind);
                    }
                    q.execute(&mut **tx).await?;
                }
                Ok(())
            }

            async fn entry_record_in(
                tx: &mut Conn,
                award: &Slug,
                year: i16,
                code: MunicipalityCode,
            ) -> Result<Option<EntryRecord>> {
                #[derive(sqlx::FromRow)]
                struct Row {
                    id: i64,
                    status: String,
                    submitted_at: Option<i64>,
                    is_example: bool,
                    version: i64,
                    consent: bool,
                    updated_at: Option<i64>,
                    complete_until: Option<i64>,
                }
                let row = sqlx::query_as::<_, Row>(
                    "select n.id, n.status, n.submitted_at, n.is_example, n.version, n.consent, n.updated_at, n.complete_until \
                     from entries n join editions e on e.id = n.edition_id join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2 and n.municipality_code = $3",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(code.as_str())
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let answers: Vec<String> = sqlx::query_scalar(
                    "select s.body from answers s join questions q on q.id = s.question_id \
                     where s.entry_id = $1 order by q.position",
                )
                .bind(row.id)
                .fetch_all(&mut *tx)
                .await?;
                let status = juryn_domain::EntryStatus::parse(&row.status)
                    .ok_or_else(|| StoreError::Corrupt(format!("entry status {:?}", row.status)))?;
                Ok(Some(EntryRecord {
                    id: row.id,
                    award: award.clone(),
                    year,
                    entry: EntryContent {
                        municipality: code,
                        status,
                        submitted_at: row.submitted_at.map(time).transpose()?,
                        answers,
                        is_example: row.is_example,
                    },
                    version: row.version,
                    consent: row.consent,
                    updated_at: row.updated_at.map(time).transpose()?,
                    complete_until: row.complete_until.map(time).transpose()?,
                }))
            }
        }

        impl $store {
            /// Makes the municipality's entry (invited, version 1) unless it has one.
            async fn invite_entry_in(tx: &mut Tx, edition_id: i64, code: MunicipalityCode, at: Timestamp) -> Result<()> {
                sqlx::query(
                    "insert into entries (edition_id, municipality_code, status, is_example, version, updated_at) \
                     values ($1, $2, 'invited', false, 1, $3) on conflict (edition_id, municipality_code) do nothing",
                )
                .bind(edition_id)
                .bind(code.as_str())
                .bind(secs(at))
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

        }

        #[async_trait]
        impl EntryStore for $store {
            async fn set_booklet_only(
                &self,
                award: &Slug,
                year: i16,
                code: MunicipalityCode,
                only: bool,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let (_, phase) = Self::edition_row(&mut tx, award, year).await?;
                if Phase::parse(&phase).is_none_or(|p| p >= Phase::Shortlisting) {
                    return Ok(false);
                }
                let changed = sqlx::query("update entries set booklet_only = $1 where edition_id = $2 and municipality_code = $3")
                    .bind(only)
                    .bind(id)
                    .bind(code.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Ok(false);
                }
                if only {
                    sqlx::query("delete from assignments where edition_id = $1 and municipality_code = $2")
                        .bind(id)
                        .bind(code.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                let what = if only { "booklet only" } else { "competing" };
                Self::record(&mut tx, actor, "entry.booklet-only", &format!("{award}/{year}/{code}"), what.into()).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn set_completion(
                &self,
                (award, year, code): (&Slug, i16, MunicipalityCode),
                until: Option<Timestamp>,
                actor: &Stamp,
            ) -> Result<Result<(), CompletionRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let nominated: i64 = sqlx::query_scalar(
                    "select count(*) from nominations n join entries e on e.edition_id = n.edition_id \
                     and e.municipality_code = n.municipality_code where n.edition_id = $1 \
                     and n.municipality_code = $2 and n.confirmed_at is not null",
                )
                .bind(id)
                .bind(code.as_str())
                .fetch_one(&mut *tx)
                .await?;
                if nominated == 0 {
                    return Ok(Err(CompletionRefusal::NotNominated));
                }
                let (_, phase) = Self::edition_row(&mut tx, award, year).await?;
                // The jury's first cut: the start (Stockholm midnight) of its first shortlist milestone.
                let spans: Vec<String> =
                    sqlx::query_scalar("select span from milestones where edition_id = $1 and kind = 'shortlist'")
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?;
                let first_cut = spans
                    .iter()
                    .filter_map(|s| juryn_domain::DateSpan::parse(s).ok())
                    .filter_map(|s| s.start().to_zoned(juryn_domain::call::stockholm()).ok())
                    .map(|z| z.timestamp())
                    .min();
                let late = until.is_some_and(|u| first_cut.is_some_and(|cut| u > cut));
                if late || Phase::parse(&phase).is_none_or(|p| p >= Phase::Shortlisting) {
                    return Ok(Err(CompletionRefusal::AfterFirstCut));
                }
                sqlx::query("update entries set complete_until = $1 where edition_id = $2 and municipality_code = $3")
                    .bind(until.map(secs))
                    .bind(id)
                    .bind(code.as_str())
                    .execute(&mut *tx)
                    .await?;
                let detail = until.map_or_else(|| "none".to_owned(), |u| u.to_string());
                Self::record(&mut tx, actor, "entry.completion", &format!("{award}/{year}/{code}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn booklet_only(&self, award: &Slug, year: i16) -> Result<Vec<MunicipalityCode>> {
                let rows: Vec<(String,)> = self
                    .edition_rows(
                        "select n.municipality_code from entries n join editions e on e.id = n.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and n.booklet_only \
                         order by n.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                rows.iter().map(|(c,)| code(c)).collect()
            }

            async fn entry_record(
                &self,
                award: &Slug,
                year: i16,
                code: MunicipalityCode,
            ) -> Result<Option<EntryRecord>> {
                // A read on a pooled connection: it never waits for writers (WAL), and needs no
                // transaction — the row and its answers are written together, in one.
                let mut conn = self.pool.acquire().await?;
                Self::entry_record_in(&mut conn, award, year, code).await
            }

            async fn ensure_entry(
                &self,
                award: &Slug,
                year: i16,
                code: MunicipalityCode,
                actor: &Stamp,
            ) -> Result<EntryRecord> {
                let (_writer, mut tx) = self.begin_write().await?;
                if let Some(found) = Self::entry_record_in(&mut *tx, award, year, code).await? {
                    tx.commit().await?;
                    return Ok(found);
                }
                let edition_id = Self::edition_id(&mut tx, award, year).await?;
                Self::invite_entry_in(&mut tx, edition_id, code, actor.at).await?;
                Self::record(&mut tx, actor, "entry.create", &format!("{award}/{year}/{code}"), String::new()).await?;
                let made = Self::entry_record_in(&mut *tx, award, year, code)
                    .await?
                    .ok_or_else(|| StoreError::Corrupt("entry vanished".into()))?;
                tx.commit().await?;
                Ok(made)
            }

            async fn save_entry(
                &self,
                award: &Slug,
                year: i16,
                code: MunicipalityCode,
                save: &EntrySave,
                actor: &Stamp,
            ) -> Result<SaveOutcome> {
                let (_writer, mut tx) = self.begin_write().await?;
                let now = actor.at;
                // The deadline, checked under the write lock by the caller's clock: a save that
                // reached the server before it but the database after it is refused, not written.
                // (An archived edition refuses every write: edition_id says so.)
                let edition_id = Self::edition_id(&mut tx, award, year).await?;
                let (opens_at, closes_at, grace): (Option<i64>, Option<i64>, i64) = sqlx::query_as(
                    "select call_opens_at, call_closes_at, grace_minutes from editions where id = $1",
                )
                .bind(edition_id)
                .fetch_one(&mut *tx)
                .await?;
                let call = juryn_domain::CallWindow {
                    opens_at: opens_at.map(time).transpose()?,
                    closes_at: closes_at.map(time).transpose()?,
                    grace_minutes: u32::try_from(grace).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                };
                let until: Option<Option<i64>> = sqlx::query_scalar(
                    "select complete_until from entries where edition_id = $1 and municipality_code = $2",
                )
                .bind(edition_id)
                .bind(code.as_str())
                .fetch_optional(&mut *tx)
                .await?;
                let until = until.flatten().map(time).transpose()?;
                if !juryn_domain::call::entry_accepts_changes(&call, until, now) {
                    tx.rollback().await?;
                    return Ok(SaveOutcome::Closed);
                }
                // Compare and set: only the version the client started from may be replaced.
                // Reading the entry is needed only when it may not.
                let saved: Option<i64> = sqlx::query_scalar(
                    "update entries set status = $1, submitted_at = $2, consent = $3, version = version + 1, \
                     updated_at = $4 where municipality_code = $5 and version = $6 and edition_id = \
                     (select e.id from editions e join awards a on a.id = e.award_id where a.slug = $7 and e.year = $8) \
                     returning id",
                )
                .bind(save.status.as_str())
                .bind(save.submitted_at.map(secs))
                .bind(save.consent)
                .bind(secs(now))
                .bind(code.as_str())
                .bind(save.expected_version)
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_optional(&mut *tx)
                .await?;
                let Some(entry_id) = saved else {
                    let current = Self::entry_record_in(&mut *tx, award, year, code)
                        .await?
                        .ok_or_else(|| StoreError::NoEdition(award.clone(), year))?;
                    tx.rollback().await?;
                    return Ok(SaveOutcome::Conflict(Box::new(current)));
                };
                Self::write_answers(&mut tx, entry_id, &save.answers).await?;
                let version = save.expected_version + 1;
                let answers_json =
                    serde_json::to_string(&save.answers).map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into entry_versions (entry_id, version, saved_at, actor, status, answers) \
                     values ($1, $2, $3, $4, $5, $6)",
                )
                .bind(entry_id)
                .bind(version)
                .bind(secs(now))
                .bind(&actor.by)
                .bind(save.status.as_str())
                .bind(answers_json)
                .execute(&mut *tx)
                .await?;
                let detail = format!("{}, version {version}, consent {}", save.status.as_str(), save.consent);
                Self::record(&mut tx, actor, "entry.save", &format!("{award}/{year}/{code}"), detail).await?;
                tx.commit().await?;
                Ok(SaveOutcome::Saved { version })
            }

            async fn entry_history(&self, entry_id: i64) -> Result<Vec<EntryVersion>> {
                let rows: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
                    "select version, saved_at, actor, status, answers from entry_versions \
                     where entry_id = $1 order by version desc",
                )
                .bind(entry_id)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(version, saved_at, actor, status, answers)| {
                        Ok(EntryVersion {
                            version,
                            saved_at: time(saved_at)?,
                            actor,
                            status: juryn_domain::EntryStatus::parse(&status)
                                .ok_or_else(|| StoreError::Corrupt(format!("entry status {status:?}")))?,
                            answers: serde_json::from_str(&answers).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        })
                    })
                    .collect()
            }
        }
    };
}

pub(crate) use impl_entries;
