//! The jury's rounds and the cuts before the last one: each cut is checked inside its write
//! against the phase, the round's bounds and the candidates (domain::round).

macro_rules! impl_rounds {
    ($store:ident) => {
        impl $store {
            /// The round being decided in the edition (see `current_round!`).
            async fn current_round_in(tx: &mut Tx, edition_id: i64) -> Result<i64> {
                Ok(sqlx::query_scalar(concat!("select ", current_round!(), " from editions e where e.id = $1"))
                    .bind(edition_id)
                    .fetch_one(&mut **tx)
                    .await?)
            }

            /// The entries a round after the first reviews: the selection of the round before;
            /// `None` in the first round, which reviews every competing entry.
            async fn round_candidates_in(tx: &mut Tx, edition_id: i64, round: i64) -> Result<Option<Vec<String>>> {
                if round <= 1 {
                    return Ok(None);
                }
                let codes = sqlx::query_scalar(
                    "select municipality_code from round_selections where edition_id = $1 and round = $2",
                )
                .bind(edition_id)
                .bind(round - 1)
                .fetch_all(&mut **tx)
                .await?;
                Ok(Some(codes))
            }

            async fn rounds_in(conn: &mut Conn, edition_id: i64) -> Result<Vec<juryn_domain::round::Round>> {
                type RoundRow = (String, Option<String>, i64, i64, String, Option<String>);
                let rows: Vec<RoundRow> = sqlx::query_as(
                    "select name_sv, name_en, least, most, wording_sv, wording_en from review_rounds \
                     where edition_id = $1 order by position",
                )
                .bind(edition_id)
                .fetch_all(&mut *conn)
                .await?;
                rows.into_iter()
                    .map(|(name_sv, name_en, least, most, wording_sv, wording_en)| {
                        let bound = |n: i64| u16::try_from(n).map_err(|e| StoreError::Corrupt(e.to_string()));
                        Ok(juryn_domain::round::Round {
                            name: text(name_sv, name_en),
                            least: bound(least)?,
                            most: bound(most)?,
                            wording: text(wording_sv, wording_en),
                        })
                    })
                    .collect()
            }

            async fn cuts_in(conn: &mut Conn, edition_id: i64) -> Result<Vec<juryn_domain::round::Cut>> {
                let rounds = Self::rounds_in(&mut *conn, edition_id).await?;
                let times: Vec<(i64, Option<i64>)> = sqlx::query_as(
                    "select position, public_at from review_rounds where edition_id = $1 order by position",
                )
                .bind(edition_id)
                .fetch_all(&mut *conn)
                .await?;
                let chosen: Vec<(i64, String, String)> = sqlx::query_as(
                    "select round, municipality_code, rationale from round_selections where edition_id = $1 \
                     order by round, position",
                )
                .bind(edition_id)
                .fetch_all(&mut *conn)
                .await?;
                let mut cuts = Vec::new();
                for ((position, public_at), round) in times.into_iter().zip(rounds) {
                    let selected: Vec<(MunicipalityCode, String)> = chosen
                        .iter()
                        .filter(|(r, _, _)| *r == position)
                        .map(|(_, c, why)| Ok((code(c)?, why.clone())))
                        .collect::<Result<_>>()?;
                    if selected.is_empty() {
                        break;
                    }
                    cuts.push(juryn_domain::round::Cut {
                        position: u16::try_from(position).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        round,
                        selected,
                        public_at: public_at.map(time).transpose()?,
                    });
                }
                Ok(cuts)
            }
        }

        #[async_trait]
        impl RoundStore for $store {
            async fn rounds(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::round::Round>> {
                let mut conn = self.pool.acquire().await?;
                let (id, _) = Self::edition_row_in(&mut conn, award, year).await?;
                Self::rounds_in(&mut conn, id).await
            }

            async fn put_rounds(
                &self,
                award: &Slug,
                year: i16,
                rounds: &[juryn_domain::round::Round],
                actor: &Stamp,
            ) -> Result<Result<(), RoundsRefusal>> {
                if let Err(p) = juryn_domain::round::check_rounds(rounds) {
                    return Ok(Err(RoundsRefusal::Invalid(p)));
                }
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let (_, phase) = Self::edition_row(&mut tx, award, year).await?;
                let cut: Option<i64> = sqlx::query_scalar("select round from round_selections where edition_id = $1 limit 1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let started = Phase::parse(&phase).is_none_or(|p| p > Phase::Shortlisting);
                if cut.is_some() || started {
                    return Ok(Err(RoundsRefusal::Started));
                }
                sqlx::query("delete from review_rounds where edition_id = $1").bind(id).execute(&mut *tx).await?;
                for (i, r) in rounds.iter().enumerate() {
                    sqlx::query(
                        "insert into review_rounds (edition_id, position, name_sv, name_en, least, most, \
                         wording_sv, wording_en) values ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id)
                    .bind(i as i64 + 1)
                    .bind(&r.name.sv)
                    .bind(&r.name.en)
                    .bind(i64::from(r.least))
                    .bind(i64::from(r.most))
                    .bind(&r.wording.sv)
                    .bind(&r.wording.en)
                    .execute(&mut *tx)
                    .await?;
                }
                if let Some(last) = rounds.last() {
                    sqlx::query("update editions set shortlist_min = $1, shortlist_max = $2 where id = $3")
                        .bind(i64::from(last.least))
                        .bind(i64::from(last.most))
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                let names: Vec<String> = rounds.iter().map(|r| format!("{} {}–{}", r.name.sv, r.least, r.most)).collect();
                Self::record(&mut tx, actor, "rounds.put", &format!("{award}/{year}"), names.join("; ")).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn cuts(&self, award: &Slug, year: i16) -> Result<Vec<juryn_domain::round::Cut>> {
                let mut conn = self.pool.acquire().await?;
                let (id, _) = Self::edition_row_in(&mut conn, award, year).await?;
                Self::cuts_in(&mut conn, id).await
            }

            async fn record_cut(
                &self,
                (award, year, position): (&Slug, i16, u16),
                selected: &[(MunicipalityCode, String)],
                public_at: Option<Timestamp>,
                actor: &Stamp,
            ) -> Result<Result<(), CutRefusal>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let (_, phase) = Self::edition_row(&mut tx, award, year).await?;
                let rounds = Self::rounds_in(&mut tx, id).await?;
                let last = rounds.len();
                let round = match rounds.get(usize::from(position).wrapping_sub(1)) {
                    Some(r) if usize::from(position) < last && phase == Phase::Shortlisting.as_str() => r.clone(),
                    _ => return Ok(Err(CutRefusal::NotNow)),
                };
                let cuts = Self::cuts_in(&mut tx, id).await?;
                let entries: Vec<String> = sqlx::query_scalar(
                    "select municipality_code from entries where edition_id = $1 and status = 'submitted' \
                     and not booklet_only order by municipality_code",
                )
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
                let entries: Vec<MunicipalityCode> = entries.iter().map(|c| code(c)).collect::<Result<_>>()?;
                let candidates = juryn_domain::round::candidates(&cuts, &entries);
                let codes: Vec<MunicipalityCode> = selected.iter().map(|(c, _)| *c).collect();
                if let Err(p) = juryn_domain::round::check_cut(&round, position, (&cuts, &candidates), (&codes, public_at)) {
                    return Ok(Err(CutRefusal::Invalid(p)));
                }
                for (i, (c, why)) in selected.iter().enumerate() {
                    sqlx::query(
                        "insert into round_selections (edition_id, round, position, municipality_code, rationale) \
                         values ($1, $2, $3, $4, $5)",
                    )
                    .bind(id)
                    .bind(i64::from(position))
                    .bind(i as i64)
                    .bind(c.as_str())
                    .bind(why)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query("update review_rounds set public_at = $1 where edition_id = $2 and position = $3")
                    .bind(public_at.map(secs))
                    .bind(id)
                    .bind(i64::from(position))
                    .execute(&mut *tx)
                    .await?;
                // The next round starts with this round's criteria, which the organiser may
                // change until its first review is written.
                sqlx::query(
                    "insert into criteria (edition_id, round, position, name_sv, name_en, description_sv, \
                     description_en, scale_min, scale_max, weight, scale_labels) \
                     select edition_id, round + 1, position, name_sv, name_en, description_sv, description_en, \
                     scale_min, scale_max, weight, scale_labels from criteria where edition_id = $1 and round = $2",
                )
                .bind(id)
                .bind(i64::from(position))
                .execute(&mut *tx)
                .await?;
                let detail = format!("round {position}: {}", codes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" "));
                Self::record(&mut tx, actor, "round.cut", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(Ok(()))
            }

            async fn schedule_cut(&self, (award, year, position): (&Slug, i16, u16), at: Timestamp, actor: &Stamp) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                let cuts = Self::cuts_in(&mut tx, id).await?;
                let i = usize::from(position).wrapping_sub(1);
                let before = i.checked_sub(1).and_then(|p| cuts.get(p)).and_then(|c| c.public_at);
                if cuts.get(i).is_none() || before.is_some_and(|b| at < b) {
                    return Ok(false);
                }
                sqlx::query("update review_rounds set public_at = $1 where edition_id = $2 and position = $3")
                    .bind(secs(at))
                    .bind(id)
                    .bind(i64::from(position))
                    .execute(&mut *tx)
                    .await?;
                Self::record(&mut tx, actor, "round.schedule", &format!("{award}/{year}"), format!("round {position} from {at}")).await?;
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use impl_rounds;
