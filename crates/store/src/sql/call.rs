//! The call for entries as an organiser runs it: its times, its questionnaire, the overview of
//! its entries, and reminders.

macro_rules! impl_call {
    ($store:ident) => {
        #[async_trait]
        impl CallStore for $store {
            async fn set_call_window(
                &self,
                award: &Slug,
                year: i16,
                call: &juryn_domain::CallWindow,
                actor: &Stamp,
            ) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                sqlx::query("update editions set call_opens_at = $1, call_closes_at = $2, grace_minutes = $3 where id = $4")
                    .bind(call.opens_at.map(secs))
                    .bind(call.closes_at.map(secs))
                    .bind(i64::from(call.grace_minutes))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let detail = format!(
                    "opens {:?}, closes {:?}, grace {} min",
                    call.opens_at.map(|t| t.to_string()),
                    call.closes_at.map(|t| t.to_string()),
                    call.grace_minutes
                );
                Self::record(&mut tx, actor, "edition.call", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn put_questions(&self, award: &Slug, year: i16, questions: &[Question], actor: &Stamp) -> Result<()> {
                let (_writer, mut tx) = self.begin_write().await?;
                let id = Self::edition_id(&mut tx, award, year).await?;
                Self::put_questions_in(&mut tx, id, questions).await?;
                let detail = format!("{} questions", questions.len());
                Self::record(&mut tx, actor, "questionnaire.put", &format!("{award}/{year}"), detail).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn overview(&self, award: &Slug, year: i16) -> Result<Vec<OverviewRow>> {
                let rows: Vec<(String, String, Option<i64>, Option<i64>, i64, i64)> = sqlx::query_as(
                    "select n.municipality_code, n.status, n.updated_at, n.submitted_at, \
                     coalesce(m.c, 0), coalesce(g.c, 0) \
                     from entries n join editions e on e.id = n.edition_id join awards a on a.id = e.award_id \
                     left join (select municipality_code, count(*) as c from nominations \
                       where edition_id = (select e2.id from editions e2 join awards a2 on a2.id = e2.award_id \
                         where a2.slug = $1 and e2.year = $2) and confirmed_at is not null \
                       group by municipality_code) m on m.municipality_code = n.municipality_code \
                     left join (select municipality_code, count(*) as c from role_grants \
                       where edition_id = (select e3.id from editions e3 join awards a3 on a3.id = e3.award_id \
                         where a3.slug = $1 and e3.year = $2) and role = 'entrant-contact' \
                       group by municipality_code) g on g.municipality_code = n.municipality_code \
                     where a.slug = $1 and e.year = $2 order by n.municipality_code",
                )
                .bind(award.as_str())
                .bind(i64::from(year))
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(c, s, u, sub, nominations, contacts)| {
                        Ok(OverviewRow {
                            municipality: code(&c)?,
                            status: juryn_domain::EntryStatus::parse(&s)
                                .ok_or_else(|| StoreError::Corrupt(format!("entry status {s:?}")))?,
                            updated_at: u.map(time).transpose()?,
                            submitted_at: sub.map(time).transpose()?,
                            nominations,
                            contacts,
                        })
                    })
                    .collect()
            }

            async fn unsubmitted_contacts(&self, award: &Slug, year: i16) -> Result<Vec<(User, MunicipalityCode)>> {
                #[derive(sqlx::FromRow)]
                struct Row {
                    #[sqlx(flatten)]
                    user: UserRow,
                    municipality_code: String,
                }
                let sql = format!(
                    "select {USER_COLUMNS}, g.municipality_code from role_grants g join users u on u.id = g.user_id \
                     join editions e on e.id = g.edition_id join awards a on a.id = e.award_id \
                     left join entries n on n.edition_id = e.id and n.municipality_code = g.municipality_code \
                     where a.slug = $1 and e.year = $2 and g.role = 'entrant-contact' and u.erased_at is null \
                     and (n.id is null or n.status in ('invited', 'draft')) order by g.municipality_code, u.id"
                );
                let rows = sqlx::query_as::<_, Row>(&sql).bind(award.as_str()).bind(i64::from(year)).fetch_all(&self.pool).await?;
                rows.into_iter().map(|r| Ok((r.user.into_user()?, code(&r.municipality_code)?))).collect()
            }

            async fn claim_reminder(&self, award: &Slug, year: i16, reminder: &str, user_id: i64, actor: &Stamp) -> Result<bool> {
                let (_writer, mut tx) = self.begin_write().await?;
                let edition_id = Self::edition_id(&mut tx, award, year).await?;
                let done = sqlx::query(
                    "insert into reminders_sent (edition_id, reminder, user_id, sent_at) values ($1, $2, $3, $4) \
                     on conflict (edition_id, reminder, user_id) do nothing",
                )
                .bind(edition_id)
                .bind(reminder)
                .bind(user_id)
                .bind(secs(actor.at))
                .execute(&mut *tx)
                .await?;
                let claimed = done.rows_affected() == 1;
                if claimed {
                    Self::audit(&mut tx, actor, "reminder.send", &format!("user/{user_id}"), format!("{award}/{year} {reminder}")).await?;
                }
                tx.commit().await?;
                Ok(claimed)
            }
        }
    };
}

pub(crate) use impl_call;
