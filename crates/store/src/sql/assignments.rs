//! Who reviews which entry: the assignment, replaced whole or adjusted pair by pair, never a
//! conflicted pair.

macro_rules! impl_assignments {
    ($store:ident) => {
        #[async_trait]
        impl AssignmentStore for $store {
            async fn assignments(&self, award: &Slug, year: i16) -> Result<Vec<(i64, MunicipalityCode)>> {
                let rows: Vec<(i64, String)> = self
                    .edition_rows(
                        concat!(
                            "select s.user_id, s.municipality_code from assignments s \
                             join editions e on e.id = s.edition_id join awards a on a.id = e.award_id \
                             where a.slug = $1 and e.year = $2 and s.round = ",
                            current_round!(),
                            " order by s.municipality_code, s.user_id"
                        ),
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(|(u, c)| Ok((u, code(&c)?))).collect()
            }

            async fn assignments_of(&self, award: &Slug, year: i16, user_id: i64) -> Result<Vec<MunicipalityCode>> {
                let rows: Vec<String> = sqlx::query_scalar(
                    concat!(
                        "select s.municipality_code from assignments s join editions e on e.id = s.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and s.user_id = $3 \
                         and s.round = ",
                        current_round!(),
                        " order by s.municipality_code"
                    ),
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|c| code(c)).collect()
            }

            async fn replace_assignments(
                &self,
                award: &Slug,
                year: i16,
                pairs: &[(i64, MunicipalityCode)],
                actor: &Stamp,
            ) -> Result<std::result::Result<(), Vec<(i64, MunicipalityCode)>>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                // Someone who has seen the ranking keeps what they had and gets nothing new.
                let round = Self::current_round_in(&mut tx, id).await?;
                let viewers = Self::ranking_viewers_in(&mut tx, id).await?;
                let before: Vec<(i64, String)> =
                    sqlx::query_as("select user_id, municipality_code from assignments where edition_id = $1 and round = $2")
                        .bind(id)
                        .bind(round)
                        .fetch_all(&mut *tx)
                        .await?;
                let refused: Vec<(i64, MunicipalityCode)> = pairs
                    .iter()
                    .filter(|(u, c)| viewers.contains(u) && !before.iter().any(|(bu, bc)| bu == u && bc == c.as_str()))
                    .copied()
                    .collect();
                if !refused.is_empty() {
                    return Ok(Err(refused));
                }
                sqlx::query("delete from assignments where edition_id = $1 and round = $2")
                    .bind(id)
                    .bind(round)
                    .execute(&mut *tx)
                    .await?;
                let mut written = 0;
                let booklet_only: Vec<String> =
                    sqlx::query_scalar("select municipality_code from entries where edition_id = $1 and booklet_only")
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await?;
                let candidates = Self::round_candidates_in(&mut tx, id, round).await?;
                let outside = |c: &MunicipalityCode| candidates.as_ref().is_some_and(|cs| !cs.iter().any(|k| k == c.as_str()));
                for (user_id, c) in pairs {
                    if booklet_only.iter().any(|b| b == c.as_str())
                        || outside(c)
                        || Self::is_conflicted_in(&mut tx, id, *user_id, *c).await?
                    {
                        continue;
                    }
                    sqlx::query(
                        "insert into assignments (edition_id, user_id, municipality_code, round) values ($1, $2, $3, $4) \
                         on conflict do nothing",
                    )
                    .bind(id)
                    .bind(user_id)
                    .bind(c.as_str())
                    .bind(round)
                    .execute(&mut *tx)
                    .await?;
                    written += 1;
                }
                let detail = format!("{written} assignments");
                Self::record(&mut tx, actor, "assignments.replace", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn set_assigned(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                c: MunicipalityCode,
                assigned: bool,
                actor: &Stamp,
            ) -> Result<Result<(), ReviewRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let round = Self::current_round_in(&mut tx, id).await?;
                if assigned {
                    if !Self::on_jury_in(&mut tx, id, user_id).await? {
                        return Ok(Err(ReviewRefusal::NotOnJury));
                    }
                    if Self::is_conflicted_in(&mut tx, id, user_id, c).await? {
                        return Ok(Err(ReviewRefusal::Conflicted));
                    }
                    let only: Option<bool> = sqlx::query_scalar(
                        "select booklet_only from entries where edition_id = $1 and municipality_code = $2",
                    )
                    .bind(id)
                    .bind(c.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                    if only == Some(true) {
                        return Ok(Err(ReviewRefusal::BookletOnly));
                    }
                    let candidates = Self::round_candidates_in(&mut tx, id, round).await?;
                    if candidates.is_some_and(|cs| !cs.iter().any(|k| k == c.as_str())) {
                        return Ok(Err(ReviewRefusal::NotInRound));
                    }
                    if Self::ranking_viewers_in(&mut tx, id).await?.contains(&user_id) {
                        return Ok(Err(ReviewRefusal::SawRanking));
                    }
                    sqlx::query(
                        "insert into assignments (edition_id, user_id, municipality_code, round) values ($1, $2, $3, $4) \
                         on conflict do nothing",
                    )
                    .bind(id)
                    .bind(user_id)
                    .bind(c.as_str())
                    .bind(round)
                    .execute(&mut *tx)
                    .await?;
                } else {
                    sqlx::query(
                        "delete from assignments where edition_id = $1 and user_id = $2 and municipality_code = $3 \
                         and round = $4",
                    )
                    .bind(id)
                    .bind(user_id)
                    .bind(c.as_str())
                    .bind(round)
                    .execute(&mut *tx)
                    .await?;
                }
                let action = if assigned { "assignment.add" } else { "assignment.remove" };
                Self::record(&mut tx, actor, action, &format!("user/{user_id}"), format!("{award}/{year} {c}")).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }
        }
    };
}

pub(crate) use impl_assignments;
