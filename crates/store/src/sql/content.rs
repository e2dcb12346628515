//! Awards, editions, their content, and entries: the public side of the data.

macro_rules! impl_content {
    ($store:ident, $backend:literal) => {
        #[async_trait]
        impl ContentStore for $store {
            fn backend(&self) -> &'static str {
                $backend
            }

            async fn maintain(&self) -> Result<()> {
                if let Some(sql) = Self::MAINTENANCE {
                    sqlx::query(sql).execute(&self.pool).await?;
                }
                Ok(())
            }

            async fn generation(&self) -> Result<i64> {
                Ok(sqlx::query_scalar("select generation from data_generation where id = 1")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn health(&self) -> Result<crate::StoreHealth> {
                let applied: Vec<i64> =
                    sqlx::query_scalar("select version from _sqlx_migrations where success order by version")
                        .fetch_all(&self.pool)
                        .await?;
                let known: Vec<i64> = Self::migrator().iter().map(|m| m.version).collect();
                Ok(crate::StoreHealth {
                    migrations_pending: known.iter().filter(|v| !applied.contains(v)).count(),
                    migrations_unknown: applied.iter().filter(|v| !known.contains(v)).count(),
                    connections: self.pool.size(),
                    idle: self.pool.num_idle(),
                })
            }

            async fn snapshot(&self) -> Result<crate::backup::Snapshot> {
                self.take_snapshot().await
            }

            async fn restore(
                &self,
                snapshot: &crate::backup::Snapshot,
            ) -> Result<std::result::Result<(), crate::backup::RestoreRefusal>> {
                self.put_snapshot(snapshot).await
            }

            async fn awards(&self) -> Result<Vec<Award>> {
                let sql = format!("select {AWARD_COLUMNS} from awards order by name_sv");
                let rows = sqlx::query_as::<_, AwardRow>(&sql).fetch_all(&self.pool).await?;
                rows.into_iter().map(AwardRow::into_award).collect()
            }

            async fn award(&self, slug: &Slug) -> Result<Option<Award>> {
                let sql = format!("select {AWARD_COLUMNS} from awards where slug = $1");
                let row = sqlx::query_as::<_, AwardRow>(&sql)
                    .bind(slug.as_str())
                    .fetch_optional(&self.pool)
                    .await?;
                row.map(AwardRow::into_award).transpose()
            }

            async fn put_award(&self, award: &Award, actor: &Stamp) -> Result<()> {
                self.write_award(award, actor, false).await.map(|_| ())
            }

            async fn editions(&self, award: &Slug) -> Result<Vec<Edition>> {
                self.load_editions("", award, None).await
            }

            async fn edition(&self, award: &Slug, year: i16) -> Result<Option<Edition>> {
                Ok(self.load_editions("and e.year = $2", award, Some(year)).await?.pop())
            }

            async fn create_award(&self, award: &Award, actor: &Stamp) -> Result<bool> {
                self.write_award(award, actor, true).await
            }

            async fn create_edition(&self, c: &EditionContent, actor: &Stamp) -> Result<bool> {
                self.write_edition(c, actor, true).await
            }

            async fn reschedule(
                &self,
                (award, year): (&Slug, i16),
                timeline: &[Milestone],
                announce_at: Option<Timestamp>,
                (actor, what): (&Stamp, &str),
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                Self::put_timeline_in(&mut tx, id, timeline).await?;
                if let Some(at) = announce_at {
                    // Once announced, always announced: a passed announcement stays where it was.
                    sqlx::query("update editions set announce_at = $1 where id = $2 and announce_at > $3")
                        .bind(secs(at))
                        .bind(id)
                        .bind(secs(actor.at))
                        .execute(&mut *tx)
                        .await?;
                }
                Self::record(&mut tx, actor, "timeline.move", &format!("{award}/{year}"), what.to_owned()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn put_edition(&self, c: &EditionContent, actor: &Stamp) -> Result<()> {
                self.write_edition(c, actor, false).await.map(|_| ())
            }

            async fn advance_phase(
                &self,
                award: &Slug,
                year: i16,
                from: Phase,
                to: Phase,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                // The one write an archived edition takes: its phase, to take it out again.
                let id = Self::edition_id_any(&mut tx, award, year).await?;
                let moved = sqlx::query("update editions set phase = $1 where id = $2 and phase = $3")
                    .bind(to.as_str())
                    .bind(id)
                    .bind(from.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if moved == 0 {
                    return Ok(false);
                }
                let subject = format!("{award}/{year}");
                Self::record(&mut tx, actor, "edition.phase", &subject, format!("{from} -> {to}")).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn calls_due(&self, now: Timestamp) -> Result<Vec<(Slug, i16, Phase)>> {
                let rows: Vec<(String, i64, String)> = sqlx::query_as(
                    "select a.slug, e.year, e.phase from editions e join awards a on a.id = e.award_id \
                     where (e.phase = 'draft' and e.call_opens_at is not null and e.call_opens_at <= $1) \
                     or (e.phase = 'call-open' and e.call_closes_at is not null \
                         and e.call_closes_at + e.grace_minutes * 60 <= $1) \
                     order by a.slug, e.year",
                )
                .bind(secs(now))
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(slug, year, phase)| {
                        let slug = Slug::parse(&slug).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                        let year = i16::try_from(year).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                        let phase = Phase::parse(&phase).ok_or_else(|| StoreError::Corrupt(format!("phase {phase:?}")))?;
                        Ok((slug, year, phase))
                    })
                    .collect()
            }

            async fn timeline(&self, award: &Slug, year: i16) -> Result<Vec<Milestone>> {
                let rows: Vec<MilestoneRow> = self
                    .edition_rows(
                        "select m.kind, m.label_sv, m.label_en, m.span, m.moved_from, m.moved_at from milestones m \
                         join editions e on e.id = m.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by m.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(MilestoneRow::into_milestone).collect()
            }

            async fn jury(&self, award: &Slug, year: i16) -> Result<Vec<Juror>> {
                let rows: Vec<JurorRow> = self
                    .edition_rows(
                        "select j.name, j.title_sv, j.title_en, j.organisation, j.home_code, j.is_chair, \
                         j.is_example from jurors j join editions e on e.id = j.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                         order by j.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(JurorRow::into_juror).collect()
            }

            async fn criteria(&self, award: &Slug, year: i16) -> Result<Vec<Criterion>> {
                let rows: Vec<CriterionRow> = self
                    .edition_rows(
                        concat!(
                            "select c.name_sv, c.name_en, c.description_sv, c.description_en, c.scale_min, \
                             c.scale_max, c.weight, c.scale_labels from criteria c join editions e on e.id = c.edition_id \
                             join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and c.round = ",
                            current_round!(),
                            " order by c.position"
                        ),
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(CriterionRow::into_criterion).collect()
            }

            async fn questions(&self, award: &Slug, year: i16) -> Result<Vec<Question>> {
                let rows: Vec<QuestionRow> = self
                    .edition_rows(
                        "select q.prompt_sv, q.prompt_en, q.help_sv, q.help_en, q.kind, q.required from questions q \
                         join editions e on e.id = q.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by q.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(QuestionRow::into_question).collect()
            }

            async fn award_logo(&self, award: &Slug) -> Result<Option<(Vec<u8>, String)>> {
                let row: Option<(Option<Vec<u8>>, Option<String>)> =
                    sqlx::query_as("select logo, logo_kind from awards where slug = $1")
                        .bind(award.as_str())
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(match row {
                    Some((Some(bytes), Some(kind))) => Some((bytes, kind)),
                    _ => None,
                })
            }

            async fn set_award_logo(&self, award: &Slug, logo: Option<(&[u8], &str)>, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::award_id(&mut tx, award).await?;
                sqlx::query("update awards set logo = $1, logo_kind = $2 where id = $3")
                    .bind(logo.map(|(bytes, _)| bytes))
                    .bind(logo.map(|(_, kind)| kind))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let detail = logo.map_or_else(|| "removed".to_owned(), |(b, k)| format!("{k}, {} bytes", b.len()));
                Self::record(&mut tx, actor, "award.logo", award.as_str(), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn past_winners(&self, award: &Slug) -> Result<Vec<PastWinner>> {
                let rows = sqlx::query_as::<_, PastWinnerRow>(
                    "select p.year, p.municipality_code, p.with_codes, p.citation from past_winners p \
                     join awards a on a.id = p.award_id where a.slug = $1 order by p.year",
                )
                .bind(award.as_str())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(PastWinnerRow::into_past_winner).collect()
            }

            async fn put_past_winners(&self, award: &Slug, winners: &[PastWinner], actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let award_id = Self::award_id(&mut tx, award).await?;
                sqlx::query("delete from past_winners where award_id = $1")
                    .bind(award_id)
                    .execute(&mut *tx)
                    .await?;
                for w in winners {
                    let with: Vec<&str> = w.with.iter().map(|c| c.as_str()).collect();
                    sqlx::query(
                        "insert into past_winners (award_id, year, municipality_code, with_codes, citation) \
                         values ($1, $2, $3, $4, $5)",
                    )
                    .bind(award_id)
                    .bind(i64::from(w.year))
                    .bind(w.municipality.as_str())
                    .bind(with.join(" "))
                    .bind(&w.citation)
                    .execute(&mut *tx)
                    .await?;
                }
                let detail = format!("{} winners", winners.len());
                Self::record(&mut tx, actor, "archive.put", award.as_str(), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn put_entry(&self, award: &Slug, year: i16, entry: &EntryContent, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition_id = Self::edition_id(&mut tx, award, year).await?;
                let entry_id: i64 = sqlx::query_scalar(
                    "insert into entries (edition_id, municipality_code, status, submitted_at, is_example) \
                     values ($1, $2, $3, $4, $5) on conflict (edition_id, municipality_code) do update set \
                     status = excluded.status, submitted_at = excluded.submitted_at, \
                     is_example = excluded.is_example returning id",
                )
                .bind(edition_id)
                .bind(entry.municipality.as_str())
                .bind(entry.status.as_str())
                .bind(entry.submitted_at.map(secs))
                .bind(entry.is_example)
                .fetch_one(&mut *tx)
                .await?;
                Self::write_answers(&mut tx, entry_id, &entry.answers).await?;
                let subject = format!("{award}/{year}/{}", entry.municipality);
                Self::record(&mut tx, actor, "entry.put", &subject, format!("status={}", entry.status.as_str()))
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn entries(&self, award: &Slug, year: i16) -> Result<Vec<EntryContent>> {
                let rows: Vec<EntryRow> = self
                    .edition_rows(
                        "select n.id, n.municipality_code, n.status, n.submitted_at, n.is_example \
                         from entries n join editions e on e.id = n.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                         order by n.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                let answers: Vec<(i64, String)> = sqlx::query_as(
                    "select s.entry_id, s.body from answers s join questions q on q.id = s.question_id \
                     join editions e on e.id = q.edition_id join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2 order by s.entry_id, q.position",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_all(&self.pool)
                .await?;
                let mut by_entry: std::collections::HashMap<i64, Vec<String>> = Default::default();
                for (id, body) in answers {
                    by_entry.entry(id).or_default().push(body);
                }
                rows.into_iter()
                    .map(|r| {
                        let answers = by_entry.remove(&r.id).unwrap_or_default();
                        r.content(answers)
                    })
                    .collect()
            }

            async fn entry_statuses(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, EntryStatus)>> {
                let rows: Vec<EntryRow> = self
                    .edition_rows(
                        "select n.id, n.municipality_code, n.status, n.submitted_at, n.is_example \
                         from entries n join editions e on e.id = n.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                         order by n.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(|r| Ok((code(&r.municipality_code)?, r.status()?))).collect()
            }

            async fn entry_stamps(&self, award: &Slug, year: i16) -> Result<Vec<(String, String, i64, bool, i64)>> {
                self.edition_rows(
                    "select n.municipality_code, n.status, n.version, n.consent, \
                     coalesce((select sum(length(b.body)) from answers b where b.entry_id = n.id), 0) \
                     from entries n join editions e on e.id = n.edition_id \
                     join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                     order by n.municipality_code",
                    award,
                    year,
                )
                .await
            }

            async fn entry_by_id(&self, id: i64) -> Result<Option<StoredEntry>> {
                let row: Option<(String, i64)> = sqlx::query_as(
                    "select a.slug, e.year from entries n join editions e on e.id = n.edition_id \
                     join awards a on a.id = e.award_id where n.id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
                let Some((slug, y)) = row else { return Ok(None) };
                let award = Slug::parse(&slug).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let year = year(y)?;
                // This entry and its answers only: an edition's every answer is megabytes.
                let r: EntryRow = sqlx::query_as(
                    "select n.id, n.municipality_code, n.status, n.submitted_at, n.is_example \
                     from entries n where n.id = $1",
                )
                .bind(id)
                .fetch_one(&self.pool)
                .await?;
                let answers: Vec<String> = sqlx::query_scalar(
                    "select s.body from answers s join questions q on q.id = s.question_id \
                     where s.entry_id = $1 order by q.position",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
                Ok(Some(StoredEntry { id, award, year, entry: r.content(answers)? }))
            }

            async fn entry_id(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Option<i64>> {
                Ok(sqlx::query_scalar(
                    "select n.id from entries n join editions e on e.id = n.edition_id \
                     join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2 and n.municipality_code = $3",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(code.as_str())
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn participations(&self, code: MunicipalityCode) -> Result<Vec<Participation>> {
                #[derive(sqlx::FromRow)]
                struct Row {
                    #[sqlx(flatten)]
                    edition: EditionRow,
                    status: Option<String>,
                }
                let sql = format!(
                    "select {EDITION_COLUMNS}, n.status from editions e join awards a on a.id = e.award_id \
                     left join entries n on n.edition_id = e.id and n.municipality_code = $1 \
                     where n.id is not null or exists (select 1 from nominees x \
                     where x.edition_id = e.id and x.municipality_code = $1) \
                     order by e.year desc, a.slug"
                );
                let rows = sqlx::query_as::<_, Row>(&sql).bind(code.as_str()).fetch_all(&self.pool).await?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let status = row
                        .status
                        .as_deref()
                        .map(|s| {
                            juryn_domain::EntryStatus::parse(s)
                                .ok_or_else(|| StoreError::Corrupt(format!("entry status {s:?}")))
                        })
                        .transpose()?;
                    let nominees = self.nominees_of(row.edition.id).await?;
                    let edition = row.edition.into_edition(nominees)?;
                    let award = self.award(&edition.award).await?.ok_or_else(|| StoreError::NoAward(edition.award.clone()))?;
                    out.push(Participation { award, edition, status });
                }
                Ok(out)
            }

            async fn unconfirmed_nominations(&self, award: &Slug, year: i16, now: Timestamp) -> Result<i64> {
                Ok(sqlx::query_scalar(
                    "select count(*) from nominations n join editions e on e.id = n.edition_id \
                     join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                     and n.confirmed_at is null and n.expires_at > $3",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(secs(now))
                .fetch_one(&self.pool)
                .await?)
            }

            async fn audit_events(&self, limit: i64) -> Result<Vec<AuditEvent>> {
                let rows = sqlx::query_as::<_, AuditRow>(
                    "select at, actor, action, subject, detail from audit_events order by id desc limit $1",
                )
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(AuditRow::into_event).collect()
            }
        }
    };
}

pub(crate) use impl_content;
