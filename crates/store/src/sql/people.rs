//! Accounts, roles, conflicts, the audit log and personal data.

macro_rules! impl_people {
    ($store:ident) => {
        impl $store {
            async fn user_where(&self, clause: &str, value: &str) -> Result<Option<User>> {
                let sql = format!("select {USER_COLUMNS} from users u where {clause}");
                let row = sqlx::query_as::<_, UserRow>(&sql).bind(value).fetch_optional(&self.pool).await?;
                row.map(UserRow::into_user).transpose()
            }
        }

        #[async_trait]
        impl PeopleStore for $store {
            async fn put_user(&self, user: &NewUser, actor: &Stamp) -> Result<i64> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id: i64 = sqlx::query_scalar(
                    "insert into users (email, name, lang, password_hash, created_at) values ($1, $2, $3, $4, $5) \
                     on conflict (email) do update set name = excluded.name, \
                     password_hash = coalesce(excluded.password_hash, users.password_hash) returning id",
                )
                .bind(user.email.to_lowercase())
                .bind(&user.name)
                .bind(user.lang.tag())
                .bind(&user.password_hash)
                .bind(secs(actor.at))
                .fetch_one(&mut *tx)
                .await?;
                let detail = if user.password_hash.is_some() { "password set" } else { "" };
                Self::audit(&mut tx, actor, "user.put", &format!("user/{id}"), detail.into()).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn user(&self, id: i64) -> Result<Option<User>> {
                let sql = format!("select {USER_COLUMNS} from users u where u.id = $1");
                let row = sqlx::query_as::<_, UserRow>(&sql).bind(id).fetch_optional(&self.pool).await?;
                row.map(UserRow::into_user).transpose()
            }

            async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
                self.user_where("u.email = $1 and u.erased_at is null", &email.trim().to_lowercase()).await
            }

            async fn people(&self) -> Result<Vec<Person>> {
                let sql = format!("select {USER_COLUMNS} from users u where u.erased_at is null order by u.name, u.id");
                let users = sqlx::query_as::<_, UserRow>(&sql).fetch_all(&self.pool).await?;
                let grants = sqlx::query_as::<_, GrantRow>(&format!("{GRANT_SELECT} order by g.id"))
                    .fetch_all(&self.pool)
                    .await?;
                let mut by_user: std::collections::HashMap<i64, Vec<StoredGrant>> = Default::default();
                for g in grants {
                    let g = g.into_grant()?;
                    by_user.entry(g.user_id).or_default().push(g);
                }
                users
                    .into_iter()
                    .map(|u| {
                        let user = u.into_user()?;
                        Ok(Person { grants: by_user.remove(&user.id).unwrap_or_default(), user })
                    })
                    .collect()
            }

            async fn set_password(&self, user_id: i64, hash: &str, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                sqlx::query("update users set password_hash = $1 where id = $2")
                    .bind(hash)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from sessions where user_id = $1").bind(user_id).execute(&mut *tx).await?;
                Self::audit(&mut tx, actor, "user.password", &format!("user/{user_id}"), String::new()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn set_profile(&self, user_id: i64, name: &str, lang: Lang, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                sqlx::query("update users set name = $1, lang = $2 where id = $3")
                    .bind(name)
                    .bind(lang.tag())
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                Self::audit(&mut tx, actor, "user.profile", &format!("user/{user_id}"), format!("lang={}", lang.tag()))
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn grants_of(&self, user_id: i64) -> Result<Vec<StoredGrant>> {
                let sql = format!("{GRANT_SELECT} where g.user_id = $1 order by g.id");
                let rows = sqlx::query_as::<_, GrantRow>(&sql).bind(user_id).fetch_all(&self.pool).await?;
                rows.into_iter().map(GrantRow::into_grant).collect()
            }

            async fn grant(&self, user_id: i64, grant: &Grant, actor: &Stamp) -> Result<Granted> {
                let (_writer, mut tx) = self.begin_write().await?;
                let granted = Self::grant_in(&mut tx, user_id, grant, actor).await?;
                tx.commit().await?;
                Ok(granted)
            }

            async fn grant_by_id(&self, grant_id: i64) -> Result<Option<StoredGrant>> {
                let sql = format!("{GRANT_SELECT} where g.id = $1");
                let row = sqlx::query_as::<_, GrantRow>(&sql).bind(grant_id).fetch_optional(&self.pool).await?;
                row.map(GrantRow::into_grant).transpose()
            }

            async fn revoke(&self, grant_id: i64, actor: &Stamp) -> Result<Option<StoredGrant>> {
                let (_writer, mut tx) = self.begin_write().await?;
                let sql = format!("{GRANT_SELECT} where g.id = $1");
                let Some(row) = sqlx::query_as::<_, GrantRow>(&sql).bind(grant_id).fetch_optional(&mut *tx).await?
                else {
                    return Ok(None);
                };
                let held = row.into_grant()?;
                let (award_id, edition_id): (Option<i64>, Option<i64>) =
                    sqlx::query_as("select award_id, edition_id from role_grants where id = $1")
                        .bind(grant_id)
                        .fetch_one(&mut *tx)
                        .await?;
                sqlx::query("delete from role_grants where id = $1").bind(grant_id).execute(&mut *tx).await?;
                // Pending invitations to the same role in the same place would grant it again:
                // they end with the grant.
                sqlx::query(
                    "update tokens set used_at = $1 where purpose = 'invitation' and used_at is null \
                     and email = (select email from users where id = $2) and role = $3 \
                     and coalesce(award_id, -1) = coalesce($4, -1) and coalesce(edition_id, -1) = coalesce($5, -1) \
                     and coalesce(municipality_code, '') = coalesce($6, '')",
                )
                .bind(secs(actor.at))
                .bind(held.user_id)
                .bind(held.grant.role.as_str())
                .bind(award_id)
                .bind(edition_id)
                .bind(held.grant.municipality.map(|c| c.to_string()))
                .execute(&mut *tx)
                .await?;
                // The person's calendar links are signed with a secret that revocation renews.
                sqlx::query("update users set calendar_secret = null where id = $1")
                    .bind(held.user_id)
                    .execute(&mut *tx)
                    .await?;
                let subject = format!("user/{}", held.user_id);
                Self::audit(&mut tx, actor, "grant.revoke", &subject, describe_grant(&held.grant)).await?;
                tx.commit().await?;
                Ok(Some(held))
            }

            async fn calendar_secret(&self, user_id: i64, make: bool) -> Result<Option<String>> {
                let found: Option<Option<String>> =
                    sqlx::query_scalar("select calendar_secret from users where id = $1 and erased_at is null")
                        .bind(user_id)
                        .fetch_optional(&self.pool)
                        .await?;
                match found {
                    None => Ok(None),
                    Some(Some(secret)) => Ok(Some(secret)),
                    Some(None) if !make => Ok(None),
                    Some(None) => {
                        let mut bytes = [0u8; 32];
                        getrandom::fill(&mut bytes).map_err(|e| StoreError::Invalid(e.to_string()))?;
                        let fresh: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                        // Two first views at once agree on one secret: only a null is replaced.
                        sqlx::query("update users set calendar_secret = $1 where id = $2 and calendar_secret is null")
                            .bind(&fresh)
                            .bind(user_id)
                            .execute(&self.pool)
                            .await?;
                        Ok(sqlx::query_scalar("select calendar_secret from users where id = $1")
                            .bind(user_id)
                            .fetch_one(&self.pool)
                            .await?)
                    }
                }
            }

            async fn renew_calendar_secret(&self, user_id: i64, actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                sqlx::query("update users set calendar_secret = null where id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                let me = format!("user/{user_id}");
                // Recorded (the generation moves): the planning page, kept per reader, shows the
                // link.
                Self::record(&mut tx, actor, "calendar.renew", &me, String::new()).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn conflicts_of(&self, user_id: i64) -> Result<Vec<(Slug, i16, MunicipalityCode)>> {
                let rows: Vec<(String, i64, String)> = sqlx::query_as(
                    "select a.slug, e.year, c.municipality_code from conflicts c \
                     join editions e on e.id = c.edition_id join awards a on a.id = e.award_id \
                     where c.user_id = $1 order by c.id",
                )
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(a, y, c)| {
                        Ok((Slug::parse(&a).map_err(|e| StoreError::Corrupt(e.to_string()))?, year(y)?, code(&c)?))
                    })
                    .collect()
            }

            async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
                let mut clauses = Vec::new();
                let mut values = Vec::new();
                for (column, value, op) in [
                    ("actor", &filter.actor, "="),
                    ("action", &filter.action, "like"),
                    ("subject", &filter.subject, "like"),
                ] {
                    if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                        values.push(match op {
                            "=" => v.to_owned(),
                            _ if column == "action" => format!("{}%", escape_like(v)),
                            _ => format!("%{}%", escape_like(v)),
                        });
                        let escape = if op == "like" { " escape '\\'" } else { "" };
                        clauses.push(format!("{column} {op} ${}{escape}", values.len()));
                    }
                }
                if let Some(awards) = &filter.awards {
                    // An award's organiser: their awards' events only (none if they organise none).
                    let mut marks = Vec::new();
                    for a in awards {
                        values.push(a.clone());
                        marks.push(format!("${}", values.len()));
                    }
                    if marks.is_empty() {
                        clauses.push("1 = 0".to_owned());
                    } else {
                        clauses.push(format!("award_slug in ({})", marks.join(", ")));
                    }
                }
                let filter_sql = if clauses.is_empty() { String::new() } else { format!("where {}", clauses.join(" and ")) };
                let sql = format!(
                    "select at, actor, action, subject, detail from audit_events {filter_sql} order by id desc limit ${}",
                    values.len() + 1
                );
                let mut q = sqlx::query_as::<_, AuditRow>(&sql);
                for v in values {
                    q = q.bind(v);
                }
                let rows = q.bind(filter.limit.clamp(1, 1000)).fetch_all(&self.pool).await?;
                rows.into_iter().map(AuditRow::into_event).collect()
            }

            async fn export_person(&self, user_id: i64) -> Result<Option<serde_json::Value>> {
                let Some(user) = self.user(user_id).await? else { return Ok(None) };
                let grants = self.grants_of(user_id).await?;
                let sessions: Vec<(i64, i64)> =
                    sqlx::query_as("select created_at, expires_at from sessions where user_id = $1 order by created_at")
                        .bind(user_id)
                        .fetch_all(&self.pool)
                        .await?;
                let tokens: Vec<(String, i64, i64, Option<i64>)> = sqlx::query_as(
                    "select purpose, created_at, expires_at, used_at from tokens \
                     where user_id = $1 or email = $2 order by created_at",
                )
                .bind(user_id)
                .bind(&user.email)
                .fetch_all(&self.pool)
                .await?;
                let conflicts = self.conflicts_of(user_id).await?;
                let me = format!("user/{user_id}");
                let events = sqlx::query_as::<_, AuditRow>(
                    "select at, actor, action, subject, detail from audit_events \
                     where actor = $1 or subject = $1 order by id",
                )
                .bind(&me)
                .fetch_all(&self.pool)
                .await?;
                let ts = |s: i64| time(s).map(|t| t.to_string()).unwrap_or_default();
                Ok(Some(serde_json::json!({
                    "user": {
                        "id": user.id,
                        "email": user.email,
                        "name": user.name,
                        "lang": user.lang.tag(),
                        "has_password": user.password_hash.is_some(),
                        "created_at": user.created_at.to_string(),
                        "erased": user.erased,
                    },
                    "roles": grants.iter().map(|g| describe_grant(&g.grant)).collect::<Vec<_>>(),
                    "sessions": sessions.iter().map(|(c, e)| serde_json::json!({"created_at": ts(*c), "expires_at": ts(*e)})).collect::<Vec<_>>(),
                    "links": tokens.iter().map(|(p, c, e, u)| serde_json::json!({
                        "purpose": p, "created_at": ts(*c), "expires_at": ts(*e), "used_at": u.map(ts),
                    })).collect::<Vec<_>>(),
                    "conflicts": conflicts.iter().map(|(a, y, c)| format!("{a}/{y} {c}")).collect::<Vec<_>>(),
                    "audit_events": events.into_iter().map(|r| serde_json::json!({
                        "at": ts(r.at), "actor": r.actor, "action": r.action, "subject": r.subject, "detail": r.detail,
                    })).collect::<Vec<_>>(),
                })))
            }

            async fn erase_person(&self, user_id: i64, actor: &Stamp) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let sql = format!("select {USER_COLUMNS} from users u where u.id = $1");
                let Some(row) = sqlx::query_as::<_, UserRow>(&sql).bind(user_id).fetch_optional(&mut *tx).await?
                else {
                    return Ok(false);
                };
                let email = row.email.clone();
                let name = row.name.clone();
                let pseudonym = format!("user/{user_id}");
                sqlx::query(
                    "update users set email = $1, name = $2, password_hash = null, calendar_secret = null, erased_at = $3 where id = $4",
                )
                .bind(format!("erased-{user_id}@invalid"))
                .bind(format!("Raderad person {user_id}"))
                .bind(secs(actor.at))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
                for sql in [
                    "delete from sessions where user_id = $1",
                    "delete from role_grants where user_id = $1",
                    "delete from conflicts where user_id = $1",
                    "delete from conflict_rulings where user_id = $1",
                    "delete from assignments where user_id = $1",
                    "update jurors set user_id = null where user_id = $1",
                    "delete from tokens where user_id = $1",
                ] {
                    sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
                }
                sqlx::query("delete from tokens where email = $1").bind(&email).execute(&mut *tx).await?;
                sqlx::query("delete from sign_in_failures where email = $1").bind(&email).execute(&mut *tx).await?;
                // Mail to them, waiting or kept as sent, goes with them: nothing is sent after.
                sqlx::query("delete from mail_queue where lower(to_email) = lower($1)").bind(&email).execute(&mut *tx).await?;
                // The log keeps what happened, not who the person was.
                for needle in [email.as_str(), name.as_str()].into_iter().filter(|n| n.len() >= 3) {
                    sqlx::query(
                        "update audit_events set detail = replace(detail, $1, $2), subject = replace(subject, $1, $2), \
                         actor = replace(actor, $1, $2)",
                    )
                    .bind(needle)
                    .bind(&pseudonym)
                    .execute(&mut *tx)
                    .await?;
                }
                Self::audit(&mut tx, actor, "person.erase", &pseudonym, String::new()).await?;
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

/// Escapes `%`, `_` and `\` for a `like … escape '\'` pattern.
pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

pub(crate) use impl_people;
