//! The decision's SQL: one sealed row per edition, written with the phase change.

macro_rules! impl_decision {
    ($store:ident) => {
        #[async_trait]
        impl crate::DecisionStore for $store {
            async fn set_announce_at(
                &self,
                award: &Slug,
                year: i16,
                at: Timestamp,
                now: Timestamp,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let now = secs(now);
                // Once announced, always announced: a past announcement time stays.
                let changed = sqlx::query(
                    "update editions set announce_at = $1 where id = $2 and (announce_at is null or announce_at > $3)",
                )
                .bind(secs(at))
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    return Ok(false);
                }
                Self::record(&mut tx, actor, "edition.announce-at", &format!("{award}/{year}"), at.to_string()).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn decision_method(&self, award: &Slug, year: i16) -> Result<juryn_domain::seal::Method> {
                let rows: Vec<(String,)> = self
                    .edition_rows(
                        "select e.decision_method from editions e join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                let m = rows.into_iter().next().ok_or_else(|| StoreError::NoEdition(award.clone(), year))?.0;
                juryn_domain::seal::Method::parse(&m).ok_or_else(|| StoreError::Corrupt(format!("method {m}")))
            }

            async fn set_decision_method(
                &self,
                award: &Slug,
                year: i16,
                method: juryn_domain::seal::Method,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set decision_method = $1 where id = $2")
                    .bind(method.as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                Self::record(&mut tx, actor, "decision.method", &format!("{award}/{year}"), method.as_str().to_owned()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn cast_ballot(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                ranking: &[MunicipalityCode],
                actor: &Stamp,
            ) -> Result<Result<(), crate::BallotRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let sealed: i64 = sqlx::query_scalar("select count(*) from decisions where edition_id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                if sealed > 0 || Self::phase_in(&mut tx, id).await? != Phase::Deliberation {
                    return Ok(Err(crate::BallotRefusal::Closed));
                }
                let conflicted: i64 = sqlx::query_scalar(
                    "select count(*) from conflicts c join nominees n on n.edition_id = c.edition_id \
                     and n.municipality_code = c.municipality_code where c.edition_id = $1 and c.user_id = $2",
                )
                .bind(id)
                .bind(user_id)
                .fetch_one(&mut *tx)
                .await?;
                if conflicted > 0 {
                    return Ok(Err(crate::BallotRefusal::Conflicted));
                }
                let json = serde_json::to_string(ranking).map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into ballots (edition_id, user_id, ranking, cast_at) values ($1, $2, $3, $4) \
                     on conflict (edition_id, user_id) do update set ranking = excluded.ranking, cast_at = excluded.cast_at",
                )
                .bind(id)
                .bind(user_id)
                .bind(json)
                .bind(secs(actor.at))
                .execute(&mut *tx)
                .await?;
                // The log says that a ballot was cast, not what it says.
                Self::record(&mut tx, actor, "ballot.cast", &format!("{award}/{year}"), format!("user/{user_id}")).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn ballots(&self, award: &Slug, year: i16) -> Result<Vec<(i64, String, Vec<MunicipalityCode>)>> {
                let rows: Vec<(i64, String, String)> = self
                    .edition_rows(
                        "select b.user_id, u.name, b.ranking from ballots b join users u on u.id = b.user_id \
                         join editions e on e.id = b.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by b.cast_at, b.user_id",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(u, n, r)| Ok((u, n, serde_json::from_str(&r).map_err(|e| StoreError::Corrupt(e.to_string()))?)))
                    .collect()
            }

            async fn draft_citation(&self, award: &Slug, year: i16, text: &str, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set citation_draft = $1, citation_version = citation_version + 1 where id = $2")
                    .bind(text)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from citation_approvals where edition_id = $1").bind(id).execute(&mut *tx).await?;
                Self::record(&mut tx, actor, "citation.draft", &format!("{award}/{year}"), String::new()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn approve_citation(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                version: i64,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let current: i64 = sqlx::query_scalar("select citation_version from editions where id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                if current != version {
                    return Ok(false);
                }
                sqlx::query(
                    "insert into citation_approvals (edition_id, user_id, version) values ($1, $2, $3) \
                     on conflict (edition_id, user_id) do update set version = excluded.version",
                )
                .bind(id)
                .bind(user_id)
                .bind(version)
                .execute(&mut *tx)
                .await?;
                Self::record(&mut tx, actor, "citation.approve", &format!("{award}/{year}"), format!("version {version}")).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn citation(&self, award: &Slug, year: i16) -> Result<crate::Citation> {
                let rows: Vec<(i64, String, i64)> = self
                    .edition_rows(
                        "select e.id, e.citation_draft, e.citation_version from editions e \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                let (id, text, version) = rows.into_iter().next().ok_or_else(|| StoreError::NoEdition(award.clone(), year))?;
                let approved_by: Vec<(i64, String)> = sqlx::query_as(
                    "select u.id, u.name from citation_approvals c join users u on u.id = c.user_id \
                     where c.edition_id = $1 and c.version = $2 order by u.name",
                )
                .bind(id)
                .bind(version)
                .fetch_all(&self.pool)
                .await?;
                Ok(crate::Citation { text, version, approved_by })
            }

            async fn record_decision(
                &self,
                award: &Slug,
                year: i16,
                d: &crate::NewDecision,
                actor: &Stamp,
            ) -> Result<Result<(), crate::DecisionRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let existing: i64 = sqlx::query_scalar("select count(*) from decisions where edition_id = $1")
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                if existing > 0 {
                    return Ok(Err(crate::DecisionRefusal::AlreadySealed));
                }
                let moved = sqlx::query("update editions set phase = $1, winner_code = $2 where id = $3 and phase = $4")
                    .bind(Phase::Decided.as_str())
                    .bind(d.winner.as_str())
                    .bind(id)
                    .bind(Phase::Deliberation.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if moved == 0 {
                    return Ok(Err(crate::DecisionRefusal::NotDeliberating));
                }
                let ballots = d
                    .ballots
                    .as_ref()
                    .map(serde_json::to_string)
                    .transpose()
                    .map_err(|e| StoreError::Invalid(e.to_string()))?;
                sqlx::query(
                    "insert into decisions (edition_id, method, winner_code, citation, ballots, sealed_json, nonce, \
                     commitment, sealed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(id)
                .bind(d.method.as_str())
                .bind(d.winner.as_str())
                .bind(&d.citation)
                .bind(ballots)
                .bind(&d.seal.json)
                .bind(&d.seal.nonce)
                .bind(&d.seal.commitment)
                .bind(secs(d.sealed_at))
                .execute(&mut *tx)
                .await?;
                // The log names the commitment, never the winner: the log is read by organisers
                // of other awards too.
                let detail = format!("sealed {}", d.seal.commitment);
                Self::record(&mut tx, actor, "decision.seal", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn decision(&self, award: &Slug, year: i16) -> Result<Option<crate::StoredDecision>> {
                type Row = (String, String, String, Option<String>, String, String, String, i64);
                let rows: Vec<Row> = self
                    .edition_rows(
                        "select d.method, d.winner_code, d.citation, d.ballots, d.sealed_json, d.nonce, d.commitment, \
                         d.sealed_at from decisions d join editions e on e.id = d.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                let Some((method, winner, citation, ballots, json, nonce, commitment, at)) = rows.into_iter().next()
                else {
                    return Ok(None);
                };
                let corrupt = |e: String| StoreError::Corrupt(e);
                Ok(Some(crate::StoredDecision {
                    method: juryn_domain::seal::Method::parse(&method).ok_or_else(|| corrupt(format!("method {method}")))?,
                    winner: code(&winner)?,
                    citation,
                    ballots: ballots
                        .as_deref()
                        .map(serde_json::from_str)
                        .transpose()
                        .map_err(|e| corrupt(e.to_string()))?,
                    seal: juryn_domain::seal::Seal { json, nonce, commitment },
                    sealed_at: time(at)?,
                }))
            }
        }
    };
}

pub(crate) use impl_decision;
