//! Conflicts of interest: the edition's policy, the jurors' ties (their linked profiles), the
//! rulings, and the effective set recomputed by `domain::conflict` inside each write.

macro_rules! impl_conflicts {
    ($store:ident) => {
        impl $store {
            /// Recomputes one juror's effective conflicts in an edition from their ties, the
            /// edition's policy and every ruling, replacing the rows in `conflicts`; assignments
            /// of pairs that are now conflicted are removed.
            async fn refresh_conflicts_in(tx: &mut Tx, edition_id: i64, user_id: i64, at: Timestamp) -> Result<()> {
                use juryn_domain::conflict::{ConflictPolicy, Ruling, Ties, conflict};
                let ties_row: Option<(Option<String>, Option<String>)> = sqlx::query_as(
                    "select home_code, employer_code from jurors where edition_id = $1 and user_id = $2",
                )
                .bind(edition_id)
                .bind(user_id)
                .fetch_optional(&mut **tx)
                .await?;
                let ties = match ties_row {
                    Some((home, employer)) => Ties {
                        home: home.as_deref().map(code).transpose()?,
                        employer: employer.as_deref().map(code).transpose()?,
                    },
                    None => Ties::default(),
                };
                let whole_county: bool =
                    sqlx::query_scalar("select conflict_whole_county from editions where id = $1")
                        .bind(edition_id)
                        .fetch_one(&mut **tx)
                        .await?;
                let rows: Vec<(String, String, String)> = sqlx::query_as(
                    "select kind, municipality_code, reason from conflict_rulings \
                     where edition_id = $1 and user_id = $2 order by id",
                )
                .bind(edition_id)
                .bind(user_id)
                .fetch_all(&mut **tx)
                .await?;
                let mut rulings = Vec::with_capacity(rows.len());
                for (kind, c, reason) in rows {
                    rulings.push(
                        Ruling::from_parts(&kind, code(&c)?, reason)
                            .ok_or_else(|| StoreError::Corrupt(format!("ruling kind {kind}")))?,
                    );
                }
                sqlx::query("delete from conflicts where edition_id = $1 and user_id = $2")
                    .bind(edition_id)
                    .bind(user_id)
                    .execute(&mut **tx)
                    .await?;
                let policy = ConflictPolicy { whole_county };
                let now = secs(at);
                let mut found: Vec<(MunicipalityCode, String)> = Vec::new();
                for m in juryn_domain::Registry::sweden().all() {
                    let Some(source) = conflict(&ties, policy, &rulings, m.code) else { continue };
                    let reason = serde_json::to_string(&source).map_err(|e| StoreError::Invalid(e.to_string()))?;
                    found.push((m.code, reason));
                }
                let joint = Self::joint_in(&mut **tx, edition_id).await?;
                juryn_domain::joint::extend_conflicts(&joint, &mut found);
                for (c, reason) in found {
                    sqlx::query(
                        "insert into conflicts (edition_id, user_id, municipality_code, reason, created_at) \
                         values ($1, $2, $3, $4, $5)",
                    )
                    .bind(edition_id)
                    .bind(user_id)
                    .bind(c.as_str())
                    .bind(reason)
                    .bind(now)
                    .execute(&mut **tx)
                    .await?;
                }
                sqlx::query(
                    "delete from assignments where edition_id = $1 and user_id = $2 and municipality_code in \
                     (select municipality_code from conflicts where edition_id = $1 and user_id = $2)",
                )
                .bind(edition_id)
                .bind(user_id)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            async fn is_conflicted_in(tx: &mut Tx, edition_id: i64, user_id: i64, c: MunicipalityCode) -> Result<bool> {
                let n: i64 = sqlx::query_scalar(
                    "select count(*) from conflicts where edition_id = $1 and user_id = $2 and municipality_code = $3",
                )
                .bind(edition_id)
                .bind(user_id)
                .bind(c.as_str())
                .fetch_one(&mut **tx)
                .await?;
                Ok(n > 0)
            }

        }
        #[async_trait]
        impl ConflictStore for $store {
            async fn conflict_policy(
                &self,
                award: &Slug,
                year: i16,
            ) -> Result<juryn_domain::conflict::ConflictPolicy> {
                let rows: Vec<(bool,)> = self
                    .edition_rows(
                        "select e.conflict_whole_county from editions e join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2",
                        award,
                        year,
                    )
                    .await?;
                let whole_county =
                    rows.first().map(|r| r.0).ok_or_else(|| StoreError::NoEdition(award.clone(), year))?;
                Ok(juryn_domain::conflict::ConflictPolicy { whole_county })
            }

            async fn set_review_settings(
                &self,
                award: &Slug,
                year: i16,
                policy: juryn_domain::conflict::ConflictPolicy,
                (min, max): (u16, u16),
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query(
                    "update editions set conflict_whole_county = $1, shortlist_min = $2, shortlist_max = $3 \
                     where id = $4",
                )
                .bind(policy.whole_county)
                .bind(i64::from(min))
                .bind(i64::from(max))
                .bind(id)
                .execute(&mut *tx)
                .await?;
                // Everyone whose conflicts the policy decides: the linked jurors and anyone ruled on.
                let people: Vec<i64> = sqlx::query_scalar(
                    "select user_id from jurors where edition_id = $1 and user_id is not null \
                     union select user_id from conflict_rulings where edition_id = $1",
                )
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
                for user_id in people {
                    Self::refresh_conflicts_in(&mut tx, id, user_id, actor.at).await?;
                }
                let detail = format!("whole county {}, shortlist {min}–{max}", policy.whole_county);
                Self::record(&mut tx, actor, "review.settings", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn link_juror(
                &self,
                award: &Slug,
                year: i16,
                profile: &str,
                user_id: i64,
                employer: Option<MunicipalityCode>,
                actor: &Stamp,
            ) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                // One profile per account: a link moves, it does not copy.
                sqlx::query("update jurors set user_id = null where edition_id = $1 and user_id = $2")
                    .bind(id)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                let linked = sqlx::query(
                    "update jurors set user_id = $1, employer_code = $2 where edition_id = $3 and name = $4",
                )
                .bind(user_id)
                .bind(employer.map(|c| c.to_string()))
                .bind(id)
                .bind(profile)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if linked == 0 {
                    return Ok(false);
                }
                Self::refresh_conflicts_in(&mut tx, id, user_id, actor.at).await?;
                let detail = format!("{award}/{year} profile {profile}, employer {employer:?}");
                Self::record(&mut tx, actor, "juror.link", &format!("user/{user_id}"), detail).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn add_ruling(
                &self,
                award: &Slug,
                year: i16,
                user_id: i64,
                ruling: &juryn_domain::conflict::Ruling,
                made_by: Option<i64>,
                actor: &Stamp,
            ) -> Result<()> {
                ruling.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query(
                    "insert into conflict_rulings (edition_id, user_id, municipality_code, kind, reason, made_by, made_at) \
                     values ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(id)
                .bind(user_id)
                .bind(ruling.municipality().as_str())
                .bind(ruling.kind())
                .bind(ruling.reason())
                .bind(made_by)
                .bind(secs(actor.at))
                .execute(&mut *tx)
                .await?;
                Self::refresh_conflicts_in(&mut tx, id, user_id, actor.at).await?;
                let detail = format!("{award}/{year} {} {}: {}", ruling.kind(), ruling.municipality(), ruling.reason());
                Self::record(&mut tx, actor, "conflict.ruling", &format!("user/{user_id}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn conflict_register(&self, award: &Slug, year: i16) -> Result<Vec<ConflictRow>> {
                let rows: Vec<(i64, String, String, String)> = self
                    .edition_rows(
                        "select c.user_id, u.name, c.municipality_code, c.reason from conflicts c \
                         join users u on u.id = c.user_id join editions e on e.id = c.edition_id \
                         join awards a on a.id = e.award_id where a.slug = $1 and e.year = $2 \
                         order by u.name, c.municipality_code",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(user_id, name, c, reason)| {
                        Ok(ConflictRow {
                            user_id,
                            name,
                            municipality: code(&c)?,
                            source: serde_json::from_str(&reason).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        })
                    })
                    .collect()
            }

            async fn rulings(&self, award: &Slug, year: i16) -> Result<Vec<StoredRuling>> {
                let rows: Vec<(i64, String, String, String, Option<String>, i64)> = self
                    .edition_rows(
                        "select r.user_id, r.kind, r.municipality_code, r.reason, u.name, r.made_at \
                         from conflict_rulings r left join users u on u.id = r.made_by \
                         join editions e on e.id = r.edition_id join awards a on a.id = e.award_id \
                         where a.slug = $1 and e.year = $2 order by r.id",
                        award,
                        year,
                    )
                    .await?;
                rows.into_iter()
                    .map(|(user_id, kind, c, reason, by, at)| {
                        Ok(StoredRuling {
                            user_id,
                            ruling: juryn_domain::conflict::Ruling::from_parts(&kind, code(&c)?, reason)
                                .ok_or_else(|| StoreError::Corrupt(format!("ruling kind {kind}")))?,
                            made_by: by,
                            made_at: time(at)?,
                        })
                    })
                    .collect()
            }
        }
    };
}

pub(crate) use impl_conflicts;
