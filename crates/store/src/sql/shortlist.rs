//! The shortlist: recorded by compare-and-set from shortlisting to nominated, and published at
//! the organiser's time.

macro_rules! impl_shortlist {
    ($store:ident) => {
        #[async_trait]
        impl ShortlistStore for $store {
            async fn record_shortlist(
                &self,
                award: &Slug,
                year: i16,
                nominees: &[(MunicipalityCode, String)],
                actor: &Stamp,
            ) -> Result<Result<(), ShortlistRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                // With several rounds, the last chooses among the cut before it, once it is made.
                let rounds = Self::rounds_in(&mut tx, id).await?.len();
                if rounds > 1 {
                    let cuts = Self::cuts_in(&mut tx, id).await?;
                    let Some(last) = cuts.get(rounds - 2) else {
                        return Ok(Err(ShortlistRefusal::EarlierRoundOpen));
                    };
                    let candidates = last.codes();
                    if let Some((c, _)) = nominees.iter().find(|(c, _)| !candidates.contains(c)) {
                        return Ok(Err(ShortlistRefusal::NotACandidate(*c)));
                    }
                }
                let moved = sqlx::query("update editions set phase = $1 where id = $2 and phase = $3")
                    .bind(Phase::Nominated.as_str())
                    .bind(id)
                    .bind(Phase::Shortlisting.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if moved == 0 {
                    return Ok(Err(ShortlistRefusal::AlreadyDecided));
                }
                sqlx::query("delete from nominees where edition_id = $1").bind(id).execute(&mut *tx).await?;
                for (pos, (c, rationale)) in nominees.iter().enumerate() {
                    sqlx::query(
                        "insert into nominees (edition_id, position, municipality_code, rationale) values ($1, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(pos as i64)
                    .bind(c.as_str())
                    .bind(rationale)
                    .execute(&mut *tx)
                    .await?;
                }
                let detail = nominees.iter().map(|(c, _)| c.to_string()).collect::<Vec<_>>().join(" ");
                Self::record(&mut tx, actor, "shortlist.record", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn shortlist(&self, award: &Slug, year: i16) -> Result<Vec<(MunicipalityCode, String)>> {
                let rows: Vec<(String, String)> = self
                    .edition_rows(
                        "select n.municipality_code, n.rationale from nominees n join editions e on e.id = n.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 order by n.position",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter().map(|(c, r)| Ok((code(&c)?, r))).collect()
            }

            async fn schedule_nominees(&self, award: &Slug, year: i16, at: Timestamp, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set nominees_public_at = $1 where id = $2")
                    .bind(secs(at))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                Self::record(&mut tx, actor, "shortlist.schedule", &format!("{award}/{year}"), at.to_string()).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_shortlist;
