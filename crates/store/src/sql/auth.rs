//! Sessions, one-time links, sign-in throttling and installation secrets.

/// A token with its invitation's scope names, in `TokenRow`'s order.
pub(crate) const TOKEN_SELECT: &str = "select t.purpose, t.user_id, t.email, t.name, t.role, \
     a.slug as award_slug, e.year as edition_year, t.municipality_code, t.expires_at, t.used_at \
     from tokens t left join awards a on a.id = t.award_id left join editions e on e.id = t.edition_id";

macro_rules! impl_auth {
    ($store:ident) => {
        impl $store {
            /// Checks a token and marks it used, inside the caller's transaction. A token used
            /// concurrently by another request counts as used.
            async fn use_token_in(
                tx: &mut Tx,
                hash: &str,
                purpose: TokenPurpose,
                now: Timestamp,
            ) -> Result<std::result::Result<TokenRecord, TokenError>> {
                let sql = format!("{TOKEN_SELECT} where t.hash = $1 and t.purpose = $2");
                let Some(row) = sqlx::query_as::<_, TokenRow>(&sql)
                    .bind(hash)
                    .bind(purpose.as_str())
                    .fetch_optional(&mut **tx)
                    .await?
                else {
                    return Ok(Err(TokenError::Unknown));
                };
                if row.used_at.is_some() {
                    return Ok(Err(TokenError::Used));
                }
                if row.expires_at <= secs(now) {
                    return Ok(Err(TokenError::Expired));
                }
                let done = sqlx::query("update tokens set used_at = $1 where hash = $2 and used_at is null")
                    .bind(secs(now))
                    .bind(hash)
                    .execute(&mut **tx)
                    .await?;
                if done.rows_affected() != 1 {
                    return Ok(Err(TokenError::Used));
                }
                Ok(Ok(row.into_record()?))
            }

            /// The person and their grants behind a live credential: `from` names the table
            /// (sessions or api_keys) and its hash column; `live` adds its own conditions.
            async fn authenticate(&self, (from, column, live): (&str, &str, &str), hash: &str, now: Timestamp) -> Result<Option<Authenticated>> {
                // One query for the person and their grants: every signed-in request makes it.
                #[derive(sqlx::FromRow)]
                struct Row {
                    #[sqlx(flatten)]
                    user: UserRow,
                    grant_id: Option<i64>,
                    role: Option<String>,
                    award_slug: Option<String>,
                    edition_year: Option<i64>,
                    municipality_code: Option<String>,
                }
                let sql = format!(
                    "select {USER_COLUMNS}, g.id as grant_id, g.role, a.slug as award_slug, e.year as edition_year, \
                     g.municipality_code from {from} s join users u on u.id = s.user_id \
                     left join role_grants g on g.user_id = u.id left join awards a on a.id = g.award_id \
                     left join editions e on e.id = g.edition_id \
                     where s.{column} = $1 and s.expires_at > $2 {live} and u.erased_at is null order by g.id"
                );
                let rows = sqlx::query_as::<_, Row>(&sql).bind(hash).bind(secs(now)).fetch_all(&self.pool).await?;
                let Some(first) = rows.first() else { return Ok(None) };
                let user = UserRow {
                    id: first.user.id,
                    email: first.user.email.clone(),
                    name: first.user.name.clone(),
                    lang: first.user.lang.clone(),
                    password_hash: first.user.password_hash.clone(),
                    created_at: first.user.created_at,
                    erased_at: first.user.erased_at,
                }
                .into_user()?;
                let mut grants = Vec::new();
                for r in rows {
                    if let (Some(id), Some(role)) = (r.grant_id, r.role) {
                        let grant = GrantRow {
                            id,
                            user_id: user.id,
                            role,
                            award_slug: r.award_slug,
                            edition_year: r.edition_year,
                            municipality_code: r.municipality_code,
                        };
                        grants.push(grant.into_grant()?);
                    }
                }
                let conflicts = if grants.iter().any(|g| g.grant.role.is_jury()) {
                    self.conflicts_of(user.id).await?
                } else {
                    Vec::new()
                };
                Ok(Some(Authenticated { user, grants, conflicts }))
            }

            async fn attempts_in(
                tx: &mut Tx,
                kind: AttemptKind,
                email: &str,
                ip: &str,
                since: Timestamp,
            ) -> Result<(i64, i64)> {
                let by_email: i64 = sqlx::query_scalar(
                    "select count(*) from sign_in_failures where kind = $1 and email = $2 and at >= $3",
                )
                .bind(kind.as_str())
                .bind(email)
                .bind(secs(since))
                .fetch_one(&mut **tx)
                .await?;
                let by_ip: i64 =
                    sqlx::query_scalar("select count(*) from sign_in_failures where kind = $1 and ip = $2 and at >= $3")
                        .bind(kind.as_str())
                        .bind(ip)
                        .bind(secs(since))
                        .fetch_one(&mut **tx)
                        .await?;
                Ok((by_email, by_ip))
            }

            async fn start_session_in(
                tx: &mut Tx,
                id_hash: &str,
                user_id: i64,
                now: Timestamp,
                expires_at: Timestamp,
                how: &str,
            ) -> Result<()> {
                sqlx::query("insert into sessions (id_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)")
                    .bind(id_hash)
                    .bind(user_id)
                    .bind(secs(now))
                    .bind(secs(expires_at))
                    .execute(&mut **tx)
                    .await?;
                let me = Stamp::new(format!("user/{user_id}"), now);
                Self::audit(tx, &me, "session.sign-in", &me.by, how.to_owned()).await
            }
        }

        #[async_trait]
        impl AuthStore for $store {
            async fn secret(&self, name: &str, fresh: &str) -> Result<String> {
                sqlx::query("insert into secrets (name, value) values ($1, $2) on conflict (name) do nothing")
                    .bind(name)
                    .bind(fresh)
                    .execute(&self.pool)
                    .await?;
                Ok(sqlx::query_scalar("select value from secrets where name = $1").bind(name).fetch_one(&self.pool).await?)
            }

            async fn create_session(
                &self,
                id_hash: &str,
                user_id: i64,
                (started_at, expires_at): (Timestamp, Timestamp),
                replaces: Option<&str>,
                how: &str,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                if let Some(old) = replaces {
                    sqlx::query("delete from sessions where id_hash = $1").bind(old).execute(&mut *tx).await?;
                }
                Self::start_session_in(&mut tx, id_hash, user_id, started_at, expires_at, how).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session(&self, id_hash: &str, now: Timestamp) -> Result<Option<Authenticated>> {
                self.authenticate(("sessions", "id_hash", ""), id_hash, now).await
            }

            async fn create_api_key(
                &self,
                user_id: i64,
                name: &str,
                hash: &str,
                (now, expires_at): (Timestamp, Timestamp),
            ) -> Result<i64> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id: i64 = sqlx::query_scalar(
                    "insert into api_keys (user_id, name, hash, created_at, expires_at) values ($1, $2, $3, $4, $5) returning id",
                )
                .bind(user_id)
                .bind(name)
                .bind(hash)
                .bind(secs(now))
                .bind(secs(expires_at))
                .fetch_one(&mut *tx)
                .await?;
                let me = Stamp::new(format!("user/{user_id}"), now);
                Self::audit(&mut tx, &me, "api-key.create", &me.by, name.to_owned()).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn api_key(&self, hash: &str, now: Timestamp) -> Result<Option<Authenticated>> {
                let found = self.authenticate(("api_keys", "hash", "and s.revoked_at is null"), hash, now).await?;
                if found.is_some() {
                    // Noted at most once a minute, so a busy integration does not write on every call.
                    sqlx::query(
                        "update api_keys set last_used_at = $1 where hash = $2 \
                         and (last_used_at is null or last_used_at < $3)",
                    )
                    .bind(secs(now))
                    .bind(hash)
                    .bind(secs(now) - 60)
                    .execute(&self.pool)
                    .await?;
                }
                Ok(found)
            }

            async fn api_keys_of(&self, user_id: i64) -> Result<Vec<ApiKey>> {
                let rows: Vec<(i64, String, i64, Option<i64>, i64, Option<i64>)> = sqlx::query_as(
                    "select id, name, created_at, last_used_at, expires_at, revoked_at from api_keys \
                     where user_id = $1 order by id desc",
                )
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(id, name, created, used, expires, revoked)| {
                        Ok(ApiKey {
                            id,
                            name,
                            created_at: time(created)?,
                            last_used_at: used.map(time).transpose()?,
                            expires_at: time(expires)?,
                            revoked_at: revoked.map(time).transpose()?,
                        })
                    })
                    .collect()
            }

            async fn revoke_api_key(&self, user_id: i64, key_id: i64, now: Timestamp) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let name: Option<String> = sqlx::query_scalar(
                    "update api_keys set revoked_at = $1 where id = $2 and user_id = $3 and revoked_at is null \
                     returning name",
                )
                .bind(secs(now))
                .bind(key_id)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(name) = name else { return Ok(false) };
                let me = Stamp::new(format!("user/{user_id}"), now);
                Self::audit(&mut tx, &me, "api-key.revoke", &me.by, name).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn end_session(&self, id_hash: &str, now: Timestamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let user: Option<i64> = sqlx::query_scalar("delete from sessions where id_hash = $1 returning user_id")
                    .bind(id_hash)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(id) = user {
                    let me = Stamp::new(format!("user/{id}"), now);
                    Self::audit(&mut tx, &me, "session.sign-out", &me.by, String::new()).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn put_token(&self, hash: &str, token: &NewToken, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let (award_id, edition_id) = match &token.grant {
                    Some(g) => Self::scope_ids(&mut tx, &g.scope).await?,
                    None => (None, None),
                };
                sqlx::query(
                    "insert into tokens (hash, purpose, user_id, email, name, role, award_id, edition_id, \
                     municipality_code, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(hash)
                .bind(token.purpose.as_str())
                .bind(token.user_id)
                .bind(token.email.to_lowercase())
                .bind(&token.name)
                .bind(token.grant.as_ref().map(|g| g.role.as_str()))
                .bind(award_id)
                .bind(edition_id)
                .bind(token.grant.as_ref().and_then(|g| g.municipality).map(|c| c.to_string()))
                .bind(secs(token.created_at))
                .bind(secs(token.expires_at))
                .execute(&mut *tx)
                .await?;
                let subject = match token.user_id {
                    Some(id) => format!("user/{id}"),
                    None => "invitation".to_owned(),
                };
                let detail = token.grant.as_ref().map(describe_grant).unwrap_or_default();
                Self::audit(&mut tx, actor, &format!("link.{}", token.purpose.as_str()), &subject, detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn token(
                &self,
                hash: &str,
                purpose: TokenPurpose,
                now: Timestamp,
            ) -> Result<std::result::Result<TokenRecord, TokenError>> {
                let sql = format!("{TOKEN_SELECT} where t.hash = $1 and t.purpose = $2");
                let row = sqlx::query_as::<_, TokenRow>(&sql)
                    .bind(hash)
                    .bind(purpose.as_str())
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(match row {
                    None => Err(TokenError::Unknown),
                    Some(r) if r.used_at.is_some() => Err(TokenError::Used),
                    Some(r) if r.expires_at <= secs(now) => Err(TokenError::Expired),
                    Some(r) => Ok(r.into_record()?),
                })
            }

            async fn sign_in_with_token(
                &self,
                hash: &str,
                session_hash: &str,
                now: Timestamp,
                expires_at: Timestamp,
            ) -> Result<std::result::Result<i64, TokenError>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let record = match Self::use_token_in(&mut tx, hash, TokenPurpose::SignIn, now).await? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                let Some(user_id) = record.user_id else { return Ok(Err(TokenError::Unknown)) };
                Self::start_session_in(&mut tx, session_hash, user_id, now, expires_at, "link").await?;
                tx.commit().await?;
                Ok(Ok(user_id))
            }

            async fn reset_password(
                &self,
                hash: &str,
                password_hash: &str,
                now: Timestamp,
            ) -> Result<std::result::Result<i64, TokenError>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let record = match Self::use_token_in(&mut tx, hash, TokenPurpose::Reset, now).await? {
                    Ok(r) => r,
                    Err(e) => return Ok(Err(e)),
                };
                let Some(user_id) = record.user_id else { return Ok(Err(TokenError::Unknown)) };
                sqlx::query("update users set password_hash = $1 where id = $2")
                    .bind(password_hash)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from sessions where user_id = $1").bind(user_id).execute(&mut *tx).await?;
                // Every other link that would sign the person in ends with the reset too.
                sqlx::query(
                    "update tokens set used_at = $1 where user_id = $2 and used_at is null \
                     and purpose in ('sign-in', 'reset')",
                )
                .bind(secs(now))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
                let me = Stamp::new(format!("user/{user_id}"), now);
                Self::audit(&mut tx, &me, "user.password-reset", &me.by, String::new()).await?;
                tx.commit().await?;
                Ok(Ok(user_id))
            }

            async fn accept_invitation_and_tell(
                &self,
                hash: &str,
                name: &str,
                password_hash: Option<&str>,
                now: Timestamp,
                mail: Vec<crate::OutgoingMail>,
            ) -> Result<std::result::Result<i64, TokenError>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let record = match Self::use_token_in(&mut tx, hash, TokenPurpose::Invitation, now).await? {
                    Ok(r) => r,
                    Err(TokenError::Unknown) => {
                        match Self::use_token_in(&mut tx, hash, TokenPurpose::Registration, now).await? {
                            Ok(r) => r,
                            Err(e) => return Ok(Err(e)),
                        }
                    }
                    Err(e) => return Ok(Err(e)),
                };
                let user_id: i64 = sqlx::query_scalar(
                    "insert into users (email, name, lang, password_hash, created_at) values ($1, $2, 'sv', $3, $4) \
                     on conflict (email) do update set \
                     password_hash = coalesce(users.password_hash, excluded.password_hash) returning id",
                )
                .bind(&record.email)
                .bind(name)
                .bind(password_hash)
                .bind(secs(now))
                .fetch_one(&mut *tx)
                .await?;
                let me = Stamp::new(format!("user/{user_id}"), now);
                if let Some(grant) = &record.grant {
                    Self::grant_in(&mut tx, user_id, grant, &me).await?;
                }
                // A self-registration makes the municipality's entry, as a confirmed nomination does.
                let registered = match (&record.purpose, &record.grant) {
                    (TokenPurpose::Registration, Some(g)) => match (&g.scope, g.municipality) {
                        (juryn_domain::Scope::Edition(award, year), Some(code)) => {
                            let edition = Self::edition_id(&mut tx, award, *year).await?;
                            Self::invite_entry_in(&mut tx, edition, code, now).await?;
                            format!("registration {award}/{year} {code}")
                        }
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                Self::audit(&mut tx, &me.clone().with_mail(mail), "invitation.accept", &me.by, registered).await?;
                tx.commit().await?;
                Ok(Ok(user_id))
            }

            async fn purge_expired(&self, now: Timestamp, before: Timestamp) -> Result<u64> {
                let mut n = 0;
                for (sql, at) in [
                    ("delete from sessions where expires_at <= $1", now),
                    ("delete from tokens where expires_at <= $1", before),
                    ("delete from sign_in_failures where at < $1", before),
                ] {
                    n += sqlx::query(sql).bind(secs(at)).execute(&self.pool).await?.rows_affected();
                }
                Ok(n)
            }

            async fn begin_attempt(
                &self,
                kind: AttemptKind,
                (email, ip): (&str, &str),
                (since, now): (Timestamp, Timestamp),
                max: i64,
            ) -> Result<Option<i64>> {
                let email = email.trim().to_lowercase();
                let (_writer, mut tx) = self.begin_write().await?;
                // Lock the keys' rows (in one order, so two attempts never wait on each other).
                let mut keys = [format!("email:{email}"), format!("ip:{ip}")];
                keys.sort();
                for key in &keys {
                    sqlx::query("insert into throttle_keys (key) values ($1) on conflict (key) do update set key = excluded.key")
                        .bind(key)
                        .execute(&mut *tx)
                        .await?;
                }
                let (by_email, by_ip) = Self::attempts_in(&mut tx, kind, &email, ip, since).await?;
                if by_email >= max || by_ip >= max {
                    return Ok(None);
                }
                let id: i64 = sqlx::query_scalar(
                    "insert into sign_in_failures (at, email, ip, kind) values ($1, $2, $3, $4) returning id",
                )
                .bind(secs(now))
                .bind(&email)
                .bind(ip)
                .bind(kind.as_str())
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Some(id))
            }

            async fn clear_attempt(&self, id: i64) -> Result<()> {
                sqlx::query("delete from sign_in_failures where id = $1").bind(id).execute(&self.pool).await?;
                Ok(())
            }

            async fn failures_since(
                &self,
                kind: AttemptKind,
                email: &str,
                ip: &str,
                since: Timestamp,
            ) -> Result<(i64, i64)> {
                let mut tx = self.pool.begin().await?;
                let counts = Self::attempts_in(&mut tx, kind, &email.trim().to_lowercase(), ip, since).await?;
                tx.commit().await?;
                Ok(counts)
            }
        }
    };
}

pub(crate) use impl_auth;
