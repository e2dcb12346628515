//! The review round's SQL: jury members, conflicts (rulings and the effective set computed by
//! `domain::conflict`), assignments, reviews, the discussion and the shortlist.

macro_rules! impl_review {
    ($store:ident) => {
        impl $store {
            /// Whether the person holds a juror's or the chair's role covering the edition.
            async fn on_jury_in(tx: &mut Tx, edition_id: i64, user_id: i64) -> Result<bool> {
                let n: i64 = sqlx::query_scalar(
                    "select count(*) from role_grants g join editions e on e.id = $1 \
                     where g.user_id = $2 and g.role in ('juror', 'jury-chair') \
                     and (g.edition_id = e.id or (g.edition_id is null and g.award_id = e.award_id))",
                )
                .bind(edition_id)
                .bind(user_id)
                .fetch_one(&mut **tx)
                .await?;
                Ok(n > 0)
            }

            async fn phase_in(tx: &mut Tx, edition_id: i64) -> Result<Phase> {
                let p: String = sqlx::query_scalar("select phase from editions where id = $1")
                    .bind(edition_id)
                    .fetch_one(&mut **tx)
                    .await?;
                Phase::parse(&p).ok_or_else(|| StoreError::Corrupt(format!("phase {p}")))
            }

            async fn user_name_in(tx: &mut Tx, user_id: i64) -> Result<String> {
                Ok(sqlx::query_scalar::<_, String>("select name from users where id = $1")
                    .bind(user_id)
                    .fetch_optional(&mut **tx)
                    .await?
                    .unwrap_or_else(|| format!("user/{user_id}")))
            }

            /// The edition's reviews in the current round (conflicted pairs left out): every
            /// entry's, or only `only`'s.
            async fn reviews_where(
                &self,
                award: &Slug,
                year: i16,
                only: Option<MunicipalityCode>,
            ) -> Result<Vec<StoredReview>> {
                // '' stands for every entry.
                let only = only.map_or(String::new(), |c| c.as_str().to_owned());
                #[allow(clippy::type_complexity)]
                let heads: Vec<(i64, i64, String, String, String, i64, Option<i64>, Option<i64>)> =
                    sqlx::query_as(
                        concat!(
                            "select r.id, r.user_id, u.name, r.municipality_code, r.overall_comment, r.updated_at, \
                             r.submitted_at, r.changed_at from reviews r join users u on u.id = r.user_id \
                             join editions e on e.id = r.edition_id join awards a on a.id = e.award_id \
                             where a.slug = $1 and e.year = $2 and not exists (select 1 from conflicts c \
                               where c.edition_id = r.edition_id and c.user_id = r.user_id \
                               and c.municipality_code = r.municipality_code) \
                             and ($3 = '' or r.municipality_code = $3) and r.round = ",
                            current_round!(),
                            " order by r.municipality_code, u.name"
                        ),
                    )
                    .bind(award.as_str())
                    .bind(i64::from(year))
                    .bind(&only)
                    .fetch_all(&self.pool)
                    .await?;
                let scores: Vec<(i64, i64, Option<i64>, String)> = sqlx::query_as(concat!(
                    "select s.review_id, s.criterion_id, s.score, s.comment from review_scores s \
                     join reviews r on r.id = s.review_id join criteria k on k.id = s.criterion_id \
                     join editions e on e.id = r.edition_id join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2 and ($3 = '' or r.municipality_code = $3) and r.round = ",
                    current_round!(),
                    " order by s.review_id, k.position"
                ))
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(&only)
                .fetch_all(&self.pool)
                .await?;
                let criteria: Vec<i64> = self.criteria_with_ids(award, year).await?.into_iter().map(|(id, _)| id).collect();
                let mut by_review: std::collections::HashMap<i64, Vec<(i64, Option<i64>, String)>> =
                    std::collections::HashMap::new();
                for (review, criterion, score, comment) in scores {
                    by_review.entry(review).or_default().push((criterion, score, comment));
                }
                let mut out = Vec::with_capacity(heads.len());
                for (rid, user_id, juror, c, overall, updated, submitted, changed) in heads {
                    let stored = by_review.remove(&rid).unwrap_or_default();
                    let scores = criteria
                        .iter()
                        .map(|k| {
                            let found = stored.iter().find(|(id, _, _)| id == k);
                            Ok(juryn_domain::review::Score {
                                criterion: *k,
                                score: match found.and_then(|f| f.1) {
                                    Some(v) => Some(u8::try_from(v).map_err(|e| StoreError::Corrupt(e.to_string()))?),
                                    None => None,
                                },
                                comment: found.map(|f| f.2.clone()).unwrap_or_default(),
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    out.push(StoredReview {
                        user_id,
                        juror,
                        municipality: code(&c)?,
                        scores,
                        overall,
                        updated_at: time(updated)?,
                        submitted_at: submitted.map(time).transpose()?,
                        changed_at: changed.map(time).transpose()?,
                    });
                }
                Ok(out)
            }
        }

        #[async_trait]
        impl crate::ReviewStore for $store {

            async fn criteria_with_ids(&self, award: &Slug, year: i16) -> Result<Vec<(i64, Criterion)>> {
                #[derive(sqlx::FromRow)]
                struct Row {
                    id: i64,
                    #[sqlx(flatten)]
                    criterion: CriterionRow,
                }
                let rows: Vec<Row> = self
                    .edition_rows(
                        concat!(
                            "select c.id, c.name_sv, c.name_en, c.description_sv, c.description_en, c.scale_min, \
                             c.scale_max, c.weight, c.scale_labels from criteria c join editions e on e.id = c.edition_id \
                             join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and c.round = ",
                            current_round!(),
                            " order by c.position"
                        ),
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(|r| Ok((r.id, r.criterion.into_criterion()?))).collect()
            }

            async fn put_criteria(&self, award: &Slug, year: i16, criteria: &[Criterion], actor: &Stamp) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let round = Self::current_round_in(&mut tx, id).await?;
                let reviews: i64 = sqlx::query_scalar("select count(*) from reviews where edition_id = $1 and round = $2")
                    .bind(id)
                    .bind(round)
                    .fetch_one(&mut *tx)
                    .await?;
                if reviews > 0 {
                    return Ok(false);
                }
                Self::put_criteria_in(&mut tx, id, criteria).await?;
                let detail = format!("{} criteria", criteria.len());
                Self::record(&mut tx, actor, "criteria.put", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn jury_members(&self, award: &Slug, year: i16) -> Result<Vec<JuryMember>> {
                let rows: Vec<(i64, String, String, bool, Option<String>, Option<String>, Option<String>)> =
                    sqlx::query_as(
                        "select u.id, u.name, u.email, max(case when g.role = 'jury-chair' then 1 else 0 end) = 1, \
                         max(j.name), max(j.home_code), max(j.employer_code) \
                         from role_grants g join users u on u.id = g.user_id \
                         join editions e on (g.edition_id = e.id or (g.edition_id is null and g.award_id = e.award_id)) \
                         join awards a on a.id = e.award_id \
                         left join jurors j on j.edition_id = e.id and j.user_id = u.id \
                         where a.slug = $1 and e.year = $2 and g.role in ('juror', 'jury-chair') \
                         and u.erased_at is null group by u.id, u.name, u.email",
                    )
                    .bind(award.as_str())
                    .bind(i64::from(year))
                    .fetch_all(&self.pool)
                    .await?;
                let mut out = Vec::with_capacity(rows.len());
                for (user_id, name, email, is_chair, profile, home, employer) in rows {
                    out.push(JuryMember {
                        user_id,
                        name,
                        email,
                        is_chair,
                        ties: juryn_domain::conflict::Ties {
                            home: home.as_deref().map(code).transpose()?,
                            employer: employer.as_deref().map(code).transpose()?,
                        },
                        profile,
                    });
                }
                out.sort_by(|a, b| {
                    juryn_domain::juror::swedish_key(&a.name).cmp(&juryn_domain::juror::swedish_key(&b.name))
                });
                Ok(out)
            }

            async fn save_review(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                c: MunicipalityCode,
                save: &ReviewSave,
                actor: &Stamp,
            ) -> Result<Result<(), ReviewRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                if !juryn_domain::review::round_open(Self::phase_in(&mut tx, id).await?) {
                    return Ok(Err(ReviewRefusal::RoundClosed));
                }
                if Self::is_conflicted_in(&mut tx, id, user_id, c).await? {
                    return Ok(Err(ReviewRefusal::Conflicted));
                }
                let round = Self::current_round_in(&mut tx, id).await?;
                let assigned: i64 = sqlx::query_scalar(
                    "select count(*) from assignments where edition_id = $1 and user_id = $2 and municipality_code = $3 \
                     and round = $4",
                )
                .bind(id)
                .bind(user_id)
                .bind(c.as_str())
                .bind(round)
                .fetch_one(&mut *tx)
                .await?;
                if assigned == 0 {
                    return Ok(Err(ReviewRefusal::NotAssigned));
                }
                let ids: Vec<i64> = sqlx::query_scalar("select id from criteria where edition_id = $1 and round = $2")
                    .bind(id)
                    .bind(round)
                    .fetch_all(&mut *tx)
                    .await?;
                if save.scores.iter().any(|s| !ids.contains(&s.criterion)) {
                    return Ok(Err(ReviewRefusal::UnknownCriterion));
                }
                let now = actor.at;
                let existing: Option<(i64, Option<i64>)> = sqlx::query_as(
                    "select id, submitted_at from reviews where edition_id = $1 and user_id = $2 and municipality_code = $3 \
                     and round = $4",
                )
                .bind(id)
                .bind(user_id)
                .bind(c.as_str())
                .bind(round)
                .fetch_optional(&mut *tx)
                .await?;
                let resubmission = existing.and_then(|(rid, sub)| sub.map(|_| rid));
                if let Some(rid) = resubmission {
                    let allowed: bool = sqlx::query_scalar("select review_changes_allowed from editions where id = $1")
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?;
                    if !allowed {
                        return Ok(Err(ReviewRefusal::AlreadySubmitted));
                    }
                    Self::keep_review_version_in(&mut tx, rid, now).await?;
                }
                let now_secs = secs(now);
                // A submitted review stays submitted (at its first submission time); a change to
                // it, where allowed, is stamped changed_at and its earlier version kept above.
                let review_id: i64 = sqlx::query_scalar(
                    "insert into reviews (edition_id, user_id, municipality_code, overall_comment, updated_at, submitted_at, \
                     round) values ($1, $2, $3, $4, $5, $6, $7) \
                     on conflict (edition_id, round, user_id, municipality_code) do update set \
                     overall_comment = excluded.overall_comment, updated_at = excluded.updated_at, \
                     submitted_at = coalesce(reviews.submitted_at, excluded.submitted_at), \
                     changed_at = case when reviews.submitted_at is null then null else excluded.updated_at end \
                     returning id",
                )
                .bind(id)
                .bind(user_id)
                .bind(c.as_str())
                .bind(&save.overall)
                .bind(now_secs)
                .bind(save.submit.then_some(now_secs))
                .bind(round)
                .fetch_one(&mut *tx)
                .await?;
                for s in &save.scores {
                    sqlx::query(
                        "insert into review_scores (review_id, criterion_id, score, comment) values ($1, $2, $3, $4) \
                         on conflict (review_id, criterion_id) do update set score = excluded.score, \
                         comment = excluded.comment",
                    )
                    .bind(review_id)
                    .bind(s.criterion)
                    .bind(s.score.map(i64::from))
                    .bind(&s.comment)
                    .execute(&mut *tx)
                    .await?;
                }
                // The log says that a review was saved, never its scores: the organisers' log is
                // not a back door into the blind review.
                let action = match (resubmission.is_some(), save.submit) {
                    (true, _) => "review.change",
                    (false, true) => "review.submit",
                    (false, false) => "review.save",
                };
                let detail = format!("{award}/{year} {c}");
                Self::record(&mut tx, actor, action, &format!("user/{user_id}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn progress_of(&self, award: &Slug, year: i16, user_id: i64) -> Result<Vec<(MunicipalityCode, bool)>> {
                let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
                    concat!(
                        "select r.municipality_code, r.submitted_at from reviews r join editions e on e.id = r.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 and r.user_id = $3 \
                         and not exists (select 1 from conflicts c where c.edition_id = r.edition_id \
                           and c.user_id = r.user_id and c.municipality_code = r.municipality_code) and r.round = ",
                        current_round!(),
                        " order by r.municipality_code"
                    ),
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map(|(c, s)| Ok((code(&c)?, s.is_some()))).collect()
            }

            async fn reviews(&self, award: &Slug, year: i16) -> Result<Vec<StoredReview>> {
                self.reviews_where(award, year, None).await
            }

            async fn reviews_of(&self, award: &Slug, year: i16, c: MunicipalityCode) -> Result<Vec<StoredReview>> {
                self.reviews_where(award, year, Some(c)).await
            }

            async fn submitted_scores(&self, award: &Slug, year: i16) -> Result<Vec<SubmittedScores>> {
                // One row a review: its scores joined in the criteria's order, '' for none
                // (string_agg with an order is PostgreSQL's and SQLite's since 3.44).
                let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(concat!(
                    "select r.user_id, u.name, r.municipality_code, \
                     string_agg(coalesce(cast(s.score as text), ''), ',' order by k.position) \
                     from reviews r join users u on u.id = r.user_id \
                     join editions e on e.id = r.edition_id join awards a on a.id = e.award_id \
                     join criteria k on k.edition_id = r.edition_id and k.round = r.round \
                     left join review_scores s on s.review_id = r.id and s.criterion_id = k.id \
                     where a.slug = $1 and e.year = $2 and r.submitted_at is not null \
                     and not exists (select 1 from conflicts c where c.edition_id = r.edition_id \
                       and c.user_id = r.user_id and c.municipality_code = r.municipality_code) \
                     and r.round = ",
                    current_round!(),
                    " group by r.id, r.user_id, u.name, r.municipality_code \
                     order by r.municipality_code, u.name"
                ))
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(user_id, juror, c, joined)| {
                        let scores = joined
                            .unwrap_or_default()
                            .split(',')
                            .map(|s| match s {
                                "" => Ok(None),
                                n => n.parse::<u8>().map(Some).map_err(|e| StoreError::Corrupt(e.to_string())),
                            })
                            .collect::<Result<Vec<_>>>()?;
                        Ok(SubmittedScores { user_id, juror, municipality: code(&c)?, scores })
                    })
                    .collect()
            }

            async fn post_discussion(
                &self,
                award: &Slug,
                year: i16,
                c: MunicipalityCode,
                user_id: i64,
                body: &str,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query(
                    "insert into discussion_posts (edition_id, municipality_code, user_id, body, posted_at) \
                     values ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(c.as_str())
                .bind(user_id)
                .bind(body)
                .bind(secs(actor.at))
                .execute(&mut *tx)
                .await?;
                let name = Self::user_name_in(&mut tx, user_id).await?;
                Self::record(&mut tx, actor, "discussion.post", &format!("{award}/{year} {c}"), name).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn discussion(&self, award: &Slug, year: i16, c: MunicipalityCode) -> Result<Vec<Post>> {
                let rows: Vec<(Option<String>, String, i64)> = sqlx::query_as(
                    "select u.name, p.body, p.posted_at from discussion_posts p left join users u on u.id = p.user_id \
                     join editions e on e.id = p.edition_id join awards a on a.id = e.award_id \
                     where a.slug = $1 and e.year = $2 and p.municipality_code = $3 order by p.id",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .bind(c.as_str())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(author, body, at)| Ok(Post { author, body, posted_at: time(at)? }))
                    .collect()
            }

        }
    };
}

pub(crate) use impl_review;
