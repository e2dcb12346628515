//! The jury's public profiles as the organiser edits them one by one: added at the end, changed
//! by id (so a renamed juror keeps the link to their account), moved up or down, removed. A
//! linked account's automatic conflicts follow the profile's home and employer in the same write.

macro_rules! impl_jury_profiles {
    ($store:ident) => {
        #[async_trait]
        impl JuryProfileStore for $store {
            async fn jury_profiles(&self, award: &Slug, year: i16) -> Result<Vec<JurorProfile>> {
                let rows: Vec<ProfileRow> = self
                    .edition_rows(
                        "select j.id, j.name, j.title_sv, j.title_en, j.organisation, j.home_code, j.is_chair, \
                         j.is_example, j.employer_code, j.user_id from jurors j \
                         join editions e on e.id = j.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by j.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(ProfileRow::into_profile).collect()
            }

            async fn save_juror_profile(
                &self,
                (award, year): (&Slug, i16),
                id: Option<i64>,
                p: &JurorProfile,
                actor: &Stamp,
            ) -> Result<ProfileSaved> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition = Self::edition_id(&mut tx, award, year).await?;
                let taken: Option<i64> = sqlx::query_scalar(
                    "select id from jurors where edition_id = $1 and name = $2 and id <> $3",
                )
                .bind(edition)
                .bind(&p.juror.name)
                .bind(id.unwrap_or(-1))
                .fetch_optional(&mut *tx)
                .await?;
                if taken.is_some() {
                    return Ok(ProfileSaved::NameTaken);
                }
                let before: Option<Option<i64>> = match id {
                    Some(id) => {
                        let row: Option<(Option<i64>,)> =
                            sqlx::query_as("select user_id from jurors where edition_id = $1 and id = $2")
                                .bind(edition)
                                .bind(id)
                                .fetch_optional(&mut *tx)
                                .await?;
                        match row {
                            Some((user,)) => Some(user),
                            None => return Ok(ProfileSaved::NoSuchProfile),
                        }
                    }
                    None => None,
                };
                if let Some(user) = p.user_id {
                    // One profile per account: a link moves, it does not copy.
                    sqlx::query("update jurors set user_id = null where edition_id = $1 and user_id = $2")
                        .bind(edition)
                        .bind(user)
                        .execute(&mut *tx)
                        .await?;
                }
                let j = &p.juror;
                let saved_id = match id {
                    Some(id) => {
                        sqlx::query(
                            "update jurors set name = $1, title_sv = $2, title_en = $3, organisation = $4, \
                             home_code = $5, employer_code = $6, is_chair = $7, user_id = $8 \
                             where edition_id = $9 and id = $10",
                        )
                        .bind(&j.name)
                        .bind(&j.title.sv)
                        .bind(&j.title.en)
                        .bind(&j.organisation)
                        .bind(j.home_municipality.map(|c| c.to_string()))
                        .bind(p.employer.map(|c| c.to_string()))
                        .bind(j.is_chair)
                        .bind(p.user_id)
                        .bind(edition)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        id
                    }
                    None => {
                        let next: i64 = sqlx::query_scalar(
                            "select coalesce(max(position), -1) + 1 from jurors where edition_id = $1",
                        )
                        .bind(edition)
                        .fetch_one(&mut *tx)
                        .await?;
                        sqlx::query_scalar(
                            "insert into jurors (edition_id, position, name, title_sv, title_en, organisation, \
                             home_code, employer_code, is_chair, is_example, user_id) \
                             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
                        )
                        .bind(edition)
                        .bind(next)
                        .bind(&j.name)
                        .bind(&j.title.sv)
                        .bind(&j.title.en)
                        .bind(&j.organisation)
                        .bind(j.home_municipality.map(|c| c.to_string()))
                        .bind(p.employer.map(|c| c.to_string()))
                        .bind(j.is_chair)
                        .bind(false)
                        .bind(p.user_id)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                };
                // The accounts whose ties may have changed: the one linked before and the one now.
                for user in [before.flatten(), p.user_id].into_iter().flatten() {
                    Self::refresh_conflicts_in(&mut tx, edition, user, actor.at).await?;
                }
                let action = if id.is_some() { "juror.profile.save" } else { "juror.profile.add" };
                Self::record(&mut tx, actor, action, &format!("{award}/{year}"), j.name.clone()).await?;
                tx.commit().await?;
                Ok(ProfileSaved::Saved(saved_id))
            }

            async fn remove_juror_profile(
                &self,
                (award, year): (&Slug, i16),
                id: i64,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition = Self::edition_id(&mut tx, award, year).await?;
                let row: Option<(String, Option<i64>)> =
                    sqlx::query_as("select name, user_id from jurors where edition_id = $1 and id = $2")
                        .bind(edition)
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((name, user)) = row else { return Ok(false) };
                sqlx::query("delete from jurors where edition_id = $1 and id = $2")
                    .bind(edition)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                if let Some(user) = user {
                    Self::refresh_conflicts_in(&mut tx, edition, user, actor.at).await?;
                }
                Self::record(&mut tx, actor, "juror.profile.remove", &format!("{award}/{year}"), name).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn move_juror_profile(
                &self,
                (award, year): (&Slug, i16),
                id: i64,
                up: bool,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition = Self::edition_id(&mut tx, award, year).await?;
                let order: Vec<(i64, i64)> =
                    sqlx::query_as("select id, position from jurors where edition_id = $1 order by position")
                        .bind(edition)
                        .fetch_all(&mut *tx)
                        .await?;
                let Some(i) = order.iter().position(|(j, _)| *j == id) else { return Ok(false) };
                let other = if up { i.checked_sub(1) } else { Some(i + 1).filter(|o| *o < order.len()) };
                let Some(o) = other else { return Ok(true) };
                let ((a, pa), (b, pb)) = (order[i], order[o]);
                for (who, to) in [(a, pb), (b, pa)] {
                    sqlx::query("update jurors set position = $1 where id = $2")
                        .bind(to)
                        .bind(who)
                        .execute(&mut *tx)
                        .await?;
                }
                Self::record(&mut tx, actor, "juror.profile.move", &format!("{award}/{year}"), id.to_string())
                    .await?;
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use impl_jury_profiles;
