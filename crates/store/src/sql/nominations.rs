//! Nominations by anyone, and the people to tell about them.

/// A nomination with its edition's names, in `NominationRow`'s order.
pub(crate) const NOMINATION_SELECT: &str = "select n.id, a.slug, e.year, n.municipality_code, n.reason, \
     n.nominator_name, n.nominator_email, n.nominator_kind, n.nominator_organisation, n.answers, n.created_at, \
     n.expires_at, n.confirmed_at from nominations n \
     join editions e on e.id = n.edition_id join awards a on a.id = e.award_id";

macro_rules! impl_nominations {
    ($store:ident) => {
        #[derive(sqlx::FromRow)]
        struct NominationRow {
            id: i64,
            slug: String,
            year: i64,
            municipality_code: String,
            reason: String,
            nominator_name: String,
            nominator_email: String,
            nominator_kind: String,
            nominator_organisation: String,
            answers: Option<String>,
            created_at: i64,
            expires_at: i64,
            confirmed_at: Option<i64>,
        }

        impl NominationRow {
            fn into_nomination(self) -> Result<Nomination> {
                Ok(Nomination {
                    id: self.id,
                    award: Slug::parse(&self.slug).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    year: year(self.year)?,
                    municipality: code(&self.municipality_code)?,
                    reason: self.reason,
                    nominator_name: self.nominator_name,
                    nominator_email: self.nominator_email,
                    nominator: juryn_domain::nomination::Nominator {
                        kind: juryn_domain::nomination::NominatorKind::parse(&self.nominator_kind)
                            .ok_or_else(|| StoreError::Corrupt(format!("nominator kind {}", self.nominator_kind)))?,
                        organisation: self.nominator_organisation,
                    },
                    answers: match self.answers {
                        Some(json) => serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                        None => Vec::new(),
                    },
                    created_at: time(self.created_at)?,
                    confirmed_at: self.confirmed_at.map(time).transpose()?,
                })
            }
        }

        impl $store {

            async fn users_where(&self, clause: &str, binds: (&str, Option<i64>, Option<&str>)) -> Result<Vec<User>> {
                let sql = format!(
                    "select distinct {USER_COLUMNS} from users u join role_grants g on g.user_id = u.id \
                     left join awards a on a.id = g.award_id left join editions e on e.id = g.edition_id \
                     where u.erased_at is null and {clause} order by u.id"
                );
                let mut q = sqlx::query_as::<_, UserRow>(&sql).bind(binds.0);
                if let Some(y) = binds.1 {
                    q = q.bind(y);
                }
                if let Some(c) = binds.2 {
                    q = q.bind(c);
                }
                q.fetch_all(&self.pool).await?.into_iter().map(UserRow::into_user).collect()
            }

        }
        #[async_trait]
        impl NominationStore for $store {
            async fn put_nomination_and_tell(&self, award: &Slug, year: i16, n: &NewNomination, mail: Vec<crate::OutgoingMail>) -> Result<i64> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition_id = Self::edition_id(&mut tx, award, year).await?;
                // A link's hash names one nomination: storing the same one again changes nothing.
                let id: Option<i64> = sqlx::query_scalar(
                    "insert into nominations (edition_id, municipality_code, reason, nominator_name, \
                     nominator_email, token_hash, created_at, expires_at, nominator_kind, nominator_organisation, \
                     answers) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                     on conflict (token_hash) do nothing returning id",
                )
                .bind(edition_id)
                .bind(n.municipality.as_str())
                .bind(&n.reason)
                .bind(&n.nominator_name)
                .bind(n.nominator_email.to_lowercase())
                .bind(&n.token_hash)
                .bind(secs(n.at))
                .bind(secs(n.expires_at))
                .bind(n.nominator.kind.as_str())
                .bind(&n.nominator.organisation)
                .bind(if n.answers.is_empty() {
                    None
                } else {
                    Some(serde_json::to_string(&n.answers).map_err(|e| StoreError::Invalid(e.to_string()))?)
                })
                .fetch_optional(&mut *tx)
                .await?;
                let Some(id) = id else {
                    let existing: i64 = sqlx::query_scalar("select id from nominations where token_hash = $1")
                        .bind(&n.token_hash)
                        .fetch_one(&mut *tx)
                        .await?;
                    return Ok(existing);
                };
                let subject = format!("{award}/{year}/{}", n.municipality);
                Self::audit(&mut tx, &Stamp::new("public", n.at).with_mail(mail), "nomination.put", &subject, format!("nomination {id}")).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn confirm_nomination_and_tell(
                &self,
                token_hash: &str,
                now: Timestamp,
                mail: Vec<crate::OutgoingMail>,
            ) -> Result<std::result::Result<Nomination, TokenError>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let sql = format!("{NOMINATION_SELECT} where n.token_hash = $1");
                let Some(row) = sqlx::query_as::<_, NominationRow>(&sql).bind(token_hash).fetch_optional(&mut *tx).await?
                else {
                    return Ok(Err(TokenError::Unknown));
                };
                if row.confirmed_at.is_some() {
                    return Ok(Err(TokenError::Used));
                }
                if row.expires_at <= secs(now) {
                    return Ok(Err(TokenError::Expired));
                }
                let done = sqlx::query("update nominations set confirmed_at = $1 where id = $2 and confirmed_at is null")
                    .bind(secs(now))
                    .bind(row.id)
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() != 1 {
                    return Ok(Err(TokenError::Used));
                }
                let mut nomination = row.into_nomination()?;
                nomination.confirmed_at = Some(now);
                // One entry per municipality, however many times it is nominated.
                let edition_id = Self::edition_id(&mut tx, &nomination.award, nomination.year).await?;
                Self::invite_entry_in(&mut tx, edition_id, nomination.municipality, now).await?;
                let subject = format!("{}/{}/{}", nomination.award, nomination.year, nomination.municipality);
                Self::record(&mut tx, &Stamp::new("public", now).with_mail(mail), "nomination.confirm", &subject, format!("nomination {}", nomination.id))
                    .await?;
                tx.commit().await?;
                Ok(Ok(nomination))
            }

            async fn nomination_by_token(&self, token_hash: &str) -> Result<Option<Nomination>> {
                let sql = format!("{NOMINATION_SELECT} where n.token_hash = $1");
                let row = sqlx::query_as::<_, NominationRow>(&sql).bind(token_hash).fetch_optional(&self.pool).await?;
                row.map(NominationRow::into_nomination).transpose()
            }

            async fn nominations(&self, award: &Slug, year: i16) -> Result<Vec<Nomination>> {
                let sql = format!("{NOMINATION_SELECT} where a.slug = $1 and e.year = $2 order by n.id");
                let rows = sqlx::query_as::<_, NominationRow>(&sql)
                    .bind(award.as_str())
                    .bind(i64::from(year))
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(NominationRow::into_nomination).collect()
            }

            async fn contacts_of(&self, award: &Slug, year: i16, code: MunicipalityCode) -> Result<Vec<User>> {
                self.users_where(
                    "g.role = 'entrant-contact' and a.slug = $1 and e.year = $2 and g.municipality_code = $3",
                    (award.as_str(), Some(i64::from(year)), Some(code.as_str())),
                )
                .await
            }

            async fn nominators_answer(&self, award: &Slug, year: i16) -> Result<bool> {
                let mut conn = self.pool.acquire().await?;
                let (id, _) = Self::edition_row_in(&mut conn, award, year).await?;
                Ok(sqlx::query_scalar("select nominators_answer from editions where id = $1")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?)
            }

            async fn set_nominators_answer(&self, award: &Slug, year: i16, answer: bool, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set nominators_answer = $1 where id = $2")
                    .bind(answer)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let detail = if answer { "nominators answer the questions" } else { "nominators give a reason" };
                Self::record(&mut tx, actor, "nominations.settings", &format!("{award}/{year}"), detail.to_owned()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn organisers_of(&self, award: &Slug) -> Result<Vec<User>> {
                self.users_where(
                    "g.role = 'organiser' and g.edition_id is null and (g.award_id is null or a.slug = $1)",
                    (award.as_str(), None, None),
                )
                .await
            }
        }
    };
}

pub(crate) use impl_nominations;
