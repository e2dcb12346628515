//! What keeps the blind review honest: a submitted review is final unless the organiser allows
//! changes (then each change keeps the earlier version), and whoever has seen the ranking is
//! never assigned a review in that round afterwards.

macro_rules! impl_finality {
    ($store:ident) => {
        impl $store {
            /// Keeps the review as it stands before a change after submission.
            async fn keep_review_version_in(tx: &mut Tx, review_id: i64, now: Timestamp) -> Result<()> {
                let (overall, written): (String, i64) = sqlx::query_as(
                    "select overall_comment, coalesce(changed_at, submitted_at, updated_at) from reviews where id = $1",
                )
                .bind(review_id)
                .fetch_one(&mut **tx)
                .await?;
                let scores: Vec<(i64, Option<i64>, String)> = sqlx::query_as(
                    "select criterion_id, score, comment from review_scores where review_id = $1 order by criterion_id",
                )
                .bind(review_id)
                .fetch_all(&mut **tx)
                .await?;
                let json = serde_json::to_string(&scores).map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into review_versions (review_id, overall_comment, scores, written_at, replaced_at) \
                     values ($1, $2, $3, $4, $5)",
                )
                .bind(review_id)
                .bind(overall)
                .bind(json)
                .bind(written)
                .bind(secs(now))
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            /// The people who have seen the ranking of the round being decided.
            async fn ranking_viewers_in(tx: &mut Tx, edition_id: i64) -> Result<Vec<i64>> {
                let round = Self::current_round_in(tx, edition_id).await?;
                Ok(sqlx::query_scalar("select user_id from ranking_views where edition_id = $1 and round = $2 order by user_id")
                    .bind(edition_id)
                    .bind(round)
                    .fetch_all(&mut **tx)
                    .await?)
            }

        }
        #[async_trait]
        impl FinalityStore for $store {
            async fn review_changes_allowed(&self, award: &Slug, year: i16) -> Result<bool> {
                let allowed: Option<bool> = sqlx::query_scalar(
                    "select e.review_changes_allowed from editions e join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_optional(&self.pool)
                .await?;
                allowed.ok_or_else(|| StoreError::NoEdition(award.clone(), year))
            }

            async fn set_review_changes_allowed(
                &self,
                award: &Slug,
                year: i16,
                allowed: bool,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set review_changes_allowed = $1 where id = $2")
                    .bind(allowed)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let detail = if allowed { "allowed" } else { "final" }.to_owned();
                Self::record(&mut tx, actor, "reviews.changes", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn review_versions(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                c: MunicipalityCode,
            ) -> Result<Vec<ReviewVersion>> {
                let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(concat!(
                    "select v.overall_comment, v.scores, v.written_at, v.replaced_at from review_versions v \
                     join reviews r on r.id = v.review_id join editions e on e.id = r.edition_id \
                     join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and r.user_id = $3 \
                     and r.municipality_code = $4 and not exists (select 1 from conflicts k \
                       where k.edition_id = r.edition_id and k.user_id = r.user_id \
                       and k.municipality_code = r.municipality_code) and r.round = ",
                    current_round!(),
                    " order by v.id"
                ))
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(user_id)
                .bind(c.as_str())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(overall, scores, written, replaced)| {
                        let scores: Vec<(i64, Option<i64>, String)> =
                            serde_json::from_str(&scores).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                        Ok(ReviewVersion {
                            scores: scores
                                .into_iter()
                                .map(|(criterion, score, comment)| {
                                    Ok(juryn_domain::review::Score {
                                        criterion,
                                        score: score
                                            .map(u8::try_from)
                                            .transpose()
                                            .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                                        comment,
                                    })
                                })
                                .collect::<Result<_>>()?,
                            overall,
                            written_at: time(written)?,
                            replaced_at: time(replaced)?,
                        })
                    })
                    .collect()
            }

            async fn record_ranking_view(&self, award: &Slug, year: i16, user_id: i64, now: Timestamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let round = Self::current_round_in(&mut tx, id).await?;
                let fresh = sqlx::query(
                    "insert into ranking_views (edition_id, user_id, first_seen_at, round) values ($1, $2, $3, $4) \
                     on conflict do nothing",
                )
                .bind(id)
                .bind(user_id)
                .bind(secs(now))
                .bind(round)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if fresh > 0 {
                    let me = Stamp::new(format!("user/{user_id}"), now);
                    Self::audit(&mut tx, &me, "ranking.view", &me.by, format!("{award}/{year}")).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn ranking_viewers(&self, award: &Slug, year: i16) -> Result<Vec<i64>> {
                Ok(sqlx::query_scalar(
                    concat!(
                        "select v.user_id from ranking_views v join editions e on e.id = v.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and v.round = ",
                        current_round!(),
                        " order by v.user_id"
                    ),
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use impl_finality;
