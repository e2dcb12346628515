//! Writing an edition: its content in one transaction, and its phase.

macro_rules! impl_editions {
    ($store:ident) => {
        impl $store {
            /// Writes an award. With `create`, only a new one: `false` (and nothing written) when its
            /// slug is taken; else created or updated in place.
            async fn write_award(&self, award: &Award, actor: &Stamp, create: bool) -> Result<bool> {
                const INSERT: &str = "insert into awards (slug, name_sv, name_en, organiser, description_sv, \
                     description_en, criterion_sv, criterion_en, how_chosen_sv, how_chosen_en, prize_sv, prize_en) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ";
                let sql = if create {
                    format!("{INSERT} on conflict (slug) do nothing returning id")
                } else {
                    format!(
                        "{INSERT} on conflict (slug) do update set name_sv = excluded.name_sv, \
                         name_en = excluded.name_en, organiser = excluded.organiser, \
                         description_sv = excluded.description_sv, description_en = excluded.description_en, \
                         criterion_sv = excluded.criterion_sv, criterion_en = excluded.criterion_en, \
                         how_chosen_sv = excluded.how_chosen_sv, how_chosen_en = excluded.how_chosen_en, \
                         prize_sv = excluded.prize_sv, prize_en = excluded.prize_en returning id"
                    )
                };
                let (_writer, mut tx) = self.begin_write().await?;
                let id: Option<i64> = sqlx::query_scalar(&sql)
                    .bind(award.slug.as_str())
                    .bind(&award.name.sv)
                    .bind(&award.name.en)
                    .bind(&award.organiser)
                    .bind(&award.description.sv)
                    .bind(&award.description.en)
                    .bind(&award.criterion.sv)
                    .bind(&award.criterion.en)
                    .bind(&award.how_chosen.sv)
                    .bind(&award.how_chosen.en)
                    .bind(&award.prize.sv)
                    .bind(&award.prize.en)
                    .fetch_optional(&mut *tx)
                    .await?;
                if id.is_none() {
                    return Ok(false);
                }
                let action = if create { "award.create" } else { "award.put" };
                Self::record(&mut tx, actor, action, award.slug.as_str(), String::new()).await?;
                tx.commit().await?;
                Ok(true)
            }

            /// Writes an edition's content in one transaction. With `create`, only a new edition:
            /// `false` (and nothing written) when the award already has one that year.
            async fn write_edition(&self, c: &EditionContent, actor: &Stamp, create: bool) -> Result<bool> {
                const INSERT: &str = "insert into editions (award_id, year, ordinal, phase, selection_sv, \
                     selection_en, nominees_public_at, announce_at, winner_code, shortlist_min, shortlist_max, \
                     call_opens_at, call_closes_at, grace_minutes) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ";
                let upsert = format!(
                    "{INSERT} on conflict (award_id, year) do update set ordinal = excluded.ordinal, \
                     phase = excluded.phase, selection_sv = excluded.selection_sv, \
                     selection_en = excluded.selection_en, nominees_public_at = excluded.nominees_public_at, \
                     announce_at = excluded.announce_at, winner_code = excluded.winner_code, \
                     shortlist_min = excluded.shortlist_min, shortlist_max = excluded.shortlist_max, \
                     call_opens_at = excluded.call_opens_at, call_closes_at = excluded.call_closes_at, \
                     grace_minutes = excluded.grace_minutes returning id"
                );
                let only_new = format!("{INSERT} on conflict (award_id, year) do nothing returning id");
                let e = &c.edition;
                let (_writer, mut tx) = self.begin_write().await?;
                let award_id = Self::award_id(&mut tx, &e.award).await?;
                let id: Option<i64> = sqlx::query_scalar(if create { &only_new } else { &upsert })
                .bind(award_id)
                .bind(i64::from(e.year))
                .bind(e.ordinal.map(i64::from))
                .bind(e.phase.as_str())
                .bind(&e.selection.sv)
                .bind(&e.selection.en)
                .bind(e.nominees_public_at.map(secs))
                .bind(e.announce_at.map(secs))
                .bind(e.winner.map(|w| w.to_string()))
                .bind(i64::from(e.shortlist_min))
                .bind(i64::from(e.shortlist_max))
                .bind(e.call.opens_at.map(secs))
                .bind(e.call.closes_at.map(secs))
                .bind(i64::from(e.call.grace_minutes))
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = id else { return Ok(false) };

                sqlx::query("delete from nominees where edition_id = $1").bind(id).execute(&mut *tx).await?;
                for (pos, code) in e.nominees.iter().enumerate() {
                    sqlx::query("insert into nominees (edition_id, position, municipality_code) values ($1, $2, $3)")
                        .bind(id)
                        .bind(pos as i64)
                        .bind(code.as_str())
                        .execute(&mut *tx)
                        .await?;
                }

                Self::put_timeline_in(&mut tx, id, &c.timeline).await?;
                if create {
                    Self::put_carryover_in(&mut tx, id, &c.carried).await?;
                }

                // Jurors keep their ids (later: reviews, conflicts point at them), so they are
                // matched by name: mark all, upsert the current ones, drop the rest.
                sqlx::query("update jurors set position = -1 - position where edition_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for (pos, j) in c.jury.iter().enumerate() {
                    sqlx::query(
                        "insert into jurors (edition_id, position, name, title_sv, title_en, organisation, \
                         home_code, is_chair, is_example) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                         on conflict (edition_id, name) do update set position = excluded.position, \
                         title_sv = excluded.title_sv, title_en = excluded.title_en, \
                         organisation = excluded.organisation, home_code = excluded.home_code, \
                         is_chair = excluded.is_chair, is_example = excluded.is_example",
                    )
                    .bind(id)
                    .bind(pos as i64)
                    .bind(&j.name)
                    .bind(&j.title.sv)
                    .bind(&j.title.en)
                    .bind(&j.organisation)
                    .bind(j.home_municipality.map(|c| c.to_string()))
                    .bind(j.is_chair)
                    .bind(j.is_example)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query("delete from jurors where edition_id = $1 and position < 0")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;

                Self::put_criteria_in(&mut tx, id, &c.criteria).await?;
                Self::put_questions_in(&mut tx, id, &c.questions).await?;

                let subject = format!("{}/{}", e.award, e.year);
                let action = if create { "edition.create" } else { "edition.put" };
                Self::record(&mut tx, actor, action, &subject, format!("phase={}", e.phase)).await?;
                tx.commit().await?;
                Ok(true)
            }

            /// Writes what a new edition takes over from an earlier one, inside the caller's
            /// transaction.
            async fn put_carryover_in(tx: &mut Tx, id: i64, carried: &Carryover) -> Result<()> {
                if let Some(whole_county) = carried.whole_county {
                    sqlx::query("update editions set conflict_whole_county = $1 where id = $2")
                        .bind(whole_county)
                        .bind(id)
                        .execute(&mut **tx)
                        .await?;
                }
                if let Some((title, foreword)) = &carried.booklet {
                    sqlx::query("insert into booklet_settings (edition_id, title, foreword) values ($1, $2, $3)")
                        .bind(id)
                        .bind(title)
                        .bind(foreword)
                        .execute(&mut **tx)
                        .await?;
                }
                if !carried.events.is_empty() {
                    Self::put_events_in(tx, id, &carried.events).await?;
                }
                Ok(())
            }

            /// Replaces the edition's milestones, in order, inside the caller's transaction.
            async fn put_timeline_in(tx: &mut Tx, id: i64, timeline: &[Milestone]) -> Result<()> {
                sqlx::query("delete from milestones where edition_id = $1").bind(id).execute(&mut **tx).await?;
                for (pos, m) in timeline.iter().enumerate() {
                    sqlx::query(
                        "insert into milestones (edition_id, position, kind, label_sv, label_en, span, \
                         moved_from, moved_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id)
                    .bind(pos as i64)
                    .bind(m.kind.as_str())
                    .bind(&m.label.sv)
                    .bind(&m.label.en)
                    .bind(m.span.to_string())
                    .bind(m.moved.map(|v| v.from.to_string()))
                    .bind(m.moved.map(|v| secs(v.at)))
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }

        }
        #[async_trait]
        impl EditionStore for $store {
            async fn set_timeline(
                &self,
                award: &Slug,
                year: i16,
                timeline: &[Milestone],
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                Self::put_timeline_in(&mut tx, id, timeline).await?;
                let subject = format!("{award}/{year}");
                Self::record(&mut tx, actor, "timeline.put", &subject, format!("{} milestones", timeline.len()))
                    .await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_editions;
