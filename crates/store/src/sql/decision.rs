//! The decision's SQL: one sealed row per edition, written with the phase change.

macro_rules! impl_decision {
    ($store:ident) => {
        #[async_trait]
        impl crate::DecisionStore for $store {
            async fn record_decision(
                &self,
                award: &Slug,
                year: i16,
                d: &crate::NewDecision,
                actor: &str,
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
